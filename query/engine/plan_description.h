#pragma once

// Turns a logical plan (and, under PROFILE, the physical operators' counters) into the PlanNode
// tree that EXPLAIN and PROFILE report.

#include "executor/physical_operator.h"
#include "innograph/query/query_result.h"
#include "planner/planner.h"

namespace innograph::query {

PlanNode describePlan(const LogicalOperator& root, const std::vector<std::string>& slotNames);
PlanNode describeProfile(PhysicalOperator& root, const std::vector<std::string>& slotNames);

} // namespace innograph::query
