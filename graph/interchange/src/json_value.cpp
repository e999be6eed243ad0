#include "innograph/interchange/interchange.h"

#include <nlohmann/json.hpp>

namespace innograph::interchange {

using graph::Value;

nlohmann::json toJson(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null:
        return nullptr;
    case Value::Kind::Bool:
        return v.asBool();
    case Value::Kind::Int:
        return v.asInt();
    case Value::Kind::Double:
        return v.asDouble();
    case Value::Kind::String:
        return v.asString();
    case Value::Kind::List: {
        auto a = nlohmann::json::array();
        for (const auto& item : v.asList())
            a.push_back(toJson(item));
        return a;
    }
    case Value::Kind::Map:
        return toJson(v.asMap());
    case Value::Kind::Temporal: // APOC's export writes temporal values as ISO 8601 text
        return graph::formatTemporal(v.asTemporal());
    }
    return nullptr;
}

nlohmann::json toJson(const graph::PropertyMap& props) {
    auto o = nlohmann::json::object();
    for (const auto& [k, v] : props)
        o[k] = toJson(v);
    return o;
}

Result<Value> fromJson(const nlohmann::json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::null:
        return Value();
    case nlohmann::json::value_t::boolean:
        return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
        return Value(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
        auto u = j.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(INT64_MAX))
            return Status::invalidArgument("integer " + std::to_string(u) + " is out of range");
        return Value(static_cast<std::int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
        return Value(j.get<double>());
    case nlohmann::json::value_t::string:
        return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
        graph::ValueList list;
        for (const auto& item : j) {
            auto v = fromJson(item);
            if (!v.isOk())
                return v.status();
            list.push_back(std::move(*v));
        }
        return Value(std::move(list));
    }
    case nlohmann::json::value_t::object: {
        graph::ValueMap map;
        for (const auto& [k, item] : j.items()) {
            auto v = fromJson(item);
            if (!v.isOk())
                return v.status();
            map.emplace(k, std::move(*v));
        }
        return Value(std::move(map));
    }
    default:
        return Status::invalidArgument("unsupported JSON value");
    }
}

} // namespace innograph::interchange
