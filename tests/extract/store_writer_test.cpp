// Writing into the graph store: matching, merging, idempotence, replacement, atomicity.

#include "innograph/extract/store_writer.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

using namespace innograph;
using namespace innograph::extract;
using namespace innograph::extract::testing;

namespace {

class StoreWriterTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("extract_store_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        auto s = graph::GraphStore::open({}, dir_.string());
        ASSERT_TRUE(s.isOk()) << s.status().message();
        store_ = std::move(s.value());
    }
    void TearDown() override {
        store_.reset();
        std::filesystem::remove_all(dir_);
    }
    graph::GraphStats stats() { return store_->stats().value(); }

    std::vector<graph::NodeId> named(const std::string& name) {
        auto v = store_->snapshot()->findByName(name);
        return v.isOk() ? v.value() : std::vector<graph::NodeId>{};
    }
    // Sources of the one relationship of `type` from the node named `from` to `to`.
    std::vector<std::string> sources(const std::string& type, const std::string& from,
                                     const std::string& to) {
        auto view = store_->snapshot();
        auto a = named(from), b = named(to);
        if (a.empty() || b.empty())
            return {};
        auto cur = view->edges(a[0], graph::Direction::Outgoing);
        graph::Edge e;
        while (cur->next(&e)) {
            if (e.end != b[0])
                continue;
            auto rel = view->relationship(e.id);
            if (!rel.isOk() || rel->type != type)
                continue;
            std::vector<std::string> out;
            for (const auto& v : rel->properties.at("sources").asList())
                out.push_back(v.asString());
            return out;
        }
        return {};
    }

    std::filesystem::path dir_;
    std::unique_ptr<graph::GraphStore> store_;
};

const char* kDocV1 = "丽江高新区工作要点\n丽江高新区重点发展文旅科技、生物资源和数字医疗等产业。"
                     "丽江高新区对泰合作。\n";
const char* kDocV2 = "丽江高新区工作要点\n丽江高新区重点发展文旅科技和高原农业等产业。\n";
const char* kOther = "云南省创新方案\n文旅科技产业重点依托丽江国家高新区和昆明高新区。\n";

} // namespace

TEST_F(StoreWriterTest, SameDocumentTwiceChangesNothing) {
    auto d = extractText("lj", kDocV1);
    auto s1 = writeDocument(*store_, d);
    ASSERT_TRUE(s1.isOk()) << s1.status().message();
    EXPECT_GT(s1->nodesCreated, 0u);
    auto before = stats();
    auto s2 = writeDocument(*store_, extractText("lj", kDocV1));
    ASSERT_TRUE(s2.isOk());
    EXPECT_TRUE(s2->unchanged);
    auto after = stats();
    EXPECT_EQ(before.nodes, after.nodes);
    EXPECT_EQ(before.relationships, after.relationships);
}

TEST_F(StoreWriterTest, FactsMergeAcrossDocuments) {
    ASSERT_TRUE(writeDocument(*store_, extractText("lj", kDocV1)).isOk());
    ASSERT_TRUE(writeDocument(*store_, extractText("yn", kOther)).isOk());
    // 丽江国家高新区 in one and 丽江高新区 in the other are one node.
    EXPECT_EQ(named("丽江高新区").size(), 1u);
    EXPECT_EQ(named("丽江国家高新区"), named("丽江高新区"));
    EXPECT_EQ(sources("HOSTS", "丽江高新区", "文旅科技"), (std::vector<std::string>{"lj", "yn"}));
    EXPECT_EQ(sources("HOSTS", "昆明高新区", "文旅科技"), (std::vector<std::string>{"yn"}));
}

TEST_F(StoreWriterTest, ChangedDocumentReplacesOnlyItsOwnFacts) {
    ASSERT_TRUE(writeDocument(*store_, extractText("lj", kDocV1)).isOk());
    ASSERT_TRUE(writeDocument(*store_, extractText("yn", kOther)).isOk());
    auto s = writeDocument(*store_, extractText("lj", kDocV2));
    ASSERT_TRUE(s.isOk()) << s.status().message();
    EXPECT_TRUE(s->replaced);
    // Still stated by the other document.
    EXPECT_EQ(sources("HOSTS", "丽江高新区", "文旅科技"), (std::vector<std::string>{"yn", "lj"}));
    // Gone with the old version; its nodes were only that document's.
    EXPECT_TRUE(named("数字医疗").empty());
    EXPECT_TRUE(named("泰国").empty());
    EXPECT_EQ(sources("HOSTS", "丽江高新区", "高原农业"), (std::vector<std::string>{"lj"}));
    EXPECT_EQ(sources("HOSTS", "昆明高新区", "文旅科技"), (std::vector<std::string>{"yn"}));
    // Ingesting v1 then v2 equals ingesting v2 alone, for the document's own facts.
    EXPECT_EQ(named("lj").size(), 1u);
}

TEST_F(StoreWriterTest, BadInputChangesNothing) {
    ASSERT_TRUE(writeDocument(*store_, extractText("lj", kDocV1)).isOk());
    auto before = stats();
    std::string binary("\x7f"
                       "ELF\0\0\0",
                       7);
    auto r = extractor().extract("bin", binary);
    EXPECT_FALSE(r.isOk());
    auto e = extractor().extract("empty", "");
    EXPECT_FALSE(e.isOk());
    auto after = stats();
    EXPECT_EQ(before.nodes, after.nodes);
    EXPECT_EQ(before.relationships, after.relationships);
}

TEST_F(StoreWriterTest, RemoveDocument) {
    ASSERT_TRUE(writeDocument(*store_, extractText("lj", kDocV1)).isOk());
    ASSERT_TRUE(writeDocument(*store_, extractText("yn", kOther)).isOk());
    auto r = removeDocument(*store_, "lj");
    ASSERT_TRUE(r.isOk()) << r.status().message();
    EXPECT_TRUE(named("lj").empty());
    EXPECT_EQ(sources("HOSTS", "丽江高新区", "文旅科技"), (std::vector<std::string>{"yn"}));
    EXPECT_FALSE(removeDocument(*store_, "lj").isOk());
}
