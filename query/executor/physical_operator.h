#pragma once

// Stage 4: pull-based physical operators. next() fills `row` with the next output row and
// returns false at the end. open() (re)starts an operator and its children, so an inner plan can
// run once per outer row. Operators count their rows, and under PROFILE their time and storage
// reads (inclusive of children; the plan description subtracts).

#include "executor/exec_context.h"
#include "planner/logical_operator.h"

#include <chrono>
#include <memory>
#include <vector>

namespace innograph::query {

class PhysicalOperator {
public:
    explicit PhysicalOperator(const LogicalOperator& logical) : logical_(logical) {}
    virtual ~PhysicalOperator() = default;

    void open(ExecContext& ctx) {
        for (std::size_t i = 0; i < children_.size(); ++i) {
            children_[i]->rowKept_ = keepsChildRows(i);
            children_[i]->open(ctx);
        }
        reset(ctx);
    }

    bool next(ExecContext& ctx, Row& row) {
        ctx.checkGuards();
        if (!ctx.profiling) {
            bool ok = produce(ctx, row);
            rows_ += ok ? 1 : 0;
            return ok;
        }
        auto t0 = std::chrono::steady_clock::now();
        auto reads0 = ctx.storageReads;
        bool ok = produce(ctx, row);
        nanos_ += static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                 std::chrono::steady_clock::now() - t0)
                                                 .count());
        reads_ += ctx.storageReads - reads0;
        rows_ += ok ? 1 : 0;
        return ok;
    }

    const LogicalOperator& logical() const { return logical_; }
    // Slots in every row of the plan; set by buildPhysical().
    void setRowWidth(int width) { rowWidth_ = static_cast<std::size_t>(width); }
    std::vector<std::unique_ptr<PhysicalOperator>>& children() { return children_; }
    std::uint64_t rows() const { return rows_; }
    std::uint64_t inclusiveReads() const { return reads_; }
    std::uint64_t inclusiveNanos() const { return nanos_; }

protected:
    virtual void reset(ExecContext& ctx) {}
    virtual bool produce(ExecContext& ctx, Row& row) = 0;
    // True when this operator passes child i the same Row object on every next() and neither
    // writes it nor moves from it between calls (it only reads it, or hands it up to a parent
    // that promises the same). The child may then leave in it what it wrote last time and
    // write only what changed (Expand: the relationship and its other end).
    virtual bool keepsChildRows(std::size_t) const { return false; }
    // What this operator's parent promised; set by the parent's open() before this one opens.
    bool rowKept() const { return rowKept_; }

public:
    // After next() returned true under a parent that keeps rows: the slots in which the row
    // differs from what the previous call left in the same Row object, or null when that is not
    // known (any slot may differ).
    virtual const std::vector<int>* changedSlots() const { return nullptr; }

protected:
    PhysicalOperator& child(std::size_t i = 0) { return *children_[i]; }

    const LogicalOperator& logical_;
    std::vector<std::unique_ptr<PhysicalOperator>> children_;
    std::size_t rowWidth_ = 0;

private:
    bool rowKept_ = false;
    std::uint64_t rows_ = 0;
    std::uint64_t reads_ = 0;
    std::uint64_t nanos_ = 0;
};

// A physical operator for one kind of logical operator; `spec_` is that kind's payload (what the
// plan says this operator does), valid as long as the plan.
template <class Spec> class TypedOperator : public PhysicalOperator {
public:
    explicit TypedOperator(const LogicalOperator& logical)
        : PhysicalOperator(logical), spec_(logical.as<Spec>()) {}

protected:
    const Spec& spec_;
};

// Builds the physical tree for a logical plan. `slotCount` sizes every row.
std::unique_ptr<PhysicalOperator> buildPhysical(const LogicalOperator& logical, int slotCount);

// Sets the row an Argument leaf yields (the outer row of an OPTIONAL MATCH or MERGE).
void setArgument(PhysicalOperator& plan, const Row& row);

} // namespace innograph::query
