#include "innograph/extract/export_jsonl.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace innograph::extract {
namespace {

nlohmann::json toJson(const graph::Value& v) {
    switch (v.kind()) {
    case graph::Value::Kind::Null:
        return nullptr;
    case graph::Value::Kind::Bool:
        return v.asBool();
    case graph::Value::Kind::Int:
        return v.asInt();
    case graph::Value::Kind::Double:
        return v.asDouble();
    case graph::Value::Kind::String:
        return v.asString();
    case graph::Value::Kind::List: {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& x : v.asList())
            a.push_back(toJson(x));
        return a;
    }
    case graph::Value::Kind::Map: {
        nlohmann::json o = nlohmann::json::object();
        for (const auto& [k, x] : v.asMap())
            o[k] = toJson(x);
        return o;
    }
    case graph::Value::Kind::Temporal: // APOC's export writes temporal values as ISO 8601 text
        return graph::formatTemporal(v.asTemporal());
    }
    return nullptr;
}

} // namespace

void writeApocJsonl(const ExtractedGraph& g, std::ostream& out) {
    for (std::size_t i = 0; i < g.entities.size(); ++i) {
        const Entity& e = g.entities[i];
        nlohmann::json props = nlohmann::json::object();
        for (const auto& [k, v] : e.properties)
            props[k] = toJson(v);
        props["name"] = e.name;
        nlohmann::json aliases = nlohmann::json::array();
        for (const auto& a : e.aliases)
            aliases.push_back(a);
        for (const auto& a : e.localAliases)
            aliases.push_back(a);
        props["aliases"] = aliases;
        if (!e.scope.empty())
            props["scope"] = e.scope;
        nlohmann::json node = {{"type", "node"},
                               {"id", std::to_string(i)},
                               {"labels", {e.label}},
                               {"properties", props}};
        out << node.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    for (std::size_t i = 0; i < g.relations.size(); ++i) {
        const Relation& r = g.relations[i];
        nlohmann::json props = nlohmann::json::object();
        for (const auto& [k, v] : r.properties)
            props[k] = toJson(v);
        props["sources"] = r.sources;
        nlohmann::json ev = nlohmann::json::array(), offsets = nlohmann::json::array();
        for (const auto& e : r.evidence) {
            ev.push_back(e.sentence);
            offsets.push_back({{"doc", e.docId}, {"begin", e.begin}, {"end", e.end}});
        }
        props["evidence"] = ev;
        props["evidenceOffsets"] = offsets;
        nlohmann::json rel = {
            {"type", "relationship"},
            {"id", std::to_string(i)},
            {"label", r.type},
            {"start", {{"id", std::to_string(r.start)}, {"labels", {g.entities[r.start].label}}}},
            {"end", {{"id", std::to_string(r.end)}, {"labels", {g.entities[r.end].label}}}},
            {"properties", props}};
        out << rel.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
}

std::string toApocJsonl(const ExtractedGraph& graph) {
    std::ostringstream ss;
    writeApocJsonl(graph, ss);
    return ss.str();
}

} // namespace innograph::extract
