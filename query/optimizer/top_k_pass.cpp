#include "optimizer/top_k_pass.h"

#include "optimizer/rewrite.h"

namespace innograph::query {

LogicalPtr TopKPass::rewrite(const LogicalPtr& root, const OptimizerContext&) const {
    return rewriteBottomUp(root, [](const LogicalPtr& op) -> LogicalPtr {
        if (op->kind != LogicalKind::Limit || op->children.size() != 1)
            return nullptr;
        const LogicalOperator* below = op->children[0].get();
        BoundExpressionPtr skip;
        if (below->kind == LogicalKind::Skip && below->children.size() == 1) {
            skip = below->skip;
            below = below->children[0].get();
        }
        if (below->kind != LogicalKind::Sort || below->children.size() != 1)
            return nullptr;
        auto top = std::make_shared<LogicalOperator>();
        top->kind = LogicalKind::TopK;
        top->sortItems = below->sortItems;
        top->skip = skip;
        top->limit = op->limit;
        top->drainInput = op->drainInput;
        top->estimatedRows = below->estimatedRows;
        top->children = below->children;
        return top;
    });
}

} // namespace innograph::query
