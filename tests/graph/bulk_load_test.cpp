#include "consistency.h"
#include "test_store.h"

namespace innograph::graph {
namespace {

using testing::checkConsistency;
using testing::openOrDie;
using testing::TempDir;

TEST(BulkLoad, LoadsNodesRelationshipsAndIndexes) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    std::vector<BulkNode> nodes;
    for (int i = 0; i < 1000; ++i)
        nodes.push_back(
            {{i % 10 ? "Enterprise" : "Park"}, {{"name", Value("N" + std::to_string(i))}}});
    std::vector<BulkRelationship> rels;
    for (std::uint64_t i = 1; i < 1000; ++i)
        rels.push_back({{false, i}, {false, (i * 7) % 1000}, i % 2 ? "A" : "B", {{"i", Value(i)}}});
    auto r = store->bulkLoad(nodes, rels);
    ASSERT_TRUE(r.isOk()) << r.status().toString();
    ASSERT_EQ(r->nodeIds.size(), 1000u);
    auto st = store->stats().value();
    EXPECT_EQ(st.nodes, 1000u);
    EXPECT_EQ(st.relationships, 999u);
    EXPECT_EQ(st.nodesPerLabel["Park"], 100u);
    EXPECT_EQ(st.relationshipsPerType["A"], 500u);
    auto view = store->snapshot();
    EXPECT_EQ(view->findByName("n17").value(), std::vector<NodeId>{r->nodeIds[17]});
    EXPECT_EQ(view->degree(r->nodeIds[1], Direction::Outgoing).value(), 1u);
    auto problems = checkConsistency(*store);
    EXPECT_TRUE(problems.empty()) << problems.front();

    // A second load may point at nodes already in the store; transactions keep working after.
    std::vector<BulkNode> more{{{"Park"}, {{"name", Value("late")}}}};
    std::vector<BulkRelationship> moreRels{{{false, 0}, {true, r->nodeIds[5]}, "A", {}}};
    ASSERT_TRUE(store->bulkLoad(more, moreRels).isOk());
    auto tx = std::move(store->beginWrite().value());
    auto n = tx->createNode({"Park"}, {});
    ASSERT_TRUE(n.isOk());
    EXPECT_GT(*n, r->nodeIds.back() + 1);
    ASSERT_TRUE(tx->commit().isOk());
    EXPECT_EQ(store->stats()->nodes, 1002u);
    problems = checkConsistency(*store);
    EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(BulkLoad, InvalidInputWritesNothing) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    std::vector<BulkNode> nodes{{{"Park"}, {{"name", Value("ok")}}}};
    std::vector<BulkRelationship> dangling{{{false, 0}, {false, 5}, "HOSTS", {}}};
    EXPECT_EQ(store->bulkLoad(nodes, dangling).status().code(), Status::Code::InvalidArgument);
    std::vector<BulkRelationship> missing{{{false, 0}, {true, 77}, "HOSTS", {}}};
    EXPECT_TRUE(store->bulkLoad(nodes, missing).status().isNotFound());
    std::vector<BulkNode> badUtf8{{{"Park"}, {{"name", Value(std::string("a\xffz"))}}}};
    EXPECT_FALSE(store->bulkLoad(badUtf8, {}).isOk());
    EXPECT_EQ(store->stats()->nodes, 0u);
    EXPECT_TRUE(store->labels()->empty());
}

} // namespace
} // namespace innograph::graph
