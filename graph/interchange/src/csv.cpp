#include "import_builder.h"
#include "walk.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

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

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
class CsvReader {
public:
    CsvReader(std::istream& in, std::string path) : in_(in), path_(std::move(path)) {}

    // False at the end of input; errors go to *status.
    bool next(std::vector<std::string>* fields, std::size_t* recordLine, Status* status) {
        fields->clear();
        std::string cur;
        bool quoted = false, any = false, afterQuote = false;
        *recordLine = line_ + 1;
        int c;
        while ((c = in_.get()) != EOF) {
            any = true;
            char ch = static_cast<char>(c);
            if (quoted) {
                if (ch == '"') {
                    if (in_.peek() == '"') {
                        cur += '"';
                        in_.get();
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
    std::istream& in_;
    std::string path_;
    std::size_t line_ = 0;
};

Result<graph::PropertyMap> parseProperties(const std::string& where, const std::string& text) {
    graph::PropertyMap props;
    if (text.empty())
        return props;
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return Status::invalidArgument(where + "properties are not a JSON object: " + e.what());
    }
    if (!j.is_object())
        return Status::invalidArgument(where + "properties must be a JSON object");
    for (const auto& [k, v] : j.items()) {
        auto value = fromJson(v);
        if (!value.isOk())
            return Status::invalidArgument(where + value.status().message());
        props.emplace(k, std::move(*value));
    }
    return props;
}

Status readFile(
    const std::string& path, std::size_t columns,
    const std::function<Status(std::size_t, const std::string&, std::vector<std::string>&)>& row) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status::notFound(path + ": cannot open for reading");
    CsvReader reader(in, path);
    std::vector<std::string> fields;
    std::size_t line;
    Status status;
    bool header = true;
    while (reader.next(&fields, &line, &status)) {
        auto where = at(path, line);
        for (const auto& f : fields)
            if (!graph::isValidUtf8(f))
                return Status::invalidArgument(where + "invalid UTF-8");
        if (header) {
            header = false;
            if (fields.size() != columns)
                return Status::invalidArgument(where + "expected a header of " +
                                               std::to_string(columns) + " columns");
            continue;
        }
        if (fields.size() == 1 && fields[0].empty())
            continue;
        if (fields.size() != columns)
            return Status::invalidArgument(where + "expected " + std::to_string(columns) +
                                           " fields, found " + std::to_string(fields.size()));
        if (auto s = row(line, where, fields); !s.isOk())
            return s;
    }
    return status;
}

} // namespace

Result<ImportSummary> importCsv(graph::GraphStore& store, const std::string& nodesPath,
                                const std::string& relsPath, const Progress& progress) {
    ImportBuilder builder(store, progress);
    if (auto s = builder.begin(); !s.isOk())
        return s;
    auto prepared = [&](const std::string& where,
                        const std::string& text) -> Result<graph::PreparedProperties> {
        auto props = parseProperties(where, text);
        if (!props.isOk())
            return props.status();
        auto p = graph::prepareProperties(*props);
        if (!p.isOk())
            return Status::invalidArgument(where + p.status().message());
        return p;
    };
    std::vector<std::string> labels;
    auto s = readFile(nodesPath, 3,
                      [&](std::size_t line, const std::string& where, std::vector<std::string>& f) {
                          labels.clear();
                          std::stringstream ss(f[1]);
                          for (std::string l; std::getline(ss, l, ';');)
                              if (!l.empty())
                                  labels.push_back(l);
                          auto props = prepared(where, f[2]);
                          if (!props.isOk())
                              return props.status();
                          if (f[0].empty())
                              return Status::invalidArgument(where + "a node needs an id");
                          return builder.addNode(nodesPath, line, f[0], labels, *props);
                      });
    if (!s.isOk())
        return s;
    if (!relsPath.empty()) {
        s = readFile(relsPath, 5,
                     [&](std::size_t line, const std::string& where, std::vector<std::string>& f) {
                         if (f[1].empty())
                             return Status::invalidArgument(where + "a relationship needs a type");
                         auto props = prepared(where, f[4]);
                         if (!props.isOk())
                             return props.status();
                         return builder.addRelationship(relsPath, line, f[1], f[2], f[3],
                                                        std::move(*props));
                     });
        if (!s.isOk())
            return s;
    }
    return builder.finish();
}

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
