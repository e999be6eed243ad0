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
    void reset(ExecContext& ctx) override {
        haveInput_ = false;
        cursor_.reset();
        typesKnown_ = ctx.typeIds(step_.types, typeIds_);
    }

    bool produce(ExecContext& ctx, Row& row) override {
        const auto from = static_cast<std::size_t>(step_.fromSlot);
        const auto to = static_cast<std::size_t>(step_.toSlot);
        for (;;) {
            if (!haveInput_) {
                if (!child().next(ctx, input_))
                    return false;
                // A type created earlier in this very query exists only now.
                if (!typesKnown_ && ctx.tx())
                    typesKnown_ = ctx.typeIds(step_.types, typeIds_);
                const Value& f = input_[from];
                if (!f.isNode() || !typesKnown_)
                    continue; // null from OPTIONAL MATCH: no match
                if (step_.into && !input_[to].isNode())
                    continue;
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
            } else if (!step_.toLabels.empty() && !ctx.nodeHasLabels(e.other, step_.toLabels)) {
                continue;
            }
            if (!step_.distinctFromRels.empty() && relUsed(input_, step_.distinctFromRels, e.id))
                continue;
            row = input_;
            row[static_cast<std::size_t>(step_.relSlot)] =
                Value(RelRef{e.id, e.type, e.start, e.end, nullptr});
            if (!step_.into)
                row[to] = Value(NodeRef{e.other, nullptr});
            return true;
        }
    }

private:
    bool seenLoop(graph::RelId id) {
        if (std::find(loops_.begin(), loops_.end(), id) != loops_.end())
            return true;
        loops_.push_back(id);
        return false;
    }

    const logical::ExpandStep& step_ = spec_.step; // what Expand and VarExpand share
    Row input_;
    bool haveInput_ = false;
    bool typesKnown_ = true;
    std::vector<graph::TypeId> typeIds_;
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
