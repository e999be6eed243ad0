#pragma once

// Evaluates bound expressions against a row, with openCypher's null propagation and
// three-valued logic. Errors (wrong types, overflow, missing parameters) throw QueryError.

#include "binder/bound_expression.h"
#include "executor/exec_context.h"

namespace innograph::query {

Value evaluate(const BoundExpression& e, Row& row, ExecContext& ctx);
// A predicate passes only when it is true: false and null both reject the row.
inline bool passes(const Value& v) {
    return v.isBool() && v.asBool();
}

// Built-in scalar functions; `e` carries the function id, `args` are evaluated.
Value callFunction(const BoundExpression& e, std::vector<Value>& args, ExecContext& ctx);

// Arithmetic shared with aggregation (sum).
Value add(const Value& a, const Value& b, SourcePos pos);

} // namespace innograph::query
