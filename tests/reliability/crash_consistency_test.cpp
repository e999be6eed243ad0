// Crash consistency of the real server: twenty times, clients ingest documents and run writing
// queries while the process is killed with SIGKILL; after each kill the store is opened through
// the public API and must hold every acknowledged write, no half of any write, and indexes that
// agree with the data.

#include "consistency.h"
#include "http_client.h"
#include "server_process.h"

#include "innograph/query/query_engine.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <set>
#include <thread>

namespace innograph {
namespace {

using testing::Client;
using testing::ServerProcess;

const std::string kToken = "crash-test-token-0123456789";
// One short policy text, ingested under many ids: each copy must yield the same facts.
const std::string kDocument =
    "测试市人民政府关于印发测试高新区发展规划的通知\n"
    "测试高新区重点发展机器人产业和新材料产业，支持测试大学建设新材料研究院。\n";

std::string body(const std::string& query, const nlohmann::json& params) {
    return nlohmann::json{{"query", query}, {"parameters", params}}.dump();
}

struct Acknowledged {
    std::mutex mu;
    std::set<std::string> documents;
    std::set<std::string> pairs; // keys of CREATE (a)-[:LINKS]->(b) that returned 200
};

// Writes until the server goes away; records what the server acknowledged.
void ingestDocuments(unsigned short port, int round, Acknowledged& ack, std::atomic<int>& sent) {
    try {
        Client c(port);
        for (int k = 0;; ++k) {
            auto id = "doc-" + std::to_string(round) + "-" + std::to_string(k);
            ++sent;
            auto r = c.post("/v1/documents?id=" + id, kDocument, kToken);
            if (r.status != 200 && r.status != 201)
                ADD_FAILURE() << "ingest " << id << ": " << r.status << " " << r.body;
            {
                std::lock_guard lock(ack.mu);
                ack.documents.insert(id);
            }
            // Every copy mentions the same entities: paced, so those stay hubs of a hundred
            // documents rather than thousands (the index check is quadratic in a node's degree).
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
        }
    } catch (const std::exception&) {
        // The kill ends the connection; whatever was not acknowledged may or may not be there.
    }
}

void createPairs(unsigned short port, int round, int writer, Acknowledged& ack,
                 std::atomic<int>& sent) {
    try {
        Client c(port);
        for (int k = 0;; ++k) {
            auto key =
                std::to_string(round) + "-" + std::to_string(writer) + "-" + std::to_string(k);
            ++sent;
            auto r =
                c.post("/v1/query",
                       body("CREATE (a:CrashPair {key: $key, part: 'a'})-[:LINKS {key: $key}]->"
                            "(b:CrashPair {key: $key, part: 'b'}) RETURN id(a)",
                            {{"key", key}}),
                       kToken);
            if (r.status != 200)
                ADD_FAILURE() << "create " << key << ": " << r.status << " " << r.body;
            {
                std::lock_guard lock(ack.mu);
                ack.pairs.insert(key);
            }
            // Paced, so twenty rounds leave thousands of pairs to check, not hundreds of
            // thousands.
            std::this_thread::sleep_for(std::chrono::milliseconds(4));
        }
    } catch (const std::exception&) {
    }
}

// Opens the killed server's store in this process and checks it; returns the documents' MENTIONS
// count (the same for every copy of kDocument) so later rounds compare against the first.
void checkStore(const std::string& db, const Acknowledged& ack, int round, long& mentionsPerDoc) {
    auto opened = graph::GraphStore::open({}, db);
    ASSERT_TRUE(opened.isOk()) << "round " << round << ": " << opened.status().toString();
    auto store = std::move(*opened);
    auto problems = testing::checkConsistency(*store);
    EXPECT_TRUE(problems.empty()) << "round " << round << ": " << problems.size()
                                  << " index problems, first: " << problems.front();

    // Linear scans joined here rather than in a query, so the check stays quick as pairs pile
    // up over the rounds.
    query::QueryEngine engine(*store);
    auto keysOf = [&](const std::string& q) {
        std::multiset<std::string> keys;
        for (const auto& row : engine.execute(q).rows)
            keys.insert(row[0].asString());
        return keys;
    };
    auto as = keysOf("MATCH (a:CrashPair {part: 'a'}) RETURN a.key");
    auto bs = keysOf("MATCH (b:CrashPair {part: 'b'}) RETURN b.key");
    auto links = keysOf("MATCH (a:CrashPair {part: 'a'})-[r:LINKS]->(b:CrashPair {part: 'b'}) "
                        "WHERE a.key = r.key AND b.key = r.key RETURN r.key");
    EXPECT_EQ(as, bs) << "round " << round << ": a pair with one node only";
    EXPECT_EQ(as, links) << "round " << round << ": a pair without its link";
    std::set<std::string> pairKeys(as.begin(), as.end());
    EXPECT_EQ(pairKeys.size(), as.size()) << "round " << round << ": a pair written twice";
    for (const auto& key : ack.pairs)
        EXPECT_TRUE(pairKeys.count(key))
            << "round " << round << ": acknowledged pair " << key << " was lost";

    std::set<std::string> docs;
    auto docRows = engine.execute("MATCH (d:Document) OPTIONAL MATCH (d)-[m:MENTIONS]->() "
                                  "RETURN d.docId, d.text, count(m)");
    for (const auto& row : docRows.rows) {
        auto id = row[0].asString();
        docs.insert(id);
        EXPECT_NE(row[1].asString().find("新材料研究院"), std::string::npos)
            << "round " << round << ": document " << id << " has partial text";
        if (mentionsPerDoc < 0)
            mentionsPerDoc = row[2].asInt();
        EXPECT_EQ(row[2].asInt(), mentionsPerDoc)
            << "round " << round << ": document " << id << " has some of its mentions only";
    }
    for (const auto& id : ack.documents)
        EXPECT_TRUE(docs.count(id))
            << "round " << round << ": acknowledged document " << id << " was lost";
}

TEST(CrashConsistency, TwentySigkillsLoseNoAcknowledgedWriteAndHalfApplyNone) {
    namespace fs = std::filesystem;
    auto dir = fs::temp_directory_path() / ("innograph-crash-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto db = (dir / "db").string();
    auto tokenFile = (dir / "token").string();
    std::ofstream(tokenFile) << kToken << "\n";
    const std::vector<std::string> args{
        "--token-file", tokenFile, "--corpus", (dir / "no-corpus").string(), "--threads", "2"};

    Acknowledged ack;
    std::mt19937 rng(20240917);
    long mentionsPerDoc = -1;
    int sentTotal = 0;
    constexpr int kRounds = 20;
    for (int round = 0; round < kRounds; ++round) {
        std::atomic<int> sent{0};
        {
            ServerProcess server(db, (dir / "server.log").string(), args);
            std::vector<std::thread> clients;
            clients.emplace_back(ingestDocuments, server.port(), round, std::ref(ack),
                                 std::ref(sent));
            for (int w = 0; w < 3; ++w)
                clients.emplace_back(createPairs, server.port(), round, w, std::ref(ack),
                                     std::ref(sent));
            // Kill at a different moment each round, but only once writes are flowing.
            auto until =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(300 + rng() % 900);
            while (sent.load() < 8 || std::chrono::steady_clock::now() < until)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            int status = server.kill(SIGKILL);
            EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
            for (auto& t : clients)
                t.join();
        }
        sentTotal += sent.load();
        checkStore(db, ack, round, mentionsPerDoc);
        if (::testing::Test::HasFailure())
            break;
    }
    EXPECT_GT(mentionsPerDoc, 0) << "no document was ever acknowledged";
    std::cout << "[crash] rounds=" << kRounds << " writes_sent=" << sentTotal
              << " acknowledged_documents=" << ack.documents.size()
              << " acknowledged_pairs=" << ack.pairs.size() << std::endl;

    // After all that, the restarted server still serves and sees the same data.
    ServerProcess server(db, (dir / "server.log").string(), args);
    Client c(server.port());
    auto r = c.post("/v1/query", body("MATCH (a:CrashPair {part: 'a'}) RETURN count(a)", {}));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_GE(r.json()["rows"][0][0].get<std::size_t>(), ack.pairs.size());
    server.kill(SIGTERM);
    fs::remove_all(dir);
}

} // namespace
} // namespace innograph
