#pragma once

// openCypher's rules for comparing values, which differ by purpose:
// - equality and ordering predicates (=, <, ...) use three-valued logic: null when either side
//   is null or the values are not comparable;
// - ORDER BY uses a total order across all types (null last ascending);
// - DISTINCT and grouping use equivalence, where null is equivalent to null.

#include "innograph/query/value.h"

#include <cstddef>
#include <optional>
#include <string>

namespace innograph::query {

// true, false, or null (as a Value).
Value equalsTernary(const Value& a, const Value& b);
// <0, 0, >0, or nullopt when the comparison is undefined (null, different types, NaN).
std::optional<int> compareTernary(const Value& a, const Value& b);
// Total order used by ORDER BY.
int orderCompare(const Value& a, const Value& b);
bool equivalent(const Value& a, const Value& b);
std::size_t hashValue(const Value& v);

struct ValueHash {
    std::size_t operator()(const Value& v) const { return hashValue(v); }
};
struct ValueEquivalent {
    bool operator()(const Value& a, const Value& b) const { return equivalent(a, b); }
};
struct RowHash {
    std::size_t operator()(const std::vector<Value>& r) const;
};
struct RowEquivalent {
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// Text used by toString() and the table output: strings unquoted at top level.
std::string toDisplayString(const Value& v);
// Literal-like rendering used inside lists and maps: strings quoted.
std::string toLiteralString(const Value& v);
std::string formatDouble(double d);

} // namespace innograph::query
