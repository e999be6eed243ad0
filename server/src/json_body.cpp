#include "json_body.h"

#include "innograph/graph/graph_store.h"
#include "innograph/text/unicode.h"

namespace innograph::server {
namespace {

// Depth of [ and { outside strings; -1 when over the limit.
long long depthOf(const std::string& s, int maxDepth) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return -static_cast<long long>(i) - 1;
        } else if (c == ']' || c == '}')
            --depth;
    }
    return depth;
}

} // namespace

nlohmann::json parseJsonBody(const std::string& body, int maxDepth) {
    if (!text::isValidUtf8(body))
        throw HttpError(http::status::bad_request, "MalformedJson", "the body is not valid UTF-8");
    if (auto d = depthOf(body, maxDepth); d < 0)
        throw HttpError(http::status::bad_request, "MalformedJson",
                        "JSON nested deeper than " + std::to_string(maxDepth) + " levels",
                        {{"position", -d - 1}});
    try {
        return nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        throw HttpError(http::status::bad_request, "MalformedJson",
                        std::string("malformed JSON: ") + e.what(), {{"position", e.byte}});
    }
}

} // namespace innograph::server
