#pragma once

// One rewrite of a logical plan. A pass takes a whole plan and returns the plan it rewrote (or
// the same one when nothing applied); it never modifies an operator in place, because a planned
// tree may already be shared. Every pass promises the rewritten plan gives the same rows (as a
// bag, in the same order where an ORDER BY fixes one) as the plan it was given.

#include "planner/planner.h"

namespace innograph::query {

// What passes may consult: the store's counts, for the estimates of operators they add.
struct OptimizerContext {
    const PlannerStats& stats;
};

class OptimizerPass {
public:
    virtual ~OptimizerPass() = default;
    virtual const char* name() const = 0;
    virtual LogicalPtr rewrite(const LogicalPtr& root, const OptimizerContext& ctx) const = 0;
};

} // namespace innograph::query
