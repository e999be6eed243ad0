#pragma once

// An in-memory copy of both adjacency column families in compressed sparse row form, shared by
// the snapshots of a store. RocksDB answers a node's adjacency with an iterator, a seek and a
// few key decodes, several microseconds per node; here it is a slice of three arrays. The copy
// describes one state of the store: a commit or load that writes adjacency drops it, and a
// later snapshot schedules a rebuild in the background (see StoreCore::tables).

#include "innograph/graph/graph_store.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace rocksdb {
class Snapshot;
}

namespace innograph::graph::detail {

struct StoreCore;

struct AdjacencyCache {
    // Entries of node n are [offsets[n], offsets[n + 1]) in key order: type, other node, rel.
    // One entry's fields side by side: a node's entries are then one or two cache lines.
    struct Entry {
        NodeId other;
        RelId rel;
        TypeId type;
    };
    struct Half {
        std::vector<std::uint64_t> offsets;
        std::vector<Entry> entries;
    };
    Half out, in;
    NodeId nodeLimit = 0; // nodes with ids below it are covered

    bool covers(NodeId id) const { return id < nodeLimit; }
    std::size_t bytes() const;
};

// Reads both adjacency column families at `snap` (null: the latest state). Null when `stop`
// was raised or a read failed.
std::shared_ptr<const AdjacencyCache> buildAdjacencyCache(const StoreCore& core,
                                                          const rocksdb::Snapshot* snap,
                                                          NodeId nodeLimit,
                                                          const std::atomic<bool>& stop);

// A cursor over the cached adjacency of one node, by the rules of ReadView::edges().
std::unique_ptr<EdgeCursor> cachedEdges(std::shared_ptr<const AdjacencyCache> cache, NodeId id,
                                        Direction dir, std::span<const TypeId> types);

} // namespace innograph::graph::detail
