#include "executor/operators/operators.h"

namespace innograph::query {

std::unique_ptr<PhysicalOperator> buildPhysical(const LogicalOperator& op, int slotCount) {
    PhysicalPtr p;
    switch (op.kind()) {
    case LogicalKind::Argument:
        p = makeArgument(op, slotCount);
        break;
    case LogicalKind::AllNodesScan:
    case LogicalKind::LabelScan:
    case LogicalKind::NodeByName:
    case LogicalKind::NodeById:
        p = makeNodeScan(op);
        break;
    case LogicalKind::Expand:
        p = makeExpand(op);
        break;
    case LogicalKind::DegreeCount:
        p = makeDegreeCount(op);
        break;
    case LogicalKind::VarExpand:
        p = makeVarExpand(op);
        break;
    case LogicalKind::ShortestPath:
        p = makeShortestPath(op);
        break;
    case LogicalKind::Filter:
        p = makeFilter(op);
        break;
    case LogicalKind::Projection:
        p = makeProjection(op);
        break;
    case LogicalKind::Optional:
        p = makeOptional(op);
        break;
    case LogicalKind::Aggregate:
        p = makeAggregate(op);
        break;
    case LogicalKind::Distinct:
        p = makeDistinct(op);
        break;
    case LogicalKind::Sort:
    case LogicalKind::TopK:
        p = makeSort(op);
        break;
    case LogicalKind::Skip:
    case LogicalKind::Limit:
        p = makeSkipLimit(op);
        break;
    case LogicalKind::Unwind:
        p = makeUnwind(op);
        break;
    case LogicalKind::Eager:
        p = makeEager(op);
        break;
    case LogicalKind::Create:
        p = makeCreate(op);
        break;
    case LogicalKind::Merge:
        p = makeMerge(op);
        break;
    case LogicalKind::SetItems:
        p = makeSetItems(op);
        break;
    case LogicalKind::Remove:
        p = makeRemove(op);
        break;
    case LogicalKind::Delete:
        p = makeDelete(op);
        break;
    case LogicalKind::ProduceResults:
        p = makeProduceResults(op);
        break;
    case LogicalKind::Union:
        p = makeUnion(op);
        break;
    case LogicalKind::Apply:
        p = makeApply(op);
        break;
    }
    p->setRowWidth(slotCount);
    for (const auto& c : op.children)
        p->children().push_back(buildPhysical(*c, slotCount));
    return p;
}

void setArgument(PhysicalOperator& plan, const Row& row) {
    if (isArgument(plan)) {
        setArgumentRow(plan, row);
        return;
    }
    // The Argument of an inner plan is its leftmost leaf.
    if (!plan.children().empty())
        setArgument(*plan.children().front(), row);
}

} // namespace innograph::query
