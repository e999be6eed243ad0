#include "optimizer/optimizer.h"

#include "optimizer/degree_count_pass.h"
#include "optimizer/group_by_node_pass.h"
#include "optimizer/top_k_pass.h"

namespace innograph::query {

Optimizer::Optimizer(PlannerStats stats) : stats_(std::move(stats)) {
    passes_.push_back(std::make_unique<TopKPass>());
    passes_.push_back(std::make_unique<DegreeCountPass>());
    passes_.push_back(std::make_unique<GroupByNodePass>());
}

LogicalPlan Optimizer::optimize(LogicalPlan plan) const {
    OptimizerContext ctx{stats_};
    for (const auto& pass : passes_)
        plan.root = pass->rewrite(plan.root, ctx);
    return plan;
}

} // namespace innograph::query
