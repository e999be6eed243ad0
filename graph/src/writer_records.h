#pragma once

// Committed node records in memory, for the writer: every document reads the records of the
// entities it merges into (a city, a province, a park named again and again), and each first
// read in a transaction was a RocksDB look-up through a memtable of hundreds of thousands of
// entries.
//
// Same discipline as NameCache: only write transactions use it, under the store's writer lock; a
// commit replaces the cached records it rewrote and drops those it deleted, after its write
// succeeded, and a bulk load empties it before it starts. Bounded by kMaxBytes.

#include "innograph/graph/graph_store.h"

#include <string>
#include <unordered_map>

namespace innograph::graph::detail {

class WriteOverlay;

class WriterRecords {
public:
    // Null when the node's record is not cached.
    const std::string* find(NodeId id) const;
    void fill(NodeId id, const std::string& record);
    // After a successful commit: the transaction's node records.
    void apply(const WriteOverlay& overlay);
    void clear();

private:
    static constexpr std::size_t kMaxBytes = 64u << 20; // then start again from empty
    static constexpr std::size_t kOverhead = 64;        // a map node's own bytes, roughly
    std::unordered_map<NodeId, std::string> records_;
    std::size_t bytes_ = 0;
};

} // namespace innograph::graph::detail
