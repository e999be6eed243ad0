#include "executor/operators/per_outer_row.h"

namespace innograph::query {

void openInnerPlan(PhysicalOperator& inner, const Row& outer, ExecContext& ctx) {
    // Every part of a UNION starts from the outer row.
    if (inner.logical().is<logical::Union>())
        for (auto& part : inner.children())
            setArgument(*part, outer);
    else
        setArgument(inner, outer);
    inner.open(ctx);
}

} // namespace innograph::query
