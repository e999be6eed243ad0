#pragma once

#include "http_util.h"

namespace innograph::server {

// Parses a request body as JSON. Malformed JSON is 400 MalformedJson with the byte position;
// nesting deeper than maxDepth is refused before parsing, so no body can exhaust the stack.
nlohmann::json parseJsonBody(const std::string& body, int maxDepth = 128);

// Throws 400 for an integer above 2^63-1 anywhere in `j` (the JSON library reads it as unsigned,
// and it would wrap to a negative 64-bit integer); `where` names `j` in the message.
void checkIntegerRange(const nlohmann::json& j, const std::string& where);

} // namespace innograph::server
