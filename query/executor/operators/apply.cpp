// Apply (CALL { … }): runs the subquery's plan (children[1]) for each input row. A returning
// subquery yields the input row once per subquery row, its columns written into returnSlots; a
// unit subquery is drained for its writes and the input row passes on once.

#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Apply final : public TypedOperator<logical::Apply> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override { active_ = false; }

    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (!active_) {
                if (!child(0).next(ctx, input_))
                    return false;
                start(ctx);
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
    // Every part of a UNION starts from the input row.
    void start(ExecContext& ctx) {
        auto& sub = child(1);
        if (sub.logical().is<logical::Union>())
            for (auto& part : sub.children())
                setArgument(*part, input_);
        else
            setArgument(sub, input_);
        sub.open(ctx);
    }

    Row input_;
    Row inner_;
    bool active_ = false;
};

} // namespace

PhysicalPtr makeApply(const LogicalOperator& op) {
    return std::make_unique<Apply>(op);
}

} // namespace innograph::query
