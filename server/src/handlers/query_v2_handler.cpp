// POST /db/{name}/query/v2: Neo4j 5's Query API shape, for tools written against Neo4j's HTTP
// API. {"statement", "parameters"} in; {"data": {"fields", "values"}, "notifications",
// "bookmarks"} (202, as Neo4j answers) or {"errors": [{"code", "message"}]} out, with Neo4j's
// status codes. Writes need the service's token as Bearer or as a Basic password (any user).

#include "json_body.h"
#include "service.h"

#include "bolt/status_codes.h"

#include "innograph/query/result_json.h"

#include <boost/beast/core/detail/base64.hpp>

namespace innograph::server {
namespace {

constexpr std::size_t kMaxCachedQueryBytes = 16 * 1024;

nlohmann::json storedJson(const graph::PropertyMap& props) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : props)
        out[k] = query::valueToJson(query::Value::fromStored(v));
    return out;
}

nlohmann::json nodeJson(const query::NodeRef& n) {
    return {{"elementId", std::to_string(n.id)},
            {"labels", n.data ? n.data->labels : std::vector<std::string>{}},
            {"properties", n.data ? storedJson(n.data->properties) : nlohmann::json::object()}};
}

nlohmann::json relJson(const query::RelRef& r) {
    return {{"elementId", std::to_string(r.id)},
            {"startNodeElementId", std::to_string(r.start)},
            {"endNodeElementId", std::to_string(r.end)},
            {"type", r.data ? r.data->type : std::string()},
            {"properties", r.data ? storedJson(r.data->properties) : nlohmann::json::object()}};
}

// Neo4j's plain JSON: graph elements as objects with element ids, a path as the alternating
// list of its nodes and relationships.
nlohmann::json v2Json(const query::Value& v) {
    switch (v.kind()) {
    case query::Value::Kind::List: {
        auto out = nlohmann::json::array();
        for (const auto& item : v.asList())
            out.push_back(v2Json(item));
        return out;
    }
    case query::Value::Kind::Map: {
        auto out = nlohmann::json::object();
        for (const auto& [k, item] : v.asMap())
            out[k] = v2Json(item);
        return out;
    }
    case query::Value::Kind::Node:
        return nodeJson(v.asNode());
    case query::Value::Kind::Rel:
        return relJson(v.asRel());
    case query::Value::Kind::Path: {
        auto out = nlohmann::json::array();
        const auto& p = v.asPath();
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            out.push_back(nodeJson(p.nodes[i]));
            if (i < p.relationships.size())
                out.push_back(relJson(p.relationships[i]));
        }
        return out;
    }
    default:
        return query::valueToJson(v);
    }
}

Response v2Error(Service& svc, RequestContext& ctx, http::status status, const std::string& code,
                 const std::string& message) {
    return svc.json(ctx, status,
                    {{"errors", nlohmann::json::array({{{"code", code}, {"message", message}}})}});
}

// The token as a Bearer (checked by the service) or as the password of Basic credentials.
bool mayWrite(const Service& svc, const RequestContext& ctx) {
    const auto& token = svc.options().token;
    if (token.empty())
        return false;
    if (ctx.authorized)
        return true;
    auto it = ctx.request.find(http::field::authorization);
    if (it == ctx.request.end())
        return false;
    std::string_view v(it->value().data(), it->value().size());
    constexpr std::string_view kBasic = "Basic ";
    if (!v.starts_with(kBasic) || v.size() - kBasic.size() > 4096)
        return false;
    v.remove_prefix(kBasic.size());
    namespace b64 = boost::beast::detail::base64;
    std::string decoded(b64::decoded_size(v.size()), '\0');
    auto [written, read] = b64::decode(decoded.data(), v.data(), v.size());
    if (read != v.size())
        return false;
    decoded.resize(written);
    auto colon = decoded.find(':');
    return colon != std::string::npos &&
           constantTimeEquals(std::string_view(decoded).substr(colon + 1), token);
}

Response queryV2(Service& svc, RequestContext& ctx) {
    const std::string& db = ctx.pathParams.at(0);
    if (db != "innograph" && db != "neo4j")
        return v2Error(svc, ctx, http::status::not_found, bolt::status::kDatabaseNotFound,
                       "this server has one database, \"innograph\" (\"neo4j\" names it too)");
    nlohmann::json body;
    try {
        body = parseJsonBody(ctx.request.body());
    } catch (const HttpError& e) {
        return v2Error(svc, ctx, http::status::bad_request, "Neo.ClientError.Request.InvalidFormat",
                       e.what());
    }
    auto statement = body.is_object() ? body.find("statement") : body.end();
    if (!body.is_object() || statement == body.end() || !statement->is_string() ||
        statement->get_ref<const std::string&>().empty())
        return v2Error(svc, ctx, http::status::bad_request, "Neo.ClientError.Request.Invalid",
                       "the body needs \"statement\": a non-empty string");
    query::Parameters params;
    if (auto p = body.find("parameters"); p != body.end() && !p->is_null()) {
        if (!p->is_object())
            return v2Error(svc, ctx, http::status::bad_request, "Neo.ClientError.Request.Invalid",
                           "\"parameters\" must be a JSON object");
        params = query::parametersFromJson(*p);
    }
    const auto& text = statement->get_ref<const std::string&>();
    query::QueryOptions qo;
    qo.timeout = svc.options().queryTimeout;
    qo.maxRows = svc.options().maxRows;
    qo.readOnly = !mayWrite(svc, ctx);
    qo.usePlanCache = text.size() <= kMaxCachedQueryBytes;
    query::QueryResult result;
    try {
        result = svc.engine().execute(text, params, qo);
    } catch (const query::QueryError& e) {
        if (e.code() == query::ErrorCode::Timeout)
            svc.metrics().queryTimedOut();
        auto status = e.code() == query::ErrorCode::AccessDenied ? http::status::forbidden
                      : e.code() == query::ErrorCode::StorageError
                          ? http::status::internal_server_error
                          : http::status::bad_request;
        std::string message = e.code() == query::ErrorCode::AccessDenied
                                  ? "writes need the service's token (Bearer, or Basic with the "
                                    "token as password)"
                                  : e.describe();
        return v2Error(svc, ctx, status, bolt::neo4jCode(e.code()), message);
    }
    auto values = nlohmann::json::array();
    for (const auto& row : result.rows) {
        auto r = nlohmann::json::array();
        for (const auto& v : row)
            r.push_back(v2Json(v));
        values.push_back(std::move(r));
    }
    nlohmann::json out{{"data", {{"fields", result.columns}, {"values", std::move(values)}}},
                       {"bookmarks", nlohmann::json::array()}};
    auto notifications = nlohmann::json::array();
    for (const auto& n : result.notifications)
        notifications.push_back(query::notificationToJson(n));
    if (result.stats.truncated)
        notifications.push_back({{"code", "Innograph.ClientNotification.Statement.RowLimitReached"},
                                 {"title", "The result was cut at the service's row limit"},
                                 {"description", "More rows matched than the service returns (" +
                                                     std::to_string(svc.options().maxRows) +
                                                     "); add LIMIT or narrow the query"},
                                 {"severity", "WARNING"}});
    out["notifications"] = std::move(notifications);
    if (body.value("includeCounters", false)) {
        const auto& w = result.stats.writes;
        out["counters"] = {{"containsUpdates", w.any()},
                           {"nodesCreated", w.nodesCreated},
                           {"nodesDeleted", w.nodesDeleted},
                           {"propertiesSet", w.propertiesSet},
                           {"relationshipsCreated", w.relationshipsCreated},
                           {"relationshipsDeleted", w.relationshipsDeleted},
                           {"labelsAdded", w.labelsAdded},
                           {"labelsRemoved", w.labelsRemoved}};
    }
    return svc.json(ctx, http::status::accepted, out);
}

} // namespace

void registerQueryV2Routes(Router& router) {
    router.add(http::verb::post, "/db/{name}/query/v2", queryV2);
}

} // namespace innograph::server
