#pragma once

// Factories of the physical operators, one per file in this folder.

#include "executor/physical_operator.h"

namespace innograph::query {

using PhysicalPtr = std::unique_ptr<PhysicalOperator>;

PhysicalPtr makeArgument(const LogicalOperator& op, int slotCount);
PhysicalPtr makeNodeScan(const LogicalOperator& op); // AllNodesScan, LabelScan, NodeBy*
PhysicalPtr makeExpand(const LogicalOperator& op);
PhysicalPtr makeDegreeCount(const LogicalOperator& op); // in expand.cpp
PhysicalPtr makeVarExpand(const LogicalOperator& op);
PhysicalPtr makeShortestPath(const LogicalOperator& op);
PhysicalPtr makeFilter(const LogicalOperator& op);
PhysicalPtr makeProjection(const LogicalOperator& op);
PhysicalPtr makeOptional(const LogicalOperator& op);
PhysicalPtr makeAggregate(const LogicalOperator& op);
PhysicalPtr makeDistinct(const LogicalOperator& op);
PhysicalPtr makeSort(const LogicalOperator& op);      // Sort and TopK
PhysicalPtr makeSkipLimit(const LogicalOperator& op); // Skip and Limit
PhysicalPtr makeUnwind(const LogicalOperator& op);
PhysicalPtr makeEager(const LogicalOperator& op);
PhysicalPtr makeCreate(const LogicalOperator& op);
PhysicalPtr makeMerge(const LogicalOperator& op);
PhysicalPtr makeSetItems(const LogicalOperator& op);
PhysicalPtr makeRemove(const LogicalOperator& op);
PhysicalPtr makeDelete(const LogicalOperator& op);
PhysicalPtr makeProduceResults(const LogicalOperator& op);
PhysicalPtr makeUnion(const LogicalOperator& op);
PhysicalPtr makeApply(const LogicalOperator& op);

// Argument leaves hold the row an inner plan starts from.
void setArgumentRow(PhysicalOperator& argument, const Row& row);
bool isArgument(const PhysicalOperator& op);

// Evaluates SKIP/LIMIT: a non-negative integer, else ArgumentError.
std::int64_t evaluateCount(const BoundExpression& e, ExecContext& ctx, const char* clause);

// Applies SET items to one row (shared by SET and MERGE's ON CREATE / ON MATCH).
void applySetItems(const std::vector<BoundSetItem>& items, Row& row, ExecContext& ctx);

// Creates the pattern's unbound nodes and its relationships for one row.
void createPattern(const BoundPattern& pattern, Row& row, ExecContext& ctx);

} // namespace innograph::query
