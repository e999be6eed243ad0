// Apply (CALL { … }): runs the subquery's plan (children[1]) for each input row. A returning
// subquery yields the input row once per subquery row, its columns written into returnSlots; a
// unit subquery is drained for its writes and the input row passes on once.

#include "executor/operators/per_outer_row.h"

namespace innograph::query {
namespace {

class Apply final : public PerOuterRowOperator<logical::Apply> {
public:
    using PerOuterRowOperator::PerOuterRowOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (!active_) {
                if (!nextOuterRow(ctx))
                    return false;
                if (spec_.unit) {
                    while (child(1).next(ctx, inner_)) {
                    }
                    row = input_;
                    return true;
                }
                active_ = true;
            }
            if (child(1).next(ctx, inner_)) {
                row = input_;
                for (std::size_t i = 0; i < spec_.returnSlots.size() && i < inner_.size(); ++i)
                    row[static_cast<std::size_t>(spec_.returnSlots[i])] = std::move(inner_[i]);
                return true;
            }
            active_ = false;
        }
    }

private:
    Row inner_;
};

} // namespace

PhysicalPtr makeApply(const LogicalOperator& op) {
    return std::make_unique<Apply>(op);
}

} // namespace innograph::query
