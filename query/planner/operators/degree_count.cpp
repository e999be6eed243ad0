#include "planner/operators/degree_count.h"

namespace innograph::query::logical {

std::string DegreeCount::details(const SlotNames& names) const {
    return "count (" + variable(nodeSlot, names) + ")" +
           (direction == graph::Direction::Incoming ? "<-" : "-") + "[" + typeList(types) + "]" +
           (direction == graph::Direction::Outgoing ? "->" : "-") + "(" + labelList(otherLabels) +
           ") AS " + variable(countSlot, names);
}

} // namespace innograph::query::logical
