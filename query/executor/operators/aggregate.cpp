// Aggregation with implicit grouping: reads all input, groups by the grouping items, computes
// count/sum/avg/min/max/collect (each optionally DISTINCT). Without grouping keys an empty input
// still yields one row (count 0, sum 0, collect [], others null).

#include "common/value_ops.h"
#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

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
    std::unordered_set<Value, ValueHash, ValueEquivalent> seen;
};

struct Group {
    Row representative; // the group's first row: keeps variables the items may still read
    std::vector<AggState> states;
};

class Aggregate final : public PhysicalOperator {
public:
    using PhysicalOperator::PhysicalOperator;

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
        for (std::size_t i = 0; i < logical_.aggregates.size(); ++i)
            row[static_cast<std::size_t>(logical_.aggregates[i].slot)] =
                finish(logical_.aggregates[i], g.states[i]);
        return true;
    }

private:
    void consume(ExecContext& ctx) {
        Row in;
        std::vector<Value> key;
        while (child().next(ctx, in)) {
            key.clear();
            for (const auto& [slot, e] : logical_.projections)
                key.push_back(evaluate(*e, in, ctx));
            auto it = index_.find(key);
            std::size_t gi;
            if (it == index_.end()) {
                gi = groups_.size();
                Group g;
                g.representative = in;
                for (std::size_t i = 0; i < key.size(); ++i)
                    g.representative[static_cast<std::size_t>(logical_.projections[i].first)] =
                        key[i];
                g.states.resize(logical_.aggregates.size());
                groups_.push_back(std::move(g));
                index_.emplace(key, gi);
            } else {
                gi = it->second;
            }
            for (std::size_t i = 0; i < logical_.aggregates.size(); ++i)
                update(logical_.aggregates[i], groups_[gi].states[i], in, ctx);
        }
        if (groups_.empty() && logical_.projections.empty()) {
            Group g;
            g.representative = Row(rowWidth_);
            g.states.resize(logical_.aggregates.size());
            groups_.push_back(std::move(g));
        }
    }

    void update(const BoundAggregate& a, AggState& s, Row& row, ExecContext& ctx) {
        if (!a.argument) { // count(*)
            s.count += logical_.weightSlot < 0
                           ? 1
                           : row[static_cast<std::size_t>(logical_.weightSlot)].asInt();
            return;
        }
        Value v = evaluate(*a.argument, row, ctx);
        if (v.isNull())
            return;
        if (a.distinct && !s.seen.insert(v).second)
            return;
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
        default:
            return Value();
        }
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
