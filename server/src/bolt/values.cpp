#include "values.h"

#include "innograph/query/query_error.h"

namespace innograph::server::bolt {
namespace {

constexpr std::uint8_t kNode = 0x4E;
constexpr std::uint8_t kRelationship = 0x52;
constexpr std::uint8_t kUnboundRelationship = 0x72;
constexpr std::uint8_t kPath = 0x50;

// Bolt's temporal structures (the DateTime of Bolt 5 counts UTC seconds, the older one local).
void packTemporal(Packer& p, const graph::Temporal& t, BoltVersion version) {
    using T = graph::TemporalType;
    constexpr std::int64_t kNanosPerSecond = 1000000000;
    const std::int64_t localSeconds = t.days * 86400 + t.seconds;
    switch (t.type) {
    case T::Date:
        p.structHeader(1, 0x44);
        return p.integer(t.days);
    case T::LocalTime:
        p.structHeader(1, 0x74);
        return p.integer(t.seconds * kNanosPerSecond + t.nanos);
    case T::Time:
        p.structHeader(2, 0x54);
        p.integer(t.seconds * kNanosPerSecond + t.nanos);
        return p.integer(t.offsetSeconds);
    case T::LocalDateTime:
        p.structHeader(2, 0x64);
        p.integer(localSeconds);
        return p.integer(t.nanos);
    case T::DateTime: {
        const bool utc = version.major >= 5;
        p.structHeader(3, utc ? 0x49 : 0x46);
        p.integer(utc ? localSeconds - t.offsetSeconds : localSeconds);
        p.integer(t.nanos);
        return p.integer(t.offsetSeconds);
    }
    case T::Duration:
        p.structHeader(4, 0x45);
        p.integer(t.months);
        p.integer(t.days);
        p.integer(t.seconds);
        return p.integer(t.nanos);
    }
}

void packStored(Packer& p, const graph::Value& v, BoltVersion version) {
    switch (v.kind()) {
    case graph::Value::Kind::Null:
        return p.null();
    case graph::Value::Kind::Bool:
        return p.boolean(v.asBool());
    case graph::Value::Kind::Int:
        return p.integer(v.asInt());
    case graph::Value::Kind::Double:
        return p.floating(v.asDouble());
    case graph::Value::Kind::String:
        return p.string(v.asString());
    case graph::Value::Kind::List:
        p.listHeader(v.asList().size());
        for (const auto& item : v.asList())
            packStored(p, item, version);
        return;
    case graph::Value::Kind::Map:
        p.mapHeader(v.asMap().size());
        for (const auto& [k, item] : v.asMap()) {
            p.string(k);
            packStored(p, item, version);
        }
        return;
    case graph::Value::Kind::Temporal:
        return packTemporal(p, v.asTemporal(), version);
    }
}

void packProperties(Packer& p, const graph::PropertyMap* props, BoltVersion version) {
    if (!props) {
        p.mapHeader(0);
        return;
    }
    p.mapHeader(props->size());
    for (const auto& [k, v] : *props) {
        p.string(k);
        packStored(p, v, version);
    }
}

void packNode(Packer& p, const query::NodeRef& n, BoltVersion version) {
    const bool v5 = version.major >= 5;
    p.structHeader(v5 ? 4 : 3, kNode);
    p.integer(static_cast<std::int64_t>(n.id));
    if (n.data) {
        p.listHeader(n.data->labels.size());
        for (const auto& l : n.data->labels)
            p.string(l);
    } else {
        p.listHeader(0);
    }
    packProperties(p, n.data ? &n.data->properties : nullptr, version);
    if (v5)
        p.string(elementId(n.id));
}

const std::string& relType(const query::RelRef& r) {
    static const std::string unknown;
    return r.data ? r.data->type : unknown;
}

void packRelationship(Packer& p, const query::RelRef& r, BoltVersion version) {
    const bool v5 = version.major >= 5;
    p.structHeader(v5 ? 8 : 5, kRelationship);
    p.integer(static_cast<std::int64_t>(r.id));
    p.integer(static_cast<std::int64_t>(r.start));
    p.integer(static_cast<std::int64_t>(r.end));
    p.string(relType(r));
    packProperties(p, r.data ? &r.data->properties : nullptr, version);
    if (v5) {
        p.string(elementId(r.id));
        p.string(elementId(r.start));
        p.string(elementId(r.end));
    }
}

void packPath(Packer& p, const query::PathValue& path, BoltVersion version) {
    const bool v5 = version.major >= 5;
    p.structHeader(3, kPath);
    p.listHeader(path.nodes.size());
    for (const auto& n : path.nodes)
        packNode(p, n, version);
    p.listHeader(path.relationships.size());
    for (const auto& r : path.relationships) {
        p.structHeader(v5 ? 4 : 3, kUnboundRelationship);
        p.integer(static_cast<std::int64_t>(r.id));
        p.string(relType(r));
        packProperties(p, r.data ? &r.data->properties : nullptr, version);
        if (v5)
            p.string(elementId(r.id));
    }
    // Each step names its relationship (1-based; negative when walked against its direction)
    // and the node it reaches (an index into the node list).
    p.listHeader(2 * path.relationships.size());
    for (std::size_t i = 0; i < path.relationships.size(); ++i) {
        const auto& r = path.relationships[i];
        bool forward = i < path.nodes.size() && r.start == path.nodes[i].id;
        auto index = static_cast<std::int64_t>(i + 1);
        p.integer(forward ? index : -index);
        p.integer(static_cast<std::int64_t>(i + 1));
    }
}

} // namespace

std::string elementId(std::uint64_t id) {
    return std::to_string(id);
}

void packValue(Packer& p, const query::Value& v, BoltVersion version) {
    switch (v.kind()) {
    case query::Value::Kind::Null:
        return p.null();
    case query::Value::Kind::Bool:
        return p.boolean(v.asBool());
    case query::Value::Kind::Int:
        return p.integer(v.asInt());
    case query::Value::Kind::Double:
        return p.floating(v.asDouble());
    case query::Value::Kind::String:
        return p.string(v.asString());
    case query::Value::Kind::List:
        p.listHeader(v.asList().size());
        for (const auto& item : v.asList())
            packValue(p, item, version);
        return;
    case query::Value::Kind::Map:
        p.mapHeader(v.asMap().size());
        for (const auto& [k, item] : v.asMap()) {
            p.string(k);
            packValue(p, item, version);
        }
        return;
    case query::Value::Kind::Node:
        return packNode(p, v.asNode(), version);
    case query::Value::Kind::Rel:
        return packRelationship(p, v.asRel(), version);
    case query::Value::Kind::Path:
        return packPath(p, v.asPath(), version);
    case query::Value::Kind::Temporal:
        return packTemporal(p, v.asTemporal(), version);
    }
}

query::Value toQueryValue(const PackValue& v) {
    switch (v.kind()) {
    case PackValue::Kind::Null:
        return query::Value();
    case PackValue::Kind::Bool:
        return query::Value(v.asBool());
    case PackValue::Kind::Int:
        return query::Value(v.asInt());
    case PackValue::Kind::Float:
        return query::Value(v.asFloat());
    case PackValue::Kind::String:
        return query::Value(v.asString());
    case PackValue::Kind::List: {
        query::List l;
        l.reserve(v.asList().size());
        for (const auto& item : v.asList())
            l.push_back(toQueryValue(item));
        return query::Value(std::move(l));
    }
    case PackValue::Kind::Map: {
        query::Map m;
        for (const auto& [k, item] : v.asMap())
            m.insert_or_assign(k, toQueryValue(item));
        return query::Value(std::move(m));
    }
    case PackValue::Kind::Bytes:
        throw query::QueryError(query::ErrorCode::TypeError,
                                "byte arrays are not a value innograph's queries can take");
    case PackValue::Kind::Struct:
        break;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", v.asStruct().tag);
    throw query::QueryError(query::ErrorCode::TypeError,
                            std::string("a parameter of PackStream structure ") + hex +
                                " (temporal, spatial or graph element) is not supported");
}

} // namespace innograph::server::bolt
