#include "executor/exec_context.h"

namespace innograph::query {

ExecContext::ExecContext(const graph::ReadView& view, graph::WriteTransaction* tx,
                         const Parameters& params)
    : view_(view), tx_(tx), params_(params) {}

ExecContext::~ExecContext() {
    if (sharedMemory && memoryHeld_)
        sharedMemory->fetch_sub(memoryHeld_);
}

void ExecContext::chargeMemory(std::size_t bytes) {
    memoryHeld_ += bytes;
    std::uint64_t total = sharedMemory ? sharedMemory->fetch_add(bytes) + bytes : 0;
    if (memoryLimit && memoryHeld_ > memoryLimit)
        throw QueryError(ErrorCode::MemoryLimitExceeded,
                         "The query needs more than its memory limit of " +
                             std::to_string(memoryLimit >> 20) +
                             " MiB; narrow the pattern, add LIMIT, or aggregate earlier");
    if (sharedMemoryLimit && total > sharedMemoryLimit)
        throw QueryError(ErrorCode::MemoryLimitExceeded,
                         "The running queries together need more than the service's memory limit "
                         "of " +
                             std::to_string(sharedMemoryLimit >> 20) + " MiB; try again later");
}

void ExecContext::releaseMemory(std::size_t bytes) {
    bytes = std::min<std::uint64_t>(bytes, memoryHeld_);
    memoryHeld_ -= bytes;
    if (sharedMemory)
        sharedMemory->fetch_sub(bytes);
}

std::size_t ExecContext::approximateBytes(const Value& v) {
    std::size_t n = sizeof(Value);
    switch (v.kind()) {
    case Value::Kind::String:
        return n + v.asString().capacity();
    case Value::Kind::List:
        for (const auto& item : v.asList())
            n += approximateBytes(item);
        return n;
    case Value::Kind::Map:
        for (const auto& [k, item] : v.asMap())
            n += 48 + k.size() + approximateBytes(item);
        return n;
    case Value::Kind::Path:
        return n + v.asPath().nodes.size() * 64 + v.asPath().relationships.size() * 64;
    default:
        return n;
    }
}

std::size_t ExecContext::approximateBytes(const Row& row) {
    std::size_t n = sizeof(Row);
    for (const auto& v : row)
        n += approximateBytes(v);
    return n;
}

graph::WriteTransaction& ExecContext::writer() {
    if (!tx_)
        throw QueryError(ErrorCode::SemanticError, "This query cannot write");
    return *tx_;
}

void ExecContext::checkGuardsNow() {
    if (cancelFlag && cancelFlag->load(std::memory_order_relaxed))
        throw QueryError(ErrorCode::Cancelled, "The query was cancelled");
    if (std::chrono::steady_clock::now() > deadline)
        throw QueryError(ErrorCode::Timeout, "The query exceeded its time limit of " +
                                                 std::to_string(timeout.count()) + " ms");
}

void ExecContext::check(const graph::Status& s) {
    if (s.isOk())
        return;
    if (s.code() == graph::Status::Code::Constraint)
        throw QueryError(ErrorCode::SemanticError, s.message());
    if (s.code() == graph::Status::Code::InvalidArgument)
        throw QueryError(ErrorCode::ArgumentError, s.message());
    throw QueryError(ErrorCode::StorageError, s.toString());
}

const std::vector<std::string>& ExecContext::nodeLabels(graph::NodeId id) {
    auto it = labelCache_.find(id);
    if (it != labelCache_.end())
        return it->second;
    // One read gives labels and properties alike: keep the record, since a pattern that checks a
    // node's label usually reads its properties next (RETURN p.name).
    ++storageReads;
    auto r = view_.node(id);
    std::vector<std::string> labels;
    if (r.isOk()) {
        labels = r.value().labels;
        if (nodeCache_.size() > 10000)
            nodeCache_.clear();
        nodeCache_.emplace(id, std::make_shared<const graph::Node>(std::move(r.value())));
    } else if (!r.status().isNotFound()) {
        check(r.status());
    }
    if (labelCache_.size() > 100000)
        labelCache_.clear();
    return labelCache_.emplace(id, std::move(labels)).first->second;
}

bool ExecContext::nodeHasLabels(graph::NodeId id, const std::vector<std::string>& labels) {
    if (labels.empty())
        return true;
    // Asked by label id, a snapshot answers from its in-memory label table: no record read.
    for (const auto& l : labels) {
        auto lid = labelIdCache_.find(l);
        if (lid == labelIdCache_.end()) {
            auto r = view_.labelId(l);
            if (!r.isOk()) {
                if (!r.status().isNotFound())
                    check(r.status());
                return false; // no node has ever carried it (not cached: a write may add it)
            }
            lid = labelIdCache_.emplace(l, r.value()).first;
        }
        auto has = view_.nodeHasLabel(id, lid->second);
        if (!has.isOk())
            check(has.status());
        if (!has.value())
            return false;
    }
    return true;
}

bool ExecContext::resolveLabels(const std::vector<std::string>& labels,
                                std::vector<graph::LabelId>& out) {
    out.clear();
    for (const auto& l : labels) {
        auto r = view_.labelId(l);
        if (!r.isOk()) {
            if (!r.status().isNotFound())
                check(r.status());
            return false;
        }
        out.push_back(r.value());
    }
    return true;
}

bool ExecContext::nodeHasLabelIds(graph::NodeId id, const std::vector<graph::LabelId>& labels) {
    for (auto l : labels) {
        auto has = view_.nodeHasLabel(id, l);
        if (!has.isOk())
            check(has.status());
        if (!has.value())
            return false;
    }
    return true;
}

Value ExecContext::nodeProperty(graph::NodeId id, std::string_view key) {
    if (auto it = nodeCache_.find(id); it != nodeCache_.end()) {
        auto p = it->second->properties.find(key);
        return p == it->second->properties.end() ? Value() : Value::fromStored(p->second);
    }
    // The same few nodes' properties are read again and again when rows fan out below them
    // (grouping by i.name over many rows): remember what was read, within bounds.
    auto& known = propertyCache_[id];
    for (const auto& [k, v] : known)
        if (k == key)
            return v;
    ++storageReads;
    auto r = view_.nodeProperty(id, key);
    Value out;
    if (r.isOk())
        out = Value::fromStored(r.value());
    else if (!r.status().isNotFound())
        check(r.status());
    if (propertyCache_.size() > 100000) {
        propertyCache_.clear();
        return out;
    }
    propertyCache_[id].emplace_back(std::string(key), out);
    return out;
}

std::shared_ptr<const graph::Node> ExecContext::node(graph::NodeId id) {
    if (auto it = nodeCache_.find(id); it != nodeCache_.end())
        return it->second;
    ++storageReads;
    auto r = view_.node(id);
    if (!r.isOk()) {
        if (r.status().isNotFound())
            return nullptr;
        check(r.status());
    }
    return std::make_shared<const graph::Node>(std::move(r.value()));
}

std::shared_ptr<const graph::Relationship> ExecContext::relationship(graph::RelId id) {
    auto it = relCache_.find(id);
    if (it != relCache_.end())
        return it->second;
    ++storageReads;
    auto r = view_.relationship(id);
    std::shared_ptr<const graph::Relationship> rel;
    if (r.isOk())
        rel = std::make_shared<const graph::Relationship>(std::move(r.value()));
    else if (!r.status().isNotFound())
        check(r.status());
    if (relCache_.size() > 100000)
        relCache_.clear();
    relCache_.emplace(id, rel);
    return rel;
}

Value ExecContext::relProperty(graph::RelId id, std::string_view key) {
    auto rel = relationship(id);
    if (!rel)
        return Value();
    auto it = rel->properties.find(key);
    return it == rel->properties.end() ? Value() : Value::fromStored(it->second);
}

std::unique_ptr<graph::EdgeCursor> ExecContext::edges(graph::NodeId id, graph::Direction dir,
                                                      std::span<const graph::TypeId> types) {
    ++storageReads;
    return view_.edges(id, dir, types);
}

std::optional<graph::TypeId> ExecContext::typeId(const std::string& type) {
    auto it = typeIdCache_.find(type);
    if (it != typeIdCache_.end())
        return it->second;
    ++storageReads;
    auto r = view_.typeId(type);
    std::optional<graph::TypeId> out;
    if (r.isOk())
        out = r.value();
    else if (!r.status().isNotFound())
        check(r.status());
    // A type that does not exist yet may be created by this very query: do not cache absence
    // in a writing query.
    if (out || !tx_)
        typeIdCache_.emplace(type, out);
    return out;
}

std::string ExecContext::typeName(graph::TypeId id) {
    auto it = typeNameCache_.find(id);
    if (it != typeNameCache_.end())
        return it->second;
    ++storageReads;
    auto r = view_.typeName(id);
    if (!r.isOk())
        check(r.status());
    return typeNameCache_.emplace(id, r.value()).first->second;
}

bool ExecContext::typeIds(const std::vector<std::string>& names, std::vector<graph::TypeId>& out) {
    out.clear();
    for (const auto& n : names)
        if (auto id = typeId(n))
            out.push_back(*id);
    return names.empty() || !out.empty();
}

void ExecContext::invalidateCaches() {
    labelCache_.clear();
    propertyCache_.clear();
    nodeCache_.clear();
    relCache_.clear();
}

void ExecContext::materialize(Value& v) {
    switch (v.kind()) {
    case Value::Kind::Node: {
        auto& n = v.asNode();
        if (!n.data) {
            n.data = node(n.id);
            if (!n.data) {
                // Deleted by this query: keep the id, with no labels or properties.
                auto empty = std::make_shared<graph::Node>();
                empty->id = n.id;
                n.data = empty;
            }
        }
        break;
    }
    case Value::Kind::Rel: {
        auto& r = v.asRel();
        if (!r.data) {
            r.data = relationship(r.id);
            if (!r.data) {
                auto empty = std::make_shared<graph::Relationship>();
                empty->id = r.id;
                empty->start = r.start;
                empty->end = r.end;
                empty->type = typeName(r.type);
                r.data = empty;
            }
        }
        break;
    }
    case Value::Kind::Path: {
        auto& p = v.asPath();
        for (auto& n : p.nodes) {
            Value tmp(n);
            materialize(tmp);
            n = tmp.asNode();
        }
        for (auto& r : p.relationships) {
            Value tmp(r);
            materialize(tmp);
            r = tmp.asRel();
        }
        break;
    }
    case Value::Kind::List:
        for (auto& x : v.asList())
            materialize(x);
        break;
    case Value::Kind::Map:
        for (auto& [k, x] : v.asMap())
            materialize(x);
        break;
    default:
        break;
    }
}

} // namespace innograph::query
