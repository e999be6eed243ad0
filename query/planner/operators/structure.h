#pragma once

// Operators that shape the plan rather than compute values: Optional and Apply (an inner plan
// per row), Eager (a barrier between reads and writes), ProduceResults (the root) and Union.

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// children[1] (an inner plan starting at an Argument) per row of children[0]; when it yields
// nothing, the row once with `nullableSlots` (what the OPTIONAL MATCH introduces) null.
struct Optional {
    std::vector<int> nullableSlots;
    std::string title() const { return "Optional"; }
    std::string details(const SlotNames&) const { return ""; }
};

// CALL { … }: children[1] (the subquery's plan: its ProduceResults, or a Union of them, each
// starting at an Argument) per row of children[0]. Each row it yields is the input row with its
// i-th column in returnSlots[i]; `unit` (no RETURN): it is run to the end for its writes and the
// input row passes on once.
struct Apply {
    std::vector<int> returnSlots;
    bool unit = false;
    std::string title() const { return unit ? "SubqueryForeach" : "Apply"; }
    std::string details(const SlotNames& names) const { return slotList(returnSlots, names); }
};

// Reads all of its input before yielding the first row: later writes cannot change what earlier
// reads of the same query see.
struct Eager {
    std::string title() const { return "Eager"; }
    std::string details(const SlotNames&) const { return ""; }
};

// The root of each part of a query: narrows every row to `columnSlots`, named `columns`.
struct ProduceResults {
    std::vector<std::string> columns;
    std::vector<int> columnSlots;
    std::string title() const { return "ProduceResults"; }
    std::string details(const SlotNames& names) const { return slotList(columnSlots, names); }
};

// The rows of each child (a ProduceResults) in turn, columns matched by position; duplicates
// dropped unless `all` (UNION ALL).
struct Union {
    bool all = false;
    std::vector<std::string> columns;
    std::string title() const { return all ? "UnionAll" : "Union"; }
    std::string details(const SlotNames&) const { return ""; }
};

} // namespace innograph::query::logical
