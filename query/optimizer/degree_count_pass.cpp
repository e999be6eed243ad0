#include "optimizer/degree_count_pass.h"

#include "optimizer/rewrite.h"

namespace innograph::query {

namespace {

// The replacement of `agg`'s input, or nullptr when the shape does not fit.
LogicalPtr countInstead(const LogicalOperator& agg, const PlannerStats& stats) {
    if (agg.children.size() != 1 || agg.aggregates.empty() || agg.weightSlot >= 0)
        return nullptr;
    for (const auto& a : agg.aggregates)
        if (a.function != FunctionId::Count || a.distinct || a.argument)
            return nullptr;
    const auto& expand = *agg.children[0];
    if (expand.kind != LogicalKind::Expand || expand.into || expand.types.empty() ||
        expand.labels.empty() || expand.direction == graph::Direction::Both ||
        !expand.distinctFromRels.empty() || expand.children.size() != 1)
        return nullptr;
    const auto& scan = *expand.children[0];
    if (scan.kind != LogicalKind::LabelScan || scan.slot != expand.fromSlot ||
        scan.labels.empty() || scan.children.size() != 1 ||
        scan.children[0]->kind != LogicalKind::Argument)
        return nullptr;
    auto keysRead = [&](int only) {
        for (const auto& [slot, e] : agg.projections)
            for (int used : e->slotsUsed())
                if (used != only)
                    return false;
        return true;
    };
    if (keysRead(expand.fromSlot)) {
        // Grouped by the scanned end already: count its relationships in place of expanding.
        auto count = std::make_shared<LogicalOperator>(expand);
        count->kind = LogicalKind::DegreeCount;
        count->toSlot = -1;
        return count;
    }
    if (!keysRead(expand.toSlot))
        return nullptr;
    // Grouped by the far end: scan it and count towards the scanned end's label.
    auto byB = std::make_shared<LogicalOperator>();
    byB->kind = LogicalKind::LabelScan;
    byB->slot = expand.toSlot;
    byB->labels = expand.labels;
    byB->children = scan.children;
    byB->estimatedRows = stats.labelEstimate(expand.labels);
    auto count = std::make_shared<LogicalOperator>();
    count->kind = LogicalKind::DegreeCount;
    count->fromSlot = expand.toSlot;
    count->relSlot = expand.relSlot;
    count->direction = expand.direction == graph::Direction::Outgoing ? graph::Direction::Incoming
                                                                      : graph::Direction::Outgoing;
    count->types = expand.types;
    count->labels = scan.labels;
    count->estimatedRows = byB->estimatedRows;
    count->children.push_back(byB);
    return count;
}

} // namespace

LogicalPtr DegreeCountPass::rewrite(const LogicalPtr& root, const OptimizerContext& ctx) const {
    return rewriteBottomUp(root, [&](const LogicalPtr& op) -> LogicalPtr {
        if (op->kind != LogicalKind::Aggregate)
            return nullptr;
        auto input = countInstead(*op, ctx.stats);
        if (!input)
            return nullptr;
        auto agg = std::make_shared<LogicalOperator>(*op);
        agg->children[0] = input;
        agg->weightSlot = op->children[0]->relSlot;
        return agg;
    });
}

} // namespace innograph::query
