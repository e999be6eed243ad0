#pragma once

// innograph's property-graph store: the one public header of graph/.
//
// A GraphStore is a directory holding a RocksDB database. It stores nodes (id, labels,
// properties) and relationships (id, type, start, end, properties), with out- and in-adjacency,
// a label index and a normalised name/alias index, all kept consistent by writing every logical
// change as one atomic batch. No RocksDB type appears in this header.
//
// Reading: take a ReadView with GraphStore::snapshot(). A view sees the store as of the moment it
// was taken, however long it lives and whatever is written meanwhile, so a query reads from one
// consistent state.
//
// Writing: GraphStore::beginWrite() returns a WriteTransaction. Writers are serialised: while a
// transaction is open other beginWrite() calls wait. The transaction reads its own writes and
// applies nothing until commit(); dropping it uncommitted discards every change. WriteLimits bound
// how long a writer may wait for its turn and run.

#include "innograph/graph/status.h"
#include "innograph/graph/value.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::graph {

using NodeId = std::uint64_t;
using RelId = std::uint64_t;
using LabelId = std::uint32_t;
using TypeId = std::uint32_t;

struct Node {
    NodeId id = 0;
    std::vector<std::string> labels; // in the order they were added
    PropertyMap properties;
    bool hasLabel(std::string_view label) const;
};

struct Relationship {
    RelId id = 0;
    std::string type;
    NodeId start = 0;
    NodeId end = 0;
    PropertyMap properties;
};

// One adjacency entry as stored: enough to walk the graph without reading the relationship's
// properties (late materialisation).
struct Edge {
    RelId id = 0;
    TypeId type = 0;
    NodeId start = 0;
    NodeId end = 0;
    // The endpoint that is not the node whose adjacency was scanned (for a self-loop, the node).
    NodeId other = 0;
};

enum class Direction { Outgoing, Incoming, Both };

enum class OpenMode {
    ReadWrite, // the default: one process writes
    ReadOnly,  // no writes; sees the store as it was at open
    Secondary, // follows a primary that is being written; see catchUpWithPrimary()
};

struct Options {
    OpenMode mode = OpenMode::ReadWrite;
    // Create an empty store when the directory holds none (ReadWrite only).
    bool createIfMissing = true;
    // Size of the one block cache shared by every column family.
    std::size_t blockCacheBytes = 256u << 20;
    // Memtable size per column family; bigger absorbs larger write bursts before flushing.
    std::size_t writeBufferBytes = 64u << 20;
    // For OpenMode::Secondary: the secondary's own directory for its info logs. Required.
    std::string secondaryPath;
    // Bits per key of the bloom filters on the adjacency and name indexes.
    int bloomBitsPerKey = 10;
    // fsync the write-ahead log on every commit. Off keeps commits fast and still survives a
    // process crash (the WAL is in the OS page cache); on survives power loss too.
    bool syncWrites = false;
    // Keep a copy of the adjacency in memory for snapshots (about 20 bytes per relationship and
    // direction), built in the background after the first snapshot and after writes settle;
    // until it is ready, and for write transactions, adjacency is read from RocksDB.
    bool adjacencyCache = true;
};

// Cursors yield items one at a time. next() returns false at the end or on error; check
// status() afterwards. A cursor must not outlive the view that made it.
template <typename T> class Cursor {
public:
    virtual ~Cursor() = default;
    virtual bool next(T* out) = 0;
    virtual Status status() const = 0;
};
using EdgeCursor = Cursor<Edge>;
using NodeIdCursor = Cursor<NodeId>;
using RelIdCursor = Cursor<RelId>;

// Everything that can be read. Implemented by snapshots and by write transactions (which see
// their own uncommitted writes). A view is not thread-safe: use one per thread; any number of
// views may be open at once.
class ReadView {
public:
    virtual ~ReadView() = default;

    virtual Result<Node> node(NodeId id) const = 0;                // NotFound if absent
    virtual Result<Relationship> relationship(RelId id) const = 0; // NotFound if absent
    virtual bool nodeExists(NodeId id) const = 0;
    // Labels only, without decoding properties.
    virtual Result<std::vector<std::string>> nodeLabels(NodeId id) const = 0;
    // Whether the node carries the label (false when the node is absent). Snapshots answer from
    // an in-memory table of label sets shared by the store's snapshots, so a pattern's label
    // checks cost no record read once a node has been seen.
    virtual Result<bool> nodeHasLabel(NodeId id, LabelId label) const = 0;
    // One property (null when absent) without building the whole Node.
    virtual Result<Value> nodeProperty(NodeId id, std::string_view key) const = 0;

    // Adjacency of a node as a prefix scan. An empty `types` means every type. Direction::Both
    // yields outgoing then incoming entries; a self-loop appears once in each.
    virtual std::unique_ptr<EdgeCursor> edges(NodeId id, Direction dir,
                                              std::span<const TypeId> types = {}) const = 0;
    // Number of adjacency entries, by the same rules as edges().
    virtual Result<std::uint64_t> degree(NodeId id, Direction dir,
                                         std::span<const TypeId> types = {}) const = 0;

    virtual std::unique_ptr<NodeIdCursor> nodesWithLabel(LabelId label) const = 0;
    virtual std::unique_ptr<NodeIdCursor> allNodes() const = 0;
    virtual std::unique_ptr<RelIdCursor> allRelationships() const = 0;

    // Nodes whose name or any alias equals `name` after normalizeName(): script, width, case
    // and whitespace do not matter. Ascending by id.
    virtual Result<std::vector<NodeId>> findByName(std::string_view name) const = 0;
    // Distinct nodes with a name or alias whose normalised form starts with the normalised
    // prefix, at most `limit`, in index order.
    virtual Result<std::vector<NodeId>> findByNamePrefix(std::string_view prefix,
                                                         std::size_t limit) const = 0;
    // Every (normalised name, node) pair of the name index, in index order; for substring
    // search over a modest index.
    virtual Status
    scanNames(const std::function<bool(std::string_view normalized, NodeId id)>& fn) const = 0;

    // Dictionary. Unknown names give NotFound: a label no node has ever carried.
    virtual Result<LabelId> labelId(std::string_view label) const = 0;
    virtual Result<TypeId> typeId(std::string_view type) const = 0;
    virtual Result<std::string> labelName(LabelId id) const = 0;
    virtual Result<std::string> typeName(TypeId id) const = 0;
};

// A consistent read-only view of the store.
class Snapshot : public ReadView {};

// Changes to a relationship's properties that can be written without reading them, applied in
// this order: `set`, then `append`, then `appendDistinct`.
struct PropertyUpdate {
    // Replaces each named property; null removes it.
    PropertyMap set;
    // Appends each list to the property of that name, as Cypher's `r.k + list` would: an absent
    // (or null) property becomes the list, a property that is not a list becomes its first
    // element. A value that is not a list is appended as one element.
    PropertyMap append;
    // Like `append`, but skips the elements the property already holds (and repeats within the
    // list itself).
    PropertyMap appendDistinct;
    bool empty() const { return set.empty() && append.empty() && appendDistinct.empty(); }
};

class WriteTransaction : public ReadView {
public:
    // Property values must be storable: nested lists and maps are allowed.
    virtual Result<NodeId> createNode(const std::vector<std::string>& labels,
                                      const PropertyMap& properties) = 0;
    virtual Result<RelId> createRelationship(NodeId start, std::string_view type, NodeId end,
                                             const PropertyMap& properties) = 0;
    // Setting null removes the property.
    virtual Status setNodeProperty(NodeId id, std::string_view key, const Value& value) = 0;
    virtual Status setNodeProperties(NodeId id, const PropertyMap& properties) = 0; // replace
    virtual Status addLabel(NodeId id, std::string_view label) = 0;
    virtual Status removeLabel(NodeId id, std::string_view label) = 0;
    virtual Status setRelationshipProperty(RelId id, std::string_view key, const Value& value) = 0;
    virtual Status setRelationshipProperties(RelId id, const PropertyMap& properties) = 0;
    // Applies `update` to the relationship `rel` names (as edges() returned it: id, type and
    // ends, which must match the store's or the result is NotFound and nothing changes).
    //
    // Unlike the setters it does not read the record: the change is stored as a delta that reads
    // and compactions fold into the record. Appending one entry costs the same whatever the
    // list's length, so a fact repeated by n documents costs O(n) to write rather than O(n^2)
    // (each document's evidence used to rewrite all the evidence before it).
    virtual Status updateRelationshipProperties(const Edge& rel, const PropertyUpdate& update) = 0;
    virtual Status deleteRelationship(RelId id) = 0;
    // Without `detach`, a node that still has relationships is a Constraint error.
    virtual Status deleteNode(NodeId id, bool detach) = 0;

    // Applies every change atomically. After commit (successful or not) the transaction is
    // finished: further calls return InvalidArgument.
    virtual Status commit() = 0;
    // Discards every change; also what the destructor does when commit() was not called.
    virtual void rollback() = 0;
};

// Bounds of one write transaction. Once the deadline passes or *cancel is set, waiting for the
// writer's turn ends with Busy, and every further write and the commit fail with Aborted: the
// transaction applies nothing.
struct WriteLimits {
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    const std::atomic<bool>* cancel = nullptr; // may be null; set it from any thread
};

// ---- Bulk load ---------------------------------------------------------------------------

struct BulkNode {
    std::vector<std::string> labels;
    PropertyMap properties;
};

// A relationship of a bulk load refers to nodes of the same load by their index in the nodes
// vector, or to nodes already in the store by id.
struct BulkNodeRef {
    bool existing = false; // true: `id` is a NodeId in the store; false: an index into nodes
    std::uint64_t id = 0;
};

struct BulkRelationship {
    BulkNodeRef start;
    BulkNodeRef end;
    std::string type;
    PropertyMap properties;
};

struct BulkLoadOptions {
    // Where the sorted table files (and the sorted runs spilled while loading) are written
    // before ingestion; empty means inside the store.
    std::string tempDir;
    // Called now and then with (items done, items in all); may be empty.
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    // Memory for index keys (adjacency, labels, names) held before they are sorted and spilled
    // to tempDir as sorted runs; the runs are merged when the load finishes. Bounds a load's
    // memory whatever its size; only what the keys fill is ever touched. 0 (the default): a
    // sixteenth of the machine's physical memory, at least 192 MB and at most 1 GB, so that a
    // graph of a few million relationships is sorted in memory without spilling at all.
    std::size_t sortMemoryBytes = 0;
};

struct BulkLoadResult {
    std::vector<NodeId> nodeIds; // bulkLoad(): the id given to each BulkNode, by index
    NodeId firstNode = 0;        // node i of the load has id firstNode + i
    std::uint64_t nodes = 0;
    std::uint64_t relationships = 0;
};

// A property map checked, encoded and with its index names normalised, ready for a bulk load.
// Preparing is a pure function of the map, so callers may prepare on as many threads as they
// like and hand the results to the one BulkLoader in order. The contents are the store's own
// encoding: treat them as opaque.
struct PreparedProperties {
    std::string encoded;
    std::vector<std::string> names; // normalised, for the name index
    std::vector<std::string> keys;  // keys of non-null properties, for the dictionary
};
// InvalidArgument naming the property when a key or value is not storable.
Result<PreparedProperties> prepareProperties(const PropertyMap& properties);

// A bulk load fed one element at a time, so that a load of any size needs memory only for its
// index keys (spilled in sorted runs beyond BulkLoadOptions::sortMemoryBytes), never for its
// records. Records go straight into sorted table files; finish() sorts the indexes and ingests
// every file at once, atomically: after a crash the whole load is in the store or none of it.
// Destroying the loader without a successful finish() writes nothing. Holds the store's writer
// lock for its lifetime. Not thread-safe: one thread feeds it.
class BulkLoader {
public:
    virtual ~BulkLoader() = default;
    // Ids are given in order: the n-th node added gets firstNodeId() + n.
    virtual NodeId firstNodeId() const = 0;
    virtual std::uint64_t nodesAdded() const = 0;
    virtual Result<NodeId> addNode(const std::vector<std::string>& labels,
                                   const PreparedProperties& properties) = 0;
    // `start` and `end` are nodes already in the store (checked now) or of this load (checked by
    // finish(), so a relationship may name a node added after it).
    virtual Result<RelId> addRelationship(NodeId start, std::string_view type, NodeId end,
                                          const PreparedProperties& properties) = 0;
    virtual Result<BulkLoadResult> finish() = 0;
};

// ---- Statistics ------------------------------------------------------------------------------

struct GraphStats {
    std::uint64_t nodes = 0;
    std::uint64_t relationships = 0;
    std::map<std::string, std::uint64_t> nodesPerLabel;
    std::map<std::string, std::uint64_t> relationshipsPerType;
};

// The store. Thread-safe: snapshots may be taken and read from any thread, and beginWrite()
// may be called from any thread (writers queue). The GraphStore must outlive every view and
// transaction it hands out. Only one process may open a store ReadWrite; any number may open it
// ReadOnly or as Secondary.
class GraphStore {
public:
    static Result<std::unique_ptr<GraphStore>> open(const Options& options,
                                                    const std::string& path);
    // Removes a store directory and everything in it.
    static Status destroy(const std::string& path);

    virtual ~GraphStore() = default;

    virtual std::unique_ptr<Snapshot> snapshot() const = 0;
    // ReadOnly error on a read-only or secondary store.
    Result<std::unique_ptr<WriteTransaction>> beginWrite() { return beginWrite(WriteLimits{}); }
    virtual Result<std::unique_ptr<WriteTransaction>> beginWrite(const WriteLimits& limits) = 0;

    // Loads many nodes and relationships at once through sorted table files ingested
    // atomically: after a crash either all of them are in the store or none is. Validates
    // every relationship's endpoints before writing anything. Serialised with writers.
    virtual Result<BulkLoadResult> bulkLoad(const std::vector<BulkNode>& nodes,
                                            const std::vector<BulkRelationship>& relationships,
                                            const BulkLoadOptions& options = {}) = 0;
    // The same, streamed: see BulkLoader. ReadOnly error on a read-only store.
    virtual Result<std::unique_ptr<BulkLoader>>
    beginBulkLoad(const BulkLoadOptions& options = {}) = 0;

    // Counts, from counters maintained with every write (cheap).
    virtual Result<GraphStats> stats() const = 0;
    // Property keys ever written, per element kind; for schema listings and did-you-mean.
    virtual Result<std::vector<std::string>> propertyKeys() const = 0;
    virtual Result<std::vector<std::string>> labels() const = 0;
    virtual Result<std::vector<std::string>> relationshipTypes() const = 0;

    // Secondary only: apply what the primary has written since the last call.
    virtual Status catchUpWithPrimary() = 0;
    // Flushes memtables and compacts; useful after a large load.
    virtual Status compact() = 0;
    // Builds the in-memory adjacency now if it is enabled and missing, and waits for it.
    virtual void warmCaches() = 0;

    virtual const Options& options() const = 0;
    virtual const std::string& path() const = 0;
};

// The normal form used by the name index: NFKC, traditional to simplified script, lower case,
// with whitespace and quotation marks dropped. So 大連高新區, 大连高新区 and "大连高新区 " with
// full-width quotes and stray spaces all normalise to 大连高新区.
std::string normalizeName(std::string_view text);

} // namespace innograph::graph
