#pragma once

// Reading and writing whole graphs in interchange formats, on the public GraphStore API.
//
//   jsonl    Neo4j APOC's JSON lines: one {"type":"node",…} or {"type":"relationship",…} object
//            a line (the shape ../shared/ontology.md fixes and the scorer reads)
//   csv      two files, nodes.csv (id,labels,properties) and relationships.csv
//            (id,type,start,end,properties); labels joined by ';', properties as a JSON object;
//            imports also read neo4j-admin's typed-header CSV files (importCsvFiles)
//   graphml  GraphML 1.0 with typed <key>s, which Gephi and Cytoscape open (export only)
//
// Exports are deterministic: nodes then relationships, each by ascending id, properties by key.
// Imports read the whole input and check it before writing; a bad line is an error naming the
// file and line, and the store is left as it was. Ids in a file are the file's own: imported
// elements get new store ids.

#include "innograph/graph/graph_store.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::interchange {

using graph::Result;
using graph::Status;

enum class Format { Jsonl, Csv, GraphMl };
Result<Format> parseFormat(std::string_view name);

using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

struct ImportSummary {
    std::uint64_t nodes = 0;
    std::uint64_t relationships = 0;
};

// APOC JSON lines from a file ("-" is standard input).
Result<ImportSummary> importJsonl(graph::GraphStore& store, const std::string& path,
                                  const Progress& progress = {});
// The two CSV files written by exportCsv (relationshipsPath may be empty: nodes only).
Result<ImportSummary> importCsv(graph::GraphStore& store, const std::string& nodesPath,
                                const std::string& relationshipsPath,
                                const Progress& progress = {});

// A CSV file of nodes or relationships as neo4j-admin import (and Kùzu's COPY) take them: a
// header naming every column — `:ID` or `name:ID(space)`, `:LABEL` (';'-separated), `:START_ID`,
// `:END_ID`, `:TYPE`, `:IGNORE`, and properties `name` or `name:TYPE` with TYPE one of int,
// long, short, byte, float, double, boolean, string, char (temporal and point types are kept as
// text), `TYPE[]` for ';'-separated lists; an empty field is an absent property. Labels (for
// nodes) or the type (for relationships) may also be given for the whole file. The headers of
// exportCsv's two files are read as that format.
// As in neo4j-admin, the header may be a file of its own, followed by data files without one.
struct CsvFile {
    std::string path;
    std::vector<std::string> labels; // added to every node of the file
    std::string type;                // relationships without a :TYPE field
    std::vector<std::string> more;   // data files read after `path`, with its header
};
// "[Label[:Label…]=]nodes.csv" or "[TYPE=]relationships.csv", as on neo4j-admin's command line;
// "Label=header.csv,part1.csv,part2.csv" names a header file and the data files it describes.
CsvFile csvFileArgument(std::string_view argument, bool relationships);
// Every node file, then every relationship file, in one atomic load.
Result<ImportSummary> importCsvFiles(graph::GraphStore& store, const std::vector<CsvFile>& nodes,
                                     const std::vector<CsvFile>& relationships,
                                     const Progress& progress = {});

// Writes every node and relationship of the view.
Status exportJsonl(const graph::ReadView& view, std::ostream& out, const Progress& progress = {});
Status exportGraphMl(const graph::ReadView& view, std::ostream& out, const Progress& progress = {});
Status exportCsv(const graph::ReadView& view, std::ostream& nodesOut, std::ostream& relsOut,
                 const Progress& progress = {});

// JSON <-> property values. JSON integers become Int, other numbers Double.
nlohmann::json toJson(const graph::Value& v);
Result<graph::Value> fromJson(const nlohmann::json& j);
nlohmann::json toJson(const graph::PropertyMap& props);

} // namespace innograph::interchange
