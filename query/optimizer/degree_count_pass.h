#pragma once

// `MATCH (a:La)-[r:T]->(b:Lb) RETURN <keys over one end>, count(*)` makes one row per
// relationship only to count them per group. This pass scans the grouping end instead and
// counts each node's matching relationships (other end labelled as the pattern says) in one
// DegreeCount; the Aggregate then adds those counts (its weightSlot) instead of 1 per row. Same
// groups, same counts, without the rows. Applies only to exactly this shape: count(*) alone
// (no DISTINCT, no argument), one directed, typed Expand with labels on both ends, straight over
// a LabelScan of a fresh Argument, keys that read only one end.

#include "optimizer/optimizer_pass.h"

namespace innograph::query {

class DegreeCountPass final : public OptimizerPass {
public:
    const char* name() const override { return "DegreeCount"; }
    LogicalPtr rewrite(const LogicalPtr& root, const OptimizerContext& ctx) const override;
};

} // namespace innograph::query
