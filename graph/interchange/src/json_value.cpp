#include "import_builder.h"

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

std::string at(const std::string& file, std::size_t line) {
    return file + ":" + std::to_string(line) + ": ";
}

Status ImportBuilder::addNode(const std::string& where, const std::string& id,
                              std::vector<std::string> labels, graph::PropertyMap props) {
    auto [it, added] = index_.emplace(id, nodes_.size());
    if (!added)
        return Status::invalidArgument(where + "node id " + id + " is defined twice");
    nodes_.push_back({std::move(labels), std::move(props)});
    return Status::ok();
}

void ImportBuilder::addRelationship(const std::string& where, std::string type, std::string start,
                                    std::string end, graph::PropertyMap props) {
    graph::BulkRelationship r;
    r.type = std::move(type);
    r.properties = std::move(props);
    rels_.push_back(std::move(r));
    pending_.push_back({where, std::move(start), std::move(end)});
}

Result<ImportSummary> ImportBuilder::load(graph::GraphStore& store, const Progress& progress) {
    for (std::size_t i = 0; i < rels_.size(); ++i) {
        auto s = index_.find(pending_[i].start);
        if (s == index_.end())
            return Status::invalidArgument(pending_[i].where + "relationship start node " +
                                           pending_[i].start + " is not defined in the input");
        auto e = index_.find(pending_[i].end);
        if (e == index_.end())
            return Status::invalidArgument(pending_[i].where + "relationship end node " +
                                           pending_[i].end + " is not defined in the input");
        rels_[i].start = {false, s->second};
        rels_[i].end = {false, e->second};
    }
    graph::BulkLoadOptions opts;
    opts.progress = progress;
    auto r = store.bulkLoad(nodes_, rels_, opts);
    if (!r.isOk())
        return r.status();
    return ImportSummary{nodes_.size(), rels_.size()};
}

} // namespace innograph::interchange
