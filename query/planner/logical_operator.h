#pragma once

// Stage 3's output: a tree of logical operators. Rows flow from the leaves (an Argument that
// yields the incoming row) to the root. Every operator that reads the store takes an input row,
// so a scan under another scan is a nested loop and an OPTIONAL MATCH is an inner plan run per
// outer row. Immutable once planned: a cached plan is shared by concurrent executions.

#include "binder/bound_statement.h"
#include "innograph/graph/graph_store.h"

#include <memory>
#include <string>
#include <vector>

namespace innograph::query {

enum class LogicalKind {
    Argument,     // yields the incoming row once (one empty row at the top of a query)
    AllNodesScan, // every node
    LabelScan,    // nodes with labels[0] (and the other labels)
    NodeByName,   // nodes whose name or alias matches `expression` (entity reference)
    NodeById,     // the node(s) whose id is `expression` (an integer or a list of them)
    Expand,       // from fromSlot along relationships to toSlot
    VarExpand,    // the same over minHops..maxHops, relSlot gets a list
    ShortestPath, // shortest path(s) between two bound nodes
    // From bound fromSlot, counts the relationships of `types` in `direction` whose other end
    // has `labels` into relSlot (an integer); rows with none are dropped. Replaces a whole
    // (a:La)-[:T]->(b:Lb) expansion under count(*) grouped by one end (see
    // optimizer/degree_count_pass.h).
    DegreeCount,
    Filter,     // keeps rows where `expression` is true
    Projection, // computes `projections` into slots
    Optional,   // children[1] per row of children[0]; nulls when it yields nothing
    Aggregate,  // groups by `projections`, computes `aggregates`
    Distinct,   // drops rows equivalent on `slots`
    Sort,       // orders by `sortItems`
    TopK,       // Sort + SKIP/LIMIT keeping only the best skip+limit rows
    Skip,
    Limit,
    Unwind, // one row per element of `expression` into `slot`
    Eager,  // reads all input before yielding (isolates reads from later writes)
    Create,
    Merge, // children[1]: the pattern's match plan, run per input row
    SetItems,
    Remove,
    Delete,
    ProduceResults, // the root: picks the columns
    Union,          // children in order; distinct unless `all`
};

struct LogicalOperator;
using LogicalPtr = std::shared_ptr<const LogicalOperator>;

struct LogicalOperator {
    LogicalKind kind = LogicalKind::Argument;
    std::vector<LogicalPtr> children;

    // Scans and expansions
    int slot = -1;
    std::vector<std::string> labels;
    BoundExpressionPtr expression; // NodeByName, Filter, Unwind
    int fromSlot = -1;
    int relSlot = -1;
    int toSlot = -1;
    graph::Direction direction = graph::Direction::Both;
    std::vector<std::string> types;
    bool into = false;                 // toSlot is bound already: check instead of bind
    std::vector<int> distinctFromRels; // relationship uniqueness within one MATCH
    std::int64_t minHops = 1;
    std::int64_t maxHops = 1;
    int pathSlot = -1;
    bool all = false; // allShortestPaths; UNION ALL

    // Projection / Aggregate / Distinct / Sort / TopK / Skip / Limit / Optional
    std::vector<std::pair<int, BoundExpressionPtr>> projections;
    std::vector<BoundAggregate> aggregates;
    // Aggregate: count(*) adds this slot's integer per row instead of 1 (after DegreeCount).
    int weightSlot = -1;
    std::vector<int> slots; // Distinct keys, Optional's nullable slots, ProduceResults columns
    std::vector<BoundSortItem> sortItems;
    BoundExpressionPtr skip;
    BoundExpressionPtr limit;
    bool drainInput = false; // Limit: pulls the rest of its input (writes upstream must happen)
    std::vector<std::string> columns;

    // Writes
    std::shared_ptr<const BoundPattern> pattern;
    std::vector<BoundSetItem> setItems;
    std::vector<BoundSetItem> onCreate;
    std::vector<BoundSetItem> onMatch;
    std::vector<BoundRemoveItem> removeItems;
    bool detach = false;

    double estimatedRows = 1;

    // One line describing the operator for EXPLAIN, e.g. "Expand (p)-[:HOSTS]->(i:Industry)".
    std::string name() const;
    std::string details(const std::vector<std::string>& slotNames) const;
};

} // namespace innograph::query
