#pragma once

// Plans of query text and walks over them, for the planner's and the optimizer's tests.

#include "binder/binder.h"
#include "parser/parser.h"
#include "planner/planner.h"

#include <string>

namespace innograph::query::testing {

// Few industries, more parks, many regions; HOSTS three per park.
inline PlannerStats sampleStats() {
    PlannerStats s;
    s.nodes = 10000;
    s.nodesPerLabel = {{"Park", 100}, {"Industry", 20}, {"Region", 5000}};
    s.relationshipsPerType = {{"HOSTS", 300}};
    s.relationships = 20000;
    return s;
}

// `q` parsed, bound against `schema` and planned with `stats`, not optimized. The schema's names
// only decide the binder's warnings, which the planner does not read.
inline LogicalPlan planText(const std::string& q, PlannerStats stats = {},
                            const SchemaInfo& schema = {}) {
    auto bound = Binder(schema).bind(parseQuery(q));
    return Planner(std::move(stats)).plan(bound);
}

// The operators of this kind in the tree under `op`.
inline int countKind(const LogicalOperator& op, LogicalKind kind) {
    int n = op.kind() == kind ? 1 : 0;
    for (const auto& c : op.children)
        n += countKind(*c, kind);
    return n;
}

// The first operator of this kind under `op` (depth first, leftmost child first), or nullptr.
inline const LogicalOperator* findKind(const LogicalOperator& op, LogicalKind kind) {
    if (op.kind() == kind)
        return &op;
    for (const auto& c : op.children)
        if (auto* found = findKind(*c, kind))
            return found;
    return nullptr;
}

} // namespace innograph::query::testing
