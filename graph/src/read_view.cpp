#include "codec.h"
#include "keys.h"
#include "store_core.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace innograph::graph::detail {
namespace {

std::string decodeErrorContext(const char* what, std::uint64_t id) {
    return std::string(what) + " " + std::to_string(id);
}

// Walks a list of key ranges of the adjacency column families one after another.
class EdgeCursorImpl : public EdgeCursor {
public:
    struct Range {
        Cf cf;
        std::string lower, upper;
    };
    EdgeCursorImpl(const KvSource& src, std::vector<Range> ranges)
        : src_(src), ranges_(std::move(ranges)) {}

    bool next(Edge* out) override {
        while (true) {
            if (!iter_) {
                if (pos_ >= ranges_.size())
                    return false;
                const auto& r = ranges_[pos_];
                iter_ = src_.scan(r.cf, r.lower, r.upper);
                iter_->it->Seek(r.lower);
            } else {
                iter_->it->Next();
            }
            if (iter_->valid()) {
                auto k = iter_->it->key();
                if (k.size() != keys::kAdjKeySize) {
                    status_ = Status::corruption("bad adjacency key");
                    return false;
                }
                auto e = keys::parseAdjKey({k.data(), k.size()});
                bool outgoing = ranges_[pos_].cf == kAdjOut;
                out->id = e.rel;
                out->type = e.type;
                out->start = outgoing ? e.self : e.other;
                out->end = outgoing ? e.other : e.self;
                out->other = e.other;
                return true;
            }
            if (auto s = iter_->it->status(); !s.ok()) {
                status_ = fromRocks(s, "adjacency scan");
                return false;
            }
            iter_.reset();
            ++pos_;
        }
    }
    Status status() const override { return status_; }

private:
    const KvSource& src_;
    std::vector<Range> ranges_;
    std::size_t pos_ = 0;
    std::unique_ptr<RangeIter> iter_;
    Status status_;
};

// Yields the big-endian id found at `offset` in each key of a range.
class IdCursorImpl : public Cursor<std::uint64_t> {
public:
    IdCursorImpl(std::unique_ptr<RangeIter> iter, std::string lower, std::size_t offset)
        : iter_(std::move(iter)), offset_(offset) {
        iter_->it->Seek(lower);
    }
    bool next(std::uint64_t* out) override {
        if (started_)
            iter_->it->Next();
        started_ = true;
        if (!iter_->valid()) {
            if (auto s = iter_->it->status(); !s.ok())
                status_ = fromRocks(s, "scan");
            return false;
        }
        auto k = iter_->it->key();
        if (k.size() < offset_ + 8) {
            status_ = Status::corruption("bad index key");
            return false;
        }
        *out = keys::getBe64(k.data() + offset_);
        return true;
    }
    Status status() const override { return status_; }

private:
    std::unique_ptr<RangeIter> iter_;
    std::size_t offset_;
    bool started_ = false;
    Status status_;
};

} // namespace

rocksdb::Status KvSource::nameIds(const std::string& prefix, std::vector<NodeId>* ids) const {
    auto iter = scan(kNames, prefix, keys::prefixUpperBound(prefix));
    for (iter->it->Seek(prefix); iter->valid(); iter->it->Next()) {
        auto k = iter->it->key();
        if (k.size() != prefix.size() + 8)
            continue;
        ids->push_back(keys::getBe64(k.data() + prefix.size()));
    }
    return iter->it->status();
}

template <typename Base>
rocksdb::Status ReadViewImpl<Base>::getNode(NodeId id, std::string* value) const {
    RecordCache* cache = recordCache();
    if (cache && cache->get(id, value))
        return rocksdb::Status::OK();
    auto s = source().get(kNodes, keys::nodeKey(id), value);
    if (cache && s.ok())
        cache->put(id, *value);
    return s;
}

template <typename Base>
Result<std::vector<std::string>>
ReadViewImpl<Base>::labelNames(const std::vector<LabelId>& ids) const {
    std::vector<std::string> names;
    names.reserve(ids.size());
    for (auto id : ids) {
        auto n = labelName(id);
        if (!n.isOk())
            return n.status();
        names.push_back(std::move(*n));
    }
    return names;
}

template <typename Base> Result<Node> ReadViewImpl<Base>::node(NodeId id) const {
    std::string value;
    auto s = getNode(id, &value);
    if (s.IsNotFound())
        return Status::notFound("no node with id " + std::to_string(id));
    if (!s.ok())
        return fromRocks(s, decodeErrorContext("reading node", id));
    codec::NodeRecord rec;
    if (auto d = codec::decodeNode(value, &rec); !d.isOk())
        return d;
    auto labels = labelNames(rec.labels);
    if (!labels.isOk())
        return labels.status();
    return Node{id, std::move(*labels), std::move(rec.properties)};
}

template <typename Base> Result<Relationship> ReadViewImpl<Base>::relationship(RelId id) const {
    std::string value;
    auto s = source().get(kRels, keys::relKey(id), &value);
    if (s.IsNotFound())
        return Status::notFound("no relationship with id " + std::to_string(id));
    if (!s.ok())
        return fromRocks(s, decodeErrorContext("reading relationship", id));
    codec::RelRecord rec;
    if (auto d = codec::decodeRel(value, &rec); !d.isOk())
        return d;
    auto type = typeName(rec.type);
    if (!type.isOk())
        return type.status();
    return Relationship{id, std::move(*type), rec.start, rec.end, std::move(rec.properties)};
}

template <typename Base> bool ReadViewImpl<Base>::nodeExists(NodeId id) const {
    std::string value;
    return getNode(id, &value).ok();
}

template <typename Base>
Result<std::vector<std::string>> ReadViewImpl<Base>::nodeLabels(NodeId id) const {
    std::string value;
    auto s = getNode(id, &value);
    if (s.IsNotFound())
        return Status::notFound("no node with id " + std::to_string(id));
    if (!s.ok())
        return fromRocks(s, decodeErrorContext("reading node", id));
    std::vector<LabelId> ids;
    std::string_view props;
    if (auto d = codec::splitNode(value, &ids, &props); !d.isOk())
        return d;
    return labelNames(ids);
}

template <typename Base>
Result<bool> ReadViewImpl<Base>::nodeHasLabel(NodeId id, LabelId label) const {
    LabelCache* cache = labelCache();
    if (cache && label < 31)
        if (std::uint32_t bits = cache->get(id))
            return ((bits >> label) & 1u) != 0;
    std::string value;
    auto s = getNode(id, &value);
    if (s.IsNotFound())
        return false;
    if (!s.ok())
        return fromRocks(s, decodeErrorContext("reading node", id));
    std::vector<LabelId> ids;
    std::string_view props;
    if (auto d = codec::splitNode(value, &ids, &props); !d.isOk())
        return d;
    if (cache) {
        std::uint32_t bits = LabelCache::kKnown;
        bool fits = true;
        for (auto l : ids) {
            fits = fits && l < 31;
            bits |= l < 31 ? 1u << l : 0;
        }
        if (fits)
            cache->put(id, bits);
    }
    return std::find(ids.begin(), ids.end(), label) != ids.end();
}

template <typename Base>
Result<Value> ReadViewImpl<Base>::nodeProperty(NodeId id, std::string_view key) const {
    std::string value;
    auto s = getNode(id, &value);
    if (s.IsNotFound())
        return Status::notFound("no node with id " + std::to_string(id));
    if (!s.ok())
        return fromRocks(s, decodeErrorContext("reading node", id));
    std::vector<LabelId> ids;
    std::string_view props;
    if (auto d = codec::splitNode(value, &ids, &props); !d.isOk())
        return d;
    Value out;
    if (auto d = codec::findProperty(props, key, &out); !d.isOk())
        return d;
    return out;
}

template <typename Base>
std::unique_ptr<EdgeCursor> ReadViewImpl<Base>::edges(NodeId id, Direction dir,
                                                      std::span<const TypeId> types) const {
    if (auto* a = adjacency(); a && *a && (*a)->covers(id))
        return cachedEdges(*a, id, dir, types);
    std::vector<EdgeCursorImpl::Range> ranges;
    auto add = [&](Cf cf) {
        if (types.empty()) {
            auto p = keys::adjPrefix(id);
            ranges.push_back({cf, p, keys::prefixUpperBound(p)});
            return;
        }
        std::vector<TypeId> sorted(types.begin(), types.end());
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        for (auto t : sorted) {
            auto p = keys::adjTypePrefix(id, t);
            ranges.push_back({cf, p, keys::prefixUpperBound(p)});
        }
    };
    if (dir != Direction::Incoming)
        add(kAdjOut);
    if (dir != Direction::Outgoing)
        add(kAdjIn);
    return std::make_unique<EdgeCursorImpl>(source(), std::move(ranges));
}

template <typename Base>
Result<std::uint64_t> ReadViewImpl<Base>::degree(NodeId id, Direction dir,
                                                 std::span<const TypeId> types) const {
    auto cursor = edges(id, dir, types);
    std::uint64_t n = 0;
    Edge e;
    while (cursor->next(&e))
        ++n;
    if (!cursor->status().isOk())
        return cursor->status();
    return n;
}

template <typename Base>
std::unique_ptr<NodeIdCursor> ReadViewImpl<Base>::nodesWithLabel(LabelId label) const {
    auto p = keys::labelPrefix(label);
    auto upper = keys::prefixUpperBound(p);
    return std::make_unique<IdCursorImpl>(source().scan(kLabels, p, upper), p, 4);
}

template <typename Base> std::unique_ptr<NodeIdCursor> ReadViewImpl<Base>::allNodes() const {
    return std::make_unique<IdCursorImpl>(source().scan(kNodes, "", ""), "", 0);
}

template <typename Base> std::unique_ptr<RelIdCursor> ReadViewImpl<Base>::allRelationships() const {
    return std::make_unique<IdCursorImpl>(source().scan(kRels, "", ""), "", 0);
}

template <typename Base>
Result<std::vector<NodeId>> ReadViewImpl<Base>::findByName(std::string_view name) const {
    auto normalized = normalizeName(name);
    std::vector<NodeId> ids;
    if (normalized.empty())
        return ids;
    if (auto s = source().nameIds(keys::namePrefix(normalized), &ids); !s.ok())
        return fromRocks(s, "name lookup");
    return ids;
}

template <typename Base>
Result<std::vector<NodeId>> ReadViewImpl<Base>::findByNamePrefix(std::string_view prefix,
                                                                 std::size_t limit) const {
    auto normalized = normalizeName(prefix);
    std::vector<NodeId> ids;
    std::unordered_set<NodeId> seen;
    auto iter = source().scan(kNames, normalized, keys::prefixUpperBound(normalized));
    for (iter->it->Seek(normalized); iter->valid() && ids.size() < limit; iter->it->Next()) {
        auto k = iter->it->key();
        if (k.size() < 9)
            continue;
        auto id = keys::getBe64(k.data() + k.size() - 8);
        if (seen.insert(id).second)
            ids.push_back(id);
    }
    if (auto s = iter->it->status(); !s.ok())
        return fromRocks(s, "name prefix lookup");
    return ids;
}

template <typename Base>
Status
ReadViewImpl<Base>::scanNames(const std::function<bool(std::string_view, NodeId)>& fn) const {
    auto iter = source().scan(kNames, "", "");
    for (iter->it->SeekToFirst(); iter->valid(); iter->it->Next()) {
        auto k = iter->it->key();
        if (k.size() < 9)
            continue;
        if (!fn({k.data(), k.size() - 9}, keys::getBe64(k.data() + k.size() - 8)))
            break;
    }
    return fromRocks(iter->it->status(), "name scan");
}

namespace {

// Dictionary lookups see a transaction's uncommitted entries before the committed ones.
using PendingIds = std::map<std::string, std::uint32_t, std::less<>>;

std::optional<std::uint32_t> pendingId(const PendingIds* pending, std::string_view name) {
    if (!pending)
        return std::nullopt;
    auto it = pending->find(name);
    return it == pending->end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

std::optional<std::string> pendingName(const PendingIds* pending, std::uint32_t id) {
    if (!pending)
        return std::nullopt;
    for (const auto& [name, pid] : *pending)
        if (pid == id)
            return name;
    return std::nullopt;
}

} // namespace

template <typename Base> Result<LabelId> ReadViewImpl<Base>::labelId(std::string_view label) const {
    auto* p = pending();
    if (auto id = pendingId(p ? &p->labels : nullptr, label))
        return *id;
    if (auto id = core_->dict.labelId(label))
        return *id;
    return Status::notFound("no label " + std::string(label));
}

template <typename Base> Result<TypeId> ReadViewImpl<Base>::typeId(std::string_view type) const {
    auto* p = pending();
    if (auto id = pendingId(p ? &p->types : nullptr, type))
        return *id;
    if (auto id = core_->dict.typeId(type))
        return *id;
    return Status::notFound("no relationship type " + std::string(type));
}

template <typename Base> Result<std::string> ReadViewImpl<Base>::labelName(LabelId id) const {
    auto* p = pending();
    if (auto n = pendingName(p ? &p->labels : nullptr, id))
        return *n;
    if (auto n = core_->dict.labelName(id))
        return *n;
    return Status::corruption("unknown label id " + std::to_string(id));
}

template <typename Base> Result<std::string> ReadViewImpl<Base>::typeName(TypeId id) const {
    auto* p = pending();
    if (auto n = pendingName(p ? &p->types : nullptr, id))
        return *n;
    if (auto n = core_->dict.typeName(id))
        return *n;
    return Status::corruption("unknown relationship type id " + std::to_string(id));
}

template class ReadViewImpl<Snapshot>;
template class ReadViewImpl<WriteTransaction>;

} // namespace innograph::graph::detail
