// CSV import: the two files `export --format csv` writes, and the node and relationship files
// of neo4j-admin import (which Kùzu's COPY also reads): a header naming each column, with
// `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `:IGNORE` and typed properties
// (`name`, `name:string`, `n:int`, `x:float`, `ok:boolean`, `xs:string[]`).

#include "import_builder.h"
#include "innograph/text/unicode.h"
#include "record_blocks.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>

namespace innograph::interchange {
namespace {

using nlohmann::json;

// RFC 4180 records in a block of memory: quoted fields may hold commas, doubled quotes and line
// breaks. Unquoted fields are cut with a scan for the next comma or line end, not a character at
// a time, and a field is a view of the block: only a quoted field with a doubled quote is copied
// (unescaped), into storage that lives until the next record. Copying every field into a
// string of its own was an allocation for each one longer than the short-string buffer (any name
// of six Chinese characters).
class CsvReader {
public:
    // `text` starts on line `firstLine`.
    CsvReader(std::string_view text, std::size_t firstLine) : text_(text), line_(firstLine - 1) {}

    // False at the end of the text, or on an error: *status (without a "file:line: " prefix)
    // and *errorLine are set then. The fields stay valid until the next call.
    bool next(std::vector<std::string_view>* fields, std::size_t* recordLine, Status* status,
              std::size_t* errorLine) {
        fields->clear();
        unescaped_.clear();
        const std::size_t n = text_.size();
        if (pos_ >= n)
            return false;
        *recordLine = line_ + 1;
        while (true) {
            if (text_[pos_] == '"') {
                std::string_view field;
                if (!quotedField(&field, status, errorLine, *recordLine))
                    return false;
                fields->push_back(field);
            } else {
                std::size_t e = pos_;
                while (e < n && text_[e] != ',' && text_[e] != '\n')
                    ++e;
                std::string_view field = text_.substr(pos_, e - pos_);
                if ((e == n || text_[e] == '\n') && !field.empty() && field.back() == '\r')
                    field.remove_suffix(1);
                fields->push_back(field);
                pos_ = e;
            }
            // After the field: the end of the text, of the record, or a comma before the next.
            if (pos_ >= n)
                return true;
            if (text_[pos_] == '\n') {
                ++pos_;
                ++line_;
                return true;
            }
            if (text_[pos_] != ',') { // only after a closing quote
                *status = Status::invalidArgument("text after a closing quote");
                *errorLine = line_ + 1;
                return false;
            }
            if (++pos_ >= n) { // a record ending in a comma, at the end of the text
                fields->emplace_back();
                return true;
            }
        }
    }

private:
    // The quoted field at pos_ (its opening quote), without its quotes and with doubled quotes
    // made single.
    bool quotedField(std::string_view* field, Status* status, std::size_t* errorLine,
                     std::size_t recordLine) {
        const std::size_t n = text_.size();
        ++pos_;
        std::string* copy = nullptr; // set at the first doubled quote
        while (true) {
            auto q = text_.find('"', pos_);
            if (q == std::string_view::npos) {
                *status = Status::invalidArgument("unterminated quoted field");
                *errorLine = recordLine;
                return false;
            }
            line_ += static_cast<std::size_t>(
                std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_),
                           text_.begin() + static_cast<std::ptrdiff_t>(q), '\n'));
            const bool doubled = q + 1 < n && text_[q + 1] == '"';
            if (!copy && !doubled) {
                *field = text_.substr(pos_, q - pos_);
                pos_ = q + 1;
                break;
            }
            if (!copy)
                copy = &unescaped_.emplace_back();
            copy->append(text_.substr(pos_, q - pos_));
            pos_ = q + 1;
            if (doubled) { // a doubled quote is one quote
                *copy += '"';
                ++pos_;
                continue;
            }
            *field = *copy;
            break;
        }
        if (pos_ + 1 < n && text_[pos_] == '\r' && text_[pos_ + 1] == '\n')
            ++pos_;
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_;
    // The current record's unescaped fields; a deque, so that a view of one stays valid while
    // the next is added.
    std::deque<std::string> unescaped_;
};

// How many bytes at the start of `text` are whole records: up to the last line break outside
// quotes. A block always starts at a record's start, so quotes pair up from its first byte.
std::size_t wholeRecords(std::string_view text) {
    if (text.find('"') == std::string_view::npos) {
        auto nl = text.rfind('\n');
        return nl == std::string_view::npos ? 0 : nl + 1;
    }
    std::size_t keep = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (text[i] == '\n' && !quoted)
            keep = i + 1;
    }
    return keep;
}

// The header record, read from the start of the file; empty at the end of the file.
Status readHeaderRecord(std::FILE* in, const std::string& path, std::string* out) {
    bool quoted = false;
    int c;
    while ((c = std::getc(in)) != EOF) {
        out->push_back(static_cast<char>(c));
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted)
            return Status::ok();
    }
    return std::ferror(in) ? Status::ioError(path + ": read error") : Status::ok();
}

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

Result<graph::Value> parseScalar(std::string_view field, Scalar type) {
    if (type == Scalar::String)
        return graph::Value(std::string(field));
    const std::string text(field); // numbers are short: no allocation
    switch (type) {
    case Scalar::String:
        break;
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

Result<graph::PropertyMap> parseJsonProperties(std::string_view text) {
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
void spaced(const std::string& space, std::string_view id, std::string* out) {
    if (space.empty()) {
        out->assign(id);
        return;
    }
    out->assign(space);
    *out += '\x1f';
    out->append(id);
}

// One data record of a file with these columns, into *out; the error without its position.
// `ids`, when given, are every node of the import: a relationship's endpoints are looked up in
// them here, and their ids kept as text only when one is missing.
Status recordOf(const std::vector<std::string_view>& fields, const std::vector<Column>& columns,
                const CsvFile& file, bool rels, const FileIdMap* ids, bool checkUtf8,
                ParsedRecord* out) {
    if (checkUtf8)
        for (const auto& f : fields)
            if (!text::isValidUtf8(f))
                return Status::invalidArgument("invalid UTF-8");
    if (fields.size() != columns.size())
        return Status::invalidArgument("expected " + std::to_string(columns.size()) +
                                       " fields, found " + std::to_string(fields.size()));
    graph::PropertyMap props;
    std::optional<std::uint64_t> ends[2]; // start, end
    out->node = !rels;
    // The type stays empty when it is the file's (TYPE=file.csv): copying it into every record
    // cost an allocation per record for names past the short-string length.
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        const auto& f = fields[i];
        switch (c.kind) {
        case Kind::Ignore:
            break;
        case Kind::Id:
            spaced(c.idSpace, f, &out->id);
            out->hasId = !f.empty();
            if (!c.name.empty() && !f.empty())
                props.insert_or_assign(c.name, graph::Value(std::string(f)));
            break;
        case Kind::Labels:
            // Labels of the record's own; the file's alone are added when it is fed.
            if (out->labels.empty())
                out->labels = file.labels;
            for (auto& l : split(f, ';'))
                if (std::find(out->labels.begin(), out->labels.end(), l) == out->labels.end())
                    out->labels.push_back(std::move(l));
            break;
        case Kind::Type:
            if (!f.empty())
                out->type = f;
            break;
        case Kind::StartId:
        case Kind::EndId: {
            const bool end = c.kind == Kind::EndId;
            std::string& text = end ? out->end : out->start;
            if (ids && c.idSpace.empty()) {
                ends[end] = ids->find(f);
            } else if (ids) {
                std::string id;
                spaced(c.idSpace, f, &id);
                ends[end] = ids->find(id);
            }
            if (!ends[end])
                spaced(c.idSpace, f, &text);
            break;
        }
        case Kind::JsonProperties: {
            auto p = parseJsonProperties(f);
            if (!p.isOk())
                return p.status();
            props = std::move(*p);
            break;
        }
        case Kind::Property: {
            if (f.empty())
                break; // an empty field is an absent property
            if (!c.array) {
                auto v = parseScalar(f, c.type);
                if (!v.isOk())
                    return Status::invalidArgument("column " + c.name + ": " +
                                                   v.status().message());
                props.insert_or_assign(c.name, std::move(*v));
                break;
            }
            graph::ValueList list;
            for (const auto& item : split(f, ';')) {
                auto v = parseScalar(item, c.type);
                if (!v.isOk())
                    return Status::invalidArgument("column " + c.name + ": " +
                                                   v.status().message());
                list.push_back(std::move(*v));
            }
            props.insert_or_assign(c.name, graph::Value(std::move(list)));
            break;
        }
        }
    }
    if (rels && out->type.empty() && file.type.empty())
        return Status::invalidArgument("a relationship needs a type");
    if (ends[0] && ends[1]) {
        out->resolved = true;
        out->startIndex = *ends[0];
        out->endIndex = *ends[1];
    } else if (ends[0] || ends[1]) {
        // The feeding thread looks both up again and reports the missing one: it needs both.
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].kind == Kind::StartId || columns[i].kind == Kind::EndId)
                spaced(columns[i].idSpace, fields[i],
                       columns[i].kind == Kind::EndId ? &out->end : &out->start);
    }
    auto prepared = graph::prepareProperties(props);
    if (!prepared.isOk())
        return prepared.status();
    out->props = std::move(*prepared);
    return Status::ok();
}

// The data records of one block, on a thread of their own. `ids`, when given, are every node of
// the import, and relationships are looked up in them here rather than on the feeding thread.
void parseRecords(std::string_view text, std::size_t firstLine, const std::vector<Column>& columns,
                  const CsvFile& file, bool rels, const FileIdMap* ids, ParsedBlock* out) {
    // At most a record a line: growing the vector moved every record parsed so far.
    out->records.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    // A field is part of the block (or of it less some quotes), so a valid block has valid
    // fields: one pass over the block instead of a call per field; per field only to find the
    // bad one.
    const bool checkUtf8 = !text::isValidUtf8(text);
    CsvReader reader(text, firstLine);
    std::vector<std::string_view> fields;
    std::size_t line = 0;
    while (reader.next(&fields, &line, &out->status, &out->errorLine)) {
        if (fields.size() == 1 && fields[0].empty())
            continue;
        ParsedRecord& record = out->records.emplace_back();
        record.line = line;
        if (auto s = recordOf(fields, columns, file, rels, ids, checkUtf8, &record); !s.isOk()) {
            out->records.pop_back();
            out->status = s;
            out->errorLine = line;
            return;
        }
    }
}

Status readCsv(const CsvFile& file, bool rels, ImportBuilder& builder, std::uint64_t* anonymous) {
    auto in = openInput(file.path);
    if (!in.isOk())
        return in.status();
    // The header first, on this thread: every block's parser needs its columns.
    std::string headerText;
    if (auto s = readHeaderRecord(in->get(), file.path, &headerText); !s.isOk())
        return s;
    std::vector<std::string_view> fields;
    std::size_t line = 0, errorLine = 0;
    Status status;
    CsvReader headerReader(headerText, 1);
    if (!headerReader.next(&fields, &line, &status, &errorLine))
        return status.isOk() ? Status::ok()
                             : Status::invalidArgument(at(file.path, errorLine) + status.message());
    for (const auto& f : fields)
        if (!text::isValidUtf8(f))
            return Status::invalidArgument(at(file.path, 1) + "invalid UTF-8");
    auto cols = parseHeader(std::vector<std::string>(fields.begin(), fields.end()), rels);
    if (!cols.isOk())
        return Status::invalidArgument(at(file.path, 1) + "header: " + cols.status().message());
    const std::vector<Column> columns = std::move(*cols);
    if (rels && file.type.empty() &&
        std::none_of(columns.begin(), columns.end(),
                     [](const Column& c) { return c.kind == Kind::Type; }))
        return Status::invalidArgument(at(file.path, 1) +
                                       "header: no :TYPE column and no TYPE= before the file name");

    BlockFormat format;
    format.wholeRecords = wholeRecords;
    format.blockBytes = 256u << 10; // records of a dozen bytes (two ids) are common
    // Relationship files are read after every node file has been fed (importCsvFiles), so the
    // ids no longer change while the parsers look them up.
    const FileIdMap* ids = rels ? &builder.ids() : nullptr;
    format.parse = [&](std::string_view text, std::size_t firstLine, ParsedBlock* out) {
        parseRecords(text, firstLine, columns, file, rels, ids, out);
    };
    // Records go to the builder under the name of the file they are in.
    auto feedFrom = [&](const std::string& path) {
        return [&builder, &path, &labels = file.labels, &type = file.type, rels,
                anonymous](ParsedRecord& r) {
            if (rels && r.resolved)
                return builder.addRelationship(path, r.line, r.type.empty() ? type : r.type,
                                               r.startIndex, r.endIndex, std::move(r.props));
            if (rels)
                return builder.addRelationship(path, r.line, r.type.empty() ? type : r.type,
                                               r.start, r.end, std::move(r.props));
            // A node without an id cannot be referred to; give it one no file can spell.
            if (!r.hasId)
                r.id = "\x1e" + std::to_string((*anonymous)++);
            return builder.addNode(path, r.line, r.id, r.labels.empty() ? labels : r.labels,
                                   r.props);
        };
    };
    auto headerLines =
        static_cast<std::size_t>(std::count(headerText.begin(), headerText.end(), '\n'));
    if (auto s = readRecordBlocks(in->get(), file.path, 1 + headerLines, format,
                                  feedFrom(file.path), Progress());
        !s.isOk())
        return s;
    for (const auto& path : file.more) {
        auto part = openInput(path);
        if (!part.isOk())
            return part.status();
        if (auto s = readRecordBlocks(part->get(), path, 1, format, feedFrom(path), Progress());
            !s.isOk())
            return s;
    }
    return Status::ok();
}

} // namespace

CsvFile csvFileArgument(std::string_view arg, bool relationships) {
    CsvFile f;
    auto eq = arg.find('=');
    // "Label:Label=path" as neo4j-admin writes it; a path itself may hold '=' after a '/'.
    bool named =
        eq != std::string_view::npos && arg.substr(0, eq).find('/') == std::string_view::npos;
    auto files = split(named ? arg.substr(eq + 1) : arg, ',');
    if (!files.empty()) {
        f.path = files[0];
        f.more.assign(files.begin() + 1, files.end());
    }
    if (!named)
        return f;
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
        rels.push_back({relsPath, {}, {}, {}});
    return importCsvFiles(store, {{nodesPath, {}, {}, {}}}, rels, progress);
}

} // namespace innograph::interchange
