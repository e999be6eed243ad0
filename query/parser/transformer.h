#pragma once

// Turns ANTLR's parse tree into our ParsedStatement at once (like Kùzu's Transformer), so that no
// later stage depends on generated code. Private to the parser directory.

#include "parser/parsed_statement.h"

#include "CypherParser.h"

namespace innograph::query {

ParsedStatement transformScript(grammar::CypherParser::ScriptContext* script,
                                antlr4::CharStream& input);

} // namespace innograph::query
