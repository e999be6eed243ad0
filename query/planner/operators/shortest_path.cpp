#include "planner/operators/shortest_path.h"

namespace innograph::query::logical {

std::string ShortestPath::details(const SlotNames& names) const {
    return variable(pathSlot, names) + " = " +
           arrow(names, fromSlot, relSlot, toSlot, direction,
                 typeList(types) + "*" + std::to_string(minHops) + ".." + std::to_string(maxHops),
                 {});
}

} // namespace innograph::query::logical
