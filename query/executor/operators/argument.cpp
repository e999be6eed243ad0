// Argument: the leaf of every pipeline; yields its row once per open().

#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

class Argument final : public PhysicalOperator {
public:
    Argument(const LogicalOperator& op, int slotCount)
        : PhysicalOperator(op), row_(static_cast<std::size_t>(slotCount)) {}
    void set(const Row& row) { row_ = row; }

protected:
    void reset(ExecContext&) override { done_ = false; }
    bool produce(ExecContext&, Row& row) override {
        if (done_)
            return false;
        done_ = true;
        row = row_;
        return true;
    }

private:
    Row row_;
    bool done_ = false;
};

} // namespace

PhysicalPtr makeArgument(const LogicalOperator& op, int slotCount) {
    return std::make_unique<Argument>(op, slotCount);
}
void setArgumentRow(PhysicalOperator& argument, const Row& row) {
    static_cast<Argument&>(argument).set(row);
}
bool isArgument(const PhysicalOperator& op) {
    return op.logical().is<logical::Argument>();
}

} // namespace innograph::query
