// Unwind: one row per element of a list (none for null or an empty list; a non-list is a list
// of one).

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Unwind final : public TypedOperator<logical::Unwind> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override {
        items_.clear();
        pos_ = 0;
    }
    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (pos_ < items_.size()) {
                row = input_;
                row[static_cast<std::size_t>(spec_.slot)] = items_[pos_++];
                return true;
            }
            if (!child().next(ctx, input_))
                return false;
            Value v = evaluate(*spec_.list, input_, ctx);
            items_.clear();
            pos_ = 0;
            if (v.isList())
                items_ = std::move(v.asList());
            else if (!v.isNull())
                items_.push_back(std::move(v));
        }
    }

private:
    Row input_;
    List items_;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeUnwind(const LogicalOperator& op) {
    return std::make_unique<Unwind>(op);
}

} // namespace innograph::query
