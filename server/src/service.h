#pragma once

// The service behind the sockets: turns one request into one response. Knows nothing of
// connections, so it is tested and fuzzed without any. Thread-safe: handle() runs on many
// worker threads at once.

#include "innograph/server/server.h"

#include "http_util.h"
#include "metrics.h"
#include "router.h"

#include "innograph/extract/extractor.h"
#include "innograph/query/query_engine.h"

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

namespace innograph::server {

// The read workers' load: requests handed to them and not yet answered, against their number.
// /readyz answers 503 while every worker is taken, so a balancer sends new work elsewhere.
struct WorkerLoad {
    std::atomic<int> pending{0};
    int workers = 1;
    bool saturated() const { return pending.load() >= workers; }
};

class Service {
public:
    Service(graph::GraphStore& store, ServerOptions options);
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    // Never throws; every failure is a response with the error body.
    Response handle(const Request& request);

    graph::GraphStore& store() { return store_; }
    query::QueryEngine& engine() { return engine_; }
    const ServerOptions& options() const { return options_; }
    // Set when the server stops: running queries and ingestions see it and end, writing nothing.
    const std::atomic<bool>& cancelled() const { return cancelled_; }
    void cancelAll() { cancelled_ = true; }
    Metrics& metrics() { return metrics_; }
    WorkerLoad& workerLoad() { return workerLoad_; }
    // The extractor. A service that takes writes, with ServerOptions::buildExtractorAtStart,
    // starts building it on a thread of its own when it is constructed (the lexicon, its indexes
    // and jieba's dictionary take a second or more, which the first document would otherwise
    // wait for); otherwise the first use builds it. A caller that comes while it is being built
    // waits for it. The destructor waits for a build still running.
    const extract::Extractor& extractor();
    // "idle" (not built yet: the first document builds it), "loading", "ready" or "failed".
    std::string extractorState() const;

    // For writes: throws 401 without credentials, 403 with wrong ones or none configured.
    void requireWriteAccess(const RequestContext& ctx) const;

    // A JSON response with the request's headers applied.
    Response json(const RequestContext& ctx, http::status status, const nlohmann::json& body) const;
    Response text(const RequestContext& ctx, http::status status, std::string body,
                  std::string contentType) const;

private:
    void maybeCatchUp();
    void finish(const RequestContext* ctx, const Request& request, Response& response) const;

    graph::GraphStore& store_;
    ServerOptions options_;
    query::QueryEngine engine_;
    Metrics metrics_;
    Router router_;
    std::once_flag extractorOnce_;
    std::unique_ptr<extract::Extractor> extractor_;
    enum { kExtractorIdle, kExtractorLoading, kExtractorReady, kExtractorFailed };
    std::atomic<int> extractorState_{kExtractorIdle};
    std::mutex catchUpMu_;
    std::chrono::steady_clock::time_point lastCatchUp_{};
    std::atomic<std::uint64_t> nextRequestId_{1};
    std::atomic<bool> cancelled_{false};
    WorkerLoad workerLoad_;
    std::thread extractorBuilder_; // last: started once everything it uses exists
};

} // namespace innograph::server
