#include "walk.h"

#include <nlohmann/json.hpp>

#include <map>
#include <ostream>

namespace innograph::interchange {
namespace {

using graph::Value;

std::string escapeXml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            // XML 1.0 forbids most control characters, even escaped.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                out += ' ';
            else
                out += c;
        }
    }
    return out;
}

// GraphML attributes are scalar; lists and maps are written as JSON text.
const char* graphMlType(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Bool:
        return "boolean";
    case Value::Kind::Int:
        return "long";
    case Value::Kind::Double:
        return "double";
    default:
        return "string";
    }
}

std::string text(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Bool:
        return v.asBool() ? "true" : "false";
    case Value::Kind::Int:
        return std::to_string(v.asInt());
    case Value::Kind::Double:
        return toJson(v).dump();
    case Value::Kind::String:
        return v.asString();
    default:
        return toJson(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

struct KeySet {
    // property key -> GraphML type; a key seen with two types becomes a string
    std::map<std::string, std::string> types;
    void note(const graph::PropertyMap& props) {
        for (const auto& [k, v] : props) {
            auto t = graphMlType(v);
            auto [it, added] = types.emplace(k, t);
            if (!added && it->second != t)
                it->second = "string";
        }
    }
};

} // namespace

Status exportGraphMl(const graph::ReadView& view, std::ostream& out, const Progress& progress) {
    // First pass: the keys must be declared before the elements that use them.
    KeySet nodeKeys, relKeys;
    GraphVisitor collect;
    collect.node = [&](const graph::Node& n) {
        nodeKeys.note(n.properties);
        return Status::ok();
    };
    collect.relationship = [&](const graph::Relationship& r) {
        relKeys.note(r.properties);
        return Status::ok();
    };
    if (auto s = walkGraph(view, collect, {}); !s.isOk())
        return s;

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
           "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n";
    for (const auto& [k, t] : nodeKeys.types)
        out << "  <key id=\"n_" << escapeXml(k) << "\" for=\"node\" attr.name=\"" << escapeXml(k)
            << "\" attr.type=\"" << t << "\"/>\n";
    for (const auto& [k, t] : relKeys.types)
        out << "  <key id=\"e_" << escapeXml(k) << "\" for=\"edge\" attr.name=\"" << escapeXml(k)
            << "\" attr.type=\"" << t << "\"/>\n";
    out << "  <graph id=\"innograph\" edgedefault=\"directed\">\n";
    GraphVisitor write;
    write.node = [&](const graph::Node& n) {
        std::string labels;
        for (const auto& l : n.labels)
            labels += ":" + l;
        out << "    <node id=\"n" << n.id << "\">"
            << "<data key=\"labels\">" << escapeXml(labels) << "</data>";
        for (const auto& [k, v] : n.properties)
            out << "<data key=\"n_" << escapeXml(k) << "\">" << escapeXml(text(v)) << "</data>";
        out << "</node>\n";
        return Status::ok();
    };
    write.relationship = [&](const graph::Relationship& r) {
        out << "    <edge id=\"e" << r.id << "\" source=\"n" << r.start << "\" target=\"n" << r.end
            << "\"><data key=\"label\">" << escapeXml(r.type) << "</data>";
        for (const auto& [k, v] : r.properties)
            out << "<data key=\"e_" << escapeXml(k) << "\">" << escapeXml(text(v)) << "</data>";
        out << "</edge>\n";
        return Status::ok();
    };
    if (auto s = walkGraph(view, write, progress); !s.isOk())
        return s;
    out << "  </graph>\n</graphml>\n";
    out.flush();
    return out ? Status::ok() : Status::ioError("write error while exporting");
}

} // namespace innograph::interchange
