#include "innograph/query/result_json.h"

#include "common/value_ops.h"
#include "innograph/text/unicode.h"

#include <cmath>
#include <sstream>

namespace innograph::query {

namespace {

nlohmann::json storedToJson(const graph::Value& v) {
    return valueToJson(Value::fromStored(v));
}

nlohmann::json propertiesToJson(const graph::PropertyMap& props) {
    auto out = nlohmann::json::object();
    for (const auto& [k, v] : props)
        out[k] = storedToJson(v);
    return out;
}

nlohmann::json nodeToJson(const NodeRef& n) {
    nlohmann::json j;
    j["id"] = n.id;
    j["labels"] = n.data ? nlohmann::json(n.data->labels) : nlohmann::json::array();
    j["properties"] = n.data ? propertiesToJson(n.data->properties) : nlohmann::json::object();
    return j;
}

nlohmann::json relToJson(const RelRef& r) {
    nlohmann::json j;
    j["id"] = r.id;
    j["type"] = r.data ? r.data->type : std::string();
    j["start"] = r.start;
    j["end"] = r.end;
    j["properties"] = r.data ? propertiesToJson(r.data->properties) : nlohmann::json::object();
    return j;
}

} // namespace

nlohmann::json valueToJson(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null:
        return nullptr;
    case Value::Kind::Bool:
        return v.asBool();
    case Value::Kind::Int:
        return v.asInt();
    case Value::Kind::Double:
        // JSON has no NaN or infinities; spell them as Cypher prints them.
        if (!std::isfinite(v.asDouble()))
            return formatDouble(v.asDouble());
        return v.asDouble();
    case Value::Kind::String:
        return v.asString();
    case Value::Kind::List: {
        auto out = nlohmann::json::array();
        for (const auto& x : v.asList())
            out.push_back(valueToJson(x));
        return out;
    }
    case Value::Kind::Map: {
        auto out = nlohmann::json::object();
        for (const auto& [k, x] : v.asMap())
            out[k] = valueToJson(x);
        return out;
    }
    case Value::Kind::Node:
        return nodeToJson(v.asNode());
    case Value::Kind::Rel:
        return relToJson(v.asRel());
    case Value::Kind::Path: {
        nlohmann::json j;
        j["nodes"] = nlohmann::json::array();
        j["relationships"] = nlohmann::json::array();
        for (const auto& n : v.asPath().nodes)
            j["nodes"].push_back(nodeToJson(n));
        for (const auto& r : v.asPath().relationships)
            j["relationships"].push_back(relToJson(r));
        return j;
    }
    case Value::Kind::Temporal: // JSON has no temporal type: ISO 8601 text, as Neo4j's HTTP API
        return graph::formatTemporal(v.asTemporal());
    }
    return nullptr;
}

nlohmann::json statsToJson(const QueryStatistics& s) {
    nlohmann::json j;
    j["rows"] = s.rows;
    j["truncated"] = s.truncated;
    j["storageReads"] = s.storageReads;
    j["planCached"] = s.planCached;
    j["planningMs"] = s.planningMs;
    j["executionMs"] = s.executionMs;
    const auto& w = s.writes;
    j["nodesCreated"] = w.nodesCreated;
    j["nodesDeleted"] = w.nodesDeleted;
    j["relationshipsCreated"] = w.relationshipsCreated;
    j["relationshipsDeleted"] = w.relationshipsDeleted;
    j["propertiesSet"] = w.propertiesSet;
    j["labelsAdded"] = w.labelsAdded;
    j["labelsRemoved"] = w.labelsRemoved;
    return j;
}

nlohmann::json planToJson(const PlanNode& p) {
    nlohmann::json j;
    j["operator"] = p.op;
    j["details"] = p.details;
    j["estimatedRows"] = p.estimatedRows;
    if (p.profiled) {
        j["rows"] = p.rows;
        j["storageReads"] = p.storageReads;
        j["timeMs"] = p.timeMs;
    }
    j["children"] = nlohmann::json::array();
    for (const auto& c : p.children)
        j["children"].push_back(planToJson(c));
    return j;
}

nlohmann::json resultToJson(const QueryResult& r) {
    nlohmann::json j;
    j["columns"] = r.columns;
    j["rows"] = nlohmann::json::array();
    for (const auto& row : r.rows) {
        auto jr = nlohmann::json::array();
        for (const auto& v : row)
            jr.push_back(valueToJson(v));
        j["rows"].push_back(std::move(jr));
    }
    j["stats"] = statsToJson(r.stats);
    if (!r.notifications.empty()) {
        auto& list = j["notifications"] = nlohmann::json::array();
        for (const auto& n : r.notifications)
            list.push_back(notificationToJson(n));
    }
    if (r.hasPlan)
        j["plan"] = planToJson(r.plan);
    return j;
}

std::string notificationCategory(const Notification& n) {
    return n.code.find(".Unknown") != std::string::npos ? "UNRECOGNIZED" : "GENERIC";
}

nlohmann::json notificationToJson(const Notification& n) {
    return {{"code", n.code},
            {"title", n.title},
            {"description", n.description},
            {"severity", n.severity},
            {"category", notificationCategory(n)},
            {"position", {{"line", n.pos.line}, {"column", n.pos.column}}}};
}

nlohmann::json errorToJson(const QueryError& e) {
    nlohmann::json err;
    err["code"] = errorCodeName(e.code());
    err["message"] = e.message();
    err["line"] = e.pos().line;
    err["column"] = e.pos().column;
    if (!e.detail().empty())
        err["detail"] = e.detail();
    if (!e.excerpt().empty())
        err["excerpt"] = e.excerpt();
    return nlohmann::json{{"error", err}};
}

Value valueFromJson(const nlohmann::json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::null:
        return Value();
    case nlohmann::json::value_t::boolean:
        return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
        return Value(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
        return Value(static_cast<std::int64_t>(j.get<std::uint64_t>()));
    case nlohmann::json::value_t::number_float:
        return Value(j.get<double>());
    case nlohmann::json::value_t::string:
        return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
        List l;
        for (const auto& x : j)
            l.push_back(valueFromJson(x));
        return Value(std::move(l));
    }
    case nlohmann::json::value_t::object: {
        Map m;
        for (const auto& [k, x] : j.items())
            m.emplace(k, valueFromJson(x));
        return Value(std::move(m));
    }
    default:
        return Value();
    }
}

Parameters parametersFromJson(const nlohmann::json& object) {
    Parameters p;
    if (!object.is_object())
        return p;
    for (const auto& [k, v] : object.items())
        p.emplace(k, valueFromJson(v));
    return p;
}

std::string formatTable(const QueryResult& r) {
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width(r.columns.size(), 0);
    auto measure = [](const std::string& s) { return text::displayWidth(std::string_view(s)); };
    for (std::size_t i = 0; i < r.columns.size(); ++i)
        width[i] = measure(r.columns[i]);
    for (const auto& row : r.rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line.push_back(row[i].isString() ? toLiteralString(row[i]) : toDisplayString(row[i]));
            width[i] = std::max(width[i], measure(line.back()));
        }
        cells.push_back(std::move(line));
    }
    std::ostringstream out;
    auto rule = [&]() {
        out << '+';
        for (auto w : width)
            out << std::string(w + 2, '-') << '+';
        out << '\n';
    };
    auto line = [&](const std::vector<std::string>& values) {
        out << '|';
        for (std::size_t i = 0; i < values.size(); ++i)
            out << ' ' << values[i] << std::string(width[i] - measure(values[i]), ' ') << " |";
        out << '\n';
    };
    if (!r.columns.empty()) {
        rule();
        line(r.columns);
        rule();
        for (const auto& c : cells)
            line(c);
        rule();
    }
    out << r.rows.size() << (r.rows.size() == 1 ? " row" : " rows");
    if (r.stats.truncated)
        out << " (truncated: the row limit was reached)";
    out << '\n';
    return out.str();
}

std::string formatCsv(const QueryResult& r) {
    auto quote = [](const std::string& s) {
        if (s.find_first_of(",\"\n\r") == std::string::npos)
            return s;
        std::string out = "\"";
        for (char c : s) {
            if (c == '"')
                out += '"';
            out += c;
        }
        return out + "\"";
    };
    std::ostringstream out;
    for (std::size_t i = 0; i < r.columns.size(); ++i)
        out << (i ? "," : "") << quote(r.columns[i]);
    out << '\n';
    for (const auto& row : r.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            std::string cell;
            if (row[i].isNull())
                cell = "";
            else if (row[i].isNode() || row[i].isRel() || row[i].isPath() || row[i].isMap() ||
                     row[i].isList())
                cell = valueToJson(row[i]).dump();
            else
                cell = toDisplayString(row[i]);
            out << (i ? "," : "") << quote(cell);
        }
        out << '\n';
    }
    return out.str();
}

namespace {
void planLines(const PlanNode& p, const std::string& indent, bool last, bool root,
               std::ostringstream& out) {
    out << indent << (root ? "" : last ? "└─ " : "├─ ") << p.op;
    if (!p.details.empty())
        out << "  " << p.details;
    char buf[128];
    if (p.profiled)
        std::snprintf(buf, sizeof buf, "  [rows=%llu reads=%llu time=%.3fms]",
                      static_cast<unsigned long long>(p.rows),
                      static_cast<unsigned long long>(p.storageReads), p.timeMs);
    else
        std::snprintf(buf, sizeof buf, "  [est. rows=%.0f]", p.estimatedRows);
    out << buf << '\n';
    std::string childIndent = indent + (root ? "" : last ? "   " : "│  ");
    for (std::size_t i = 0; i < p.children.size(); ++i)
        planLines(p.children[i], childIndent, i + 1 == p.children.size(), false, out);
}
} // namespace

std::string formatPlan(const PlanNode& p) {
    std::ostringstream out;
    planLines(p, "", true, true, out);
    return out.str();
}

std::string formatStats(const QueryStatistics& s) {
    std::ostringstream out;
    const auto& w = s.writes;
    if (w.any()) {
        out << "nodes created: " << w.nodesCreated << ", deleted: " << w.nodesDeleted
            << "; relationships created: " << w.relationshipsCreated
            << ", deleted: " << w.relationshipsDeleted << "; properties set: " << w.propertiesSet
            << "; labels added: " << w.labelsAdded << ", removed: " << w.labelsRemoved << '\n';
    }
    char buf[160];
    std::snprintf(buf, sizeof buf, "planning %.3f ms%s, execution %.3f ms, %llu storage reads\n",
                  s.planningMs, s.planCached ? " (cached)" : "", s.executionMs,
                  static_cast<unsigned long long>(s.storageReads));
    out << buf;
    return out.str();
}

} // namespace innograph::query
