// Optional: runs the inner plan (children[1]) for each input row; when it yields nothing, passes
// the input row on with the pattern's new variables set to null.

#include "executor/operators/per_outer_row.h"

namespace innograph::query {
namespace {

class Optional final : public PerOuterRowOperator<logical::Optional> {
public:
    using PerOuterRowOperator::PerOuterRowOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (!active_) {
                if (!nextOuterRow(ctx))
                    return false;
                active_ = true;
                matched_ = false;
            }
            if (child(1).next(ctx, row)) {
                matched_ = true;
                return true;
            }
            active_ = false;
            if (!matched_) {
                row = input_;
                for (int s : spec_.nullableSlots)
                    row[static_cast<std::size_t>(s)] = Value();
                return true;
            }
        }
    }

private:
    bool matched_ = false;
};

} // namespace

PhysicalPtr makeOptional(const LogicalOperator& op) {
    return std::make_unique<Optional>(op);
}

} // namespace innograph::query
