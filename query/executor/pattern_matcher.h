#pragma once

// Patterns written inside expressions: pattern predicates (`WHERE (a)-[:HOSTS]->(:Industry)`),
// `EXISTS { … }`, `COUNT { … }` and pattern comprehensions (`[(a)-->(b) WHERE … | b.name]`).
// They are matched from the row's bound variables by backtracking over the pattern's
// relationships, one relationship at a time from an endpoint already matched, with openCypher's
// semantics: direction, types, labels, property maps, entity references, variable lengths, and
// no relationship twice in one match. A pattern none of whose nodes is bound starts from a
// label scan (or every node).

#include "binder/bound_expression.h"
#include "executor/exec_context.h"

namespace innograph::query {

// `e` is a PatternExists, PatternCount or PatternComprehension expression: true/false, the
// number of matches, or the list of the projection over every match. The pattern's own
// variables are written into their row slots while matching and restored afterwards.
Value matchSubquery(const BoundExpression& e, Row& row, ExecContext& ctx);

} // namespace innograph::query
