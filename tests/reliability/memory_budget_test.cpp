// The memory budget against the real server on the corpus graph: the queries that took it from
// gigabytes to more gigabytes (issue 12) now end with MemoryLimitExceeded or their time limit,
// the resident size stays under 2 GiB throughout, and returns near where it started.

#include "http_client.h"
#include "server_process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace innograph {
namespace {

using testing::Client;
using testing::Reply;
using testing::ServerProcess;
namespace fs = std::filesystem;

std::string code(const Reply& r) {
    try {
        return r.json()["error"]["code"].get<std::string>();
    } catch (const std::exception&) {
        return "(none)";
    }
}

TEST(MemoryBudget, HeavyQueriesStayUnderTheBudgetAndMemoryIsReturned) {
    auto dir = fs::temp_directory_path() / ("innograph-memory-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    ServerProcess server((dir / "db").string(), (dir / "server.log").string(),
                         {"--corpus", INNOGRAPH_CORPUS_DIR, "--threads", "2"});
    const auto port = server.port();
    {
        Client warm(port);
        auto r =
            warm.post("/v1/query", nlohmann::json{{"query", "MATCH (n) RETURN count(n)"}}.dump());
        ASSERT_EQ(r.status, 200u) << r.body;
    }
    const long startKb = server.residentKb();

    std::atomic<bool> done{false};
    std::atomic<long> peakKb{startKb};
    std::thread sampler([&] {
        while (!done) {
            long kb = server.residentKb();
            long seen = peakKb.load();
            while (kb > seen && !peakKb.compare_exchange_weak(seen, kb)) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    const std::vector<std::string> heavy{
        "MATCH p = (a)-[*]-(b) RETURN count(p)",
        "MATCH (a), (b), (c) RETURN collect([a.name, b.name, c.name]) AS triples",
        "MATCH p = (a)-[*]-(b) RETURN count(p)",
    };
    for (const auto& q : heavy) {
        auto t = std::chrono::steady_clock::now();
        Client c(port);
        auto r = c.post("/v1/query", nlohmann::json{{"query", q}}.dump());
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
        std::cout << "[ figures  ] " << q << ": " << r.status << " " << code(r) << " after " << s
                  << " s, resident " << server.residentKb() / 1024 << " MiB\n";
        EXPECT_TRUE(r.status == 400u || r.status == 408u) << r.status << " " << r.body;
        if (r.status == 400u) {
            EXPECT_EQ(code(r), "MemoryLimitExceeded") << r.body;
        }
    }
    // A request may ask for less than the ceiling.
    {
        Client c(port);
        auto r = c.post("/v1/query",
                        nlohmann::json{{"query", heavy[1]}, {"max_memory_bytes", 1 << 20}}.dump());
        EXPECT_EQ(r.status, 400u) << r.body;
        EXPECT_EQ(code(r), "MemoryLimitExceeded");
        EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("1 MiB"), std::string::npos)
            << r.body;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    done = true;
    sampler.join();
    const long endKb = server.residentKb();
    std::cout << "[ figures  ] resident: start " << startKb / 1024 << " MiB, peak " << peakKb / 1024
              << " MiB, end " << endKb / 1024 << " MiB\n";
    EXPECT_LT(peakKb.load(), testing::kResidentScale * 2L * 1024 * 1024) << "over 2 GiB";
    EXPECT_LT(endKb, startKb + testing::kReturnedSlackKb) << "memory was not given back";

    Client c(port);
    EXPECT_EQ(c.get("/healthz").status, 200u);
    EXPECT_EQ(c.post("/v1/query", R"J({"query": "RETURN 1"})J").status, 200u);
    server.kill(SIGKILL);
    fs::remove_all(dir);
}

} // namespace
} // namespace innograph
