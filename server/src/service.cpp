#include "service.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>

namespace innograph::server {

Service::Service(graph::GraphStore& store, ServerOptions options)
    : store_(store), options_(std::move(options)),
      engine_(store, {.totalMemoryLimit = options_.totalQueryMemory}) {
    registerQueryRoutes(router_);
    registerQueryV2Routes(router_);
    registerEntityRoutes(router_);
    registerPathRoutes(router_);
    registerSchemaRoutes(router_);
    registerDocumentRoutes(router_);
    registerExportRoutes(router_);
    registerGeoRoutes(router_);
    registerHealthRoutes(router_);
    registerStaticRoutes(router_);
    if (!options_.token.empty() && options_.buildExtractorAtStart) {
        extractorState_ = kExtractorLoading;
        extractorBuilder_ = std::thread([this] {
            try {
                extractor();
            } catch (const HttpError&) {
                // Recorded in extractorState_; every ingestion will answer with the error.
            }
        });
    }
}

Service::~Service() {
    if (extractorBuilder_.joinable())
        extractorBuilder_.join();
}

const extract::Extractor& Service::extractor() {
    std::call_once(extractorOnce_, [this] {
        extractorState_ = kExtractorLoading;
        auto e = extract::Extractor::create();
        if (e.isOk())
            extractor_ = std::move(*e);
        else
            spdlog::error("the extractor could not be initialised: {}", e.status().toString());
        extractorState_ = extractor_ ? kExtractorReady : kExtractorFailed;
    });
    if (!extractor_)
        throw HttpError(http::status::internal_server_error, "InternalError",
                        "the extractor could not be initialised");
    return *extractor_;
}

std::string Service::extractorState() const {
    switch (extractorState_.load()) {
    case kExtractorLoading:
        return "loading";
    case kExtractorReady:
        return "ready";
    case kExtractorFailed:
        return "failed";
    default:
        return "idle";
    }
}

void Service::requireWriteAccess(const RequestContext& ctx) const {
    if (options_.token.empty())
        throw HttpError(http::status::forbidden, "Forbidden",
                        "this service is read-only: start it with --token-file to allow writes");
    if (!ctx.hasAuthorization)
        throw HttpError(http::status::unauthorized, "Unauthorized",
                        "writes need the header Authorization: Bearer <token>");
    if (!ctx.authorized)
        throw HttpError(http::status::forbidden, "Forbidden", "the bearer token is not valid");
}

Response Service::json(const RequestContext& ctx, http::status status,
                       const nlohmann::json& body) const {
    return text(ctx, status, dumpJson(body), "application/json; charset=utf-8");
}

Response Service::text(const RequestContext& ctx, http::status status, std::string body,
                       std::string contentType) const {
    Response res{status, ctx.request.version()};
    res.set(http::field::content_type, contentType);
    res.body() = std::move(body);
    return res;
}

void Service::maybeCatchUp() {
    if (store_.options().mode != graph::OpenMode::Secondary)
        return;
    std::unique_lock lock(catchUpMu_, std::try_to_lock);
    if (!lock.owns_lock())
        return;
    auto now = std::chrono::steady_clock::now();
    if (now - lastCatchUp_ < options_.catchUpInterval)
        return;
    lastCatchUp_ = now;
    if (auto s = store_.catchUpWithPrimary(); !s.isOk())
        spdlog::warn("catching up with the primary failed: {}", s.toString());
}

void Service::finish(const RequestContext* ctx, const Request& request, Response& res) const {
    res.set(http::field::server, "innograph");
    if (ctx)
        res.set("X-Request-Id", ctx->requestId);
    if (!options_.corsOrigin.empty()) {
        res.set(http::field::access_control_allow_origin, options_.corsOrigin);
        res.set(http::field::access_control_allow_headers, "Authorization, Content-Type");
        res.set(http::field::access_control_allow_methods, "GET, POST, OPTIONS");
    }
    res.keep_alive(request.keep_alive());
    if (request.method() == http::verb::head) {
        // The GET's length, without its body (RFC 9110 section 9.3.2).
        const auto length = res.body().size();
        res.body().clear();
        res.content_length(length);
    } else {
        res.prepare_payload();
    }
}

Response Service::handle(const Request& request) {
    auto started = std::chrono::steady_clock::now();
    maybeCatchUp();
    char idBuf[32];
    std::snprintf(idBuf, sizeof idBuf, "%08llx",
                  static_cast<unsigned long long>(nextRequestId_.fetch_add(1)));
    RequestContext ctx{request, {}, {}, idBuf, "unmatched"};
    Response res;
    try {
        ctx.target = parseTarget({request.target().data(), request.target().size()});
        if (auto it = request.find(http::field::authorization); it != request.end()) {
            ctx.hasAuthorization = true;
            std::string_view v(it->value().data(), it->value().size());
            // The scheme is case-insensitive (RFC 9110 section 11.1): "bearer" is "Bearer".
            auto space = v.find(' ');
            bool bearer =
                space != std::string_view::npos &&
                boost::beast::iequals(boost::beast::string_view(v.data(), space), "Bearer");
            auto credentials = bearer ? v.substr(space + 1) : std::string_view();
            while (!credentials.empty() && credentials.front() == ' ')
                credentials.remove_prefix(1);
            ctx.authorized = !options_.token.empty() && bearer &&
                             constantTimeEquals(credentials, options_.token);
        }
        if (request.method() == http::verb::options && !options_.corsOrigin.empty()) {
            res = text(ctx, http::status::no_content, "", "text/plain");
        } else {
            auto m = router_.match(request.method(), ctx.target.path);
            if (!m.handler && !m.allow.empty()) {
                ctx.route = "method_not_allowed";
                res = json(ctx, http::status::method_not_allowed,
                           errorBody("MethodNotAllowed", std::string(request.method_string()) +
                                                             " is not allowed on " +
                                                             ctx.target.path + "; use " + m.allow));
                res.set(http::field::allow, m.allow);
            } else if (!m.handler) {
                res = json(ctx, http::status::not_found,
                           errorBody("NotFound", "no such endpoint: " + ctx.target.path));
            } else {
                ctx.route = m.pattern;
                ctx.pathParams = std::move(m.params);
                res = (*m.handler)(*this, ctx);
            }
        }
    } catch (const HttpError& e) {
        res = json(ctx, e.status(), errorBody(e.code(), e.what(), e.extra()));
    } catch (const std::exception& e) {
        res = json(ctx, http::status::internal_server_error,
                   errorBody("InternalError", std::string("internal error: ") + e.what()));
    } catch (...) {
        res = json(ctx, http::status::internal_server_error,
                   errorBody("InternalError", "internal error"));
    }
    finish(&ctx, request, res);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics_.observe(ctx.route, std::string(http::to_string(request.method())),
                     static_cast<unsigned>(res.result_int()), secs);
    if (options_.accessLog) {
        // Structured, one line a request; never the Authorization header or the body.
        nlohmann::json line{{"ts", std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count()},
                            {"request_id", ctx.requestId},
                            {"method", std::string(http::to_string(request.method()))},
                            {"path", ctx.target.path},
                            {"route", ctx.route},
                            {"status", res.result_int()},
                            {"bytes", res.body().size()},
                            {"ms", secs * 1000.0}};
        spdlog::info("{}", dumpJson(line));
    }
    return res;
}

} // namespace innograph::server
