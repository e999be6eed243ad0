// Integration tests: the server on an ephemeral loopback port over a store built from the
// corpus, exercised over real sockets.

#include "http_client.h"

#include "innograph/extract/extractor.h"
#include "innograph/extract/store_writer.h"
#include "innograph/server/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

namespace innograph::server {
namespace {

using testing::Client;
using testing::urlEncode;
namespace http = boost::beast::http;

const std::string kToken = "test-token-0123456789abcdef";

class ServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::random_device rd;
        dir_ =
            (std::filesystem::temp_directory_path() / ("innograph-server-" + std::to_string(rd())))
                .string();
        auto store = graph::GraphStore::open({}, dir_);
        ASSERT_TRUE(store.isOk()) << store.status().toString();
        store_ = std::move(*store).release();
        auto extractor = extract::Extractor::create();
        ASSERT_TRUE(extractor.isOk());
        for (const auto& e : std::filesystem::directory_iterator(INNOGRAPH_CORPUS_DIR)) {
            if (e.path().extension() != ".txt") // SOURCES.tsv is provenance, not a document
                continue;
            ++corpusDocuments_;
            auto doc = (*extractor)->extractFile(e.path().string());
            ASSERT_TRUE(doc.isOk()) << doc.status().toString();
            ASSERT_TRUE(extract::writeDocument(*store_, *doc).isOk());
        }
        ServerOptions o;
        o.port = 0;
        o.token = kToken;
        o.maxBodyBytes = 64 * 1024;
        o.readTimeout = std::chrono::milliseconds(600);
        o.accessLog = false;
        server_ = new Server(*store_, o);
        ASSERT_TRUE(server_->start().isOk());
    }
    static void TearDownTestSuite() {
        delete server_;
        delete store_;
        std::filesystem::remove_all(dir_);
    }
    static unsigned short port() { return server_->port(); }
    // After every error the server must still answer.
    static void expectStillServing() {
        Client c(port());
        EXPECT_EQ(c.get("/healthz").status, 200u);
    }
    static std::string queryBody(const std::string& q,
                                 nlohmann::json extra = nlohmann::json::object()) {
        extra["query"] = q;
        return extra.dump();
    }

    static inline std::string dir_;
    static inline std::size_t corpusDocuments_ = 0;
    static inline graph::GraphStore* store_ = nullptr;
    static inline Server* server_ = nullptr;
};

TEST_F(ServerTest, HealthReadinessAndMetrics) {
    Client c(port());
    EXPECT_EQ(c.get("/healthz").json()["status"], "ok");
    auto ready = c.get("/readyz");
    EXPECT_EQ(ready.status, 200u);
    EXPECT_GT(ready.json()["nodes"].get<int>(), 100);
    c.get("/nope");
    auto metrics = c.get("/metrics");
    EXPECT_EQ(metrics.status, 200u);
    EXPECT_NE(
        metrics.body.find(
            "innograph_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"),
        std::string::npos);
    EXPECT_NE(metrics.body.find("status=\"404\""), std::string::npos);
    EXPECT_NE(metrics.body.find("innograph_http_request_duration_seconds_bucket"),
              std::string::npos);
    EXPECT_NE(metrics.body.find("innograph_nodes{label=\"Park\"}"), std::string::npos);
    EXPECT_NE(metrics.body.find("innograph_relationships{type=\"HOSTS\"}"), std::string::npos);
}

TEST_F(ServerTest, QueryReturnsRowsStatsAndGraphElements) {
    Client c(port());
    auto r = c.post("/v1/query",
                    queryBody("MATCH (p:Park)-[h:HOSTS]->(i:Industry {name: $name}) RETURN p, h, i",
                              {{"parameters", {{"name", "精细化工"}}}, {"graph", true}}));
    ASSERT_EQ(r.status, 200u) << r.body;
    auto j = r.json();
    EXPECT_EQ(j["columns"], (nlohmann::json{"p", "h", "i"}));
    ASSERT_GE(j["rows"].size(), 2u);
    EXPECT_EQ(j["stats"]["rows"], j["rows"].size());
    EXPECT_FALSE(j["stats"]["truncated"].get<bool>());
    EXPECT_TRUE(j["stats"].contains("elapsed_ms"));
    auto& g = j["graph"];
    // The one industry node once, each park once, one edge per row.
    std::set<std::string> ids;
    for (const auto& n : g["nodes"])
        ids.insert(n["data"]["id"].get<std::string>());
    EXPECT_EQ(ids.size(), g["nodes"].size());
    EXPECT_EQ(g["edges"].size(), j["rows"].size());
    for (const auto& e : g["edges"]) {
        EXPECT_EQ(e["data"]["type"], "HOSTS");
        EXPECT_TRUE(ids.count(e["data"]["source"].get<std::string>()));
        EXPECT_TRUE(ids.count(e["data"]["target"].get<std::string>()));
    }
    bool sawIndustry = false;
    for (const auto& n : g["nodes"])
        sawIndustry |= n["data"]["label"] == "Industry" && n["data"]["name"] == "精细化工";
    EXPECT_TRUE(sawIndustry);

    auto limited = c.post("/v1/query", queryBody("MATCH (n) RETURN n.name", {{"max_rows", 3}}));
    ASSERT_EQ(limited.status, 200u);
    EXPECT_EQ(limited.json()["rows"].size(), 3u);
    EXPECT_TRUE(limited.json()["stats"]["truncated"].get<bool>());
}

TEST_F(ServerTest, UnknownKeyWarnsAndDocumentDatesCompareOnTheCorpus) {
    Client c(port());
    // n.nam reads null and the response says which name was probably meant, in both shapes.
    auto r = c.post("/v1/query", queryBody("MATCH (n:Park) RETURN n.nam"));
    ASSERT_EQ(r.status, 200u) << r.body;
    auto j = r.json();
    ASSERT_FALSE(j["rows"].empty());
    for (const auto& row : j["rows"])
        EXPECT_TRUE(row[0].is_null()) << row;
    ASSERT_EQ(j["notifications"].size(), 1u) << j;
    const auto& n = j["notifications"][0];
    EXPECT_EQ(n["code"], "Neo.ClientNotification.Statement.UnknownPropertyKeyWarning");
    EXPECT_EQ(n["severity"], "WARNING");
    EXPECT_EQ(n["category"], "UNRECOGNIZED");
    EXPECT_NE(n["description"].get<std::string>().find("Did you mean name?"), std::string::npos)
        << n;
    EXPECT_EQ(n["position"]["column"], 25);

    auto v2 = c.post("/db/innograph/query/v2", nlohmann::json{{"statement", "MATCH (n:Park) "
                                                                            "RETURN n.nam"}}
                                                   .dump());
    ASSERT_EQ(v2.status, 202u) << v2.body;
    auto jv = v2.json();
    ASSERT_EQ(jv["notifications"].size(), 1u) << jv;
    EXPECT_NE(jv["notifications"][0]["description"].get<std::string>().find("Did you mean name?"),
              std::string::npos);
    // A known key: no warning.
    auto known = c.post("/v1/query", queryBody("MATCH (n:Park) RETURN n.name LIMIT 1")).json();
    EXPECT_FALSE(known.contains("notifications")) << known;

    // Documents' dates are dates: the filter keeps those from 2019 on and some are older.
    auto recent = c.post("/v1/query", queryBody("MATCH (d:Document) WHERE d.date >= "
                                                "date('2019-01-01') RETURN d.title, d.date"));
    ASSERT_EQ(recent.status, 200u) << recent.body;
    auto rows = recent.json()["rows"];
    EXPECT_GE(rows.size(), 3u);
    for (const auto& row : rows)
        EXPECT_GE(row[1].get<std::string>(), "2019-01-01") << row;
    auto older = c.post("/v1/query", queryBody("MATCH (d:Document) WHERE d.date < "
                                               "date('2019-01-01') RETURN count(d)"));
    EXPECT_GE(older.json()["rows"][0][0].get<int>(), 1) << older.body;
}

TEST_F(ServerTest, SearchIsScriptInsensitiveAndRanksExactFirst) {
    Client c(port());
    auto r = c.get("/v1/entities?q=" + urlEncode("精细"));
    ASSERT_EQ(r.status, 200u);
    auto results = r.json()["results"];
    ASSERT_FALSE(results.empty());
    EXPECT_EQ(results[0]["name"], "精细化工");
    auto trad = c.get("/v1/entities?q=" + urlEncode("大連高新區") + "&label=Park");
    ASSERT_EQ(trad.status, 200u);
    ASSERT_FALSE(trad.json()["results"].empty());
    EXPECT_EQ(trad.json()["results"][0]["name"], "大连高新区");
    EXPECT_EQ(trad.json()["results"][0]["match"], "exact");
    // Held in a variable: a range-for over part of a temporary reads freed memory (ASan).
    auto parks = c.get("/v1/entities?q=" + urlEncode("高新区") + "&label=Park&limit=5").json();
    for (const auto& hit : parks["results"])
        EXPECT_EQ(hit["labels"][0], "Park");
    EXPECT_EQ(c.get("/v1/entities?q=" + urlEncode("高新区") + "&limit=5").json()["results"].size(),
              5u);
}

TEST_F(ServerTest, EntityNeighborsAndPaths) {
    Client c(port());
    auto found = c.get("/v1/entities?q=" + urlEncode("大连高新区")).json()["results"][0];
    auto id = found["id"].get<std::uint64_t>();
    auto e = c.get("/v1/entities/" + std::to_string(id));
    ASSERT_EQ(e.status, 200u) << e.body;
    auto ej = e.json();
    EXPECT_EQ(ej["node"]["properties"]["name"], "大连高新区");
    EXPECT_GT(ej["degree"]["HOSTS"]["out"].get<int>(), 0);
    EXPECT_FALSE(ej["documents"].empty());

    auto n = c.get("/v1/entities/" + std::to_string(id) + "/neighbors?limit=2");
    ASSERT_EQ(n.status, 200u);
    auto nj = n.json();
    EXPECT_EQ(nj["edges"].size(), 2u);
    EXPECT_TRUE(nj["truncated"].get<bool>());
    EXPECT_GT(nj["total"].get<int>(), 2);
    auto hosts =
        c.get("/v1/entities/" + std::to_string(id) + "/neighbors?types=HOSTS&direction=out").json();
    EXPECT_FALSE(hosts["edges"].empty());
    for (const auto& edge : hosts["edges"])
        EXPECT_EQ(edge["data"]["type"], "HOSTS");

    auto p =
        c.get("/v1/paths?from=" + urlEncode("辽阳高新区") + "&to=" + urlEncode("大连理工大学"));
    ASSERT_EQ(p.status, 200u) << p.body;
    auto pj = p.json();
    ASSERT_FALSE(pj["paths"].empty());
    for (const auto& edge : pj["edges"])
        EXPECT_NE(edge["data"]["type"], "MENTIONS");
    EXPECT_EQ(c.get("/v1/entities/999999999").status, 404u);
    EXPECT_EQ(c.get("/v1/entities/abc").status, 400u);
    EXPECT_EQ(c.get("/v1/paths?from=" + urlEncode("没有这个地方") + "&to=1").status, 404u);
}

TEST_F(ServerTest, SchemaDocumentsAndExport) {
    Client c(port());
    auto s = c.get("/v1/schema").json();
    bool hostsConnectsParkToIndustry = false;
    for (const auto& t : s["relationshipTypes"])
        if (t["type"] == "HOSTS")
            for (const auto& pair : t["connects"])
                hostsConnectsParkToIndustry |= pair["from"] == "Park" && pair["to"] == "Industry";
    EXPECT_TRUE(hostsConnectsParkToIndustry);
    // The ontology the graph follows, from the one table: every label drawn somehow, and the
    // endpoints of each type.
    ASSERT_TRUE(s.contains("ontology"));
    EXPECT_EQ(s["ontology"]["labels"].size(), 14u);
    for (const auto& l : s["ontology"]["labels"])
        EXPECT_FALSE(l["color"].get<std::string>().empty()) << l.dump();
    bool hostsAllowsZone = false, hostsAllowsDepartment = false;
    for (const auto& t : s["ontology"]["relationshipTypes"])
        if (t["type"] == "HOSTS")
            for (const auto& e : t["endpoints"]) {
                hostsAllowsZone |= e["from"] == "Zone" && e["to"] == "Industry";
                hostsAllowsDepartment |= e["from"] == "Department";
            }
    EXPECT_TRUE(hostsAllowsZone);
    EXPECT_FALSE(hostsAllowsDepartment);
    auto docs = c.get("/v1/documents").json()["documents"];
    ASSERT_EQ(docs.size(), corpusDocuments_);
    auto d = c.get("/v1/documents/000_be00c2b6671815d3");
    ASSERT_EQ(d.status, 200u);
    auto dj = d.json();
    EXPECT_NE(dj["text"].get<std::string>().find("六大工程"), std::string::npos);
    ASSERT_FALSE(dj["facts"].empty());
    bool hostsWithEvidence = false;
    for (const auto& f : dj["facts"])
        if (f["type"] == "HOSTS" && !f["evidence"].empty() && f["evidence"][0].contains("offsets"))
            hostsWithEvidence = true;
    EXPECT_TRUE(hostsWithEvidence);
    auto jsonl = c.get("/v1/export?format=jsonl");
    EXPECT_EQ(jsonl.status, 200u);
    EXPECT_NE(jsonl.body.find("\"type\":\"relationship\""), std::string::npos);
    EXPECT_NE(c.get("/v1/export?format=graphml").body.find("<graphml"), std::string::npos);
    EXPECT_EQ(c.get("/v1/export?format=csv&part=relationships")
                  .body.rfind("id,type,start,end,properties", 0),
              0u);
    EXPECT_EQ(c.get("/v1/export?format=xml").status, 400u);
}

TEST_F(ServerTest, EveryErrorStatusAndTheServerKeepsAnswering) {
    {
        Client c(port());
        auto r = c.post("/v1/query", "{\"query\": \"MATCH (n) RETURN n\",");
        EXPECT_EQ(r.status, 400u);
        EXPECT_EQ(r.json()["error"]["code"], "MalformedJson");
        EXPECT_TRUE(r.json()["error"].contains("position"));
    }
    expectStillServing();
    {
        Client c(port());
        auto r = c.post("/v1/query", queryBody("MATCH (p:Park)\nRETRUN p"));
        EXPECT_EQ(r.status, 400u);
        auto err = r.json()["error"];
        EXPECT_EQ(err["code"], "SyntaxError");
        EXPECT_EQ(err["line"], 2);
        EXPECT_EQ(err["column"], 1);
    }
    expectStillServing();
    {
        Client c(port());
        auto r = c.post("/v1/query", queryBody("MATCH (p:Park) WHERE p.name = $name RETURN p"));
        EXPECT_EQ(r.status, 400u);
        EXPECT_EQ(r.json()["error"]["code"], "ParameterMissing");
    }
    expectStillServing();
    {
        Client c(port());
        auto r = c.post(
            "/v1/query",
            queryBody("UNWIND range(1, 10000000) AS x UNWIND range(1, 100) AS y RETURN count(*)",
                      {{"timeout_ms", 50}}));
        EXPECT_EQ(r.status, 408u) << r.body;
        EXPECT_EQ(r.json()["error"]["code"], "Timeout");
    }
    expectStillServing();
    {
        Client c(port());
        auto r = c.post("/v1/query", queryBody("RETURN '" + std::string(100 * 1024, 'x') + "'"));
        EXPECT_EQ(r.status, 413u);
    }
    expectStillServing();
    {
        Client c(port());
        EXPECT_EQ(c.get("/v1/nothing-here").status, 404u);
        auto r = c.request(http::verb::delete_, "/v1/query");
        EXPECT_EQ(r.status, 405u);
        EXPECT_EQ(r.raw[http::field::allow], "POST");
        EXPECT_EQ(c.get("/v1/query").status, 405u);
    }
    expectStillServing();
    {
        Client c(port());
        auto noToken = c.post("/v1/query", queryBody("CREATE (n:Scratch {name: 'x'}) RETURN n"));
        EXPECT_EQ(noToken.status, 401u) << noToken.body;
        auto wrong =
            c.post("/v1/query", queryBody("CREATE (n:Scratch {name: 'x'}) RETURN n"), "wrong");
        EXPECT_EQ(wrong.status, 403u);
        auto doc = c.post("/v1/documents?id=x", "高新区", "wrong-token-000000");
        EXPECT_EQ(doc.status, 403u);
        auto count = c.post("/v1/query", queryBody("MATCH (n:Scratch) RETURN count(n) AS n"));
        EXPECT_EQ(count.json()["rows"][0][0], 0) << "a refused write changed the store";
    }
    expectStillServing();
    {
        Client c(port());
        c.writeRaw("\x01\x02 not http at all\r\n\r\n");
        EXPECT_EQ(c.read().status, 400u);
    }
    expectStillServing();
    {
        Client c(port());
        c.writeRaw("POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        EXPECT_EQ(c.read().status, 400u);
    }
    expectStillServing();
    {
        Client c(port());
        auto r = c.post("/v1/query", std::string(30000, '[') + std::string(30000, ']'));
        EXPECT_EQ(r.status, 400u);
        EXPECT_EQ(r.json()["error"]["code"], "MalformedJson");
    }
    expectStillServing();
    {
        Client c(port());
        EXPECT_EQ(c.get("/../../etc/passwd").status / 100, 4u);
        EXPECT_EQ(c.get("/%2e%2e/%2e%2e/etc/passwd").status / 100, 4u);
    }
    expectStillServing();
}

TEST_F(ServerTest, ReadOnlyServiceRefusesEveryWrite) {
    ServerOptions o;
    o.port = 0;
    o.accessLog = false;
    Server readOnly(*store_, o);
    ASSERT_TRUE(readOnly.start().isOk());
    Client c(readOnly.port());
    EXPECT_EQ(c.post("/v1/query", queryBody("CREATE (n:Scratch) RETURN n"), kToken).status, 403u);
    EXPECT_EQ(c.post("/v1/documents?id=x", "沈阳高新区重点发展机器人产业。", kToken).status, 403u);
    EXPECT_EQ(c.post("/v1/query", queryBody("RETURN 1 AS one")).status, 200u);
    // A read-only service never builds an extractor, so its readiness does not mention one.
    // (A writable one without buildExtractorAtStart reports "idle" until its first document.)
    auto ready = c.get("/readyz");
    EXPECT_EQ(ready.status, 200u);
    EXPECT_TRUE(ready.json()["readOnly"].get<bool>());
    EXPECT_FALSE(ready.json().contains("extractor"));
    readOnly.stop();
}

TEST_F(ServerTest, AWritableServiceBuildsItsExtractorBeforeTheFirstDocument) {
    // A service of its own, so that no earlier test's ingestion has built the extractor.
    ServerOptions o;
    o.port = 0;
    o.token = kToken;
    o.accessLog = false;
    o.buildExtractorAtStart = true; // as `innograph serve` does
    Server writable(*store_, o);
    ASSERT_TRUE(writable.start().isOk());
    Client c(writable.port());
    // No document is sent: the extractor is built because writes are enabled. Readiness stays
    // 200 all along (reads do not need the extractor). The bound only stops a hung build.
    std::string state;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
    do {
        auto ready = c.get("/readyz");
        ASSERT_EQ(ready.status, 200u) << ready.body;
        state = ready.json().value("extractor", "");
        ASSERT_TRUE(state == "loading" || state == "ready") << ready.body;
        if (state != "ready")
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (state != "ready" && std::chrono::steady_clock::now() < deadline);
    EXPECT_EQ(state, "ready");
    writable.stop();
}

TEST_F(ServerTest, WritesWithTheTokenAndConcurrentReaders) {
    std::atomic<bool> stop{false};
    std::atomic<int> readerFailures{0}, reads{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t)
        readers.emplace_back([&] {
            Client c(port());
            while (!stop) {
                auto r =
                    c.post("/v1/query",
                           queryBody("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN count(*) AS n"));
                if (r.status != 200)
                    ++readerFailures;
                ++reads;
            }
        });
    Client w(port());
    for (int i = 0; i < 10; ++i) {
        auto r = w.post("/v1/query",
                        queryBody("CREATE (n:Scratch {name: $name}) RETURN id(n)",
                                  {{"parameters", {{"name", "scratch" + std::to_string(i)}}}}),
                        kToken);
        EXPECT_EQ(r.status, 200u) << r.body;
    }
    auto doc = w.post("/v1/documents?id=test_doc",
                      "测试市人民政府关于印发测试高新区发展规划的通知\n测试高新区重点发展机器人产业"
                      "和新材料产业。",
                      kToken);
    EXPECT_TRUE(doc.status == 201u || doc.status == 200u) << doc.body;
    stop = true;
    for (auto& t : readers)
        t.join();
    EXPECT_EQ(readerFailures.load(), 0);
    EXPECT_GT(reads.load(), 0);
    auto count = w.post("/v1/query", queryBody("MATCH (n:Scratch) RETURN count(n)"));
    EXPECT_EQ(count.json()["rows"][0][0], 10);
    auto cleanup = w.post("/v1/query", queryBody("MATCH (n:Scratch) DETACH DELETE n"), kToken);
    EXPECT_EQ(cleanup.status, 200u);
}

TEST_F(ServerTest, KeepAliveAndPipelinedRequestsAnsweredInOrder) {
    Client c(port());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(c.get("/healthz").status, 200u);
    std::string pipelined;
    for (int i = 0; i < 4; ++i) {
        auto body = queryBody("RETURN " + std::to_string(i) + " AS i");
        pipelined += "POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body;
    }
    c.writeRaw(pipelined);
    for (int i = 0; i < 4; ++i) {
        auto r = c.read();
        ASSERT_EQ(r.status, 200u);
        EXPECT_EQ(r.json()["rows"][0][0], i);
    }
}

TEST_F(ServerTest, SlowHeadersAreCutOff) {
    Client c(port());
    c.writeRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    auto started = std::chrono::steady_clock::now();
    EXPECT_TRUE(c.closedByPeer());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    expectStillServing();
}

TEST(ServerShutdown, StopFinishesInFlightRequestsThenRefusesConnections) {
    auto dir = (std::filesystem::temp_directory_path() / "innograph-server-shutdown").string();
    std::filesystem::remove_all(dir);
    auto store = std::move(graph::GraphStore::open({}, dir).value());
    ServerOptions o;
    o.port = 0;
    o.accessLog = false;
    auto server = std::make_unique<Server>(*store, o);
    ASSERT_TRUE(server->start().isOk());
    auto port = server->port();
    std::atomic<unsigned> status{0};
    std::thread slow([&] {
        Client c(port);
        auto r = c.post(
            "/v1/query",
            R"({"query": "UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y RETURN count(*) AS n"})");
        status = r.status;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    server->stop();
    slow.join();
    EXPECT_EQ(status.load(), 200u) << "the in-flight query was dropped";
    EXPECT_THROW(Client c(port), boost::system::system_error);
    server.reset();
    store.reset();
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace innograph::server

namespace innograph::server {
namespace {

TEST(ServerFollower, AFollowerServesWhatThePrimaryWrites) {
    auto base = std::filesystem::temp_directory_path() / "innograph-server-follower";
    std::filesystem::remove_all(base);
    auto primary = std::move(graph::GraphStore::open({}, (base / "primary").string()).value());
    {
        auto tx = std::move(primary->beginWrite().value());
        ASSERT_TRUE(tx->createNode({"Park"}, {{"name", graph::Value("甲高新区")}}).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    graph::Options o;
    o.mode = graph::OpenMode::Secondary;
    o.secondaryPath = (base / "follower").string();
    auto follower = std::move(graph::GraphStore::open(o, (base / "primary").string()).value());
    ServerOptions so;
    so.port = 0;
    so.accessLog = false;
    so.catchUpInterval = std::chrono::milliseconds(0);
    Server server(*follower, so);
    ASSERT_TRUE(server.start().isOk());
    Client c(server.port());
    auto count = [&] {
        auto r = c.post("/v1/query", R"({"query": "MATCH (p:Park) RETURN count(p) AS n"})");
        EXPECT_EQ(r.status, 200u) << r.body;
        return r.json()["rows"][0][0].get<int>();
    };
    EXPECT_EQ(count(), 1);
    {
        auto tx = std::move(primary->beginWrite().value());
        ASSERT_TRUE(tx->createNode({"Park"}, {{"name", graph::Value("乙高新区")}}).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    // The follower catches up before it answers; the write needs no restart.
    EXPECT_EQ(count(), 2);
    EXPECT_EQ(c.get("/v1/entities?q=" + urlEncode("乙高新区")).json()["results"].size(), 1u);
    EXPECT_EQ(c.post("/v1/query", R"({"query": "CREATE (n:Park) RETURN n"})", kToken).status, 403u);
    server.stop();
    follower.reset();
    primary.reset();
    std::filesystem::remove_all(base);
}

} // namespace
} // namespace innograph::server
