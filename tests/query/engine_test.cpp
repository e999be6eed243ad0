// The engine as a whole: transactions, guards, plan cache, EXPLAIN/PROFILE, JSON.

#include "test_store.h"

#include "innograph/query/query_engine.h"
#include "innograph/query/result_json.h"

#include <gtest/gtest.h>

#include <functional>
#include <thread>

namespace innograph::query {
namespace {

using testing::TempStore;

std::int64_t countNodes(QueryEngine& engine) {
    return engine.execute("MATCH (n) RETURN count(n) AS c").rows.at(0).at(0).asInt();
}

class EngineTest : public ::testing::Test {
protected:
    void SetUp() override {
        engine.execute(
            R"(CREATE (d:Park {name: "大连高新区", aliases: ["大連高新區", "大连高新技术产业园区"]}),
                                 (s:Park {name: "沈阳高新区"}),
                                 (ai:Industry {name: "人工智能"}),
                                 (ic:Industry {name: "集成电路"}),
                                 (d)-[:HOSTS]->(ai), (s)-[:HOSTS]->(ai), (d)-[:HOSTS]->(ic))");
    }
    TempStore temp;
    QueryEngine engine{temp.store()};
};

TEST_F(EngineTest, EntityReferenceFindsTraditionalSpellingAndAliases) {
    auto r =
        engine.execute("MATCH (p:Park \"大連高新區\")-[:HOSTS]->(i) RETURN i.name ORDER BY i.name");
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0][0].asString(), "人工智能");
    auto alias = engine.execute("MATCH (p \"大连高新技术产业园区\") RETURN p.name");
    ASSERT_EQ(alias.rows.size(), 1u);
    EXPECT_EQ(alias.rows[0][0].asString(), "大连高新区");
}

TEST_F(EngineTest, RepeatedQueryUsesTheCachedPlan) {
    const std::string q = "MATCH (p:Park {name: $name}) RETURN p.name";
    auto first = engine.execute(q, {{"name", Value("大连高新区")}});
    auto second = engine.execute(q, {{"name", Value("沈阳高新区")}});
    EXPECT_FALSE(first.stats.planCached);
    EXPECT_TRUE(second.stats.planCached);
    ASSERT_EQ(second.rows.size(), 1u);
    EXPECT_EQ(second.rows[0][0].asString(), "沈阳高新区");
}

TEST_F(EngineTest, MissingParameterIsReported) {
    try {
        engine.execute("MATCH (p:Park {name: $name}) RETURN p");
        FAIL();
    } catch (const QueryError& e) {
        EXPECT_EQ(e.code(), ErrorCode::ParameterMissing);
        EXPECT_NE(e.message().find("$name"), std::string::npos);
    }
}

TEST_F(EngineTest, FailedUpdateRollsBackEverything) {
    auto before = countNodes(engine);
    // The CREATE succeeds for the first rows, then the division fails: nothing may remain.
    EXPECT_THROW(engine.execute("UNWIND [1, 2, 0] AS x CREATE (:Tmp {v: 10 / x})"), QueryError);
    EXPECT_EQ(countNodes(engine), before);
}

TEST_F(EngineTest, TimeoutStopsAQueryAndLeavesTheStoreUntouched) {
    auto before = countNodes(engine);
    QueryOptions o;
    o.timeout = std::chrono::milliseconds(50);
    try {
        engine.execute("UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y CREATE (:Tmp {x: x})",
                       {}, o);
        FAIL() << "expected a timeout";
    } catch (const QueryError& e) {
        EXPECT_EQ(e.code(), ErrorCode::Timeout);
    }
    EXPECT_EQ(countNodes(engine), before);
}

TEST_F(EngineTest, CancellationStopsAQuery) {
    std::atomic<bool> cancel{true};
    QueryOptions o;
    o.cancel = &cancel;
    try {
        engine.execute("UNWIND range(1, 1000000) AS x CREATE (:Tmp)", {}, o);
        FAIL();
    } catch (const QueryError& e) {
        EXPECT_EQ(e.code(), ErrorCode::Cancelled);
    }
    EXPECT_EQ(engine.execute("MATCH (t:Tmp) RETURN count(t)").rows[0][0].asInt(), 0);
}

TEST_F(EngineTest, RowLimitTruncatesAndSaysSo) {
    QueryOptions o;
    o.maxRows = 3;
    auto r = engine.execute("UNWIND range(1, 10) AS x RETURN x", {}, o);
    EXPECT_EQ(r.rows.size(), 3u);
    EXPECT_TRUE(r.stats.truncated);
    auto full = engine.execute("UNWIND range(1, 3) AS x RETURN x", {}, o);
    EXPECT_FALSE(full.stats.truncated);
}

TEST_F(EngineTest, ExplainDescribesWithoutRunning) {
    auto r = engine.execute("EXPLAIN MATCH (p:Park \"大连高新区\")-[:HOSTS]->(i) CREATE (:Tmp)");
    EXPECT_TRUE(r.hasPlan);
    EXPECT_TRUE(r.rows.empty());
    EXPECT_EQ(engine.execute("MATCH (t:Tmp) RETURN count(t)").rows[0][0].asInt(), 0);
    auto text = formatPlan(r.plan);
    EXPECT_NE(text.find("NodeByName"), std::string::npos) << text;
}

TEST_F(EngineTest, ProfileCountsRowsAndReadsPerOperator) {
    auto r = engine.execute("PROFILE MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p.name, i.name");
    ASSERT_TRUE(r.hasPlan);
    EXPECT_EQ(r.rows.size(), 3u);
    EXPECT_EQ(r.plan.rows, 3u);
    std::uint64_t reads = 0;
    std::function<void(const PlanNode&)> sum = [&](const PlanNode& n) {
        reads += n.storageReads;
        for (const auto& c : n.children)
            sum(c);
    };
    sum(r.plan);
    EXPECT_GT(reads, 0u);
    auto j = resultToJson(r);
    EXPECT_TRUE(j["plan"].contains("rows"));
}

TEST_F(EngineTest, JsonShapesOfNodesRelationshipsAndPaths) {
    auto r =
        engine.execute("MATCH p = (a:Park {name: '沈阳高新区'})-[h:HOSTS]->(i) RETURN a, h, p");
    ASSERT_EQ(r.rows.size(), 1u);
    auto j = resultToJson(r);
    auto node = j["rows"][0][0];
    EXPECT_EQ(node["labels"], nlohmann::json::array({"Park"}));
    EXPECT_EQ(node["properties"]["name"], "沈阳高新区");
    auto rel = j["rows"][0][1];
    EXPECT_EQ(rel["type"], "HOSTS");
    EXPECT_EQ(rel["start"], node["id"]);
    auto path = j["rows"][0][2];
    EXPECT_EQ(path["nodes"].size(), 2u);
    EXPECT_EQ(path["relationships"][0]["id"], rel["id"]);
    EXPECT_EQ(j["columns"], nlohmann::json::array({"a", "h", "p"}));
}

TEST_F(EngineTest, ErrorJsonCarriesCodeDetailAndPosition) {
    try {
        engine.execute("MATCH (park:Park) RETURN prak");
        FAIL();
    } catch (const QueryError& e) {
        auto j = errorToJson(e);
        EXPECT_EQ(j["error"]["code"], "SyntaxError");
        EXPECT_EQ(j["error"]["detail"], "UndefinedVariable");
        EXPECT_EQ(j["error"]["line"], 1);
        EXPECT_EQ(j["error"]["column"], 26);
        EXPECT_NE(j["error"]["message"].get<std::string>().find("park"), std::string::npos);
        EXPECT_EQ(e.excerpt(), "MATCH (park:Park) RETURN prak\n                         ^");
    }
}

TEST_F(EngineTest, UnknownPropertyKeyReadsNullWithAWarning) {
    auto r = engine.execute("MATCH (n:Park) RETURN n.nam");
    ASSERT_FALSE(r.rows.empty());
    for (const auto& row : r.rows)
        EXPECT_TRUE(row[0].isNull());
    ASSERT_EQ(r.notifications.size(), 1u);
    EXPECT_EQ(r.notifications[0].code,
              "Neo.ClientNotification.Statement.UnknownPropertyKeyWarning");
    EXPECT_NE(r.notifications[0].description.find("Did you mean name?"), std::string::npos);
    auto j = resultToJson(r);
    EXPECT_EQ(j["notifications"][0]["position"]["column"], 25);
    EXPECT_TRUE(engine.execute("MATCH (n:Prak) RETURN n").rows.empty());
}

TEST_F(EngineTest, UnknownNamesAreThoseTheStoreHasNeverHeld) {
    // University is in the ontology but not yet in this store: a warning, and no rows.
    auto r = engine.execute("MATCH (u:University) RETURN u.name");
    EXPECT_TRUE(r.rows.empty());
    ASSERT_EQ(r.notifications.size(), 1u);
    EXPECT_EQ(r.notifications[0].code, "Neo.ClientNotification.Statement.UnknownLabelWarning");
    engine.execute(R"(CREATE (:University {name: "大连理工大学"}))");
    r = engine.execute("MATCH (u:University) RETURN u.name");
    EXPECT_EQ(r.rows.size(), 1u);
    EXPECT_TRUE(r.notifications.empty());
}

TEST_F(EngineTest, CachedPlanWarnsOnlyWhileTheNameIsUnknown) {
    // Same text twice around a write that adds the key: the cached plan's warning is dropped.
    const std::string q = "MATCH (p:Park) RETURN p.rank";
    EXPECT_EQ(engine.execute(q).notifications.size(), 1u);
    EXPECT_EQ(engine.execute(q).notifications.size(), 1u);
    engine.execute(R"(MATCH (p:Park {name: "大连高新区"}) SET p.rank = 1)");
    auto r = engine.execute(q);
    EXPECT_TRUE(r.notifications.empty());
    EXPECT_EQ(r.rows.size(), 2u);
}

TEST_F(EngineTest, ComponentsOfValuesAreNotPropertyKeys) {
    // d.year of a date and m.k of a map are no property keys: no warning.
    for (const char* q : {"WITH date('2024-03-15') AS d RETURN d.year, d.quarter",
                          "RETURN date().year, duration.between(date(), date()).days",
                          "WITH {k: 1} AS m RETURN m.k"}) {
        auto r = engine.execute(q);
        EXPECT_TRUE(r.notifications.empty()) << q << ": " << r.notifications[0].description;
    }
    EXPECT_EQ(engine.execute("WITH date('2024-03-15') AS d RETURN d.year").rows.at(0).at(0).asInt(),
              2024);
    // A node's missing key still warns, once: what is read from it (p.nam.x) is not a key.
    auto r = engine.execute("MATCH (p:Park) RETURN p.nam.x");
    ASSERT_EQ(r.notifications.size(), 1u);
    EXPECT_NE(r.notifications[0].description.find("(the missing name is: nam)"), std::string::npos);
}

TEST_F(EngineTest, CallSubqueryIsAnApplyPerRow) {
    const std::string q = "MATCH (p:Park) CALL { WITH p MATCH (p)-[:HOSTS]->(i) "
                          "RETURN count(i) AS n } RETURN p.name, n ORDER BY n DESC";
    auto r = engine.execute("PROFILE " + q);
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0][0].asString(), "大连高新区");
    EXPECT_EQ(r.rows[0][1].asInt(), 2);
    EXPECT_EQ(r.rows[1][1].asInt(), 1);
    const PlanNode* apply = nullptr;
    std::function<void(const PlanNode&)> find = [&](const PlanNode& n) {
        if (n.op == "Apply")
            apply = &n;
        for (const auto& c : n.children)
            find(c);
    };
    find(r.plan);
    ASSERT_NE(apply, nullptr) << formatPlan(r.plan);
    EXPECT_EQ(apply->rows, 2u);
    ASSERT_EQ(apply->children.size(), 2u); // the outer rows, the subquery
    EXPECT_NE(formatPlan(r.plan).find("Aggregation"), std::string::npos) << formatPlan(r.plan);
}

TEST_F(EngineTest, UnitSubqueryWritesRollBackWithTheQuery) {
    auto before = countNodes(engine);
    auto r = engine.execute("EXPLAIN MATCH (p:Park) CALL { WITH p CREATE (:Tmp {of: p.name}) } "
                            "RETURN count(*) AS c");
    EXPECT_NE(formatPlan(r.plan).find("SubqueryForeach"), std::string::npos) << formatPlan(r.plan);
    auto ran = engine.execute(
        "MATCH (p:Park) CALL { WITH p CREATE (:Tmp {of: p.name}) } RETURN count(*) AS c");
    EXPECT_EQ(ran.rows.at(0).at(0).asInt(), 2);
    EXPECT_EQ(ran.stats.writes.nodesCreated, 2u);
    EXPECT_EQ(countNodes(engine), before + 2);
    // The second row's subquery fails: the first row's CREATE must not remain.
    EXPECT_THROW(engine.execute("UNWIND [1, 0] AS x CALL { WITH x CREATE (:Tmp {v: 10 / x}) } "
                                "RETURN x"),
                 QueryError);
    EXPECT_EQ(countNodes(engine), before + 2);
}

TEST_F(EngineTest, MisspelledKeywordAndLabelAreBothNamed) {
    try {
        engine.execute("MACTH (p:Prak) RETURN p");
        FAIL();
    } catch (const QueryError& e) {
        EXPECT_EQ(e.code(), ErrorCode::SyntaxError);
        EXPECT_EQ(e.pos().line, 1);
        EXPECT_EQ(e.pos().column, 1);
        EXPECT_NE(e.message().find("MATCH"), std::string::npos) << e.message();
        EXPECT_NE(e.message().find("Park"), std::string::npos) << e.message();
    }
}

TEST_F(EngineTest, ConcurrentReadersShareTheEngine) {
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                auto r =
                    engine.execute("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN count(*) AS c");
                if (r.rows[0][0].asInt() == 3)
                    ++ok;
            }
        });
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(ok.load(), 200);
}

} // namespace
} // namespace innograph::query
