#include "planner/logical_operator.h"

namespace innograph::query {

namespace {
std::string var(int slot, const std::vector<std::string>& names) {
    if (slot < 0 || static_cast<std::size_t>(slot) >= names.size())
        return "";
    const auto& n = names[static_cast<std::size_t>(slot)];
    return n.rfind("  ", 0) == 0 ? "anon_" + n.substr(2) : n;
}
std::string labelList(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels)
        out += ":" + l;
    return out;
}
std::string typeList(const std::vector<std::string>& types) {
    std::string out;
    for (std::size_t i = 0; i < types.size(); ++i)
        out += (i ? "|" : ":") + types[i];
    return out;
}
} // namespace

std::string LogicalOperator::name() const {
    switch (kind) {
    case LogicalKind::Argument:
        return "Argument";
    case LogicalKind::AllNodesScan:
        return "AllNodesScan";
    case LogicalKind::LabelScan:
        return "NodeByLabelScan";
    case LogicalKind::NodeByName:
        return "NodeByName";
    case LogicalKind::NodeById:
        return "NodeById";
    case LogicalKind::Expand:
        return into ? "Expand(Into)" : "Expand(All)";
    case LogicalKind::VarExpand:
        return into ? "VarLengthExpand(Into)" : "VarLengthExpand(All)";
    case LogicalKind::ShortestPath:
        return all ? "AllShortestPaths" : "ShortestPath";
    case LogicalKind::DegreeCount:
        return "DegreeCount";
    case LogicalKind::Filter:
        return "Filter";
    case LogicalKind::Projection:
        return "Projection";
    case LogicalKind::Optional:
        return "Optional";
    case LogicalKind::Aggregate:
        return "Aggregation";
    case LogicalKind::Distinct:
        return "Distinct";
    case LogicalKind::Sort:
        return "Sort";
    case LogicalKind::TopK:
        return "Top";
    case LogicalKind::Skip:
        return "Skip";
    case LogicalKind::Limit:
        return "Limit";
    case LogicalKind::Unwind:
        return "Unwind";
    case LogicalKind::Eager:
        return "Eager";
    case LogicalKind::Create:
        return "Create";
    case LogicalKind::Merge:
        return "Merge";
    case LogicalKind::SetItems:
        return "Set";
    case LogicalKind::Remove:
        return "Remove";
    case LogicalKind::Delete:
        return detach ? "DetachDelete" : "Delete";
    case LogicalKind::ProduceResults:
        return "ProduceResults";
    case LogicalKind::Union:
        return all ? "UnionAll" : "Union";
    }
    return "?";
}

std::string LogicalOperator::details(const std::vector<std::string>& names) const {
    auto arrow = [&](const std::string& mid) {
        std::string l = direction == graph::Direction::Incoming ? "<-" : "-";
        std::string r = direction == graph::Direction::Outgoing ? "->" : "-";
        return "(" + var(fromSlot, names) + ")" + l + "[" + var(relSlot, names) + mid + "]" + r +
               "(" + var(toSlot, names) + (into ? "" : labelList(labels)) + ")";
    };
    switch (kind) {
    case LogicalKind::AllNodesScan:
        return var(slot, names);
    case LogicalKind::LabelScan:
        return var(slot, names) + labelList(labels);
    case LogicalKind::NodeById:
        return var(slot, names) + labelList(labels) +
               " id = " + (expression ? expression->text : "");
    case LogicalKind::NodeByName:
        return var(slot, names) + labelList(labels) + " name ~ " +
               (expression ? expression->text : "");
    case LogicalKind::Expand:
        return arrow(typeList(types));
    case LogicalKind::DegreeCount:
        return "count (" + var(fromSlot, names) + ")" +
               (direction == graph::Direction::Incoming ? "<-" : "-") + "[" + typeList(types) +
               "]" + (direction == graph::Direction::Outgoing ? "->" : "-") + "(" +
               labelList(labels) + ") AS " + var(relSlot, names);
    case LogicalKind::VarExpand:
        return arrow(typeList(types) + "*" + std::to_string(minHops) + ".." +
                     std::to_string(maxHops));
    case LogicalKind::ShortestPath:
        return var(pathSlot, names) + " = " +
               arrow(typeList(types) + "*" + std::to_string(minHops) + ".." +
                     std::to_string(maxHops));
    case LogicalKind::Filter:
        return expression ? expression->text : "";
    case LogicalKind::Unwind:
        return (expression ? expression->text : "") + " AS " + var(slot, names);
    case LogicalKind::Projection:
    case LogicalKind::Aggregate: {
        std::string out;
        for (const auto& [s, e] : projections) {
            if (!out.empty())
                out += ", ";
            out += e->text + " AS " + var(s, names);
        }
        for (const auto& a : aggregates) {
            if (!out.empty())
                out += ", ";
            out += a.text;
        }
        return out;
    }
    case LogicalKind::Distinct:
    case LogicalKind::ProduceResults: {
        std::string out;
        for (int s : slots)
            out += (out.empty() ? "" : ", ") + var(s, names);
        return out;
    }
    case LogicalKind::Sort:
    case LogicalKind::TopK: {
        std::string out;
        for (const auto& si : sortItems)
            out += (out.empty() ? "" : ", ") + si.expression->text +
                   (si.descending ? " DESC" : " ASC");
        if (limit)
            out += " LIMIT " + limit->text;
        return out;
    }
    case LogicalKind::Skip:
        return skip ? skip->text : "";
    case LogicalKind::Limit:
        return limit ? limit->text : "";
    default:
        return "";
    }
}

} // namespace innograph::query
