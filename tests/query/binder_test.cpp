// The binder: scopes, slots, semantic errors and did-you-mean against the schema.

#include "binder/binder.h"
#include "parser/parser.h"

#include <gtest/gtest.h>

namespace innograph::query {
namespace {

// The names a store of parks, industries and their HOSTS would report.
SchemaInfo parksSchema() {
    SchemaInfo s;
    s.labels = {"Park", "Industry", "University"};
    s.types = {"HOSTS", "PART_OF"};
    s.propertyKeys = {"name", "aliases"};
    return s;
}

BoundStatement bindText(const std::string& q) {
    return Binder(parksSchema()).bind(parseQuery(q));
}

QueryError bindError(const std::string& q) {
    try {
        bindText(q);
    } catch (const QueryError& e) {
        return e;
    }
    ADD_FAILURE() << "expected an error from: " << q;
    return QueryError(ErrorCode::SyntaxError, "none");
}

TEST(BinderTest, SameVariableInOnePatternIsOneSlot) {
    auto b = bindText("MATCH (a)-[:HOSTS]->(b)-[:PART_OF]->(a) RETURN a, b");
    const auto& m = std::get<BoundMatch>(b.parts[0].clauses[0]);
    EXPECT_EQ(m.pattern.nodes.size(), 2u);
    EXPECT_EQ(m.pattern.rels[1].right, m.pattern.rels[0].left);
}

TEST(BinderTest, UndefinedVariableSuggestsTheClosestOne) {
    auto e = bindError("MATCH (park:Park) RETURN prak.name");
    EXPECT_EQ(e.code(), ErrorCode::SyntaxError);
    EXPECT_EQ(e.detail(), "UndefinedVariable");
    EXPECT_NE(e.message().find("Did you mean park?"), std::string::npos) << e.message();
    EXPECT_EQ(e.pos().column, 26);
}

TEST(BinderTest, MisspelledLabelTypeAndKeyWarnWithTheKnownNames) {
    auto warning = [](const std::string& query) {
        auto b = bindText(query);
        return b.notifications.size() == 1 ? b.notifications[0].description : std::string();
    };
    EXPECT_NE(warning("MATCH (p:Prak) RETURN p").find("Did you mean Park?"), std::string::npos);
    EXPECT_NE(warning("MATCH (p)-[:HOST]->(i) RETURN p").find("Did you mean HOSTS?"),
              std::string::npos);
    EXPECT_NE(warning("MATCH (p) RETURN p.nmae").find("Did you mean name?"), std::string::npos);
    auto b = bindText("MATCH (p:Prak) RETURN p");
    EXPECT_EQ(b.notifications[0].code, "Neo.ClientNotification.Statement.UnknownLabelWarning");
    EXPECT_EQ(b.notifications[0].pos.column, 10);
}

TEST(BinderTest, NamesAreTheStoresOnly) {
    // An empty store knows no label, not even the ontology's: Park warns, as in Neo4j.
    auto b = Binder(SchemaInfo{}).bind(parseQuery("MATCH (p:Park)-[:HOSTS]->(i) RETURN p.name"));
    ASSERT_EQ(b.notifications.size(), 3u);
    EXPECT_EQ(b.notifications[0].code, "Neo.ClientNotification.Statement.UnknownLabelWarning");
    EXPECT_TRUE(bindText("MATCH (p:Park)-[:HOSTS]->(i) RETURN p.name").notifications.empty());
}

TEST(BinderTest, UnrelatedUnknownLabelIsAllowed) {
    EXPECT_NO_THROW(bindText("MATCH (p:Spaceship) RETURN p"));
}

TEST(BinderTest, AggregatesAreGroupedImplicitly) {
    auto b = bindText("MATCH (p:Park)-[:HOSTS]->(i) RETURN p.name AS park, count(i) AS n, "
                      "collect(i.name) AS names");
    const auto& p = std::get<BoundProjection>(b.parts[0].clauses[1]);
    EXPECT_TRUE(p.aggregating);
    EXPECT_EQ(p.groupingItems, std::vector<int>{0});
    EXPECT_EQ(p.aggregates.size(), 2u);
}

TEST(BinderTest, AggregationOutsideProjectionIsRejected) {
    auto e = bindError("MATCH (p) WHERE count(p) > 1 RETURN p");
    EXPECT_EQ(e.code(), ErrorCode::SyntaxError);
    EXPECT_EQ(e.detail(), "InvalidAggregation");
    EXPECT_NE(e.message().find("Aggregation"), std::string::npos);
}

TEST(BinderTest, WithHidesVariablesItDoesNotProject) {
    auto e = bindError("MATCH (a), (b) WITH a RETURN b");
    EXPECT_NE(e.message().find("`b` is not defined"), std::string::npos) << e.message();
}

TEST(BinderTest, CreateNeedsTypedDirectedRelationships) {
    EXPECT_EQ(bindError("CREATE (a)-[:X]-(b)").detail(), "RequiresDirectedRelationship");
    EXPECT_EQ(bindError("CREATE (a)-[]->(b)").detail(), "NoSingleRelationshipType");
    EXPECT_TRUE(bindText("CREATE (a)-[:X]->(b)").writes);
}

TEST(BinderTest, UnboundedPathsGetTheDefaultLimitAndHugeBoundsAreRefused) {
    auto b = bindText("MATCH (a)-[*]->(b) RETURN b");
    EXPECT_EQ(std::get<BoundMatch>(b.parts[0].clauses[0]).pattern.rels[0].maxHops, 8);
    EXPECT_EQ(bindError("MATCH (a)-[*1..1000]->(b) RETURN b").code(), ErrorCode::LimitExceeded);
}

TEST(BinderTest, ParametersAreCollected) {
    auto b = bindText("MATCH (p:Park {name: $name}) RETURN p SKIP $s LIMIT $l");
    EXPECT_EQ(b.parameters, (std::set<std::string>{"name", "s", "l"}));
}

TEST(BinderTest, QueryMustEndWithReturnOrUpdate) {
    EXPECT_EQ(bindError("MATCH (p)").code(), ErrorCode::SemanticError);
}

TEST(BinderTest, LiteralsProjectedAndMatchedAsGraphElementsConflict) {
    EXPECT_EQ(bindError("WITH 123 AS n MATCH (n) RETURN n").detail(), "VariableTypeConflict");
    EXPECT_EQ(bindError("WITH {x: 1} AS r MATCH ()-[r]-() RETURN r").detail(),
              "VariableTypeConflict");
    // A list may hold the relationships of a variable-length pattern.
    EXPECT_NO_THROW(bindText("MATCH ()-[a]->()-[b]->() WITH [a, b] AS rs MATCH ()-[rs*]->() "
                             "RETURN count(*)"));
}

TEST(BinderTest, StaticTypeErrorsAreFoundBeforeRunning) {
    auto e = bindError("WITH 'text' AS s RETURN s.num");
    EXPECT_EQ(e.code(), ErrorCode::TypeError);
    EXPECT_EQ(e.detail(), "InvalidArgumentType");
    EXPECT_EQ(bindError("RETURN 1 IN 123").detail(), "InvalidArgumentType");
    EXPECT_EQ(bindError("RETURN properties(1)").detail(), "InvalidArgumentType");
    EXPECT_EQ(bindError("MATCH (n) RETURN type(n)").detail(), "InvalidArgumentType");
    EXPECT_EQ(bindError("MATCH (n) RETURN length(n)").detail(), "InvalidArgumentType");
    // What is only known at run time is left to run time.
    EXPECT_NO_THROW(bindText("MATCH (n) WITH [n, 1] AS l RETURN labels(l[1])"));
    EXPECT_NO_THROW(bindText("WITH {num: 1} AS m RETURN m.num"));
}

TEST(BinderTest, AggregationMixedWithNonKeysIsAmbiguous) {
    EXPECT_EQ(bindError("MATCH (a)--(b) RETURN a.x + count(b)").detail(),
              "AmbiguousAggregationExpression");
    EXPECT_EQ(bindError("MATCH (a)--(b) RETURN a.x + b.x, a.x + b.x + count(*)").detail(),
              "AmbiguousAggregationExpression");
    EXPECT_NO_THROW(bindText("MATCH (a)--(b) RETURN a.x, a.x + count(*)"));
    EXPECT_NO_THROW(bindText("MATCH (a)--(b) RETURN a, size([x IN collect(b) WHERE x.y > 1])"));
    EXPECT_EQ(bindError("MATCH (a)--(b) RETURN count(b) AS c ORDER BY a.x + count(b)").detail(),
              "UndefinedVariable");
    EXPECT_NO_THROW(bindText("MATCH (a)--(b) RETURN a.x AS x, count(b) AS c ORDER BY a.x + "
                             "count(b)"));
}

TEST(BinderTest, CreatingOrMergingABoundNodeAloneIsRefused) {
    EXPECT_EQ(bindError("MATCH (a) CREATE (a)").detail(), "VariableAlreadyBound");
    EXPECT_EQ(bindError("MATCH (a) MERGE (a)").detail(), "VariableAlreadyBound");
    EXPECT_NO_THROW(bindText("MATCH (a) CREATE (a)-[:HOSTS]->(:Industry)"));
    EXPECT_NO_THROW(bindText("MATCH () CREATE () WITH * CREATE ()"));
    EXPECT_EQ(bindError("MATCH () RETURN *").detail(), "NoVariablesInScope");
}

} // namespace
} // namespace innograph::query
