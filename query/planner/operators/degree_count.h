#pragma once

// A node's matching relationships, counted without producing them (optimizer/degree_count_pass.h
// puts it in place of an Expand under count(*)).

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// From the node in nodeSlot, counts the relationships of `types` in `direction` whose other end
// carries `otherLabels`, into countSlot (an integer); rows with none are dropped.
struct DegreeCount {
    int nodeSlot = -1;
    int countSlot = -1;
    graph::Direction direction = graph::Direction::Both;
    std::vector<std::string> types;
    std::vector<std::string> otherLabels;
    std::string title() const { return "DegreeCount"; }
    std::string details(const SlotNames& names) const;
};

} // namespace innograph::query::logical
