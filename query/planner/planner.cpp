#include "planner/planner.h"

#include <algorithm>

namespace innograph::query {

namespace {

// `payload` over `child`, estimated as many rows as the child.
std::shared_ptr<LogicalOperator> over(LogicalPayload payload, LogicalPtr child) {
    double rows = child->estimatedRows;
    return makeLogical(std::move(payload), {std::move(child)}, rows);
}

bool readsStore(const LogicalOperator& op) {
    switch (op.kind()) {
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
    logical::Union u;
    u.all =
        std::all_of(statement.unionAll.begin(), statement.unionAll.end(), [](bool b) { return b; });
    u.columns = out.columns;
    out.root = makeLogical(std::move(u), parts);
    return out;
}

LogicalPtr Planner::planSubquery(const BoundCall& call, bool& writes) {
    const auto& body = *call.body;
    std::set<int> imported(call.importedSlots.begin(), call.importedSlots.end());
    std::vector<LogicalPtr> parts;
    for (const auto& part : body.parts)
        parts.push_back(planSingleQuery(part, writes, imported));
    if (parts.size() == 1)
        return parts.front();
    logical::Union u;
    u.all = std::all_of(body.unionAll.begin(), body.unionAll.end(), [](bool b) { return b; });
    u.columns = body.parts.front().columns;
    double rows = 0;
    for (const auto& p : parts)
        rows += p->estimatedRows;
    return makeLogical(std::move(u), parts, rows);
}

LogicalPtr Planner::planSingleQuery(const BoundSingleQuery& query, bool& writes,
                                    std::set<int> bound) {
    LogicalPtr plan = makeLogical(logical::Argument{});
    bool eagerDone = false;
    auto beforeWrite = [&]() {
        writes = true;
        // Writes must not change what earlier reads of the same query see.
        if (!eagerDone && readsStore(*plan)) {
            plan = over(logical::Eager{}, plan);
            eagerDone = true;
        }
    };
    for (const auto& clause : query.clauses) {
        if (auto* m = std::get_if<BoundMatch>(&clause)) {
            plan = planMatch(plan, *m, bound);
            eagerDone = false;
        } else if (auto* u = std::get_if<BoundUnwind>(&clause)) {
            auto op = over(logical::Unwind{u->list, u->slot}, plan);
            op->estimatedRows *= 5;
            bound.insert(u->slot);
            plan = op;
        } else if (auto* p = std::get_if<BoundProjection>(&clause)) {
            plan = planProjection(plan, *p, writes, bound);
        } else if (auto* c = std::get_if<BoundCreate>(&clause)) {
            beforeWrite();
            auto op = over(logical::Create{std::make_shared<BoundPattern>(c->pattern)}, plan);
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
            auto inner = planPattern(makeLogical(logical::Argument{}), me->pattern, {}, innerBound);
            logical::Merge merge;
            merge.pattern = std::make_shared<BoundPattern>(me->pattern);
            merge.onCreate = me->onCreate;
            merge.onMatch = me->onMatch;
            auto op = over(std::move(merge), plan);
            op->children.push_back(inner);
            bound = innerBound;
            plan = op;
        } else if (auto* s = std::get_if<BoundSet>(&clause)) {
            beforeWrite();
            plan = over(logical::SetItems{s->items}, plan);
        } else if (auto* r = std::get_if<BoundRemove>(&clause)) {
            beforeWrite();
            plan = over(logical::Remove{r->items}, plan);
        } else if (auto* d = std::get_if<BoundDelete>(&clause)) {
            beforeWrite();
            plan = over(logical::Delete{d->expressions, d->detach}, plan);
        } else if (auto* call = std::get_if<BoundCall>(&clause)) {
            if (call->writes)
                beforeWrite();
            bool innerWrites = false;
            auto inner = planSubquery(*call, innerWrites);
            writes = writes || innerWrites;
            auto op = over(logical::Apply{call->returnSlots, call->unit}, plan);
            if (!call->unit)
                op->estimatedRows = plan->estimatedRows * std::max(1.0, inner->estimatedRows);
            op->children.push_back(inner);
            for (int s : call->returnSlots)
                bound.insert(s);
            // Reads inside the subquery come after the writes before it.
            if (readsStore(*inner))
                eagerDone = false;
            plan = op;
        }
    }
    return over(logical::ProduceResults{query.columns, query.columnSlots}, plan);
}

LogicalPtr Planner::planMatch(LogicalPtr input, const BoundMatch& match, std::set<int>& bound) {
    if (!match.optional)
        return planPattern(std::move(input), match.pattern, match.predicates, bound);
    std::set<int> innerBound = bound;
    auto inner =
        planPattern(makeLogical(logical::Argument{}), match.pattern, match.predicates, innerBound);
    auto op = over(logical::Optional{match.introducedSlots}, input);
    op->children.push_back(inner);
    op->estimatedRows = std::max(input->estimatedRows, inner->estimatedRows);
    bound = innerBound;
    return op;
}

LogicalPtr Planner::planProjection(LogicalPtr input, const BoundProjection& p, bool afterWrites,
                                   std::set<int>& bound) {
    LogicalPtr plan = std::move(input);
    if (p.aggregating) {
        logical::Aggregate aggregate;
        for (int i : p.groupingItems)
            aggregate.groupingKeys.emplace_back(p.itemSlots[static_cast<std::size_t>(i)],
                                                p.items[static_cast<std::size_t>(i)]);
        aggregate.aggregates = p.aggregates;
        auto agg = over(std::move(aggregate), plan);
        agg->estimatedRows = p.groupingItems.empty() ? 1 : std::max(1.0, plan->estimatedRows / 2);
        plan = agg;
        logical::Projection proj;
        for (std::size_t i = 0; i < p.items.size(); ++i) {
            if (std::find(p.groupingItems.begin(), p.groupingItems.end(), static_cast<int>(i)) !=
                p.groupingItems.end())
                continue;
            proj.items.emplace_back(p.itemSlots[i], p.items[i]);
        }
        if (!proj.items.empty())
            plan = over(std::move(proj), plan);
    } else {
        logical::Projection proj;
        for (std::size_t i = 0; i < p.items.size(); ++i)
            proj.items.emplace_back(p.itemSlots[i], p.items[i]);
        plan = over(std::move(proj), plan);
    }
    if (p.distinct) {
        plan = over(logical::Distinct{p.itemSlots}, plan);
    }
    // ORDER BY, SKIP and LIMIT as written; the optimizer fuses a sorted LIMIT into a top-k.
    if (!p.orderBy.empty()) {
        plan = over(logical::Sort{p.orderBy}, plan);
    }
    if (p.skip) {
        plan = over(logical::Skip{p.skip}, plan);
    }
    if (p.limit) {
        plan = over(logical::Limit{p.limit, afterWrites}, plan);
    }
    if (p.where) {
        auto f = over(logical::Filter{p.where}, plan);
        f->estimatedRows = plan->estimatedRows / 2;
        plan = f;
    }
    for (int s : p.itemSlots)
        bound.insert(s);
    return plan;
}

} // namespace innograph::query
