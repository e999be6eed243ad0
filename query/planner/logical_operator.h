#pragma once

// Stage 3's output: a tree of logical operators. Rows flow from the leaves (an Argument that
// yields the incoming row) to the root. Every operator that reads the store takes an input row,
// so a scan under another scan is a nested loop and an OPTIONAL MATCH is an inner plan run per
// outer row. Immutable once planned: a cached plan is shared by concurrent executions, and the
// optimizer's passes copy what they rewrite.
//
// Each kind of operator is its own type (planner/operators/*.h) holding only what that kind
// means; a LogicalOperator is one of them plus the children and the row estimate every kind has.

#include "planner/operators/aggregate.h"
#include "planner/operators/degree_count.h"
#include "planner/operators/expand.h"
#include "planner/operators/ordering.h"
#include "planner/operators/projection.h"
#include "planner/operators/scans.h"
#include "planner/operators/shortest_path.h"
#include "planner/operators/structure.h"
#include "planner/operators/writes.h"

#include <memory>
#include <variant>
#include <vector>

namespace innograph::query {

// The operator types, in the order of LogicalKind.
using LogicalPayload =
    std::variant<logical::Argument, logical::AllNodesScan, logical::LabelScan, logical::NodeByName,
                 logical::NodeById, logical::Expand, logical::VarExpand, logical::ShortestPath,
                 logical::DegreeCount, logical::Filter, logical::Projection, logical::Optional,
                 logical::Aggregate, logical::Distinct, logical::Sort, logical::TopK, logical::Skip,
                 logical::Limit, logical::Unwind, logical::Eager, logical::Create, logical::Merge,
                 logical::SetItems, logical::Remove, logical::Delete, logical::ProduceResults,
                 logical::Union, logical::Apply>;

// Which alternative of LogicalPayload an operator holds, for switches and tests.
enum class LogicalKind {
    Argument,
    AllNodesScan,
    LabelScan,
    NodeByName,
    NodeById,
    Expand,
    VarExpand,
    ShortestPath,
    DegreeCount,
    Filter,
    Projection,
    Optional,
    Aggregate,
    Distinct,
    Sort,
    TopK,
    Skip,
    Limit,
    Unwind,
    Eager,
    Create,
    Merge,
    SetItems,
    Remove,
    Delete,
    ProduceResults,
    Union,
    Apply,
};
static_assert(std::variant_size_v<LogicalPayload> ==
                  static_cast<std::size_t>(LogicalKind::Apply) + 1,
              "LogicalKind names every alternative of LogicalPayload, in order");

struct LogicalOperator;
using LogicalPtr = std::shared_ptr<const LogicalOperator>;

struct LogicalOperator {
    LogicalPayload payload;
    std::vector<LogicalPtr> children;
    double estimatedRows = 1;

    LogicalKind kind() const { return static_cast<LogicalKind>(payload.index()); }
    template <class T> bool is() const { return std::holds_alternative<T>(payload); }
    // The payload as T; throws std::bad_variant_access when it is another kind.
    template <class T> const T& as() const { return std::get<T>(payload); }
    template <class T> const T* get() const { return std::get_if<T>(&payload); }

    // What EXPLAIN calls the operator, e.g. "Expand(All)", and its details, e.g.
    // "(p)-[:HOSTS]->(i:Industry)".
    std::string name() const;
    std::string details(const std::vector<std::string>& slotNames) const;
};

// A new operator of `payload` over `children`, estimated at `estimatedRows`.
std::shared_ptr<LogicalOperator> makeLogical(LogicalPayload payload,
                                             std::vector<LogicalPtr> children = {},
                                             double estimatedRows = 1);

} // namespace innograph::query
