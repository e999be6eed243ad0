// Expand: from a bound node along its adjacency to a neighbour, reading only the adjacency
// entries (late materialisation: no relationship properties are decoded here).

#include "executor/operators/operators.h"

#include <algorithm>

namespace innograph::query {
namespace {

bool relUsed(const Row& row, const std::vector<int>& slots, graph::RelId id) {
    for (int s : slots) {
        const Value& v = row[static_cast<std::size_t>(s)];
        if (v.isRel() && v.asRel().id == id)
            return true;
        if (v.isList())
            for (const auto& r : v.asList())
                if (r.isRel() && r.asRel().id == id)
                    return true;
    }
    return false;
}

class Expand final : public TypedOperator<logical::Expand> {
public:
    using TypedOperator::TypedOperator;

protected:
    // input_ is only read (each output copies it).
    bool keepsChildRows(std::size_t) const override { return true; }

    const std::vector<int>* changedSlots() const override { return partial_ ? &changed_ : nullptr; }

    void reset(ExecContext& ctx) override {
        haveInput_ = false;
        lastRow_ = nullptr;
        partial_ = false;
        inputDelta_.clear();
        inputDeltaKnown_ = false;
        cursor_.reset();
        typesKnown_ = ctx.typeIds(step_.types, typeIds_);
        labelsKnown_ = ctx.resolveLabels(step_.toLabels, labelIds_);
    }

    bool produce(ExecContext& ctx, Row& row) override {
        const auto from = static_cast<std::size_t>(step_.fromSlot);
        const auto to = static_cast<std::size_t>(step_.toSlot);
        for (;;) {
            if (!haveInput_) {
                if (!child().next(ctx, input_))
                    return false;
                noteInputChange();
                // A type or label created earlier in this very query exists only now.
                if ((!typesKnown_ || !labelsKnown_) && ctx.tx()) {
                    typesKnown_ = ctx.typeIds(step_.types, typeIds_);
                    labelsKnown_ = ctx.resolveLabels(step_.toLabels, labelIds_);
                }
                const Value& f = input_[from];
                if (!f.isNode() || !typesKnown_)
                    continue; // null from OPTIONAL MATCH: no match
                if (step_.into && !input_[to].isNode())
                    continue;
                if (!step_.into && !labelsKnown_)
                    continue; // no node carries every label asked for
                cursor_ = ctx.edges(f.asNode().id, step_.direction, typeIds_);
                haveInput_ = true;
                loops_.clear();
            }
            graph::Edge e;
            if (!cursor_->next(&e)) {
                ExecContext::check(cursor_->status());
                haveInput_ = false;
                continue;
            }
            ctx.checkGuards();
            // Undirected: a self-loop is listed outgoing and incoming but is one match.
            if (step_.direction == graph::Direction::Both && e.start == e.end &&
                e.other == input_[from].asNode().id && seenLoop(e.id))
                continue;
            if (step_.into) {
                if (e.other != input_[to].asNode().id)
                    continue;
            } else if (!labelIds_.empty() && !ctx.nodeHasLabelIds(e.other, labelIds_)) {
                continue;
            }
            if (!step_.distinctFromRels.empty() && relUsed(input_, step_.distinctFromRels, e.id))
                continue;
            // The row this operator filled last, kept as it was by the parent: only the
            // relationship, its other end and what changed in the input since need writing.
            partial_ = &row == lastRow_ && row.size() == input_.size() && inputDeltaKnown_;
            if (partial_) {
                changed_ = inputDelta_;
                for (int s : inputDelta_)
                    row[static_cast<std::size_t>(s)] = input_[static_cast<std::size_t>(s)];
                addChanged(changed_, step_.relSlot);
                if (!step_.into)
                    addChanged(changed_, step_.toSlot);
            } else {
                row = input_;
            }
            lastRow_ = rowKept() ? &row : nullptr;
            inputDelta_.clear();
            inputDeltaKnown_ = true;
            row[static_cast<std::size_t>(step_.relSlot)] =
                Value(RelRef{e.id, e.type, e.start, e.end, nullptr});
            if (!step_.into)
                row[to] = Value(NodeRef{e.other, nullptr});
            return true;
        }
    }

private:
    static void addChanged(std::vector<int>& slots, int slot) {
        if (std::find(slots.begin(), slots.end(), slot) == slots.end())
            slots.push_back(slot);
    }

    // input_ was just refilled: what changed in it since the input of the last output.
    void noteInputChange() {
        if (const auto* d = child().changedSlots()) {
            for (int s : *d)
                addChanged(inputDelta_, s);
        } else {
            inputDeltaKnown_ = false;
        }
    }

    bool seenLoop(graph::RelId id) {
        if (std::find(loops_.begin(), loops_.end(), id) != loops_.end())
            return true;
        loops_.push_back(id);
        return false;
    }

    const logical::ExpandStep& step_ = spec_.step; // what Expand and VarExpand share
    Row input_;
    bool haveInput_ = false;
    bool typesKnown_ = true, labelsKnown_ = true;
    std::vector<graph::TypeId> typeIds_;
    std::vector<graph::LabelId> labelIds_; // toLabels, resolved
    const Row* lastRow_ = nullptr;         // filled from input_ by the last output, when rowKept()
    // Since the input the last output was made from, input_ changed in inputDelta_'s slots
    // (inputDeltaKnown_ false: anywhere). When partial_, the last output changed the row only
    // in changed_'s slots.
    std::vector<int> inputDelta_, changed_;
    bool inputDeltaKnown_ = false, partial_ = false;
    std::unique_ptr<graph::EdgeCursor> cursor_;
    std::vector<graph::RelId> loops_;
};

// See logical::DegreeCount: the matching relationships of each input node, counted.
class DegreeCount final : public TypedOperator<logical::DegreeCount> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext& ctx) override {
        typesKnown_ = ctx.typeIds(spec_.types, typeIds_);
        labelsKnown_ = ctx.resolveLabels(spec_.otherLabels, labelIds_);
    }

    bool produce(ExecContext& ctx, Row& row) override {
        const auto from = static_cast<std::size_t>(spec_.nodeSlot);
        while (child().next(ctx, row)) {
            // A label or type created earlier in this very query exists only now.
            if ((!typesKnown_ || !labelsKnown_) && ctx.tx()) {
                typesKnown_ = ctx.typeIds(spec_.types, typeIds_);
                labelsKnown_ = ctx.resolveLabels(spec_.otherLabels, labelIds_);
            }
            if (!row[from].isNode() || !typesKnown_ || !labelsKnown_)
                continue;
            auto cursor = ctx.edges(row[from].asNode().id, spec_.direction, typeIds_);
            std::int64_t n = 0;
            graph::Edge e;
            while (cursor->next(&e)) {
                ctx.checkGuards();
                n += ctx.nodeHasLabelIds(e.other, labelIds_) ? 1 : 0;
            }
            ExecContext::check(cursor->status());
            if (n == 0)
                continue;
            row[static_cast<std::size_t>(spec_.countSlot)] = Value(n);
            return true;
        }
        return false;
    }

private:
    bool typesKnown_ = true, labelsKnown_ = true;
    std::vector<graph::TypeId> typeIds_;
    std::vector<graph::LabelId> labelIds_;
};

} // namespace

PhysicalPtr makeExpand(const LogicalOperator& op) {
    return std::make_unique<Expand>(op);
}

PhysicalPtr makeDegreeCount(const LogicalOperator& op) {
    return std::make_unique<DegreeCount>(op);
}

} // namespace innograph::query
