// innograph shell: an interactive prompt. Statements end with ';' (a line may continue over
// several); commands start with ':' (:help, :format, :params, :param, :quit). History is kept
// in ~/.innograph_history and reloaded, though editing is plain line input.

#include "cli_support.h"

#include "innograph/query/query_engine.h"
#include "innograph/query/result_json.h"
#include "innograph/text/unicode.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace innograph::app {
namespace {

struct ShellArgs {
    std::string db = kDefaultDb;
    long timeoutMs = 10'000;
};

std::string trim(const std::string& s) {
    return std::string(text::trim(std::string_view(s)));
}

std::string historyPath() {
    const char* home = std::getenv("HOME");
    return home ? std::string(home) + "/.innograph_history" : std::string();
}

void printHelp() {
    std::cout << "Statements end with ';'. Commands:\n"
                 "  :format table|json|csv   how results are printed\n"
                 "  :param NAME JSON         set a parameter ($NAME)\n"
                 "  :params                  list parameters\n"
                 "  :history                 show earlier statements\n"
                 "  :help                    this text\n"
                 "  :quit                    leave (also Ctrl-D)\n"
                 "Prefix a statement with EXPLAIN or PROFILE to see its plan.\n";
}

void runShell(const ShellArgs& a) {
    auto store = openStore(a.db, graph::OpenMode::ReadWrite, true);
    query::QueryEngine engine(*store);
    query::QueryOptions options;
    options.timeout = std::chrono::milliseconds(a.timeoutMs);
    query::Parameters params;
    std::string format = "table";
    const bool interactive = ::isatty(STDIN_FILENO);

    std::vector<std::string> history;
    const auto histFile = historyPath();
    if (!histFile.empty()) {
        std::ifstream in(histFile);
        for (std::string l; std::getline(in, l);)
            if (!l.empty())
                history.push_back(l);
    }
    std::ofstream histOut;
    if (!histFile.empty())
        histOut.open(histFile, std::ios::app);

    if (interactive)
        std::cout << "innograph shell on " << a.db << " — :help for help\n";
    std::string buffer;
    for (;;) {
        if (interactive)
            std::cout << (buffer.empty() ? "innograph> " : "        -> ") << std::flush;
        std::string line;
        if (!std::getline(std::cin, line))
            break;
        std::string t = trim(line);
        if (buffer.empty() && t.rfind(':', 0) == 0) {
            std::istringstream ss(t);
            std::string cmd;
            ss >> cmd;
            if (cmd == ":quit" || cmd == ":exit" || cmd == ":q")
                break;
            if (cmd == ":help")
                printHelp();
            else if (cmd == ":format") {
                std::string f;
                ss >> f;
                if (f == "table" || f == "json" || f == "csv")
                    format = f;
                else
                    std::cout << "formats: table, json, csv\n";
            } else if (cmd == ":param") {
                std::string name, rest;
                ss >> name;
                std::getline(ss, rest);
                try {
                    params[name] = query::valueFromJson(nlohmann::json::parse(trim(rest)));
                } catch (const std::exception&) {
                    params[name] = query::Value(trim(rest));
                }
            } else if (cmd == ":params") {
                for (const auto& [k, v] : params)
                    std::cout << "$" << k << " = " << query::valueToJson(v).dump() << "\n";
            } else if (cmd == ":history") {
                for (std::size_t i = 0; i < history.size(); ++i)
                    std::cout << i + 1 << "  " << history[i] << "\n";
            } else {
                std::cout << "unknown command " << cmd << " (:help)\n";
            }
            continue;
        }
        buffer += (buffer.empty() ? "" : "\n") + line;
        if (t.empty() || t.back() != ';') {
            if (!interactive && std::cin.peek() == EOF && !trim(buffer).empty())
                buffer += ";";
            else
                continue;
        }
        std::string statement = trim(buffer);
        buffer.clear();
        while (!statement.empty() && statement.back() == ';')
            statement.pop_back();
        if (trim(statement).empty())
            continue;
        std::string flat = statement;
        for (auto& c : flat)
            if (c == '\n')
                c = ' ';
        history.push_back(flat);
        if (histOut)
            histOut << flat << "\n" << std::flush;
        try {
            auto result = engine.execute(statement, params, options);
            // JSON carries them in the result; the other formats warn on standard error.
            if (format != "json")
                printNotifications(result, statement);
            if (format == "json") {
                std::cout << query::resultToJson(result).dump(2) << "\n";
            } else if (format == "csv") {
                std::cout << query::formatCsv(result);
            } else {
                if (result.hasPlan)
                    std::cout << query::formatPlan(result.plan);
                if (!result.hasPlan || result.plan.profiled)
                    std::cout << query::formatTable(result);
                std::cout << query::formatStats(result.stats);
            }
        } catch (const query::QueryError& e) {
            if (format == "json")
                std::cout << query::errorToJson(e).dump(2) << "\n";
            else
                std::cout << e.describe() << "\n";
        }
    }
    if (interactive)
        std::cout << "\n";
}

CommandRegistration reg{
    30, [](CLI::App& app) {
        auto args = std::make_shared<ShellArgs>();
        auto* cmd = app.add_subcommand("shell", "Interactive query prompt");
        cmd->add_option("--db", args->db, "store directory")->capture_default_str();
        cmd->add_option("--timeout-ms", args->timeoutMs, "time limit of each query")
            ->capture_default_str();
        cmd->callback([args] { runShell(*args); });
    }};

} // namespace
} // namespace innograph::app
