// Eager: reads all of its input before yielding, so that writes downstream cannot change what
// the reads upstream see.

#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Eager final : public PhysicalOperator {
public:
    using PhysicalOperator::PhysicalOperator;

protected:
    void reset(ExecContext&) override {
        rows_.clear();
        done_ = false;
        pos_ = 0;
    }
    bool produce(ExecContext& ctx, Row& row) override {
        if (!done_) {
            Row in;
            while (child().next(ctx, in)) {
                ctx.chargeMemory(ExecContext::approximateBytes(in));
                rows_.push_back(in);
            }
            done_ = true;
        }
        if (pos_ >= rows_.size())
            return false;
        row = std::move(rows_[pos_++]);
        return true;
    }

private:
    std::vector<Row> rows_;
    bool done_ = false;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeEager(const LogicalOperator& op) {
    return std::make_unique<Eager>(op);
}

} // namespace innograph::query
