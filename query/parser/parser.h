#pragma once

// Stage 1: text to ParsedStatement. ANTLR runs inside parser.cpp and transformer.cpp only; no
// ANTLR type crosses this header.

#include "parser/parsed_statement.h"

#include <string_view>

namespace innograph::query {

// Throws QueryError(SyntaxError) with the position of the first error, what was expected there
// and, for a misspelled keyword, the keyword that was probably meant.
ParsedStatement parseQuery(std::string_view text);

} // namespace innograph::query
