// GET /v1/paths?from=&to=&max_hops=: the shortest paths between two entities, given by id or by
// name (any alias, any script), as Cytoscape elements.

#include "elements.h"
#include "service.h"

#include "innograph/query/query_error.h"

#include <charconv>

namespace innograph::server {
namespace {

graph::NodeId resolve(const graph::ReadView& view, const std::string& which,
                      const std::string& text) {
    if (text.empty())
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "give " + which + "=ID or name");
    graph::NodeId id = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec == std::errc() && p == text.data() + text.size()) {
        if (!view.nodeExists(id))
            throw HttpError(http::status::not_found, "NotFound",
                            which + ": no entity with id " + text);
        return id;
    }
    auto ids = view.findByName(text);
    if (!ids.isOk() || ids->empty())
        throw HttpError(http::status::not_found, "NotFound", which + ": no entity named " + text);
    if (ids->size() > 1)
        throw HttpError(http::status::bad_request, "ArgumentError",
                        which + ": the name " + text + " is ambiguous; give an id",
                        {{"candidates", *ids}});
    return ids->front();
}

Response paths(Service& svc, RequestContext& ctx) {
    auto maxHops = uintParam(ctx.target, "max_hops", 6, 12);
    if (maxHops == 0)
        throw HttpError(http::status::bad_request, "ArgumentError", "max_hops must be at least 1");
    auto limit = uintParam(ctx.target, "limit", 20, 200);
    auto view = svc.store().snapshot();
    auto from = resolve(*view, "from", param(ctx.target, "from"));
    auto to = resolve(*view, "to", param(ctx.target, "to"));
    query::Parameters params{{"from", query::Value(static_cast<std::int64_t>(from))},
                             {"to", query::Value(static_cast<std::int64_t>(to))}};
    query::QueryOptions qo;
    qo.timeout = svc.options().queryTimeout;
    qo.maxRows = limit;
    qo.readOnly = true;
    // Document bookkeeping (MENTIONS, ISSUED_BY) would connect everything through the
    // documents; paths follow the facts unless the caller names the types.
    std::vector<std::string> types;
    auto wanted = param(ctx.target, "types");
    if (!wanted.empty()) {
        for (std::size_t start = 0; start <= wanted.size();) {
            auto comma = wanted.find(',', start);
            if (comma == std::string::npos)
                comma = wanted.size();
            auto t = wanted.substr(start, comma - start);
            if (!t.empty())
                types.push_back(t);
            start = comma + 1;
        }
    } else {
        for (const auto& t : svc.store().relationshipTypes().value())
            if (t != "MENTIONS" && t != "ISSUED_BY")
                types.push_back(t);
    }
    std::string alternation;
    for (const auto& t : types) {
        if (t.find('`') != std::string::npos)
            throw HttpError(http::status::bad_request, "ArgumentError",
                            "bad relationship type " + t);
        alternation += (alternation.empty() ? ":`" : "|`") + t + "`";
    }
    std::string text = "MATCH (a), (b) WHERE id(a) = $from AND id(b) = $to "
                       "MATCH p = allShortestPaths((a)-[" +
                       alternation + "*.." + std::to_string(maxHops) + "]-(b)) RETURN p";
    query::QueryResult result;
    try {
        result = svc.engine().execute(text, params, qo);
    } catch (const query::QueryError& e) {
        auto status = e.code() == query::ErrorCode::Timeout ? http::status::request_timeout
                                                            : http::status::internal_server_error;
        throw HttpError(status, query::errorCodeName(e.code()), e.message());
    }
    ElementSet set(*view);
    nlohmann::json pathList = nlohmann::json::array();
    for (const auto& row : result.rows) {
        if (row.empty() || !row[0].isPath())
            continue;
        const auto& p = row[0].asPath();
        nlohmann::json nodes = nlohmann::json::array(), rels = nlohmann::json::array();
        for (const auto& n : p.nodes) {
            set.addNode(n.id);
            nodes.push_back(std::to_string(n.id));
        }
        for (const auto& r : p.relationships) {
            set.addRelationship(r.id);
            rels.push_back("e" + std::to_string(r.id));
        }
        pathList.push_back({{"nodes", nodes}, {"edges", rels}, {"length", p.relationships.size()}});
    }
    auto out = set.toJson();
    return svc.json(ctx, http::status::ok,
                    {{"from", std::to_string(from)},
                     {"to", std::to_string(to)},
                     {"paths", pathList},
                     {"nodes", out["nodes"]},
                     {"edges", out["edges"]},
                     {"truncated", result.stats.truncated}});
}

} // namespace

void registerPathRoutes(Router& router) {
    router.add(http::verb::get, "/v1/paths", paths);
}

} // namespace innograph::server
