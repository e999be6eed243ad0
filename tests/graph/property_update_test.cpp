// WriteTransaction::updateRelationshipProperties: updates stored as merge operands, read back
// through the transaction, snapshots, the log after a reopen and compaction alike.

#include "codec.h"
#include "consistency.h"
#include "property_update.h"
#include "test_store.h"

namespace innograph::graph {
namespace {

using testing::checkConsistency;
using testing::openOrDie;
using testing::TempDir;

ValueList strings(std::initializer_list<const char*> items) {
    ValueList out;
    for (const char* s : items)
        out.emplace_back(s);
    return out;
}

struct Pair {
    NodeId park = 0, industry = 0;
    Edge hosts;
};

// A park HOSTS an industry, with one source and one sentence of evidence, committed.
Pair build(GraphStore& store) {
    auto tx = std::move(store.beginWrite().value());
    Pair p;
    p.park = *tx->createNode({"Park"}, {{"name", Value("长沙高新区")}});
    p.industry = *tx->createNode({"Industry"}, {{"name", Value("工程机械")}});
    RelId id = *tx->createRelationship(
        p.park, "HOSTS", p.industry,
        {{"sources", Value(strings({"doc1"}))}, {"evidence", Value(strings({"sentence 1"}))}});
    p.hosts.id = id;
    p.hosts.type = *tx->typeId("HOSTS");
    p.hosts.start = p.park;
    p.hosts.end = p.industry;
    EXPECT_TRUE(tx->commit().isOk());
    return p;
}

PropertyUpdate addDocument(const char* doc, const char* sentence) {
    PropertyUpdate u;
    u.appendDistinct["sources"] = Value(strings({doc}));
    u.append["evidence"] = Value(strings({sentence}));
    return u;
}

PropertyMap propsOf(const ReadView& view, RelId id) {
    auto r = view.relationship(id);
    EXPECT_TRUE(r.isOk()) << r.status().toString();
    return r.isOk() ? r->properties : PropertyMap{};
}

TEST(PropertyUpdate, AppendsAreSeenByTheTransactionSnapshotsReopenAndCompaction) {
    TempDir dir;
    Pair p;
    {
        auto store = openOrDie(dir.path());
        p = build(*store);
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(
            tx->updateRelationshipProperties(p.hosts, addDocument("doc2", "sentence 2")).isOk());
        // The transaction reads its own update, by id and by a scan of every relationship.
        auto mine = propsOf(*tx, p.hosts.id);
        EXPECT_EQ(mine["sources"], Value(strings({"doc1", "doc2"})));
        EXPECT_EQ(mine["evidence"], Value(strings({"sentence 1", "sentence 2"})));
        auto all = tx->allRelationships();
        RelId id;
        std::size_t seen = 0;
        while (all->next(&id)) {
            ++seen;
            EXPECT_EQ(propsOf(*tx, id)["evidence"].asList().size(), 2u);
        }
        EXPECT_TRUE(all->status().isOk()) << all->status().toString();
        EXPECT_EQ(seen, 1u);
        // A second update in the same transaction follows the first.
        ASSERT_TRUE(
            tx->updateRelationshipProperties(p.hosts, addDocument("doc1", "sentence 3")).isOk());
        // Not committed: others do not see it.
        EXPECT_EQ(propsOf(*store->snapshot(), p.hosts.id)["evidence"],
                  Value(strings({"sentence 1"})));
        ASSERT_TRUE(tx->commit().isOk());
        const PropertyMap want{
            {"sources", Value(strings({"doc1", "doc2"}))},
            {"evidence", Value(strings({"sentence 1", "sentence 2", "sentence 3"}))}};
        EXPECT_EQ(propsOf(*store->snapshot(), p.hosts.id), want);
    }
    const PropertyMap want{
        {"sources", Value(strings({"doc1", "doc2"}))},
        {"evidence", Value(strings({"sentence 1", "sentence 2", "sentence 3"}))}};
    {
        auto store = openOrDie(dir.path()); // from the log
        EXPECT_EQ(propsOf(*store->snapshot(), p.hosts.id), want);
        ASSERT_TRUE(store->compact().isOk());
        EXPECT_EQ(propsOf(*store->snapshot(), p.hosts.id), want);
        EXPECT_TRUE(checkConsistency(*store).empty());
    }
    auto store = openOrDie(dir.path()); // from the compacted table
    EXPECT_EQ(propsOf(*store->snapshot(), p.hosts.id), want);
}

TEST(PropertyUpdate, ManyDocumentsKeepTheirOrderAcrossFlushes) {
    TempDir dir;
    Options small;
    small.writeBufferBytes = 64 << 10; // many memtables, so operands meet records in tables
    auto store = openOrDie(dir.path(), small);
    Pair p = build(*store);
    const int kDocs = 600;
    for (int i = 2; i <= kDocs; ++i) {
        auto tx = std::move(store->beginWrite().value());
        std::string doc = "doc" + std::to_string(i);
        std::string sentence(200, static_cast<char>('a' + i % 26));
        PropertyUpdate u;
        u.appendDistinct["sources"] = Value(ValueList{Value(doc)});
        u.append["evidence"] = Value(ValueList{Value(sentence)});
        ASSERT_TRUE(tx->updateRelationshipProperties(p.hosts, u).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    auto check = [&] {
        auto props = propsOf(*store->snapshot(), p.hosts.id);
        const auto& sources = props["sources"].asList();
        const auto& evidence = props["evidence"].asList();
        ASSERT_EQ(sources.size(), static_cast<std::size_t>(kDocs));
        ASSERT_EQ(evidence.size(), static_cast<std::size_t>(kDocs));
        for (int i = 2; i <= kDocs; ++i) {
            EXPECT_EQ(sources[i - 1].asString(), "doc" + std::to_string(i));
            EXPECT_EQ(evidence[i - 1].asString(),
                      std::string(200, static_cast<char>('a' + i % 26)));
        }
    };
    check();
    ASSERT_TRUE(store->compact().isOk());
    check();
    EXPECT_TRUE(checkConsistency(*store).empty());
}

TEST(PropertyUpdate, AppendFollowsCypherListConcatenation) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    Pair p = build(*store);
    {
        auto tx = std::move(store->beginWrite().value());
        ASSERT_TRUE(tx->setRelationshipProperty(p.hosts.id, "weight", Value(1)).isOk());
        ASSERT_TRUE(tx->commit().isOk());
    }
    auto tx = std::move(store->beginWrite().value());
    PropertyUpdate u;
    u.set["since"] = Value(2020);
    u.set["evidence"] = Value();                               // null removes
    u.append["weight"] = Value(ValueList{Value(2), Value(3)}); // not a list: first element
    u.append["years"] = Value(2021);                           // absent: one element
    u.append["evidence"] = Value(strings({"new"}));            // after the removal
    u.appendDistinct["sources"] = Value(strings({"doc1", "doc3", "doc3"}));
    u.appendDistinct["tags"] = Value(); // null appends nothing
    ASSERT_TRUE(tx->updateRelationshipProperties(p.hosts, u).isOk());
    ASSERT_TRUE(tx->commit().isOk());
    const PropertyMap want{{"since", Value(2020)},
                           {"weight", Value(ValueList{Value(1), Value(2), Value(3)})},
                           {"years", Value(ValueList{Value(2021)})},
                           {"evidence", Value(strings({"new"}))},
                           {"sources", Value(strings({"doc1", "doc3"}))}};
    EXPECT_EQ(propsOf(*store->snapshot(), p.hosts.id), want);
}

TEST(PropertyUpdate, OnARelationshipCreatedInTheSameTransaction) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    Pair p = build(*store);
    auto tx = std::move(store->beginWrite().value());
    RelId id =
        *tx->createRelationship(p.industry, "HOSTS", p.park, {{"evidence", Value(strings({"x"}))}});
    Edge e{id, p.hosts.type, p.industry, p.park, p.park};
    ASSERT_TRUE(tx->updateRelationshipProperties(e, addDocument("d", "y")).isOk());
    EXPECT_EQ(propsOf(*tx, id)["evidence"], Value(strings({"x", "y"})));
    ASSERT_TRUE(tx->commit().isOk());
    EXPECT_EQ(propsOf(*store->snapshot(), id)["evidence"], Value(strings({"x", "y"})));
    EXPECT_EQ(propsOf(*store->snapshot(), id)["sources"], Value(strings({"d"})));
}

TEST(PropertyUpdate, AnUpdateMustNameAnExistingRelationshipExactly) {
    TempDir dir;
    auto store = openOrDie(dir.path());
    Pair p = build(*store);
    const auto before = propsOf(*store->snapshot(), p.hosts.id);
    auto tx = std::move(store->beginWrite().value());
    Edge wrongEnd = p.hosts;
    wrongEnd.end = p.park;
    Edge wrongType = p.hosts;
    wrongType.type += 1;
    Edge wrongId = p.hosts;
    wrongId.id += 100;
    for (const Edge& e : {wrongEnd, wrongType, wrongId}) {
        auto s = tx->updateRelationshipProperties(e, addDocument("x", "y"));
        EXPECT_TRUE(s.isNotFound()) << s.toString();
    }
    // Invalid text is refused, naming the property.
    PropertyUpdate bad;
    bad.append["evidence"] = Value(ValueList{Value(std::string("\xff\xfe"))});
    auto s = tx->updateRelationshipProperties(p.hosts, bad);
    EXPECT_EQ(s.code(), Status::Code::InvalidArgument);
    EXPECT_NE(s.message().find("evidence"), std::string::npos) << s.message();
    // A relationship deleted in the transaction cannot be updated, and an update followed by a
    // delete leaves nothing behind.
    ASSERT_TRUE(tx->updateRelationshipProperties(p.hosts, addDocument("d", "y")).isOk());
    ASSERT_TRUE(tx->deleteRelationship(p.hosts.id).isOk());
    EXPECT_TRUE(tx->updateRelationshipProperties(p.hosts, addDocument("d", "z")).isNotFound());
    tx->rollback();
    EXPECT_EQ(propsOf(*store->snapshot(), p.hosts.id), before);

    auto tx2 = std::move(store->beginWrite().value());
    ASSERT_TRUE(tx2->updateRelationshipProperties(p.hosts, addDocument("d", "y")).isOk());
    ASSERT_TRUE(tx2->deleteRelationship(p.hosts.id).isOk());
    ASSERT_TRUE(tx2->commit().isOk());
    EXPECT_TRUE(store->snapshot()->relationship(p.hosts.id).status().isNotFound());
    EXPECT_TRUE(checkConsistency(*store).empty());
}

TEST(PropertyUpdate, OperandsConcatenateAndBadOnesAreCorruptionNotACrash) {
    PropertyUpdate a = addDocument("doc2", "two"), b = addDocument("doc2", "three");
    b.set["weight"] = Value(7);
    PropertyMap stepwise{{"sources", Value(strings({"doc1"}))}};
    ASSERT_TRUE(detail::applyPropertyUpdates(detail::encodePropertyUpdate(a), &stepwise).isOk());
    ASSERT_TRUE(detail::applyPropertyUpdates(detail::encodePropertyUpdate(b), &stepwise).isOk());
    PropertyMap joined{{"sources", Value(strings({"doc1"}))}};
    ASSERT_TRUE(detail::applyPropertyUpdates(
                    detail::encodePropertyUpdate(a) + detail::encodePropertyUpdate(b), &joined)
                    .isOk());
    EXPECT_EQ(stepwise, joined);
    EXPECT_EQ(joined["evidence"], Value(strings({"two", "three"})));

    const std::string op = detail::encodePropertyUpdate(b);
    for (std::size_t cut = 1; cut < op.size(); ++cut) {
        PropertyMap props;
        auto s = detail::applyPropertyUpdates(std::string_view(op).substr(0, cut), &props);
        EXPECT_EQ(s.code(), Status::Code::Corruption) << "cut at " << cut;
    }
    PropertyMap props;
    EXPECT_EQ(detail::applyPropertyUpdates("X", &props).code(), Status::Code::Corruption);
    std::string out;
    EXPECT_EQ(detail::applyToRelationshipRecord("short", op, &out).code(),
              Status::Code::Corruption);
}

} // namespace
} // namespace innograph::graph
