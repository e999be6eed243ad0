#include "planner/operators/expand.h"

namespace innograph::query::logical {

std::string ExpandStep::describe(const SlotNames& names, const std::string& inner) const {
    return logical::arrow(names, fromSlot, relSlot, toSlot, direction, inner,
                          into ? std::vector<std::string>{} : toLabels);
}

std::string Expand::details(const SlotNames& names) const {
    return step.describe(names, typeList(step.types));
}

std::string VarExpand::details(const SlotNames& names) const {
    return step.describe(names, typeList(step.types) + "*" + std::to_string(minHops) + ".." +
                                    std::to_string(maxHops));
}

} // namespace innograph::query::logical
