// innograph export: write the whole graph as APOC JSON lines, GraphML or CSV.

#include "cli_support.h"

#include "innograph/interchange/interchange.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace innograph::app {
namespace {

struct ExportArgs {
    std::string db = kDefaultDb;
    std::string format = "jsonl";
    std::string output;
};

void runExport(const ExportArgs& a) {
    auto format = interchange::parseFormat(a.format);
    check(format.status());
    auto store = openStore(a.db, graph::OpenMode::ReadOnly);
    auto view = store->snapshot();
    auto progress = terminalProgress("exporting");
    graph::Status s;
    if (*format == interchange::Format::Csv) {
        if (a.output.empty())
            throw CommandFailed{2, "export --format csv needs --output DIR (it writes two files)"};
        std::error_code ec;
        std::filesystem::create_directories(a.output, ec);
        std::ofstream nodes(std::filesystem::path(a.output) / "nodes.csv", std::ios::binary);
        std::ofstream rels(std::filesystem::path(a.output) / "relationships.csv", std::ios::binary);
        if (!nodes || !rels)
            throw CommandFailed{1, "cannot write into " + a.output};
        s = interchange::exportCsv(*view, nodes, rels, progress);
    } else {
        std::ofstream file;
        std::ostream* out = &std::cout;
        if (!a.output.empty() && a.output != "-") {
            file.open(a.output, std::ios::binary);
            if (!file)
                throw CommandFailed{1, "cannot write " + a.output};
            out = &file;
        }
        s = *format == interchange::Format::Jsonl
                ? interchange::exportJsonl(*view, *out, progress)
                : interchange::exportGraphMl(*view, *out, progress);
    }
    endProgress();
    check(s, "export failed");
}

CommandRegistration reg{
    60, [](CLI::App& app) {
        auto args = std::make_shared<ExportArgs>();
        auto* cmd = app.add_subcommand("export", "Export the whole graph");
        cmd->add_option("--db", args->db, "store directory")->capture_default_str();
        cmd->add_option("--format", args->format, "jsonl, graphml or csv")
            ->check(CLI::IsMember({"jsonl", "graphml", "csv"}))
            ->capture_default_str();
        cmd->add_option("-o,--output", args->output,
                        "file to write (default standard output); a directory for csv");
        cmd->callback([args] { runExport(*args); });
    }};

} // namespace
} // namespace innograph::app
