// Filter: passes rows whose predicate is true (not false, not null).

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Filter final : public TypedOperator<logical::Filter> {
public:
    using TypedOperator::TypedOperator;

protected:
    // Rows pass through unchanged: the child's row is this operator's parent's.
    bool keepsChildRows(std::size_t) const override { return rowKept(); }

    bool produce(ExecContext& ctx, Row& row) override {
        while (child().next(ctx, row))
            if (passes(evaluate(*spec_.predicate, row, ctx)))
                return true;
        return false;
    }
};

} // namespace

PhysicalPtr makeFilter(const LogicalOperator& op) {
    return std::make_unique<Filter>(op);
}

} // namespace innograph::query
