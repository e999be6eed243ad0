// Sort, and Top (ORDER BY ... LIMIT): Top keeps at most about 2k rows in memory, pruning with
// nth_element, so a top-k over a large input stays linear and small.

#include "common/value_ops.h"
#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

#include <algorithm>

namespace innograph::query {
namespace {

struct Keyed {
    std::vector<Value> keys;
    std::uint64_t seq; // input order: ties keep it, so the sort is stable
    Row row;
};

// Sort, or TopK when the plan fused a LIMIT into it.
class Sort final : public PhysicalOperator {
public:
    explicit Sort(const LogicalOperator& op) : PhysicalOperator(op) {
        if (const auto* top = op.get<logical::TopK>()) {
            sortItems_ = &top->sortItems;
            skip_ = top->skip;
            limit_ = top->limit;
            drainInput_ = top->drainInput;
            top_ = true;
        } else {
            sortItems_ = &op.as<logical::Sort>().sortItems;
        }
    }

protected:
    void reset(ExecContext&) override {
        rows_.clear();
        done_ = false;
        pos_ = 0;
    }

    bool produce(ExecContext& ctx, Row& row) override {
        if (!done_) {
            fill(ctx);
            done_ = true;
        }
        if (pos_ >= rows_.size())
            return false;
        row = std::move(rows_[pos_++].row);
        return true;
    }

private:
    bool less(const std::vector<Value>& aKeys, std::uint64_t aSeq, const std::vector<Value>& bKeys,
              std::uint64_t bSeq) const {
        for (std::size_t i = 0; i < aKeys.size(); ++i) {
            int c = orderCompare(aKeys[i], bKeys[i]);
            if (c != 0)
                return (*sortItems_)[i].descending ? c > 0 : c < 0;
        }
        return aSeq < bSeq;
    }
    bool less(const Keyed& a, const Keyed& b) const { return less(a.keys, a.seq, b.keys, b.seq); }

    void fill(ExecContext& ctx) {
        const bool top = top_;
        std::int64_t skip = top && skip_ ? evaluateCount(*skip_, ctx, "SKIP") : 0;
        std::int64_t limit = top ? evaluateCount(*limit_, ctx, "LIMIT") : 0;
        auto k = static_cast<std::size_t>(skip + limit);
        auto cmp = [this](const Keyed& a, const Keyed& b) { return less(a, b); };
        if (top && k == 0) {
            if (drainInput_) // writes upstream happen even for LIMIT 0
                for (Row in; child().next(ctx, in);) {
                }
            return;
        }
        Row in;
        std::vector<Value> keys;
        std::uint64_t seq = 0;
        // A top-k, once it has pruned, knows the worst row it kept: a row not better than that
        // one cannot be among the best k, so it is neither copied nor kept.
        Keyed worst;
        bool haveWorst = false;
        while (child().next(ctx, in)) {
            keys.clear();
            for (const auto& s : (*sortItems_))
                keys.push_back(evaluate(*s.expression, in, ctx));
            if (haveWorst && !less(keys, seq, worst.keys, worst.seq)) {
                ++seq;
                continue;
            }
            Keyed kr;
            kr.keys = keys;
            kr.seq = seq++;
            kr.row = in;
            if (!top) // a top-k keeps at most 2k + 64 rows
                ctx.chargeMemory(ExecContext::approximateBytes(kr.row) +
                                 ExecContext::approximateBytes(kr.keys));
            rows_.push_back(std::move(kr));
            if (top && rows_.size() >= 2 * k + 64) {
                std::nth_element(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(k),
                                 rows_.end(), cmp);
                rows_.resize(k);
                const auto& w = *std::max_element(rows_.begin(), rows_.end(), cmp);
                worst.keys = w.keys;
                worst.seq = w.seq;
                haveWorst = true;
            }
        }
        std::sort(rows_.begin(), rows_.end(), cmp);
        if (top) {
            if (rows_.size() > k)
                rows_.resize(k);
            pos_ = std::min(rows_.size(), static_cast<std::size_t>(skip));
        }
    }

    const std::vector<BoundSortItem>* sortItems_ = nullptr;
    BoundExpressionPtr skip_;
    BoundExpressionPtr limit_;
    bool drainInput_ = false;
    bool top_ = false;
    std::vector<Keyed> rows_;
    bool done_ = false;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeSort(const LogicalOperator& op) {
    return std::make_unique<Sort>(op);
}

} // namespace innograph::query
