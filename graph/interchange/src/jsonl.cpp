#include "import_builder.h"
#include "record_blocks.h"
#include "walk.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <cstdio>
#include <memory>
#include <unordered_map>

namespace innograph::interchange {
namespace {

using nlohmann::json;

std::string dumpJson(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace dom = simdjson::dom;

// Bounds recursion on hostile input; deeper than any stored value may be anyway.
constexpr int kMaxDepth = 64;

Status jsonError(simdjson::error_code e) {
    if (e == simdjson::UTF8_ERROR)
        return Status::invalidArgument("invalid UTF-8");
    return Status::invalidArgument(std::string("not JSON: ") + simdjson::error_message(e));
}

Status toValue(dom::element v, graph::Value* out, int depth) {
    if (depth > kMaxDepth)
        return Status::invalidArgument("JSON nested too deep");
    switch (v.type()) {
    case dom::element_type::NULL_VALUE:
        *out = graph::Value();
        return Status::ok();
    case dom::element_type::BOOL:
        *out = graph::Value(v.get_bool().value_unsafe());
        return Status::ok();
    case dom::element_type::INT64:
        *out = graph::Value(v.get_int64().value_unsafe());
        return Status::ok();
    case dom::element_type::UINT64:
        return Status::invalidArgument("integer " + std::to_string(v.get_uint64().value_unsafe()) +
                                       " is out of range");
    case dom::element_type::DOUBLE:
        *out = graph::Value(v.get_double().value_unsafe());
        return Status::ok();
    case dom::element_type::STRING:
        *out = graph::Value(v.get_string().value_unsafe());
        return Status::ok();
    case dom::element_type::ARRAY: {
        graph::ValueList list;
        dom::array items;
        if (auto e = v.get_array().get(items); e != simdjson::SUCCESS)
            return jsonError(e);
        for (dom::element item : items) {
            graph::Value x;
            if (auto s = toValue(item, &x, depth + 1); !s.isOk())
                return s;
            list.push_back(std::move(x));
        }
        *out = graph::Value(std::move(list));
        return Status::ok();
    }
    case dom::element_type::OBJECT: {
        graph::ValueMap map;
        dom::object fields;
        if (auto e = v.get_object().get(fields); e != simdjson::SUCCESS)
            return jsonError(e);
        for (dom::key_value_pair kv : fields) {
            graph::Value x;
            if (auto s = toValue(kv.value, &x, depth + 1); !s.isOk())
                return s;
            map.insert_or_assign(std::string(kv.key), std::move(x));
        }
        *out = graph::Value(std::move(map));
        return Status::ok();
    }
    }
    return Status::invalidArgument("unsupported JSON value");
}

// APOC writes ids as strings; accept integers too.
Status idOf(dom::element v, const char* what, std::string* out) {
    if (v.is_string()) {
        out->assign(v.get_string().value_unsafe());
        return Status::ok();
    }
    if (v.type() == dom::element_type::INT64) {
        *out = std::to_string(v.get_int64().value_unsafe());
        return Status::ok();
    }
    return Status::invalidArgument(std::string(what) + " must be a string or an integer");
}

Status parseLine(dom::parser& parser, const char* text, std::size_t len, ParsedRecord* item) {
    // The block keeps simdjson's padding after its last line, so no line needs a copy.
    dom::element root;
    if (auto e = parser.parse(text, len, /*realloc_if_needed=*/false).get(root);
        e != simdjson::SUCCESS)
        return jsonError(e);
    if (!root.is_object())
        return Status::invalidArgument("expected a JSON object");
    std::string_view kind, label;
    bool hasId = false, hasStart = false, hasEnd = false;
    graph::PropertyMap props;
    dom::object fields;
    if (auto e = root.get_object().get(fields); e != simdjson::SUCCESS)
        return jsonError(e);
    for (dom::key_value_pair kv : fields) {
        const auto& key = kv.key;
        const auto& v = kv.value;
        if (key == "type" || key == "label") {
            (key == "type" ? kind : label) = v.is_string() ? v.get_string().value_unsafe() : "";
        } else if (key == "id") {
            if (auto s = idOf(v, "\"id\"", &item->id); !s.isOk())
                return s;
            hasId = true;
        } else if (key == "labels") {
            if (!v.is_array())
                return Status::invalidArgument("\"labels\" must be a list");
            dom::array labels;
            if (auto e = v.get_array().get(labels); e != simdjson::SUCCESS)
                return jsonError(e);
            for (dom::element l : labels) {
                if (!l.is_string() || l.get_string().value_unsafe().empty())
                    return Status::invalidArgument("a label must be a non-empty string");
                item->labels.emplace_back(l.get_string().value_unsafe());
            }
        } else if (key == "start" || key == "end") {
            bool isStart = key == "start";
            dom::element id;
            dom::object endpoint;
            if (v.get_object().get(endpoint) || endpoint.at_key("id").get(id))
                return Status::invalidArgument(std::string("a relationship needs \"") +
                                               std::string(key) + "\": {\"id\": …}");
            if (auto s = idOf(id, isStart ? "start" : "end", isStart ? &item->start : &item->end);
                !s.isOk())
                return s;
            (isStart ? hasStart : hasEnd) = true;
        } else if (key == "properties") {
            if (v.is_null())
                continue;
            if (!v.is_object())
                return Status::invalidArgument("\"properties\" must be an object");
            dom::object properties;
            if (auto e = v.get_object().get(properties); e != simdjson::SUCCESS)
                return jsonError(e);
            for (dom::key_value_pair p : properties) {
                graph::Value x;
                if (auto s = toValue(p.value, &x, 1); !s.isOk())
                    return Status::invalidArgument("property " + std::string(p.key) + ": " +
                                                   s.message());
                props.insert_or_assign(std::string(p.key), std::move(x));
            }
        }
    }
    if (kind == "node") {
        if (!hasId)
            return Status::invalidArgument("a node needs an \"id\"");
        item->node = true;
        item->hasId = true;
    } else if (kind == "relationship") {
        if (label.empty())
            return Status::invalidArgument("a relationship needs a \"label\" (its type)");
        if (!hasStart || !hasEnd)
            return Status::invalidArgument(std::string("a relationship needs \"") +
                                           (hasStart ? "end" : "start") + "\": {\"id\": …}");
        item->type = std::string(label);
    } else {
        return Status::invalidArgument("\"type\" must be \"node\" or \"relationship\"");
    }
    auto prepared = graph::prepareProperties(props);
    if (!prepared.isOk())
        return prepared.status();
    item->props = std::move(*prepared);
    return Status::ok();
}

// Parses the lines of `text` (whole lines, simdjson's padding after them). Stops at the first
// bad line.
void parseLines(std::string_view text, std::size_t firstLine, ParsedBlock* out) {
    dom::parser parser;
    std::size_t pos = 0, line = firstLine;
    const std::size_t len = text.size();
    while (pos < len) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = len;
        std::size_t end = eol;
        if (end > pos && text[end - 1] == '\r')
            --end;
        std::size_t first = pos;
        while (first < end && (text[first] == ' ' || text[first] == '\t'))
            ++first;
        if (first < end) {
            ParsedRecord item;
            item.line = line;
            auto s = parseLine(parser, text.data() + pos, end - pos, &item);
            if (!s.isOk()) {
                out->status = s;
                out->errorLine = line;
                return;
            }
            out->records.push_back(std::move(item));
        }
        pos = eol + 1;
        ++line;
    }
}

} // namespace

Result<ImportSummary> importJsonl(graph::GraphStore& store, const std::string& path,
                                  const Progress& progress) {
    std::FILE* in = stdin;
    InputFile owned(nullptr, &std::fclose);
    if (path != "-") {
        auto f = openInput(path);
        if (!f.isOk())
            return f.status();
        owned = std::move(*f);
        in = owned.get();
    }
    ImportBuilder builder(store, progress);
    if (auto s = builder.begin(); !s.isOk())
        return s;

    BlockFormat format;
    format.wholeRecords = [](std::string_view text) {
        auto nl = text.rfind('\n');
        return nl == std::string_view::npos ? 0 : nl + 1;
    };
    format.parse = parseLines;
    format.padding = simdjson::SIMDJSON_PADDING;
    auto feed = [&](ParsedRecord& r) {
        return r.node ? builder.addNode(path, r.line, r.id, r.labels, r.props)
                      : builder.addRelationship(path, r.line, r.type, r.start, r.end,
                                                std::move(r.props));
    };
    if (auto s = readRecordBlocks(in, path, 1, format, feed, progress); !s.isOk())
        return s;
    return builder.finish();
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
