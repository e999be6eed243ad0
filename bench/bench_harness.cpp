// The innograph side of bench/compare. Opens a store (default options) and answers one JSON
// request per stdin line with one JSON line on stdout, so that the driver can alternate it with
// Kùzu's worker inside one run:
//
//   {"cmd":"run","query":"...","params":[{...},...],"sample":true}
//       -> {"us":[...],"rows":[...],"sample":[[...],...]}   one execution per parameter set
//   {"cmd":"mem"} -> {"vmHwmKb":...,"vmRssKb":...}
//
// The same query text is executed each time, so after the first call every execution is a plan
// cache hit and the timing covers binding the parameters and executing the plan.

#include "innograph/graph/graph_store.h"
#include "innograph/query/query_engine.h"
#include "innograph/query/result_json.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using innograph::graph::GraphStore;
using innograph::query::QueryEngine;
using Json = nlohmann::json;

std::uint64_t procStatusKb(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field + ":", 0) == 0)
            return std::stoull(line.substr(field.size() + 1));
    return 0;
}

Json run(QueryEngine& engine, const Json& request) {
    const std::string query = request.at("query").get<std::string>();
    bool sample = request.value("sample", false);
    innograph::query::QueryOptions options;
    options.maxRows = 0;
    options.timeout = std::chrono::milliseconds(600'000);
    Json us = Json::array(), rows = Json::array(), first;
    for (const auto& p : request.at("params")) {
        // Converting the JSON parameters is the client's work, so it stays outside the timing.
        auto params = innograph::query::parametersFromJson(p);
        auto start = std::chrono::steady_clock::now();
        auto result = engine.execute(query, params, options);
        auto end = std::chrono::steady_clock::now();
        us.push_back(std::chrono::duration<double, std::micro>(end - start).count());
        rows.push_back(result.rows.size());
        if (sample && first.is_null()) {
            first = Json::array();
            for (const auto& row : result.rows) {
                Json r = Json::array();
                for (const auto& v : row)
                    r.push_back(innograph::query::valueToJson(v));
                first.push_back(std::move(r));
            }
        }
    }
    Json out{{"us", us}, {"rows", rows}};
    if (sample)
        out["sample"] = first;
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3 || std::string(argv[1]) != "--db") {
        std::cerr << "usage: bench_harness --db STORE\n";
        return 2;
    }
    innograph::graph::Options options;
    options.mode = innograph::graph::OpenMode::ReadOnly;
    options.createIfMissing = false;
    auto store = GraphStore::open(options, argv[2]);
    if (!store.isOk()) {
        std::cerr << "bench_harness: " << store.status().toString() << "\n";
        return 1;
    }
    // The store builds its in-memory adjacency in the background after open; measure from when
    // it is there, and say how long it took.
    auto warmStart = std::chrono::steady_clock::now();
    (*store)->warmCaches();
    double warmMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - warmStart)
            .count();
    QueryEngine engine(**store);
    std::cout << Json{{"ready", true}, {"warmMs", warmMs}}.dump() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty())
            continue;
        Json response;
        try {
            auto request = Json::parse(line);
            auto cmd = request.at("cmd").get<std::string>();
            if (cmd == "run")
                response = run(engine, request);
            else if (cmd == "mem")
                response = {{"vmHwmKb", procStatusKb("VmHWM")}, {"vmRssKb", procStatusKb("VmRSS")}};
            else
                response = {{"error", "unknown cmd " + cmd}};
        } catch (const std::exception& e) {
            response = {{"error", e.what()}};
        }
        std::cout << response.dump() << std::endl;
    }
    return 0;
}
