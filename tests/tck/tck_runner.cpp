// Runs openCypher TCK scenarios through the query engine, each on a fresh store, and reports
// pass/fail per folder.
//
//   tck_runner --tck DIR [--folder F]... [--min-rate R] [--passing FILE] [--write-passing FILE]
//              [--jobs N] [--verbose] [--filter TEXT]
//
// Fails (exit 1) when the pass rate over the chosen folders is below --min-rate, or when a
// scenario listed in --passing no longer passes. A scenario passes when its result table (in
// order or not, lists ordered or not as the TCK says), its side effects, or its error (class,
// phase and detail) are exactly as expected.

#include "feature_file.h"
#include "tck_value.h"

#include "innograph/graph/graph_store.h"
#include "innograph/query/query_engine.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace innograph;

namespace {

class TempStore {
public:
    TempStore() {
        static std::atomic<int> counter{0};
        fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        path_ = (base /
                 ("innograph-tck-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                    .string();
        fs::remove_all(path_);
        graph::Options options;
        options.blockCacheBytes = 1u << 20;
        options.writeBufferBytes = 1u << 20;
        auto r = graph::GraphStore::open(options, path_);
        if (!r.isOk())
            throw std::runtime_error("cannot open a store: " + r.status().toString());
        store_ = std::move(r.value());
    }
    ~TempStore() {
        store_.reset();
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    graph::GraphStore& store() { return *store_; }

private:
    std::string path_;
    std::unique_ptr<graph::GraphStore> store_;
};

// What the TCK's side effects count: the graph's state as sets, diffed before and after.
struct GraphState {
    std::set<graph::NodeId> nodes;
    std::set<graph::RelId> rels;
    std::set<std::string> properties; // "n12.key=value" / "r3.key=value"
    std::set<std::string> labels;     // label names in use
};

GraphState captureState(graph::GraphStore& store) {
    GraphState s;
    auto snap = store.snapshot();
    auto nodes = snap->allNodes();
    graph::NodeId id;
    while (nodes->next(&id)) {
        auto n = snap->node(id);
        if (!n.isOk())
            continue;
        s.nodes.insert(id);
        for (const auto& l : n.value().labels)
            s.labels.insert(l);
        for (const auto& [k, v] : n.value().properties)
            s.properties.insert("n" + std::to_string(id) + "." + k + "=" + tck::canonicalStored(v));
    }
    auto rels = snap->allRelationships();
    graph::RelId rid;
    while (rels->next(&rid)) {
        auto r = snap->relationship(rid);
        if (!r.isOk())
            continue;
        s.rels.insert(rid);
        for (const auto& [k, v] : r.value().properties)
            s.properties.insert("r" + std::to_string(rid) + "." + k + "=" +
                                tck::canonicalStored(v));
    }
    return s;
}

template <typename T> std::int64_t countMissing(const std::set<T>& a, const std::set<T>& b) {
    std::int64_t n = 0;
    for (const auto& x : a)
        if (!b.count(x))
            ++n;
    return n;
}

std::map<std::string, std::int64_t> diffStates(const GraphState& before, const GraphState& after) {
    return {{"+nodes", countMissing(after.nodes, before.nodes)},
            {"-nodes", countMissing(before.nodes, after.nodes)},
            {"+relationships", countMissing(after.rels, before.rels)},
            {"-relationships", countMissing(before.rels, after.rels)},
            {"+properties", countMissing(after.properties, before.properties)},
            {"-properties", countMissing(before.properties, after.properties)},
            {"+labels", countMissing(after.labels, before.labels)},
            {"-labels", countMissing(before.labels, after.labels)}};
}

struct Outcome {
    bool pass = false;
    bool errorClassOnly = false; // failed only on the error's phase or detail
    std::string why;
};

struct Run {
    bool ran = false;
    bool failed = false;
    std::string errorClass, errorDetail, errorMessage;
    query::ErrorPhase phase = query::ErrorPhase::Compile;
    query::QueryResult result;
    std::map<std::string, std::int64_t> sideEffects;
};

const std::regex
    kErrorStep(R"(^an? (\w+) should be raised at (compile time|runtime|any time): (.*)$)");

std::string describeRow(const std::vector<std::string>& row) {
    std::string o = "|";
    for (const auto& c : row)
        o += " " + c + " |";
    return o;
}

class ScenarioRunner {
public:
    ScenarioRunner(const fs::path& tckDir) : tckDir_(tckDir) {}

    Outcome run(const tck::Scenario& sc) {
        TempStore temp;
        query::QueryEngine engine(temp.store());
        query::Parameters params;
        Run last;
        query::QueryOptions options;
        options.timeout = std::chrono::milliseconds(20'000);
        options.maxRows = 0;
        options.usePlanCache = false;

        for (const auto& step : sc.steps) {
            const std::string& t = step.text;
            std::smatch m;
            if (t == "an empty graph" || t == "any graph")
                continue;
            if (std::regex_match(t, m, std::regex(R"(^the ([\w-]+) graph$)"))) {
                std::string name = m[1];
                std::ifstream in(tckDir_ / "graphs" / name / (name + ".cypher"));
                if (!in)
                    return {false, false, "unknown graph " + name};
                std::stringstream ss;
                ss << in.rdbuf();
                try {
                    engine.execute(ss.str(), {}, options);
                } catch (const std::exception& e) {
                    return {false, false, "graph " + name + " failed: " + e.what()};
                }
                continue;
            }
            if (t == "having executed:") {
                try {
                    engine.execute(step.docString, {}, options);
                } catch (const query::QueryError& e) {
                    return {false, false, "setup failed: " + e.describe()};
                } catch (const std::exception& e) {
                    return {false, false, std::string("setup failed: ") + e.what()};
                }
                continue;
            }
            if (t == "parameters are:") {
                for (const auto& row : step.table) {
                    if (row.size() != 2)
                        return {false, false, "a parameter row needs two cells"};
                    params[row[0]] = tck::toEngine(tck::parseTckValue(row[1]));
                }
                continue;
            }
            if (t.rfind("there exists a procedure", 0) == 0)
                return {false, false, "procedures are not supported"};
            if (t == "executing query:" || t == "executing control query:") {
                last = Run{};
                last.ran = true;
                GraphState before = captureState(temp.store());
                try {
                    last.result = engine.execute(step.docString, params, options);
                } catch (const query::QueryError& e) {
                    last.failed = true;
                    last.errorClass = query::errorCodeName(e.code());
                    last.errorDetail = e.detail();
                    last.errorMessage = e.describe();
                    last.phase = e.phase();
                } catch (const std::exception& e) {
                    last.failed = true;
                    last.errorClass = "exception";
                    last.errorMessage = e.what();
                    last.phase = query::ErrorPhase::Runtime;
                }
                last.sideEffects = diffStates(before, captureState(temp.store()));
                continue;
            }
            if (std::regex_match(t, m, kErrorStep)) {
                std::string cls = m[1], phase = m[2], detail = m[3];
                if (!last.failed)
                    return {false, false,
                            "expected " + cls + " (" + detail + "), the query succeeded"};
                if (last.errorClass != cls)
                    return {false, false,
                            "expected " + cls + " (" + detail + "), got " + last.errorMessage};
                bool phaseOk =
                    phase == "any time" ||
                    (phase == "compile time") == (last.phase == query::ErrorPhase::Compile);
                bool detailOk = detail == "*" || detail == last.errorDetail;
                if (!phaseOk || !detailOk)
                    return {false, true,
                            "expected " + cls + " at " + phase + ": " + detail + ", got " +
                                (last.phase == query::ErrorPhase::Compile ? "compile time"
                                                                          : "runtime") +
                                ": " + (last.errorDetail.empty() ? "-" : last.errorDetail) + " (" +
                                last.errorMessage + ")"};
                continue;
            }
            if (t.rfind("the result should be", 0) == 0) {
                if (!last.ran)
                    return {false, false, "no query was executed"};
                if (last.failed)
                    return {false, false, "the query failed: " + last.errorMessage};
                Outcome o = compareResult(t, step.table, last.result);
                if (!o.pass)
                    return o;
                continue;
            }
            if (t == "no side effects" || t == "the side effects should be:") {
                if (last.failed)
                    return {false, false, "the query failed: " + last.errorMessage};
                std::map<std::string, std::int64_t> expected;
                for (const auto& row : step.table)
                    if (row.size() == 2)
                        expected[row[0]] = std::stoll(row[1]);
                for (const auto& [k, v] : last.sideEffects) {
                    auto it = expected.find(k);
                    std::int64_t want = it == expected.end() ? 0 : it->second;
                    if (v != want)
                        return {false, false,
                                "side effect " + k + ": expected " + std::to_string(want) +
                                    ", got " + std::to_string(v)};
                }
                continue;
            }
            return {false, false, "unknown step: " + t};
        }
        return {true, false, ""};
    }

private:
    fs::path tckDir_;

    Outcome compareResult(const std::string& step, const tck::Table& table,
                          const query::QueryResult& result) {
        if (step == "the result should be empty") {
            if (!result.rows.empty())
                return {false, false,
                        "expected no rows, got " + std::to_string(result.rows.size())};
            return {true, false, ""};
        }
        bool ordered = step.find("in order") != std::string::npos;
        bool unorderedLists = step.find("ignoring element order for lists") != std::string::npos;
        if (table.empty())
            return {false, false, "an expected result without a header"};
        const auto& header = table[0];
        std::vector<std::string> actualCols = result.columns;
        std::vector<std::string> sortedHeader = header, sortedActual = actualCols;
        std::sort(sortedHeader.begin(), sortedHeader.end());
        std::sort(sortedActual.begin(), sortedActual.end());
        if (sortedHeader != sortedActual)
            return {false, false,
                    "columns: expected " + describeRow(header) + ", got " +
                        describeRow(actualCols)};
        std::vector<std::size_t> colIndex;
        for (const auto& h : header)
            colIndex.push_back(static_cast<std::size_t>(
                std::find(actualCols.begin(), actualCols.end(), h) - actualCols.begin()));

        std::vector<std::string> expected, actual;
        for (std::size_t r = 1; r < table.size(); ++r) {
            std::string line;
            for (const auto& cell : table[r]) {
                try {
                    line += tck::canonical(tck::parseTckValue(cell), unorderedLists) + " | ";
                } catch (const std::exception& e) {
                    return {false, false, std::string("expected value: ") + e.what()};
                }
            }
            expected.push_back(line);
        }
        for (const auto& row : result.rows) {
            std::string line;
            for (std::size_t c : colIndex) {
                try {
                    line += tck::canonical(tck::fromEngine(row.at(c)), unorderedLists) + " | ";
                } catch (const std::exception& e) {
                    return {false, false, std::string("actual value: ") + e.what()};
                }
            }
            actual.push_back(line);
        }
        if (!ordered) {
            std::sort(expected.begin(), expected.end());
            std::sort(actual.begin(), actual.end());
        }
        if (expected != actual) {
            std::string why = "rows differ: expected";
            for (std::size_t i = 0; i < expected.size() && i < 6; ++i)
                why += "\n      " + expected[i];
            why += "\n    got";
            for (std::size_t i = 0; i < actual.size() && i < 6; ++i)
                why += "\n      " + actual[i];
            if (actual.size() > 6)
                why += "\n      … (" + std::to_string(actual.size()) + " rows)";
            return {false, false, why};
        }
        return {true, false, ""};
    }
};

std::string folderOf(const std::string& relative) {
    auto slash = relative.rfind('/');
    return slash == std::string::npos ? relative : relative.substr(0, slash);
}

int usage() {
    std::cerr
        << "usage: tck_runner --tck DIR [--folder F]... [--min-rate R] [--passing FILE]\n"
           "                  [--write-passing FILE] [--jobs N] [--verbose] [--filter TEXT]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    fs::path tckDir;
    std::vector<std::string> folders;
    double minRate = 0;
    std::string passingFile, writePassing, filter;
    bool verbose = false;
    int jobs = 4;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--tck")
                tckDir = next();
            else if (a == "--folder")
                folders.push_back(next());
            else if (a == "--min-rate")
                minRate = std::stod(next());
            else if (a == "--passing")
                passingFile = next();
            else if (a == "--write-passing")
                writePassing = next();
            else if (a == "--filter")
                filter = next();
            else if (a == "--jobs")
                jobs = std::max(1, std::stoi(next()));
            else if (a == "--verbose")
                verbose = true;
            else
                return usage();
        } catch (const std::exception& e) {
            std::cerr << "tck_runner: " << e.what() << "\n";
            return usage();
        }
    }
    if (tckDir.empty())
        return usage();
    fs::path features = tckDir / "features";
    if (!fs::is_directory(features)) {
        std::cerr << "tck_runner: no features folder in " << tckDir << "\n";
        return 2;
    }
    if (folders.empty())
        folders.push_back("");

    std::vector<std::pair<fs::path, std::string>> files;
    for (const auto& folder : folders) {
        fs::path root = features / folder;
        if (!fs::exists(root)) {
            std::cerr << "tck_runner: no folder " << root << "\n";
            return 2;
        }
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file() && e.path().extension() == ".feature")
                files.emplace_back(e.path(), fs::relative(e.path(), features).generic_string());
    }
    std::sort(files.begin(), files.end());

    std::set<std::string> mustPass;
    if (!passingFile.empty()) {
        std::ifstream in(passingFile);
        if (!in) {
            std::cerr << "tck_runner: cannot read " << passingFile << "\n";
            return 2;
        }
        for (std::string l; std::getline(in, l);)
            if (!l.empty() && l[0] != '#')
                mustPass.insert(l);
    }

    struct Item {
        tck::Scenario scenario;
        std::string folder;
        Outcome outcome;
    };
    std::vector<Item> items;
    for (const auto& [path, rel] : files) {
        std::vector<tck::Scenario> scenarios;
        try {
            scenarios = tck::readFeatureFile(path.string(), rel);
        } catch (const std::exception& e) {
            std::cerr << "tck_runner: " << e.what() << "\n";
            return 2;
        }
        for (auto& sc : scenarios) {
            if (sc.ignored)
                continue;
            if (!filter.empty() && sc.id().find(filter) == std::string::npos)
                continue;
            items.push_back({std::move(sc), folderOf(rel), {}});
        }
    }

    // Scenarios are independent (a store each); most of a scenario's time is spent opening and
    // closing its store, so a few threads shorten the run even on a busy machine.
    ScenarioRunner runner(tckDir);
    std::atomic<std::size_t> nextItem{0};
    auto work = [&]() {
        for (std::size_t i; (i = nextItem++) < items.size();) {
            try {
                items[i].outcome = runner.run(items[i].scenario);
            } catch (const std::exception& e) {
                items[i].outcome = {false, false, std::string("runner: ") + e.what()};
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t)
        threads.emplace_back(work);
    for (auto& t : threads)
        t.join();

    struct Tally {
        int total = 0, pass = 0, classOnly = 0;
    };
    std::map<std::string, Tally> perFolder;
    std::vector<std::string> passed, regressions;
    for (const auto& item : items) {
        const auto& o = item.outcome;
        std::string id = item.scenario.id();
        Tally& t = perFolder[item.folder];
        ++t.total;
        if (o.pass) {
            ++t.pass;
            passed.push_back(id);
        } else {
            if (o.errorClassOnly)
                ++t.classOnly;
            if (mustPass.count(id))
                regressions.push_back(id + "\n    " + o.why);
            if (verbose)
                std::cout << "FAIL " << id << " (line " << item.scenario.line << ")\n    " << o.why
                          << "\n";
        }
    }

    Tally all;
    std::printf("%-44s %6s %6s %7s %10s\n", "folder", "pass", "total", "rate", "+class");
    for (const auto& [folder, t] : perFolder) {
        std::printf("%-44s %6d %6d %7.3f %10d\n", folder.c_str(), t.pass, t.total,
                    t.total ? double(t.pass) / t.total : 0.0, t.classOnly);
        all.total += t.total;
        all.pass += t.pass;
        all.classOnly += t.classOnly;
    }
    double rate = all.total ? double(all.pass) / all.total : 0.0;
    std::printf("%-44s %6d %6d %7.3f %10d\n", "all", all.pass, all.total, rate, all.classOnly);
    std::printf("(+class: failing only on the error's phase or detail)\n");

    if (!writePassing.empty()) {
        std::ofstream out(writePassing);
        out << "# TCK scenarios that pass; tck_runner --passing fails when one stops passing.\n";
        for (const auto& id : passed)
            out << id << "\n";
    }
    int rc = 0;
    if (!regressions.empty()) {
        std::cout << regressions.size() << " scenario(s) of the passing list fail:\n";
        for (const auto& r : regressions)
            std::cout << "  " << r << "\n";
        rc = 1;
    }
    if (rate + 1e-12 < minRate) {
        std::printf("pass rate %.4f is below the threshold %.4f\n", rate, minRate);
        rc = 1;
    }
    return rc;
}
