#pragma once

// Operators that compute values per row: Filter, Projection, Unwind.

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// Keeps the rows where `predicate` is true (not null, not false).
struct Filter {
    BoundExpressionPtr predicate;
    std::string title() const { return "Filter"; }
    std::string details(const SlotNames&) const { return predicate ? predicate->text : ""; }
};

// Computes each item's expression into its slot.
struct Projection {
    std::vector<std::pair<int, BoundExpressionPtr>> items;
    std::string title() const { return "Projection"; }
    std::string details(const SlotNames& names) const;
};

// One row per element of `list` (a non-list is one element, null none), into `slot`.
struct Unwind {
    BoundExpressionPtr list;
    int slot = -1;
    std::string title() const { return "Unwind"; }
    std::string details(const SlotNames& names) const;
};

} // namespace innograph::query::logical
