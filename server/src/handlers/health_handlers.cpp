// GET /healthz (the process answers), /readyz (the store answers and a read worker is free),
// /metrics (Prometheus). The first two are answered on the I/O threads (see Session), so they
// never wait behind queries.

#include "service.h"

namespace innograph::server {
namespace {

Response healthz(Service& svc, RequestContext& ctx) {
    return svc.json(ctx, http::status::ok, {{"status", "ok"}});
}

Response readyz(Service& svc, RequestContext& ctx) {
    if (svc.workerLoad().saturated())
        return svc.json(
            ctx, http::status::service_unavailable,
            {{"status", "busy"},
             {"reason", "every query worker is taken (" +
                            std::to_string(svc.workerLoad().pending.load()) + " requests for " +
                            std::to_string(svc.workerLoad().workers) + " workers)"}});
    auto stats = svc.store().stats();
    if (!stats.isOk())
        return svc.json(ctx, http::status::service_unavailable,
                        {{"status", "unavailable"}, {"reason", stats.status().toString()}});
    nlohmann::json body = {{"status", "ready"},
                           {"nodes", stats->nodes},
                           {"relationships", stats->relationships},
                           {"readOnly", svc.options().token.empty()}};
    // Reads are served while a writable service still builds its extractor; a document sent
    // meanwhile waits for it, which a client can avoid by waiting for "ready" here.
    if (!svc.options().token.empty())
        body["extractor"] = svc.extractorState();
    return svc.json(ctx, http::status::ok, body);
}

Response metrics(Service& svc, RequestContext& ctx) {
    auto stats = svc.store().stats();
    return svc.text(ctx, http::status::ok, svc.metrics().render(stats.isOk() ? &*stats : nullptr),
                    "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace

void registerHealthRoutes(Router& router) {
    router.add(http::verb::get, "/healthz", healthz);
    router.add(http::verb::get, "/readyz", readyz);
    router.add(http::verb::get, "/metrics", metrics);
}

} // namespace innograph::server
