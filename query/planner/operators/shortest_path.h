#pragma once

// shortestPath / allShortestPaths between two bound nodes.

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// The shortest path(s) of minHops..maxHops relationships of `types` in `direction` from the node
// in fromSlot to the node in toSlot: the relationship list into relSlot, the path into pathSlot
// (when named). `allPaths`: every path of the shortest length, else one.
struct ShortestPath {
    int fromSlot = -1;
    int relSlot = -1;
    int toSlot = -1;
    int pathSlot = -1;
    graph::Direction direction = graph::Direction::Both;
    std::vector<std::string> types;
    std::int64_t minHops = 1;
    std::int64_t maxHops = 1;
    bool allPaths = false;
    std::string title() const { return allPaths ? "AllShortestPaths" : "ShortestPath"; }
    std::string details(const SlotNames& names) const;
};

} // namespace innograph::query::logical
