// The executor on its own: expressions evaluated against rows, and physical plans run directly
// from the planner's (and the optimizer's) output.

#include "test_store.h"

#include "binder/binder.h"
#include "executor/expression_evaluator.h"
#include "executor/physical_operator.h"
#include "optimizer/optimizer.h"
#include "parser/parser.h"
#include "planner/planner.h"

#include <gtest/gtest.h>

namespace innograph::query {
namespace {

class ExecutorTest : public ::testing::Test {
protected:
    // Plans `q` and runs it on a snapshot, returning the rows.
    std::vector<Row> run(const std::string& q, const Parameters& params = {}) {
        auto bound = Binder(SchemaInfo::fromStore(temp.store())).bind(parseQuery(q));
        auto plan = Optimizer({}).optimize(Planner({}).plan(bound));
        auto snapshot = temp.store().snapshot();
        ExecContext ctx(*snapshot, nullptr, params);
        auto root = buildPhysical(*plan.root, plan.slotCount);
        root->open(ctx);
        std::vector<Row> rows;
        Row row;
        while (root->next(ctx, row))
            rows.push_back(row);
        return rows;
    }
    testing::TempStore temp;
};

TEST_F(ExecutorTest, EvaluatesLiteralsWithoutTheStore) {
    auto rows = run("RETURN 1 + 2 AS a, 'x' + 'y' AS b, [1, 2][1] AS c");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0].asInt(), 3);
    EXPECT_EQ(rows[0][1].asString(), "xy");
    EXPECT_EQ(rows[0][2].asInt(), 2);
}

TEST_F(ExecutorTest, LimitStopsPullingItsInput) {
    auto bound = Binder(SchemaInfo::fromStore(temp.store()))
                     .bind(parseQuery("UNWIND range(1, 1000) AS x RETURN x LIMIT 2"));
    auto plan = Planner({}).plan(bound);
    auto snapshot = temp.store().snapshot();
    Parameters none;
    ExecContext ctx(*snapshot, nullptr, none);
    auto root = buildPhysical(*plan.root, plan.slotCount);
    root->open(ctx);
    Row row;
    int n = 0;
    while (root->next(ctx, row))
        ++n;
    EXPECT_EQ(n, 2);
    // ProduceResults -> Limit -> Projection -> Unwind: the Unwind produced only what was needed.
    const PhysicalOperator* op = root.get();
    while (!op->logical().is<logical::Unwind>())
        op = const_cast<PhysicalOperator*>(op)->children().front().get();
    EXPECT_LE(op->rows(), 3u);
}

TEST_F(ExecutorTest, TopKKeepsTheBestRowsInOrder) {
    auto rows = run("UNWIND [5, 3, 9, 1, 7, 3] AS x RETURN x ORDER BY x DESC SKIP 1 LIMIT 3");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0][0].asInt(), 7);
    EXPECT_EQ(rows[1][0].asInt(), 5);
    EXPECT_EQ(rows[2][0].asInt(), 3);
}

TEST_F(ExecutorTest, PredicatesRejectNullAsWellAsFalse) {
    EXPECT_FALSE(passes(Value()));
    EXPECT_FALSE(passes(Value(false)));
    EXPECT_TRUE(passes(Value(true)));
    auto rows = run("UNWIND [1, null, 3] AS x WITH x WHERE x > 1 RETURN x");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0].asInt(), 3);
}

TEST_F(ExecutorTest, ParametersReachTheOperators) {
    auto rows = run("UNWIND $xs AS x RETURN x LIMIT $n",
                    {{"xs", Value(List{Value(1), Value(2), Value(3)})}, {"n", Value(2)}});
    EXPECT_EQ(rows.size(), 2u);
}

} // namespace
} // namespace innograph::query
