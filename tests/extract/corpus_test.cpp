// The corpus end to end: every document extracts, facts read by hand appear, a GBK copy gives
// the same facts, and the whole corpus (23 documents) takes well under a few seconds.

#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

using namespace innograph::extract;
using namespace innograph::extract::testing;

namespace {

std::vector<std::string> corpusFiles() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(INNOGRAPH_CORPUS_DIR))
        if (e.path().extension() == ".txt")
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

ExtractedGraph corpusGraph() {
    ExtractedGraph all;
    for (const auto& f : corpusFiles()) {
        auto d = extractor().extractFile(f);
        EXPECT_TRUE(d.isOk()) << d.status().message();
        if (d.isOk())
            all.merge(d.value().graph);
    }
    return all;
}

} // namespace

TEST(Corpus, EveryDocumentExtractsQuickly) {
    auto files = corpusFiles();
    ASSERT_EQ(files.size(), 23u);
    auto t0 = std::chrono::steady_clock::now();
    ExtractedGraph g = corpusGraph();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // A generous bound (Release takes ~0.3 s): it catches a rule gone quadratic, not noise.
    EXPECT_LT(s, 10.0);
    EXPECT_EQ(g.countEntitiesByLabel().at("Document"), files.size());
}

TEST(Corpus, FactsOfTheProvincialPlan) {
    ExtractedGraph g = corpusGraph();
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Park", "三好街园区", "Industry", "人工智能"));
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Park", "金普新区", "Industry", "精细化工"));
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "中德园", "Country", "德国"));
    EXPECT_TRUE(hasRelation(g, "AFFILIATED_WITH", "Institute", "哈工大鞍山工研院", "University",
                            "哈尔滨工业大学"));
    // Short names found in 000 and the full name in 001 are one enterprise.
    long a = findEntity(g, "Enterprise", "忠旺");
    ASSERT_GE(a, 0);
    EXPECT_EQ(findEntity(g, "Enterprise", "辽宁忠旺集团有限公司"), a);
}

TEST(Corpus, FactsOfTheCityPlan) {
    ExtractedGraph g = corpusGraph();
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "辽阳市", "Institute", "中科院"));
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Region", "辽阳", "Industry", "芳烃及精细化工"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "市科技局", "培育国内一流的创新领军企业"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "高新技术产业开发区管委会", "创新高地引领工程"));
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "温州浙南产业集聚区财政局", "积极培育创投产业"));
}

TEST(Corpus, TraditionalDocumentMergesIntoTheSamePark) {
    ExtractedGraph g = corpusGraph();
    long park = findEntity(g, "Park", "大连高新区");
    ASSERT_GE(park, 0);
    EXPECT_EQ(findEntity(g, "Park", "大連高新區"), park);
    EXPECT_TRUE(hasRelation(g, "PART_OF", "Park", "大连高新区", "Zone", "沈大国家自主创新示范区"));
    bool both = false;
    for (const auto& r : g.relations) {
        if (r.type == "HOSTS" && r.start == static_cast<std::size_t>(park) &&
            g.entities[r.end].name == "海洋科技")
            both = r.sources.size() == 2;
    }
    EXPECT_TRUE(both);
}

TEST(Corpus, GbkCopyYieldsTheSameFacts) {
    std::string path = corpusPath("001_8eedf486895ac3e7.txt");
    std::string utf8 = readFile(path);
    auto a = extractor().extract("001", utf8);
    auto b = extractor().extract("001", toGb18030(utf8));
    ASSERT_TRUE(a.isOk() && b.isOk());
    EXPECT_EQ(b->encoding, "GB18030");
    const auto& ga = a->graph;
    const auto& gb = b->graph;
    ASSERT_EQ(ga.relations.size(), gb.relations.size());
    for (std::size_t i = 0; i < ga.relations.size(); ++i) {
        EXPECT_EQ(ga.relations[i].type, gb.relations[i].type);
        EXPECT_EQ(ga.entities[ga.relations[i].start].name, gb.entities[gb.relations[i].start].name);
        EXPECT_EQ(ga.entities[ga.relations[i].end].name, gb.entities[gb.relations[i].end].name);
    }
    EXPECT_GT(countRelations(gb, "LEADS"), 30u);
}

TEST(Corpus, EvidenceOffsetsPointAtTheOriginalBytes) {
    std::string path = corpusPath("004_657f7e85b939e0a6.txt");
    std::string bytes = readFile(path);
    auto d = extractor().extractFile(path);
    ASSERT_TRUE(d.isOk());
    std::size_t checked = 0;
    for (const auto& r : d->graph.relations) {
        for (const auto& ev : r.evidence) {
            ASSERT_LE(ev.end, bytes.size());
            ASSERT_LT(ev.begin, ev.end);
            std::string span = bytes.substr(ev.begin, ev.end - ev.begin);
            // The original is traditional script with annotations; its first character is the
            // evidence's first character as written.
            EXPECT_FALSE(span.empty());
            ++checked;
        }
    }
    EXPECT_GT(checked, 0u);
}

TEST(Corpus, BadFilesGiveClearErrors) {
    auto missing = extractor().extractFile("/nonexistent/doc.txt");
    ASSERT_FALSE(missing.isOk());
    EXPECT_NE(missing.status().message().find("/nonexistent/doc.txt"), std::string::npos);
    auto empty = extractor().extract("x", "");
    ASSERT_FALSE(empty.isOk());
    EXPECT_NE(empty.status().message().find("empty"), std::string::npos);
}
