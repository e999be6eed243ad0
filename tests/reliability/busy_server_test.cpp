// A busy server keeps answering its probes and its readers: /healthz and /readyz are answered on
// the I/O thread while every worker runs a long query, /readyz says so while they do, and a read
// passes one long write while another write waits for its turn.

#include "http_client.h"

#include "innograph/query/query_engine.h"
#include "innograph/server/server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <thread>

namespace innograph::server {
namespace {

using testing::Client;
using testing::Reply;
namespace fs = std::filesystem;

const std::string kToken = "busy-server-token-0123456789";

double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

class BusyServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("innograph-busy-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        auto store = graph::GraphStore::open({}, dir_.string());
        ASSERT_TRUE(store.isOk()) << store.status().toString();
        store_ = std::move(*store);
        // Every pair of 40 nodes linked both ways: an unbounded path count runs to its limit.
        query::QueryEngine engine(*store_);
        engine.execute("UNWIND range(1, 40) AS i CREATE (:Dense {i: i})");
        engine.execute("MATCH (a:Dense), (b:Dense) WHERE a.i <> b.i CREATE (a)-[:NEAR]->(b)");
        ServerOptions o;
        o.port = 0;
        o.token = kToken;
        o.workerThreads = 2;
        o.queryTimeout = std::chrono::milliseconds(10'000);
        o.accessLog = false;
        server_ = std::make_unique<Server>(*store_, o);
        ASSERT_TRUE(server_->start().isOk());
    }
    void TearDown() override {
        server_.reset();
        store_.reset();
        fs::remove_all(dir_);
    }

    std::future<unsigned> queryAsync(const std::string& q, const std::string& token = "",
                                     nlohmann::json body = nlohmann::json::object()) {
        auto port = server_->port();
        body["query"] = q;
        return std::async(std::launch::async, [port, body, token] {
            Client c(port);
            return c.post("/v1/query", body.dump(), token).status;
        });
    }

    fs::path dir_;
    std::unique_ptr<graph::GraphStore> store_;
    std::unique_ptr<Server> server_;
};

TEST_F(BusyServerTest, ProbesAnswerAtOnceWhileBothWorkersRunTenSecondQueries) {
    // Ten seconds of work that holds no memory (a path count would meet the memory budget first).
    const std::string slow = "UNWIND range(1, 10000000) AS i UNWIND range(1, 10000000) AS j "
                             "WITH i WHERE i < 0 RETURN count(*)";
    auto started = std::chrono::steady_clock::now();
    auto first = queryAsync(slow);
    auto second = queryAsync(slow);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));

    std::vector<double> health;
    bool sawBusy = false;
    for (int i = 0; i < 10 && msSince(started) < 8000; ++i) {
        auto t = std::chrono::steady_clock::now();
        Client c(server_->port());
        auto h = c.get("/healthz");
        health.push_back(msSince(t));
        EXPECT_EQ(h.status, 200u);
        auto r = c.get("/readyz");
        if (r.status == 503u) {
            sawBusy = true;
            EXPECT_EQ(r.json()["status"], "busy") << r.body;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ASSERT_FALSE(health.empty());
    ASSERT_EQ(first.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
        << "the slow queries ended before the probes; the test proves nothing";
    std::sort(health.begin(), health.end());
    std::cout << "[ figures  ] /healthz while both workers run 10 s queries: median "
              << health[health.size() / 2] << " ms, max " << health.back() << " ms over "
              << health.size() << " probes\n";
    EXPECT_LT(health[health.size() / 2], 100.0);
    EXPECT_LT(health.back(), 1000.0);
    EXPECT_TRUE(sawBusy) << "/readyz said ready while every worker was taken";

    EXPECT_EQ(first.get(), 408u);
    EXPECT_EQ(second.get(), 408u);
    Client c(server_->port());
    EXPECT_EQ(c.get("/readyz").status, 200u);
}

TEST_F(BusyServerTest, AReadPassesALongWriteAndAWriteWaitingForItsTurn) {
    // A write that holds the store's writer for four seconds, then one queued behind it (whose
    // own ten seconds include its wait).
    const std::string longWrite =
        "UNWIND range(1, 10000000) AS i UNWIND range(1, 10000000) AS j WITH i WHERE i < 0 "
        "CREATE (:Never) RETURN count(*)";
    auto writer = queryAsync(longWrite, kToken, {{"timeout_ms", 4000}});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto queued = queryAsync("CREATE (:Queued) RETURN 1", kToken);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_EQ(writer.wait_for(std::chrono::seconds(0)), std::future_status::timeout);

    for (int i = 0; i < 3; ++i) {
        auto t = std::chrono::steady_clock::now();
        Client c(server_->port());
        auto r = c.post("/v1/query", R"({"query": "MATCH (d:Dense) RETURN count(d) AS n"})");
        double ms = msSince(t);
        ASSERT_EQ(r.status, 200u) << r.body;
        EXPECT_EQ(r.json()["rows"][0][0], 40);
        std::cout << "[ figures  ] a read beside a long write and a queued one: " << ms << " ms\n";
        EXPECT_LT(ms, 2000.0);
    }
    ASSERT_EQ(writer.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
        << "the long write ended before the reads; the test proves nothing";
    EXPECT_EQ(writer.get(), 408u);
    EXPECT_EQ(queued.get(), 200u);
}

} // namespace
} // namespace innograph::server
