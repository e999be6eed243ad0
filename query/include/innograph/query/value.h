#pragma once

// Values that flow through a query: the store's property values (temporal ones included) plus
// nodes, relationships and paths. A node or relationship is carried by reference (ids only) while a
// query runs, so that walking the graph never decodes properties it does not need; results are
// materialised (labels and properties attached) before they leave the engine.

#include "innograph/graph/graph_store.h"
#include "innograph/graph/value.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace innograph::query {

class Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value, std::less<>>;

struct NodeRef {
    graph::NodeId id = 0;
    std::shared_ptr<const graph::Node> data; // set once materialised
};

struct RelRef {
    graph::RelId id = 0;
    graph::TypeId type = 0;
    graph::NodeId start = 0;
    graph::NodeId end = 0;
    std::shared_ptr<const graph::Relationship> data; // set once materialised
};

struct PathValue {
    std::vector<NodeRef> nodes; // always one more than relationships
    std::vector<RelRef> relationships;
};

class Value {
public:
    enum class Kind : std::uint8_t {
        Null = 0,
        Bool,
        Int,
        Double,
        String,
        List,
        Map,
        Node,
        Rel,
        Path,
        Temporal // graph::Temporal: date, local time, time, local datetime, datetime, duration
    };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : v_(b) {}
    Value(int i) : v_(static_cast<std::int64_t>(i)) {}
    Value(std::int64_t i) : v_(i) {}
    Value(double d) : v_(d) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(List l) : v_(std::move(l)) {}
    Value(Map m) : v_(std::move(m)) {}
    Value(NodeRef n) : v_(std::move(n)) {}
    Value(RelRef r) : v_(std::move(r)) {}
    Value(PathValue p) : v_(std::move(p)) {}
    Value(graph::Temporal t) : v_(t) {}

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool isNull() const { return kind() == Kind::Null; }
    bool isBool() const { return kind() == Kind::Bool; }
    bool isInt() const { return kind() == Kind::Int; }
    bool isDouble() const { return kind() == Kind::Double; }
    bool isNumber() const { return isInt() || isDouble(); }
    bool isString() const { return kind() == Kind::String; }
    bool isList() const { return kind() == Kind::List; }
    bool isMap() const { return kind() == Kind::Map; }
    bool isNode() const { return kind() == Kind::Node; }
    bool isRel() const { return kind() == Kind::Rel; }
    bool isPath() const { return kind() == Kind::Path; }
    bool isTemporal() const { return kind() == Kind::Temporal; }

    bool asBool() const { return std::get<bool>(v_); }
    std::int64_t asInt() const { return std::get<std::int64_t>(v_); }
    double asDouble() const { return std::get<double>(v_); }
    double asNumber() const { return isInt() ? static_cast<double>(asInt()) : asDouble(); }
    const std::string& asString() const { return std::get<std::string>(v_); }
    const List& asList() const { return std::get<List>(v_); }
    List& asList() { return std::get<List>(v_); }
    const Map& asMap() const { return std::get<Map>(v_); }
    Map& asMap() { return std::get<Map>(v_); }
    const NodeRef& asNode() const { return std::get<NodeRef>(v_); }
    NodeRef& asNode() { return std::get<NodeRef>(v_); }
    const RelRef& asRel() const { return std::get<RelRef>(v_); }
    RelRef& asRel() { return std::get<RelRef>(v_); }
    const PathValue& asPath() const { return std::get<PathValue>(v_); }
    PathValue& asPath() { return std::get<PathValue>(v_); }
    const graph::Temporal& asTemporal() const { return std::get<graph::Temporal>(v_); }

    // The store's value for this one; nodes, relationships and paths have none (TypeError).
    graph::Value toStored() const;
    static Value fromStored(const graph::Value& v);

    // Cypher type name used in messages: "INTEGER", "STRING", "NODE", ...
    const char* typeName() const;

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Map, NodeRef,
                 RelRef, PathValue, graph::Temporal>
        v_;
};

// Parameters of a query, by name without the `$`.
using Parameters = std::map<std::string, Value, std::less<>>;

} // namespace innograph::query
