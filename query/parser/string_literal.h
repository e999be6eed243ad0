#pragma once

// Decoding of quoted literals and identifiers as the lexer delivers them.

#include <string>
#include <string_view>

namespace innograph::query {

// 'text' or "text" with backslash escapes (\n, \t, \uXXXX, ...) to its UTF-8 value.
std::string unquoteString(std::string_view quoted);
// `name` with doubled backquotes to the name.
std::string unquoteIdentifier(std::string_view quoted);

} // namespace innograph::query
