// Filter: passes rows whose predicate is true (not false, not null).

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Filter final : public PhysicalOperator {
public:
    using PhysicalOperator::PhysicalOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        while (child().next(ctx, row))
            if (passes(evaluate(*logical_.expression, row, ctx)))
                return true;
        return false;
    }
};

} // namespace

PhysicalPtr makeFilter(const LogicalOperator& op) {
    return std::make_unique<Filter>(op);
}

} // namespace innograph::query
