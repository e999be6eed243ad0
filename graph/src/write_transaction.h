#pragma once

#include "codec.h"
#include "store_core.h"
#include "write_overlay.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace innograph::graph::detail {

// Reads the database through the transaction's own writes, so it sees them before commit.
//
// Records read from the database are kept: node records in the writer's WriterRecords (across
// transactions), relationship records until the transaction ends (up to kMemoBytes). Entity
// resolution reads a merged node's record four or five times per document (its labels, its
// scope, its properties, before and after setting them). The database cannot change under a
// transaction, which holds the store's writer lock.
class OverlaySource : public KvSource {
public:
    OverlaySource(StoreCore* core, const WriteOverlay* overlay) : core_(core), overlay_(overlay) {}
    rocksdb::Status get(Cf cf, const rocksdb::Slice& key, std::string* value) const override;
    std::unique_ptr<RangeIter> scan(Cf cf, const std::string& lower,
                                    std::string upper) const override;
    // The committed ids from the writer's name cache (filled from the database on a miss), with
    // this transaction's name-index entries applied.
    rocksdb::Status nameIds(const std::string& prefix, std::vector<NodeId>* ids) const override;
    // At commit or rollback: the transaction no longer holds the writer lock, so later reads
    // (if any) go to the database only.
    void clear();

private:
    // The database's value, through the writer's caches.
    rocksdb::Status getCommitted(Cf cf, const rocksdb::Slice& key, std::string* value) const;

    static constexpr std::size_t kMemoBytes = 64u << 20;
    StoreCore* core_;
    const WriteOverlay* overlay_;
    mutable std::unordered_map<std::string, std::string> memo_; // relationship records
    mutable std::size_t memoBytes_ = 0;
    bool ended_ = false;
};

// Holds the store's writer lock from construction until commit or rollback.
class WriteTransactionImpl : public ReadViewImpl<WriteTransaction> {
public:
    // `lock` holds core->writeMu.
    WriteTransactionImpl(StoreCore* core, std::unique_lock<std::timed_mutex> lock,
                         WriteLimits limits);
    ~WriteTransactionImpl() override;

    Result<NodeId> createNode(const std::vector<std::string>& labels,
                              const PropertyMap& properties) override;
    Result<RelId> createRelationship(NodeId start, std::string_view type, NodeId end,
                                     const PropertyMap& properties) override;
    Status setNodeProperty(NodeId id, std::string_view key, const Value& value) override;
    Status setNodeProperties(NodeId id, const PropertyMap& properties) override;
    Status addLabel(NodeId id, std::string_view label) override;
    Status removeLabel(NodeId id, std::string_view label) override;
    Status setRelationshipProperty(RelId id, std::string_view key, const Value& value) override;
    Status setRelationshipProperties(RelId id, const PropertyMap& properties) override;
    Status updateRelationshipProperties(const Edge& rel, const PropertyUpdate& update) override;
    Status deleteRelationship(RelId id) override;
    Status deleteNode(NodeId id, bool detach) override;
    Status commit() override;
    void rollback() override;

protected:
    const KvSource& source() const override { return src_; }
    const PendingDictionary* pending() const override { return &pending_; }

private:
    // Also fails (and marks the transaction failed) once the limits are passed.
    Status checkOpen();
    Status checkProperties(const PropertyMap& props);
    LabelId ensureLabel(const std::string& label);
    TypeId ensureType(const std::string& type);
    Status loadNode(NodeId id, codec::NodeRecord* rec) const;
    Status loadRel(RelId id, codec::RelRecord* rec) const;
    // Only the type and ends, for changes that replace or drop the rest.
    Status loadRelHeader(RelId id, TypeId* type, NodeId* start, NodeId* end) const;
    // The stored record; NotFound naming the relationship.
    Status readRel(RelId id, std::string* value) const;
    // Writes the node record and brings its name-index entries from `before` to `after`.
    Status writeNode(NodeId id, const codec::NodeRecord& before, const codec::NodeRecord& after);
    Status put(Cf cf, const std::string& key, std::string value);
    Status del(Cf cf, const std::string& key);
    // Adds to a counter in memory; commit() writes each changed counter once. A merge operand
    // per change would make every later Merge rescan the batch's entries for that key, so a
    // transaction of n writes took O(n^2).
    Status count(const std::string& counterKey, std::int64_t delta);

    std::unique_lock<std::timed_mutex> lock_;
    WriteLimits limits_;
    WriteOverlay overlay_;
    OverlaySource src_;
    PendingDictionary pending_;
    std::map<std::string, std::int64_t> counterDeltas_;
    // Nodes this transaction created or found: a relationship's ends are checked without reading
    // their records again (a document node holds the document's text, so re-reading it for each
    // of its relationships made a large document quadratic).
    std::unordered_set<NodeId> liveNodes_;
    NodeId nextNodeWritten_ = 0; // the highest id + 1 this transaction created, 0 for none
    RelId nextRelWritten_ = 0;
    bool finished_ = false;
    bool failed_ = false;           // a failed write leaves the batch unusable: commit must refuse
    bool labelsChanged_ = false;    // the label index was written: replace the label table
    bool adjacencyChanged_ = false; // adjacency was written: drop the in-memory copy
    bool nodesChanged_ = false;     // node records were written: replace the record table
};

// Checks that every string in the value (keys included) is valid UTF-8 and that nesting is
// bounded; InvalidArgument naming the property otherwise.
Status checkStorable(std::string_view key, const Value& v);

} // namespace innograph::graph::detail
