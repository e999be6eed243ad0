#pragma once

// Stage 1: text to ParsedStatement. ANTLR runs inside parser.cpp and transform*.cpp only; no
// ANTLR type crosses this header.

#include "parser/parsed_statement.h"

#include <cstddef>
#include <string_view>

namespace innograph::query {

// Limits that keep a hostile query from exhausting the stack or memory; each breach is a
// QueryError(LimitExceeded) naming the limit, raised before the stage it protects.
// Brackets and CASE nested deeper than this: ANTLR's recursive descent spends about a dozen
// stack frames per level, so this is checked on the tokens before parsing.
inline constexpr int kMaxNesting = 200;
// Levels of one expression tree, where a chain like a + b + c counts a level per operator.
inline constexpr int kMaxExpressionDepth = 1000;
// Tokens of one query: the parse tree takes about 2 kB a token, so a literal list of a million
// items would take gigabytes. Large lists belong in parameters.
inline constexpr std::size_t kMaxTokens = 200'000;
// Characters held by all expression nodes' text together (each node keeps its own source text).
inline constexpr std::size_t kMaxExpressionTextBytes = std::size_t{64} << 20;

// Throws QueryError(SyntaxError) with the position of the first error, what was expected there
// and, for a misspelled keyword, the keyword that was probably meant.
ParsedStatement parseQuery(std::string_view text);

} // namespace innograph::query
