#include "optimizer/group_by_node_pass.h"

#include "optimizer/rewrite.h"

#include <algorithm>

namespace innograph::query {

namespace {

bool writes(const LogicalOperator& op) {
    if (op.is<logical::Create>() || op.is<logical::Merge>() || op.is<logical::SetItems>() ||
        op.is<logical::Remove>() || op.is<logical::Delete>())
        return true;
    return std::any_of(op.children.begin(), op.children.end(),
                       [](const LogicalPtr& c) { return writes(*c); });
}

// Operators under `op` that produce rows from a row (scans, expansions, UNWIND).
int rowSources(const LogicalOperator& op) {
    int n = 0;
    if (op.is<logical::AllNodesScan>() || op.is<logical::LabelScan>() ||
        op.is<logical::NodeByName>() || op.is<logical::NodeById>() || op.is<logical::VarExpand>() ||
        op.is<logical::ShortestPath>() || op.is<logical::Unwind>())
        n = 1;
    else if (const auto* e = op.get<logical::Expand>(); e && !e->step.into)
        n = 1;
    for (const auto& c : op.children)
        n += rowSources(*c);
    return n;
}

BoundExpressionPtr slotExpression(int slot, const std::string& text) {
    auto e = std::make_shared<BoundExpression>();
    e->kind = BoundExpression::Kind::Slot;
    e->slot = slot;
    e->text = text;
    return e;
}

// The variable a key reads (the key itself, or the owner of the property it reads), or null
// when the key is something else.
const BoundExpression* keyVariable(const BoundExpression& key) {
    if (key.kind == BoundExpression::Kind::Slot)
        return &key;
    if (key.kind == BoundExpression::Kind::Property && key.children.size() == 1 &&
        key.children[0]->kind == BoundExpression::Kind::Slot)
        return key.children[0].get();
    return nullptr;
}

// The two groupings in place of `op`, or nullptr when the rewrite does not apply.
LogicalPtr groupTwice(const LogicalPtr& op) {
    const auto* aggregate = op->get<logical::Aggregate>();
    if (!aggregate || op->children.size() != 1 || aggregate->groupingKeys.empty() ||
        aggregate->aggregates.empty() || aggregate->weightSlot >= 0)
        return nullptr;
    for (const auto& a : aggregate->aggregates)
        if (a.function != FunctionId::Count || a.distinct)
            return nullptr;
    bool readsProperty = false;
    std::vector<const BoundExpression*> variables;
    for (const auto& [slot, key] : aggregate->groupingKeys) {
        const auto* v = keyVariable(*key);
        if (!v)
            return nullptr;
        readsProperty = readsProperty || v != key.get();
        if (std::none_of(variables.begin(), variables.end(),
                         [&](const BoundExpression* x) { return x->slot == v->slot; }))
            variables.push_back(v);
    }
    const auto& input = *op->children[0];
    if (!readsProperty || writes(input) || rowSources(input) < 2)
        return nullptr;

    // First by the variables, counting as asked.
    logical::Aggregate byVariable;
    for (const auto* v : variables)
        byVariable.groupingKeys.emplace_back(v->slot, slotExpression(v->slot, v->text));
    byVariable.aggregates = aggregate->aggregates;
    auto first = makeLogical(std::move(byVariable), op->children, op->estimatedRows);

    // Then by the keys, adding the counts (each in the slot the count was made in).
    logical::Aggregate byKey;
    byKey.groupingKeys = aggregate->groupingKeys;
    for (const auto& a : aggregate->aggregates) {
        BoundAggregate sum;
        sum.function = FunctionId::Sum;
        sum.argument = slotExpression(a.slot, a.text);
        sum.slot = a.slot;
        sum.text = "sum(" + a.text + ")";
        byKey.aggregates.push_back(std::move(sum));
    }
    return makeLogical(std::move(byKey), {first}, op->estimatedRows);
}

} // namespace

LogicalPtr GroupByNodePass::rewrite(const LogicalPtr& root, const OptimizerContext&) const {
    return rewriteBottomUp(root, groupTwice);
}

} // namespace innograph::query
