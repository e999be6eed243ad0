#include "optimizer/top_k_pass.h"

#include "optimizer/rewrite.h"

namespace innograph::query {

LogicalPtr TopKPass::rewrite(const LogicalPtr& root, const OptimizerContext&) const {
    return rewriteBottomUp(root, [](const LogicalPtr& op) -> LogicalPtr {
        const auto* limit = op->get<logical::Limit>();
        if (!limit || op->children.size() != 1)
            return nullptr;
        const LogicalOperator* below = op->children[0].get();
        BoundExpressionPtr skip;
        if (const auto* s = below->get<logical::Skip>(); s && below->children.size() == 1) {
            skip = s->count;
            below = below->children[0].get();
        }
        const auto* sort = below->get<logical::Sort>();
        if (!sort || below->children.size() != 1)
            return nullptr;
        return makeLogical(logical::TopK{sort->sortItems, skip, limit->count, limit->drainInput},
                           below->children, below->estimatedRows);
    });
}

} // namespace innograph::query
