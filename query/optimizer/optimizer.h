#pragma once

// Stage 4 (parse → bind → plan → optimize → execute): runs the rewrite passes over a logical
// plan in a fixed order. The planner builds a plain plan (anchors, expansion order, predicate
// placement, Sort/Skip/Limit as written); every rewrite that replaces operators by cheaper
// equivalents lives here, one pass per file. Each pass keeps the plan's results unchanged.

#include "optimizer/optimizer_pass.h"

#include <memory>
#include <vector>

namespace innograph::query {

class Optimizer {
public:
    // The default passes, in order:
    //  1. TopKPass: Sort followed by SKIP/LIMIT becomes one bounded top-k.
    //  2. DegreeCountPass: count(*) over a single expansion counts adjacency instead of rows.
    //  3. GroupByNodePass: counts grouped by a variable's property group by the variable first.
    //     After DegreeCountPass, which leaves one row per node where it applies.
    explicit Optimizer(PlannerStats stats);

    LogicalPlan optimize(LogicalPlan plan) const;

    const std::vector<std::unique_ptr<OptimizerPass>>& passes() const { return passes_; }

private:
    PlannerStats stats_;
    std::vector<std::unique_ptr<OptimizerPass>> passes_;
};

} // namespace innograph::query
