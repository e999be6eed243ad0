// POST /v1/query: run a query; optionally return every node and relationship of the result as
// Cytoscape elements.

#include "elements.h"
#include "json_body.h"
#include "service.h"

#include "innograph/query/result_json.h"

#include <malloc.h>

namespace innograph::server {
namespace {

constexpr std::size_t kMaxCachedQueryBytes = 16 * 1024;

graph::Status collectElements(const query::Value& v, ElementSet& set, int depth = 0) {
    if (depth > 64)
        return graph::Status::ok();
    switch (v.kind()) {
    case query::Value::Kind::Node:
        return set.addNode(v.asNode().id);
    case query::Value::Kind::Rel:
        return set.addRelationship(v.asRel().id);
    case query::Value::Kind::Path:
        for (const auto& n : v.asPath().nodes)
            if (auto s = set.addNode(n.id); !s.isOk())
                return s;
        for (const auto& r : v.asPath().relationships)
            if (auto s = set.addRelationship(r.id); !s.isOk())
                return s;
        return graph::Status::ok();
    case query::Value::Kind::List:
        for (const auto& item : v.asList())
            if (auto s = collectElements(item, set, depth + 1); !s.isOk())
                return s;
        return graph::Status::ok();
    case query::Value::Kind::Map:
        for (const auto& [k, item] : v.asMap())
            if (auto s = collectElements(item, set, depth + 1); !s.isOk())
                return s;
        return graph::Status::ok();
    default:
        return graph::Status::ok();
    }
}

http::status statusFor(query::ErrorCode code) {
    switch (code) {
    case query::ErrorCode::Timeout:
        return http::status::request_timeout;
    case query::ErrorCode::Cancelled:
        return http::status::service_unavailable;
    case query::ErrorCode::StorageError:
        return http::status::internal_server_error;
    default:
        return http::status::bad_request;
    }
}

Response runQuery(Service& svc, RequestContext& ctx) {
    auto body = parseJsonBody(ctx.request.body());
    if (!body.is_object())
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "the body must be a JSON object");
    auto q = body.find("query");
    if (q == body.end() || !q->is_string() || q->get<std::string>().empty())
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "the body needs \"query\": a non-empty string");
    query::Parameters params;
    if (auto p = body.find("parameters"); p != body.end() && !p->is_null()) {
        if (!p->is_object())
            throw HttpError(http::status::bad_request, "ArgumentError",
                            "\"parameters\" must be a JSON object");
        checkIntegerRange(*p, "parameters");
        params = query::parametersFromJson(*p);
    }
    const auto& opts = svc.options();
    query::QueryOptions qo;
    qo.timeout = opts.queryTimeout;
    qo.maxRows = opts.maxRows;
    auto limitFrom = [&](const char* key, std::uint64_t ceiling) -> std::uint64_t {
        auto it = body.find(key);
        if (it == body.end() || it->is_null())
            return ceiling;
        if (!it->is_number_unsigned() || it->get<std::uint64_t>() == 0)
            throw HttpError(http::status::bad_request, "ArgumentError",
                            std::string("\"") + key + "\" must be a positive integer");
        return std::min(it->get<std::uint64_t>(), ceiling);
    };
    qo.timeout = std::chrono::milliseconds(
        limitFrom("timeout_ms", static_cast<std::uint64_t>(opts.queryTimeout.count())));
    qo.maxRows = limitFrom("max_rows", opts.maxRows);
    qo.memoryLimit = limitFrom("max_memory_bytes", opts.queryMemory);
    qo.cancel = &svc.cancelled();
    // Without the write token a query may only read; the engine refuses a write before it
    // touches the store.
    qo.readOnly = opts.token.empty() || !ctx.authorized;
    // The plan cache keeps each distinct text: 512 bodies of megabytes would hold gigabytes.
    // Queries that long are generated, rarely repeated, and parse slower than they plan anyway.
    qo.usePlanCache = q->get_ref<const std::string&>().size() <= kMaxCachedQueryBytes;
    bool wantGraph = false;
    if (auto g = body.find("graph"); g != body.end() && !g->is_null()) {
        if (!g->is_boolean())
            throw HttpError(http::status::bad_request, "ArgumentError",
                            "\"graph\" must be true or false, not " + dumpJson(*g).substr(0, 64));
        wantGraph = g->get<bool>();
    }

    auto started = std::chrono::steady_clock::now();
    // glibc keeps freed memory in its arenas; after a query long enough to have built much,
    // give it back to the system.
    struct Trim {
        std::chrono::steady_clock::time_point started;
        ~Trim() {
            if (std::chrono::steady_clock::now() - started > std::chrono::milliseconds(200))
                malloc_trim(0);
        }
    } trim{started};
    query::QueryResult result;
    try {
        result = svc.engine().execute(q->get<std::string>(), params, qo);
    } catch (const query::QueryError& e) {
        if (e.code() == query::ErrorCode::Timeout)
            svc.metrics().queryTimedOut();
        if (e.code() == query::ErrorCode::AccessDenied)
            svc.requireWriteAccess(ctx);
        auto err = query::errorToJson(e);
        if (!e.excerpt().empty())
            err["error"]["excerpt"] = e.excerpt();
        return svc.json(ctx, statusFor(e.code()), err);
    }
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    auto out = query::resultToJson(result);
    out["stats"]["rows"] = result.rows.size();
    out["stats"]["truncated"] = result.stats.truncated;
    out["stats"]["elapsed_ms"] = ms;
    if (wantGraph) {
        auto view = svc.store().snapshot();
        ElementSet set(*view);
        for (const auto& row : result.rows)
            for (const auto& v : row)
                if (auto s = collectElements(v, set); !s.isOk())
                    throw HttpError(http::status::internal_server_error, "StorageError",
                                    s.toString());
        out["graph"] = set.toJson();
    }
    return svc.json(ctx, http::status::ok, out);
}

} // namespace

void registerQueryRoutes(Router& router) {
    router.add(http::verb::post, "/v1/query", runQuery);
}

} // namespace innograph::server
