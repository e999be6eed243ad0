// innograph stats: node counts per label and relationship counts per type.

#include "cli_support.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace innograph::app {
namespace {

struct StatsArgs {
    std::string db = kDefaultDb;
    bool json = false;
};

void runStats(const StatsArgs& a) {
    auto store = openStore(a.db, graph::OpenMode::ReadOnly);
    auto stats = store->stats();
    check(stats.status(), "reading statistics");
    if (a.json) {
        nlohmann::json j{{"nodes", stats->nodes},
                         {"relationships", stats->relationships},
                         {"nodesPerLabel", stats->nodesPerLabel},
                         {"relationshipsPerType", stats->relationshipsPerType}};
        std::cout << j.dump(2) << "\n";
        return;
    }
    std::cout << "nodes: " << stats->nodes << "\n";
    for (const auto& [label, n] : stats->nodesPerLabel)
        std::cout << "  :" << label << "  " << n << "\n";
    std::cout << "relationships: " << stats->relationships << "\n";
    for (const auto& [type, n] : stats->relationshipsPerType)
        std::cout << "  [:" << type << "]  " << n << "\n";
}

CommandRegistration reg{
    70, [](CLI::App& app) {
        auto args = std::make_shared<StatsArgs>();
        auto* cmd = app.add_subcommand("stats", "Count nodes per label and relationships per type");
        cmd->add_option("--db", args->db, "store directory")->capture_default_str();
        cmd->add_flag("--json", args->json, "print JSON");
        cmd->callback([args] { runStats(*args); });
    }};

} // namespace
} // namespace innograph::app
