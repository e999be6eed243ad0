#pragma once

// Internals shared by the store, its views, its transactions and the bulk loader. Everything
// RocksDB-typed lives behind this header, inside graph/src.

#include "innograph/graph/graph_store.h"

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>

#include "adjacency_cache.h"
#include "name_cache.h"
#include "writer_records.h"

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace innograph::graph::detail {

enum Cf : int { kMeta = 0, kNodes, kRels, kAdjOut, kAdjIn, kLabels, kNames, kCounters, kCfCount };
const char* cfName(Cf cf);

Status fromRocks(const rocksdb::Status& s, std::string_view context = {});

// Names <-> ids of labels and relationship types, and the set of property keys: a cache of the
// dictionary entries in the meta column family. Thread-safe.
struct PendingDictionary;

class Dictionary {
public:
    std::optional<std::uint32_t> labelId(std::string_view name) const;
    std::optional<std::uint32_t> typeId(std::string_view name) const;
    std::optional<std::string> labelName(std::uint32_t id) const;
    std::optional<std::string> typeName(std::uint32_t id) const;
    bool hasPropertyKey(std::string_view key) const;
    std::uint32_t nextLabelId() const;
    std::uint32_t nextTypeId() const;

    void addLabel(const std::string& name, std::uint32_t id);
    void addType(const std::string& name, std::uint32_t id);
    void addPropertyKey(const std::string& key);
    // A writer's new entries, published before its write becomes visible (a reader whose
    // snapshot holds the write's data must be able to name its labels and types), and withdrawn
    // if the write fails. Only the writer holding the write lock calls these.
    void publish(const PendingDictionary& pending);
    void withdraw(const PendingDictionary& pending);

    std::vector<std::string> labels() const;
    std::vector<std::string> types() const;
    std::vector<std::string> propertyKeys() const;
    void clear();

private:
    mutable std::shared_mutex mu_;
    std::unordered_map<std::string, std::uint32_t> labelIds_, typeIds_;
    std::map<std::uint32_t, std::string> labelNames_, typeNames_;
    std::set<std::string, std::less<>> propertyKeys_;
};

// Entries a writer added to the dictionary but has not committed yet.
struct PendingDictionary {
    std::map<std::string, std::uint32_t, std::less<>> labels, types;
    std::set<std::string, std::less<>> propertyKeys;
    void clear() {
        labels.clear();
        types.clear();
        propertyKeys.clear();
    }
};

// Label sets of nodes in memory, so that label checks (the commonest filter of a pattern) need no
// record read. One slot per node id: 0 unknown, else kKnown | a bitmask of its label ids (a node
// with a label id of 31 or more is never cached). Reads fill slots concurrently.
//
// A table describes one state of the labels: a commit that changes labels replaces the store's
// table, holding StoreCore::labelCacheMu exclusively across the write, and a snapshot takes the
// table under the same mutex shared together with its RocksDB snapshot. A view therefore only
// ever fills and reads a table that matches its own data; an older table may still be filled by
// an older snapshot, but no newer view sees it.
class LabelCache {
public:
    static constexpr std::uint32_t kKnown = 1u << 31;
    explicit LabelCache(std::size_t capacity)
        : capacity_(capacity), slots_(new std::atomic<std::uint32_t>[capacity]()) {}
    std::size_t capacity() const { return capacity_; }
    std::uint32_t get(NodeId id) const {
        return id < capacity_ ? slots_[id].load(std::memory_order_relaxed) : 0;
    }
    void put(NodeId id, std::uint32_t bits) {
        if (id < capacity_)
            slots_[id].store(bits, std::memory_order_relaxed);
    }

private:
    std::size_t capacity_;
    std::unique_ptr<std::atomic<std::uint32_t>[]> slots_;
};

struct StoreCore;

// Fills `cache` with the labels of every node below `limit` as they are at `snap` (null: the
// latest state), so that label checks never start with a read of the node's record: a query
// over a hub's 120,000 neighbours spent most of its first run (1.2 s against 0.2 s warm, SF 1)
// filling the cache one record at a time. The caller took `cache` and `snap` together under
// labelCacheMu. False when `stop` was raised or a read failed (the cache then holds no entry
// the scan put).
bool fillLabelCache(const StoreCore& core, const rocksdb::Snapshot* snap, NodeId limit,
                    const std::atomic<bool>& stop, LabelCache* cache);

// Node records by id in memory, for property reads (RETURN p.name) without a RocksDB lookup.
// Same discipline as LabelCache: a commit that writes node records replaces the table under
// labelCacheMu exclusive; a snapshot takes it with its RocksDB snapshot. Bounded: once full,
// records are no longer added.
class RecordCache {
public:
    bool get(NodeId id, std::string* out) const {
        const auto& s = shards_[id % kShards];
        std::shared_lock lock(s.mu);
        auto it = s.map.find(id);
        if (it == s.map.end())
            return false;
        *out = it->second;
        return true;
    }
    void put(NodeId id, const std::string& record) {
        if (bytes_.load(std::memory_order_relaxed) > kMaxBytes)
            return;
        auto& s = shards_[id % kShards];
        std::unique_lock lock(s.mu);
        if (s.map.emplace(id, record).second)
            bytes_.fetch_add(record.size() + 48, std::memory_order_relaxed);
    }

private:
    static constexpr std::size_t kShards = 64;
    static constexpr std::size_t kMaxBytes = 256u << 20;
    struct Shard {
        mutable std::shared_mutex mu;
        std::unordered_map<NodeId, std::string> map;
    };
    std::array<Shard, kShards> shards_;
    std::atomic<std::size_t> bytes_{0};
};

struct StoreCore {
    Options options;
    std::string path;
    rocksdb::DB* db = nullptr;
    std::vector<rocksdb::ColumnFamilyHandle*> cfs; // indexed by Cf
    Dictionary dict;
    std::atomic<NodeId> nextNode{1};
    std::atomic<RelId> nextRel{1};
    std::timed_mutex writeMu;    // one writer at a time
    NameCache writerNames;       // under writeMu; see NameCache
    WriterRecords writerRecords; // under writeMu; see WriterRecords
    // Secondary stores: readers share it for a view's lifetime, catch-up takes it alone, so a
    // view never sees the store move under it.
    mutable std::shared_mutex catchUpMu;

    // See LabelCache. Replaced, never cleared in place. The in-memory adjacency follows the same
    // rule under the same mutex: a writer of adjacency drops it (and bumps the generation, so a
    // build that started before the write is discarded) atomically with its commit.
    mutable std::shared_mutex labelCacheMu;
    std::shared_ptr<LabelCache> labelCache;
    std::shared_ptr<RecordCache> recordCache = std::make_shared<RecordCache>();
    std::shared_ptr<const AdjacencyCache> adjacency;
    std::uint64_t adjacencyGeneration = 0;
    // Caller holds labelCacheMu exclusively.
    void dropAdjacency() {
        adjacency.reset();
        ++adjacencyGeneration;
    }
    // Starts a background build when the copy is missing; `force` ignores the pause that keeps a
    // store under steady writes from rebuilding all the time.
    void maybeBuildAdjacency(bool force = false);
    void waitForAdjacency();
    void stopAdjacencyBuilder();
    std::mutex builderMu;
    std::thread builder;
    std::atomic<bool> building{false}, stopBuilding{false};
    std::atomic<std::int64_t> nextBuildNs{0}; // steady_clock; no build before it unless forced
    // A fresh, empty table with room for the ids allocated so far and some growth. An empty
    // table is right for any state, so any holder of labelCacheMu exclusive may call it.
    void resetLabelCache();

    rocksdb::ColumnFamilyHandle* cf(Cf c) const { return cfs[c]; }
    bool writable() const { return options.mode == OpenMode::ReadWrite; }
    // Reloads the dictionary and id counters from the meta column family.
    Status loadMeta();
};

// A key range being iterated. Owns the bound that RocksDB's ReadOptions only points at.
struct RangeIter {
    std::string upper;
    rocksdb::Slice upperSlice;
    rocksdb::ReadOptions readOptions;
    std::unique_ptr<rocksdb::Iterator> it;
    bool valid() const {
        return it->Valid() && (upper.empty() || it->key().compare(rocksdb::Slice(upper)) < 0);
    }
};

// Where a view reads from: the database (at a snapshot), or a write batch over the database.
class KvSource {
public:
    virtual ~KvSource() = default;
    virtual rocksdb::Status get(Cf cf, const rocksdb::Slice& key, std::string* value) const = 0;
    // Iterates keys in [lower, upper); an empty upper means to the end.
    virtual std::unique_ptr<RangeIter> scan(Cf cf, const std::string& lower,
                                            std::string upper) const = 0;
    // The node ids under one name-index prefix (a normalised name and '\0'), in id order.
    virtual rocksdb::Status nameIds(const std::string& prefix, std::vector<NodeId>* ids) const;
};

// The read operations of ReadView over a KvSource; a mixin so that snapshots and write
// transactions share one implementation.
template <typename Base> class ReadViewImpl : public Base {
public:
    explicit ReadViewImpl(StoreCore* core) : core_(core) {}

    Result<Node> node(NodeId id) const override;
    Result<Relationship> relationship(RelId id) const override;
    bool nodeExists(NodeId id) const override;
    Result<std::vector<std::string>> nodeLabels(NodeId id) const override;
    Result<bool> nodeHasLabel(NodeId id, LabelId label) const override;
    Result<Value> nodeProperty(NodeId id, std::string_view key) const override;
    std::unique_ptr<EdgeCursor> edges(NodeId id, Direction dir,
                                      std::span<const TypeId> types) const override;
    Result<std::uint64_t> degree(NodeId id, Direction dir,
                                 std::span<const TypeId> types) const override;
    std::unique_ptr<NodeIdCursor> nodesWithLabel(LabelId label) const override;
    std::unique_ptr<NodeIdCursor> allNodes() const override;
    std::unique_ptr<RelIdCursor> allRelationships() const override;
    Result<std::vector<NodeId>> findByName(std::string_view name) const override;
    Result<std::vector<NodeId>> findByNamePrefix(std::string_view prefix,
                                                 std::size_t limit) const override;
    Status scanNames(const std::function<bool(std::string_view, NodeId)>& fn) const override;
    Result<LabelId> labelId(std::string_view label) const override;
    Result<TypeId> typeId(std::string_view type) const override;
    Result<std::string> labelName(LabelId id) const override;
    Result<std::string> typeName(TypeId id) const override;

protected:
    virtual const KvSource& source() const = 0;
    // Uncommitted dictionary entries a transaction made; null for snapshots.
    virtual const PendingDictionary* pending() const { return nullptr; }
    // The label table this view may use; null for transactions, which see their own writes.
    virtual LabelCache* labelCache() const { return nullptr; }
    virtual RecordCache* recordCache() const { return nullptr; }
    // A node record, through the record table when the view has one.
    rocksdb::Status getNode(NodeId id, std::string* value) const;
    // The in-memory adjacency this view may use, or null.
    virtual const std::shared_ptr<const AdjacencyCache>* adjacency() const { return nullptr; }
    Result<std::vector<std::string>> labelNames(const std::vector<LabelId>& ids) const;

    StoreCore* core_;
};

// Builds a relationship's adjacency keys and the node's indexes; used by the transaction and the
// bulk loader so the two write identical layouts.
std::string counterDelta(std::int64_t delta);

} // namespace innograph::graph::detail
