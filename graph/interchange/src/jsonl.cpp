#include "import_builder.h"
#include "record_blocks.h"
#include "walk.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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

// What every parse of a line ends with once its fields are read: the checks that need them all,
// and the properties prepared. Shared by both parsers below, so they cannot differ here.
Status finishRecord(std::string_view kind, std::string_view label, bool hasId, bool hasStart,
                    bool hasEnd, const graph::PropertyMap& props, ParsedRecord* item) {
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
        item->type.assign(label);
    } else {
        return Status::invalidArgument("\"type\" must be \"node\" or \"relationship\"");
    }
    if (props.empty()) {
        // Most relationships have none; preparing is a pure function of the map, so prepare
        // the empty one once.
        // Its names and keys are empty, as are the record's, so only the encoding is copied.
        static const graph::PreparedProperties kNone = *graph::prepareProperties({});
        item->props.encoded = kNone.encoded;
        return Status::ok();
    }
    auto prepared = graph::prepareProperties(props);
    if (!prepared.isOk())
        return prepared.status();
    item->props = std::move(*prepared);
    return Status::ok();
}

// The reference parser: a DOM per line. It decides every line the fast parser below gives up
// on, and so words every error.
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
    return finishRecord(kind, label, hasId, hasStart, hasEnd, props, item);
}

// The fast parser: simdjson On-Demand, one pass over a line's fields with no DOM built. On-Demand
// checks only what it is asked to read, so this parser reads every value of the line, keys
// included, and checks that nothing follows the object; it returns true only for a line that is
// valid JSON and that parseLine would accept, with the same record. On anything else (an error,
// a value parseLine refuses, a key written with escapes that might name a field) it returns
// false and leaves the line to parseLine.
namespace od = simdjson::ondemand;

// Whether `raw` (a key or string as it stands in the line, after its opening quote) is exactly
// `word`: its bytes and then the closing quote, which cannot be escaped as it follows a letter.
// It reads no further than the first byte that differs, at worst the key's closing quote.
template <std::size_t N> bool rawIs(const char* raw, const char (&word)[N]) {
    // A loop of known length, which the compiler unrolls (a memcmp may become a call).
    for (std::size_t i = 0; i + 1 < N; ++i)
        if (raw[i] != word[i])
            return false;
    return raw[N - 1] == '"';
}

// A string without escapes is its raw bytes (stage 1 has checked their UTF-8 and that they hold
// no control characters), found by looking for its closing quote; the length of one with escapes
// is not known until it is unescaped.
bool unescapedLength(const char* raw, std::size_t* n) {
    std::size_t i = 0;
    while (raw[i] != '"' && raw[i] != '\\')
        ++i;
    *n = i;
    return raw[i] == '"';
}

bool keyOf(od::field& f, std::string_view* out) {
    const char* raw = f.key().raw();
    if (std::size_t n; unescapedLength(raw, &n)) {
        *out = std::string_view(raw, n);
        return true;
    }
    return f.unescaped_key().get(*out) == simdjson::SUCCESS;
}

// `v` must be a string (its type checked).
bool fastString(od::value& v, std::string_view* out) {
    // The token runs from the opening quote to the next token: the closing quote is its last
    // byte unless blanks follow it.
    const std::string_view token = v.raw_json_token();
    const char* raw = token.data() + 1;
    std::size_t n = token.size() - 2;
    if (token.size() < 2 || token.back() != '"' || std::memchr(raw, '\\', n)) {
        if (!unescapedLength(raw, &n))
            return v.get_string().get(*out) == simdjson::SUCCESS;
    }
    od::raw_json_string skipped; // moves past the string
    if (v.get_raw_json_string().get(skipped))
        return false;
    *out = std::string_view(raw, n);
    return true;
}

// toValue's twin; false where toValue fails and where the two might not agree.
bool fastValue(od::value v, graph::Value* out, int depth) {
    if (depth > kMaxDepth)
        return false;
    od::json_type type;
    if (v.type().get(type))
        return false;
    switch (type) {
    case od::json_type::null: {
        bool null = false;
        if (v.is_null().get(null) || !null)
            return false;
        *out = graph::Value();
        return true;
    }
    case od::json_type::boolean: {
        bool b;
        if (v.get_bool().get(b))
            return false;
        *out = graph::Value(b);
        return true;
    }
    case od::json_type::number: {
        // The DOM's own number parser (simdjson's parse_number), so the same numbers are
        // integers, doubles or out of range. But in simdjson 3.0.1 On-Demand loses the value
        // of a number whose mantissa is more than 19 characters (digits and point; its slow
        // path writes into a copy of the result, which stays 0), so those go to the DOM.
        std::size_t mantissa = 0;
        for (char c : v.raw_json_token()) {
            if ((c >= '0' && c <= '9') || c == '.')
                ++mantissa;
            else if (c != '-')
                break;
        }
        if (mantissa > 19)
            return false;
        od::number n;
        if (v.get_number().get(n))
            return false;
        if (n.get_number_type() == od::number_type::signed_integer)
            *out = graph::Value(n.get_int64());
        else if (n.get_number_type() == od::number_type::floating_point_number)
            *out = graph::Value(n.get_double());
        else
            return false;
        return true;
    }
    case od::json_type::string: {
        std::string_view s;
        if (!fastString(v, &s))
            return false;
        *out = graph::Value(s);
        return true;
    }
    case od::json_type::array: {
        od::array items;
        if (v.get_array().get(items))
            return false;
        graph::ValueList list;
        for (auto item : items) {
            od::value x;
            graph::Value y;
            if (item.get(x) || !fastValue(x, &y, depth + 1))
                return false;
            list.push_back(std::move(y));
        }
        *out = graph::Value(std::move(list));
        return true;
    }
    case od::json_type::object: {
        od::object fields;
        if (v.get_object().get(fields))
            return false;
        graph::ValueMap map;
        for (auto field : fields) {
            od::field f;
            std::string_view key;
            graph::Value x;
            if (std::move(field).get(f) || !keyOf(f, &key) || !fastValue(f.value(), &x, depth + 1))
                return false;
            map.insert_or_assign(std::string(key), std::move(x));
        }
        *out = graph::Value(std::move(map));
        return true;
    }
    }
    return false;
}

bool fastId(od::value& v, std::string* out) {
    od::json_type type;
    if (v.type().get(type))
        return false;
    if (type == od::json_type::string) {
        std::string_view s;
        if (!fastString(v, &s))
            return false;
        out->assign(s);
        return true;
    }
    od::number n;
    if (type != od::json_type::number || v.get_number().get(n) ||
        n.get_number_type() != od::number_type::signed_integer)
        return false;
    *out = std::to_string(n.get_int64());
    return true;
}

enum class Field { Type, Label, Id, Labels, Start, End, Properties, Other };

Field fieldNamed(std::string_view key) {
    static constexpr std::pair<std::string_view, Field> kFields[] = {
        {"type", Field::Type},
        {"label", Field::Label},
        {"id", Field::Id},
        {"labels", Field::Labels},
        {"start", Field::Start},
        {"end", Field::End},
        {"properties", Field::Properties}};
    for (const auto& [name, field] : kFields)
        if (key == name)
            return field;
    return Field::Other;
}

// The field a key names, from its raw bytes where they spell one of the names exactly (the
// common case, with no string compare), else from the unescaped key.
[[gnu::always_inline]] inline bool fieldOf(od::field& f, Field* out) {
    const char* raw = f.key().raw();
    switch (raw[0]) {
    case 't':
        if (rawIs(raw, "type"))
            return *out = Field::Type, true;
        break;
    case 'i':
        if (rawIs(raw, "id"))
            return *out = Field::Id, true;
        break;
    case 'l':
        if (rawIs(raw, "label"))
            return *out = Field::Label, true;
        if (rawIs(raw, "labels"))
            return *out = Field::Labels, true;
        break;
    case 's':
        if (rawIs(raw, "start"))
            return *out = Field::Start, true;
        break;
    case 'e':
        if (rawIs(raw, "end"))
            return *out = Field::End, true;
        break;
    case 'p':
        if (rawIs(raw, "properties"))
            return *out = Field::Properties, true;
        break;
    default:
        break;
    }
    std::string_view key;
    if (!keyOf(f, &key))
        return false;
    *out = fieldNamed(key);
    return true;
}

// Reads one document, a line's, into `item`. `next` is where the next line's document starts in
// the input On-Demand was given, or null when this line's is the last.
template <class Document> bool fastRecord(Document& doc, const char* next, ParsedRecord* item) {
    od::object fields;
    if (doc.get_object().get(fields))
        return false;
    std::string_view kind, label;
    bool hasId = false, hasStart = false, hasEnd = false;
    graph::PropertyMap props;
    for (auto field : fields) {
        od::field f;
        Field name;
        if (std::move(field).get(f) || !fieldOf(f, &name))
            return false;
        od::value v = f.value();
        switch (name) {
        case Field::Type:
        case Field::Label: {
            // parseLine reads a value that is not a string as "": rare enough to leave to it.
            od::json_type type;
            if (v.type().get(type) || type != od::json_type::string ||
                !fastString(v, name == Field::Type ? &kind : &label))
                return false;
            break;
        }
        case Field::Id:
            if (!fastId(v, &item->id))
                return false;
            hasId = true;
            break;
        case Field::Labels: {
            od::array labels;
            if (v.get_array().get(labels))
                return false;
            for (auto l : labels) {
                od::value x;
                od::json_type type;
                std::string_view s;
                if (l.get(x) || x.type().get(type) || type != od::json_type::string ||
                    !fastString(x, &s) || s.empty())
                    return false;
                item->labels.emplace_back(s);
            }
            break;
        }
        case Field::Start:
        case Field::End: {
            // The first "id" of the endpoint names it, as the DOM's at_key reads it; the rest
            // (APOC writes the endpoint's "labels") is read only to be checked.
            bool isStart = name == Field::Start, found = false;
            od::object endpoint;
            if (v.get_object().get(endpoint))
                return false;
            for (auto e : endpoint) {
                od::field ef;
                Field k;
                if (std::move(e).get(ef) || !fieldOf(ef, &k))
                    return false;
                if (!found && k == Field::Id) {
                    if (!fastId(ef.value(), isStart ? &item->start : &item->end))
                        return false;
                    found = true;
                } else if (graph::Value ignored; !fastValue(ef.value(), &ignored, 1)) {
                    return false;
                }
            }
            if (!found)
                return false;
            (isStart ? hasStart : hasEnd) = true;
            break;
        }
        case Field::Properties: {
            od::json_type type;
            if (v.type().get(type))
                return false;
            if (type == od::json_type::null) {
                bool null = false;
                if (v.is_null().get(null) || !null)
                    return false;
                break;
            }
            od::object properties;
            if (type != od::json_type::object || v.get_object().get(properties))
                return false;
            for (auto p : properties) {
                od::field pf;
                std::string_view k;
                graph::Value x;
                if (std::move(p).get(pf) || !keyOf(pf, &k) || !fastValue(pf.value(), &x, 1))
                    return false;
                props.insert_or_assign(std::string(k), std::move(x));
            }
            break;
        }
        case Field::Other:
            if (graph::Value ignored; !fastValue(v, &ignored, 1))
                return false;
            break;
        }
    }
    // Nothing may follow the object on its line (On-Demand would not look): the next token must
    // be the next line's first, or there must be none.
    const char* rest = nullptr;
    if (auto e = doc.current_location().get(rest);
        next ? e != simdjson::SUCCESS || rest != next : e != simdjson::OUT_OF_BOUNDS)
        return false;
    return finishRecord(kind, label, hasId, hasStart, hasEnd, props, item).isOk();
}

bool fastLine(od::parser& parser, const char* text, std::size_t len, std::size_t allocated,
              ParsedRecord* item) {
    od::document doc;
    return !parser.iterate(text, len, allocated).get(doc) && fastRecord(doc, nullptr, item);
}

struct Line {
    std::size_t begin, first, end; // first: its first byte that is not a space or a tab
    std::size_t number;
};

// How many bytes of lines one stream holds. Its parser needs about 6 bytes for each (structural
// indexes and string buffer), so a whole block would cost tens of megabytes per parsing thread.
constexpr std::size_t kStreamBytes = 256u << 10;

// Reads lines[first, last] (from `text`) as one stream of documents: see streamLines. Returns how
// many lines were read.
std::size_t streamChunk(od::parser& parser, std::string_view text, const std::vector<Line>& lines,
                        std::size_t first, std::size_t last, ParsedBlock* out) {
    // The lines, and the blank bytes up to the next line (or the end of the block).
    const std::size_t from = lines[first].begin;
    const std::size_t to = last + 1 < lines.size() ? lines[last + 1].begin : text.size();
    // A stream's stage 1 forgives the end of its input, where it expects a document cut short:
    // it leaves out a last UTF-8 character that looks incomplete, a string left open and an
    // unfinished last document (which truncated_bytes() then counts), where a lone document's
    // stage 1 would fail. So only lines whose last bytes are ASCII are streamed, and only while
    // nothing was cut off.
    const auto* end = reinterpret_cast<const unsigned char*>(text.data() + to);
    if (to - from < 3 || end[-1] >= 0x80 || end[-2] >= 0x80 || end[-3] >= 0x80)
        return 0;
    od::document_stream docs;
    if (parser.iterate_many(text.data() + from, to - from, std::max(to - from, kStreamBytes))
            .get(docs))
        return 0;
    std::size_t i = first;
    for (auto it = docs.begin(); it != docs.end() && i <= last; ++it) {
        od::document_reference doc;
        const char* start = nullptr;
        if ((*it).get(doc) || docs.truncated_bytes() != 0 || doc.current_location().get(start) ||
            start != text.data() + lines[i].first)
            break;
        ParsedRecord& item = out->records.emplace_back();
        item.line = lines[i].number;
        const char* next = i < last ? text.data() + lines[i + 1].first : nullptr;
        if (!fastRecord(doc, next, &item)) {
            out->records.pop_back();
            break;
        }
        ++i;
    }
    return i - first;
}

// Reads the lines of `text` as streams of documents (each of up to kStreamBytes of lines), so
// that simdjson's stage 1 runs once over many lines rather than once a line (where it cost about
// as much as all the rest of the fast parse). Each document must be exactly one line: it starts
// at its line's first byte that is not blank, and the next document at the next line's. From the
// first line where that does not hold, or that fastRecord gives up on, or at any error of a
// stream (bad UTF-8 anywhere in it, say), the lines are left to be read one by one. Returns how
// many lines were read.
std::size_t streamLines(od::parser& parser, std::string_view text, const std::vector<Line>& lines,
                        ParsedBlock* out) {
    parser.threaded = false; // one batch a stream
    std::size_t done = 0;
    while (done < lines.size()) {
        std::size_t last = done;
        while (last + 1 < lines.size() && lines[last + 1].end - lines[done].begin <= kStreamBytes)
            ++last;
        const std::size_t read = streamChunk(parser, text, lines, done, last, out);
        const bool all = read == last + 1 - done;
        done += read;
        if (!all)
            break;
    }
    return done;
}

void parseLines(std::string_view text, std::size_t firstLine, ParsedBlock* out) {
    // The lines first, so that the records are reserved once and never moved.
    std::vector<Line> lines;
    lines.reserve(text.size() / 64 + 1);
    for (std::size_t pos = 0, line = firstLine; pos < text.size(); ++line) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        std::size_t end = eol;
        if (end > pos && text[end - 1] == '\r')
            --end;
        std::size_t first = pos;
        while (first < end && (text[first] == ' ' || text[first] == '\t'))
            ++first;
        if (first < end)
            lines.push_back({pos, first, end, line});
        pos = eol + 1;
    }
    out->records.reserve(lines.size());
    od::parser fast;
    const std::size_t streamed = streamLines(fast, text, lines, out);
    const std::size_t padded = text.size() + simdjson::SIMDJSON_PADDING;
    std::unique_ptr<dom::parser> reference; // made for the first line the fast parser gives up on
    for (std::size_t i = streamed; i < lines.size(); ++i) {
        const Line& l = lines[i];
        ParsedRecord& item = out->records.emplace_back();
        item.line = l.number;
        const char* begin = text.data() + l.begin;
        const std::size_t len = l.end - l.begin;
        if (fastLine(fast, begin, len, padded - l.begin, &item))
            continue;
        item = ParsedRecord();
        item.line = l.number;
        if (!reference)
            reference = std::make_unique<dom::parser>();
        if (auto s = parseLine(*reference, begin, len, &item); !s.isOk()) {
            out->records.pop_back();
            out->status = s;
            out->errorLine = l.number;
            return;
        }
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
