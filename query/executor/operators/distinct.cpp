// Distinct: drops rows equivalent to an earlier one on the projected slots.

#include "common/value_ops.h"
#include "executor/operators/operators.h"

#include <unordered_set>

namespace innograph::query {
namespace {

class Distinct final : public TypedOperator<logical::Distinct> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override { seen_.clear(); }
    bool produce(ExecContext& ctx, Row& row) override {
        while (child().next(ctx, row)) {
            std::vector<Value> key;
            key.reserve(spec_.keySlots.size());
            for (int s : spec_.keySlots)
                key.push_back(row[static_cast<std::size_t>(s)]);
            auto bytes = ExecContext::approximateBytes(key);
            if (seen_.insert(std::move(key)).second) {
                ctx.chargeMemory(bytes);
                return true;
            }
        }
        return false;
    }

private:
    std::unordered_set<std::vector<Value>, RowHash, RowEquivalent> seen_;
};

} // namespace

PhysicalPtr makeDistinct(const LogicalOperator& op) {
    return std::make_unique<Distinct>(op);
}

} // namespace innograph::query
