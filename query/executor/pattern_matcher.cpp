#include "executor/pattern_matcher.h"

#include "binder/bound_statement.h"
#include "common/value_ops.h"
#include "executor/expression_evaluator.h"

#include <algorithm>
#include <optional>

namespace innograph::query {
namespace {

using BK = BoundExpression::Kind;

graph::Direction fromLeft(PatternDirection d) {
    switch (d) {
    case PatternDirection::Right:
        return graph::Direction::Outgoing;
    case PatternDirection::Left:
        return graph::Direction::Incoming;
    default:
        return graph::Direction::Both;
    }
}

graph::Direction reversed(graph::Direction d) {
    switch (d) {
    case graph::Direction::Outgoing:
        return graph::Direction::Incoming;
    case graph::Direction::Incoming:
        return graph::Direction::Outgoing;
    default:
        return graph::Direction::Both;
    }
}

class SubqueryMatcher {
public:
    SubqueryMatcher(const BoundExpression& e, Row& row, ExecContext& ctx)
        : e_(e), q_(*e.subquery), p_(q_.pattern), row_(row), ctx_(ctx), nodeIds_(p_.nodes.size()),
          relDone_(p_.rels.size(), false), relTypes_(p_.rels.size()) {
        probe_.kind = BK::Function;
        probe_.function = FunctionId::MatchesProperties;
        probe_.pos = e.pos;
    }

    Value run() {
        for (int s : q_.localSlots)
            saved_.emplace_back(s, row_[static_cast<std::size_t>(s)]);
        Value result = runAnchored();
        for (auto& [s, v] : saved_)
            row_[static_cast<std::size_t>(s)] = std::move(v);
        return result;
    }

private:
    Value runAnchored() {
        for (std::size_t i = 0; i < p_.nodes.size(); ++i) {
            const auto& n = p_.nodes[i];
            if (!n.bound)
                continue;
            const Value& v = row_[static_cast<std::size_t>(n.slot)];
            if (v.isNull())
                return noMatch();
            if (!v.isNode())
                throw QueryError(ErrorCode::TypeError,
                                 "Expected `" + n.variable + "` to be a NODE but it was a " +
                                     v.typeName(),
                                 n.pos, "InvalidArgumentType");
            if (!nodeFits(i, v.asNode().id))
                return noMatch();
            nodeIds_[i] = v.asNode().id;
        }
        for (std::size_t r = 0; r < p_.rels.size(); ++r)
            if (!ctx_.typeIds(p_.rels[r].types, relTypes_[r]))
                return noMatch(); // a type that does not exist matches nothing
        search();
        switch (e_.kind) {
        case BK::PatternExists:
            return Value(found_);
        case BK::PatternCount:
            return Value(count_);
        default:
            return Value(std::move(collected_));
        }
    }

    Value noMatch() const {
        switch (e_.kind) {
        case BK::PatternExists:
            return Value(false);
        case BK::PatternCount:
            return Value(std::int64_t{0});
        default:
            return Value(List{});
        }
    }

    bool done() const { return e_.kind == BK::PatternExists && found_; }

    // Labels, property map, entity reference and `$param` of node pattern i.
    bool nodeFits(std::size_t i, graph::NodeId id) {
        const auto& n = p_.nodes[i];
        if (!n.labels.empty() && !ctx_.nodeHasLabels(id, n.labels))
            return false;
        for (const auto& prop : n.properties)
            if (!passes(equalsTernary(ctx_.nodeProperty(id, prop.key),
                                      evaluate(*prop.value, row_, ctx_))))
                return false;
        for (const auto* ref : {&n.entityRef, &n.propertiesParam}) {
            if (!*ref)
                continue;
            std::vector<Value> args{Value(NodeRef{id, nullptr}), evaluate(**ref, row_, ctx_)};
            if (!passes(callFunction(probe_, args, ctx_)))
                return false;
        }
        return true;
    }

    bool relFits(std::size_t r, graph::RelId id) {
        for (const auto& prop : p_.rels[r].properties)
            if (!passes(equalsTernary(ctx_.relProperty(id, prop.key),
                                      evaluate(*prop.value, row_, ctx_))))
                return false;
        return std::find(used_.begin(), used_.end(), id) == used_.end();
    }

    void assignNode(std::size_t i, graph::NodeId id) {
        nodeIds_[i] = id;
        row_[static_cast<std::size_t>(p_.nodes[i].slot)] = Value(NodeRef{id, nullptr});
    }

    void search() {
        ctx_.checkGuards();
        if (done())
            return;
        // The next relationship: one with a matched endpoint.
        std::optional<std::size_t> next;
        for (std::size_t r = 0; r < p_.rels.size() && !next; ++r)
            if (!relDone_[r] && (nodeIds_[static_cast<std::size_t>(p_.rels[r].left)] ||
                                 nodeIds_[static_cast<std::size_t>(p_.rels[r].right)]))
                next = r;
        if (next) {
            expand(*next);
            return;
        }
        // Otherwise a node not yet matched starts the rest: a relationship's end, or a node
        // pattern alone.
        for (std::size_t i = 0; i < p_.nodes.size(); ++i) {
            if (nodeIds_[i])
                continue;
            scan(i);
            return;
        }
        finish();
    }

    void scan(std::size_t i) {
        const auto& n = p_.nodes[i];
        std::unique_ptr<graph::NodeIdCursor> cursor;
        ++ctx_.storageReads;
        if (!n.labels.empty()) {
            auto id = ctx_.view().labelId(n.labels.front());
            if (!id.isOk()) {
                if (!id.status().isNotFound())
                    ExecContext::check(id.status());
                return;
            }
            cursor = ctx_.view().nodesWithLabel(id.value());
        } else {
            cursor = ctx_.view().allNodes();
        }
        graph::NodeId id;
        while (!done() && cursor->next(&id)) {
            ctx_.checkGuards();
            if (!nodeFits(i, id))
                continue;
            assignNode(i, id);
            search();
            nodeIds_[i].reset();
        }
        ExecContext::check(cursor->status());
    }

    std::vector<graph::Edge> edgesOf(graph::NodeId node, graph::Direction dir, std::size_t r) {
        std::vector<graph::Edge> out;
        auto cursor = ctx_.edges(node, dir, relTypes_[r]);
        graph::Edge edge;
        std::vector<graph::RelId> loops;
        while (cursor->next(&edge)) {
            // Both directions meet a self-loop twice; it is one relationship.
            if (dir == graph::Direction::Both && edge.start == edge.end) {
                if (std::find(loops.begin(), loops.end(), edge.id) != loops.end())
                    continue;
                loops.push_back(edge.id);
            }
            out.push_back(edge);
        }
        ExecContext::check(cursor->status());
        return out;
    }

    void expand(std::size_t r) {
        const auto& rel = p_.rels[r];
        auto left = static_cast<std::size_t>(rel.left);
        auto right = static_cast<std::size_t>(rel.right);
        bool fromLeftSide = nodeIds_[left].has_value();
        std::size_t from = fromLeftSide ? left : right;
        std::size_t to = fromLeftSide ? right : left;
        auto dir = fromLeftSide ? fromLeft(rel.direction) : reversed(fromLeft(rel.direction));
        relDone_[r] = true;
        if (rel.variableLength) {
            std::vector<RelRef> trail;
            walk(r, to, fromLeftSide, *nodeIds_[from], dir, trail);
        } else {
            for (const auto& edge : edgesOf(*nodeIds_[from], dir, r)) {
                if (done())
                    break;
                if (!relFits(r, edge.id))
                    continue;
                if (rel.bound) {
                    const Value& b = row_[static_cast<std::size_t>(rel.slot)];
                    if (!b.isRel() || b.asRel().id != edge.id)
                        continue;
                }
                RelRef ref{edge.id, edge.type, edge.start, edge.end, nullptr};
                arrive(r, to, edge.other, Value(ref), {edge.id});
            }
        }
        relDone_[r] = false;
    }

    // Every trail of minHops..maxHops from the node matched so far, then the far end.
    void walk(std::size_t r, std::size_t to, bool fromLeftSide, graph::NodeId at,
              graph::Direction dir, std::vector<RelRef>& trail) {
        ctx_.checkGuards();
        const auto& rel = p_.rels[r];
        auto hops = static_cast<std::int64_t>(trail.size());
        if (hops >= rel.minHops) {
            List list;
            std::vector<graph::RelId> ids;
            for (const auto& t : trail) {
                list.emplace_back(t);
                ids.push_back(t.id);
            }
            if (!fromLeftSide)
                std::reverse(list.begin(), list.end()); // the list reads left to right
            bool ok = true;
            if (rel.bound) {
                const Value& b = row_[static_cast<std::size_t>(rel.slot)];
                ok = b.isList() && b.asList().size() == list.size();
                for (std::size_t k = 0; ok && k < list.size(); ++k)
                    ok = b.asList()[k].isRel() && b.asList()[k].asRel().id == list[k].asRel().id;
            }
            if (ok)
                arrive(r, to, at, Value(std::move(list)), ids);
        }
        if (hops >= rel.maxHops || done())
            return;
        for (const auto& edge : edgesOf(at, dir, r)) {
            if (done())
                return;
            bool inTrail = std::any_of(trail.begin(), trail.end(),
                                       [&](const RelRef& t) { return t.id == edge.id; });
            if (inTrail || !relFits(r, edge.id))
                continue;
            trail.push_back(RelRef{edge.id, edge.type, edge.start, edge.end, nullptr});
            walk(r, to, fromLeftSide, edge.other, dir, trail);
            trail.pop_back();
        }
    }

    // Relationship r reached `node` for pattern node `to`: match it, then the rest.
    void arrive(std::size_t r, std::size_t to, graph::NodeId node, Value relValue,
                const std::vector<graph::RelId>& ids) {
        bool assigned = false;
        if (nodeIds_[to]) {
            if (*nodeIds_[to] != node)
                return;
        } else {
            if (!nodeFits(to, node))
                return;
            assignNode(to, node);
            assigned = true;
        }
        const auto& rel = p_.rels[r];
        if (!rel.bound)
            row_[static_cast<std::size_t>(rel.slot)] = std::move(relValue);
        used_.insert(used_.end(), ids.begin(), ids.end());
        search();
        used_.resize(used_.size() - ids.size());
        if (assigned)
            nodeIds_[to].reset();
    }

    void finish() {
        for (const auto& pred : q_.predicates)
            if (!passes(evaluate(*pred, row_, ctx_)))
                return;
        switch (e_.kind) {
        case BK::PatternExists:
            found_ = true;
            return;
        case BK::PatternCount:
            ++count_;
            return;
        default:
            break;
        }
        for (const auto& part : p_.parts)
            if (part.pathSlot >= 0)
                row_[static_cast<std::size_t>(part.pathSlot)] = pathOf(part);
        Value v = evaluate(*q_.projection, row_, ctx_);
        ctx_.chargeMemory(ExecContext::approximateBytes(v));
        collected_.push_back(std::move(v));
    }

    Value pathOf(const BoundPatternPart& part) {
        PathValue path;
        path.nodes.push_back(NodeRef{*nodeIds_[static_cast<std::size_t>(part.nodes[0])], nullptr});
        for (int r : part.rels) {
            const Value& v =
                row_[static_cast<std::size_t>(p_.rels[static_cast<std::size_t>(r)].slot)];
            List single;
            const List& rels = v.isList() ? v.asList() : (single = List{v}, single);
            for (const auto& x : rels) {
                const auto& ref = x.asRel();
                graph::NodeId cur = path.nodes.back().id;
                path.relationships.push_back(ref);
                path.nodes.push_back(NodeRef{ref.start == cur ? ref.end : ref.start, nullptr});
            }
        }
        return Value(std::move(path));
    }

    const BoundExpression& e_;
    const BoundSubquery& q_;
    const BoundPattern& p_;
    Row& row_;
    ExecContext& ctx_;
    BoundExpression probe_;
    std::vector<std::optional<graph::NodeId>> nodeIds_;
    std::vector<bool> relDone_;
    std::vector<std::vector<graph::TypeId>> relTypes_;
    std::vector<graph::RelId> used_;
    std::vector<std::pair<int, Value>> saved_;
    bool found_ = false;
    std::int64_t count_ = 0;
    List collected_;
};

} // namespace

Value matchSubquery(const BoundExpression& e, Row& row, ExecContext& ctx) {
    return SubqueryMatcher(e, row, ctx).run();
}

} // namespace innograph::query
