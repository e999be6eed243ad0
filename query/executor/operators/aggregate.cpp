// Aggregation with implicit grouping: reads all input, groups by the grouping items, computes
// count/sum/avg/min/max/collect/percentileCont/percentileDisc/stDev/stDevP (each optionally
// DISTINCT). Without grouping keys an empty input
// still yields one row (count 0, sum 0, collect [], others null).

#include "common/value_ops.h"
#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_set>

namespace innograph::query {
namespace {

// What only collect, the percentiles, the standard deviations and DISTINCT keep: allocated
// for the groups of those aggregates only, so a count's state stays a few words.
struct AggExtra {
    List collected;
    std::vector<double> numbers; // percentiles, standard deviations
    double percentile = 0;
    std::unordered_set<Value, ValueHash, ValueEquivalent> seen;
};

struct AggState {
    std::int64_t count = 0;
    Value sum = Value(std::int64_t{0});
    double avgSum = 0;
    Value best; // min/max
    std::unique_ptr<AggExtra> extra;
    AggExtra& more() {
        if (!extra)
            extra = std::make_unique<AggExtra>();
        return *extra;
    }
};

class Aggregate final : public TypedOperator<logical::Aggregate> {
public:
    using TypedOperator::TypedOperator;

protected:
    // consume() reads its input row (evaluate() restores what a comprehension binds in it).
    bool keepsChildRows(std::size_t) const override { return true; }

    void reset(ExecContext&) override {
        representatives_.clear();
        hashes_.clear();
        states_.clear();
        table_.clear();
        done_ = false;
        pos_ = 0;
    }

    bool produce(ExecContext& ctx, Row& row) override {
        if (!done_) {
            consume(ctx);
            done_ = true;
        }
        if (pos_ >= representatives_.size())
            return false;
        const std::size_t n = spec_.aggregates.size();
        row = std::move(representatives_[pos_]);
        for (std::size_t i = 0; i < n; ++i)
            row[static_cast<std::size_t>(spec_.aggregates[i].slot)] =
                finish(spec_.aggregates[i], states_[pos_ * n + i]);
        ++pos_;
        return true;
    }

private:
    // Groups are numbered in the order their first rows arrive. Group g's first row is
    // representatives_[g] (with the keys in their slots: what the items may still read), its
    // states states_[g * aggregates ...]. table_ finds a group by its keys: open addressing over
    // group numbers + 1 (0: empty), compared by the stored hash, then the keys in the first row.
    void consume(ExecContext& ctx) {
        const std::size_t n = spec_.aggregates.size();
        Row in;
        std::vector<Value> key;
        key.reserve(spec_.groupingKeys.size());
        while (child().next(ctx, in)) {
            key.clear();
            for (const auto& [slot, e] : spec_.groupingKeys)
                key.push_back(evaluate(*e, in, ctx));
            const std::size_t g = findOrAdd(ctx, in, key);
            for (std::size_t i = 0; i < n; ++i)
                update(spec_.aggregates[i], states_[g * n + i], in, ctx);
        }
        if (representatives_.empty() && spec_.groupingKeys.empty()) {
            representatives_.emplace_back(rowWidth_);
            states_.resize(n);
        }
    }

    std::size_t findOrAdd(ExecContext& ctx, const Row& in, std::vector<Value>& key) {
        const std::size_t h = RowHash{}(key);
        if ((representatives_.size() + 1) * 2 > table_.size())
            grow();
        const std::size_t mask = table_.size() - 1;
        for (std::size_t i = spread(h) & mask;; i = (i + 1) & mask) {
            const std::size_t t = table_[i];
            if (t == 0) {
                const std::size_t g = representatives_.size();
                table_[i] = g + 1;
                Row& first = representatives_.emplace_back(in);
                for (std::size_t k = 0; k < key.size(); ++k)
                    first[static_cast<std::size_t>(spec_.groupingKeys[k].first)] =
                        std::move(key[k]);
                hashes_.push_back(h);
                states_.resize(states_.size() + spec_.aggregates.size());
                ctx.chargeMemory(ExecContext::approximateBytes(first) +
                                 sizeof(AggState) * spec_.aggregates.size() + 2 * sizeof(h));
                return g;
            }
            if (hashes_[t - 1] == h && sameKey(representatives_[t - 1], key))
                return t - 1;
        }
    }

    bool sameKey(const Row& first, const std::vector<Value>& key) const {
        for (std::size_t k = 0; k < key.size(); ++k)
            if (!equivalent(first[static_cast<std::size_t>(spec_.groupingKeys[k].first)], key[k]))
                return false;
        return true;
    }

    // RowHash combines value hashes by multiplying; mix before taking the low bits.
    static std::size_t spread(std::size_t h) { return (h * 0x9e3779b97f4a7c15ULL) >> 17; }

    void grow() {
        table_.assign(std::max<std::size_t>(16, table_.size() * 2), 0);
        const std::size_t mask = table_.size() - 1;
        for (std::size_t g = 0; g < hashes_.size(); ++g) {
            std::size_t i = spread(hashes_[g]) & mask;
            while (table_[i] != 0)
                i = (i + 1) & mask;
            table_[i] = g + 1;
        }
    }

    void update(const BoundAggregate& a, AggState& s, Row& row, ExecContext& ctx) {
        if (!a.argument) { // count(*)
            s.count +=
                spec_.weightSlot < 0 ? 1 : row[static_cast<std::size_t>(spec_.weightSlot)].asInt();
            return;
        }
        Value v = evaluate(*a.argument, row, ctx);
        if (v.isNull())
            return;
        if (a.distinct) {
            if (!s.more().seen.insert(v).second)
                return;
            ctx.chargeMemory(ExecContext::approximateBytes(v));
        }
        ++s.count;
        switch (a.function) {
        case FunctionId::Sum:
        case FunctionId::Avg:
            if (!v.isNumber())
                throw QueryError(ErrorCode::TypeError,
                                 a.text + " expects numbers, not " + v.typeName());
            if (a.function == FunctionId::Sum)
                s.sum = add(s.sum, v, {});
            else
                s.avgSum += v.asNumber();
            break;
        case FunctionId::Min:
            if (s.best.isNull() || orderCompare(v, s.best) < 0)
                s.best = v;
            break;
        case FunctionId::Max:
            if (s.best.isNull() || orderCompare(v, s.best) > 0)
                s.best = v;
            break;
        case FunctionId::Collect:
            ctx.chargeMemory(ExecContext::approximateBytes(v));
            s.more().collected.push_back(std::move(v));
            break;
        case FunctionId::PercentileCont:
        case FunctionId::PercentileDisc:
            if (s.more().numbers.empty())
                s.extra->percentile = percentileArgument(a, row, ctx);
            [[fallthrough]];
        case FunctionId::StDev:
        case FunctionId::StDevP:
            if (!v.isNumber())
                throw QueryError(ErrorCode::TypeError,
                                 a.text + " expects numbers, not " + v.typeName(), a.argument->pos,
                                 "InvalidArgumentType");
            s.more().numbers.push_back(v.asNumber());
            if (a.function == FunctionId::PercentileDisc) // returns one of the values, typed
                s.extra->collected.push_back(std::move(v));
            break;
        default:
            break;
        }
    }

    static Value finish(const BoundAggregate& a, AggState& s) {
        switch (a.function) {
        case FunctionId::Count:
            return Value(s.count);
        case FunctionId::Sum:
            return s.sum;
        case FunctionId::Avg:
            return s.count ? Value(s.avgSum / static_cast<double>(s.count)) : Value();
        case FunctionId::Min:
        case FunctionId::Max:
            return s.best;
        case FunctionId::Collect:
            return Value(std::move(s.more().collected));
        case FunctionId::PercentileCont:
        case FunctionId::PercentileDisc:
            return percentile(a.function, s.more());
        case FunctionId::StDev:
        case FunctionId::StDevP:
            return standardDeviation(a.function == FunctionId::StDevP, s.more().numbers);
        default:
            return Value();
        }
    }

    static double percentileArgument(const BoundAggregate& a, Row& row, ExecContext& ctx) {
        Value p = evaluate(*a.percentile, row, ctx);
        if (!p.isNumber())
            throw QueryError(ErrorCode::TypeError,
                             a.text +
                                 " expects a number between 0.0 and 1.0 as its percentile, not " +
                                 p.typeName(),
                             a.percentile->pos, "InvalidArgumentType");
        double d = p.asNumber();
        if (!(d >= 0.0 && d <= 1.0))
            throw QueryError(ErrorCode::ArgumentError,
                             a.text + ": the percentile must lie between 0.0 and 1.0, not " +
                                 std::to_string(d),
                             a.percentile->pos, "NumberOutOfRange");
        return d;
    }

    // Neo4j's definitions: percentileDisc picks the value at or above the rank, percentileCont
    // interpolates linearly between the two values around it.
    static Value percentile(FunctionId f, AggExtra& s) {
        auto& xs = s.numbers;
        if (xs.empty())
            return Value();
        const double p = s.percentile;
        const auto n = xs.size();
        if (f == FunctionId::PercentileDisc) {
            auto& vs = s.collected;
            std::stable_sort(vs.begin(), vs.end(), [](const Value& x, const Value& y) {
                return x.asNumber() < y.asNumber();
            });
            std::size_t i = 0;
            if (p >= 1.0)
                i = n - 1;
            else if (p > 0.0)
                i = static_cast<std::size_t>(std::max(0.0, std::ceil(p * double(n)) - 1.0));
            return vs[std::min(i, n - 1)];
        }
        std::sort(xs.begin(), xs.end());
        const double rank = p * double(n - 1);
        const auto lo = static_cast<std::size_t>(std::floor(rank));
        const auto hi = static_cast<std::size_t>(std::ceil(rank));
        return Value(xs[lo] + (rank - double(lo)) * (xs[hi] - xs[lo]));
    }

    static Value standardDeviation(bool population, const std::vector<double>& xs) {
        const auto n = xs.size();
        if (n == 0 || (!population && n == 1))
            return Value(0.0);
        double mean = 0;
        for (double x : xs)
            mean += x;
        mean /= double(n);
        double sq = 0;
        for (double x : xs)
            sq += (x - mean) * (x - mean);
        return Value(std::sqrt(sq / double(population ? n : n - 1)));
    }

    std::vector<Row> representatives_;
    std::vector<std::size_t> hashes_;
    std::vector<AggState> states_;
    std::vector<std::size_t> table_;
    bool done_ = false;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeAggregate(const LogicalOperator& op) {
    return std::make_unique<Aggregate>(op);
}

} // namespace innograph::query
