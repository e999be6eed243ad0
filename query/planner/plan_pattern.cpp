// Planning of one pattern (MATCH, OPTIONAL MATCH's inner plan, MERGE's match): anchor choice,
// expansion order and predicate pushdown.

#include "planner/planner.h"

#include <algorithm>
#include <limits>

namespace innograph::query {

namespace {

using BK = BoundExpression::Kind;

// `payload` over `child`, estimated as many rows as the child.
std::shared_ptr<LogicalOperator> over(LogicalPayload payload, LogicalPtr child) {
    double rows = child->estimatedRows;
    return makeLogical(std::move(payload), {std::move(child)}, rows);
}

BoundExpressionPtr slotRef(int slot, const std::string& text) {
    auto e = std::make_shared<BoundExpression>();
    e->kind = BK::Slot;
    e->slot = slot;
    e->text = text;
    return e;
}

BoundExpressionPtr propertyEquals(int slot, const std::string& var, const BoundProperty& p) {
    auto prop = std::make_shared<BoundExpression>();
    prop->kind = BK::Property;
    prop->name = p.key;
    prop->children.push_back(slotRef(slot, var));
    prop->text = var + "." + p.key;
    auto eq = std::make_shared<BoundExpression>();
    eq->kind = BK::Comparison;
    eq->op = BoundOp::Equal;
    eq->children = {prop, p.value};
    eq->text = prop->text + " = " + p.value->text;
    return eq;
}

// `(n $p)`: the node has the map's properties, or the name/alias of the string.
BoundExpressionPtr matchesParameter(int slot, const std::string& var, BoundExpressionPtr param) {
    auto f = std::make_shared<BoundExpression>();
    f->kind = BK::Function;
    f->function = FunctionId::MatchesProperties;
    f->children = {slotRef(slot, var), std::move(param)};
    f->text = var + " matches " + f->children[1]->text;
    return f;
}

BoundExpressionPtr hasLabels(int slot, const std::string& var,
                             const std::vector<std::string>& labels) {
    auto e = std::make_shared<BoundExpression>();
    e->kind = BK::HasLabels;
    e->keys = labels;
    e->children.push_back(slotRef(slot, var));
    e->text = var;
    for (const auto& l : labels)
        e->text += ":" + l;
    return e;
}

bool subset(const std::set<int>& a, const std::set<int>& b) {
    return std::all_of(a.begin(), a.end(), [&](int x) { return b.count(x) > 0; });
}

// A name equality usable to anchor a node: n.name = <expression of already bound slots>.
BoundExpressionPtr nameAnchor(const BoundExpressionPtr& pred, int slot,
                              const std::set<int>& bound) {
    if (pred->kind != BK::Comparison || pred->op != BoundOp::Equal)
        return nullptr;
    for (int side = 0; side < 2; ++side) {
        const auto& lhs = pred->children[static_cast<std::size_t>(side)];
        const auto& rhs = pred->children[static_cast<std::size_t>(1 - side)];
        if (lhs->kind == BK::Property && lhs->name == "name" &&
            lhs->children[0]->kind == BK::Slot && lhs->children[0]->slot == slot &&
            subset(rhs->slotsUsed(), bound))
            return rhs;
    }
    return nullptr;
}

bool isIdOf(const BoundExpressionPtr& e, int slot) {
    return e->kind == BK::Function && e->function == FunctionId::Id && e->children.size() == 1 &&
           e->children[0]->kind == BK::Slot && e->children[0]->slot == slot;
}

// id(n) = <expression> or id(n) IN <list>, over already bound slots.
BoundExpressionPtr idAnchor(const BoundExpressionPtr& pred, int slot, const std::set<int>& bound) {
    if (pred->kind == BK::In && isIdOf(pred->children[0], slot) &&
        subset(pred->children[1]->slotsUsed(), bound))
        return pred->children[1];
    if (pred->kind != BK::Comparison || pred->op != BoundOp::Equal)
        return nullptr;
    for (int side = 0; side < 2; ++side) {
        const auto& lhs = pred->children[static_cast<std::size_t>(side)];
        const auto& rhs = pred->children[static_cast<std::size_t>(1 - side)];
        if (isIdOf(lhs, slot) && subset(rhs->slotsUsed(), bound))
            return rhs;
    }
    return nullptr;
}

graph::Direction directionFrom(const BoundRelPattern& rel, bool fromLeft) {
    if (rel.direction == PatternDirection::Both)
        return graph::Direction::Both;
    bool outgoing = (rel.direction == PatternDirection::Right) == fromLeft;
    return outgoing ? graph::Direction::Outgoing : graph::Direction::Incoming;
}

} // namespace

LogicalPtr Planner::planPattern(LogicalPtr input, const BoundPattern& pattern,
                                std::vector<BoundExpressionPtr> predicates, std::set<int>& bound) {
    LogicalPtr plan = std::move(input);
    const auto& nodes = pattern.nodes;
    const auto& rels = pattern.rels;

    // Inline properties and labels of already-bound nodes become ordinary predicates.
    for (const auto& n : nodes) {
        for (const auto& p : n.properties)
            predicates.push_back(propertyEquals(n.slot, n.variable, p));
        if (n.propertiesParam)
            predicates.push_back(matchesParameter(n.slot, n.variable, n.propertiesParam));
        if (n.bound && !n.labels.empty())
            predicates.push_back(hasLabels(n.slot, n.variable, n.labels));
        if (n.bound && n.entityRef)
            predicates.push_back(matchesParameter(n.slot, n.variable, n.entityRef));
    }
    for (const auto& r : rels)
        for (const auto& p : r.properties) {
            if (r.variableLength)
                continue; // checked on every hop by VarExpand
            predicates.push_back(propertyEquals(r.slot, r.variable, p));
        }

    std::vector<bool> planned(predicates.size(), false);
    auto pushFilters = [&]() {
        for (std::size_t i = 0; i < predicates.size(); ++i) {
            if (planned[i] || !subset(predicates[i]->slotsUsed(), bound))
                continue;
            auto f = over(logical::Filter{predicates[i]}, plan);
            f->estimatedRows = std::max(1.0, plan->estimatedRows / 3);
            plan = f;
            planned[i] = true;
        }
    };

    std::vector<bool> nodeDone(nodes.size(), false);
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].bound || bound.count(nodes[i].slot))
            nodeDone[i] = true;
    pushFilters();

    // Anchor: the cheapest way to start from an unbound node.
    auto anchor = [&](std::size_t i) {
        const auto& n = nodes[i];
        LogicalPayload scan;
        double perRow = 0;
        BoundExpressionPtr byId;
        for (const auto& pred : predicates)
            if (auto rhs = idAnchor(pred, n.slot, bound)) {
                byId = rhs;
                break;
            }
        BoundExpressionPtr name = n.entityRef;
        if (!name) {
            for (const auto& pred : predicates)
                if (auto rhs = nameAnchor(pred, n.slot, bound)) {
                    name = rhs;
                    break;
                }
        }
        if (!name && n.propertiesParam)
            name = n.propertiesParam;
        if (byId) {
            scan = logical::NodeById{n.slot, n.labels, byId};
            perRow = 1;
        } else if (name) {
            scan = logical::NodeByName{n.slot, n.labels, name};
            perRow = 1;
        } else if (!n.labels.empty()) {
            // Scan the rarest label; the others are checked per node.
            auto labels = n.labels;
            auto best = std::min_element(n.labels.begin(), n.labels.end(),
                                         [&](const auto& a, const auto& b) {
                                             return labelEstimate({a}) < labelEstimate({b});
                                         });
            std::rotate(labels.begin(), labels.begin() + (best - n.labels.begin()),
                        labels.begin() + (best - n.labels.begin()) + 1);
            scan = logical::LabelScan{n.slot, std::move(labels)};
            perRow = labelEstimate(n.labels);
        } else {
            scan = logical::AllNodesScan{n.slot};
            perRow = static_cast<double>(stats_.nodes);
        }
        double rows = plan->estimatedRows * std::max(perRow, 1.0);
        plan = makeLogical(std::move(scan), {plan}, rows);
        nodeDone[i] = true;
        bound.insert(n.slot);
        pushFilters();
    };
    auto anchorCost = [&](std::size_t i) {
        const auto& n = nodes[i];
        for (const auto& pred : predicates)
            if (idAnchor(pred, n.slot, bound))
                return 0.5;
        if (n.entityRef)
            return 1.0;
        for (const auto& pred : predicates)
            if (nameAnchor(pred, n.slot, bound))
                return 2.0;
        if (n.propertiesParam)
            return 3.0;
        if (!n.labels.empty())
            return 10.0 + labelEstimate(n.labels);
        return 10.0 + static_cast<double>(stats_.nodes) * 2;
    };

    std::vector<bool> relDone(rels.size(), false);
    std::vector<int> relSlotsSoFar;
    // Shortest paths are planned last, once both of their ends are bound.
    std::vector<bool> isShortest(rels.size(), false);
    std::vector<const BoundPatternPart*> relPart(rels.size(), nullptr);
    for (const auto& part : pattern.parts)
        for (int r : part.rels) {
            relPart[static_cast<std::size_t>(r)] = &part;
            if (part.kind != PathKind::Plain)
                isShortest[static_cast<std::size_t>(r)] = true;
        }

    auto remainingNodes = [&]() {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (!nodeDone[i])
                return true;
        return false;
    };
    auto remainingRels = [&]() {
        for (std::size_t i = 0; i < rels.size(); ++i)
            if (!relDone[i] && !isShortest[i])
                return true;
        return false;
    };

    while (remainingRels() || remainingNodes()) {
        // Best expandable relationship: one bound end; prefer closing a cycle, then the target
        // that is cheapest to reach.
        int bestRel = -1;
        bool bestFromLeft = true;
        double bestCost = std::numeric_limits<double>::max();
        for (std::size_t r = 0; r < rels.size(); ++r) {
            if (relDone[r] || isShortest[r])
                continue;
            auto l = static_cast<std::size_t>(rels[r].left),
                 rt = static_cast<std::size_t>(rels[r].right);
            for (int side = 0; side < 2; ++side) {
                bool fromLeft = side == 0;
                std::size_t from = fromLeft ? l : rt, to = fromLeft ? rt : l;
                if (!nodeDone[from])
                    continue;
                double cost = nodeDone[to] ? 0 : anchorCost(to);
                if (rels[r].variableLength)
                    cost += 1000;
                if (cost < bestCost) {
                    bestCost = cost;
                    bestRel = static_cast<int>(r);
                    bestFromLeft = fromLeft;
                }
            }
        }
        if (bestRel < 0) {
            // Nothing to expand from: anchor the cheapest unbound node (a new component).
            std::size_t best = nodes.size();
            double cost = std::numeric_limits<double>::max();
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                if (nodeDone[i])
                    continue;
                double c = anchorCost(i);
                if (c < cost) {
                    cost = c;
                    best = i;
                }
            }
            if (best == nodes.size())
                break;
            anchor(best);
            continue;
        }
        const auto& rel = rels[static_cast<std::size_t>(bestRel)];
        std::size_t from = static_cast<std::size_t>(bestFromLeft ? rel.left : rel.right);
        std::size_t to = static_cast<std::size_t>(bestFromLeft ? rel.right : rel.left);
        const bool into = nodeDone[to];
        const int fromSlot = nodes[from].slot, toSlot = nodes[to].slot;
        const auto direction = directionFrom(rel, bestFromLeft);
        const auto toLabels = into ? std::vector<std::string>{} : nodes[to].labels;
        double fanout = 3;
        if (!rel.types.empty() && stats_.nodes > 0) {
            double n = 0;
            for (const auto& t : rel.types) {
                auto it = stats_.relationshipsPerType.find(t);
                if (it != stats_.relationshipsPerType.end())
                    n += static_cast<double>(it->second);
            }
            fanout = std::max(1.0, n / static_cast<double>(stats_.nodes));
        }
        double rows = plan->estimatedRows * (into ? 0.5 : fanout);
        logical::ExpandStep step{.fromSlot = fromSlot,
                                 .relSlot = rel.slot,
                                 .toSlot = toSlot,
                                 .direction = direction,
                                 .types = rel.types,
                                 .into = into,
                                 .toLabels = toLabels,
                                 .distinctFromRels = relSlotsSoFar};
        if (rel.variableLength) {
            // A var-length pattern's property map constrains every hop: VarExpand checks it.
            plan = makeLogical(
                logical::VarExpand{std::move(step), rel.minHops, rel.maxHops, rel.properties},
                {plan}, rows);
        } else {
            plan = makeLogical(logical::Expand{std::move(step)}, {plan}, rows);
        }
        relDone[static_cast<std::size_t>(bestRel)] = true;
        nodeDone[to] = true;
        bound.insert(rel.slot);
        bound.insert(nodes[to].slot);
        relSlotsSoFar.push_back(rel.slot);
        pushFilters();
    }

    for (std::size_t r = 0; r < rels.size(); ++r) {
        if (!isShortest[r])
            continue;
        const auto& rel = rels[r];
        logical::ShortestPath sp;
        sp.fromSlot = nodes[static_cast<std::size_t>(rel.left)].slot;
        sp.toSlot = nodes[static_cast<std::size_t>(rel.right)].slot;
        sp.relSlot = rel.slot;
        sp.pathSlot = relPart[r]->pathSlot;
        sp.direction = directionFrom(rel, true);
        sp.types = rel.types;
        sp.minHops = rel.minHops;
        sp.maxHops = rel.maxHops;
        sp.allPaths = relPart[r]->kind == PathKind::AllShortest;
        const int pathSlot = sp.pathSlot;
        plan = over(std::move(sp), plan);
        relDone[r] = true;
        bound.insert(rel.slot);
        if (pathSlot >= 0)
            bound.insert(pathSlot);
        pushFilters();
    }

    // Named paths are assembled once all of their parts are bound.
    for (const auto& part : pattern.parts) {
        if (part.pathSlot < 0 || part.kind != PathKind::Plain)
            continue;
        auto e = std::make_shared<BoundExpression>();
        e->kind = BK::BuildPath;
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            const auto& n = nodes[static_cast<std::size_t>(part.nodes[i])];
            e->children.push_back(slotRef(n.slot, n.variable));
            if (i < part.rels.size()) {
                const auto& r = rels[static_cast<std::size_t>(part.rels[i])];
                e->children.push_back(slotRef(r.slot, r.variable));
                e->relIsList.push_back(r.variableLength);
            }
        }
        e->text = "path";
        logical::Projection proj;
        proj.items.emplace_back(part.pathSlot, e);
        plan = over(std::move(proj), plan);
        bound.insert(part.pathSlot);
        pushFilters();
    }
    // Anything left (should be nothing) runs at the end.
    for (std::size_t i = 0; i < predicates.size(); ++i) {
        if (planned[i])
            continue;
        plan = over(logical::Filter{predicates[i]}, plan);
    }
    return plan;
}

} // namespace innograph::query
