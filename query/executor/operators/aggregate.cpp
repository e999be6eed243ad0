// Aggregation with implicit grouping: reads all input, groups by the grouping items, computes
// count/sum/avg/min/max/collect/percentileCont/percentileDisc/stDev/stDevP (each optionally
// DISTINCT). Without grouping keys an empty input
// still yields one row (count 0, sum 0, collect [], others null).

#include "common/value_ops.h"
#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace innograph::query {
namespace {

struct AggState {
    std::int64_t count = 0;
    Value sum = Value(std::int64_t{0});
    double avgSum = 0;
    Value best; // min/max
    List collected;
    std::vector<double> numbers; // percentiles, standard deviations
    double percentile = 0;
    std::unordered_set<Value, ValueHash, ValueEquivalent> seen;
};

struct Group {
    Row representative; // the group's first row: keeps variables the items may still read
    std::vector<AggState> states;
};

class Aggregate final : public TypedOperator<logical::Aggregate> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override {
        groups_.clear();
        index_.clear();
        done_ = false;
        pos_ = 0;
    }

    bool produce(ExecContext& ctx, Row& row) override {
        if (!done_) {
            consume(ctx);
            done_ = true;
        }
        if (pos_ >= groups_.size())
            return false;
        auto& g = groups_[pos_++];
        row = std::move(g.representative);
        for (std::size_t i = 0; i < spec_.aggregates.size(); ++i)
            row[static_cast<std::size_t>(spec_.aggregates[i].slot)] =
                finish(spec_.aggregates[i], g.states[i]);
        return true;
    }

private:
    void consume(ExecContext& ctx) {
        Row in;
        std::vector<Value> key;
        while (child().next(ctx, in)) {
            key.clear();
            for (const auto& [slot, e] : spec_.groupingKeys)
                key.push_back(evaluate(*e, in, ctx));
            auto it = index_.find(key);
            std::size_t gi;
            if (it == index_.end()) {
                gi = groups_.size();
                Group g;
                g.representative = in;
                for (std::size_t i = 0; i < key.size(); ++i)
                    g.representative[static_cast<std::size_t>(spec_.groupingKeys[i].first)] =
                        key[i];
                g.states.resize(spec_.aggregates.size());
                ctx.chargeMemory(ExecContext::approximateBytes(g.representative) +
                                 ExecContext::approximateBytes(key));
                groups_.push_back(std::move(g));
                index_.emplace(key, gi);
            } else {
                gi = it->second;
            }
            for (std::size_t i = 0; i < spec_.aggregates.size(); ++i)
                update(spec_.aggregates[i], groups_[gi].states[i], in, ctx);
        }
        if (groups_.empty() && spec_.groupingKeys.empty()) {
            Group g;
            g.representative = Row(rowWidth_);
            g.states.resize(spec_.aggregates.size());
            groups_.push_back(std::move(g));
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
            if (!s.seen.insert(v).second)
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
            s.collected.push_back(std::move(v));
            break;
        case FunctionId::PercentileCont:
        case FunctionId::PercentileDisc:
            if (s.numbers.empty())
                s.percentile = percentileArgument(a, row, ctx);
            [[fallthrough]];
        case FunctionId::StDev:
        case FunctionId::StDevP:
            if (!v.isNumber())
                throw QueryError(ErrorCode::TypeError,
                                 a.text + " expects numbers, not " + v.typeName(), a.argument->pos,
                                 "InvalidArgumentType");
            s.numbers.push_back(v.asNumber());
            if (a.function == FunctionId::PercentileDisc) // returns one of the values, typed
                s.collected.push_back(std::move(v));
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
            return Value(std::move(s.collected));
        case FunctionId::PercentileCont:
        case FunctionId::PercentileDisc:
            return percentile(a.function, s);
        case FunctionId::StDev:
        case FunctionId::StDevP:
            return standardDeviation(a.function == FunctionId::StDevP, s.numbers);
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
    static Value percentile(FunctionId f, AggState& s) {
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

    std::vector<Group> groups_;
    std::unordered_map<std::vector<Value>, std::size_t, RowHash, RowEquivalent> index_;
    bool done_ = false;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeAggregate(const LogicalOperator& op) {
    return std::make_unique<Aggregate>(op);
}

} // namespace innograph::query
