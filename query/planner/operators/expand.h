#pragma once

// Expansions from a bound node along its relationships, one relationship (Expand) or a path of
// minHops..maxHops of them (VarExpand).

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// From the node in fromSlot along relationships of `types` (any when empty) in `direction`: the
// relationship into relSlot and its other end into toSlot. When `into`, toSlot is bound already
// and the relationship must end there; otherwise the other end must carry `toLabels`.
// Relationships already bound in `distinctFromRels` (earlier in the same MATCH) are skipped.
struct Expand {
    int fromSlot = -1;
    int relSlot = -1;
    int toSlot = -1;
    graph::Direction direction = graph::Direction::Both;
    std::vector<std::string> types;
    bool into = false;
    std::vector<std::string> toLabels;
    std::vector<int> distinctFromRels;
    std::string title() const { return into ? "Expand(Into)" : "Expand(All)"; }
    std::string details(const SlotNames& names) const;
};

// Expand over paths of minHops..maxHops relationships; relSlot gets the list. Every hop must
// have the `hopProperties` (the pattern's property map).
struct VarExpand {
    int fromSlot = -1;
    int relSlot = -1;
    int toSlot = -1;
    graph::Direction direction = graph::Direction::Both;
    std::vector<std::string> types;
    bool into = false;
    std::vector<std::string> toLabels;
    std::vector<int> distinctFromRels;
    std::int64_t minHops = 1;
    std::int64_t maxHops = 1;
    std::vector<BoundProperty> hopProperties;
    std::string title() const { return into ? "VarLengthExpand(Into)" : "VarLengthExpand(All)"; }
    std::string details(const SlotNames& names) const;
};

} // namespace innograph::query::logical
