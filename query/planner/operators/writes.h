#pragma once

// The write clauses, one operator each: Create, Merge, SetItems (SET), Remove, Delete. The
// planner puts an Eager below the first write that follows reads.

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

#include <memory>

namespace innograph::query::logical {

// Creates the pattern's unbound nodes and its relationships, once per input row.
struct Create {
    std::shared_ptr<const BoundPattern> pattern;
    std::string title() const { return "Create"; }
    std::string details(const SlotNames&) const { return ""; }
};

// Per input row, children[1] (the pattern's match plan, starting at an Argument) finds the
// matches and applies `onMatch` to each; when there are none, creates the pattern and applies
// `onCreate`.
struct Merge {
    std::shared_ptr<const BoundPattern> pattern;
    std::vector<BoundSetItem> onCreate;
    std::vector<BoundSetItem> onMatch;
    std::string title() const { return "Merge"; }
    std::string details(const SlotNames&) const { return ""; }
};

// SET: applies `items` to each input row's entities.
struct SetItems {
    std::vector<BoundSetItem> items;
    std::string title() const { return "Set"; }
    std::string details(const SlotNames&) const { return ""; }
};

// REMOVE: removes `items` (properties, labels) from each input row's entities.
struct Remove {
    std::vector<BoundRemoveItem> items;
    std::string title() const { return "Remove"; }
    std::string details(const SlotNames&) const { return ""; }
};

// DELETE: deletes the entities `targets` evaluate to (nodes with their relationships when
// `detach`).
struct Delete {
    std::vector<BoundExpressionPtr> targets;
    bool detach = false;
    std::string title() const { return detach ? "DetachDelete" : "Delete"; }
    std::string details(const SlotNames&) const { return ""; }
};

} // namespace innograph::query::logical
