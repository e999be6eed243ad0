// CSV import: the two files `export --format csv` writes, and the node and relationship files
// of neo4j-admin import (which Kùzu's COPY also reads): a header naming each column, with
// `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `:IGNORE` and typed properties
// (`name`, `name:string`, `n:int`, `x:float`, `ok:boolean`, `xs:string[]`).

#include "import_builder.h"
#include "innograph/text/unicode.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace innograph::interchange {
namespace {

using nlohmann::json;

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
class CsvReader {
public:
    CsvReader(std::istream& in, std::string path) : buf_(in.rdbuf()), path_(std::move(path)) {}

    // False at the end of input; errors go to *status.
    bool next(std::vector<std::string>* fields, std::size_t* recordLine, Status* status) {
        fields->clear();
        std::string cur;
        bool quoted = false, any = false, afterQuote = false;
        *recordLine = line_ + 1;
        int c;
        while ((c = buf_->sbumpc()) != EOF) {
            any = true;
            char ch = static_cast<char>(c);
            if (quoted) {
                if (ch == '"') {
                    if (buf_->sgetc() == '"') {
                        cur += '"';
                        buf_->sbumpc();
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (ch == '\n')
                        ++line_;
                    cur += ch;
                }
                continue;
            }
            if (ch == '"' && cur.empty() && !afterQuote) {
                quoted = true;
            } else if (ch == ',') {
                fields->push_back(std::move(cur));
                cur.clear();
                afterQuote = false;
            } else if (ch == '\n') {
                ++line_;
                if (!cur.empty() && cur.back() == '\r')
                    cur.pop_back();
                fields->push_back(std::move(cur));
                return true;
            } else if (afterQuote && ch != '\r') {
                *status =
                    Status::invalidArgument(at(path_, line_ + 1) + "text after a closing quote");
                return false;
            } else {
                cur += ch;
            }
        }
        if (quoted) {
            *status = Status::invalidArgument(at(path_, *recordLine) + "unterminated quoted field");
            return false;
        }
        if (!any)
            return false;
        fields->push_back(std::move(cur));
        return true;
    }

private:
    std::streambuf* buf_; // read directly: istream::get() per character is several times slower
    std::string path_;
    std::size_t line_ = 0;
};

enum class Kind { Ignore, Id, Labels, Type, StartId, EndId, Property, JsonProperties };
enum class Scalar { String, Int, Double, Bool };

struct Column {
    Kind kind = Kind::Property;
    std::string name;    // property name (an :ID column's name, when given, is stored too)
    std::string idSpace; // :ID(space), :START_ID(space), :END_ID(space)
    Scalar type = Scalar::String;
    bool array = false;
};

Column of(Kind kind) {
    Column c;
    c.kind = kind;
    return c;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto end = s.find(sep, start);
        auto part = s.substr(start, end == std::string_view::npos ? end : end - start);
        if (!part.empty())
            out.emplace_back(part);
        if (end == std::string_view::npos)
            return out;
        start = end + 1;
    }
}

// One header field: "name", "name:type", "name:type[]", ":ID", "name:ID(space)", ":LABEL"…
Result<Column> parseColumn(const std::string& field) {
    Column c;
    auto colon = field.rfind(':');
    c.name = field.substr(0, colon);
    if (colon == std::string::npos)
        return c;
    std::string spec = field.substr(colon + 1);
    if (auto open = spec.find('('); open != std::string::npos) {
        if (spec.back() != ')')
            return Status::invalidArgument("column " + field + ": unclosed '('");
        c.idSpace = spec.substr(open + 1, spec.size() - open - 2);
        spec.resize(open);
    }
    std::string t = lower(spec);
    if (t.size() > 2 && t.ends_with("[]")) {
        c.array = true;
        t.resize(t.size() - 2);
    }
    static const std::pair<const char*, Kind> kinds[] = {
        {"id", Kind::Id},        {"label", Kind::Labels},
        {"type", Kind::Type},    {"start_id", Kind::StartId},
        {"end_id", Kind::EndId}, {"ignore", Kind::Ignore}};
    for (const auto& [word, kind] : kinds) {
        if (t != word)
            continue;
        if (c.array || (!c.idSpace.empty() && kind != Kind::Id && kind != Kind::StartId &&
                        kind != Kind::EndId))
            return Status::invalidArgument("column " + field + ": malformed " + spec);
        c.kind = kind;
        return c;
    }
    if (!c.idSpace.empty())
        return Status::invalidArgument("column " + field + ": only ids take an id space");
    if (c.name.empty())
        return Status::invalidArgument("column " + field + ": a property needs a name");
    if (t == "int" || t == "long" || t == "short" || t == "byte")
        c.type = Scalar::Int;
    else if (t == "float" || t == "double")
        c.type = Scalar::Double;
    else if (t == "boolean")
        c.type = Scalar::Bool;
    else if (t == "string" || t == "char" || t == "date" || t == "localtime" || t == "time" ||
             t == "localdatetime" || t == "datetime" || t == "duration" || t == "point")
        c.type = Scalar::String; // temporal and spatial values are kept as their text
    else
        return Status::invalidArgument("column " + field + ": unknown type " + spec);
    return c;
}

Result<graph::Value> parseScalar(const std::string& text, Scalar type) {
    switch (type) {
    case Scalar::String:
        return graph::Value(text);
    case Scalar::Int: {
        std::size_t used = 0;
        long long v = 0;
        try {
            v = std::stoll(text, &used);
        } catch (...) {
            used = 0;
        }
        if (used == 0 || used != text.size())
            return Status::invalidArgument("\"" + text + "\" is not an integer");
        return graph::Value(static_cast<std::int64_t>(v));
    }
    case Scalar::Double: {
        std::size_t used = 0;
        double v = 0;
        try {
            v = std::stod(text, &used);
        } catch (...) {
            used = 0;
        }
        if (used == 0 || used != text.size())
            return Status::invalidArgument("\"" + text + "\" is not a number");
        return graph::Value(v);
    }
    case Scalar::Bool: {
        auto t = lower(text);
        if (t == "true")
            return graph::Value(true);
        if (t == "false")
            return graph::Value(false);
        return Status::invalidArgument("\"" + text + "\" is not true or false");
    }
    }
    return Status::invalidArgument("unknown type");
}

Result<graph::PropertyMap> parseJsonProperties(const std::string& text) {
    graph::PropertyMap props;
    if (text.empty())
        return props;
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return Status::invalidArgument(std::string("properties are not a JSON object: ") +
                                       e.what());
    }
    if (!j.is_object())
        return Status::invalidArgument("properties must be a JSON object");
    for (const auto& [k, v] : j.items()) {
        auto value = fromJson(v);
        if (!value.isOk())
            return value.status();
        props.emplace(k, std::move(*value));
    }
    return props;
}

// The columns of a file, from its header. The two headers `export --format csv` writes are its
// own shape (labels joined by ';', properties as one JSON object).
Result<std::vector<Column>> parseHeader(const std::vector<std::string>& header, bool rels) {
    static const std::vector<std::string> ownNodes{"id", "labels", "properties"};
    static const std::vector<std::string> ownRels{"id", "type", "start", "end", "properties"};
    if (!rels && header == ownNodes)
        return std::vector<Column>{of(Kind::Id), of(Kind::Labels), of(Kind::JsonProperties)};
    if (rels && header == ownRels)
        return std::vector<Column>{of(Kind::Ignore), of(Kind::Type), of(Kind::StartId),
                                   of(Kind::EndId), of(Kind::JsonProperties)};
    std::vector<Column> columns;
    for (const auto& f : header) {
        auto c = parseColumn(f);
        if (!c.isOk())
            return c.status();
        if (rels ? c->kind == Kind::Id || c->kind == Kind::Labels
                 : c->kind == Kind::Type || c->kind == Kind::StartId || c->kind == Kind::EndId)
            return Status::invalidArgument("column " + f + " does not belong in a " +
                                           (rels ? "relationship" : "node") + " file");
        columns.push_back(std::move(*c));
    }
    auto count = [&](Kind k) {
        return std::count_if(columns.begin(), columns.end(),
                             [&](const Column& c) { return c.kind == k; });
    };
    if (count(Kind::Id) > 1 || count(Kind::StartId) > 1 || count(Kind::EndId) > 1 ||
        count(Kind::Type) > 1)
        return Status::invalidArgument("more than one :ID, :START_ID, :END_ID or :TYPE column");
    if (rels && (count(Kind::StartId) != 1 || count(Kind::EndId) != 1))
        return Status::invalidArgument(
            "a relationship file needs a :START_ID and an :END_ID column");
    return columns;
}

// Ids of different id spaces never meet.
std::string spaced(const std::string& space, const std::string& id) {
    return space.empty() ? id : space + '\x1f' + id;
}

Status readCsv(const CsvFile& file, bool rels, ImportBuilder& builder, std::uint64_t* anonymous) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in)
        return Status::notFound(file.path + ": cannot open for reading");
    CsvReader reader(in, file.path);
    std::vector<std::string> fields;
    std::size_t line = 0;
    Status status;
    std::vector<Column> columns;
    std::vector<std::string> labels;
    bool header = true;
    while (reader.next(&fields, &line, &status)) {
        auto where = [&] { return at(file.path, line); };
        for (const auto& f : fields)
            if (!text::isValidUtf8(f))
                return Status::invalidArgument(where() + "invalid UTF-8");
        if (header) {
            header = false;
            auto cols = parseHeader(fields, rels);
            if (!cols.isOk())
                return Status::invalidArgument(where() + "header: " + cols.status().message());
            columns = std::move(*cols);
            if (rels && file.type.empty() &&
                std::none_of(columns.begin(), columns.end(),
                             [](const Column& c) { return c.kind == Kind::Type; }))
                return Status::invalidArgument(
                    where() + "header: no :TYPE column and no TYPE= before the file name");
            continue;
        }
        if (fields.size() == 1 && fields[0].empty())
            continue;
        if (fields.size() != columns.size())
            return Status::invalidArgument(where() + "expected " + std::to_string(columns.size()) +
                                           " fields, found " + std::to_string(fields.size()));
        graph::PropertyMap props;
        std::string id, start, end, type = file.type;
        bool hasId = false;
        labels = file.labels;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto& c = columns[i];
            const auto& f = fields[i];
            switch (c.kind) {
            case Kind::Ignore:
                break;
            case Kind::Id:
                id = spaced(c.idSpace, f);
                hasId = !f.empty();
                if (!c.name.empty() && !f.empty())
                    props.insert_or_assign(c.name, graph::Value(f));
                break;
            case Kind::Labels:
                for (auto& l : split(f, ';'))
                    if (std::find(labels.begin(), labels.end(), l) == labels.end())
                        labels.push_back(std::move(l));
                break;
            case Kind::Type:
                if (!f.empty())
                    type = f;
                break;
            case Kind::StartId:
                start = spaced(c.idSpace, f);
                break;
            case Kind::EndId:
                end = spaced(c.idSpace, f);
                break;
            case Kind::JsonProperties: {
                auto p = parseJsonProperties(f);
                if (!p.isOk())
                    return Status::invalidArgument(where() + p.status().message());
                props = std::move(*p);
                break;
            }
            case Kind::Property: {
                if (f.empty())
                    break; // an empty field is an absent property
                if (!c.array) {
                    auto v = parseScalar(f, c.type);
                    if (!v.isOk())
                        return Status::invalidArgument(where() + "column " + c.name + ": " +
                                                       v.status().message());
                    props.insert_or_assign(c.name, std::move(*v));
                    break;
                }
                graph::ValueList list;
                for (const auto& item : split(f, ';')) {
                    auto v = parseScalar(item, c.type);
                    if (!v.isOk())
                        return Status::invalidArgument(where() + "column " + c.name + ": " +
                                                       v.status().message());
                    list.push_back(std::move(*v));
                }
                props.insert_or_assign(c.name, graph::Value(std::move(list)));
                break;
            }
            }
        }
        auto prepared = graph::prepareProperties(props);
        if (!prepared.isOk())
            return Status::invalidArgument(where() + prepared.status().message());
        Status s;
        if (rels) {
            if (type.empty())
                return Status::invalidArgument(where() + "a relationship needs a type");
            s = builder.addRelationship(file.path, line, type, start, end, std::move(*prepared));
        } else {
            // A node without an id cannot be referred to; give it one no file can spell.
            if (!hasId)
                id = "\x1e" + std::to_string((*anonymous)++);
            s = builder.addNode(file.path, line, id, labels, *prepared);
        }
        if (!s.isOk())
            return s;
    }
    return status;
}

} // namespace

CsvFile csvFileArgument(std::string_view arg, bool relationships) {
    CsvFile f;
    auto eq = arg.find('=');
    // "Label:Label=path" as neo4j-admin writes it; a path itself may hold '=' after a '/'.
    if (eq == std::string_view::npos || arg.substr(0, eq).find('/') != std::string_view::npos) {
        f.path = std::string(arg);
        return f;
    }
    f.path = std::string(arg.substr(eq + 1));
    if (relationships)
        f.type = std::string(arg.substr(0, eq));
    else
        f.labels = split(arg.substr(0, eq), ':');
    return f;
}

Result<ImportSummary> importCsvFiles(graph::GraphStore& store, const std::vector<CsvFile>& nodes,
                                     const std::vector<CsvFile>& relationships,
                                     const Progress& progress) {
    ImportBuilder builder(store, progress);
    if (auto s = builder.begin(); !s.isOk())
        return s;
    std::uint64_t anonymous = 0;
    for (const auto& f : nodes)
        if (auto s = readCsv(f, false, builder, &anonymous); !s.isOk())
            return s;
    for (const auto& f : relationships)
        if (auto s = readCsv(f, true, builder, &anonymous); !s.isOk())
            return s;
    return builder.finish();
}

Result<ImportSummary> importCsv(graph::GraphStore& store, const std::string& nodesPath,
                                const std::string& relsPath, const Progress& progress) {
    std::vector<CsvFile> rels;
    if (!relsPath.empty())
        rels.push_back({relsPath, {}, {}});
    return importCsvFiles(store, {{nodesPath, {}, {}}}, rels, progress);
}

} // namespace innograph::interchange
