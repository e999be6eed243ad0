#include "keys.h"
#include "store_core.h"

#include <vector>

namespace innograph::graph::detail {

bool fillLabelCache(const StoreCore& core, const rocksdb::Snapshot* snap, NodeId limit,
                    const std::atomic<bool>& stop, LabelCache* cache) {
    // A node's bits are published whole, once every label of it has been read: a reader must
    // never meet a node with some of its labels. A node with a label past 30 (which the bits
    // cannot hold) is left to the lazy path, as nodeHasLabel leaves it; while scanning, the bit
    // that means "known" in the cache marks such a node.
    constexpr std::uint32_t kUnfit = LabelCache::kKnown;
    const std::size_t n = std::min<std::size_t>(limit, cache->capacity());
    std::vector<std::uint32_t> bits(n, 0);
    rocksdb::ReadOptions ro;
    ro.snapshot = snap;
    ro.fill_cache = false; // a one-off scan: keep the block cache's hot blocks
    ro.readahead_size = 2u << 20;
    std::unique_ptr<rocksdb::Iterator> it(core.db->NewIterator(ro, core.cf(kLabels)));
    std::uint64_t seen = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
        if ((++seen & 0xffff) == 0 && stop.load(std::memory_order_relaxed))
            return false;
        auto k = it->key();
        if (k.size() != 12)
            return false;
        const LabelId label = keys::getBe32(k.data());
        const NodeId node = keys::getBe64(k.data() + 4);
        if (node >= n)
            continue;
        bits[node] |= label < 31 ? 1u << label : kUnfit;
    }
    if (!it->status().ok())
        return false;
    for (std::size_t id = 0; id < n; ++id)
        if (bits[id] && !(bits[id] & kUnfit))
            cache->put(id, bits[id] | LabelCache::kKnown);
    return true;
}

} // namespace innograph::graph::detail
