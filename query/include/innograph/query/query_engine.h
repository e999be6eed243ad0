#pragma once

// The query engine: the one place that drives parse -> bind -> plan -> execute.
//
// A QueryEngine serves one GraphStore and is thread-safe: any number of threads may call
// execute() at once. A read query runs against one snapshot; an updating query runs in one
// write transaction that commits when the query finishes and rolls back on any error, timeout
// or cancellation, leaving the store untouched. Plans are cached by query text, so a repeated
// parameterised query skips parsing and planning.

#include "innograph/graph/graph_store.h"
#include "innograph/query/query_error.h"
#include "innograph/query/query_result.h"
#include "innograph/query/value.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace innograph::query {

struct QueryOptions {
    // Time limit of one query; exceeded, it fails with Timeout (and writes nothing).
    std::chrono::milliseconds timeout{10'000};
    // At most this many rows are returned; more set stats.truncated. 0 means no limit.
    std::uint64_t maxRows = 100'000;
    // Longest path that `*` and `*n..` (no upper bound) may match.
    std::int64_t maxPathLength = 8;
    // Bytes the query may hold in what it buffers (rows for sorting, grouping, DISTINCT and
    // eager writes, collected lists, variable-length trails); past it, MemoryLimitExceeded and
    // nothing is written. 0: no limit of its own (the engine's total still applies).
    std::uint64_t memoryLimit = 0;
    // Set it (from any thread) to stop the query with Cancelled; nothing is written.
    const std::atomic<bool>* cancel = nullptr;
    bool usePlanCache = true;
    // Refuse a query that would write (AccessDenied) before it touches the store; the HTTP
    // service sets it for callers without the write token.
    bool readOnly = false;
    // Run inside this open transaction instead of a snapshot or a transaction of its own: the
    // query reads the transaction's earlier writes and its own writes stay uncommitted, for the
    // caller to commit or roll back (explicit transactions of several queries). A failed query
    // may leave part of its writes in the transaction; the caller then rolls it back. Not
    // thread-safe: one query at a time per transaction.
    graph::WriteTransaction* transaction = nullptr;
};

struct EngineOptions {
    std::size_t planCacheCapacity = 512;
    // What all running queries together may hold (see QueryOptions::memoryLimit); 0: no limit.
    std::uint64_t totalMemoryLimit = 0;
};

class QueryEngine {
public:
    explicit QueryEngine(graph::GraphStore& store, EngineOptions options = {});
    ~QueryEngine();
    QueryEngine(const QueryEngine&) = delete;
    QueryEngine& operator=(const QueryEngine&) = delete;

    // Runs one statement (optionally prefixed by EXPLAIN or PROFILE). Throws QueryError, whose
    // excerpt() already shows the query line with a caret.
    QueryResult execute(std::string_view query, const Parameters& parameters = {},
                        const QueryOptions& options = {});

    void clearPlanCache();
    std::size_t planCacheSize() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace innograph::query
