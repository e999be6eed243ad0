// GET /v1/entities (search as you type), /v1/entities/{id}, /v1/entities/{id}/neighbors.

#include "elements.h"
#include "service.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

namespace innograph::server {
namespace {

graph::NodeId parseNodeId(const std::string& text) {
    graph::NodeId id = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || p != text.data() + text.size())
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "entity id must be a number, got '" + text + "'");
    return id;
}

void check(const graph::Status& s) {
    if (!s.isOk())
        throw HttpError(http::status::internal_server_error, "StorageError", s.toString());
}

graph::Node loadNode(const graph::ReadView& view, graph::NodeId id) {
    auto n = view.node(id);
    if (n.status().isNotFound())
        throw HttpError(http::status::not_found, "NotFound",
                        "no entity with id " + std::to_string(id));
    check(n.status());
    return std::move(*n);
}

// Degree for ranking, counted up to a cap so that a hub costs no more than a bounded scan.
std::uint64_t cappedDegree(const graph::ReadView& view, graph::NodeId id, std::uint64_t cap) {
    auto c = view.edges(id, graph::Direction::Both);
    graph::Edge e;
    std::uint64_t n = 0;
    while (n < cap && c->next(&e))
        ++n;
    return n;
}

Response search(Service& svc, RequestContext& ctx) {
    const auto q = param(ctx.target, "q");
    const auto label = param(ctx.target, "label");
    const auto limit = uintParam(ctx.target, "limit", 20, 1000);
    auto view = svc.store().snapshot();
    // rank: 0 exact, 1 prefix, 2 substring (of a name or alias, after normalisation)
    std::unordered_map<graph::NodeId, std::pair<int, std::string>> best;
    if (!q.empty()) {
        auto needle = graph::normalizeName(q);
        if (needle.empty())
            throw HttpError(http::status::bad_request, "ArgumentError", "q has no searchable text");
        check(view->scanNames([&](std::string_view name, graph::NodeId id) {
            int rank = name == needle                                ? 0
                       : name.starts_with(needle)                    ? 1
                       : name.find(needle) != std::string_view::npos ? 2
                                                                     : -1;
            if (rank < 0)
                return true;
            auto [it, added] = best.emplace(id, std::make_pair(rank, std::string(name)));
            if (!added && rank < it->second.first)
                it->second = {rank, std::string(name)};
            return true;
        }));
    } else if (!label.empty()) {
        auto lid = view->labelId(label);
        if (lid.isOk()) {
            auto c = view->nodesWithLabel(*lid);
            graph::NodeId id;
            while (best.size() < limit * 5 && c->next(&id))
                best.emplace(id, std::make_pair(3, ""));
        }
    } else {
        throw HttpError(http::status::bad_request, "ArgumentError", "give q (text) or label");
    }
    struct Hit {
        graph::NodeId id;
        int rank;
        std::string matched;
        std::uint64_t degree = 0;
        graph::Node node;
    };
    std::vector<Hit> hits;
    for (auto& [id, rm] : best)
        hits.push_back({id, rm.first, rm.second, 0, {}});
    // Cheap order first, so that only a bounded number of candidates are read and ranked.
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return std::tie(a.rank, a.matched, a.id) < std::tie(b.rank, b.matched, b.id);
    });
    std::vector<Hit> kept;
    for (auto& h : hits) {
        if (kept.size() >= limit * 5)
            break;
        auto n = view->node(h.id);
        if (!n.isOk())
            continue;
        if (!label.empty() && !n->hasLabel(label))
            continue;
        h.node = std::move(*n);
        h.degree = cappedDegree(*view, h.id, 100000);
        kept.push_back(std::move(h));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) {
        return a.rank != b.rank ? a.rank < b.rank : a.degree > b.degree;
    });
    if (kept.size() > limit)
        kept.resize(limit);
    static const char* kMatch[] = {"exact", "prefix", "substring", "label"};
    nlohmann::json results = nlohmann::json::array();
    for (const auto& h : kept) {
        auto j = nodeJson(h.node, false);
        j["name"] = j["properties"].value("name", "");
        j["match"] = kMatch[h.rank];
        j["degree"] = h.degree;
        results.push_back(std::move(j));
    }
    return svc.json(ctx, http::status::ok, {{"query", q}, {"results", results}});
}

Response entity(Service& svc, RequestContext& ctx) {
    auto id = parseNodeId(ctx.pathParams.at(0));
    auto view = svc.store().snapshot();
    auto node = loadNode(*view, id);
    std::map<std::string, std::map<std::string, std::uint64_t>> degree;
    nlohmann::json documents = nlohmann::json::array();
    auto c = view->edges(id, graph::Direction::Both);
    graph::Edge e;
    std::map<graph::TypeId, std::string> typeNames;
    std::optional<graph::TypeId> mentions;
    if (auto t = view->typeId("MENTIONS"); t.isOk())
        mentions = *t;
    while (c->next(&e)) {
        auto& name = typeNames[e.type];
        if (name.empty())
            name = view->typeName(e.type).value();
        bool out = e.start == id;
        auto& d = degree[name];
        ++d[out ? "out" : "in"];
        ++d["total"];
        if (mentions && e.type == *mentions && !out) {
            auto doc = view->node(e.start);
            auto rel = view->relationship(e.id);
            if (!doc.isOk())
                continue;
            const auto& p = doc->properties;
            auto str = [&](const char* k) -> std::string {
                auto it = p.find(k);
                if (it != p.end() && it->second.isTemporal()) // the date: ISO 8601 text
                    return graph::formatTemporal(it->second.asTemporal());
                return it != p.end() && it->second.isString() ? it->second.asString() : "";
            };
            nlohmann::json dj{{"id", doc->id},
                              {"docId", str("docId")},
                              {"title", str("title")},
                              {"date", str("date")}};
            if (rel.isOk())
                if (auto it = rel->properties.find("count");
                    it != rel->properties.end() && it->second.isInt())
                    dj["count"] = it->second.asInt();
            documents.push_back(std::move(dj));
        }
    }
    check(c->status());
    return svc.json(
        ctx, http::status::ok,
        {{"node", nodeJson(node, false)}, {"degree", degree}, {"documents", documents}});
}

std::vector<graph::TypeId> typeFilter(const graph::ReadView& view, const std::string& types,
                                      bool* none) {
    std::vector<graph::TypeId> ids;
    *none = false;
    if (types.empty())
        return ids;
    std::size_t start = 0;
    bool any = false;
    while (start <= types.size()) {
        auto comma = types.find(',', start);
        if (comma == std::string::npos)
            comma = types.size();
        auto t = types.substr(start, comma - start);
        if (!t.empty()) {
            any = true;
            if (auto id = view.typeId(t); id.isOk())
                ids.push_back(*id);
        }
        start = comma + 1;
    }
    *none = any && ids.empty(); // only unknown types: nothing can match
    return ids;
}

Response neighbors(Service& svc, RequestContext& ctx) {
    auto id = parseNodeId(ctx.pathParams.at(0));
    auto limit = uintParam(ctx.target, "limit", 100, 10000);
    auto dirText = param(ctx.target, "direction", "both");
    graph::Direction dir;
    if (dirText == "both")
        dir = graph::Direction::Both;
    else if (dirText == "out" || dirText == "outgoing")
        dir = graph::Direction::Outgoing;
    else if (dirText == "in" || dirText == "incoming")
        dir = graph::Direction::Incoming;
    else
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "direction must be out, in or both");
    auto view = svc.store().snapshot();
    auto node = loadNode(*view, id);
    bool none = false;
    auto types = typeFilter(*view, param(ctx.target, "types"), &none);
    ElementSet set(*view);
    set.addNode(node);
    std::uint64_t total = 0, shown = 0;
    if (!none) {
        auto c = view->edges(id, dir, types);
        graph::Edge e;
        std::set<graph::RelId> seen;
        while (c->next(&e)) {
            if (!seen.insert(e.id).second)
                continue; // a self-loop is listed both ways
            ++total;
            if (shown < limit) {
                check(set.addRelationship(e.id));
                ++shown;
            }
        }
        check(c->status());
    }
    auto out = set.toJson();
    return svc.json(ctx, http::status::ok,
                    {{"center", std::to_string(id)},
                     {"nodes", out["nodes"]},
                     {"edges", out["edges"]},
                     {"shown", shown},
                     {"total", total},
                     {"truncated", shown < total}});
}

} // namespace

void registerEntityRoutes(Router& router) {
    router.add(http::verb::get, "/v1/entities", search);
    router.add(http::verb::get, "/v1/entities/{id}", entity);
    router.add(http::verb::get, "/v1/entities/{id}/neighbors", neighbors);
}

} // namespace innograph::server
