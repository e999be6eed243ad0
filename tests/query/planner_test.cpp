// The planner: anchor choice by selectivity, predicate pushdown, clauses as written.

#include "plan_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace innograph::query {
namespace {

using testing::planText;
using testing::sampleStats;

// Operators from the leaf up (leftmost path).
std::vector<LogicalKind> chain(const LogicalPlan& p) {
    std::vector<LogicalKind> out;
    const LogicalOperator* op = p.root.get();
    while (op) {
        out.insert(out.begin(), op->kind());
        op = op->children.empty() ? nullptr : op->children.front().get();
    }
    return out;
}

TEST(PlannerTest, EntityReferenceAnchorsTheMatch) {
    auto p = planText("MATCH (i:Industry)<-[:HOSTS]-(p:Park \"大连高新区\") RETURN i.name",
                      sampleStats());
    auto c = chain(p);
    ASSERT_GE(c.size(), 3u);
    EXPECT_EQ(c[1], LogicalKind::NodeByName);
    EXPECT_EQ(c[2], LogicalKind::Expand);
}

TEST(PlannerTest, NameEqualityAnchorsOverALabelScan) {
    auto p = planText("MATCH (r:Region)<-[:LOCATED_IN]-(p:Park) WHERE p.name = $n RETURN r",
                      sampleStats());
    EXPECT_EQ(chain(p)[1], LogicalKind::NodeByName);
}

TEST(PlannerTest, RarestLabelIsScannedFirst) {
    auto p = planText("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p, i", sampleStats());
    auto* scan = testing::findKind(*p.root, LogicalKind::LabelScan);
    ASSERT_NE(scan, nullptr);
    EXPECT_EQ(scan->as<logical::LabelScan>().labels.front(), "Industry");
}

TEST(PlannerTest, FiltersArePushedBelowLaterExpansions) {
    auto p = planText(
        "MATCH (a:Park)-[:HOSTS]->(b)-[:PART_OF]->(c) WHERE a.name STARTS WITH 'x' RETURN c",
        sampleStats());
    auto c = chain(p);
    auto filter = std::find(c.begin(), c.end(), LogicalKind::Filter);
    auto firstExpand = std::find(c.begin(), c.end(), LogicalKind::Expand);
    ASSERT_NE(filter, c.end());
    EXPECT_LT(filter - c.begin(), firstExpand - c.begin());
}

TEST(PlannerTest, OrderBySkipLimitArePlannedAsWritten) {
    // Fusing them into a top-k is the optimizer's (optimizer_test.cpp).
    auto c = chain(
        planText("MATCH (p:Park) RETURN p.name ORDER BY p.name SKIP 1 LIMIT 3", sampleStats()));
    ASSERT_GE(c.size(), 3u);
    EXPECT_EQ(c[c.size() - 4], LogicalKind::Sort);
    EXPECT_EQ(c[c.size() - 3], LogicalKind::Skip);
    EXPECT_EQ(c[c.size() - 2], LogicalKind::Limit);
    EXPECT_EQ(std::find(c.begin(), c.end(), LogicalKind::TopK), c.end());
}

TEST(PlannerTest, WritesAfterReadsAreIsolatedByEager) {
    auto p = planText("MATCH (p:Park) CREATE (p)-[:HOSTS]->(:Industry {name: 'x'})", sampleStats());
    auto c = chain(p);
    EXPECT_TRUE(p.writes);
    EXPECT_NE(std::find(c.begin(), c.end(), LogicalKind::Eager), c.end());
}

} // namespace
} // namespace innograph::query

namespace innograph::query {
namespace {

TEST(PlannerTest, IdEqualityAnchorsOnNodeById) {
    auto p = planText("MATCH (n)-[:HOSTS]->(m) WHERE id(n) = $id RETURN m", sampleStats());
    EXPECT_EQ(chain(p)[1], LogicalKind::NodeById);
}

} // namespace
} // namespace innograph::query
