#include "adjacency_cache.h"

#include "keys.h"
#include "store_core.h"

#include <algorithm>
#include <array>

namespace innograph::graph::detail {
namespace {

bool fill(const StoreCore& core, Cf cf, const rocksdb::Snapshot* snap, NodeId limit,
          const std::atomic<bool>& stop, AdjacencyCache::Half& h) {
    h.offsets.assign(static_cast<std::size_t>(limit) + 1, 0);
    rocksdb::ReadOptions ro;
    ro.snapshot = snap;
    // A one-off scan of everything: keep it from evicting the hot blocks of the block cache.
    ro.fill_cache = false;
    ro.readahead_size = 2u << 20;
    std::unique_ptr<rocksdb::Iterator> it(core.db->NewIterator(ro, core.cf(cf)));
    NodeId filled = 0; // offsets[0..filled] are final
    std::uint64_t n = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
        if ((++n & 0xffff) == 0 && stop.load(std::memory_order_relaxed))
            return false;
        auto k = it->key();
        if (k.size() != keys::kAdjKeySize)
            return false;
        auto e = keys::parseAdjKey({k.data(), k.size()});
        if (e.self >= limit)
            return false; // a node newer than the limit: this copy could not cover it
        while (filled < e.self)
            h.offsets[++filled] = h.entries.size();
        h.entries.push_back({e.other, e.rel, e.type});
    }
    if (!it->status().ok())
        return false;
    while (filled < limit)
        h.offsets[++filled] = h.entries.size();
    h.entries.shrink_to_fit();
    return true;
}

struct CachedRange {
    bool outgoing;
    std::uint64_t begin, end;
};

// Up to eight ranges kept inline: the common lookups (one node, one or two types, one or both
// directions) then allocate nothing beyond the cursor itself.
class InlineRanges {
public:
    void push_back(const CachedRange& r) { ranges_[size_++] = r; }
    std::size_t size() const { return size_; }
    CachedRange& operator[](std::size_t i) { return ranges_[i]; }

private:
    std::array<CachedRange, 8> ranges_{};
    std::size_t size_ = 0;
};

// Walks index ranges of the cached adjacency; `Ranges` is InlineRanges or a vector for many.
template <typename Ranges> class CachedEdgeCursor : public EdgeCursor {
public:
    CachedEdgeCursor(std::shared_ptr<const AdjacencyCache> cache, NodeId self)
        : cache_(std::move(cache)), self_(self) {}
    void add(bool outgoing, std::uint64_t begin, std::uint64_t end) {
        if (begin < end)
            ranges_.push_back({outgoing, begin, end});
    }
    bool next(Edge* out) override {
        while (pos_ < ranges_.size()) {
            auto& r = ranges_[pos_];
            if (r.begin == r.end) {
                ++pos_;
                continue;
            }
            const auto& x = (r.outgoing ? cache_->out : cache_->in).entries[r.begin++];
            out->id = x.rel;
            out->type = x.type;
            out->other = x.other;
            out->start = r.outgoing ? self_ : x.other;
            out->end = r.outgoing ? x.other : self_;
            return true;
        }
        return false;
    }
    Status status() const override { return Status::ok(); }

private:
    std::shared_ptr<const AdjacencyCache> cache_;
    NodeId self_;
    Ranges ranges_;
    std::size_t pos_ = 0;
};

} // namespace

std::size_t AdjacencyCache::bytes() const {
    auto half = [](const Half& h) {
        return h.offsets.capacity() * 8 + h.entries.capacity() * sizeof(Entry);
    };
    return half(out) + half(in);
}

std::shared_ptr<const AdjacencyCache> buildAdjacencyCache(const StoreCore& core,
                                                          const rocksdb::Snapshot* snap,
                                                          NodeId nodeLimit,
                                                          const std::atomic<bool>& stop) {
    auto c = std::make_shared<AdjacencyCache>();
    c->nodeLimit = nodeLimit;
    if (!fill(core, kAdjOut, snap, nodeLimit, stop, c->out) ||
        !fill(core, kAdjIn, snap, nodeLimit, stop, c->in))
        return nullptr;
    return c;
}

std::unique_ptr<EdgeCursor> cachedEdges(std::shared_ptr<const AdjacencyCache> cache, NodeId id,
                                        Direction dir, std::span<const TypeId> types) {
    // Most patterns name one type or none: those need no sorting and no list of ranges.
    std::vector<TypeId> sorted;
    if (types.size() > 1) {
        sorted.assign(types.begin(), types.end());
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        types = sorted;
    }
    std::size_t halves = dir == Direction::Both ? 2 : 1;
    const AdjacencyCache* a = cache.get(); // the cursor takes `cache` over
    auto forEachRange = [&](auto&& fn) {
        for (int o = 1; o >= 0; --o) {
            bool outgoing = o == 1;
            if ((outgoing && dir == Direction::Incoming) ||
                (!outgoing && dir == Direction::Outgoing))
                continue;
            const auto& h = outgoing ? a->out : a->in;
            std::uint64_t b = h.offsets[id], e = h.offsets[id + 1];
            if (types.empty()) {
                fn(outgoing, b, e);
                continue;
            }
            const auto* first = h.entries.data();
            for (auto t : types) {
                auto lo = std::partition_point(first + b, first + e,
                                               [t](const auto& x) { return x.type < t; });
                auto hi =
                    std::partition_point(lo, first + e, [t](const auto& x) { return x.type <= t; });
                fn(outgoing, static_cast<std::uint64_t>(lo - first),
                   static_cast<std::uint64_t>(hi - first));
            }
        }
    };
    auto fill = [&](auto cursor) -> std::unique_ptr<EdgeCursor> {
        forEachRange([&](bool o, std::uint64_t b, std::uint64_t e) { cursor->add(o, b, e); });
        return cursor;
    };
    if (halves * std::max<std::size_t>(1, types.size()) <= 8)
        return fill(std::make_unique<CachedEdgeCursor<InlineRanges>>(std::move(cache), id));
    return fill(std::make_unique<CachedEdgeCursor<std::vector<CachedRange>>>(std::move(cache), id));
}

} // namespace innograph::graph::detail
