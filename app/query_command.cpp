// innograph query: runs one query against the store and prints the result as a table, JSON or
// CSV. A failed query prints its error (as JSON with --format json) and exits 1.

#include "cli_support.h"

#include "innograph/query/query_engine.h"
#include "innograph/query/result_json.h"

#include <iostream>
#include <iterator>
#include <sstream>

namespace innograph::app {
namespace {

struct QueryArgs {
    std::string db = kDefaultDb;
    std::vector<std::string> params;
    std::string format = "table";
    long timeoutMs = 10'000;
    std::uint64_t maxRows = 100'000;
    std::string query;
};

query::Parameters parseParams(const std::vector<std::string>& specs) {
    query::Parameters params;
    for (const auto& spec : specs) {
        auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0)
            throw CommandFailed{2, "--param expects NAME=JSON, got '" + spec + "'"};
        std::string name = spec.substr(0, eq);
        std::string text = spec.substr(eq + 1);
        nlohmann::json value;
        try {
            value = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error&) {
            // A bare word is the string it spells: --param name=大连高新区.
            value = text;
        }
        params[name] = query::valueFromJson(value);
    }
    return params;
}

// A store that another process writes (the server) can still be queried read-only.
std::unique_ptr<graph::GraphStore> openForQuery(const std::string& db) {
    auto r = graph::GraphStore::open(
        [] {
            graph::Options o;
            o.createIfMissing = false;
            return o;
        }(),
        db);
    if (r.isOk())
        return std::move(r.value());
    if (r.status().code() == graph::Status::Code::Busy)
        return openStore(db, graph::OpenMode::ReadOnly);
    check(r.status(), "opening " + db);
    return nullptr;
}

void runQuery(QueryArgs a) {
    if (a.format != "table" && a.format != "json" && a.format != "csv")
        throw CommandFailed{2, "--format must be table, json or csv"};
    if (a.query == "-") {
        a.query.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    auto store = openForQuery(a.db);
    query::QueryEngine engine(*store);
    query::QueryOptions options;
    options.timeout = std::chrono::milliseconds(a.timeoutMs);
    options.maxRows = a.maxRows;
    try {
        auto params = parseParams(a.params);
        auto result = engine.execute(a.query, params, options);
        printNotifications(result, a.query);
        if (a.format == "json") {
            std::cout << query::resultToJson(result).dump() << "\n";
        } else if (a.format == "csv") {
            std::cout << query::formatCsv(result);
        } else {
            if (result.hasPlan)
                std::cout << query::formatPlan(result.plan);
            // EXPLAIN has a plan and no rows; PROFILE has both.
            if (!result.hasPlan || result.plan.profiled)
                std::cout << query::formatTable(result);
            std::cout << query::formatStats(result.stats);
        }
        if (result.stats.truncated)
            std::cerr << "innograph: result truncated at " << a.maxRows << " rows\n";
    } catch (const query::QueryError& e) {
        if (a.format == "json") {
            std::cout << query::errorToJson(e).dump() << "\n";
            throw CommandFailed{1, ""};
        }
        throw CommandFailed{1, e.describe()};
    }
}

CommandRegistration reg{
    20, [](CLI::App& app) {
        auto args = std::make_shared<QueryArgs>();
        auto* cmd = app.add_subcommand("query", "Run a query (Cypher subset) against the store");
        cmd->add_option("--db", args->db, "store directory")->capture_default_str();
        cmd->add_option("--param", args->params, "a parameter as NAME=JSON (repeatable)");
        cmd->add_option("--format", args->format, "table, json or csv")->capture_default_str();
        cmd->add_option("--timeout-ms", args->timeoutMs, "time limit of the query")
            ->capture_default_str();
        cmd->add_option("--max-rows", args->maxRows, "most rows to return (0: no limit)")
            ->capture_default_str();
        cmd->add_option("QUERY", args->query, "the query, or - to read it from standard input")
            ->required();
        cmd->callback([args] { runQuery(*args); });
    }};

} // namespace
} // namespace innograph::app
