#pragma once

// The leaves and anchors of a pattern: an Argument that starts rows, and the scans that bind one
// node variable per input row (a scan under another scan is a nested loop).

#include "binder/bound_statement.h"
#include "planner/operators/describe.h"

namespace innograph::query::logical {

// Yields the incoming row once: one empty row at the top of a query, the outer row at the
// bottom of an inner plan (OPTIONAL MATCH, MERGE).
struct Argument {
    std::string title() const { return "Argument"; }
    std::string details(const SlotNames&) const { return ""; }
};

// Every node, into `slot`.
struct AllNodesScan {
    int slot = -1;
    std::string title() const { return "AllNodesScan"; }
    std::string details(const SlotNames& names) const;
};

// The nodes carrying labels[0] (the rarest), checked for the other labels, into `slot`.
struct LabelScan {
    int slot = -1;
    std::vector<std::string> labels;
    std::string title() const { return "NodeByLabelScan"; }
    std::string details(const SlotNames& names) const;
};

// The nodes whose name or an alias matches `name` (an entity reference, a name equality, or a
// `(n $map)` parameter's name; a map without a name scans every node), checked for `labels`.
struct NodeByName {
    int slot = -1;
    std::vector<std::string> labels;
    BoundExpressionPtr name;
    std::string title() const { return "NodeByName"; }
    std::string details(const SlotNames& names) const;
};

// The node(s) whose id is `ids` (an integer or a list of them), checked for `labels`.
struct NodeById {
    int slot = -1;
    std::vector<std::string> labels;
    BoundExpressionPtr ids;
    std::string title() const { return "NodeById"; }
    std::string details(const SlotNames& names) const;
};

} // namespace innograph::query::logical
