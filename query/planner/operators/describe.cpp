#include "planner/operators/describe.h"

namespace innograph::query::logical {

std::string variable(int slot, const SlotNames& names) {
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

std::string arrow(const SlotNames& names, int fromSlot, int relSlot, int toSlot,
                  graph::Direction direction, const std::string& inner,
                  const std::vector<std::string>& toLabels) {
    std::string l = direction == graph::Direction::Incoming ? "<-" : "-";
    std::string r = direction == graph::Direction::Outgoing ? "->" : "-";
    return "(" + variable(fromSlot, names) + ")" + l + "[" + variable(relSlot, names) + inner +
           "]" + r + "(" + variable(toSlot, names) + labelList(toLabels) + ")";
}

std::string slotList(const std::vector<int>& slots, const SlotNames& names) {
    std::string out;
    for (int s : slots)
        out += (out.empty() ? "" : ", ") + variable(s, names);
    return out;
}

} // namespace innograph::query::logical
