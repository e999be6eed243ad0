// The in-memory adjacency and label table of snapshots: they answer exactly as RocksDB does,
// and a write replaces them so that no view ever sees another state's adjacency or labels.

#include "test_store.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

namespace innograph::graph {
namespace {

using testing::openOrDie;
using testing::TempDir;

std::multiset<std::tuple<RelId, TypeId, NodeId, NodeId, NodeId>>
edgesOf(const ReadView& v, NodeId id, Direction dir, std::span<const TypeId> types = {}) {
    std::multiset<std::tuple<RelId, TypeId, NodeId, NodeId, NodeId>> out;
    auto c = v.edges(id, dir, types);
    Edge e;
    while (c->next(&e))
        out.emplace(e.id, e.type, e.start, e.end, e.other);
    EXPECT_TRUE(c->status().isOk());
    return out;
}

TEST(SnapshotCaches, AgreeWithTheStoreAndFollowWrites) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    std::vector<NodeId> n;
    {
        auto tx = std::move(store->beginWrite().value());
        for (int i = 0; i < 6; ++i)
            n.push_back(*tx->createNode({i % 2 ? "Park" : "Industry"}, {}));
        ASSERT_TRUE(tx->createRelationship(n[1], "HOSTS", n[0], {}).isOk());
        ASSERT_TRUE(tx->createRelationship(n[1], "HOSTS", n[2], {}).isOk());
        ASSERT_TRUE(tx->createRelationship(n[3], "PARTNERS_WITH", n[1], {}).isOk());
        ASSERT_TRUE(tx->createRelationship(n[3], "HOSTS", n[3], {}).isOk()); // a self-loop
        ASSERT_TRUE(tx->commit().isOk());
    }
    store->warmCaches();
    auto cached = store->snapshot();
    auto tx = std::move(store->beginWrite().value()); // reads RocksDB plus its (empty) batch
    auto hosts = *cached->typeId("HOSTS"), partners = *cached->typeId("PARTNERS_WITH");
    std::vector<TypeId> both{partners, hosts, hosts};
    for (auto id : n)
        for (auto dir : {Direction::Outgoing, Direction::Incoming, Direction::Both}) {
            EXPECT_EQ(edgesOf(*cached, id, dir), edgesOf(*tx, id, dir));
            EXPECT_EQ(edgesOf(*cached, id, dir, {&hosts, 1}), edgesOf(*tx, id, dir, {&hosts, 1}));
            EXPECT_EQ(edgesOf(*cached, id, dir, both), edgesOf(*tx, id, dir, both));
            EXPECT_EQ(cached->degree(id, dir).value(), tx->degree(id, dir).value());
        }
    auto park = *cached->labelId("Park"), industry = *cached->labelId("Industry");
    for (int pass = 0; pass < 2; ++pass) // the second pass is answered from the table
        for (std::size_t i = 0; i < n.size(); ++i) {
            EXPECT_EQ(cached->nodeHasLabel(n[i], park).value(), i % 2 == 1);
            EXPECT_EQ(cached->nodeHasLabel(n[i], industry).value(), i % 2 == 0);
        }
    EXPECT_FALSE(cached->nodeHasLabel(9999, park).value());

    // Writes: a new relationship, a removed label, a deleted node.
    ASSERT_TRUE(tx->createRelationship(n[5], "HOSTS", n[0], {}).isOk());
    ASSERT_TRUE(tx->removeLabel(n[1], "Park").isOk());
    ASSERT_TRUE(tx->addLabel(n[4], "Park").isOk());
    ASSERT_TRUE(tx->commit().isOk());
    tx.reset();
    auto after = store->snapshot();
    // The old snapshot still sees its own state; the new one sees the writes.
    EXPECT_EQ(edgesOf(*cached, n[0], Direction::Incoming).size(), 1u);
    EXPECT_EQ(edgesOf(*after, n[0], Direction::Incoming).size(), 2u);
    EXPECT_TRUE(cached->nodeHasLabel(n[1], park).value());
    EXPECT_FALSE(after->nodeHasLabel(n[1], park).value());
    EXPECT_TRUE(after->nodeHasLabel(n[4], park).value());
    store->warmCaches();
    auto rebuilt = store->snapshot();
    EXPECT_EQ(edgesOf(*rebuilt, n[0], Direction::Incoming).size(), 2u);
    EXPECT_EQ(edgesOf(*rebuilt, n[5], Direction::Outgoing).size(), 1u);
    EXPECT_FALSE(rebuilt->nodeHasLabel(n[1], park).value());
}

// The label table is filled for every node when the adjacency is built: each node's labels
// whole, nodes with a label the table cannot hold (past the 31st) left to the record.
TEST(SnapshotCaches, LabelTableFilledAtWarmUpAnswersAsTheRecords) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    std::vector<std::string> labels;
    for (int i = 0; i < 40; ++i)
        labels.push_back("L" + std::to_string(i));
    std::vector<NodeId> n;
    auto write = [&](auto&& fn) {
        auto tx = std::move(store->beginWrite().value());
        fn(*tx);
        ASSERT_TRUE(tx->commit().isOk());
    };
    write([&](WriteTransaction& tx) {
        // Label ids in order of first use: node i has labels i, i + 1 and i * 7 mod 40, so
        // that some nodes mix ids below and past 31, and one has none.
        for (int i = 0; i < 40; ++i)
            n.push_back(*tx.createNode({labels[i], labels[(i + 1) % 40], labels[i * 7 % 40]}, {}));
        n.push_back(*tx.createNode({}, {}));
        ASSERT_TRUE(tx.createRelationship(n[0], "R", n[1], {}).isOk());
    });
    auto check = [&](const char* when) {
        store->warmCaches();
        auto cached = store->snapshot();
        auto tx = std::move(store->beginWrite().value()); // reads the records
        for (int pass = 0; pass < 2; ++pass)
            for (auto id : n)
                for (const auto& l : labels) {
                    auto lid = *cached->labelId(l);
                    EXPECT_EQ(cached->nodeHasLabel(id, lid).value(),
                              tx->nodeHasLabel(id, lid).value())
                        << when << ": node " << id << " label " << l;
                }
    };
    check("after the first write");
    write([&](WriteTransaction& tx) {
        ASSERT_TRUE(tx.removeLabel(n[3], labels[3]).isOk());
        ASSERT_TRUE(tx.addLabel(n[40], labels[35]).isOk());
        ASSERT_TRUE(tx.addLabel(n[5], labels[0]).isOk());
        ASSERT_TRUE(tx.deleteNode(n[7], /*detach=*/true).isOk());
    });
    check("after removing, adding and deleting");
}

// A reader must never meet an id whose name it cannot find: the dictionary learns a commit's new
// labels and types before the commit's data is visible (the load test once answered a 500
// "unknown label id" while writers created labels).
TEST(SnapshotCaches, NewLabelsAndTypesAreNamedWheneverTheirDataIsVisible) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    std::atomic<bool> done{false};
    std::atomic<int> failures{0};
    std::string firstFailure;
    std::mutex mu;
    auto fail = [&](const std::string& what) {
        if (failures++ == 0) {
            std::lock_guard lock(mu);
            firstFailure = what;
        }
    };
    std::vector<std::thread> readers;
    for (int r = 0; r < 2; ++r)
        readers.emplace_back([&] {
            while (!done) {
                if (auto st = store->stats(); !st.isOk())
                    fail(st.status().toString());
                auto view = store->snapshot();
                auto nodes = view->allNodes();
                NodeId id;
                while (nodes->next(&id))
                    if (auto labels = view->nodeLabels(id); !labels.isOk())
                        fail(labels.status().toString());
            }
        });
    for (int i = 0; i < 300; ++i) {
        auto tx = std::move(store->beginWrite().value());
        auto a = tx->createNode({"Fresh" + std::to_string(i)}, {});
        auto b = tx->createNode({"Fresh" + std::to_string(i)}, {});
        ASSERT_TRUE(a.isOk() && b.isOk());
        ASSERT_TRUE(tx->createRelationship(*a, "FRESH_" + std::to_string(i), *b, {}).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    done = true;
    for (auto& t : readers)
        t.join();
    EXPECT_EQ(failures.load(), 0) << firstFailure;
    EXPECT_EQ(store->labels().value().size(), 300u);
}

} // namespace
} // namespace innograph::graph
