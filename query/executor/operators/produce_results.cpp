// ProduceResults: the root; narrows each row to the query's columns, in order. Union: the rows
// of each part in turn, deduplicated unless UNION ALL.

#include "common/value_ops.h"
#include "executor/operators/operators.h"

#include <unordered_set>

namespace innograph::query {
namespace {

class ProduceResults final : public TypedOperator<logical::ProduceResults> {
public:
    using TypedOperator::TypedOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        if (!child().next(ctx, in_))
            return false;
        row.resize(spec_.columnSlots.size());
        for (std::size_t i = 0; i < spec_.columnSlots.size(); ++i)
            row[i] = std::move(in_[static_cast<std::size_t>(spec_.columnSlots[i])]);
        return true;
    }

private:
    Row in_;
};

class Union final : public TypedOperator<logical::Union> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override {
        part_ = 0;
        seen_.clear();
    }
    bool produce(ExecContext& ctx, Row& row) override {
        while (part_ < children_.size()) {
            if (!child(part_).next(ctx, row)) {
                ++part_;
                continue;
            }
            if (spec_.all || seen_.insert(row).second)
                return true;
        }
        return false;
    }

private:
    std::size_t part_ = 0;
    std::unordered_set<std::vector<Value>, RowHash, RowEquivalent> seen_;
};

} // namespace

PhysicalPtr makeProduceResults(const LogicalOperator& op) {
    return std::make_unique<ProduceResults>(op);
}
PhysicalPtr makeUnion(const LogicalOperator& op) {
    return std::make_unique<Union>(op);
}

} // namespace innograph::query
