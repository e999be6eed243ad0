// ProduceResults: the root; narrows each row to the query's columns, in order. Union: the rows
// of each part in turn, deduplicated unless UNION ALL.

#include "common/value_ops.h"
#include "executor/operators/operators.h"

#include <unordered_set>

namespace innograph::query {
namespace {

class ProduceResults final : public PhysicalOperator {
public:
    using PhysicalOperator::PhysicalOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        if (!child().next(ctx, in_))
            return false;
        row.resize(logical_.slots.size());
        for (std::size_t i = 0; i < logical_.slots.size(); ++i)
            row[i] = std::move(in_[static_cast<std::size_t>(logical_.slots[i])]);
        return true;
    }

private:
    Row in_;
};

class Union final : public PhysicalOperator {
public:
    using PhysicalOperator::PhysicalOperator;

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
            if (logical_.all || seen_.insert(row).second)
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
