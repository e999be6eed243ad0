// innograph import: load a graph from APOC JSON lines, from the CSV pair of `export`, or from
// neo4j-admin-shaped CSV files (typed headers; several --nodes and --relationships).

#include "cli_support.h"

#include "innograph/interchange/interchange.h"

#include <malloc.h>

#include <chrono>
#include <iostream>

namespace innograph::app {
namespace {

struct ImportArgs {
    std::string db = kDefaultDb;
    std::string file;
    std::vector<std::string> nodes;
    std::vector<std::string> relationships;
};

void runImport(const ImportArgs& a) {
    if (a.file.empty() == a.nodes.empty())
        throw CommandFailed{2,
                            "import: give one JSON-lines FILE, or --nodes (and --relationships)"};
    // A load allocates and frees blocks of megabytes on several threads (lines parsed, records
    // queued for the table files); by default glibc hands freed memory back to the kernel at
    // once (trimming each thread's heap, unmapping large blocks), so the next block faulted in
    // afresh: 370,000 page faults and a fifth of an SF 1 import's CPU. This process does
    // nothing else, so it keeps up to 512 MB of freed memory for reuse.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    auto store = openStore(a.db, graph::OpenMode::ReadWrite, /*createIfMissing=*/true);
    auto start = std::chrono::steady_clock::now();
    auto progress = terminalProgress("importing");
    std::vector<interchange::CsvFile> nodes, rels;
    for (const auto& n : a.nodes)
        nodes.push_back(interchange::csvFileArgument(n, false));
    for (const auto& r : a.relationships)
        rels.push_back(interchange::csvFileArgument(r, true));
    auto result = a.file.empty() ? interchange::importCsvFiles(*store, nodes, rels, progress)
                                 : interchange::importJsonl(*store, a.file, progress);
    endProgress();
    if (!result.isOk())
        throw CommandFailed{1,
                            "import failed, the store is unchanged: " + result.status().message()};
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "imported " << result->nodes << " nodes and " << result->relationships
              << " relationships in " << secs << " s\n";
}

CommandRegistration reg{
    50, [](CLI::App& app) {
        auto args = std::make_shared<ImportArgs>();
        auto* cmd = app.add_subcommand("import", "Import a graph (APOC JSON lines, or CSV)");
        cmd->add_option("--db", args->db, "store directory (created if missing)")
            ->capture_default_str();
        cmd->add_option("file", args->file, "APOC JSON-lines file ('-' for standard input)");
        cmd->add_option("--nodes", args->nodes,
                        "[Label[:Label...]=]nodes.csv: export's nodes.csv or a neo4j-admin node "
                        "file (header with :ID, :LABEL, name:type...); repeatable");
        cmd->add_option("--relationships", args->relationships,
                        "[TYPE=]relationships.csv: export's relationships.csv or a neo4j-admin "
                        "relationship file (:START_ID, :END_ID, :TYPE...); repeatable");
        cmd->callback([args] { runImport(*args); });
    }};

} // namespace
} // namespace innograph::app
