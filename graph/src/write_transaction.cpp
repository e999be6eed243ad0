#include "write_transaction.h"

#include "innograph/text/unicode.h"
#include "keys.h"
#include "property_update.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace innograph::graph::detail {
namespace {

Status checkValueAt(std::string_view key, const Value& v, int depth) {
    if (depth > 32)
        return Status::invalidArgument("property " + std::string(key) + " nests too deep");
    switch (v.kind()) {
    case Value::Kind::String:
        if (!text::isValidUtf8(v.asString()))
            return Status::invalidArgument("property " + std::string(key) + " is not valid UTF-8");
        return Status::ok();
    case Value::Kind::List:
        for (const auto& item : v.asList())
            if (auto s = checkValueAt(key, item, depth + 1); !s.isOk())
                return s;
        return Status::ok();
    case Value::Kind::Map:
        for (const auto& [k, item] : v.asMap()) {
            if (!text::isValidUtf8(k))
                return Status::invalidArgument("a map key is not valid UTF-8");
            if (auto s = checkValueAt(key, item, depth + 1); !s.isOk())
                return s;
        }
        return Status::ok();
    default:
        return Status::ok();
    }
}

Status checkName(std::string_view what, std::string_view name) {
    if (name.empty())
        return Status::invalidArgument(std::string(what) + " must not be empty");
    if (!text::isValidUtf8(name))
        return Status::invalidArgument(std::string(what) + " is not valid UTF-8");
    return Status::ok();
}

} // namespace

Status checkStorable(std::string_view key, const Value& v) {
    if (auto s = checkName("a property key", key); !s.isOk())
        return s;
    return checkValueAt(key, v, 0);
}

rocksdb::Status OverlaySource::get(Cf cf, const rocksdb::Slice& key, std::string* value) const {
    const auto* e = overlay_->find(cf, std::string_view(key.data(), key.size()));
    if (e == nullptr)
        return getCommitted(cf, key, value);
    if (e->deleted)
        return rocksdb::Status::NotFound();
    if (!e->merge) {
        *value = e->value;
        return rocksdb::Status::OK();
    }
    std::string base;
    if (auto s = getCommitted(cf, key, &base); !s.ok())
        return s.IsNotFound() ? rocksdb::Status::Corruption("an update of a missing record") : s;
    if (auto s = overlay_->resolve(cf, base, *e, value); !s.isOk())
        return rocksdb::Status::Corruption(s.toString());
    return rocksdb::Status::OK();
}

rocksdb::Status OverlaySource::getCommitted(Cf cf, const rocksdb::Slice& key,
                                            std::string* value) const {
    if (ended_) // the writer's caches belong to whoever holds the writer lock now
        return core_->db->Get(rocksdb::ReadOptions(), core_->cf(cf), key, value);
    if (cf == kNodes) {
        if (key.size() == 8)
            if (const auto* record = core_->writerRecords.find(keys::getBe64(key.data()))) {
                *value = *record;
                return rocksdb::Status::OK();
            }
        auto s = core_->db->Get(rocksdb::ReadOptions(), core_->cf(cf), key, value);
        if (s.ok() && key.size() == 8)
            core_->writerRecords.fill(keys::getBe64(key.data()), *value);
        return s;
    }
    auto* memo = cf == kRels ? &memo_ : nullptr;
    if (memo) {
        if (auto it = memo->find(key.ToString()); it != memo->end()) {
            *value = it->second;
            return rocksdb::Status::OK();
        }
    }
    auto s = core_->db->Get(rocksdb::ReadOptions(), core_->cf(cf), key, value);
    if (memo && s.ok() && memoBytes_ + key.size() + value->size() <= kMemoBytes) {
        memoBytes_ += key.size() + value->size();
        memo->emplace(key.ToString(), *value);
    }
    return s;
}

std::unique_ptr<RangeIter> OverlaySource::scan(Cf cf, const std::string&, std::string upper) const {
    auto r = std::make_unique<RangeIter>();
    r->upper = std::move(upper);
    if (!r->upper.empty()) {
        r->upperSlice = rocksdb::Slice(r->upper);
        r->readOptions.iterate_upper_bound = &r->upperSlice;
    }
    std::unique_ptr<rocksdb::Iterator> base(core_->db->NewIterator(r->readOptions, core_->cf(cf)));
    r->it = overlay_->iterator(cf, std::move(base), r->upper);
    return r;
}

rocksdb::Status OverlaySource::nameIds(const std::string& prefix, std::vector<NodeId>* ids) const {
    const std::string upper = keys::prefixUpperBound(prefix);
    if (ended_)
        return KvSource::nameIds(prefix, ids);
    if (const auto* committed = core_->writerNames.find(prefix)) {
        *ids = *committed;
    } else {
        rocksdb::ReadOptions ro;
        rocksdb::Slice bound(upper);
        ro.iterate_upper_bound = &bound;
        std::unique_ptr<rocksdb::Iterator> it(core_->db->NewIterator(ro, core_->cf(kNames)));
        for (it->Seek(prefix); it->Valid(); it->Next()) {
            auto k = it->key();
            if (k.size() == prefix.size() + 8)
                ids->push_back(keys::getBe64(k.data() + prefix.size()));
        }
        if (!it->status().ok())
            return it->status();
        core_->writerNames.fill(prefix, *ids);
    }
    overlay_->forEach(kNames, prefix, upper,
                      [&](const std::string& key, const WriteOverlay::Entry& e) {
                          if (key.size() == prefix.size() + 8)
                              NameCache::update(ids, key, e.deleted);
                      });
    return rocksdb::Status::OK();
}

void OverlaySource::clear() {
    memo_.clear();
    memoBytes_ = 0;
    ended_ = true;
}

WriteTransactionImpl::WriteTransactionImpl(StoreCore* core, std::unique_lock<std::timed_mutex> lock,
                                           WriteLimits limits)
    : ReadViewImpl<WriteTransaction>(core), lock_(std::move(lock)), limits_(limits),
      src_(core, &overlay_) {
    overlay_.setMergeFunction(kRels, &applyToRelationshipRecord);
}

WriteTransactionImpl::~WriteTransactionImpl() {
    if (!finished_)
        rollback();
}

Status WriteTransactionImpl::checkOpen() {
    if (finished_)
        return Status::invalidArgument("the transaction has already ended");
    if (failed_)
        return Status::aborted("an earlier write of this transaction failed");
    if (limits_.cancel && limits_.cancel->load()) {
        failed_ = true;
        return Status::aborted("the write was cancelled; nothing was written");
    }
    if (limits_.deadline != std::chrono::steady_clock::time_point::max() &&
        std::chrono::steady_clock::now() >= limits_.deadline) {
        failed_ = true;
        return Status::aborted("the write ran past its time limit; nothing was written");
    }
    return Status::ok();
}

Status WriteTransactionImpl::put(Cf cf, const std::string& key, std::string value) {
    labelsChanged_ = labelsChanged_ || cf == kLabels;
    nodesChanged_ = nodesChanged_ || cf == kNodes;
    adjacencyChanged_ = adjacencyChanged_ || cf == kAdjOut || cf == kAdjIn;
    overlay_.put(cf, key, std::move(value));
    return Status::ok();
}

Status WriteTransactionImpl::del(Cf cf, const std::string& key) {
    labelsChanged_ = labelsChanged_ || cf == kLabels;
    nodesChanged_ = nodesChanged_ || cf == kNodes;
    adjacencyChanged_ = adjacencyChanged_ || cf == kAdjOut || cf == kAdjIn;
    overlay_.del(cf, key);
    return Status::ok();
}

Status WriteTransactionImpl::count(const std::string& counterKey, std::int64_t delta) {
    counterDeltas_[counterKey] += delta;
    return Status::ok();
}

Status WriteTransactionImpl::checkProperties(const PropertyMap& props) {
    for (const auto& [k, v] : props) {
        if (auto s = checkStorable(k, v); !s.isOk())
            return s;
        if (v.isNull() || pending_.propertyKeys.count(k) || core_->dict.hasPropertyKey(k))
            continue;
        pending_.propertyKeys.insert(k);
        if (auto s = put(kMeta, keys::propertyKeyKey(k), ""); !s.isOk())
            return s;
    }
    return Status::ok();
}

LabelId WriteTransactionImpl::ensureLabel(const std::string& label) {
    if (auto id = labelId(label); id.isOk())
        return *id;
    LabelId id = core_->dict.nextLabelId();
    for (const auto& [name, pid] : pending_.labels)
        id = std::max(id, pid + 1);
    pending_.labels.emplace(label, id);
    put(kMeta, keys::labelDictKey(label), keys::be32(id));
    return id;
}

TypeId WriteTransactionImpl::ensureType(const std::string& type) {
    if (auto id = typeId(type); id.isOk())
        return *id;
    TypeId id = core_->dict.nextTypeId();
    for (const auto& [name, pid] : pending_.types)
        id = std::max(id, pid + 1);
    pending_.types.emplace(type, id);
    put(kMeta, keys::typeDictKey(type), keys::be32(id));
    return id;
}

Status WriteTransactionImpl::loadNode(NodeId id, codec::NodeRecord* rec) const {
    std::string value;
    auto s = src_.get(kNodes, keys::nodeKey(id), &value);
    if (s.IsNotFound())
        return Status::notFound("no node with id " + std::to_string(id));
    if (!s.ok())
        return fromRocks(s, "reading node");
    return codec::decodeNode(value, rec);
}

Status WriteTransactionImpl::readRel(RelId id, std::string* value) const {
    auto s = src_.get(kRels, keys::relKey(id), value);
    if (s.IsNotFound())
        return Status::notFound("no relationship with id " + std::to_string(id));
    if (!s.ok())
        return fromRocks(s, "reading relationship");
    return Status::ok();
}

Status WriteTransactionImpl::loadRel(RelId id, codec::RelRecord* rec) const {
    std::string value;
    if (auto s = readRel(id, &value); !s.isOk())
        return s;
    return codec::decodeRel(value, rec);
}

Status WriteTransactionImpl::loadRelHeader(RelId id, TypeId* type, NodeId* start,
                                           NodeId* end) const {
    std::string value;
    if (auto s = readRel(id, &value); !s.isOk())
        return s;
    return codec::decodeRelHeader(value, type, start, end);
}

Status WriteTransactionImpl::writeNode(NodeId id, const codec::NodeRecord& before,
                                       const codec::NodeRecord& after) {
    auto oldNames = codec::indexedNames(before.properties);
    auto newNames = codec::indexedNames(after.properties);
    for (const auto& n : oldNames) {
        if (!std::binary_search(newNames.begin(), newNames.end(), n))
            if (auto s = del(kNames, keys::nameKey(n, id)); !s.isOk())
                return s;
    }
    for (const auto& n : newNames) {
        if (!std::binary_search(oldNames.begin(), oldNames.end(), n))
            if (auto s = put(kNames, keys::nameKey(n, id), ""); !s.isOk())
                return s;
    }
    return put(kNodes, keys::nodeKey(id), codec::encodeNode(after.labels, after.properties));
}

Result<NodeId> WriteTransactionImpl::createNode(const std::vector<std::string>& labels,
                                                const PropertyMap& properties) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    for (const auto& l : labels)
        if (auto s = checkName("a label", l); !s.isOk())
            return s;
    if (auto s = checkProperties(properties); !s.isOk())
        return s;
    NodeId id = core_->nextNode.fetch_add(1);
    codec::NodeRecord rec;
    std::set<std::string> seen;
    for (const auto& l : labels) {
        if (!seen.insert(l).second)
            continue;
        LabelId lid = ensureLabel(l);
        rec.labels.push_back(lid);
        if (auto s = put(kLabels, keys::labelKey(lid, id), ""); !s.isOk())
            return s;
        if (auto s = count(keys::labelCounterKey(lid), 1); !s.isOk())
            return s;
    }
    for (const auto& [k, v] : properties)
        if (!v.isNull())
            rec.properties.emplace(k, v);
    if (auto s = writeNode(id, {}, rec); !s.isOk())
        return s;
    if (auto s = count(keys::kNodeCounterKey, 1); !s.isOk())
        return s;
    nextNodeWritten_ = std::max(nextNodeWritten_, id + 1);
    liveNodes_.insert(id);
    return id;
}

Result<RelId> WriteTransactionImpl::createRelationship(NodeId start, std::string_view type,
                                                       NodeId end, const PropertyMap& properties) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    if (auto s = checkName("a relationship type", type); !s.isOk())
        return s;
    auto exists = [this](NodeId id) {
        if (liveNodes_.count(id))
            return true;
        if (!nodeExists(id))
            return false;
        liveNodes_.insert(id);
        return true;
    };
    if (!exists(start))
        return Status::notFound("relationship start: no node with id " + std::to_string(start));
    if (!exists(end))
        return Status::notFound("relationship end: no node with id " + std::to_string(end));
    if (auto s = checkProperties(properties); !s.isOk())
        return s;
    TypeId tid = ensureType(std::string(type));
    RelId id = core_->nextRel.fetch_add(1);
    if (auto s = put(kRels, keys::relKey(id), codec::encodeRel(tid, start, end, properties));
        !s.isOk())
        return s;
    if (auto s = put(kAdjOut, keys::adjKey(start, tid, end, id), ""); !s.isOk())
        return s;
    if (auto s = put(kAdjIn, keys::adjKey(end, tid, start, id), ""); !s.isOk())
        return s;
    if (auto s = count(keys::typeCounterKey(tid), 1); !s.isOk())
        return s;
    if (auto s = count(keys::kRelCounterKey, 1); !s.isOk())
        return s;
    nextRelWritten_ = std::max(nextRelWritten_, id + 1);
    return id;
}

Status WriteTransactionImpl::setNodeProperty(NodeId id, std::string_view key, const Value& value) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    codec::NodeRecord before;
    if (auto s = loadNode(id, &before); !s.isOk())
        return s;
    if (auto s = checkProperties(PropertyMap{{std::string(key), value}}); !s.isOk())
        return s;
    codec::NodeRecord after = before;
    if (value.isNull()) {
        if (auto it = after.properties.find(key); it != after.properties.end())
            after.properties.erase(it);
    } else {
        after.properties[std::string(key)] = value;
    }
    return writeNode(id, before, after);
}

Status WriteTransactionImpl::setNodeProperties(NodeId id, const PropertyMap& properties) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    codec::NodeRecord before;
    if (auto s = loadNode(id, &before); !s.isOk())
        return s;
    if (auto s = checkProperties(properties); !s.isOk())
        return s;
    codec::NodeRecord after{before.labels, {}};
    for (const auto& [k, v] : properties)
        if (!v.isNull())
            after.properties.emplace(k, v);
    return writeNode(id, before, after);
}

Status WriteTransactionImpl::addLabel(NodeId id, std::string_view label) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    if (auto s = checkName("a label", label); !s.isOk())
        return s;
    codec::NodeRecord rec;
    if (auto s = loadNode(id, &rec); !s.isOk())
        return s;
    LabelId lid = ensureLabel(std::string(label));
    if (std::find(rec.labels.begin(), rec.labels.end(), lid) != rec.labels.end())
        return Status::ok();
    rec.labels.push_back(lid);
    if (auto s = put(kLabels, keys::labelKey(lid, id), ""); !s.isOk())
        return s;
    if (auto s = count(keys::labelCounterKey(lid), 1); !s.isOk())
        return s;
    return put(kNodes, keys::nodeKey(id), codec::encodeNode(rec.labels, rec.properties));
}

Status WriteTransactionImpl::removeLabel(NodeId id, std::string_view label) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    codec::NodeRecord rec;
    if (auto s = loadNode(id, &rec); !s.isOk())
        return s;
    auto lid = labelId(label);
    if (!lid.isOk())
        return Status::ok();
    auto it = std::find(rec.labels.begin(), rec.labels.end(), *lid);
    if (it == rec.labels.end())
        return Status::ok();
    rec.labels.erase(it);
    if (auto s = del(kLabels, keys::labelKey(*lid, id)); !s.isOk())
        return s;
    if (auto s = count(keys::labelCounterKey(*lid), -1); !s.isOk())
        return s;
    return put(kNodes, keys::nodeKey(id), codec::encodeNode(rec.labels, rec.properties));
}

Status WriteTransactionImpl::setRelationshipProperty(RelId id, std::string_view key,
                                                     const Value& value) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    codec::RelRecord rec;
    if (auto s = loadRel(id, &rec); !s.isOk())
        return s;
    if (auto s = checkProperties(PropertyMap{{std::string(key), value}}); !s.isOk())
        return s;
    if (value.isNull()) {
        if (auto it = rec.properties.find(key); it != rec.properties.end())
            rec.properties.erase(it);
    } else {
        rec.properties[std::string(key)] = value;
    }
    return put(kRels, keys::relKey(id),
               codec::encodeRel(rec.type, rec.start, rec.end, rec.properties));
}

Status WriteTransactionImpl::setRelationshipProperties(RelId id, const PropertyMap& properties) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    // The old properties are replaced, not read: only the type and ends are decoded.
    TypeId type;
    NodeId start, end;
    if (auto s = loadRelHeader(id, &type, &start, &end); !s.isOk())
        return s;
    if (auto s = checkProperties(properties); !s.isOk())
        return s;
    return put(kRels, keys::relKey(id), codec::encodeRel(type, start, end, properties));
}

Status WriteTransactionImpl::updateRelationshipProperties(const Edge& rel,
                                                          const PropertyUpdate& update) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    // The adjacency entry proves that the relationship exists, with these ends, without reading
    // its record: not reading it is the point of this call.
    std::string unused;
    auto s = src_.get(kAdjOut, keys::adjKey(rel.start, rel.type, rel.end, rel.id), &unused);
    if (s.IsNotFound())
        return Status::notFound("no relationship with id " + std::to_string(rel.id) +
                                " of type id " + std::to_string(rel.type) + " from node " +
                                std::to_string(rel.start) + " to node " + std::to_string(rel.end));
    if (!s.ok())
        return fromRocks(s, "reading relationship");
    for (const PropertyMap* part : {&update.set, &update.append, &update.appendDistinct})
        if (auto st = checkProperties(*part); !st.isOk())
            return st;
    if (update.empty())
        return Status::ok();
    return overlay_.merge(kRels, keys::relKey(rel.id), encodePropertyUpdate(update));
}

Status WriteTransactionImpl::deleteRelationship(RelId id) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    TypeId type;
    NodeId start, end;
    if (auto s = loadRelHeader(id, &type, &start, &end); !s.isOk())
        return s;
    if (auto s = del(kRels, keys::relKey(id)); !s.isOk())
        return s;
    if (auto s = del(kAdjOut, keys::adjKey(start, type, end, id)); !s.isOk())
        return s;
    if (auto s = del(kAdjIn, keys::adjKey(end, type, start, id)); !s.isOk())
        return s;
    if (auto s = count(keys::typeCounterKey(type), -1); !s.isOk())
        return s;
    return count(keys::kRelCounterKey, -1);
}

Status WriteTransactionImpl::deleteNode(NodeId id, bool detach) {
    if (auto s = checkOpen(); !s.isOk())
        return s;
    codec::NodeRecord rec;
    if (auto s = loadNode(id, &rec); !s.isOk())
        return s;
    // Collect first: deleting while a batch iterator walks the same range is not allowed.
    std::vector<RelId> rels;
    {
        auto cursor = edges(id, Direction::Both, {});
        Edge e;
        while (cursor->next(&e))
            rels.push_back(e.id);
        if (!cursor->status().isOk())
            return cursor->status();
    }
    std::sort(rels.begin(), rels.end());
    rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
    if (!rels.empty() && !detach)
        return Status::constraint("node " + std::to_string(id) + " still has " +
                                  std::to_string(rels.size()) +
                                  " relationship(s); delete them first or use DETACH DELETE");
    for (auto r : rels)
        if (auto s = deleteRelationship(r); !s.isOk())
            return s;
    for (auto lid : rec.labels) {
        if (auto s = del(kLabels, keys::labelKey(lid, id)); !s.isOk())
            return s;
        if (auto s = count(keys::labelCounterKey(lid), -1); !s.isOk())
            return s;
    }
    for (const auto& n : codec::indexedNames(rec.properties))
        if (auto s = del(kNames, keys::nameKey(n, id)); !s.isOk())
            return s;
    if (auto s = del(kNodes, keys::nodeKey(id)); !s.isOk())
        return s;
    liveNodes_.erase(id);
    return count(keys::kNodeCounterKey, -1);
}

Status WriteTransactionImpl::commit() {
    if (auto s = checkOpen(); !s.isOk()) {
        if (!finished_)
            rollback();
        return s;
    }
    if (nextNodeWritten_ != 0)
        if (auto s = put(kMeta, keys::kNextNodeKey, keys::be64(nextNodeWritten_)); !s.isOk()) {
            rollback();
            return s;
        }
    if (nextRelWritten_ != 0)
        if (auto s = put(kMeta, keys::kNextRelKey, keys::be64(nextRelWritten_)); !s.isOk()) {
            rollback();
            return s;
        }
    // One batch: the transaction's last value of each key, then the aggregated counters (see
    // count()), applied atomically.
    rocksdb::WriteBatch batch;
    if (auto s = overlay_.writeTo(*core_, &batch); !s.ok()) {
        rollback();
        return fromRocks(s, "write");
    }
    for (const auto& [key, delta] : counterDeltas_)
        if (delta != 0)
            if (auto s = batch.Merge(core_->cf(kCounters), key, counterDelta(delta)); !s.ok()) {
                rollback();
                return fromRocks(s, "count");
            }
    rocksdb::WriteOptions wo;
    wo.sync = core_->options.syncWrites;
    // Every label change goes through the label index: then the snapshots' label table is
    // replaced atomically with the write (see LabelCache).
    std::unique_lock cacheLock(core_->labelCacheMu, std::defer_lock);
    if (labelsChanged_ || adjacencyChanged_ || nodesChanged_)
        cacheLock.lock();
    core_->dict.publish(pending_); // before the write: see Dictionary::publish
    auto s = core_->db->Write(wo, &batch);
    if (!s.ok())
        core_->dict.withdraw(pending_);
    if (s.ok()) {
        core_->writerNames.apply(overlay_);
        core_->writerRecords.apply(overlay_);
    }
    if (s.ok() && labelsChanged_)
        core_->resetLabelCache();
    if (s.ok() && adjacencyChanged_)
        core_->dropAdjacency();
    if (s.ok() && nodesChanged_)
        core_->recordCache = std::make_shared<RecordCache>();
    if (cacheLock.owns_lock())
        cacheLock.unlock();
    finished_ = true;
    overlay_.clear();
    src_.clear();
    pending_.clear();
    counterDeltas_.clear();
    liveNodes_.clear();
    if (lock_.owns_lock())
        lock_.unlock();
    return fromRocks(s, "commit");
}

void WriteTransactionImpl::rollback() {
    finished_ = true;
    labelsChanged_ = adjacencyChanged_ = nodesChanged_ = false;
    overlay_.clear();
    src_.clear();
    pending_.clear();
    counterDeltas_.clear();
    liveNodes_.clear();
    if (lock_.owns_lock())
        lock_.unlock();
}

} // namespace innograph::graph::detail
