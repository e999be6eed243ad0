#pragma once

// ORDER BY, SKIP and LIMIT: Sort, Skip, Limit as planned, and TopK, the optimizer's fusion of a
// Sort with the SKIP/LIMIT above it (optimizer/top_k_pass.h).

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// Orders all of its input by `sortItems` (stable).
struct Sort {
    std::vector<BoundSortItem> sortItems;
    std::string title() const { return "Sort"; }
    std::string details(const SlotNames&) const;
};

// Sort, then SKIP `skip` (when set) and LIMIT `limit`, keeping only the best skip+limit rows
// while reading. `drainInput`: reads all of its input even when the limit is reached (writes
// upstream must all happen).
struct TopK {
    std::vector<BoundSortItem> sortItems;
    BoundExpressionPtr skip;
    BoundExpressionPtr limit;
    bool drainInput = false;
    std::string title() const { return "Top"; }
    std::string details(const SlotNames&) const;
};

// Drops the first `count` rows.
struct Skip {
    BoundExpressionPtr count;
    std::string title() const { return "Skip"; }
    std::string details(const SlotNames&) const { return count ? count->text : ""; }
};

// Passes the first `count` rows, then stops pulling its input unless `drainInput` (writes
// upstream must all happen).
struct Limit {
    BoundExpressionPtr count;
    bool drainInput = false;
    std::string title() const { return "Limit"; }
    std::string details(const SlotNames&) const { return count ? count->text : ""; }
};

} // namespace innograph::query::logical
