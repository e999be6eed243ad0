#include "optimizer/degree_count_pass.h"

#include "optimizer/rewrite.h"

namespace innograph::query {

namespace {

// The replacement of `agg`'s input, or nullptr when the shape does not fit.
LogicalPtr countInstead(const LogicalOperator& agg, const PlannerStats& stats) {
    const auto& aggregate = agg.as<logical::Aggregate>();
    if (agg.children.size() != 1 || aggregate.aggregates.empty() || aggregate.weightSlot >= 0)
        return nullptr;
    for (const auto& a : aggregate.aggregates)
        if (a.function != FunctionId::Count || a.distinct || a.argument)
            return nullptr;
    const auto& expandOp = *agg.children[0];
    const auto* expandSpec = expandOp.get<logical::Expand>();
    const logical::ExpandStep* expand = expandSpec ? &expandSpec->step : nullptr;
    if (!expand || expand->into || expand->types.empty() || expand->toLabels.empty() ||
        expand->direction == graph::Direction::Both || !expand->distinctFromRels.empty() ||
        expandOp.children.size() != 1)
        return nullptr;
    const auto& scanOp = *expandOp.children[0];
    const auto* scan = scanOp.get<logical::LabelScan>();
    if (!scan || scan->slot != expand->fromSlot || scan->labels.empty() ||
        scanOp.children.size() != 1 || !scanOp.children[0]->is<logical::Argument>())
        return nullptr;
    auto keysRead = [&](int only) {
        for (const auto& [slot, e] : aggregate.groupingKeys)
            for (int used : e->slotsUsed())
                if (used != only)
                    return false;
        return true;
    };
    if (keysRead(expand->fromSlot)) {
        // Grouped by the scanned end already: count its relationships in place of expanding.
        return makeLogical(logical::DegreeCount{expand->fromSlot, expand->relSlot,
                                                expand->direction, expand->types, expand->toLabels},
                           expandOp.children, expandOp.estimatedRows);
    }
    if (!keysRead(expand->toSlot))
        return nullptr;
    // Grouped by the far end: scan it and count towards the scanned end's labels.
    const double rows = stats.labelEstimate(expand->toLabels);
    auto byFarEnd =
        makeLogical(logical::LabelScan{expand->toSlot, expand->toLabels}, scanOp.children, rows);
    const auto reversed = expand->direction == graph::Direction::Outgoing
                              ? graph::Direction::Incoming
                              : graph::Direction::Outgoing;
    return makeLogical(logical::DegreeCount{expand->toSlot, expand->relSlot, reversed,
                                            expand->types, scan->labels},
                       {byFarEnd}, rows);
}

} // namespace

LogicalPtr DegreeCountPass::rewrite(const LogicalPtr& root, const OptimizerContext& ctx) const {
    return rewriteBottomUp(root, [&](const LogicalPtr& op) -> LogicalPtr {
        if (!op->is<logical::Aggregate>())
            return nullptr;
        auto input = countInstead(*op, ctx.stats);
        if (!input)
            return nullptr;
        auto aggregate = op->as<logical::Aggregate>();
        aggregate.weightSlot = input->as<logical::DegreeCount>().countSlot;
        return makeLogical(std::move(aggregate), {input}, op->estimatedRows);
    });
}

} // namespace innograph::query
