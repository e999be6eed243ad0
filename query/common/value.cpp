#include "innograph/query/value.h"

#include "innograph/query/query_error.h"

namespace innograph::query {

graph::Value Value::toStored() const {
    switch (kind()) {
    case Kind::Null:
        return graph::Value();
    case Kind::Bool:
        return graph::Value(asBool());
    case Kind::Int:
        return graph::Value(asInt());
    case Kind::Double:
        return graph::Value(asDouble());
    case Kind::String:
        return graph::Value(asString());
    case Kind::List: {
        graph::ValueList l;
        for (const auto& v : asList())
            l.push_back(v.toStored());
        return graph::Value(std::move(l));
    }
    case Kind::Map: {
        graph::ValueMap m;
        for (const auto& [k, v] : asMap())
            m.emplace(k, v.toStored());
        return graph::Value(std::move(m));
    }
    case Kind::Temporal:
        return graph::Value(asTemporal());
    default:
        throw QueryError(ErrorCode::TypeError,
                         std::string("A ") + typeName() + " cannot be stored as a property value");
    }
}

Value Value::fromStored(const graph::Value& v) {
    using K = graph::Value::Kind;
    switch (v.kind()) {
    case K::Null:
        return Value();
    case K::Bool:
        return Value(v.asBool());
    case K::Int:
        return Value(v.asInt());
    case K::Double:
        return Value(v.asDouble());
    case K::String:
        return Value(v.asString());
    case K::List: {
        List l;
        l.reserve(v.asList().size());
        for (const auto& x : v.asList())
            l.push_back(fromStored(x));
        return Value(std::move(l));
    }
    case K::Map: {
        Map m;
        for (const auto& [k, x] : v.asMap())
            m.emplace(k, fromStored(x));
        return Value(std::move(m));
    }
    case K::Temporal:
        return Value(v.asTemporal());
    }
    return Value();
}

const char* Value::typeName() const {
    switch (kind()) {
    case Kind::Null:
        return "NULL";
    case Kind::Bool:
        return "BOOLEAN";
    case Kind::Int:
        return "INTEGER";
    case Kind::Double:
        return "FLOAT";
    case Kind::String:
        return "STRING";
    case Kind::List:
        return "LIST";
    case Kind::Map:
        return "MAP";
    case Kind::Node:
        return "NODE";
    case Kind::Rel:
        return "RELATIONSHIP";
    case Kind::Path:
        return "PATH";
    case Kind::Temporal:
        return graph::temporalTypeName(asTemporal().type);
    }
    return "ANY";
}

} // namespace innograph::query
