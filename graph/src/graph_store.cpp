#include "bulk_load.h"
#include "codec.h"
#include "keys.h"
#include "property_update.h"
#include "store_core.h"
#include "write_transaction.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <cstring>
#include <filesystem>

namespace innograph::graph {
namespace detail {

const char* cfName(Cf cf) {
    switch (cf) {
    case kMeta:
        return "default";
    case kNodes:
        return "nodes";
    case kRels:
        return "rels";
    case kAdjOut:
        return "adj_out";
    case kAdjIn:
        return "adj_in";
    case kLabels:
        return "labels";
    case kNames:
        return "names";
    case kCounters:
        return "counters";
    case kCfCount:
        break;
    }
    return "?";
}

Status fromRocks(const rocksdb::Status& s, std::string_view context) {
    if (s.ok())
        return Status::ok();
    std::string msg = context.empty() ? s.ToString() : std::string(context) + ": " + s.ToString();
    if (s.IsNotFound())
        return Status::notFound(msg);
    if (s.IsCorruption())
        return Status::corruption(msg);
    if (s.IsInvalidArgument())
        return Status::invalidArgument(msg);
    if (s.IsBusy() || s.IsTimedOut())
        return Status::busy(msg);
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos)
        return Status::busy(msg);
    if (s.IsAborted() || s.IsIncomplete())
        return Status::aborted(msg);
    return Status::ioError(msg);
}

std::string counterDelta(std::int64_t delta) {
    std::string out(8, '\0');
    std::memcpy(out.data(), &delta, 8);
    return out;
}

namespace {

std::int64_t readCounter(const rocksdb::Slice& s) {
    std::int64_t v = 0;
    if (s.size() == 8)
        std::memcpy(&v, s.data(), 8);
    return v;
}

// Counters are kept as merge operands of signed deltas, so that a write batch can adjust a count
// without reading it first and a bulk load can adjust it from inside a table file.
class CounterAddOperator : public rocksdb::AssociativeMergeOperator {
public:
    bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing, const rocksdb::Slice& value,
               std::string* newValue, rocksdb::Logger*) const override {
        std::int64_t sum = (existing ? readCounter(*existing) : 0) + readCounter(value);
        *newValue = counterDelta(sum);
        return true;
    }
    const char* Name() const override { return "innograph.CounterAdd"; }
};

class DbSource : public KvSource {
public:
    DbSource(StoreCore* core, const rocksdb::Snapshot* snap) : core_(core), snap_(snap) {}
    rocksdb::Status get(Cf cf, const rocksdb::Slice& key, std::string* value) const override {
        rocksdb::ReadOptions ro;
        ro.snapshot = snap_;
        return core_->db->Get(ro, core_->cf(cf), key, value);
    }
    std::unique_ptr<RangeIter> scan(Cf cf, const std::string&, std::string upper) const override {
        auto r = std::make_unique<RangeIter>();
        r->upper = std::move(upper);
        r->readOptions.snapshot = snap_;
        if (!r->upper.empty()) {
            r->upperSlice = rocksdb::Slice(r->upper);
            r->readOptions.iterate_upper_bound = &r->upperSlice;
        }
        r->it.reset(core_->db->NewIterator(r->readOptions, core_->cf(cf)));
        return r;
    }

private:
    StoreCore* core_;
    const rocksdb::Snapshot* snap_;
};

class SnapshotImpl : public ReadViewImpl<Snapshot> {
public:
    explicit SnapshotImpl(StoreCore* core) : ReadViewImpl<Snapshot>(core), src_(core, nullptr) {
        if (core->options.mode == OpenMode::Secondary)
            catchUpLock_ = std::shared_lock(core->catchUpMu);
        {
            // Ids outgrew the table (nodes were created): start a bigger one.
            std::unique_lock lock(core->labelCacheMu, std::defer_lock);
            if (!core->labelCache || core->labelCache->capacity() <= core->nextNode.load()) {
                lock.lock();
                if (!core->labelCache || core->labelCache->capacity() <= core->nextNode.load())
                    core->resetLabelCache();
            }
        }
        std::shared_lock lock(core->labelCacheMu);
        if (core->options.mode == OpenMode::ReadWrite) {
            snap_ = core->db->GetSnapshot();
            src_ = DbSource(core, snap_);
        }
        labelCache_ = core->labelCache;
        recordCache_ = core->recordCache;
        adjacency_ = core->adjacency;
        lock.unlock();
        if (!adjacency_)
            core->maybeBuildAdjacency();
    }
    ~SnapshotImpl() override {
        if (snap_)
            core_->db->ReleaseSnapshot(snap_);
    }

protected:
    const KvSource& source() const override { return src_; }
    LabelCache* labelCache() const override { return labelCache_.get(); }
    RecordCache* recordCache() const override { return recordCache_.get(); }
    const std::shared_ptr<const AdjacencyCache>* adjacency() const override { return &adjacency_; }

private:
    std::shared_ptr<LabelCache> labelCache_;
    std::shared_ptr<RecordCache> recordCache_;
    std::shared_ptr<const AdjacencyCache> adjacency_;
    const rocksdb::Snapshot* snap_ = nullptr;
    DbSource src_;
    std::shared_lock<std::shared_mutex> catchUpLock_;
};

class GraphStoreImpl : public GraphStore {
public:
    ~GraphStoreImpl() override {
        core_.stopAdjacencyBuilder();
        for (auto* h : core_.cfs) {
            if (h)
                core_.db->DestroyColumnFamilyHandle(h);
        }
        delete core_.db;
    }

    Status openDb(const Options& options, const std::string& path);

    std::unique_ptr<Snapshot> snapshot() const override {
        return std::make_unique<SnapshotImpl>(const_cast<StoreCore*>(&core_));
    }

    Result<std::unique_ptr<WriteTransaction>> beginWrite(const WriteLimits& limits) override {
        if (!core_.writable())
            return Status::readOnly("the store is open read-only");
        // Wait for the writer's turn in short steps, so that cancellation is seen while waiting.
        std::unique_lock lock(core_.writeMu, std::defer_lock);
        while (!lock.try_lock_for(std::chrono::milliseconds(50))) {
            if (limits.cancel && limits.cancel->load())
                return Status::busy("cancelled while waiting for another write to finish");
            if (std::chrono::steady_clock::now() >= limits.deadline)
                return Status::busy("the time limit passed while waiting for another write to "
                                    "finish");
        }
        return std::unique_ptr<WriteTransaction>(
            std::make_unique<WriteTransactionImpl>(&core_, std::move(lock), limits));
    }

    Result<BulkLoadResult> bulkLoad(const std::vector<BulkNode>& nodes,
                                    const std::vector<BulkRelationship>& rels,
                                    const BulkLoadOptions& options) override {
        if (!core_.writable())
            return Status::readOnly("the store is open read-only");
        std::unique_lock lock(core_.writeMu);
        core_.writerNames.clear(); // the load writes name-index entries and nodes of its own
        core_.writerRecords.clear();
        return runBulkLoad(&core_, nodes, rels, options, std::move(lock));
    }

    Result<std::unique_ptr<BulkLoader>> beginBulkLoad(const BulkLoadOptions& options) override {
        if (!core_.writable())
            return Status::readOnly("the store is open read-only");
        std::unique_lock lock(core_.writeMu);
        core_.writerNames.clear(); // the load writes name-index entries and nodes of its own
        core_.writerRecords.clear();
        return startBulkLoad(&core_, options, std::move(lock));
    }

    Result<GraphStats> stats() const override {
        std::shared_lock<std::shared_mutex> lock;
        if (core_.options.mode == OpenMode::Secondary)
            lock = std::shared_lock(core_.catchUpMu);
        GraphStats st;
        std::unique_ptr<rocksdb::Iterator> it(
            core_.db->NewIterator(rocksdb::ReadOptions(), core_.cf(kCounters)));
        for (it->SeekToFirst(); it->Valid(); it->Next()) {
            auto k = it->key();
            auto v =
                static_cast<std::uint64_t>(std::max<std::int64_t>(0, readCounter(it->value())));
            if (k == rocksdb::Slice(keys::kNodeCounterKey)) {
                st.nodes = v;
            } else if (k == rocksdb::Slice(keys::kRelCounterKey)) {
                st.relationships = v;
            } else if (k.size() == 5 && (k[0] == 'L' || k[0] == 'T')) {
                auto id = keys::getBe32(k.data() + 1);
                auto name = k[0] == 'L' ? core_.dict.labelName(id) : core_.dict.typeName(id);
                if (!name)
                    return Status::corruption("counter for an unknown dictionary id");
                if (v == 0)
                    continue;
                (k[0] == 'L' ? st.nodesPerLabel : st.relationshipsPerType)[*name] = v;
            }
        }
        if (auto s = fromRocks(it->status(), "reading counters"); !s.isOk())
            return s;
        return st;
    }

    Result<std::vector<std::string>> propertyKeys() const override {
        return core_.dict.propertyKeys();
    }
    Result<std::vector<std::string>> labels() const override { return core_.dict.labels(); }
    Result<std::vector<std::string>> relationshipTypes() const override {
        return core_.dict.types();
    }

    Status catchUpWithPrimary() override {
        if (core_.options.mode != OpenMode::Secondary)
            return Status::invalidArgument("catchUpWithPrimary needs a store opened as secondary");
        std::unique_lock lock(core_.catchUpMu);
        if (auto s = fromRocks(core_.db->TryCatchUpWithPrimary(), "catching up"); !s.isOk())
            return s;
        {
            std::unique_lock cacheLock(core_.labelCacheMu);
            core_.resetLabelCache();
            core_.recordCache = std::make_shared<RecordCache>();
            core_.dropAdjacency();
        }
        return core_.loadMeta();
    }

    void warmCaches() override {
        core_.maybeBuildAdjacency(/*force=*/true);
        core_.waitForAdjacency();
    }

    Status compact() override {
        if (!core_.writable())
            return Status::readOnly("the store is open read-only");
        for (auto* h : core_.cfs) {
            auto s = core_.db->CompactRange(rocksdb::CompactRangeOptions(), h, nullptr, nullptr);
            if (!s.ok())
                return fromRocks(s, "compacting");
        }
        return Status::ok();
    }

    const Options& options() const override { return core_.options; }
    const std::string& path() const override { return core_.path; }

private:
    StoreCore core_;
};

rocksdb::ColumnFamilyOptions cfOptions(Cf cf, const Options& options,
                                       const std::shared_ptr<rocksdb::Cache>& cache) {
    rocksdb::ColumnFamilyOptions o;
    o.write_buffer_size = options.writeBufferBytes;
    o.compression = rocksdb::kLZ4Compression;
    o.bottommost_compression = rocksdb::kZSTD;
    rocksdb::BlockBasedTableOptions t;
    t.block_cache = cache;
    // Bulk loads write one large table file per column family. Whole-file filters and indexes
    // of such a file can outgrow a block-cache shard and would be re-read on every lookup, so
    // they are partitioned, with only the small top level pinned.
    t.cache_index_and_filter_blocks = true;
    t.index_type = rocksdb::BlockBasedTableOptions::IndexType::kTwoLevelIndexSearch;
    t.metadata_block_size = 4096;
    t.pin_top_level_index_and_filter = true;
    t.pin_l0_filter_and_index_blocks_in_cache = true;
    t.format_version = 5;
    switch (cf) {
    case kAdjOut:
    case kAdjIn:
        // A node's adjacency is one prefix; bloom filters on that prefix skip files that hold
        // none of it.
        o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kAdjPrefixSize));
        t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(options.bloomBitsPerKey));
        t.partition_filters = true;
        t.whole_key_filtering = false;
        break;
    case kNodes:
    case kRels:
        t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(options.bloomBitsPerKey));
        t.partition_filters = true;
        if (cf == kRels)
            o.merge_operator = relationshipUpdateOperator();
        break;
    case kCounters:
        o.merge_operator = std::make_shared<CounterAddOperator>();
        break;
    default:
        break;
    }
    o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
    return o;
}

} // namespace

void StoreCore::maybeBuildAdjacency(bool force) {
    if (!options.adjacencyCache || stopBuilding.load())
        return;
    std::lock_guard guard(builderMu);
    if (building.load())
        return;
    {
        std::shared_lock lock(labelCacheMu);
        if (adjacency)
            return;
    }
    auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    if (!force && now < nextBuildNs.load())
        return;
    if (builder.joinable())
        builder.join(); // finished: `building` is false
    building = true;
    builder = std::thread([this] {
        auto start = std::chrono::steady_clock::now();
        const rocksdb::Snapshot* snap = nullptr;
        std::uint64_t generation;
        NodeId limit;
        std::shared_ptr<LabelCache> labels;
        {
            std::unique_lock lock(labelCacheMu);
            generation = adjacencyGeneration;
            if (options.mode == OpenMode::ReadWrite)
                snap = db->GetSnapshot();
            limit = nextNode.load();
            if (!labelCache || labelCache->capacity() <= limit)
                resetLabelCache(); // as a snapshot would: none yet, or ids outgrew it
            labels = labelCache;
        }
        // The label table taken with the snapshot describes the same labels (a write of labels
        // replaces it); filled here, it no longer costs a record read per node on first use.
        if (labels)
            fillLabelCache(*this, snap, limit, stopBuilding, labels.get());
        auto built = buildAdjacencyCache(*this, snap, limit, stopBuilding);
        if (snap)
            db->ReleaseSnapshot(snap);
        {
            std::unique_lock lock(labelCacheMu);
            if (built && generation == adjacencyGeneration)
                adjacency = std::move(built);
        }
        // After writes, rebuild at most every tenth of the time: a store under steady writes
        // then spends at most ~10% of a core on it and reads from RocksDB meanwhile.
        auto took = std::chrono::steady_clock::now() - start;
        auto pause =
            std::max<std::chrono::steady_clock::duration>(std::chrono::seconds(1), took * 10);
        nextBuildNs = (std::chrono::steady_clock::now() + pause).time_since_epoch().count();
        building = false;
    });
}

void StoreCore::waitForAdjacency() {
    std::lock_guard guard(builderMu);
    if (builder.joinable())
        builder.join();
}

void StoreCore::stopAdjacencyBuilder() {
    stopBuilding = true;
    waitForAdjacency();
}

void StoreCore::resetLabelCache() {
    // Room for a quarter more nodes than exist; 4 bytes per id, at most 64 Mi ids (256 MiB).
    std::size_t n = static_cast<std::size_t>(nextNode.load());
    labelCache = std::make_shared<LabelCache>(std::min<std::size_t>(n + n / 4 + 1024, 64u << 20));
}

Status StoreCore::loadMeta() {
    dict.clear();
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf(kMeta)));
    for (it->Seek("dict/"); it->Valid() && it->key().starts_with("dict/"); it->Next()) {
        auto k = it->key().ToString();
        auto v = it->value();
        if (k.starts_with(keys::kLabelDictPrefix) && v.size() == 4) {
            dict.addLabel(k.substr(keys::kLabelDictPrefix.size()), keys::getBe32(v.data()));
        } else if (k.starts_with(keys::kTypeDictPrefix) && v.size() == 4) {
            dict.addType(k.substr(keys::kTypeDictPrefix.size()), keys::getBe32(v.data()));
        } else if (k.starts_with(keys::kPropertyKeyPrefix)) {
            dict.addPropertyKey(k.substr(keys::kPropertyKeyPrefix.size()));
        } else {
            return Status::corruption("bad dictionary entry " + k);
        }
    }
    if (auto s = fromRocks(it->status(), "reading the dictionary"); !s.isOk())
        return s;
    auto readId = [&](const std::string& key, std::atomic<std::uint64_t>* out) -> Status {
        std::string v;
        auto s = db->Get(rocksdb::ReadOptions(), cf(kMeta), key, &v);
        if (s.IsNotFound()) {
            *out = 1;
            return Status::ok();
        }
        if (!s.ok())
            return fromRocks(s, "reading " + key);
        if (v.size() != 8)
            return Status::corruption("bad " + key);
        *out = keys::getBe64(v.data());
        return Status::ok();
    };
    if (auto s = readId(keys::kNextNodeKey, &nextNode); !s.isOk())
        return s;
    return readId(keys::kNextRelKey, &nextRel);
}

Status GraphStoreImpl::openDb(const Options& options, const std::string& path) {
    core_.options = options;
    core_.path = path;
    namespace fs = std::filesystem;
    std::error_code ec;
    bool exists = fs::exists(fs::path(path) / "CURRENT", ec);
    if (!exists && (options.mode != OpenMode::ReadWrite || !options.createIfMissing))
        return Status::notFound("no innograph store at " + path);
    if (!exists) {
        fs::create_directories(path, ec);
        if (ec)
            return Status::ioError("cannot create " + path + ": " + ec.message());
    }
    // A bulk load killed before ingestion leaves its table files behind; they are not part of
    // the store.
    if (options.mode == OpenMode::ReadWrite)
        fs::remove_all(fs::path(path) / "bulk-tmp", ec);

    auto cache = rocksdb::NewLRUCache(options.blockCacheBytes);
    rocksdb::DBOptions dbo;
    dbo.create_if_missing = true;
    dbo.create_missing_column_families = true;
    dbo.max_background_jobs = 2;
    dbo.keep_log_file_num = 3;
    dbo.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
    if (options.mode == OpenMode::Secondary)
        dbo.max_open_files = -1;
    std::vector<rocksdb::ColumnFamilyDescriptor> cfds;
    for (int c = 0; c < kCfCount; ++c)
        cfds.emplace_back(cfName(static_cast<Cf>(c)),
                          cfOptions(static_cast<Cf>(c), options, cache));
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::Status s;
    switch (options.mode) {
    case OpenMode::ReadWrite:
        s = rocksdb::DB::Open(dbo, path, cfds, &handles, &core_.db);
        break;
    case OpenMode::ReadOnly:
        s = rocksdb::DB::OpenForReadOnly(dbo, path, cfds, &handles, &core_.db);
        break;
    case OpenMode::Secondary:
        if (options.secondaryPath.empty())
            return Status::invalidArgument("a secondary store needs Options::secondaryPath");
        s = rocksdb::DB::OpenAsSecondary(dbo, path, options.secondaryPath, cfds, &handles,
                                         &core_.db);
        break;
    }
    if (!s.ok())
        return fromRocks(s, "opening " + path);
    core_.cfs = handles;
    if (options.mode == OpenMode::ReadWrite) {
        std::string format;
        auto fs = core_.db->Get(rocksdb::ReadOptions(), core_.cf(kMeta), keys::kFormatKey, &format);
        if (fs.IsNotFound()) {
            fs = core_.db->Put(rocksdb::WriteOptions(), core_.cf(kMeta), keys::kFormatKey,
                               std::string(keys::kFormatVersion));
            if (!fs.ok())
                return fromRocks(fs, "initialising " + path);
        } else if (!fs.ok()) {
            return fromRocks(fs, "opening " + path);
        } else if (format != keys::kFormatVersion) {
            return Status::invalidArgument(path + " holds store format '" + format +
                                           "', this build reads '" +
                                           std::string(keys::kFormatVersion) + "'");
        }
    }
    return core_.loadMeta();
}

} // namespace detail

Result<std::unique_ptr<GraphStore>> GraphStore::open(const Options& options,
                                                     const std::string& path) {
    auto store = std::make_unique<detail::GraphStoreImpl>();
    if (auto s = store->openDb(options, path); !s.isOk())
        return s;
    return std::unique_ptr<GraphStore>(std::move(store));
}

Status GraphStore::destroy(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Status::ok();
    if (!fs::exists(fs::path(path) / "CURRENT", ec) && !fs::is_empty(path, ec))
        return Status::invalidArgument(path + " is not an innograph store; not removing it");
    fs::remove_all(path, ec);
    if (ec)
        return Status::ioError("cannot remove " + path + ": " + ec.message());
    return Status::ok();
}

bool Node::hasLabel(std::string_view label) const {
    for (const auto& l : labels)
        if (l == label)
            return true;
    return false;
}

} // namespace innograph::graph
