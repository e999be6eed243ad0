// Load and hostile clients. The load test drives the real `innograph serve` with 64 connections
// of mixed reads and a concurrent writer for 30 seconds and watches the process's resident size;
// the hostile-client test holds a thousand idle connections and dribbles headers against an
// in-process server with a connection limit and a short read timeout.

#include "http_client.h"
#include "server_process.h"

#include "innograph/query/query_engine.h"
#include "innograph/server/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

namespace innograph {
namespace {

using testing::Client;
using testing::ServerProcess;
using testing::urlEncode;
namespace fs = std::filesystem;
namespace net = boost::asio;

const std::string kToken = "load-test-token-0123456789";

std::string queryBody(const std::string& q, nlohmann::json params = nlohmann::json::object()) {
    return nlohmann::json{{"query", q}, {"parameters", params}}.dump();
}

TEST(Load, SixtyFourConnectionsForThirtySecondsWithAWriterAndFlatMemory) {
    auto dir = fs::temp_directory_path() / ("innograph-load-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto tokenFile = (dir / "token").string();
    std::ofstream(tokenFile) << kToken;
    ServerProcess server(
        (dir / "db").string(), (dir / "server.log").string(),
        {"--token-file", tokenFile, "--corpus", INNOGRAPH_CORPUS_DIR, "--max-connections", "256"});
    const auto port = server.port();
    const auto duration = std::chrono::seconds(30);

    std::atomic<bool> stop{false};
    std::atomic<long> requests{0}, errors{0}, writes{0};
    std::mutex mu;
    std::map<std::string, int> errorSamples;
    auto recordError = [&](const std::string& what) {
        ++errors;
        std::lock_guard lock(mu);
        ++errorSamples[what.substr(0, 200)];
    };
    const std::vector<std::pair<std::string, std::string>> reads{
        {"/healthz", ""},
        {"/v1/entities?q=" + urlEncode("高新区") + "&limit=5", ""},
        {"/v1/schema", ""},
        {"/v1/query", queryBody("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p.name, i.name "
                                "LIMIT 20")},
        {"/v1/query", queryBody("MATCH (n) RETURN labels(n)[0] AS l, count(*) ORDER BY l")},
        {"/v1/query", queryBody("MATCH (n:LoadWrite) RETURN count(n)")},
        {"/v1/documents", ""},
    };
    std::vector<std::thread> clients;
    for (int t = 0; t < 64; ++t)
        clients.emplace_back([&, t] {
            try {
                Client c(port);
                for (std::size_t i = t; !stop; ++i) {
                    const auto& [target, body] = reads[i % reads.size()];
                    auto r = body.empty() ? c.get(target) : c.post(target, body);
                    ++requests;
                    if (r.status != 200)
                        recordError(target + " -> " + std::to_string(r.status) + " " + r.body);
                }
            } catch (const std::exception& e) {
                recordError(std::string("connection failed: ") + e.what());
            }
        });
    std::thread writer([&] {
        try {
            Client c(port);
            for (int k = 0; !stop; ++k) {
                auto r = c.post("/v1/query",
                                queryBody("CREATE (n:LoadWrite {k: $k}) RETURN id(n)", {{"k", k}}),
                                kToken);
                ++requests;
                if (r.status != 200)
                    recordError("write -> " + std::to_string(r.status) + " " + r.body);
                else
                    ++writes;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        } catch (const std::exception& e) {
            recordError(std::string("writer failed: ") + e.what());
        }
    });

    // Resident size once a second; the second half must stay flat.
    std::vector<long> rss;
    auto started = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - started < duration) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        rss.push_back(server.residentKb());
    }
    stop = true;
    for (auto& t : clients)
        t.join();
    writer.join();

    auto mid = rss[rss.size() / 2];
    long peak2 = 0;
    for (std::size_t i = rss.size() / 2; i < rss.size(); ++i)
        peak2 = std::max(peak2, rss[i]);
    std::cout << "[load] connections=64 seconds=" << duration.count()
              << " requests=" << requests.load() << " writes=" << writes.load()
              << " errors=" << errors.load() << " rss_kb_first=" << rss.front()
              << " rss_kb_mid=" << mid << " rss_kb_peak_second_half=" << peak2
              << " rss_kb_end=" << rss.back() << std::endl;
    EXPECT_EQ(errors.load(), 0);
    for (const auto& [what, n] : errorSamples)
        ADD_FAILURE() << n << " x " << what;
    EXPECT_GT(writes.load(), 0);
    // Flat: within a tenth (plus 16 MB for allocator and memtable noise) of the half-way size.
    EXPECT_LE(peak2, mid + mid / 10 + 16 * 1024) << "resident size grew in the second half";
    EXPECT_GT(mid, 0);

    // Every write the writer saw acknowledged is there.
    Client c(port);
    auto count = c.post("/v1/query", queryBody("MATCH (n:LoadWrite) RETURN count(n)"));
    EXPECT_EQ(count.json()["rows"][0][0].get<long>(), writes.load());
    int status = server.kill(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << server.log().substr(0, 2000);
    fs::remove_all(dir);
}

// Reads until the peer closes the connection; what arrived.
std::string drain(net::ip::tcp::socket& s) {
    std::string got;
    char buf[4096];
    boost::system::error_code ec;
    for (;;) {
        auto n = s.read_some(net::buffer(buf), ec);
        got.append(buf, n);
        if (ec)
            return got;
    }
}

TEST(HostileClients, AThousandIdleConnectionsSlowHeadersAndTheConnectionLimit) {
    auto dir = fs::temp_directory_path() / ("innograph-clients-" + std::to_string(getpid()));
    fs::remove_all(dir);
    auto opened = graph::GraphStore::open({}, dir.string());
    ASSERT_TRUE(opened.isOk());
    auto store = std::move(*opened);
    server::ServerOptions o;
    o.port = 0;
    o.maxConnections = 200;
    o.readTimeout = std::chrono::milliseconds(2000);
    o.accessLog = false;
    server::Server srv(*store, o);
    ASSERT_TRUE(srv.start().isOk());
    const auto port = srv.port();

    net::io_context ioc;
    std::vector<std::unique_ptr<net::ip::tcp::socket>> idle;
    auto openedAt = std::chrono::steady_clock::now();
    for (int i = 0; i < 1000; ++i) {
        idle.push_back(std::make_unique<net::ip::tcp::socket>(ioc));
        idle.back()->connect({net::ip::make_address("127.0.0.1"), port});
    }
    // Past the limit the answer is 503, not a hang or a crash.
    {
        Client extra(port);
        auto r = extra.get("/healthz");
        EXPECT_EQ(r.status, 503u);
        EXPECT_EQ(r.raw[boost::beast::http::field::retry_after], "1");
    }
    int rejected = 0, cutOff = 0, other = 0;
    for (auto& s : idle) {
        auto got = drain(*s);
        if (got.rfind("HTTP/1.1 503", 0) == 0)
            ++rejected;
        else if (got.empty())
            ++cutOff;
        else
            ++other;
    }
    auto drained = std::chrono::steady_clock::now() - openedAt;
    std::cout << "[clients] idle=1000 limit=200 rejected_503=" << rejected
              << " cut_off_idle=" << cutOff << " other=" << other << std::endl;
    EXPECT_EQ(other, 0);
    EXPECT_GE(rejected, 700);
    EXPECT_GE(cutOff, 150) << "connections under the limit were not accepted";
    EXPECT_LT(drained, std::chrono::seconds(30)) << "idle connections were not cut off";
    idle.clear();

    // Slowloris: headers a byte at a time never complete within the read timeout.
    std::vector<std::thread> slow;
    std::atomic<int> slowCut{0}, slowAnswered{0};
    for (int i = 0; i < 50; ++i)
        slow.emplace_back([&] {
            try {
                Client c(port);
                const std::string req =
                    "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 's') +
                    "\r\n\r\n";
                for (char ch : req) {
                    c.writeRaw(std::string(1, ch));
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
                ++slowAnswered;
            } catch (const std::exception&) {
                ++slowCut;
            }
        });
    for (auto& t : slow)
        t.join();
    EXPECT_EQ(slowCut.load(), 50);
    EXPECT_EQ(slowAnswered.load(), 0);

    // And after all of it the server answers at once.
    Client c(port);
    EXPECT_EQ(c.get("/healthz").status, 200u);
    srv.stop();
    fs::remove_all(dir);
}

} // namespace
} // namespace innograph
