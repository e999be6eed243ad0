#pragma once

#include "http_util.h"

namespace innograph::server {

// Parses a request body as JSON. Malformed JSON is 400 MalformedJson with the byte position;
// nesting deeper than maxDepth is refused before parsing, so no body can exhaust the stack.
nlohmann::json parseJsonBody(const std::string& body, int maxDepth = 128);

} // namespace innograph::server
