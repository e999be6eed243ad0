// Hostile input against the service and the query engine: each case must end in a clear error
// (or a correct answer) within its bound, and the service must answer the next request. The
// first checks of malformed HTTP live in tests/server/server_test.cpp; these go further.

#include "http_client.h"

#include "innograph/query/query_engine.h"
#include "innograph/server/server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

namespace innograph::server {
namespace {

using testing::Client;
using testing::Reply;
namespace http = testing::http;
namespace beast = testing::beast;
namespace fs = std::filesystem;

const std::string kToken = "hostile-test-token-0123456789";
const std::string kSecret = "top-secret-contents-7d1f";

class HostileInputTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("innograph-hostile-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "web" / "assets");
        std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>innograph</title>";
        std::ofstream(dir_ / "web" / "assets" / "app.js") << "console.log(1)";
        std::ofstream(dir_ / "secret.txt") << kSecret;
        auto store = graph::GraphStore::open({}, (dir_ / "db").string());
        ASSERT_TRUE(store.isOk()) << store.status().toString();
        store_ = std::move(*store).release();
        // A dense graph (every pair of 40 nodes linked both ways) and 3,000 plain nodes.
        query::QueryEngine engine(*store_);
        engine.execute("UNWIND range(1, 40) AS i CREATE (:Dense {i: i})");
        engine.execute("MATCH (a:Dense), (b:Dense) WHERE a.i <> b.i CREATE (a)-[:NEAR]->(b)");
        engine.execute("UNWIND range(1, 3000) AS i CREATE (:Bulk {i: i})");
        engine.execute("CREATE (:Keys {case: 1, end: 2})");
        ServerOptions o;
        o.port = 0;
        o.token = kToken;
        o.readTimeout = std::chrono::milliseconds(2000);
        o.queryTimeout = std::chrono::milliseconds(3000);
        o.staticDir = (dir_ / "web").string();
        o.accessLog = false;
        server_ = new Server(*store_, o);
        ASSERT_TRUE(server_->start().isOk());
    }
    static void TearDownTestSuite() {
        delete server_;
        delete store_;
        fs::remove_all(dir_);
    }
    void TearDown() override {
        // Whatever the case did, the service still answers.
        Client c(server_->port());
        EXPECT_EQ(c.get("/healthz").status, 200u);
        EXPECT_EQ(query("RETURN 1 AS one").status, 200u);
    }

    static Reply query(const std::string& q, nlohmann::json extra = nlohmann::json::object(),
                       const std::string& token = "") {
        extra["query"] = q;
        Client c(server_->port());
        return c.post("/v1/query", extra.dump(), token);
    }
    static std::string code(const Reply& r) {
        try {
            return r.json()["error"]["code"].get<std::string>();
        } catch (const std::exception&) {
            return "(no error code in: " + r.body.substr(0, 200) + ")";
        }
    }
    static std::string repeat(const std::string& s, int n) {
        std::string out;
        out.reserve(s.size() * n);
        for (int i = 0; i < n; ++i)
            out += s;
        return out;
    }
    // A raw request on its own connection; the status of the reply, or 0 when the server closed
    // the connection without one.
    static unsigned raw(const std::string& bytes) {
        Client c(server_->port());
        c.writeRaw(bytes);
        try {
            return c.read().status;
        } catch (const std::exception&) {
            return 0;
        }
    }

    static inline fs::path dir_;
    static inline graph::GraphStore* store_ = nullptr;
    static inline Server* server_ = nullptr;
};

TEST_F(HostileInputTest, NestingTenThousandDeepIsALimitErrorNotAStackOverflow) {
    const int n = 10000;
    const std::vector<std::pair<std::string, std::string>> cases{
        {"RETURN " + repeat("(", n) + "1" + repeat(")", n), "parentheses"},
        {"RETURN " + repeat("[", n) + "1" + repeat("]", n), "lists"},
        {"RETURN " + repeat("{a: ", n) + "1" + repeat("}", n), "maps"},
        {"RETURN " + repeat("CASE WHEN true THEN ", n) + "1" + repeat(" END", n), "CASE"},
        {"RETURN " + repeat("size(", n) + "'x'" + repeat(")", n), "function calls"},
        {"MATCH " + repeat("(", n) + "n" + repeat(")", n) + " RETURN n", "pattern"},
        {"RETURN 1" + repeat(" + 1", 100000), "a chain of 100,000 additions"},
        {"RETURN " + repeat("NOT ", 100000) + "true", "100,000 NOTs"},
        {"RETURN 1" + repeat(" IN [1]", 100000), "100,000 INs"},
        {"WITH {a: 1} AS m RETURN m" + repeat(".a", 100000), "100,000 property lookups"},
        {"RETURN 1" + repeat(" < 2", 100000), "100,000 comparisons"},
    };
    for (const auto& [q, what] : cases) {
        auto r = query(q);
        EXPECT_EQ(r.status, 400u) << what << ": " << r.body.substr(0, 300);
        EXPECT_EQ(code(r), "LimitExceeded") << what;
    }
}

TEST_F(HostileInputTest, NestingJustInsideTheLimitsStillRuns) {
    // At the limits the query runs on a server worker thread's stack, sanitizers included.
    auto r = query("RETURN " + repeat("(", 190) + "7" + repeat(")", 190) + " AS x");
    ASSERT_EQ(r.status, 200u) << r.body.substr(0, 300);
    EXPECT_EQ(r.json()["rows"][0][0], 7);
    r = query("RETURN " + repeat("[", 190) + "7" + repeat("]", 190) + " AS x");
    ASSERT_EQ(r.status, 200u) << r.body.substr(0, 300);
    r = query("RETURN " + repeat("CASE WHEN true THEN ", 190) + "7" + repeat(" END", 190) +
              " AS x");
    ASSERT_EQ(r.status, 200u) << r.body.substr(0, 300);
    EXPECT_EQ(r.json()["rows"][0][0], 7);
    r = query("RETURN 0" + repeat(" + 1", 990) + " AS x");
    ASSERT_EQ(r.status, 200u) << r.body.substr(0, 300);
    EXPECT_EQ(r.json()["rows"][0][0], 990);
    // CASE and END as property keys and labels are not nesting.
    r = query("MATCH (m:Keys) WHERE m:Keys RETURN m.case + m.end" + repeat(" + m.end", 300) +
              " AS x");
    ASSERT_EQ(r.status, 200u) << r.body.substr(0, 300);
    EXPECT_EQ(r.json()["rows"][0][0], 603);
}

TEST_F(HostileInputTest, OneMegabyteStringLiteral) {
    const std::string big(1 << 20, 'x');
    auto r = query("RETURN size('" + big + "') AS n");
    ASSERT_EQ(r.status, 200u) << r.body.substr(0, 300);
    EXPECT_EQ(r.json()["rows"][0][0], 1 << 20);
    auto w = query("CREATE (n:BigString {s: '" + big + "'}) RETURN size(n.s)", {}, kToken);
    ASSERT_EQ(w.status, 200u) << w.body.substr(0, 300);
    auto back = query("MATCH (n:BigString) RETURN size(n.s) AS n");
    EXPECT_EQ(back.json()["rows"][0][0], 1 << 20);
    // Sixty copies of it in one expression tree is more text than a query may hold.
    auto many = query("RETURN '" + big + "'" + repeat(" + 'y'", 70) + " AS s");
    EXPECT_EQ(many.status, 400u) << many.body.substr(0, 300);
    EXPECT_EQ(code(many), "LimitExceeded");
}

TEST_F(HostileInputTest, InListOfAMillionItems) {
    nlohmann::json ids = nlohmann::json::array();
    for (int i = 0; i < 1'000'000; ++i)
        ids.push_back(i);
    auto r = query("RETURN 999999 IN $ids AS last, 1000000 IN $ids AS absent, size($ids) AS n",
                   {{"parameters", {{"ids", ids}}}});
    ASSERT_EQ(r.status, 200u) << r.body.substr(0, 300);
    EXPECT_EQ(r.json()["rows"][0], (nlohmann::json{true, false, 1'000'000}));
    // Row by row the list is tested 3,000 times: an answer or a timeout, by the time limit.
    auto started = std::chrono::steady_clock::now();
    auto rows = query("MATCH (n:Bulk) WHERE n.i IN $ids RETURN count(n) AS n",
                      {{"parameters", {{"ids", ids}}}, {"timeout_ms", 2000}});
    EXPECT_TRUE(rows.status == 200u || rows.status == 408u) << rows.body.substr(0, 300);
    if (rows.status == 200u) {
        EXPECT_EQ(rows.json()["rows"][0][0], 3000);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
    // Written out in the query, the list is refused before it is parsed, with the way out.
    std::string literal = "[0";
    for (int i = 1; i < 1'000'000; ++i)
        literal += "," + std::to_string(i);
    literal += "]";
    auto lit = query("MATCH (n:Bulk) WHERE n.i IN " + literal + " RETURN count(n)");
    EXPECT_EQ(lit.status, 400u) << lit.body.substr(0, 300);
    EXPECT_EQ(code(lit), "LimitExceeded");
    EXPECT_NE(lit.body.find("parameters"), std::string::npos) << lit.body.substr(0, 300);
}

TEST_F(HostileInputTest, UnboundedVariableLengthPatternOnADenseGraphEndsByTheTimeLimit) {
    // Whichever comes first ends it: the time limit, or the memory budget (the trails from one
    // start are kept until they are produced).
    auto started = std::chrono::steady_clock::now();
    auto r = query("MATCH p = (a:Dense)-[*]->(b:Dense) RETURN count(p)", {{"timeout_ms", 1000}});
    EXPECT_TRUE(code(r) == "Timeout" || code(r) == "MemoryLimitExceeded") << r.body.substr(0, 300);
    EXPECT_TRUE(r.status == 408u || r.status == 400u) << r.body.substr(0, 300);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
    // Without a timeout of its own it still stops at the server's ceiling.
    auto ceiling = query("MATCH p = (a:Dense)-[*]-(b) RETURN count(p)");
    EXPECT_TRUE(code(ceiling) == "Timeout" || code(ceiling) == "MemoryLimitExceeded")
        << ceiling.body.substr(0, 300);
}

TEST_F(HostileInputTest, CartesianProductOfLargeScansEndsByTheTimeLimit) {
    auto started = std::chrono::steady_clock::now();
    auto r = query("MATCH (a:Bulk), (b:Bulk), (c:Bulk) RETURN count(*)", {{"timeout_ms", 1000}});
    EXPECT_EQ(r.status, 408u) << r.body.substr(0, 300);
    // Rows held for sorting or collecting must not outlive the limit either.
    auto sorted = query("MATCH (a:Bulk), (b:Bulk), (c:Bulk) RETURN a.i, b.i, c.i ORDER BY a.i",
                        {{"timeout_ms", 1000}});
    EXPECT_EQ(sorted.status, 408u) << sorted.body.substr(0, 300);
    auto collected =
        query("MATCH (a:Bulk), (b:Bulk) RETURN collect(a.i * b.i) AS c", {{"timeout_ms", 1000}});
    EXPECT_TRUE(collected.status == 408u || collected.status == 200u)
        << collected.body.substr(0, 300);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(40));
}

TEST_F(HostileInputTest, InvalidUtf8AndNulInQueriesAndParameters) {
    query::QueryEngine engine(*store_);
    auto codeOf = [&](std::string_view q, const query::Parameters& p = {}) {
        try {
            engine.execute(q, p);
            return std::string("ok");
        } catch (const query::QueryError& e) {
            return std::string(query::errorCodeName(e.code()));
        }
    };
    EXPECT_EQ(codeOf("RETURN '\xff\xfe' AS s"), "SyntaxError");
    EXPECT_EQ(codeOf("RETURN '\xed\xa0\x80' AS s"), "SyntaxError"); // an encoded surrogate
    EXPECT_EQ(codeOf("RETURN '\xc0\xaf' AS s"), "SyntaxError");     // overlong '/'
    EXPECT_EQ(codeOf("RETURN 1 \xe4\xb8"), "SyntaxError");          // truncated at the end
    EXPECT_EQ(codeOf(std::string_view("RETURN 1\0", 9)), "SyntaxError");
    // ANTLR's lexer takes a NUL for the end of the input, even inside a string literal; such
    // text can still arrive as a parameter (below).
    EXPECT_EQ(codeOf(std::string_view("RETURN 'a\0b' AS s", 18)), "SyntaxError");
    // \u escapes make valid UTF-8 only: a lone surrogate becomes U+FFFD, a pair one character.
    auto r = engine.execute("RETURN '\\ud800' AS a, '\\ud83d\\ude00' AS b, size('\\ud83d\\ude00')");
    EXPECT_EQ(r.rows[0][0].asString(), "\xef\xbf\xbd");
    EXPECT_EQ(r.rows[0][1].asString(), "\xf0\x9f\x98\x80");
    EXPECT_EQ(r.rows[0][2].asInt(), 1);

    // Over HTTP: bodies that are not UTF-8 and JSON escapes that do not make text are refused.
    Client c(server_->port());
    auto bad = c.post("/v1/query", "{\"query\": \"RETURN '\xff' AS s\"}");
    EXPECT_EQ(bad.status, 400u);
    EXPECT_EQ(code(bad), "MalformedJson");
    auto surrogate =
        c.post("/v1/query", R"({"query": "RETURN $p", "parameters": {"p": "\ud800"}})");
    EXPECT_EQ(surrogate.status, 400u);
    auto nulQuery = c.post("/v1/query", R"({"query": "RETURN 1\u0000"})");
    EXPECT_EQ(nulQuery.status, 400u);
    EXPECT_EQ(code(nulQuery), "SyntaxError");
    auto nulParam = c.post("/v1/query",
                           R"({"query": "CREATE (n:NulName {name: $p}) RETURN size(n.name) AS n",)"
                           R"( "parameters": {"p": "a\u0000b"}})",
                           kToken);
    ASSERT_EQ(nulParam.status, 200u) << nulParam.body;
    EXPECT_EQ(nulParam.json()["rows"][0][0], 3);
    auto found =
        c.post("/v1/query", R"({"query": "MATCH (n:NulName {name: $p}) RETURN count(n) AS n",)"
                            R"( "parameters": {"p": "a\u0000b"}})");
    EXPECT_EQ(found.json()["rows"][0][0], 1) << found.body;
    // Bad escapes and bad UTF-8 in the path and the query string.
    EXPECT_EQ(c.get("/v1/entities?q=%ff%fe").status, 400u);
    EXPECT_EQ(c.get("/v1/entities?q=%zz").status, 400u);
    EXPECT_EQ(c.get("/v1/entities/%00").status, 400u);
}

TEST_F(HostileInputTest, DocumentsOfInvalidUtf8NulBytesAndNoise) {
    std::mt19937 rng(7);
    std::string noise(64 * 1024, '\0');
    for (auto& ch : noise)
        ch = static_cast<char>(rng());
    std::string high(4096, '\0');
    for (auto& ch : high)
        ch = static_cast<char>(0x80 + rng() % 0x80);
    const std::vector<std::pair<std::string, std::string>> docs{
        {"noise", noise},
        {"high-bytes", high},
        {"nul-bytes", std::string(1000, '\0')},
        {"nul-inside", std::string("测试高新区重点发展") + std::string(3, '\0') + "机器人产业。"},
        {"truncated-utf8", "测试高新区\xe6\xb5"},
        {"empty", ""},
    };
    for (const auto& [id, bytes] : docs) {
        Client c(server_->port());
        auto r = c.post("/v1/documents?id=hostile-" + id, bytes, kToken);
        // Accepted (decoded as some encoding) or refused as a document error: never a 5xx.
        EXPECT_TRUE(r.status == 200u || r.status == 201u ||
                    (r.status == 400u && code(r) == "DocumentError"))
            << id << ": " << r.status << " " << r.body.substr(0, 300);
        if (r.status / 100 == 2) {
            auto got = c.get("/v1/documents/hostile-" + id);
            EXPECT_EQ(got.status, 200u) << id;
            EXPECT_NO_THROW(got.json()) << id;
        }
    }
}

TEST_F(HostileInputTest, StaticFilesNeverEscapeTheWebRoot) {
    Client c(server_->port());
    EXPECT_EQ(c.get("/").status, 200u);
    EXPECT_EQ(c.get("/assets/app.js").status, 200u);
    for (const std::string path :
         {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
          "/assets/%2e%2e/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt",
          "/assets/..%5c..%5csecret.txt", "/..\\secret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
          "/./../secret.txt", "/assets/.%2e/.%2e/secret.txt", "/%00../secret.txt",
          "/..%00/secret.txt", "/%c0%ae%c0%ae/secret.txt"}) {
        Client each(server_->port());
        auto r = each.get(path);
        EXPECT_EQ(r.status / 100, 4u) << path << " -> " << r.status;
        EXPECT_EQ(r.body.find(kSecret), std::string::npos) << path;
        EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
    }
}

TEST_F(HostileInputTest, ConflictingLengthsAndSmugglingAreRefusedAndCloseTheConnection) {
    // The hidden request would write if it were ever read as a request of its own.
    const std::string body = R"({"query": "RETURN 1"})";
    const std::string smuggled = "POST /v1/query HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                 kToken + "\r\nContent-Length: 39\r\n\r\n" +
                                 R"({"query": "CREATE (:Smuggled) RETURN 1"})";
    const std::vector<std::pair<std::string, std::string>> cases{
        {"CL then TE", "POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" +
                           smuggled},
        {"TE then CL", "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                       "Content-Length: 4\r\n\r\n0\r\n\r\n" +
                           smuggled},
        {"two lengths",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\nContent-Length: 0\r\n\r\n" + body + smuggled},
        {"negative length",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n" + smuggled},
        {"huge length",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n"},
        {"chunk size overflow", "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                                "chunked\r\n\r\nfffffffffffffffffffff\r\nx\r\n0\r\n\r\n"},
        {"obsolete line folding", "POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n 4"
                                  "\r\n\r\n" +
                                      smuggled},
        {"space before colon",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Length : 4\r\n\r\n" + smuggled},
    };
    for (const auto& [what, bytes] : cases) {
        Client c(server_->port());
        c.writeRaw(bytes);
        // Every response up to the close: the first is a refusal, and none may be a success
        // (a success would mean the hidden request was read as one).
        std::vector<unsigned> statuses;
        try {
            for (int i = 0; i < 4; ++i)
                statuses.push_back(c.read().status);
        } catch (const std::exception&) {
        }
        ASSERT_FALSE(statuses.empty()) << what << ": no response";
        EXPECT_TRUE(statuses[0] == 400u || statuses[0] == 413u) << what << " -> " << statuses[0];
        for (auto st : statuses)
            EXPECT_NE(st / 100, 2u) << what;
    }
    auto count = query("MATCH (n:Smuggled) RETURN count(n) AS n");
    EXPECT_EQ(count.json()["rows"][0][0], 0) << "a smuggled request was executed";
}

TEST_F(HostileInputTest, OversizedHeadersAndRequestLines) {
    EXPECT_EQ(
        raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n"),
        431u);
    std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 2000; ++i)
        many += "X-H" + std::to_string(i) + ": v\r\n";
    EXPECT_EQ(raw(many + "\r\n"), 431u);
    EXPECT_EQ(raw("GET /healthz?" + std::string(100000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"),
              431u);
    EXPECT_EQ(raw("GET /healthz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                  std::string(40000, 't') + "\r\n\r\n"),
              431u);
}

TEST_F(HostileInputTest, JsonNestedAHundredThousandDeep) {
    const int n = 100000;
    Client c(server_->port());
    auto objects = c.post("/v1/query", repeat("{\"a\":", n) + "1" + repeat("}", n));
    EXPECT_EQ(objects.status, 400u);
    EXPECT_EQ(code(objects), "MalformedJson");
    auto params = c.post("/v1/query", R"({"query": "RETURN $p", "parameters": {"p": )" +
                                          repeat("[", n) + repeat("]", n) + "}}");
    EXPECT_EQ(params.status, 400u);
    EXPECT_EQ(code(params), "MalformedJson");
    // Brackets inside strings are text, not nesting.
    auto inString = c.post("/v1/query", nlohmann::json{{"query", "RETURN size($p) AS n"},
                                                       {"parameters", {{"p", repeat("[", n)}}}}
                                            .dump());
    ASSERT_EQ(inString.status, 200u) << inString.body.substr(0, 300);
    EXPECT_EQ(inString.json()["rows"][0][0], n);
    // Parameters nested as deep as the body allows reach the engine and come back.
    auto deep = c.post("/v1/query", R"({"query": "RETURN $p AS p", "parameters": {"p": )" +
                                        repeat("[", 100) + "1" + repeat("]", 100) + "}}");
    ASSERT_EQ(deep.status, 200u) << deep.body.substr(0, 300);
}

// RFC 9112 section 6: a Transfer-Encoding whose last coding is not chunked (400: the length
// cannot be known; MUST), a coding other than chunked before it (501), Transfer-Encoding with
// Content-Length (400); each closes the connection, so nothing after it is read as a request.
TEST_F(HostileInputTest, TransferEncodingIsStrictPerRfc9112) {
    const std::string smuggled = "POST /v1/query HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                 kToken + "\r\nContent-Length: 39\r\n\r\n" +
                                 R"({"query": "CREATE (:Smuggled) RETURN 1"})";
    const std::string body = R"({"query": "RETURN 1"})";
    auto chunked = [](const std::string& b) {
        std::ostringstream out;
        out << std::hex << b.size() << "\r\n" << b << "\r\n0\r\n\r\n";
        return out.str();
    };
    struct Case {
        std::string what, bytes;
        unsigned status;
    };
    const std::vector<Case> cases{
        {"chunked, identity with Content-Length",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n"
         "Content-Length: " +
             std::to_string(body.size()) + "\r\n\r\n" + body + smuggled,
         400},
        {"chunked, identity",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, "
         "identity\r\n\r\n" +
             body + smuggled,
         400},
        {"gzip alone (chunked is not last)",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n" + body + smuggled,
         400},
        {"gzip, chunked",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked"
         "\r\n\r\n" +
             chunked(body) + smuggled,
         501},
        {"gzip then chunked in two fields",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: "
         "chunked\r\n\r\n" +
             chunked(body) + smuggled,
         501},
        {"chunked twice",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, "
         "chunked\r\n\r\n" +
             chunked(body) + smuggled,
         400},
        {"chunked with Content-Length",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
         "chunked\r\nContent-Length: 5\r\n\r\n" +
             chunked(body) + smuggled,
         400},
        {"two Authorization headers",
         "POST /v1/query HTTP/1.1\r\nHost: x\r\nAuthorization: "
         "Bearer wrong-token-0000000000\r\nAuthorization: Bearer " +
             kToken + "\r\nContent-Length: 39\r\n\r\n" +
             R"({"query": "CREATE (:Smuggled) RETURN 1"})",
         400},
    };
    for (const auto& c : cases) {
        Client client(server_->port());
        client.writeRaw(c.bytes);
        std::vector<unsigned> statuses;
        try {
            for (int i = 0; i < 3; ++i)
                statuses.push_back(client.read().status);
        } catch (const std::exception&) {
        }
        ASSERT_FALSE(statuses.empty()) << c.what << ": no response";
        EXPECT_EQ(statuses[0], c.status) << c.what;
        EXPECT_EQ(statuses.size(), 1u) << c.what << ": the connection stayed open";
    }
    // Plain chunked is still read.
    Client ok(server_->port());
    ok.writeRaw("POST /v1/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                chunked(body));
    EXPECT_EQ(ok.read().status, 200u);
    auto count = query("MATCH (n:Smuggled) RETURN count(n) AS n");
    EXPECT_EQ(count.json()["rows"][0][0], 0) << "a smuggled request was executed";
}

TEST_F(HostileInputTest, UnknownApiPathsAreJsonNotFoundNotTheWebPage) {
    for (const std::string path : {"/v1", "/v1/", "/v1/nothing", "/v1/query/", "/v1/entities/",
                                   "/v1/schema/", "/v1/a/b/c", "/v1/index.html"}) {
        Client c(server_->port());
        auto r = c.get(path);
        EXPECT_EQ(r.status, 404u) << path;
        EXPECT_EQ(code(r), "NotFound") << path;
        EXPECT_NE(std::string(r.raw[http::field::content_type]).find("application/json"),
                  std::string::npos)
            << path;
    }
    Client c(server_->port());
    auto page = c.get("/");
    EXPECT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("<title>innograph</title>"), std::string::npos);
}

TEST_F(HostileInputTest, IntegersPastTheSixtyFourBitRangeAreErrorsNotWrapped) {
    auto literal = query("RETURN 9223372036854775808 AS n");
    EXPECT_EQ(literal.status, 400u) << literal.body;
    EXPECT_EQ(code(literal), "SyntaxError");
    EXPECT_NE(literal.body.find("9223372036854775808"), std::string::npos) << literal.body;
    for (const std::string q :
         {"RETURN [9223372036854775808] AS n", "RETURN 9223372036854775808 + 0 AS n",
          "RETURN -(9223372036854775808) AS n"}) {
        auto r = query(q);
        EXPECT_EQ(r.status, 400u) << q << ": " << r.body;
    }
    auto stored = query("CREATE (:Wrapped {n: 9223372036854775808})", {}, kToken);
    EXPECT_EQ(stored.status, 400u) << stored.body;
    auto smallest = query("RETURN -9223372036854775808 AS n");
    ASSERT_EQ(smallest.status, 200u) << smallest.body;
    EXPECT_EQ(smallest.json()["rows"][0][0].get<std::int64_t>(),
              std::numeric_limits<std::int64_t>::min());
    auto largest = query("RETURN 9223372036854775807 AS n");
    ASSERT_EQ(largest.status, 200u) << largest.body;
    EXPECT_EQ(largest.json()["rows"][0][0].get<std::int64_t>(),
              std::numeric_limits<std::int64_t>::max());

    Client c(server_->port());
    for (const std::string params :
         {R"({"x": 9223372036854775808})", R"({"x": [1, 18446744073709551615]})",
          R"({"x": {"y": 9223372036854775808}})"}) {
        auto r = c.post("/v1/query",
                        R"J({"query": "CREATE (:Wrapped {n: $x})", "parameters": )J" + params + "}",
                        kToken);
        EXPECT_EQ(r.status, 400u) << params << ": " << r.body;
        EXPECT_EQ(code(r), "ArgumentError") << params;
        EXPECT_NE(r.body.find("out of range"), std::string::npos) << r.body;
    }
    auto fits = c.post("/v1/query",
                       R"({"query": "RETURN $x AS x", "parameters": {"x": 9223372036854775807}})");
    ASSERT_EQ(fits.status, 200u) << fits.body;
    EXPECT_EQ(fits.json()["rows"][0][0].get<std::int64_t>(),
              std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(query("MATCH (n:Wrapped) RETURN count(n) AS n").json()["rows"][0][0], 0);
}

TEST_F(HostileInputTest, TheGraphFlagMustBeABoolean) {
    for (const auto& flag : {nlohmann::json("yes"), nlohmann::json(1), nlohmann::json::array()}) {
        auto r = query("RETURN 1 AS one", {{"graph", flag}});
        EXPECT_EQ(r.status, 400u) << flag.dump() << ": " << r.body;
        EXPECT_EQ(code(r), "ArgumentError");
        EXPECT_NE(
            r.json()["error"]["message"].get<std::string>().find("\"graph\" must be true or false"),
            std::string::npos)
            << r.body;
    }
    EXPECT_EQ(query("RETURN 1 AS one", {{"graph", true}}).status, 200u);
}

TEST_F(HostileInputTest, HeadCarriesTheLengthOfTheGet) {
    for (const std::string path : {"/", "/assets/app.js", "/v1/schema"}) {
        Client get(server_->port());
        auto g = get.get(path);
        ASSERT_EQ(g.status, 200u) << path;
        Client head(server_->port());
        head.writeRaw("HEAD " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        http::response_parser<http::empty_body> parser;
        parser.skip(true); // a HEAD answer has no body, whatever its Content-Length says
        beast::flat_buffer buffer;
        http::read(head.socket(), buffer, parser);
        EXPECT_EQ(parser.get().result_int(), 200u) << path;
        EXPECT_EQ(parser.get()[http::field::content_length], std::to_string(g.body.size())) << path;
    }
}

TEST_F(HostileInputTest, TheBearerSchemeIsCaseInsensitive) {
    for (const std::string scheme : {"bearer", "BEARER", "Bearer"}) {
        Client c(server_->port());
        const std::string body = R"({"query": "CREATE (:CaseScheme) RETURN 1"})";
        c.writeRaw("POST /v1/query HTTP/1.1\r\nHost: x\r\nAuthorization: " + scheme + " " + kToken +
                   "\r\nContent-Type: application/json\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body);
        auto r = c.read();
        EXPECT_EQ(r.status, 200u) << scheme << ": " << r.body;
    }
    EXPECT_EQ(query("MATCH (n:CaseScheme) RETURN count(n) AS n").json()["rows"][0][0], 3);
    Client c(server_->port());
    const std::string body = R"({"query": "CREATE (:CaseScheme) RETURN 1"})";
    c.writeRaw("POST /v1/query HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + kToken +
               "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    EXPECT_EQ(c.read().status, 403u);
}

} // namespace
} // namespace innograph::server
