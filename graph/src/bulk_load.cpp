#include "bulk_load.h"

#include "codec.h"
#include "keys.h"
#include "write_transaction.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <map>

namespace innograph::graph::detail {
namespace {

template <std::size_t N> using FixedKey = std::array<char, N>;

template <std::size_t N> FixedKey<N> toFixed(const std::string& s) {
    FixedKey<N> k;
    std::memcpy(k.data(), s.data(), N);
    return k;
}

template <std::size_t N> bool fixedLess(const FixedKey<N>& a, const FixedKey<N>& b) {
    return std::memcmp(a.data(), b.data(), N) < 0;
}

// One table file for one column family, written in key order.
class TableFile {
public:
    TableFile(StoreCore* core, Cf cf, std::string path)
        : core_(core), cf_(cf), path_(std::move(path)),
          writer_(rocksdb::EnvOptions(), rocksdb::Options(core->db->GetOptions(core->cf(cf))),
                  core->cf(cf)) {}

    Status put(const rocksdb::Slice& k, const rocksdb::Slice& v) {
        if (auto s = openIfNeeded(); !s.isOk())
            return s;
        ++entries_;
        return fromRocks(writer_.Put(k, v), "writing " + path_);
    }
    Status merge(const rocksdb::Slice& k, const rocksdb::Slice& v) {
        if (auto s = openIfNeeded(); !s.isOk())
            return s;
        ++entries_;
        return fromRocks(writer_.Merge(k, v), "writing " + path_);
    }
    // Adds the finished file to `args`; an empty file is left out.
    Status finish(std::vector<rocksdb::IngestExternalFileArg>* args) {
        if (!entries_)
            return Status::ok();
        if (auto s = fromRocks(writer_.Finish(), "finishing " + path_); !s.isOk())
            return s;
        rocksdb::IngestExternalFileArg arg;
        arg.column_family = core_->cf(cf_);
        arg.external_files = {path_};
        arg.options.move_files = true;
        arg.options.snapshot_consistency = true;
        args->push_back(std::move(arg));
        return Status::ok();
    }

private:
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

} // namespace

Result<BulkLoadResult> runBulkLoad(StoreCore* core, const std::vector<BulkNode>& nodes,
                                   const std::vector<BulkRelationship>& rels,
                                   const BulkLoadOptions& options) {
    const std::uint64_t total = nodes.size() + rels.size();
    std::uint64_t done = 0;
    auto tick = [&](std::uint64_t n) {
        done += n;
        if (options.progress)
            options.progress(done, total);
    };

    // Validate everything before the first byte is written.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (const auto& l : nodes[i].labels)
            if (l.empty() || !isValidUtf8(l))
                return Status::invalidArgument("node " + std::to_string(i) + ": bad label");
        for (const auto& [k, v] : nodes[i].properties)
            if (auto s = checkStorable(k, v); !s.isOk())
                return Status::invalidArgument("node " + std::to_string(i) + ": " + s.message());
    }
    auto checkRef = [&](const BulkNodeRef& r, std::size_t i, const char* end) -> Status {
        if (!r.existing) {
            if (r.id < nodes.size())
                return Status::ok();
            return Status::invalidArgument(
                "relationship " + std::to_string(i) + ": " + end + " refers to node " +
                std::to_string(r.id) + " of the load, which has " + std::to_string(nodes.size()));
        }
        std::string v;
        auto s = core->db->Get(rocksdb::ReadOptions(), core->cf(kNodes), keys::nodeKey(r.id), &v);
        if (s.ok())
            return Status::ok();
        if (s.IsNotFound())
            return Status::notFound("relationship " + std::to_string(i) + ": " + end + " node " +
                                    std::to_string(r.id) + " is not in the store");
        return fromRocks(s, "checking a relationship endpoint");
    };
    for (std::size_t i = 0; i < rels.size(); ++i) {
        if (rels[i].type.empty() || !isValidUtf8(rels[i].type))
            return Status::invalidArgument("relationship " + std::to_string(i) + ": bad type");
        if (auto s = checkRef(rels[i].start, i, "start"); !s.isOk())
            return s;
        if (auto s = checkRef(rels[i].end, i, "end"); !s.isOk())
            return s;
        for (const auto& [k, v] : rels[i].properties)
            if (auto s = checkStorable(k, v); !s.isOk())
                return Status::invalidArgument("relationship " + std::to_string(i) + ": " +
                                               s.message());
    }

    // Dictionary entries this load adds.
    PendingDictionary pending;
    LabelId nextLabel = core->dict.nextLabelId();
    TypeId nextType = core->dict.nextTypeId();
    auto labelOf = [&](const std::string& l) -> LabelId {
        if (auto id = core->dict.labelId(l))
            return *id;
        auto [it, added] = pending.labels.emplace(l, nextLabel);
        if (added)
            ++nextLabel;
        return it->second;
    };
    auto typeOf = [&](const std::string& t) -> TypeId {
        if (auto id = core->dict.typeId(t))
            return *id;
        auto [it, added] = pending.types.emplace(t, nextType);
        if (added)
            ++nextType;
        return it->second;
    };
    auto noteKeys = [&](const PropertyMap& props) {
        for (const auto& [k, v] : props)
            if (!v.isNull() && !core->dict.hasPropertyKey(k))
                pending.propertyKeys.insert(k);
    };

    namespace fs = std::filesystem;
    fs::path dir =
        options.tempDir.empty() ? fs::path(core->path) / "bulk-tmp" : fs::path(options.tempDir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return Status::ioError("cannot create " + dir.string() + ": " + ec.message());
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ignored;
            fs::remove_all(dir, ignored);
        }
    } cleanup{dir};
    auto file = [&](Cf cf) {
        return std::make_unique<TableFile>(core, cf,
                                           (dir / (std::string(cfName(cf)) + ".sst")).string());
    };

    const NodeId firstNode = core->nextNode.load();
    const RelId firstRel = core->nextRel.load();
    std::map<std::string, std::int64_t> counters;
    BulkLoadResult result;
    result.nodeIds.reserve(nodes.size());

    // Nodes: ids ascend, so records are already in key order; index keys are sorted after.
    auto nodeFile = file(kNodes);
    std::vector<FixedKey<12>> labelKeys;
    std::vector<std::string> nameKeys;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        NodeId id = firstNode + i;
        result.nodeIds.push_back(id);
        std::vector<LabelId> lids;
        for (const auto& l : nodes[i].labels) {
            LabelId lid = labelOf(l);
            if (std::find(lids.begin(), lids.end(), lid) != lids.end())
                continue;
            lids.push_back(lid);
            labelKeys.push_back(toFixed<12>(keys::labelKey(lid, id)));
            ++counters[keys::labelCounterKey(lid)];
        }
        noteKeys(nodes[i].properties);
        for (auto& n : codec::indexedNames(nodes[i].properties))
            nameKeys.push_back(keys::nameKey(n, id));
        if (auto s = nodeFile->put(keys::nodeKey(id), codec::encodeNode(lids, nodes[i].properties));
            !s.isOk())
            return s;
        if ((i + 1) % 100000 == 0)
            tick(100000);
    }
    tick(nodes.size() % 100000);
    counters[keys::kNodeCounterKey] += static_cast<std::int64_t>(nodes.size());

    auto resolve = [&](const BulkNodeRef& r) { return r.existing ? r.id : firstNode + r.id; };
    auto relFile = file(kRels);
    std::vector<FixedKey<keys::kAdjKeySize>> outKeys, inKeys;
    outKeys.reserve(rels.size());
    inKeys.reserve(rels.size());
    for (std::size_t i = 0; i < rels.size(); ++i) {
        RelId id = firstRel + i;
        NodeId s = resolve(rels[i].start), e = resolve(rels[i].end);
        TypeId tid = typeOf(rels[i].type);
        noteKeys(rels[i].properties);
        if (auto st =
                relFile->put(keys::relKey(id), codec::encodeRel(tid, s, e, rels[i].properties));
            !st.isOk())
            return st;
        outKeys.push_back(toFixed<keys::kAdjKeySize>(keys::adjKey(s, tid, e, id)));
        inKeys.push_back(toFixed<keys::kAdjKeySize>(keys::adjKey(e, tid, s, id)));
        ++counters[keys::typeCounterKey(tid)];
        if ((i + 1) % 100000 == 0)
            tick(100000);
    }
    tick(rels.size() % 100000);
    counters[keys::kRelCounterKey] += static_cast<std::int64_t>(rels.size());

    std::vector<rocksdb::IngestExternalFileArg> args;
    if (auto s = nodeFile->finish(&args); !s.isOk())
        return s;
    if (auto s = relFile->finish(&args); !s.isOk())
        return s;

    auto writeSorted = [&](Cf cf, auto& keysVec) -> Status {
        using K = typename std::decay_t<decltype(keysVec)>::value_type;
        std::sort(keysVec.begin(), keysVec.end(), fixedLess<std::tuple_size_v<K>>);
        auto f = file(cf);
        for (const auto& k : keysVec)
            if (auto s = f->put(rocksdb::Slice(k.data(), k.size()), ""); !s.isOk())
                return s;
        keysVec.clear();
        keysVec.shrink_to_fit();
        return f->finish(&args);
    };
    if (auto s = writeSorted(kAdjOut, outKeys); !s.isOk())
        return s;
    if (auto s = writeSorted(kAdjIn, inKeys); !s.isOk())
        return s;
    if (auto s = writeSorted(kLabels, labelKeys); !s.isOk())
        return s;
    {
        std::sort(nameKeys.begin(), nameKeys.end());
        auto f = file(kNames);
        for (const auto& k : nameKeys)
            if (auto s = f->put(k, ""); !s.isOk())
                return s;
        if (auto s = f->finish(&args); !s.isOk())
            return s;
    }
    {
        auto f = file(kCounters);
        for (const auto& [k, v] : counters)
            if (auto s = f->merge(k, counterDelta(v)); !s.isOk())
                return s;
        if (auto s = f->finish(&args); !s.isOk())
            return s;
    }
    {
        std::map<std::string, std::string> meta;
        for (const auto& [name, id] : pending.labels)
            meta[keys::labelDictKey(name)] = keys::be32(id);
        for (const auto& [name, id] : pending.types)
            meta[keys::typeDictKey(name)] = keys::be32(id);
        for (const auto& k : pending.propertyKeys)
            meta[keys::propertyKeyKey(k)] = "";
        meta[keys::kNextNodeKey] = keys::be64(firstNode + nodes.size());
        meta[keys::kNextRelKey] = keys::be64(firstRel + rels.size());
        auto f = file(kMeta);
        for (const auto& [k, v] : meta)
            if (auto s = f->put(k, v); !s.isOk())
                return s;
        if (auto s = f->finish(&args); !s.isOk())
            return s;
    }

    // All column families at once: after a crash the load is wholly there or wholly absent.
    // New relationships change adjacency: the in-memory copy goes with the ingestion.
    std::unique_lock cacheLock(core->labelCacheMu);
    if (auto s = fromRocks(core->db->IngestExternalFiles(args), "ingesting the load"); !s.isOk())
        return s;
    core->dropAdjacency();
    cacheLock.unlock();
    for (const auto& [name, id] : pending.labels)
        core->dict.addLabel(name, id);
    for (const auto& [name, id] : pending.types)
        core->dict.addType(name, id);
    for (const auto& k : pending.propertyKeys)
        core->dict.addPropertyKey(k);
    core->nextNode = firstNode + nodes.size();
    core->nextRel = firstRel + rels.size();
    result.relationships = rels.size();
    return result;
}

} // namespace innograph::graph::detail
