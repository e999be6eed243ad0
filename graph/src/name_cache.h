#pragma once

// The committed name index in memory, for the writer: entity resolution looks up every name a
// document mentions, and a RocksDB iterator's creation and seek cost about 11,000 instructions
// a lookup, most of them for names that earlier documents looked up already.
//
// Only write transactions use it, and only while holding the store's writer lock, which every
// change of the name index holds too: a commit applies its own name-index entries to the cached
// names after its write succeeded, and a bulk load empties the cache before it starts. So a
// cached name always lists exactly the committed ids under it.

#include "innograph/graph/graph_store.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace innograph::graph::detail {

class WriteOverlay;

class NameCache {
public:
    // The committed ids under a name-index prefix (normalised name + '\0'), in id order; null
    // when the name is not cached.
    const std::vector<NodeId>* find(const std::string& prefix) const;
    void fill(const std::string& prefix, std::vector<NodeId> ids);
    // After a successful commit: the transaction's puts and deletes of name-index keys.
    void apply(const WriteOverlay& overlay);
    void clear();
    // Brings `ids` (in id order) past one name-index entry (a name key: prefix, then the id).
    static void update(std::vector<NodeId>* ids, const std::string& key, bool deleted);

private:
    static constexpr std::size_t kMaxNames = 1u << 20; // then start again from empty
    std::unordered_map<std::string, std::vector<NodeId>> ids_;
};

} // namespace innograph::graph::detail
