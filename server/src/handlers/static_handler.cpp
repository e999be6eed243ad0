// GET / and the visualizer's files. Paths are resolved inside the static directory only:
// ".." segments are refused before the file system is asked anything.

#include "service.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace innograph::server {
namespace {

std::string contentType(const std::filesystem::path& p) {
    auto ext = p.extension().string();
    if (ext == ".html")
        return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs")
        return "text/javascript; charset=utf-8";
    if (ext == ".css")
        return "text/css; charset=utf-8";
    if (ext == ".json" || ext == ".map")
        return "application/json; charset=utf-8";
    if (ext == ".svg")
        return "image/svg+xml";
    if (ext == ".png")
        return "image/png";
    if (ext == ".ico")
        return "image/x-icon";
    if (ext == ".woff2")
        return "font/woff2";
    return "application/octet-stream";
}

Response index(Service& svc, RequestContext& ctx) {
    return svc.json(ctx, http::status::ok,
                    {{"service", "innograph"},
                     {"endpoints",
                      {"POST /v1/query", "GET /v1/entities?q=", "GET /v1/entities/{id}",
                       "GET /v1/entities/{id}/neighbors", "GET /v1/paths?from=&to=",
                       "GET /v1/schema", "GET /v1/documents", "GET /v1/documents/{id}",
                       "POST /v1/documents?id=", "GET /v1/export?format=", "GET /v1/geo/places",
                       "GET /healthz", "GET /readyz", "GET /metrics"}}});
}

Response serveFile(Service& svc, RequestContext& ctx) {
    const auto& dir = svc.options().staticDir;
    std::string rel = ctx.pathParams.empty() ? "" : ctx.pathParams.at(0);
    if (dir.empty()) {
        if (rel.empty())
            return index(svc, ctx);
        throw HttpError(http::status::not_found, "NotFound", "no such path: " + ctx.target.path);
    }
    if (rel.empty())
        rel = "index.html";
    for (std::size_t start = 0; start <= rel.size();) {
        auto slash = rel.find('/', start);
        if (slash == std::string::npos)
            slash = rel.size();
        auto seg = rel.substr(start, slash - start);
        if (seg == ".." || seg == "." || seg.find('\\') != std::string::npos)
            throw HttpError(http::status::bad_request, "BadRequest", "path escapes the web root");
        start = slash + 1;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    auto root = fs::canonical(dir, ec);
    if (ec)
        throw HttpError(http::status::not_found, "NotFound", "no web root");
    auto file = fs::weakly_canonical(root / rel, ec);
    auto rootText = root.string() + "/";
    if (ec || file.string().compare(0, rootText.size(), rootText) != 0)
        throw HttpError(http::status::bad_request, "BadRequest", "path escapes the web root");
    if (!fs::is_regular_file(file, ec)) {
        // Client-side routes fall back to the page itself.
        if (rel.find('.') == std::string::npos && fs::is_regular_file(root / "index.html", ec))
            file = root / "index.html";
        else
            throw HttpError(http::status::not_found, "NotFound",
                            "no such file: " + ctx.target.path);
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    auto res = svc.text(ctx, http::status::ok, body.str(), contentType(file));
    res.set(http::field::cache_control, "no-cache");
    return res;
}

} // namespace

void registerStaticRoutes(Router& router) {
    router.add(http::verb::get, "/", serveFile);
    router.add(http::verb::get, "/{*}", serveFile);
}

} // namespace innograph::server
