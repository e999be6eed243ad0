#pragma once

// Grouping operators: Aggregate and Distinct.

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// Groups rows by `groupingKeys` (each computed into its slot) and computes `aggregates` per
// group. count(*) adds the integer in weightSlot per row instead of 1 when weightSlot >= 0 (its
// input is a DegreeCount). With no keys, an empty input still makes one group.
struct Aggregate {
    std::vector<std::pair<int, BoundExpressionPtr>> groupingKeys;
    std::vector<BoundAggregate> aggregates;
    int weightSlot = -1;
    std::string title() const { return "Aggregation"; }
    std::string details(const SlotNames& names) const;
};

// Drops rows equivalent on `keySlots` to an earlier row.
struct Distinct {
    std::vector<int> keySlots;
    std::string title() const { return "Distinct"; }
    std::string details(const SlotNames& names) const { return slotList(keySlots, names); }
};

} // namespace innograph::query::logical
