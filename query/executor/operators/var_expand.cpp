// VarLengthExpand: every trail (no relationship twice) of minHops..maxHops from a bound node.

#include "common/value_ops.h"
#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

#include <algorithm>

namespace innograph::query {
namespace {

class VarExpand final : public TypedOperator<logical::VarExpand> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext& ctx) override {
        ctx.releaseMemory(resultsBytes_);
        resultsBytes_ = 0;
        results_.clear();
        pos_ = 0;
        typesKnown_ = ctx.typeIds(step_.types, typeIds_);
    }

    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (pos_ < results_.size()) {
                auto& [rels, end] = results_[pos_++];
                row = input_;
                List list;
                list.reserve(rels.size());
                for (const auto& r : rels)
                    list.emplace_back(r);
                row[static_cast<std::size_t>(step_.relSlot)] = Value(std::move(list));
                if (!step_.into)
                    row[static_cast<std::size_t>(step_.toSlot)] = Value(NodeRef{end, nullptr});
                return true;
            }
            if (!child().next(ctx, input_))
                return false;
            // A type created earlier in this very query exists only now.
            if (!typesKnown_ && ctx.tx())
                typesKnown_ = ctx.typeIds(step_.types, typeIds_);
            ctx.releaseMemory(resultsBytes_);
            resultsBytes_ = 0;
            results_.clear();
            pos_ = 0;
            const Value& f = input_[static_cast<std::size_t>(step_.fromSlot)];
            if (!f.isNode() || !typesKnown_)
                continue;
            if (step_.into && !input_[static_cast<std::size_t>(step_.toSlot)].isNode())
                continue;
            hopProps_.clear();
            for (const auto& item : spec_.hopProperties)
                hopProps_.emplace_back(item.key, evaluate(*item.value, input_, ctx));
            std::vector<RelRef> path;
            walk(ctx, f.asNode().id, path);
        }
    }

private:
    bool excluded(graph::RelId id, const std::vector<RelRef>& path) const {
        for (const auto& r : path)
            if (r.id == id)
                return true;
        for (int s : step_.distinctFromRels) {
            const Value& v = input_[static_cast<std::size_t>(s)];
            if (v.isRel() && v.asRel().id == id)
                return true;
            if (v.isList())
                for (const auto& r : v.asList())
                    if (r.isRel() && r.asRel().id == id)
                        return true;
        }
        return false;
    }

    void emitIfMatch(ExecContext& ctx, graph::NodeId node, const std::vector<RelRef>& path) {
        auto len = static_cast<std::int64_t>(path.size());
        if (len < spec_.minHops)
            return;
        if (step_.into) {
            if (input_[static_cast<std::size_t>(step_.toSlot)].asNode().id != node)
                return;
        } else if (!ctx.nodeHasLabels(node, step_.toLabels)) {
            return;
        }
        // Every trail from one start is kept until it is produced: on a dense graph that is
        // exponential in the length, so it is what the memory budget must see.
        auto bytes = sizeof(results_[0]) + path.size() * sizeof(RelRef);
        ctx.chargeMemory(bytes);
        resultsBytes_ += bytes;
        results_.emplace_back(path, node);
    }

    void walk(ExecContext& ctx, graph::NodeId node, std::vector<RelRef>& path) {
        ctx.checkGuards();
        emitIfMatch(ctx, node, path);
        if (static_cast<std::int64_t>(path.size()) >= spec_.maxHops)
            return;
        auto cursor = ctx.edges(node, step_.direction, typeIds_);
        graph::Edge e;
        std::vector<graph::Edge> edges;
        while (cursor->next(&e))
            edges.push_back(e);
        ExecContext::check(cursor->status());
        std::vector<graph::RelId> loops;
        for (const auto& edge : edges) {
            if (excluded(edge.id, path))
                continue;
            if (step_.direction == graph::Direction::Both && edge.start == edge.end) {
                if (std::find(loops.begin(), loops.end(), edge.id) != loops.end())
                    continue;
                loops.push_back(edge.id);
            }
            bool ok = true;
            for (const auto& [k, v] : hopProps_)
                if (!passes(equalsTernary(ctx.relProperty(edge.id, k), v)))
                    ok = false;
            if (!ok)
                continue;
            path.push_back(RelRef{edge.id, edge.type, edge.start, edge.end, nullptr});
            walk(ctx, edge.other, path);
            path.pop_back();
        }
    }

    const logical::ExpandStep& step_ = spec_.step; // what Expand and VarExpand share
    Row input_;
    bool typesKnown_ = true;
    std::vector<graph::TypeId> typeIds_;
    std::vector<std::pair<std::string, Value>> hopProps_;
    std::vector<std::pair<std::vector<RelRef>, graph::NodeId>> results_;
    std::size_t pos_ = 0;
    std::size_t resultsBytes_ = 0; // charged to the memory budget
};

} // namespace

PhysicalPtr makeVarExpand(const LogicalOperator& op) {
    return std::make_unique<VarExpand>(op);
}

} // namespace innograph::query
