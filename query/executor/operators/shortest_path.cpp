// ShortestPath / AllShortestPaths between two bound nodes by bidirectional breadth-first search:
// each round grows the smaller frontier by one level, and the search stops at the first level
// where the two sides meet.

#include "executor/operators/operators.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace innograph::query {
namespace {

graph::Direction reverse(graph::Direction d) {
    if (d == graph::Direction::Outgoing)
        return graph::Direction::Incoming;
    if (d == graph::Direction::Incoming)
        return graph::Direction::Outgoing;
    return d;
}

struct Step {
    graph::NodeId node; // the neighbour one level closer to this side's origin
    RelRef rel;
};

class ShortestPath final : public TypedOperator<logical::ShortestPath> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext& ctx) override {
        results_.clear();
        pos_ = 0;
        typesKnown_ = ctx.typeIds(spec_.types, typeIds_);
    }

    bool produce(ExecContext& ctx, Row& row) override {
        for (;;) {
            if (pos_ < results_.size()) {
                const auto& p = results_[pos_++];
                row = input_;
                List rels;
                for (const auto& r : p.relationships)
                    rels.emplace_back(r);
                row[static_cast<std::size_t>(spec_.relSlot)] = Value(std::move(rels));
                if (spec_.pathSlot >= 0)
                    row[static_cast<std::size_t>(spec_.pathSlot)] = Value(p);
                return true;
            }
            if (!child().next(ctx, input_))
                return false;
            // A type created earlier in this very query exists only now.
            if (!typesKnown_ && ctx.tx())
                typesKnown_ = ctx.typeIds(spec_.types, typeIds_);
            results_.clear();
            pos_ = 0;
            const Value& a = input_[static_cast<std::size_t>(spec_.fromSlot)];
            const Value& b = input_[static_cast<std::size_t>(spec_.toSlot)];
            if (!a.isNode() || !b.isNode() || !typesKnown_)
                continue;
            search(ctx, a.asNode().id, b.asNode().id);
        }
    }

private:
    using Parents = std::unordered_map<graph::NodeId, std::vector<Step>>;

    // Grows one side by a level. Returns the nodes of the new level.
    std::vector<graph::NodeId> grow(ExecContext& ctx, const std::vector<graph::NodeId>& frontier,
                                    graph::Direction dir, Parents& parents,
                                    std::unordered_map<graph::NodeId, int>& depth, int level) {
        std::vector<graph::NodeId> next;
        for (auto node : frontier) {
            auto cursor = ctx.edges(node, dir, typeIds_);
            graph::Edge e;
            while (cursor->next(&e)) {
                ctx.checkGuards();
                auto [it, fresh] = depth.try_emplace(e.other, level);
                if (fresh)
                    next.push_back(e.other);
                else if (it->second != level || !spec_.allPaths)
                    continue; // one shortest path needs one parent per node: the first
                auto& ps = parents[e.other];
                bool dup = false;
                for (const auto& s : ps)
                    dup = dup || s.rel.id == e.id;
                if (!dup)
                    ps.push_back({node, RelRef{e.id, e.type, e.start, e.end, nullptr}});
            }
            ExecContext::check(cursor->status());
        }
        return next;
    }

    // Every path from `node` back to this side's origin, as relationship lists from the origin.
    void unwind(const Parents& parents, graph::NodeId node, std::vector<RelRef>& acc,
                std::vector<std::vector<RelRef>>& out, bool firstOnly) {
        auto it = parents.find(node);
        if (it == parents.end() || it->second.empty()) {
            out.emplace_back(acc.rbegin(), acc.rend());
            return;
        }
        for (const auto& s : it->second) {
            acc.push_back(s.rel);
            unwind(parents, s.node, acc, out, firstOnly);
            acc.pop_back();
            if (firstOnly && !out.empty())
                return;
        }
    }

    void search(ExecContext& ctx, graph::NodeId src, graph::NodeId dst) {
        if (src == dst) {
            if (spec_.minHops == 0)
                results_.push_back(PathValue{{NodeRef{src, nullptr}}, {}});
            return;
        }
        Parents fwdParents, bwdParents;
        std::unordered_map<graph::NodeId, int> fwdDepth{{src, 0}}, bwdDepth{{dst, 0}};
        for (auto* m : {&fwdDepth, &bwdDepth})
            m->reserve(1024);
        std::vector<graph::NodeId> fwd{src}, bwd{dst};
        int fwdLevel = 0, bwdLevel = 0;
        std::vector<graph::NodeId> meet;
        while (!fwd.empty() && !bwd.empty() && fwdLevel + bwdLevel < spec_.maxHops) {
            bool forward = fwd.size() <= bwd.size();
            if (forward) {
                fwd = grow(ctx, fwd, spec_.direction, fwdParents, fwdDepth, ++fwdLevel);
                for (auto n : fwd)
                    if (bwdDepth.count(n))
                        meet.push_back(n);
            } else {
                bwd = grow(ctx, bwd, reverse(spec_.direction), bwdParents, bwdDepth, ++bwdLevel);
                for (auto n : bwd)
                    if (fwdDepth.count(n))
                        meet.push_back(n);
            }
            if (!meet.empty())
                break;
        }
        // Only the meeting points on a shortest route count.
        int best = std::numeric_limits<int>::max();
        for (auto m : meet)
            best = std::min(best, fwdDepth[m] + bwdDepth[m]);
        bool firstOnly = !spec_.allPaths;
        for (auto m : meet) {
            if (fwdDepth[m] + bwdDepth[m] != best)
                continue;
            std::vector<std::vector<RelRef>> heads, tails;
            std::vector<RelRef> acc;
            unwind(fwdParents, m, acc, heads, firstOnly);
            unwind(bwdParents, m, acc, tails, firstOnly);
            for (const auto& h : heads) {
                for (const auto& t : tails) {
                    PathValue p;
                    p.nodes.push_back(NodeRef{src, nullptr});
                    // heads run src..m; tails were collected from dst's side and run dst..m.
                    std::vector<RelRef> rels = h;
                    rels.insert(rels.end(), t.rbegin(), t.rend());
                    for (const auto& r : rels) {
                        auto cur = p.nodes.back().id;
                        p.relationships.push_back(r);
                        p.nodes.push_back(NodeRef{r.start == cur ? r.end : r.start, nullptr});
                    }
                    if (static_cast<std::int64_t>(p.relationships.size()) < spec_.minHops)
                        continue;
                    results_.push_back(std::move(p));
                    if (firstOnly)
                        return;
                }
            }
        }
    }

    Row input_;
    bool typesKnown_ = true;
    std::vector<graph::TypeId> typeIds_;
    std::vector<PathValue> results_;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeShortestPath(const LogicalOperator& op) {
    return std::make_unique<ShortestPath>(op);
}

} // namespace innograph::query
