#include "http_util.h"

#include "innograph/graph/graph_store.h"
#include "innograph/text/unicode.h"

#include <charconv>

namespace innograph::server {

std::optional<std::string> urlDecode(std::string_view in, bool plusIsSpace) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return std::nullopt;
            int v = 0;
            auto [p, ec] = std::from_chars(in.data() + i + 1, in.data() + i + 3, v, 16);
            if (ec != std::errc() || p != in.data() + i + 3)
                return std::nullopt;
            out.push_back(static_cast<char>(v));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

Target parseTarget(std::string_view target) {
    Target t;
    auto q = target.find('?');
    auto rawPath = target.substr(0, q);
    auto path = urlDecode(rawPath, false);
    if (!path || !text::isValidUtf8(*path) || path->find('\0') != std::string::npos)
        throw HttpError(http::status::bad_request, "BadRequest", "malformed request path");
    t.path = std::move(*path);
    if (q == std::string_view::npos)
        return t;
    auto rest = target.substr(q + 1);
    while (!rest.empty()) {
        auto amp = rest.find('&');
        auto pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (pair.empty())
            continue;
        auto eq = pair.find('=');
        auto key = urlDecode(pair.substr(0, eq), true);
        auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                  : urlDecode(pair.substr(eq + 1), true);
        if (!key || !value || !text::isValidUtf8(*key) || !text::isValidUtf8(*value))
            throw HttpError(http::status::bad_request, "BadRequest",
                            "malformed query string (bad percent-escape or invalid UTF-8)");
        t.query[*key] = *value;
    }
    return t;
}

std::string dumpJson(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json errorBody(const std::string& code, const std::string& message,
                         const nlohmann::json& extra) {
    nlohmann::json e = extra.is_object() ? extra : nlohmann::json::object();
    e["code"] = code;
    e["message"] = message;
    return {{"error", e}};
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
    // The time depends on the length of `a` (what the client sent) only: no early exit, and no
    // branch on where the secret `b` differs or how long it is.
    if (b.empty())
        return a.empty();
    std::size_t diff = a.size() ^ b.size();
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i % b.size()]);
    return diff == 0;
}

std::string param(const Target& t, const std::string& name, const std::string& fallback) {
    auto it = t.query.find(name);
    return it == t.query.end() ? fallback : it->second;
}

std::uint64_t uintParam(const Target& t, const std::string& name, std::uint64_t fallback,
                        std::uint64_t max) {
    auto it = t.query.find(name);
    if (it == t.query.end() || it->second.empty())
        return fallback;
    std::uint64_t v = 0;
    auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    if (ec != std::errc() || p != it->second.data() + it->second.size())
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "query parameter '" + name + "' must be a non-negative integer");
    if (v > max)
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "query parameter '" + name + "' must be at most " + std::to_string(max));
    return v;
}

} // namespace innograph::server
