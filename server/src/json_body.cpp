#include "json_body.h"

#include "innograph/graph/graph_store.h"
#include "innograph/text/unicode.h"

#include <cstdint>
#include <limits>

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

void checkIntegerRange(const nlohmann::json& j, const std::string& where) {
    if (j.is_number_unsigned() &&
        j.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw HttpError(http::status::bad_request, "ArgumentError",
                        where + ": the integer " + std::to_string(j.get<std::uint64_t>()) +
                            " is out of range; integers are 64-bit, at most " +
                            std::to_string(std::numeric_limits<std::int64_t>::max()));
    if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            checkIntegerRange(j[i], where + "[" + std::to_string(i) + "]");
    } else if (j.is_object()) {
        for (const auto& [k, v] : j.items())
            checkIntegerRange(v, where + "." + k);
    }
}

} // namespace innograph::server
