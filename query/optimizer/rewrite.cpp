#include "optimizer/rewrite.h"

namespace innograph::query {

LogicalPtr rewriteBottomUp(const LogicalPtr& op, const RewriteRule& rule) {
    if (!op)
        return op;
    std::vector<LogicalPtr> children;
    bool changed = false;
    children.reserve(op->children.size());
    for (const auto& c : op->children) {
        children.push_back(rewriteBottomUp(c, rule));
        changed = changed || children.back() != c;
    }
    LogicalPtr current = op;
    if (changed) {
        auto copy = std::make_shared<LogicalOperator>(*op);
        copy->children = std::move(children);
        current = copy;
    }
    if (auto replaced = rule(current))
        return replaced;
    return current;
}

} // namespace innograph::query
