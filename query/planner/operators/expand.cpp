#include "planner/operators/expand.h"

namespace innograph::query::logical {

std::string Expand::details(const SlotNames& names) const {
    return arrow(names, fromSlot, relSlot, toSlot, direction, typeList(types),
                 into ? std::vector<std::string>{} : toLabels);
}

std::string VarExpand::details(const SlotNames& names) const {
    return arrow(names, fromSlot, relSlot, toSlot, direction,
                 typeList(types) + "*" + std::to_string(minHops) + ".." + std::to_string(maxHops),
                 into ? std::vector<std::string>{} : toLabels);
}

} // namespace innograph::query::logical
