#include "engine/plan_description.h"

namespace innograph::query {

PlanNode describePlan(const LogicalOperator& op, const std::vector<std::string>& names) {
    PlanNode n;
    n.op = op.name();
    n.details = op.details(names);
    n.estimatedRows = op.estimatedRows;
    for (const auto& c : op.children)
        n.children.push_back(describePlan(*c, names));
    return n;
}

PlanNode describeProfile(PhysicalOperator& op, const std::vector<std::string>& names) {
    PlanNode n;
    n.op = op.logical().name();
    n.details = op.logical().details(names);
    n.estimatedRows = op.logical().estimatedRows;
    n.profiled = true;
    n.rows = op.rows();
    // Counters are inclusive of children; report each operator's own share.
    std::uint64_t childReads = 0, childNanos = 0;
    for (auto& c : op.children()) {
        childReads += c->inclusiveReads();
        childNanos += c->inclusiveNanos();
        n.children.push_back(describeProfile(*c, names));
    }
    n.storageReads = op.inclusiveReads() >= childReads ? op.inclusiveReads() - childReads : 0;
    auto own = op.inclusiveNanos() >= childNanos ? op.inclusiveNanos() - childNanos : 0;
    n.timeMs = static_cast<double>(own) / 1e6;
    return n;
}

} // namespace innograph::query
