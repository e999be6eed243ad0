// Projection: computes expressions into their slots.

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Projection final : public TypedOperator<logical::Projection> {
public:
    using TypedOperator::TypedOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        if (!child().next(ctx, row))
            return false;
        // Evaluate all before writing any, so `WITH a AS b, b AS a` swaps.
        values_.clear();
        for (const auto& [slot, e] : spec_.items)
            values_.push_back(evaluate(*e, row, ctx));
        for (std::size_t i = 0; i < values_.size(); ++i)
            row[static_cast<std::size_t>(spec_.items[i].first)] = std::move(values_[i]);
        return true;
    }

private:
    std::vector<Value> values_;
};

} // namespace

PhysicalPtr makeProjection(const LogicalOperator& op) {
    return std::make_unique<Projection>(op);
}

} // namespace innograph::query
