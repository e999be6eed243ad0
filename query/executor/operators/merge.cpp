// Merge: per input row, the pattern's matches (with ON MATCH applied), or else the pattern
// created (with ON CREATE applied). Runs inside the query's transaction, so a later row sees
// what an earlier row created.

#include "executor/operators/per_outer_row.h"

namespace innograph::query {
namespace {

class Merge final : public TypedOperator<logical::Merge> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override {
        pending_.clear();
        pos_ = 0;
    }

    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (pos_ < pending_.size()) {
                row = std::move(pending_[pos_++]);
                return true;
            }
            Row input;
            if (!child(0).next(ctx, input))
                return false;
            pending_.clear();
            pos_ = 0;
            openInnerPlan(child(1), input, ctx);
            Row m;
            while (child(1).next(ctx, m))
                pending_.push_back(m);
            if (!pending_.empty()) {
                for (auto& r : pending_)
                    applySetItems(spec_.onMatch, r, ctx);
            } else {
                createPattern(*spec_.pattern, input, ctx);
                applySetItems(spec_.onCreate, input, ctx);
                pending_.push_back(std::move(input));
            }
        }
    }

private:
    std::vector<Row> pending_;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeMerge(const LogicalOperator& op) {
    return std::make_unique<Merge>(op);
}

} // namespace innograph::query
