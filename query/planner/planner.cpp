#include "planner/planner.h"

#include <algorithm>

namespace innograph::query {

namespace {

std::shared_ptr<LogicalOperator> make(LogicalKind kind, LogicalPtr child = nullptr) {
    auto op = std::make_shared<LogicalOperator>();
    op->kind = kind;
    if (child) {
        op->estimatedRows = child->estimatedRows;
        op->children.push_back(std::move(child));
    }
    return op;
}

bool readsStore(const LogicalOperator& op) {
    switch (op.kind) {
    case LogicalKind::AllNodesScan:
    case LogicalKind::LabelScan:
    case LogicalKind::NodeByName:
    case LogicalKind::NodeById:
    case LogicalKind::Expand:
    case LogicalKind::VarExpand:
    case LogicalKind::ShortestPath:
    case LogicalKind::DegreeCount:
        return true;
    default:
        break;
    }
    for (const auto& c : op.children)
        if (readsStore(*c))
            return true;
    return false;
}

} // namespace

double PlannerStats::labelEstimate(const std::vector<std::string>& labels) const {
    double best = static_cast<double>(nodes);
    for (const auto& l : labels) {
        auto it = nodesPerLabel.find(l);
        best = std::min(best, it == nodesPerLabel.end() ? 0.0 : static_cast<double>(it->second));
    }
    return best;
}

LogicalPlan Planner::plan(const BoundStatement& statement) {
    LogicalPlan out;
    out.slotCount = statement.slotCount;
    out.slotNames = statement.slotNames;
    out.mode = statement.mode;
    out.parameters = statement.parameters;
    out.notifications = statement.notifications;
    out.columns = statement.parts.front().columns;
    bool writes = false;
    std::vector<LogicalPtr> parts;
    for (const auto& part : statement.parts)
        parts.push_back(planSingleQuery(part, writes));
    out.writes = writes;
    if (parts.size() == 1) {
        out.root = parts.front();
        return out;
    }
    // UNION: each part produces its own columns; the union renames by position.
    auto u = std::make_shared<LogicalOperator>();
    u->kind = LogicalKind::Union;
    u->all =
        std::all_of(statement.unionAll.begin(), statement.unionAll.end(), [](bool b) { return b; });
    u->children = parts;
    u->columns = out.columns;
    out.root = u;
    return out;
}

LogicalPtr Planner::planSingleQuery(const BoundSingleQuery& query, bool& writes) {
    LogicalPtr plan = make(LogicalKind::Argument);
    std::set<int> bound;
    bool eagerDone = false;
    auto beforeWrite = [&]() {
        writes = true;
        // Writes must not change what earlier reads of the same query see.
        if (!eagerDone && readsStore(*plan)) {
            plan = make(LogicalKind::Eager, plan);
            eagerDone = true;
        }
    };
    for (const auto& clause : query.clauses) {
        if (auto* m = std::get_if<BoundMatch>(&clause)) {
            plan = planMatch(plan, *m, bound);
            eagerDone = false;
        } else if (auto* u = std::get_if<BoundUnwind>(&clause)) {
            auto op = make(LogicalKind::Unwind, plan);
            op->expression = u->list;
            op->slot = u->slot;
            op->estimatedRows *= 5;
            bound.insert(u->slot);
            plan = op;
        } else if (auto* p = std::get_if<BoundProjection>(&clause)) {
            plan = planProjection(plan, *p, writes, bound);
        } else if (auto* c = std::get_if<BoundCreate>(&clause)) {
            beforeWrite();
            auto op = make(LogicalKind::Create, plan);
            op->pattern = std::make_shared<BoundPattern>(c->pattern);
            for (const auto& n : c->pattern.nodes)
                bound.insert(n.slot);
            for (const auto& r : c->pattern.rels)
                bound.insert(r.slot);
            for (const auto& pt : c->pattern.parts)
                if (pt.pathSlot >= 0)
                    bound.insert(pt.pathSlot);
            plan = op;
        } else if (auto* me = std::get_if<BoundMerge>(&clause)) {
            beforeWrite();
            std::set<int> innerBound = bound;
            auto inner = planPattern(make(LogicalKind::Argument), me->pattern, {}, innerBound);
            auto op = make(LogicalKind::Merge, plan);
            op->children.push_back(inner);
            op->pattern = std::make_shared<BoundPattern>(me->pattern);
            op->onCreate = me->onCreate;
            op->onMatch = me->onMatch;
            op->slots = me->introducedSlots;
            bound = innerBound;
            plan = op;
        } else if (auto* s = std::get_if<BoundSet>(&clause)) {
            beforeWrite();
            auto op = make(LogicalKind::SetItems, plan);
            op->setItems = s->items;
            plan = op;
        } else if (auto* r = std::get_if<BoundRemove>(&clause)) {
            beforeWrite();
            auto op = make(LogicalKind::Remove, plan);
            op->removeItems = r->items;
            plan = op;
        } else if (auto* d = std::get_if<BoundDelete>(&clause)) {
            beforeWrite();
            auto op = make(LogicalKind::Delete, plan);
            op->detach = d->detach;
            for (const auto& e : d->expressions)
                op->projections.emplace_back(-1, e);
            plan = op;
        }
    }
    auto root = make(LogicalKind::ProduceResults, plan);
    root->columns = query.columns;
    root->slots = query.columnSlots;
    return root;
}

LogicalPtr Planner::planMatch(LogicalPtr input, const BoundMatch& match, std::set<int>& bound) {
    if (!match.optional)
        return planPattern(std::move(input), match.pattern, match.predicates, bound);
    std::set<int> innerBound = bound;
    auto inner =
        planPattern(make(LogicalKind::Argument), match.pattern, match.predicates, innerBound);
    auto op = make(LogicalKind::Optional, input);
    op->children.push_back(inner);
    op->slots = match.introducedSlots;
    op->estimatedRows = std::max(input->estimatedRows, inner->estimatedRows);
    bound = innerBound;
    return op;
}

LogicalPtr Planner::planProjection(LogicalPtr input, const BoundProjection& p, bool afterWrites,
                                   std::set<int>& bound) {
    LogicalPtr plan = std::move(input);
    if (p.aggregating) {
        auto agg = make(LogicalKind::Aggregate, plan);
        for (int i : p.groupingItems)
            agg->projections.emplace_back(p.itemSlots[static_cast<std::size_t>(i)],
                                          p.items[static_cast<std::size_t>(i)]);
        agg->aggregates = p.aggregates;
        agg->estimatedRows = p.groupingItems.empty() ? 1 : std::max(1.0, plan->estimatedRows / 2);
        plan = agg;
        auto proj = make(LogicalKind::Projection, plan);
        for (std::size_t i = 0; i < p.items.size(); ++i) {
            if (std::find(p.groupingItems.begin(), p.groupingItems.end(), static_cast<int>(i)) !=
                p.groupingItems.end())
                continue;
            proj->projections.emplace_back(p.itemSlots[i], p.items[i]);
        }
        if (!proj->projections.empty())
            plan = proj;
    } else {
        auto proj = make(LogicalKind::Projection, plan);
        for (std::size_t i = 0; i < p.items.size(); ++i)
            proj->projections.emplace_back(p.itemSlots[i], p.items[i]);
        plan = proj;
    }
    if (p.distinct) {
        auto d = make(LogicalKind::Distinct, plan);
        d->slots = p.itemSlots;
        plan = d;
    }
    // ORDER BY, SKIP and LIMIT as written; the optimizer fuses a sorted LIMIT into a top-k.
    if (!p.orderBy.empty()) {
        auto s = make(LogicalKind::Sort, plan);
        s->sortItems = p.orderBy;
        plan = s;
    }
    if (p.skip) {
        auto sk = make(LogicalKind::Skip, plan);
        sk->skip = p.skip;
        plan = sk;
    }
    if (p.limit) {
        auto l = make(LogicalKind::Limit, plan);
        l->limit = p.limit;
        l->drainInput = afterWrites;
        plan = l;
    }
    if (p.where) {
        auto f = make(LogicalKind::Filter, plan);
        f->expression = p.where;
        f->estimatedRows = plan->estimatedRows / 2;
        plan = f;
    }
    for (int s : p.itemSlots)
        bound.insert(s);
    return plan;
}

} // namespace innograph::query
