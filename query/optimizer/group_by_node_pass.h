#pragma once

// `RETURN i.name AS industry, count(*)` over many rows per `i` reads i.name and hashes the
// string once per row. This pass groups by the variables the keys read (`i`, hashed as an id)
// first and counts there, then groups those per-variable rows by the original keys and adds
// their counts: the property is read once per distinct variable value, not once per row. The
// second grouping is what keeps the answer: two nodes with the same name still fall into one
// group. Both groupings meet their keys in the order the rows first bring them, so the groups
// come out in the same order, each with the same first row, as from the one grouping.
//
// Applies when every aggregate is count(*) or count(x) without DISTINCT (a sum of counts is
// exact), every key is a variable or a property of one (at least one a property), the input
// does not write (a key is then read after all rows, not as each arrives), no weightSlot is set,
// and some operator of the input besides the first one binds rows more than once per value
// (an expansion, an UNWIND, a second scan): over a single scan every row is its own node, and
// grouping twice would only cost. The planner's row estimates cannot tell (Q4's is 2 rows for
// 272,508), so the shape decides.

#include "optimizer/optimizer_pass.h"

namespace innograph::query {

class GroupByNodePass final : public OptimizerPass {
public:
    const char* name() const override { return "GroupByNode"; }
    LogicalPtr rewrite(const LogicalPtr& root, const OptimizerContext& ctx) const override;
};

} // namespace innograph::query
