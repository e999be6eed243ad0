// The optimizer's passes, each on plans of real queries: the rewritten shape, and the same rows
// from the plan before and after the pass on a small graph.

#include "plan_test_util.h"
#include "test_store.h"

#include "common/value_ops.h"
#include "executor/physical_operator.h"
#include "innograph/query/query_engine.h"
#include "optimizer/degree_count_pass.h"
#include "optimizer/group_by_node_pass.h"
#include "optimizer/optimizer.h"
#include "optimizer/top_k_pass.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

namespace innograph::query {
namespace {

using testing::countKind;
using testing::findKind;
using testing::sampleStats;

class OptimizerTest : public ::testing::Test {
protected:
    void SetUp() override {
        QueryEngine engine(temp.store());
        // Three parks host industries unevenly; one park hosts nothing; one industry is hosted
        // by nobody; one HOSTS edge ends at a Region (not an Industry), which a count over
        // (:Park)-[:HOSTS]->(:Industry) must not include.
        engine.execute("CREATE (a:Park {name: 'A'}), (b:Park {name: 'B'}), (c:Park {name: 'C'}),"
                       " (:Park {name: 'D'}),"
                       " (x:Industry {name: 'X'}), (y:Industry {name: 'Y'}),"
                       " (:Industry {name: 'Z'}), (r:Region {name: 'R'}),"
                       " (a)-[:HOSTS]->(x), (a)-[:HOSTS]->(y), (b)-[:HOSTS]->(x),"
                       " (c)-[:HOSTS]->(x), (c)-[:HOSTS]->(r)");
        engine.execute("UNWIND range(1, 40) AS i CREATE (:Region {name: 'r' + toString(i), "
                       "rank: (i * 7) % 13})");
    }

    LogicalPlan plan(const std::string& q) {
        return testing::planText(q, sampleStats(), SchemaInfo::fromStore(temp.store()));
    }

    LogicalPtr apply(const OptimizerPass& pass, const LogicalPlan& p) {
        auto stats = sampleStats();
        return pass.rewrite(p.root, OptimizerContext{stats});
    }

    // The rows of `root` as literal strings, in the order produced.
    std::vector<std::string> run(const LogicalOperator& root, const LogicalPlan& p) {
        auto snapshot = temp.store().snapshot();
        Parameters none;
        ExecContext ctx(*snapshot, nullptr, none);
        auto physical = buildPhysical(root, p.slotCount);
        physical->open(ctx);
        std::vector<std::string> rows;
        Row row;
        while (physical->next(ctx, row)) {
            std::string line;
            for (const auto& v : row)
                line += toLiteralString(v) + "|";
            rows.push_back(line);
        }
        return rows;
    }

    std::vector<std::string> sorted(std::vector<std::string> rows) {
        std::sort(rows.begin(), rows.end());
        return rows;
    }

    testing::TempStore temp;
};

TEST_F(OptimizerTest, TopKReplacesSortSkipLimit) {
    auto p = plan("MATCH (r:Region) RETURN r.name AS n, r.rank AS k ORDER BY k DESC, n SKIP 2 "
                  "LIMIT 5");
    ASSERT_EQ(countKind(*p.root, LogicalKind::Sort), 1);
    ASSERT_EQ(countKind(*p.root, LogicalKind::Limit), 1);
    auto rewritten = apply(TopKPass(), p);
    EXPECT_EQ(countKind(*rewritten, LogicalKind::Sort), 0);
    EXPECT_EQ(countKind(*rewritten, LogicalKind::Skip), 0);
    EXPECT_EQ(countKind(*rewritten, LogicalKind::Limit), 0);
    const auto* topOp = findKind(*rewritten, LogicalKind::TopK);
    ASSERT_NE(topOp, nullptr);
    const auto* top = &topOp->as<logical::TopK>();
    ASSERT_TRUE(top->skip && top->limit);
    EXPECT_EQ(top->skip->text, "2");
    EXPECT_EQ(top->limit->text, "5");
    // The planned tree is untouched (it may be shared).
    EXPECT_EQ(countKind(*p.root, LogicalKind::Sort), 1);
    auto before = run(*p.root, p), after = run(*rewritten, p);
    EXPECT_EQ(before.size(), 5u);
    EXPECT_EQ(before, after); // ordered: ORDER BY fixes the order of every row here
}

TEST_F(OptimizerTest, TopKWithoutSkipAndSortWithoutLimitStayAsTheyAre) {
    auto withLimit = plan("MATCH (r:Region) RETURN r.name AS n ORDER BY n LIMIT 3");
    auto rewritten = apply(TopKPass(), withLimit);
    const auto* top = findKind(*rewritten, LogicalKind::TopK);
    ASSERT_NE(top, nullptr);
    EXPECT_FALSE(top->as<logical::TopK>().skip);
    EXPECT_EQ(run(*withLimit.root, withLimit), run(*rewritten, withLimit));

    auto noLimit = plan("MATCH (r:Region) RETURN r.name AS n ORDER BY n SKIP 3");
    auto same = apply(TopKPass(), noLimit);
    EXPECT_EQ(same, noLimit.root); // nothing to fuse: the very same tree
    auto unsorted = plan("MATCH (r:Region) RETURN r.name AS n SKIP 1 LIMIT 3");
    EXPECT_EQ(apply(TopKPass(), unsorted), unsorted.root);
}

TEST_F(OptimizerTest, TopKKeepsTheLimitsDrainAfterWrites) {
    auto p = plan("UNWIND range(1, 5) AS i CREATE (:Region {name: 'w' + toString(i)}) "
                  "WITH i ORDER BY i LIMIT 1 RETURN i");
    auto rewritten = apply(TopKPass(), p);
    const auto* top = findKind(*rewritten, LogicalKind::TopK);
    ASSERT_NE(top, nullptr);
    EXPECT_TRUE(top->as<logical::TopK>().drainInput);
}

TEST_F(OptimizerTest, DegreeCountGroupedByTheScannedEnd) {
    // Industry is the rarer label, so the planner scans it and expands to the parks; grouped by
    // industry, the pass counts each scanned industry's parks in place of the expansion.
    auto p = plan("MATCH (i:Industry)<-[:HOSTS]-(p:Park) RETURN i.name AS industry, count(*) AS c");
    const auto* expandOp = findKind(*p.root, LogicalKind::Expand);
    ASSERT_NE(expandOp, nullptr);
    const auto& expand = expandOp->as<logical::Expand>();
    auto rewritten = apply(DegreeCountPass(), p);
    EXPECT_EQ(countKind(*rewritten, LogicalKind::Expand), 0);
    const auto* countOp = findKind(*rewritten, LogicalKind::DegreeCount);
    ASSERT_NE(countOp, nullptr);
    const auto& count = countOp->as<logical::DegreeCount>();
    EXPECT_EQ(count.nodeSlot, expand.step.fromSlot);
    EXPECT_EQ(count.countSlot, expand.step.relSlot);
    ASSERT_EQ(countOp->children.size(), 1u);
    EXPECT_EQ(countOp->children[0], expandOp->children[0]); // the very same Industry scan
    const auto* agg = findKind(*rewritten, LogicalKind::Aggregate);
    ASSERT_NE(agg, nullptr);
    EXPECT_EQ(agg->as<logical::Aggregate>().weightSlot, count.countSlot);
    auto before = sorted(run(*p.root, p));
    EXPECT_EQ(before.size(), 2u); // X 3, Y 1; Z is hosted by nobody
    EXPECT_EQ(before, sorted(run(*rewritten, p)));
}

TEST_F(OptimizerTest, DegreeCountGroupedByTheFarEndScansIt) {
    // Grouped by park, the far end of the planned Industry-first expansion: the pass scans Park
    // instead and counts each park's relationships towards an Industry (C's Region is not one).
    auto p = plan("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p.name AS park, count(*) AS c");
    auto rewritten = apply(DegreeCountPass(), p);
    EXPECT_EQ(countKind(*rewritten, LogicalKind::Expand), 0);
    const auto* countOp = findKind(*rewritten, LogicalKind::DegreeCount);
    ASSERT_NE(countOp, nullptr);
    const auto& count = countOp->as<logical::DegreeCount>();
    ASSERT_EQ(countOp->children.size(), 1u);
    const auto* scan = countOp->children[0]->get<logical::LabelScan>();
    ASSERT_NE(scan, nullptr);
    EXPECT_EQ(scan->slot, count.nodeSlot);
    EXPECT_EQ(scan->labels, std::vector<std::string>{"Park"});
    EXPECT_EQ(count.otherLabels, std::vector<std::string>{"Industry"});
    EXPECT_EQ(count.direction, graph::Direction::Outgoing);
    auto before = sorted(run(*p.root, p));
    EXPECT_EQ(before.size(), 3u); // A 2, B 1, C 1; D hosts nothing
    EXPECT_EQ(before, sorted(run(*rewritten, p)));
}

TEST_F(OptimizerTest, DegreeCountLeavesOtherAggregatesAlone) {
    for (const char* q :
         {"MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p.name AS park, count(i) AS c",
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p.name, i.name, count(*) AS c",
          "MATCH (p:Park)-[:HOSTS]-(i:Industry) RETURN p.name AS park, count(*) AS c",
          "MATCH (p:Park)-[:HOSTS]->(i) RETURN p.name AS park, count(*) AS c"}) {
        auto p = plan(q);
        auto rewritten = apply(DegreeCountPass(), p);
        EXPECT_EQ(rewritten, p.root) << q;
        EXPECT_EQ(countKind(*rewritten, LogicalKind::DegreeCount), 0) << q;
    }
}

TEST_F(OptimizerTest, GroupByNodeGroupsByTheVariableFirst) {
    // A second Industry named X (hosted by a new park and by A), and two nameless Industries:
    // grouped by name, both X nodes are one group and the nameless ones the null group.
    QueryEngine(temp.store())
        .execute("MATCH (a:Park {name: 'A'}) CREATE (x:Industry {name: 'X'}), (n:Industry),"
                 " (m:Industry), (e:Park {name: 'E'}), (e)-[:HOSTS]->(x), (a)-[:HOSTS]->(x),"
                 " (a)-[:HOSTS]->(n), (e)-[:HOSTS]->(m)");
    auto p = plan("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN i.name AS industry, count(p) AS c");
    ASSERT_EQ(countKind(*p.root, LogicalKind::Aggregate), 1);
    auto rewritten = apply(GroupByNodePass(), p);
    ASSERT_EQ(countKind(*rewritten, LogicalKind::Aggregate), 2);
    const auto* byKey = findKind(*rewritten, LogicalKind::Aggregate);
    ASSERT_NE(byKey, nullptr);
    const auto& outer = byKey->as<logical::Aggregate>();
    ASSERT_EQ(outer.groupingKeys.size(), 1u);
    EXPECT_EQ(outer.groupingKeys[0].second->text, "i.name");
    ASSERT_EQ(outer.aggregates.size(), 1u);
    EXPECT_EQ(outer.aggregates[0].function, FunctionId::Sum);
    ASSERT_EQ(byKey->children.size(), 1u);
    const auto& inner = byKey->children[0]->as<logical::Aggregate>();
    ASSERT_EQ(inner.groupingKeys.size(), 1u);
    EXPECT_EQ(inner.groupingKeys[0].second->kind, BoundExpression::Kind::Slot);
    EXPECT_EQ(inner.groupingKeys[0].second->text, "i");
    EXPECT_EQ(inner.aggregates[0].function, FunctionId::Count);
    EXPECT_EQ(inner.aggregates[0].slot, outer.aggregates[0].slot);

    auto before = run(*p.root, p), after = run(*rewritten, p);
    // X: A, B, C, E, A again; Y: A; null: A, E. Z is hosted by nobody.
    ASSERT_EQ(before.size(), 3u);
    EXPECT_EQ(before, after); // the same groups in the same order, each with the same first row
    EXPECT_EQ(sorted(after), (std::vector<std::string>{"\"X\"|5|", "\"Y\"|1|", "null|2|"}));
    // The planned tree is untouched, and a second run of the pass changes nothing more.
    EXPECT_EQ(countKind(*p.root, LogicalKind::Aggregate), 1);
    auto stats = sampleStats();
    EXPECT_EQ(GroupByNodePass().rewrite(rewritten, OptimizerContext{stats}), rewritten);
}

TEST_F(OptimizerTest, GroupByNodeLeavesOtherAggregationsAlone) {
    for (const char* q :
         {// DISTINCT counts do not add up across the nodes of one name
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN i.name AS n, count(DISTINCT p) AS c",
          // only counts are combined
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN i.name AS n, count(p) AS c, "
          "sum(p.area) AS s",
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN i.name AS n, min(p.name) AS m",
          // a key computed from a property, and keys that read no property
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN toUpper(i.name) AS n, count(p) AS c",
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN i, count(p) AS c",
          // one row per node already
          "MATCH (i:Industry) RETURN i.name AS n, count(*) AS c",
          // the input writes: keys are read as the rows arrive
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) SET i.seen = true RETURN i.name AS n, "
          "count(p) AS c",
          // no keys
          "MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN count(p) AS c"}) {
        auto p = plan(q);
        EXPECT_EQ(apply(GroupByNodePass(), p), p.root) << q;
    }
    // After DegreeCount the rows are one per node: the weighted aggregation stays one.
    auto p = plan("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p.name AS park, count(*) AS c");
    auto counted = apply(DegreeCountPass(), p);
    ASSERT_EQ(countKind(*counted, LogicalKind::DegreeCount), 1);
    auto stats = sampleStats();
    EXPECT_EQ(GroupByNodePass().rewrite(counted, OptimizerContext{stats}), counted);
}

TEST_F(OptimizerTest, OptimizerRunsEveryPassInOrder) {
    Optimizer optimizer(sampleStats());
    ASSERT_EQ(optimizer.passes().size(), 3u);
    EXPECT_STREQ(optimizer.passes()[0]->name(), "TopK");
    EXPECT_STREQ(optimizer.passes()[1]->name(), "DegreeCount");
    EXPECT_STREQ(optimizer.passes()[2]->name(), "GroupByNode");
    auto p = plan("MATCH (p:Park)-[:HOSTS]->(i:Industry) RETURN p.name AS park, count(*) AS c "
                  "ORDER BY c DESC, park LIMIT 2");
    auto before = run(*p.root, p);
    auto optimized = optimizer.optimize(p);
    EXPECT_EQ(countKind(*optimized.root, LogicalKind::TopK), 1);
    EXPECT_EQ(countKind(*optimized.root, LogicalKind::DegreeCount), 1);
    // One row per park already: GroupByNode leaves the counted aggregation alone.
    EXPECT_EQ(countKind(*optimized.root, LogicalKind::Aggregate), 1);
    EXPECT_EQ(optimized.slotCount, p.slotCount);
    EXPECT_EQ(before, run(*optimized.root, optimized));
    EXPECT_EQ(before.size(), 2u);
}

} // namespace
} // namespace innograph::query
