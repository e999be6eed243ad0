// GET /v1/schema: labels, relationship types, their counts, property keys, which labels each
// type connects (read from the relationships, sampled on a large graph), and the ontology the
// graph follows.

#include "service.h"

#include "innograph/ontology/ontology.h"

#include <map>
#include <set>

namespace innograph::server {
namespace {

constexpr std::uint64_t kSample = 200000;

// What the graph may hold, whatever it holds now: every label and type with its description and
// how the visualizer draws it, and the endpoints each type allows ("*" is any label).
nlohmann::json ontologyJson() {
    nlohmann::json labels = nlohmann::json::array(), types = nlohmann::json::array();
    for (const auto& l : ontology::kLabels)
        labels.push_back({{"label", l.name},
                          {"description", l.description},
                          {"color", l.color},
                          {"shape", l.shape},
                          {"placed", l.placed}});
    for (const auto& r : ontology::kRelationships) {
        nlohmann::json endpoints = nlohmann::json::array();
        for (const auto& e : ontology::kEndpoints)
            if (e.type == r.type)
                endpoints.push_back({{"from", e.from}, {"to", e.to}});
        types.push_back({{"type", r.type},
                         {"description", r.description},
                         {"color", r.color},
                         {"endpoints", endpoints}});
    }
    return {{"labels", labels}, {"relationshipTypes", types}};
}

Response schema(Service& svc, RequestContext& ctx) {
    auto stats = svc.store().stats();
    if (!stats.isOk())
        throw HttpError(http::status::internal_server_error, "StorageError",
                        stats.status().toString());
    auto view = svc.store().snapshot();
    std::map<std::string, std::set<std::pair<std::string, std::string>>> connects;
    auto rels = view->allRelationships();
    graph::RelId rid;
    std::uint64_t seen = 0;
    std::map<graph::NodeId, std::vector<std::string>> labelCache;
    auto labelsOf = [&](graph::NodeId id) -> const std::vector<std::string>& {
        auto it = labelCache.find(id);
        if (it != labelCache.end())
            return it->second;
        auto l = view->nodeLabels(id);
        return labelCache[id] = l.isOk() ? *l : std::vector<std::string>{};
    };
    while (seen < kSample && rels->next(&rid)) {
        ++seen;
        auto r = view->relationship(rid);
        if (!r.isOk())
            continue;
        for (const auto& a : labelsOf(r->start))
            for (const auto& b : labelsOf(r->end))
                connects[r->type].insert({a, b});
        if (labelCache.size() > 100000)
            labelCache.clear();
    }
    nlohmann::json labels = nlohmann::json::array(), types = nlohmann::json::array();
    for (const auto& [l, n] : stats->nodesPerLabel)
        labels.push_back({{"label", l}, {"count", n}});
    for (const auto& [t, n] : stats->relationshipsPerType) {
        nlohmann::json pairs = nlohmann::json::array();
        for (const auto& [a, b] : connects[t])
            pairs.push_back({{"from", a}, {"to", b}});
        types.push_back({{"type", t}, {"count", n}, {"connects", pairs}});
    }
    return svc.json(ctx, http::status::ok,
                    {{"nodes", stats->nodes},
                     {"relationships", stats->relationships},
                     {"labels", labels},
                     {"relationshipTypes", types},
                     {"propertyKeys", svc.store().propertyKeys().value()},
                     {"connectsSampled", seen >= kSample},
                     {"ontology", ontologyJson()}});
}

} // namespace

void registerSchemaRoutes(Router& router) {
    router.add(http::verb::get, "/v1/schema", schema);
}

} // namespace innograph::server
