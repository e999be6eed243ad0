// Optional: runs the inner plan (children[1]) for each input row; when it yields nothing, passes
// the input row on with the pattern's new variables set to null.

#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Optional final : public TypedOperator<logical::Optional> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override { active_ = false; }

    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (!active_) {
                if (!child(0).next(ctx, input_))
                    return false;
                setArgument(child(1), input_);
                child(1).open(ctx);
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
    Row input_;
    bool active_ = false;
    bool matched_ = false;
};

} // namespace

PhysicalPtr makeOptional(const LogicalOperator& op) {
    return std::make_unique<Optional>(op);
}

} // namespace innograph::query
