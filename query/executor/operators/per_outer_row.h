#pragma once

// Operators that run an inner plan (children[1]) once per row of their outer plan (children[0]):
// Apply (CALL { … }) and Optional (OPTIONAL MATCH); Merge opens its inner plan the same way.

#include "executor/operators/operators.h"

namespace innograph::query {

// Starts `inner` from `outer`: its Argument leaf (each part's, when it is a UNION) holds the row,
// and the plan is opened.
void openInnerPlan(PhysicalOperator& inner, const Row& outer, ExecContext& ctx);

template <class Spec> class PerOuterRowOperator : public TypedOperator<Spec> {
public:
    using TypedOperator<Spec>::TypedOperator;

protected:
    void reset(ExecContext&) override { active_ = false; }

    // Reads the next outer row into input_ and opens the inner plan from it; false when the
    // outer plan has no more rows.
    bool nextOuterRow(ExecContext& ctx) {
        if (!this->child(0).next(ctx, input_))
            return false;
        openInnerPlan(this->child(1), input_, ctx);
        return true;
    }

    Row input_;
    bool active_ = false; // the inner plan is running for input_
};

} // namespace innograph::query
