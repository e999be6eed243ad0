#pragma once

// Property values stored on nodes and relationships.
//
// A Value is one of: null, bool, int64, double, string (UTF-8), list of Values, map from string
// to Value, or a temporal value. Maps are ordered by key so that encodings and exports are
// deterministic.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace innograph::graph {

// openCypher's temporal types. A temporal value is kept as numbers (what it means is fixed by
// its type) so that the store, comparisons and ordering never parse text.
enum class TemporalType : std::uint8_t { Date, LocalTime, Time, LocalDateTime, DateTime, Duration };

struct Temporal {
    TemporalType type = TemporalType::Date;
    std::int64_t months = 0;        // Duration only
    std::int64_t days = 0;          // the local date as days since 1970-01-01; Duration: days
    std::int64_t seconds = 0;       // seconds into the local day (0..86399); Duration: seconds
    std::int32_t nanos = 0;         // 0..999,999,999 (a Duration's seconds carry its sign)
    std::int32_t offsetSeconds = 0; // Time, DateTime: the local time's offset from UTC

    friend bool operator==(const Temporal&, const Temporal&) = default;
};

// ISO 8601 text, as Neo4j prints it: 2019-01-01, 12:31:14.645876123+01:00,
// 1984-10-11T12:31:14Z, P1Y2M3DT4H5M6.5S. The type's name: DATE, LOCAL TIME, ZONED TIME, ...
std::string formatTemporal(const Temporal& t);
const char* temporalTypeName(TemporalType type);

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value, std::less<>>;

class Value {
public:
    enum class Kind : std::uint8_t { Null = 0, Bool, Int, Double, String, List, Map, Temporal };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : v_(b) {}
    Value(int i) : v_(static_cast<std::int64_t>(i)) {}
    Value(std::int64_t i) : v_(i) {}
    Value(std::uint64_t i) : v_(static_cast<std::int64_t>(i)) {}
    Value(double d) : v_(d) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(std::string_view s) : v_(std::string(s)) {}
    Value(ValueList l) : v_(std::move(l)) {}
    Value(ValueMap m) : v_(std::move(m)) {}
    Value(Temporal t) : v_(t) {}

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool isNull() const { return kind() == Kind::Null; }
    bool isBool() const { return kind() == Kind::Bool; }
    bool isInt() const { return kind() == Kind::Int; }
    bool isDouble() const { return kind() == Kind::Double; }
    bool isString() const { return kind() == Kind::String; }
    bool isList() const { return kind() == Kind::List; }
    bool isMap() const { return kind() == Kind::Map; }
    bool isTemporal() const { return kind() == Kind::Temporal; }

    // Accessors require the matching kind (checked with assert-like std::get semantics).
    bool asBool() const { return std::get<bool>(v_); }
    std::int64_t asInt() const { return std::get<std::int64_t>(v_); }
    double asDouble() const { return std::get<double>(v_); }
    const std::string& asString() const { return std::get<std::string>(v_); }
    const ValueList& asList() const { return std::get<ValueList>(v_); }
    ValueList& asList() { return std::get<ValueList>(v_); }
    const ValueMap& asMap() const { return std::get<ValueMap>(v_); }
    ValueMap& asMap() { return std::get<ValueMap>(v_); }
    const Temporal& asTemporal() const { return std::get<Temporal>(v_); }

    friend bool operator==(const Value& a, const Value& b) { return a.v_ == b.v_; }

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, ValueList, ValueMap,
                 Temporal>
        v_;
};

using PropertyMap = ValueMap;

} // namespace innograph::graph
