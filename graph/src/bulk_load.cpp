#include "bulk_load.h"

#include "codec.h"
#include "innograph/text/unicode.h"
#include "key_sorter.h"
#include "keys.h"
#include "write_transaction.h"

#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace innograph::graph::detail {
namespace {

namespace fs = std::filesystem;

// Name normalisation (ICU and OpenCC) is the dearest step of preparing a node, and a load
// repeats names (aliases, shared place names): cache per distinct string, per thread so that
// preparing threads never contend. Bounded by clearing when full.
std::string normalizeCached(std::string_view text) {
    // ASCII takes normalizeName's fast path, which is cheaper than a cache lookup.
    if (std::all_of(text.begin(), text.end(), [](char c) { return !(c & 0x80); }))
        return normalizeName(text);
    thread_local std::unordered_map<std::string, std::string> cache;
    constexpr std::size_t kMaxEntries = 1u << 16;
    std::string key(text);
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    auto n = normalizeName(text);
    if (cache.size() >= kMaxEntries)
        cache.clear();
    cache.emplace(std::move(key), n);
    return n;
}

// One table file for one column family, written in key order.
class TableFile {
public:
    TableFile(StoreCore* core, Cf cf, std::string path)
        : core_(core), cf_(cf), path_(std::move(path)),
          // The file's pages stay in the page cache (the store reads them right after the
          // ingestion), and it has no filter: see tableOptions().
          writer_(rocksdb::EnvOptions(), tableOptions(core, cf), core->cf(cf),
                  /*invalidate_page_cache=*/false, rocksdb::Env::IOPriority::IO_TOTAL,
                  /*skip_filters=*/true) {}

    Status put(const rocksdb::Slice& k, const rocksdb::Slice& v) {
        if (auto s = openIfNeeded(); !s.isOk())
            return s;
        ++entries_;
        return checked(writer_.Put(k, v));
    }
    Status merge(const rocksdb::Slice& k, const rocksdb::Slice& v) {
        if (auto s = openIfNeeded(); !s.isOk())
            return s;
        ++entries_;
        return checked(writer_.Merge(k, v));
    }
    // The ingestion argument for the finished file; none for an empty file.
    Result<std::optional<rocksdb::IngestExternalFileArg>> finish() {
        if (!entries_)
            return std::optional<rocksdb::IngestExternalFileArg>();
        if (auto s = fromRocks(writer_.Finish(), "finishing " + path_); !s.isOk())
            return s;
        rocksdb::IngestExternalFileArg arg;
        arg.column_family = core_->cf(cf_);
        arg.external_files = {path_};
        arg.options.move_files = true;
        arg.options.snapshot_consistency = true;
        return std::optional(std::move(arg));
    }

private:
    // The family's own options, except for three things a load's one large file per family
    // wants otherwise:
    // - LZ4 rather than the bottommost level's ZSTD (which SstFileWriter would otherwise pick):
    //   the file is written once and read often, and LZ4 is several times cheaper both ways.
    //   (Not compressing at all saved about 6 % of an SF 1 import's CPU but made the store 2.3
    //   times larger.)
    // - No bloom filter. A filter answers "is this key in this file?", and the load's file holds
    //   nearly every key its family has, so the answer is yes and the filter only costs: hashing
    //   every key and building the filter was 6.7 % of an import's instructions (callgrind, SF
    //   0.1 CSV). Lookups in the file go through its (partitioned, cached) index as they would
    //   after a positive filter; files that compaction writes from it get filters again.
    // - 16 KB blocks for the families that are only ever scanned by prefix (adjacency, labels),
    //   not the 4 KB suited to point reads: a quarter of the blocks to compress, index and
    //   checksum (LZ4 clears a 16 KB state per block), 2.2 % of the instructions.
    static rocksdb::Options tableOptions(StoreCore* core, Cf cf) {
        rocksdb::Options o(core->db->GetOptions(core->cf(cf)));
        o.compression = rocksdb::kLZ4Compression;
        o.bottommost_compression = rocksdb::kDisableCompressionOption;
        if (cf == kAdjOut || cf == kAdjIn || cf == kLabels) {
            auto t = *o.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>();
            t.block_size = kScannedBlockBytes;
            o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
        }
        return o;
    }
    static constexpr std::size_t kScannedBlockBytes = 16u << 10;
    // The message is built only for a failure: building it for every entry was a heap string
    // per key (the path is longer than the short-string buffer), millions per load.
    Status checked(const rocksdb::Status& s) const {
        return s.ok() ? Status::ok() : fromRocks(s, "writing " + path_);
    }
    Status openIfNeeded() {
        if (opened_)
            return Status::ok();
        opened_ = true;
        return fromRocks(writer_.Open(path_), "creating " + path_);
    }
    StoreCore* core_;
    Cf cf_;
    std::string path_;
    rocksdb::SstFileWriter writer_;
    bool opened_ = false;
    std::uint64_t entries_ = 0;
};

// A TableFile written on its own thread: put() only appends the entry to a batch, so the
// thread that feeds the load (every record passes through it, in order) never waits on block
// building, filters or the disk. At most two full batches wait, so memory stays bounded.
class BackgroundTableFile {
public:
    BackgroundTableFile(StoreCore* core, Cf cf, std::string path)
        : file_(core, cf, std::move(path)), thread_([this] { run(); }) {
        batch_.reserve(kBatchBytes + 4096);
    }
    ~BackgroundTableFile() { stop(); }
    BackgroundTableFile(const BackgroundTableFile&) = delete;
    BackgroundTableFile& operator=(const BackgroundTableFile&) = delete;

    Status put(std::string_view k, std::string_view v) {
        // One resize and plain copies: four appends each checked the capacity.
        const auto kn = static_cast<std::uint32_t>(k.size());
        const auto vn = static_cast<std::uint32_t>(v.size());
        const std::size_t at = batch_.size();
        batch_.resize(at + 2 * sizeof(std::uint32_t) + kn + vn);
        char* p = batch_.data() + at;
        std::memcpy(p, &kn, sizeof kn);
        std::memcpy(p + sizeof kn, &vn, sizeof vn);
        std::memcpy(p + 2 * sizeof kn, k.data(), kn);
        std::memcpy(p + 2 * sizeof kn + kn, v.data(), vn);
        return batch_.size() < kBatchBytes ? Status::ok() : handOff();
    }
    Result<std::optional<rocksdb::IngestExternalFileArg>> finish() {
        if (auto s = handOff(); !s.isOk())
            return s;
        stop();
        if (!status_.isOk())
            return status_;
        return file_.finish();
    }

private:
    static constexpr std::size_t kBatchBytes = 4u << 20;

    Status handOff() {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return queue_.size() < 2 || !status_.isOk(); });
        if (!status_.isOk())
            return status_;
        if (batch_.empty())
            return Status::ok();
        queue_.push_back(std::move(batch_));
        batch_.clear();
        if (!spare_.empty()) {
            batch_ = std::move(spare_.back());
            spare_.pop_back();
        }
        batch_.clear();
        batch_.reserve(kBatchBytes + 4096);
        cv_.notify_all();
        return Status::ok();
    }
    void stop() {
        {
            std::lock_guard lock(mu_);
            done_ = true;
        }
        cv_.notify_all();
        if (thread_.joinable())
            thread_.join();
    }
    void run() {
        std::unique_lock lock(mu_);
        while (true) {
            cv_.wait(lock, [&] { return !queue_.empty() || done_; });
            if (queue_.empty())
                return;
            std::string batch = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            Status s = writeBatch(batch);
            lock.lock();
            if (!s.isOk() && status_.isOk())
                status_ = s;
            batch.clear();
            spare_.push_back(std::move(batch));
            cv_.notify_all();
        }
    }
    Status writeBatch(const std::string& batch) {
        const char* p = batch.data();
        const char* end = p + batch.size();
        while (p < end) {
            std::uint32_t kn, vn;
            std::memcpy(&kn, p, sizeof kn);
            std::memcpy(&vn, p + sizeof kn, sizeof vn);
            p += sizeof kn + sizeof vn;
            if (auto s = file_.put(rocksdb::Slice(p, kn), rocksdb::Slice(p + kn, vn)); !s.isOk())
                return s;
            p += kn + vn;
        }
        return Status::ok();
    }

    TableFile file_;
    std::string batch_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::string> queue_;
    std::vector<std::string> spare_;
    bool done_ = false;
    Status status_;
    std::thread thread_; // last: starts once everything it uses exists
};

struct TempDir {
    fs::path dir;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

// BulkLoadOptions::sortMemoryBytes, with 0 resolved to its documented default.
std::size_t sortMemory(const BulkLoadOptions& options) {
    if (options.sortMemoryBytes)
        return options.sortMemoryBytes;
    constexpr std::size_t kMin = 192u << 20, kMax = 1u << 30;
    const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0)
        return kMin;
    return std::clamp(static_cast<std::size_t>(pages) * static_cast<std::size_t>(pageSize) / 16,
                      kMin, kMax);
}

class BulkLoaderImpl : public BulkLoader {
public:
    BulkLoaderImpl(StoreCore* core, const BulkLoadOptions& options,
                   std::unique_lock<std::timed_mutex> lock, fs::path dir)
        : core_(core), options_(options), lock_(std::move(lock)), temp_{std::move(dir)},
          firstNode_(core->nextNode.load()), firstRel_(core->nextRel.load()),
          nextLabel_(core->dict.nextLabelId()), nextType_(core->dict.nextTypeId()),
          nodeFile_(core, kNodes, path(kNodes)), relFile_(core, kRels, path(kRels)),
          // Two buffers a family at most (one filling, one spilling), and while an adjacency
          // buffer sorts, a scratch of 16 bytes a key (4/7 of the buffer): 2 x (2 + 4/7) / 8
          // + 2 x 2 / 12 of the budget, just under all of it. Adjacency takes the most.
          adjOut_(temp_.dir, "adj_out", keys::kAdjKeySize, sortMemory(options) / 8),
          adjIn_(temp_.dir, "adj_in", keys::kAdjKeySize, sortMemory(options) / 8),
          labels_(temp_.dir, "labels", 12, sortMemory(options) / 12),
          names_(temp_.dir, "names", 0, sortMemory(options) / 12) {}

    NodeId firstNodeId() const override { return firstNode_; }
    std::uint64_t nodesAdded() const override { return nodes_; }

    Result<NodeId> addNode(const std::vector<std::string>& labels,
                           const PreparedProperties& props) override {
        if (auto s = usable(); !s.isOk())
            return s;
        const NodeId id = firstNode_ + nodes_;
        lids_.clear();
        for (const auto& l : labels) {
            auto lid = labelOf(l);
            if (!lid.isOk())
                return fail(Status::invalidArgument("node " + std::to_string(nodes_) + ": " +
                                                    lid.status().message()));
            if (std::find(lids_.begin(), lids_.end(), *lid) != lids_.end())
                continue;
            lids_.push_back(*lid);
            ++labelCounts_[*lid];
            scratch_.clear();
            keys::putBe32(&scratch_, *lid);
            keys::putBe64(&scratch_, id);
            if (auto s = labels_.add(scratch_); !s.isOk())
                return fail(s);
        }
        noteKeys(props);
        for (const auto& n : props.names)
            if (auto s = names_.add(keys::nameKey(n, id)); !s.isOk())
                return fail(s);
        scratch_.clear();
        codec::putVarint(&scratch_, lids_.size());
        for (auto l : lids_)
            codec::putVarint(&scratch_, l);
        scratch_ += props.encoded;
        char key[8];
        keys::writeBe64(key, id);
        if (auto s = nodeFile_.put({key, sizeof key}, scratch_); !s.isOk())
            return fail(s);
        ++nodes_;
        tick();
        return id;
    }

    Result<RelId> addRelationship(NodeId start, std::string_view type, NodeId end,
                                  const PreparedProperties& props) override {
        if (auto s = usable(); !s.isOk())
            return s;
        const RelId id = firstRel_ + rels_;
        for (auto [node, which] : {std::pair{start, "start"}, std::pair{end, "end"}})
            if (auto s = checkEndpoint(node, which); !s.isOk())
                return fail(s);
        auto tid = typeOf(type);
        if (!tid.isOk())
            return fail(Status::invalidArgument("relationship " + std::to_string(rels_) + ": " +
                                                tid.status().message()));
        noteKeys(props);
        // The record: type, start, end, then the properties.
        char head[4 + 8 + 8];
        keys::writeBe32(head, *tid);
        keys::writeBe64(head + 4, start);
        keys::writeBe64(head + 12, end);
        scratch_.assign(head, sizeof head);
        scratch_ += props.encoded;
        char key[keys::kAdjKeySize];
        keys::writeBe64(key, id);
        if (auto s = relFile_.put({key, 8}, scratch_); !s.isOk())
            return fail(s);
        keys::writeAdjKey(key, start, *tid, end, id);
        if (auto s = adjOut_.add({key, sizeof key}); !s.isOk())
            return fail(s);
        keys::writeAdjKey(key, end, *tid, start, id);
        if (auto s = adjIn_.add({key, sizeof key}); !s.isOk())
            return fail(s);
        ++typeCounts_[*tid];
        ++rels_;
        tick();
        return id;
    }

    Result<BulkLoadResult> finish() override {
        if (auto s = usable(); !s.isOk())
            return s;
        finished_ = true;
        const NodeId endNode = firstNode_ + nodes_;
        for (const auto& [rel, node] : forwardRefs_)
            if (node >= endNode)
                return Status::invalidArgument("relationship " + std::to_string(rel - firstRel_) +
                                               " refers to node " +
                                               std::to_string(node - firstNode_) +
                                               " of the load, which has " + std::to_string(nodes_));

        std::vector<rocksdb::IngestExternalFileArg> args;
        auto take = [&](auto& f) -> Status {
            auto arg = f.finish();
            if (!arg.isOk())
                return arg.status();
            if (*arg)
                args.push_back(std::move(**arg));
            return Status::ok();
        };
        // Each index family is merged from its sorted runs into its own table file, all at
        // once: the families share nothing.
        struct Family {
            Cf cf;
            KeySorter* sorter;
            std::unique_ptr<TableFile> file;
            Status status;
        };
#ifdef __GLIBC__
        // What the feeding left free (parsed records, batches) stays with the allocator's
        // per-thread arenas, counted in the process's memory while the index families take
        // theirs: hand it back first. A JSON-lines load of SF 1 peaked 0.1 GB higher without.
        malloc_trim(0);
#endif
        std::vector<Family> families;
        for (auto [cf, sorter] : {std::pair{kAdjOut, &adjOut_}, std::pair{kAdjIn, &adjIn_},
                                  std::pair{kLabels, &labels_}, std::pair{kNames, &names_}})
            families.push_back({cf, sorter, std::make_unique<TableFile>(core_, cf, path(cf)), {}});
        auto writeFamily = [](Family& f) {
            f.status = f.sorter->forEach(
                [&](std::string_view k) { return f.file->put(rocksdb::Slice(k), ""); });
        };
        std::vector<std::thread> threads;
        for (auto& f : families)
            threads.emplace_back(writeFamily, std::ref(f));
        // Meanwhile the record files take their last batches and write their indexes: on the
        // feeding thread before, with the families not started, one core had little to do.
        Status records = take(nodeFile_);
        if (records.isOk())
            records = take(relFile_);
        for (auto& t : threads)
            t.join();
        if (!records.isOk())
            return records;
        for (auto& f : families) {
            if (!f.status.isOk())
                return f.status;
            if (auto s = take(*f.file); !s.isOk())
                return s;
        }

        TableFile counterFile(core_, kCounters, path(kCounters));
        std::map<std::string, std::int64_t> counters;
        for (auto [lid, n] : labelCounts_)
            counters[keys::labelCounterKey(lid)] += n;
        for (auto [tid, n] : typeCounts_)
            counters[keys::typeCounterKey(tid)] += n;
        counters[keys::kNodeCounterKey] += static_cast<std::int64_t>(nodes_);
        counters[keys::kRelCounterKey] += static_cast<std::int64_t>(rels_);
        for (const auto& [k, v] : counters)
            if (auto s = counterFile.merge(k, counterDelta(v)); !s.isOk())
                return s;
        if (auto s = take(counterFile); !s.isOk())
            return s;

        std::map<std::string, std::string> meta;
        for (const auto& [name, id] : pending_.labels)
            meta[keys::labelDictKey(name)] = keys::be32(id);
        for (const auto& [name, id] : pending_.types)
            meta[keys::typeDictKey(name)] = keys::be32(id);
        for (const auto& k : pending_.propertyKeys)
            meta[keys::propertyKeyKey(k)] = "";
        meta[keys::kNextNodeKey] = keys::be64(endNode);
        meta[keys::kNextRelKey] = keys::be64(firstRel_ + rels_);
        TableFile metaFile(core_, kMeta, path(kMeta));
        for (const auto& [k, v] : meta)
            if (auto s = metaFile.put(k, v); !s.isOk())
                return s;
        if (auto s = take(metaFile); !s.isOk())
            return s;

        // All column families at once: after a crash the load is wholly there or wholly absent.
        // New relationships change adjacency: the in-memory copy goes with the ingestion.
        std::unique_lock cacheLock(core_->labelCacheMu);
        core_->dict.publish(pending_); // before the load is visible: see Dictionary::publish
        if (auto s = fromRocks(core_->db->IngestExternalFiles(args), "ingesting the load");
            !s.isOk()) {
            core_->dict.withdraw(pending_);
            return s;
        }
        core_->dropAdjacency();
        cacheLock.unlock();
        core_->nextNode = endNode;
        core_->nextRel = firstRel_ + rels_;
        if (options_.progress)
            options_.progress(nodes_ + rels_, nodes_ + rels_);
        BulkLoadResult result;
        result.firstNode = firstNode_;
        result.nodes = nodes_;
        result.relationships = rels_;
        return result;
    }

private:
    std::string path(Cf cf) const {
        return (temp_.dir / (std::string(cfName(cf)) + ".sst")).string();
    }

    Status usable() const {
        if (finished_)
            return Status::invalidArgument("the bulk load is finished");
        return Status::ok();
    }
    Status fail(Status s) {
        finished_ = true; // a half-fed load must never be ingested
        return s;
    }
    void tick() {
        if (options_.progress && (nodes_ + rels_) % 100000 == 0)
            options_.progress(nodes_ + rels_, 0);
    }

    Status checkEndpoint(NodeId node, const char* which) {
        if (node >= firstNode_) {
            if (node >= firstNode_ + nodes_)
                forwardRefs_.emplace_back(firstRel_ + rels_, node);
            return Status::ok();
        }
        if (node == lastExisting_)
            return Status::ok();
        std::string v;
        auto s = core_->db->Get(rocksdb::ReadOptions(), core_->cf(kNodes), keys::nodeKey(node), &v);
        if (s.IsNotFound())
            return Status::notFound("relationship " + std::to_string(rels_) + ": " + which +
                                    " node " + std::to_string(node) + " is not in the store");
        if (!s.ok())
            return fromRocks(s, "checking a relationship endpoint");
        lastExisting_ = node;
        return Status::ok();
    }

    Result<LabelId> labelOf(const std::string& l) {
        if (auto it = labelIds_.find(l); it != labelIds_.end())
            return it->second;
        if (l.empty() || !text::isValidUtf8(l))
            return Status::invalidArgument("bad label");
        LabelId id;
        if (auto known = core_->dict.labelId(l)) {
            id = *known;
        } else {
            id = nextLabel_++;
            pending_.labels.emplace(l, id);
        }
        labelIds_.emplace(l, id);
        return id;
    }
    Result<TypeId> typeOf(std::string_view t) {
        // Loads come grouped by type: most relationships have the previous one's.
        if (lastType_ && t == lastType_->first)
            return lastType_->second;
        scratchType_.assign(t);
        if (auto it = typeIds_.find(scratchType_); it != typeIds_.end()) {
            lastType_ = &*it;
            return it->second;
        }
        if (t.empty() || !text::isValidUtf8(t))
            return Status::invalidArgument("bad type");
        TypeId id;
        if (auto known = core_->dict.typeId(t)) {
            id = *known;
        } else {
            id = nextType_++;
            pending_.types.emplace(scratchType_, id);
        }
        lastType_ = &*typeIds_.emplace(scratchType_, id).first;
        return id;
    }
    void noteKeys(const PreparedProperties& props) {
        for (const auto& k : props.keys) {
            if (seenKeys_.count(k))
                continue;
            seenKeys_.insert(k);
            if (!core_->dict.hasPropertyKey(k))
                pending_.propertyKeys.insert(k);
        }
    }

    StoreCore* core_;
    BulkLoadOptions options_;
    std::unique_lock<std::timed_mutex> lock_;
    TempDir temp_;
    const NodeId firstNode_;
    const RelId firstRel_;
    LabelId nextLabel_;
    TypeId nextType_;
    BackgroundTableFile nodeFile_, relFile_;
    KeySorter adjOut_, adjIn_, labels_, names_;
    std::uint64_t nodes_ = 0, rels_ = 0;
    bool finished_ = false;
    PendingDictionary pending_;
    std::unordered_map<std::string, LabelId> labelIds_;
    std::unordered_map<std::string, TypeId> typeIds_;
    const std::pair<const std::string, TypeId>* lastType_ = nullptr; // stable: node-based map
    std::unordered_set<std::string> seenKeys_;
    std::unordered_map<LabelId, std::int64_t> labelCounts_;
    std::unordered_map<TypeId, std::int64_t> typeCounts_;
    std::vector<std::pair<RelId, NodeId>> forwardRefs_;
    NodeId lastExisting_ = ~NodeId{0};
    std::vector<LabelId> lids_;
    std::string scratch_, scratchType_;
};

} // namespace

Result<std::unique_ptr<BulkLoader>> startBulkLoad(StoreCore* core, const BulkLoadOptions& options,
                                                  std::unique_lock<std::timed_mutex> writerLock) {
    fs::path dir = options.tempDir.empty() ? fs::path(core->path) / "bulk-tmp"
                                           : fs::path(options.tempDir) / "innograph-bulk-tmp";
    std::error_code ec;
    fs::remove_all(dir, ec); // what a killed load left behind
    fs::create_directories(dir, ec);
    if (ec)
        return Status::ioError("cannot create " + dir.string() + ": " + ec.message());
    return std::unique_ptr<BulkLoader>(
        std::make_unique<BulkLoaderImpl>(core, options, std::move(writerLock), dir));
}

Result<BulkLoadResult> runBulkLoad(StoreCore* core, const std::vector<BulkNode>& nodes,
                                   const std::vector<BulkRelationship>& rels,
                                   const BulkLoadOptions& options,
                                   std::unique_lock<std::timed_mutex> writerLock) {
    // Validate every node before the first byte is written.
    std::vector<PreparedProperties> prepared;
    prepared.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (const auto& l : nodes[i].labels)
            if (l.empty() || !text::isValidUtf8(l))
                return Status::invalidArgument("node " + std::to_string(i) + ": bad label");
        auto p = prepareProperties(nodes[i].properties);
        if (!p.isOk())
            return Status::invalidArgument("node " + std::to_string(i) + ": " +
                                           p.status().message());
        prepared.push_back(std::move(*p));
    }
    auto loader = startBulkLoad(core, options, std::move(writerLock));
    if (!loader.isOk())
        return loader.status();
    auto& l = **loader;
    BulkLoadResult result;
    result.nodeIds.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        auto id = l.addNode(nodes[i].labels, prepared[i]);
        if (!id.isOk())
            return id.status();
        result.nodeIds.push_back(*id);
    }
    prepared.clear();
    auto resolve = [&](const BulkNodeRef& r, std::size_t i, const char* end) -> Result<NodeId> {
        if (r.existing && r.id >= l.firstNodeId())
            return Status::notFound("relationship " + std::to_string(i) + ": " + end + " node " +
                                    std::to_string(r.id) + " is not in the store");
        if (r.existing)
            return r.id;
        if (r.id < nodes.size())
            return result.nodeIds[r.id];
        return Status::invalidArgument("relationship " + std::to_string(i) + ": " + end +
                                       " refers to node " + std::to_string(r.id) +
                                       " of the load, which has " + std::to_string(nodes.size()));
    };
    for (std::size_t i = 0; i < rels.size(); ++i) {
        auto s = resolve(rels[i].start, i, "start");
        if (!s.isOk())
            return s.status();
        auto e = resolve(rels[i].end, i, "end");
        if (!e.isOk())
            return e.status();
        auto p = prepareProperties(rels[i].properties);
        if (!p.isOk())
            return Status::invalidArgument("relationship " + std::to_string(i) + ": " +
                                           p.status().message());
        if (auto r = l.addRelationship(*s, rels[i].type, *e, *p); !r.isOk())
            return r.status();
    }
    auto done = l.finish();
    if (!done.isOk())
        return done.status();
    result.firstNode = done->firstNode;
    result.nodes = done->nodes;
    result.relationships = done->relationships;
    return result;
}

} // namespace innograph::graph::detail

namespace innograph::graph {

Result<PreparedProperties> prepareProperties(const PropertyMap& properties) {
    PreparedProperties p;
    for (const auto& [k, v] : properties) {
        if (auto s = detail::checkStorable(k, v); !s.isOk())
            return s;
        if (!v.isNull())
            p.keys.push_back(k);
    }
    codec::encodeProperties(&p.encoded, properties);
    p.names = codec::indexedNames(properties, detail::normalizeCached);
    return p;
}

} // namespace innograph::graph
