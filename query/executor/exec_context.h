#pragma once

// Everything an executing plan reads from: the one store view of the query (a snapshot, or the
// write transaction for an updating query), the parameters, the guards, and the counters that
// PROFILE and the result statistics report. Storage access goes through these helpers so every
// read is counted and every failure becomes a QueryError.

#include "innograph/graph/graph_store.h"
#include "innograph/query/query_error.h"
#include "innograph/query/query_result.h"
#include "innograph/query/value.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace innograph::query {

using Row = std::vector<Value>;

class ExecContext {
public:
    ExecContext(const graph::ReadView& view, graph::WriteTransaction* tx, const Parameters& params);
    ~ExecContext();
    ExecContext(const ExecContext&) = delete;
    ExecContext& operator=(const ExecContext&) = delete;

    const graph::ReadView& view() const { return view_; }
    // Null for a read-only query.
    graph::WriteTransaction* tx() const { return tx_; }
    graph::WriteTransaction& writer(); // TypeError-free: only write operators call it

    const Parameters& parameters() const { return params_; }

    // The statement's clock: date(), datetime() ... without an argument read it, so every call
    // in one statement agrees.
    const std::chrono::system_clock::time_point statementTime = std::chrono::system_clock::now();

    // Guards
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    std::chrono::milliseconds timeout{0};
    const std::atomic<bool>* cancelFlag = nullptr;
    // Throws Timeout or Cancelled; cheap enough to call once per row.
    void checkGuards() {
        if (++guardTicks_ % 64 == 0)
            checkGuardsNow();
    }
    void checkGuardsNow();

    // Memory budget. Operators charge what they buffer, approximately; past this query's limit
    // or all queries' (sharedMemory against sharedMemoryLimit), MemoryLimitExceeded. What is
    // charged is given back when the operator drops it or, at the latest, with the context.
    std::uint64_t memoryLimit = 0; // 0: none
    std::atomic<std::uint64_t>* sharedMemory = nullptr;
    std::uint64_t sharedMemoryLimit = 0; // 0: none
    void chargeMemory(std::size_t bytes);
    void releaseMemory(std::size_t bytes);
    std::uint64_t memoryHeld() const { return memoryHeld_; }
    // What a value takes in memory, roughly (strings, lists, maps and paths counted through).
    static std::size_t approximateBytes(const Value& v);
    static std::size_t approximateBytes(const Row& row);

    bool profiling = false;
    std::uint64_t storageReads = 0;
    WriteStatistics writes;

    // Counted store access.
    const std::vector<std::string>& nodeLabels(graph::NodeId id);
    bool nodeHasLabels(graph::NodeId id, const std::vector<std::string>& labels);
    // The same with the labels resolved once (resolveLabels), for checks in a tight loop. False
    // from resolveLabels: some label does not exist, so nothing can match.
    bool resolveLabels(const std::vector<std::string>& labels, std::vector<graph::LabelId>& out);
    bool nodeHasLabelIds(graph::NodeId id, const std::vector<graph::LabelId>& labels);
    Value nodeProperty(graph::NodeId id, std::string_view key);
    std::shared_ptr<const graph::Node> node(graph::NodeId id);
    std::shared_ptr<const graph::Relationship> relationship(graph::RelId id);
    Value relProperty(graph::RelId id, std::string_view key);
    std::unique_ptr<graph::EdgeCursor> edges(graph::NodeId id, graph::Direction dir,
                                             std::span<const graph::TypeId> types);
    std::optional<graph::TypeId> typeId(const std::string& type);
    std::string typeName(graph::TypeId id);
    // Resolves a list of type names; false when none exists (nothing can match).
    bool typeIds(const std::vector<std::string>& names, std::vector<graph::TypeId>& out);

    // Writes change labels and properties: forget what was cached.
    void invalidateCaches();

    // Turns a storage failure into a QueryError.
    static void check(const graph::Status& s);

    // Attaches labels/properties to every node and relationship inside `v`.
    void materialize(Value& v);

private:
    const graph::ReadView& view_;
    graph::WriteTransaction* tx_;
    const Parameters& params_;
    std::uint64_t guardTicks_ = 0;
    std::uint64_t memoryHeld_ = 0;
    std::unordered_map<graph::NodeId, std::vector<std::string>> labelCache_;
    std::unordered_map<std::string, graph::LabelId> labelIdCache_;
    std::unordered_map<graph::NodeId, std::vector<std::pair<std::string, Value>>> propertyCache_;
    std::unordered_map<graph::NodeId, std::shared_ptr<const graph::Node>> nodeCache_;
    std::unordered_map<graph::RelId, std::shared_ptr<const graph::Relationship>> relCache_;
    std::unordered_map<std::string, std::optional<graph::TypeId>> typeIdCache_;
    std::unordered_map<graph::TypeId, std::string> typeNameCache_;
};

} // namespace innograph::query
