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

PreparedProperties prepared(const PropertyMap& p) {
    auto r = prepareProperties(p);
    EXPECT_TRUE(r.isOk()) << r.status().toString();
    return r.isOk() ? *r : PreparedProperties{};
}

TEST(BulkLoad, StreamedLoadSpillsSortedRunsAndAgreesWithTheWholeLoad) {
    // A tiny sort budget forces every index family through many sorted runs and the merge.
    constexpr std::uint64_t kN = 3000, kR = 20000;
    TempDir dirA, dirB;
    auto streamed = openOrDie(dirA.path());
    BulkLoadOptions opts;
    opts.sortMemoryBytes = 64 << 10;
    auto loader = std::move(streamed->beginBulkLoad(opts).value());
    std::vector<BulkNode> nodes;
    for (std::uint64_t i = 0; i < kN; ++i) {
        BulkNode n{{i % 7 ? "Enterprise" : "Park"},
                   {{"name", Value("Node " + std::to_string((i * 7919) % kN))},
                    {"aliases", Value(ValueList{Value("別名" + std::to_string(i % 50))})}}};
        ASSERT_EQ(loader->addNode(n.labels, prepared(n.properties)).value(),
                  loader->firstNodeId() + i);
        nodes.push_back(std::move(n));
    }
    std::vector<BulkRelationship> rels;
    for (std::uint64_t i = 0; i < kR; ++i) {
        std::uint64_t s = (i * 31) % kN, e = (i * 17 + 3) % kN;
        BulkRelationship r{{false, s}, {false, e}, i % 3 ? "LOCATED_IN" : "HOSTS", {}};
        ASSERT_TRUE(loader
                        ->addRelationship(loader->firstNodeId() + s, r.type,
                                          loader->firstNodeId() + e, prepared(r.properties))
                        .isOk());
        rels.push_back(std::move(r));
    }
    auto done = loader->finish();
    ASSERT_TRUE(done.isOk()) << done.status().toString();
    EXPECT_EQ(done->nodes, kN);
    EXPECT_EQ(done->relationships, kR);
    loader.reset();

    auto whole = openOrDie(dirB.path());
    auto r = whole->bulkLoad(nodes, rels);
    ASSERT_TRUE(r.isOk()) << r.status().toString();

    auto problems = checkConsistency(*streamed);
    EXPECT_TRUE(problems.empty()) << problems.front();
    auto a = streamed->snapshot(), b = whole->snapshot();
    EXPECT_EQ(streamed->stats()->nodesPerLabel, whole->stats()->nodesPerLabel);
    EXPECT_EQ(streamed->stats()->relationshipsPerType, whole->stats()->relationshipsPerType);
    for (std::uint64_t i = 0; i < kN; i += 97) {
        NodeId ia = done->firstNode + i, ib = r->nodeIds[i];
        EXPECT_EQ(a->degree(ia, Direction::Both).value(), b->degree(ib, Direction::Both).value());
        EXPECT_EQ(a->node(ia)->properties, b->node(ib)->properties);
    }
    EXPECT_EQ(a->findByName("別名7").value().size(), kN / 50);
    EXPECT_EQ(a->findByName("node 5").value().size(), 1u);
}

TEST(BulkLoad, StreamedLoadResolvesLaterNodesAndWritesNothingUnlessFinished) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    {
        // A relationship may name a node of the load that comes after it.
        auto loader = std::move(store->beginBulkLoad().value());
        NodeId first = loader->firstNodeId();
        ASSERT_TRUE(loader->addRelationship(first, "A", first + 1, prepared({})).isOk());
        ASSERT_TRUE(loader->addNode({"Park"}, prepared({{"name", Value("a")}})).isOk());
        ASSERT_TRUE(loader->addNode({"Park"}, prepared({{"name", Value("b")}})).isOk());
        ASSERT_TRUE(loader->finish().isOk());
    }
    EXPECT_EQ(store->stats()->relationships, 1u);
    {
        // ... but it must come at some point.
        auto loader = std::move(store->beginBulkLoad().value());
        NodeId first = loader->firstNodeId();
        ASSERT_TRUE(loader->addNode({"Park"}, prepared({})).isOk());
        ASSERT_TRUE(loader->addRelationship(first, "A", first + 5, prepared({})).isOk());
        EXPECT_EQ(loader->finish().status().code(), Status::Code::InvalidArgument);
    }
    {
        // Dropped unfinished: nothing of it is in the store.
        auto loader = std::move(store->beginBulkLoad().value());
        ASSERT_TRUE(loader->addNode({"Zone"}, prepared({{"name", Value("z")}})).isOk());
    }
    EXPECT_EQ(store->stats()->nodes, 2u);
    EXPECT_TRUE(store->snapshot()->findByName("z").value().empty());
    EXPECT_FALSE(store->snapshot()->labelId("Zone").isOk());
    // The writer lock went with the loader.
    auto tx = store->beginWrite();
    ASSERT_TRUE(tx.isOk());
    EXPECT_TRUE(checkConsistency(*store).empty());
}

} // namespace
} // namespace innograph::graph
