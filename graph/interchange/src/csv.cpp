#include "innograph/interchange/interchange.h"
#include "walk.h"

#include <nlohmann/json.hpp>

namespace innograph::interchange {
namespace {

using nlohmann::json;

std::string field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string joinLabels(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) {
        if (!out.empty())
            out += ';';
        out += l;
    }
    return out;
}

} // namespace

Status exportCsv(const graph::ReadView& view, std::ostream& nodesOut, std::ostream& relsOut,
                 const Progress& progress) {
    auto dump = [](const graph::PropertyMap& p) {
        return toJson(p).dump(-1, ' ', false, json::error_handler_t::replace);
    };
    nodesOut << "id,labels,properties\n";
    relsOut << "id,type,start,end,properties\n";
    GraphVisitor v;
    v.node = [&](const graph::Node& n) {
        nodesOut << n.id << ',' << field(joinLabels(n.labels)) << ',' << field(dump(n.properties))
                 << '\n';
        return Status::ok();
    };
    v.relationship = [&](const graph::Relationship& r) {
        relsOut << r.id << ',' << field(r.type) << ',' << r.start << ',' << r.end << ','
                << field(dump(r.properties)) << '\n';
        return Status::ok();
    };
    if (auto s = walkGraph(view, v, progress); !s.isOk())
        return s;
    nodesOut.flush();
    relsOut.flush();
    return nodesOut && relsOut ? Status::ok() : Status::ioError("write error while exporting");
}

} // namespace innograph::interchange
