#include "import_builder.h"
#include "walk.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <unordered_map>

namespace innograph::interchange {
namespace {

using nlohmann::json;

std::string dumpJson(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// APOC writes ids as strings; accept numbers too.
Result<std::string> idOf(const json& j, const char* what) {
    if (j.is_string())
        return j.get<std::string>();
    if (j.is_number_integer())
        return std::to_string(j.get<std::int64_t>());
    return Status::invalidArgument(std::string(what) + " must be a string or an integer");
}

Result<graph::PropertyMap> propertiesOf(const json& o) {
    graph::PropertyMap props;
    auto it = o.find("properties");
    if (it == o.end() || it->is_null())
        return props;
    if (!it->is_object())
        return Status::invalidArgument("\"properties\" must be an object");
    for (const auto& [k, v] : it->items()) {
        auto value = fromJson(v);
        if (!value.isOk())
            return Status::invalidArgument("property " + k + ": " + value.status().message());
        props.emplace(k, std::move(*value));
    }
    return props;
}

Status readLine(ImportBuilder& builder, const std::string& where, const std::string& line) {
    if (!graph::isValidUtf8(line))
        return Status::invalidArgument(where + "invalid UTF-8");
    json o;
    try {
        o = json::parse(line);
    } catch (const json::parse_error& e) {
        return Status::invalidArgument(where + "not JSON (at byte " + std::to_string(e.byte) +
                                       "): " + e.what());
    }
    if (!o.is_object())
        return Status::invalidArgument(where + "expected a JSON object");
    auto type = o.value("type", std::string());
    auto props = propertiesOf(o);
    if (!props.isOk())
        return Status::invalidArgument(where + props.status().message());
    if (type == "node") {
        if (!o.contains("id"))
            return Status::invalidArgument(where + "a node needs an \"id\"");
        auto id = idOf(o["id"], "\"id\"");
        if (!id.isOk())
            return Status::invalidArgument(where + id.status().message());
        std::vector<std::string> labels;
        if (auto it = o.find("labels"); it != o.end()) {
            if (!it->is_array())
                return Status::invalidArgument(where + "\"labels\" must be a list");
            for (const auto& l : *it) {
                if (!l.is_string() || l.get<std::string>().empty())
                    return Status::invalidArgument(where + "a label must be a non-empty string");
                labels.push_back(l.get<std::string>());
            }
        }
        return builder.addNode(where, *id, std::move(labels), std::move(*props));
    }
    if (type == "relationship") {
        auto label = o.value("label", std::string());
        if (label.empty())
            return Status::invalidArgument(where + "a relationship needs a \"label\" (its type)");
        auto endpoint = [&](const char* key) -> Result<std::string> {
            auto it = o.find(key);
            if (it == o.end() || !it->is_object() || !it->contains("id"))
                return Status::invalidArgument(where + "a relationship needs \"" + key +
                                               "\": {\"id\": …}");
            auto id = idOf((*it)["id"], key);
            if (!id.isOk())
                return Status::invalidArgument(where + id.status().message());
            return id;
        };
        auto start = endpoint("start");
        if (!start.isOk())
            return start.status();
        auto end = endpoint("end");
        if (!end.isOk())
            return end.status();
        builder.addRelationship(where, label, *start, *end, std::move(*props));
        return Status::ok();
    }
    return Status::invalidArgument(where + "\"type\" must be \"node\" or \"relationship\"");
}

} // namespace

Result<ImportSummary> importJsonl(graph::GraphStore& store, const std::string& path,
                                  const Progress& progress) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file)
            return Status::notFound(path + ": cannot open for reading");
        in = &file;
    }
    ImportBuilder builder;
    std::string line;
    std::size_t lineNo = 0;
    while (std::getline(*in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (auto s = readLine(builder, at(path, lineNo), line); !s.isOk())
            return s;
        if (progress && lineNo % 100000 == 0)
            progress(lineNo, 0);
    }
    if (in->bad())
        return Status::ioError(path + ": read error");
    return builder.load(store, progress);
}

Status exportJsonl(const graph::ReadView& view, std::ostream& out, const Progress& progress) {
    // Relationship lines repeat their endpoints' labels, as APOC does.
    std::unordered_map<graph::NodeId, std::string> labelsOf;
    GraphVisitor v;
    v.node = [&](const graph::Node& n) {
        std::string labels = dumpJson(json(n.labels));
        out << R"({"type":"node","id":")" << n.id << R"(","labels":)" << labels
            << R"(,"properties":)" << dumpJson(toJson(n.properties)) << "}\n";
        labelsOf.emplace(n.id, std::move(labels));
        return Status::ok();
    };
    v.relationship = [&](const graph::Relationship& r) {
        auto lab = [&](graph::NodeId id) -> const std::string& {
            static const std::string none = "[]";
            auto it = labelsOf.find(id);
            return it == labelsOf.end() ? none : it->second;
        };
        out << R"({"type":"relationship","id":")" << r.id << R"(","label":)"
            << dumpJson(json(r.type)) << R"(,"start":{"id":")" << r.start << R"(","labels":)"
            << lab(r.start) << R"(},"end":{"id":")" << r.end << R"(","labels":)" << lab(r.end)
            << R"(},"properties":)" << dumpJson(toJson(r.properties)) << "}\n";
        return Status::ok();
    };
    if (auto s = walkGraph(view, v, progress); !s.isOk())
        return s;
    out.flush();
    return out ? Status::ok() : Status::ioError("write error while exporting");
}

} // namespace innograph::interchange
