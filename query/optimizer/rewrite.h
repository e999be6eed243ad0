#pragma once

// Bottom-up rewriting of an immutable plan tree: children first, then the operator itself. Only
// the operators on a path to a change are copied; untouched subtrees are shared with the input.

#include "planner/logical_operator.h"

#include <functional>

namespace innograph::query {

// `rule` sees an operator whose children are already rewritten and returns its replacement, or
// nullptr to keep it.
using RewriteRule = std::function<LogicalPtr(const LogicalPtr&)>;

LogicalPtr rewriteBottomUp(const LogicalPtr& op, const RewriteRule& rule);

} // namespace innograph::query
