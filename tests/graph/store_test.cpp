#include "consistency.h"
#include "test_store.h"

#include <functional>
#include <thread>

namespace innograph::graph {
namespace {

using testing::checkConsistency;
using testing::openOrDie;
using testing::TempDir;

std::vector<Edge> collect(std::unique_ptr<EdgeCursor> c) {
    std::vector<Edge> out;
    Edge e;
    while (c->next(&e))
        out.push_back(e);
    EXPECT_TRUE(c->status().isOk());
    return out;
}

struct Fixture {
    NodeId park, park2, industry, university;
    RelId hosts, hosts2, partners;
};

Fixture build(GraphStore& store) {
    auto tx = std::move(store.beginWrite().value());
    Fixture f;
    f.park = *tx->createNode(
        {"Park"},
        {{"name", Value("大连高新区")},
         {"aliases", Value(ValueList{Value("大連高新區"), Value("大连高新技术产业园区")})}});
    f.park2 = *tx->createNode({"Park"}, {{"name", Value("沈阳高新区")}});
    f.industry = *tx->createNode({"Industry"}, {{"name", Value("人工智能")}});
    f.university = *tx->createNode({"University", "Institute"}, {{"name", Value("大连理工大学")}});
    f.hosts = *tx->createRelationship(f.park, "HOSTS", f.industry,
                                      {{"sources", Value(ValueList{Value("000")})}});
    f.hosts2 = *tx->createRelationship(f.park2, "HOSTS", f.industry, {});
    f.partners = *tx->createRelationship(f.park, "PARTNERS_WITH", f.university, {});
    EXPECT_TRUE(tx->commit().isOk());
    return f;
}

TEST(GraphStore, CreateReadUpdate) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto f = build(*store);
    auto view = store->snapshot();
    auto park = view->node(f.park);
    ASSERT_TRUE(park.isOk());
    EXPECT_EQ(park->labels, std::vector<std::string>{"Park"});
    EXPECT_EQ(park->properties.at("name"), Value("大连高新区"));
    auto rel = view->relationship(f.hosts);
    ASSERT_TRUE(rel.isOk());
    EXPECT_EQ(rel->type, "HOSTS");
    EXPECT_EQ(rel->start, f.park);
    EXPECT_EQ(rel->end, f.industry);
    EXPECT_EQ(view->nodeProperty(f.park2, "name").value(), Value("沈阳高新区"));
    EXPECT_TRUE(view->nodeProperty(f.park2, "nope").value().isNull());
    EXPECT_TRUE(view->node(999).status().isNotFound());

    {
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->setNodeProperty(f.park2, "founded", Value(1991)).isOk());
        ASSERT_TRUE(tx->setNodeProperty(f.park2, "name", Value("沈阳国家高新区")).isOk());
        ASSERT_TRUE(tx->addLabel(f.park2, "Zone").isOk());
        ASSERT_TRUE(tx->setRelationshipProperty(f.hosts2, "weight", Value(0.5)).isOk());
        // The transaction sees its own writes.
        EXPECT_EQ(tx->nodeProperty(f.park2, "founded").value(), Value(1991));
        EXPECT_EQ(tx->findByName("沈阳国家高新区").value(), std::vector<NodeId>{f.park2});
        ASSERT_TRUE(tx->commit().isOk());
    }
    // The old view is a snapshot: it does not see the commit.
    EXPECT_TRUE(view->nodeProperty(f.park2, "founded").value().isNull());
    auto now = store->snapshot();
    EXPECT_EQ(now->nodeProperty(f.park2, "founded").value(), Value(1991));
    EXPECT_TRUE(now->findByName("沈阳高新区").value().empty());
    EXPECT_EQ(now->nodeLabels(f.park2).value(), (std::vector<std::string>{"Park", "Zone"}));
    EXPECT_EQ(now->relationship(f.hosts2)->properties.at("weight"), Value(0.5));
    EXPECT_TRUE(checkConsistency(*store).empty());
}

// A transaction's reads merge its own writes over the committed data: its puts replace committed
// values, its deletes hide committed keys, and scans return both in key order.
TEST(GraphStore, ATransactionReadsItsOwnWritesOverTheCommittedOnes) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto f = build(*store);
    auto tx = std::move(store->beginWrite().value());
    ASSERT_TRUE(tx->deleteRelationship(f.hosts).isOk());
    auto again = tx->createRelationship(f.park, "HOSTS", f.industry, {});
    ASSERT_TRUE(again.isOk());
    auto out = collect(tx->edges(f.park, Direction::Outgoing));
    ASSERT_EQ(out.size(), 2u);
    std::set<RelId> outIds{out[0].id, out[1].id};
    EXPECT_EQ(outIds, (std::set<RelId>{f.partners, *again}));
    auto in = collect(tx->edges(f.industry, Direction::Incoming));
    std::set<RelId> inIds;
    for (const auto& e : in)
        inIds.insert(e.id);
    EXPECT_EQ(inIds, (std::set<RelId>{f.hosts2, *again}));
    EXPECT_TRUE(tx->relationship(f.hosts).status().isNotFound());

    ASSERT_TRUE(tx->deleteNode(f.park2, true).isOk());
    EXPECT_TRUE(tx->findByName("沈阳高新区").value().empty());
    auto twin = tx->createNode({"Park"}, {{"name", Value("沈阳高新区")}});
    ASSERT_TRUE(twin.isOk());
    EXPECT_EQ(tx->findByName("沈阳高新区").value(), std::vector<NodeId>{*twin});
    ASSERT_TRUE(tx->setNodeProperty(*twin, "founded", Value(1988)).isOk());
    ASSERT_TRUE(tx->setNodeProperty(*twin, "founded", Value(1991)).isOk());
    EXPECT_EQ(tx->nodeProperty(*twin, "founded").value(), Value(1991));
    // A committed node rewritten by the transaction reads as rewritten, the others as committed.
    ASSERT_TRUE(tx->setNodeProperty(f.park, "founded", Value(1991)).isOk());
    EXPECT_EQ(tx->nodeProperty(f.park, "founded").value(), Value(1991));
    EXPECT_EQ(tx->nodeProperty(f.industry, "name").value(), Value("人工智能"));

    std::vector<NodeId> all;
    auto cursor = tx->allNodes();
    NodeId id;
    while (cursor->next(&id))
        all.push_back(id);
    EXPECT_TRUE(cursor->status().isOk());
    EXPECT_EQ(all, (std::vector<NodeId>{f.park, f.industry, f.university, *twin}));
    auto parkLabel = *tx->labelId("Park");
    std::vector<NodeId> parks;
    auto byLabel = tx->nodesWithLabel(parkLabel);
    while (byLabel->next(&id))
        parks.push_back(id);
    EXPECT_EQ(parks, (std::vector<NodeId>{f.park, *twin}));

    // Rolled back, none of it happened.
    tx->rollback();
    auto view = store->snapshot();
    EXPECT_EQ(collect(view->edges(f.park, Direction::Outgoing)).size(), 2u);
    EXPECT_TRUE(view->relationship(f.hosts).isOk());
    EXPECT_EQ(view->findByName("沈阳高新区").value(), std::vector<NodeId>{f.park2});
    EXPECT_TRUE(view->nodeProperty(f.park, "founded").value().isNull());
    EXPECT_TRUE(checkConsistency(*store).empty());
}

// Writers look names up in a cache of the committed name index: every commit, rollback and bulk
// load must leave it answering as the store does.
TEST(GraphStore, NameLookupsOfLaterTransactionsFollowEveryCommit) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto lookup = [&](const std::string& name) {
        auto tx = std::move(store->beginWrite().value());
        auto ids = tx->findByName(name).value();
        tx->rollback();
        EXPECT_EQ(ids, store->snapshot()->findByName(name).value()) << name;
        return ids;
    };
    EXPECT_TRUE(lookup("大连高新区").empty()); // cached as absent
    NodeId park;
    {
        auto tx = std::move(store->beginWrite().value());
        park = *tx->createNode({"Park"}, {{"name", Value("大连高新区")}});
        ASSERT_TRUE(tx->commit().isOk());
    }
    EXPECT_EQ(lookup("大連高新區"), std::vector<NodeId>{park});
    {
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->setNodeProperty(park, "name", Value("大连高新技术产业开发区")).isOk());
        ASSERT_TRUE(
            tx->setNodeProperty(park, "aliases", Value(ValueList{Value("大连高新区")})).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    EXPECT_EQ(lookup("大连高新区"), std::vector<NodeId>{park});
    EXPECT_EQ(lookup("大连高新技术产业开发区"), std::vector<NodeId>{park});
    {
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->setNodeProperty(park, "aliases", Value()).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    EXPECT_TRUE(lookup("大连高新区").empty());
    {
        // Rolled back: the cache must not have taken the names.
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->createNode({"Park"}, {{"name", Value("大连高新区")}}).isOk());
        EXPECT_EQ(tx->findByName("大连高新区").value().size(), 1u);
        tx->rollback();
    }
    EXPECT_TRUE(lookup("大连高新区").empty());
    NodeId second;
    {
        auto tx = std::move(store->beginWrite().value());
        second = *tx->createNode({"Park"}, {{"name", Value("大连高新区")}});
        ASSERT_TRUE(tx->commit().isOk());
    }
    EXPECT_EQ(lookup("大连高新区"), std::vector<NodeId>{second});
    {
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->deleteNode(second, true).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    EXPECT_TRUE(lookup("大连高新区").empty());
    // A bulk load writes the name index without a transaction.
    auto loaded = store->bulkLoad({{{"Park"}, {{"name", Value("大连高新区")}}}}, {});
    ASSERT_TRUE(loaded.isOk()) << loaded.status().toString();
    EXPECT_EQ(lookup("大连高新区"), loaded->nodeIds);
    EXPECT_TRUE(checkConsistency(*store).empty());
}

// Writers read node records through a cache of committed records: it must follow every commit.
TEST(GraphStore, RecordReadsOfLaterTransactionsFollowEveryCommit) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto f = build(*store);
    auto founded = [&](NodeId id) {
        auto tx = std::move(store->beginWrite().value());
        auto v = tx->nodeProperty(id, "founded");
        auto labels = tx->nodeLabels(id);
        tx->rollback();
        if (!v.isOk())
            return std::string("(") + v.status().message() + ")";
        auto view = store->snapshot();
        EXPECT_EQ(v.value(), view->nodeProperty(id, "founded").value());
        EXPECT_EQ(labels.value(), view->nodeLabels(id).value());
        return v->isNull() ? std::string("null") : std::to_string(v->asInt());
    };
    EXPECT_EQ(founded(f.park), "null"); // now cached
    auto write = [&](const std::function<void(WriteTransaction&)>& fn, bool commit) {
        auto tx = std::move(store->beginWrite().value());
        fn(*tx);
        if (commit)
            ASSERT_TRUE(tx->commit().isOk());
        else
            tx->rollback();
    };
    write(
        [&](WriteTransaction& tx) {
            ASSERT_TRUE(tx.setNodeProperty(f.park, "founded", Value(1991)).isOk());
        },
        true);
    EXPECT_EQ(founded(f.park), "1991");
    write(
        [&](WriteTransaction& tx) {
            ASSERT_TRUE(tx.setNodeProperty(f.park, "founded", Value(2000)).isOk());
        },
        false);
    EXPECT_EQ(founded(f.park), "1991");
    write([&](WriteTransaction& tx) { ASSERT_TRUE(tx.addLabel(f.park, "Zone").isOk()); }, true);
    EXPECT_EQ(founded(f.park), "1991");
    write([&](WriteTransaction& tx) { ASSERT_TRUE(tx.deleteNode(f.park, true).isOk()); }, true);
    EXPECT_NE(founded(f.park).find("no node"), std::string::npos);
    EXPECT_TRUE(checkConsistency(*store).empty());
}

TEST(GraphStore, AdjacencyBothWaysAndByType) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto f = build(*store);
    auto view = store->snapshot();
    auto out = collect(view->edges(f.park, Direction::Outgoing));
    EXPECT_EQ(out.size(), 2u);
    auto hostsType = *view->typeId("HOSTS");
    auto in = collect(
        view->edges(f.industry, Direction::Incoming, std::span<const TypeId>(&hostsType, 1)));
    ASSERT_EQ(in.size(), 2u);
    std::set<NodeId> starts{in[0].start, in[1].start};
    EXPECT_EQ(starts, (std::set<NodeId>{f.park, f.park2}));
    for (const auto& e : in) {
        EXPECT_EQ(e.end, f.industry);
        EXPECT_EQ(e.other, e.start);
    }
    auto partnersType = *view->typeId("PARTNERS_WITH");
    EXPECT_EQ(
        collect(view->edges(f.park, Direction::Outgoing, std::span<const TypeId>(&partnersType, 1)))
            .size(),
        1u);
    EXPECT_TRUE(collect(view->edges(f.industry, Direction::Outgoing)).empty());
    EXPECT_EQ(view->degree(f.park, Direction::Both).value(), 2u);
    EXPECT_EQ(view->degree(f.industry, Direction::Both).value(), 2u);
    // A neighbouring node's entries never leak into a scan: ids are adjacent here.
    EXPECT_EQ(collect(view->edges(f.park2, Direction::Both)).size(), 1u);
}

TEST(GraphStore, LabelScanAndNameLookupAcrossScriptsAndWidths) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto f = build(*store);
    auto view = store->snapshot();
    for (const char* spelling :
         {"大连高新区", "大連高新區", "＂大连高新区＂", " 大连  高新区 ", "大连高新技术产业园区"})
        EXPECT_EQ(view->findByName(spelling).value(), std::vector<NodeId>{f.park}) << spelling;
    EXPECT_TRUE(view->findByName("大连").value().empty());
    auto prefix = view->findByNamePrefix("大连", 10).value();
    EXPECT_EQ(std::set<NodeId>(prefix.begin(), prefix.end()),
              (std::set<NodeId>{f.park, f.university}));
    std::set<NodeId> parks;
    auto c = view->nodesWithLabel(*view->labelId("Park"));
    NodeId id;
    while (c->next(&id))
        parks.insert(id);
    EXPECT_EQ(parks, (std::set<NodeId>{f.park, f.park2}));
    EXPECT_TRUE(view->labelId("Nope").status().isNotFound());
}

TEST(GraphStore, FailedOrAbandonedTransactionsLeaveNothing) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto f = build(*store);
    auto before = store->stats().value();
    {
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->createNode({"Ghost"}, {{"name", Value("幽灵")}}).isOk());
        ASSERT_TRUE(tx->deleteNode(f.park2, /*detach=*/true).isOk());
        // dropped without commit
    }
    {
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->createNode({"Ghost"}, {}).isOk());
        auto bad = tx->createRelationship(f.park, "HOSTS", 12345, {});
        EXPECT_TRUE(bad.status().isNotFound());
        EXPECT_EQ(tx->createNode({"X"}, {{"s", Value(std::string("\xff"))}}).status().code(),
                  Status::Code::InvalidArgument);
        tx->rollback();
        EXPECT_FALSE(tx->commit().isOk());
    }
    auto after = store->stats().value();
    EXPECT_EQ(after.nodes, before.nodes);
    EXPECT_EQ(after.nodesPerLabel, before.nodesPerLabel);
    EXPECT_TRUE(store->snapshot()->findByName("幽灵").value().empty());
    EXPECT_TRUE(store->snapshot()->labelId("Ghost").status().isNotFound());
    EXPECT_TRUE(checkConsistency(*store).empty());
}

TEST(GraphStore, DeleteKeepsEveryIndexConsistent) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    auto f = build(*store);
    {
        auto tx = std::move(store->beginWrite().value());
        auto s = tx->deleteNode(f.park, /*detach=*/false);
        EXPECT_EQ(s.code(), Status::Code::Constraint);
        tx->rollback();
    }
    {
        auto tx = std::move(store->beginWrite().value());
        auto loop = tx->createRelationship(f.park, "PART_OF", f.park, {});
        ASSERT_TRUE(loop.isOk());
        ASSERT_TRUE(tx->deleteRelationship(f.hosts2).isOk());
        ASSERT_TRUE(tx->deleteNode(f.park, /*detach=*/true).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    auto view = store->snapshot();
    EXPECT_TRUE(view->node(f.park).status().isNotFound());
    EXPECT_TRUE(view->findByName("大連高新區").value().empty());
    EXPECT_TRUE(collect(view->edges(f.industry, Direction::Both)).empty());
    EXPECT_TRUE(collect(view->edges(f.university, Direction::Both)).empty());
    auto st = store->stats().value();
    EXPECT_EQ(st.nodes, 3u);
    EXPECT_EQ(st.relationships, 0u);
    EXPECT_EQ(st.nodesPerLabel["Park"], 1u);
    auto problems = checkConsistency(*store);
    EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(GraphStore, ReopenKeepsEverything) {
    TempDir dir;
    Fixture f;
    {
        auto store = openOrDie(dir.path());
        f = build(*store);
    }
    auto store = openOrDie(dir.path());
    auto view = store->snapshot();
    EXPECT_EQ(view->node(f.university)->labels,
              (std::vector<std::string>{"University", "Institute"}));
    EXPECT_EQ(view->findByName("大連高新區").value(), std::vector<NodeId>{f.park});
    EXPECT_EQ(store->stats()->relationships, 3u);
    // New ids continue after the old ones.
    auto tx = std::move(store->beginWrite().value());
    auto n = tx->createNode({"Park"}, {});
    ASSERT_TRUE(n.isOk());
    EXPECT_GT(*n, f.university);
    ASSERT_TRUE(tx->commit().isOk());
    EXPECT_TRUE(checkConsistency(*store).empty());
}

TEST(GraphStore, ReadOnlyAndSecondary) {
    TempDir dir;
    auto primary = openOrDie(dir.sub("db"));
    auto f = build(*primary);
    ASSERT_TRUE(primary->compact().isOk());

    Options ro;
    ro.mode = OpenMode::ReadOnly;
    auto reader = openOrDie(dir.sub("db"), ro);
    EXPECT_EQ(reader->beginWrite().status().code(), Status::Code::ReadOnly);
    EXPECT_EQ(reader->snapshot()->findByName("大连高新区").value(), std::vector<NodeId>{f.park});

    Options sec;
    sec.mode = OpenMode::Secondary;
    sec.secondaryPath = dir.sub("secondary");
    auto follower = openOrDie(dir.sub("db"), sec);
    EXPECT_EQ(follower->stats()->nodes, 4u);
    {
        auto tx = std::move(primary->beginWrite().value());
        ASSERT_TRUE(tx->createNode({"Region"}, {{"name", Value("辽宁省")}}).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    ASSERT_TRUE(follower->catchUpWithPrimary().isOk());
    EXPECT_EQ(follower->snapshot()->findByName("辽宁省").value().size(), 1u);
    EXPECT_EQ(follower->stats()->nodesPerLabel["Region"], 1u);

    Options missing;
    missing.createIfMissing = false;
    EXPECT_TRUE(GraphStore::open(missing, dir.sub("nothing-here")).status().isNotFound());
    // A second writer on the same directory is refused, not corrupting.
    EXPECT_FALSE(GraphStore::open(Options{}, dir.sub("db")).isOk());
}

TEST(GraphStore, WritersAreSerialisedReadersAreNot) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    constexpr int kThreads = 4, kPerThread = 50;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                auto tx = std::move(store->beginWrite().value());
                auto a = tx->createNode(
                    {"Park"}, {{"name", Value("P" + std::to_string(t) + "_" + std::to_string(i))}});
                auto b = tx->createNode({"Industry"}, {});
                ASSERT_TRUE(tx->createRelationship(*a, "HOSTS", *b, {}).isOk());
                ASSERT_TRUE(tx->commit().isOk());
                auto view = store->snapshot();
                EXPECT_TRUE(view->nodeExists(*a));
            }
        });
    for (auto& th : threads)
        th.join();
    auto st = store->stats().value();
    EXPECT_EQ(st.nodes, 2u * kThreads * kPerThread);
    EXPECT_EQ(st.relationships, 1u * kThreads * kPerThread);
    EXPECT_TRUE(checkConsistency(*store).empty());
}

} // namespace
} // namespace innograph::graph
