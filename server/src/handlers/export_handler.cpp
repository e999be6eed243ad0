// GET /v1/export?format=jsonl|graphml|csv[&part=nodes|relationships]: the whole graph.

#include "service.h"

#include "innograph/interchange/interchange.h"

#include <sstream>

namespace innograph::server {
namespace {

Response exportGraph(Service& svc, RequestContext& ctx) {
    auto formatName = param(ctx.target, "format", "jsonl");
    auto format = interchange::parseFormat(formatName);
    if (!format.isOk())
        throw HttpError(http::status::bad_request, "ArgumentError", format.status().message());
    auto view = svc.store().snapshot();
    std::ostringstream out;
    graph::Status s;
    std::string type, filename;
    switch (*format) {
    case interchange::Format::Jsonl:
        s = interchange::exportJsonl(*view, out);
        type = "application/x-ndjson; charset=utf-8";
        filename = "innograph.jsonl";
        break;
    case interchange::Format::GraphMl:
        s = interchange::exportGraphMl(*view, out);
        type = "application/graphml+xml; charset=utf-8";
        filename = "innograph.graphml";
        break;
    case interchange::Format::Csv: {
        auto part = param(ctx.target, "part", "nodes");
        if (part != "nodes" && part != "relationships")
            throw HttpError(http::status::bad_request, "ArgumentError",
                            "part must be nodes or relationships");
        std::ostringstream other;
        s = part == "nodes" ? interchange::exportCsv(*view, out, other)
                            : interchange::exportCsv(*view, other, out);
        type = "text/csv; charset=utf-8";
        filename = part + ".csv";
        break;
    }
    }
    if (!s.isOk())
        throw HttpError(http::status::internal_server_error, "StorageError", s.toString());
    auto res = svc.text(ctx, http::status::ok, out.str(), type);
    res.set(http::field::content_disposition, "attachment; filename=\"" + filename + "\"");
    return res;
}

} // namespace

void registerExportRoutes(Router& router) {
    router.add(http::verb::get, "/v1/export", exportGraph);
}

} // namespace innograph::server
