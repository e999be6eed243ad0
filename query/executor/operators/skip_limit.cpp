// Skip and Limit. Limit stops pulling once it has enough, so upstream work stops too.

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {

std::int64_t evaluateCount(const BoundExpression& e, ExecContext& ctx, const char* clause) {
    Row empty;
    Value v = evaluate(e, empty, ctx);
    if (v.isDouble() &&
        v.asDouble() == static_cast<double>(static_cast<std::int64_t>(v.asDouble())))
        v = Value(static_cast<std::int64_t>(v.asDouble()));
    // A bad SKIP or LIMIT is a fault of the query (a SyntaxError, as the TCK classifies it), found
    // here when it comes from a parameter: at run time.
    if (!v.isInt())
        throw QueryError(ErrorCode::SyntaxError,
                         std::string(clause) + " expects a non-negative integer, got " +
                             v.typeName(),
                         e.pos, "InvalidArgumentType");
    if (v.asInt() < 0)
        throw QueryError(ErrorCode::SyntaxError,
                         std::string(clause) + " expects a non-negative integer, got " +
                             std::to_string(v.asInt()),
                         e.pos, "NegativeIntegerArgument");
    return v.asInt();
}

namespace {

class SkipLimit final : public PhysicalOperator {
public:
    explicit SkipLimit(const LogicalOperator& op) : PhysicalOperator(op) {
        if (const auto* limit = op.get<logical::Limit>()) {
            countExpression_ = limit->count.get();
            drainInput_ = limit->drainInput;
            isLimit_ = true;
        } else {
            countExpression_ = op.as<logical::Skip>().count.get();
        }
    }

protected:
    void reset(ExecContext& ctx) override {
        count_ = evaluateCount(*countExpression_, ctx, isLimit_ ? "LIMIT" : "SKIP");
        seen_ = 0;
    }

    bool produce(ExecContext& ctx, Row& row) override {
        if (isLimit_) {
            if (seen_ >= count_) {
                // Every write upstream happens even when the result is cut short.
                if (drainInput_)
                    while (child().next(ctx, row)) {
                    }
                return false;
            }
            if (!child().next(ctx, row))
                return false;
            ++seen_;
            return true;
        }
        while (seen_ < count_) {
            if (!child().next(ctx, row))
                return false;
            ++seen_;
        }
        return child().next(ctx, row);
    }

private:
    const BoundExpression* countExpression_ = nullptr;
    bool isLimit_ = false;
    bool drainInput_ = false;
    std::int64_t count_ = 0;
    std::int64_t seen_ = 0;
};

} // namespace

PhysicalPtr makeSkipLimit(const LogicalOperator& op) {
    return std::make_unique<SkipLimit>(op);
}

} // namespace innograph::query
