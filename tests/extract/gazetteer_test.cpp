// The gazetteer tables (data/lexicon/gazetteer-*.txt, made by scripts/gen-lexicon): names from
// reference lists, their key=value reference data, and the facts recorded from them only with
// `sources` naming the list and only for entities a document mentions.

#include "test_support.h"

#include "innograph/extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>

using namespace innograph::extract;
using namespace innograph::extract::testing;

namespace {

const Relation* relation(const ExtractedGraph& g, std::string_view type, long from, long to) {
    for (const auto& r : g.relations)
        if (r.type == type && static_cast<long>(r.start) == from && static_cast<long>(r.end) == to)
            return &r;
    return nullptr;
}

std::string stringProperty(const Entity& e, const std::string& key) {
    auto it = e.properties.find(key);
    return it == e.properties.end() || !it->second.isString() ? std::string()
                                                              : it->second.asString();
}

} // namespace

TEST(GazetteerLexicon, KeyValueWordsAreReferenceDataNotAliases) {
    auto lex = Lexicon::fromTexts({{"t.txt", "@label Region\n@source gazetteer:test\n@kind city\n"
                                             "甲乙市 甲乙 adcode=990100 in=丙丁省\n"}});
    ASSERT_TRUE(lex.isOk()) << lex.status().message();
    const LexEntry* e = (*lex)->lookup(U"甲乙");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->prop("adcode"), "990100");
    EXPECT_EQ(e->prop("in"), "丙丁省");
    EXPECT_EQ(e->source, "gazetteer:test");
    EXPECT_EQ((*lex)->lookup(U"adcode=990100"), nullptr);
    EXPECT_EQ(e->aliases.size(), 1u);
}

TEST(GazetteerLexicon, MalformedKeyValueIsAnErrorNamingTheLine) {
    auto lex = Lexicon::fromTexts({{"t.txt", "@label Region\n甲乙市 =990100\n"}});
    ASSERT_FALSE(lex.isOk());
    EXPECT_NE(lex.status().message().find("t.txt:2"), std::string::npos) << lex.status().message();
}

TEST(GazetteerLexicon, BuiltinTablesKnowDivisionsUniversitiesAndZones) {
    auto lex = Lexicon::builtin();
    ASSERT_TRUE(lex.isOk());
    const LexEntry* jinan = (*lex)->lookup(U"济南");
    ASSERT_NE(jinan, nullptr);
    EXPECT_EQ(jinan->name, U"济南市");
    EXPECT_EQ(jinan->kind, "city");
    EXPECT_EQ(jinan->prop("adcode"), "370100");
    // A higher level claims a bare name: 河北 is the province, not Tianjin's 河北区.
    const LexEntry* hebei = (*lex)->lookup(U"河北");
    ASSERT_NE(hebei, nullptr);
    EXPECT_EQ(hebei->name, U"河北省");
    // Ordinary words get no bare alias: 大同 alone is not 大同市.
    EXPECT_EQ((*lex)->lookup(U"大同"), nullptr);
    ASSERT_NE((*lex)->lookup(U"大同市"), nullptr);
    const LexEntry* sdu = (*lex)->lookup(U"山东大学");
    ASSERT_NE(sdu, nullptr);
    EXPECT_EQ(sdu->label, "University");
    const LexEntry* weifang = (*lex)->lookup(U"潍坊高新技术产业开发区");
    ASSERT_NE(weifang, nullptr);
    EXPECT_EQ(weifang->name, U"潍坊高新区");
}

TEST(GazetteerFacts, ListFactsCarryTheListAsSourceAndOnlyForMentionedEntities) {
    auto d = extractText("gaz-doc", "山东省潍坊市科技创新工作要点\n"
                                    "支持潍坊高新区和中关村科技园区建设,深化与山东大学的合作。\n");
    const ExtractedGraph& g = d.graph;
    // A park whose name gives no city is placed by the list, with the list as source.
    long zgc = findEntity(g, "Park", "中关村科技园区");
    long beijing = findEntity(g, "Region", "北京市");
    ASSERT_GE(zgc, 0);
    ASSERT_GE(beijing, 0);
    const Relation* r = relation(g, "LOCATED_IN", zgc, beijing);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->sources, std::vector<std::string>{"gazetteer:national-hitech-zones"});
    // One the document places in its city keeps that more precise place alone.
    long park = findEntity(g, "Park", "潍坊高新区");
    long weifang = findEntity(g, "Region", "潍坊市");
    ASSERT_GE(park, 0);
    ASSERT_GE(weifang, 0);
    EXPECT_NE(relation(g, "LOCATED_IN", park, weifang), nullptr);
    long shandong = findEntity(g, "Region", "山东省");
    EXPECT_TRUE(shandong < 0 || relation(g, "LOCATED_IN", park, shandong) == nullptr);
    long sdu = findEntity(g, "University", "山东大学");
    long jinan = findEntity(g, "Region", "济南市");
    ASSERT_GE(sdu, 0);
    ASSERT_GE(jinan, 0);
    const Relation* u = relation(g, "LOCATED_IN", sdu, jinan);
    ASSERT_NE(u, nullptr);
    EXPECT_EQ(u->sources, std::vector<std::string>{"gazetteer:universities"});
    // Regions carry their kind and adcode for the map.
    EXPECT_EQ(stringProperty(g.entities[jinan], "adcode"), "370100");
    EXPECT_EQ(stringProperty(g.entities[jinan], "kind"), "city");
    // No fact about a park or university the document does not name, and no list fact claims
    // a document as its source.
    EXPECT_LT(findEntity(g, "Park", "济南高新区"), 0);
    for (const auto& rel : g.relations)
        if (rel.type == "LOCATED_IN" && rel.evidence.empty()) {
            for (const auto& s : rel.sources) {
                EXPECT_EQ(s.rfind("gazetteer:", 0), 0u) << s;
            }
        }
}

TEST(GazetteerFacts, BareCountyNamesCountOnlyInTheirOwnProvince) {
    // 鹿泉 is 鹿泉区 of 石家庄 in a Hebei plan; in a plan from Shandong it is nothing.
    auto hebei = extractText("gaz-hebei", "河北省县域经济工作方案\n支持鹿泉发展电子信息。\n");
    EXPECT_GE(findEntity(hebei.graph, "Region", "鹿泉区"), 0);
    auto shandong = extractText("gaz-shandong", "山东省县域经济工作方案\n支持鹿泉发展电子信息。\n");
    EXPECT_LT(findEntity(shandong.graph, "Region", "鹿泉区"), 0);
}
