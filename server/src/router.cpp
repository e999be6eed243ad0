#include "router.h"

namespace innograph::server {
namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos)
            slash = path.size();
        parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& parts,
             std::vector<std::string>* params) {
    // A trailing "{*}" takes the rest of the path (static files).
    bool rest = !pattern.empty() && pattern.back() == "{*}";
    if (rest ? parts.size() < pattern.size() - 1 : parts.size() != pattern.size())
        return false;
    params->clear();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (rest && i == pattern.size() - 1) {
            std::string tail;
            for (std::size_t j = i; j < parts.size(); ++j)
                tail += (j > i ? "/" : "") + parts[j];
            params->push_back(tail);
            return true;
        }
        if (pattern[i].size() > 2 && pattern[i].front() == '{' && pattern[i].back() == '}') {
            if (parts[i].empty())
                return false;
            params->push_back(parts[i]);
        } else if (pattern[i] != parts[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

void Router::add(http::verb method, std::string pattern, Handler handler) {
    auto parts = split(pattern);
    routes_.push_back({method, std::move(pattern), std::move(parts), std::move(handler)});
}

Router::Match Router::match(http::verb method, const std::string& path) const {
    Match m;
    if (path.empty() || path[0] != '/')
        return m;
    auto parts = split(path);
    std::vector<std::string> params;
    // Specific routes first; a catch-all ("{*}") only serves paths no specific route knows, so
    // GET on a POST-only endpoint is 405, not a file lookup.
    // The API's namespace never falls through to static files: an unknown path under /v1 is a
    // 404 JSON error, not the web page.
    const bool api = path == "/v1" || path.starts_with("/v1/");
    for (bool catchAll : {false, true}) {
        if (catchAll && api)
            break;
        for (const auto& r : routes_) {
            bool isCatchAll = !r.parts.empty() && r.parts.back() == "{*}";
            if (isCatchAll != catchAll || !matches(r.parts, parts, &params))
                continue;
            if (r.method == method || (method == http::verb::head && r.method == http::verb::get)) {
                m.handler = &r.handler;
                m.pattern = r.pattern;
                m.params = params;
                return m;
            }
            auto name = std::string(http::to_string(r.method));
            if (m.allow.find(name) == std::string::npos)
                m.allow += (m.allow.empty() ? "" : ", ") + name;
        }
        if (!m.allow.empty())
            return m;
    }
    return m;
}

} // namespace innograph::server
