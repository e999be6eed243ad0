#pragma once

// innograph's HTTP service on Boost.Beast.
//
// I/O threads only read requests and write responses; every request is handled on a worker pool
// and its response is posted back to the connection's strand. A connection answers its
// requests one at a time and in order, so pipelined requests get their responses in the order
// they were sent. Reads run against store snapshots, concurrently; writes (a writing query,
// POST /v1/documents) need the bearer token and are serialised by the store.
//
// Thread-safety: start() and stop() are for the owning thread; everything else runs inside.

#include "innograph/graph/graph_store.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace innograph::server {

struct ServerOptions {
    std::string host = "127.0.0.1"; // loopback unless asked otherwise
    std::uint16_t port = 8080;      // 0 picks a free port (see Server::port())
    int ioThreads = 1;
    int workerThreads = 0; // 0: one per core
    // The token that writes must present as "Authorization: Bearer <token>". Empty: the service
    // is read-only and every write is refused with 403.
    std::string token;
    std::chrono::milliseconds queryTimeout{10'000}; // default and ceiling of a query's time
    // Time limit of one document ingestion (POST /v1/documents), waiting for the writer's turn
    // included; past it the ingestion fails with 408 and writes nothing.
    std::chrono::milliseconds ingestTimeout{60'000};
    std::uint64_t maxRows = 10'000; // default and ceiling of a query's rows
    // Default and ceiling of the memory one query may buffer, and what all running queries
    // together may; past either, the query fails with MemoryLimitExceeded (400).
    std::uint64_t queryMemory = 1ull << 30;
    std::uint64_t totalQueryMemory = 4ull << 30;
    std::uint64_t maxBodyBytes = 8u << 20;         // larger bodies get 413
    std::uint32_t maxHeaderBytes = 16u << 10;      // larger headers get 431
    std::chrono::milliseconds readTimeout{15'000}; // a client that sends slowly is cut off
    std::size_t maxConnections = 512;              // past it new connections get 503
    std::string corsOrigin;                        // Access-Control-Allow-Origin when set
    // Directory of the visualizer's built files, served at /. Empty: no static files.
    std::string staticDir;
    // How long stop() lets in-flight requests finish; then it cancels the queries and
    // ingestions still running (their writes roll back) and stops.
    std::chrono::milliseconds drainTimeout{10'000};
    bool accessLog = true; // one line a request on standard error
    // Bolt, the protocol of Neo4j's drivers, on this port of the same host under the same rules
    // and limits: 0 picks a free port (see Server::boltPort()), -1 serves no Bolt.
    int boltPort = -1;
    // A Bolt port that cannot be bound is logged and skipped instead of failing start().
    bool boltOptional = false;
    // Where the store is a secondary (--follow): catch up with the primary at most this often.
    std::chrono::milliseconds catchUpInterval{1'000};
    // With a token: build the extractor (lexicon, indexes, jieba's dictionary: a second or so)
    // on a thread of its own as the service starts, so that the first document does not wait
    // for it. Off, it is built by the first document. `innograph serve` turns it on; an embedder
    // that may end its process while the build runs (the fuzzers do) leaves it off, since the
    // build must not outlive the statics it uses.
    bool buildExtractorAtStart = false;
};

class Server {
public:
    // The store must outlive the server.
    Server(graph::GraphStore& store, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and starts serving on background threads. Error when the address cannot be bound.
    graph::Status start();
    // The bound port (useful with port 0).
    std::uint16_t port() const;
    // The bound Bolt port, 0 when Bolt is not served.
    std::uint16_t boltPort() const;
    // Stops accepting, lets in-flight requests finish within drainTimeout, then stops.
    void stop();
    // Blocks until stop() has completed (from another thread or a signal handler's thread).
    void wait();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace innograph::server
