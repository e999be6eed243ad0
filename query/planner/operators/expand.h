#pragma once

// Expansions from a bound node along its relationships, one relationship (Expand) or a path of
// minHops..maxHops of them (VarExpand).

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// What Expand and VarExpand share: from the node in fromSlot along relationships of `types` (any
// when empty) in `direction`: the relationship (VarExpand: the list) into relSlot and its other
// end into toSlot. When `into`, toSlot is bound already and the relationship must end there;
// otherwise the other end must carry `toLabels`. Relationships already bound in
// `distinctFromRels` (earlier in the same MATCH) are skipped.
struct ExpandStep {
    int fromSlot = -1;
    int relSlot = -1;
    int toSlot = -1;
    graph::Direction direction = graph::Direction::Both;
    std::vector<std::string> types;
    bool into = false;
    std::vector<std::string> toLabels;
    std::vector<int> distinctFromRels;
    // The step as EXPLAIN draws it, `inner` between the relationship's brackets.
    std::string describe(const SlotNames& names, const std::string& inner) const;
};

// One relationship of the step.
struct Expand {
    ExpandStep step;
    std::string title() const { return step.into ? "Expand(Into)" : "Expand(All)"; }
    std::string details(const SlotNames& names) const;
};

// The step over paths of minHops..maxHops relationships; relSlot gets the list. Every hop must
// have the `hopProperties` (the pattern's property map).
struct VarExpand {
    ExpandStep step;
    std::int64_t minHops = 1;
    std::int64_t maxHops = 1;
    std::vector<BoundProperty> hopProperties;
    std::string title() const {
        return step.into ? "VarLengthExpand(Into)" : "VarLengthExpand(All)";
    }
    std::string details(const SlotNames& names) const;
};

} // namespace innograph::query::logical
