// jieba's dictionary as the extractor reads it: loading, errors, segmentation, and the lead
// word in front of a list that it finds where no hand-kept list names the verb.

#include "innograph/extract/word_dictionary.h"
#include "innograph/text/unicode.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace innograph::extract;
using namespace innograph::extract::testing;

namespace {

std::string writeTemp(const std::string& name, const std::string& text) {
    std::string path = ::testing::TempDir() + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::vector<std::u32string> words(const WordDictionary& d, std::u32string_view s) {
    std::vector<std::u32string> out;
    std::size_t b = 0;
    for (std::size_t e : d.segment(s)) {
        out.emplace_back(s.substr(b, e - b));
        b = e;
    }
    return out;
}

} // namespace

TEST(WordDictionary, MissingFileNamesItAndWhatToInstall) {
    auto r = WordDictionary::load("/nonexistent/dict.txt");
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("/nonexistent/dict.txt"), std::string::npos);
    EXPECT_NE(r.status().message().find("python3-jieba"), std::string::npos);
}

TEST(WordDictionary, MalformedLineNamesFileAndLine) {
    auto path = writeTemp("bad_dict.txt", "发展 100 vn\n新能源 twelve n\n");
    auto r = WordDictionary::load(path);
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("bad_dict.txt:2"), std::string::npos);
    std::remove(path.c_str());
}

TEST(WordDictionary, MaximumProbabilityRouteAndUnknownCharacters) {
    auto path = writeTemp("small_dict.txt", "发展 1000 vn\n新能源 50 n\n新 10 a\n能源 40 n\n"
                                            "汽车 80 n\n新能源汽车 1 n\n");
    auto r = WordDictionary::load(path);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const auto& d = *r.value();
    EXPECT_EQ(d.size(), 6u);
    // 新能源汽车 (1 in 1181) is less likely than 新能源 (50) followed by 汽车 (80).
    EXPECT_EQ(words(d, U"发展新能源汽车"),
              (std::vector<std::u32string>{U"发展", U"新能源", U"汽车"}));
    // Characters the dictionary does not know stand alone.
    EXPECT_EQ(words(d, U"发展锂电"), (std::vector<std::u32string>{U"发展", U"锂", U"电"}));
    ASSERT_NE(d.find(U"发展"), nullptr);
    EXPECT_EQ(d.find(U"发展")->tagName(), "vn");
    EXPECT_EQ(d.find(U"锂电"), nullptr);
    std::remove(path.c_str());
}

TEST(WordDictionary, LongWordsAreFoundPastPrefixesThatAreNoWords) {
    // The search at a position stops once no entry starts with the characters read so far, and
    // only then: 新能源汽车 is found though neither 新能 nor 新能源 is a word (新能源 is listed
    // with frequency 0, which counts as absent), and 汽 (absent) does not stop it.
    auto path = writeTemp("prefix_dict.txt", "新 10 a\n新能源 0 n\n新能源汽车 500 n\n车 5 n\n");
    auto r = WordDictionary::load(path);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const auto& d = *r.value();
    EXPECT_EQ(words(d, U"新能源汽车"), (std::vector<std::u32string>{U"新能源汽车"}));
    EXPECT_EQ(words(d, U"新能源汽"), (std::vector<std::u32string>{U"新", U"能", U"源", U"汽"}));
    EXPECT_EQ(d.find(U"新能源"), nullptr);
    std::remove(path.c_str());
}

TEST(WordDictionary, DebianDictionaryIsThere) {
    auto r = WordDictionary::shared();
    ASSERT_TRUE(r.isOk()) << r.status().message();
    EXPECT_GT(r.value()->size(), 300000u);
    const auto* w = r.value()->find(U"推进");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->tagName(), "v");
}

// 掌握 is in no hand-kept list of lead verbs; the dictionary tags it a frequent verb, so it is
// no part of the first item, and 节能 (an infrequent verb) stays in 节能环保.
TEST(WordDictionary, LeadVerbsOfListsComeFromTheDictionary) {
    auto doc = extractText("inv_lead", "江西省产业方案\n"
                                       "一、重点任务\n"
                                       "1.壮大产业。九江高新区重点发展节能环保、锂电材料等产业。"
                                       "萍乡高新区重点发展开拓储能装备、特种陶瓷等产业。\n");
    const auto& g = doc.graph;
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Park", "九江高新区", "Industry", "节能环保"));
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Park", "萍乡高新区", "Industry", "储能装备"));
    EXPECT_FALSE(hasRelation(g, "HOSTS", "Park", "萍乡高新区", "Industry", "开拓储能装备"));
}

// Words in no order, listed twice or more, sharing long prefixes (the loader sorts by a word's
// first eight bytes before the whole word): each word has the frequency and tag of its last line.
TEST(WordDictionary, EveryWordKeepsItsLastLine) {
    const std::vector<std::string> alphabet = {"a", "b", "\xc3\xa9", "人", "工", "智", "能", "产"};
    std::string text;
    std::map<std::string, std::pair<std::uint32_t, std::string>> expected;
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) & 0x7fff;
    };
    for (int line = 0; line < 3000; ++line) {
        std::string word;
        const unsigned len = 1 + next() % 6;
        for (unsigned k = 0; k < len; ++k)
            word += alphabet[next() % (k < 3 ? 2 : alphabet.size())];
        const std::uint32_t freq = 1 + next() % 1000;
        const std::string tag = next() % 2 ? "n" : "vn";
        text += word + " " + std::to_string(freq) + " " + tag + "\n";
        expected[word] = {freq, tag};
    }
    auto path = writeTemp("shuffled_dict.txt", text);
    auto r = WordDictionary::load(path);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const auto& d = *r.value();
    EXPECT_EQ(d.size(), expected.size());
    ASSERT_GT(expected.size(), 500u);
    ASSERT_LT(expected.size(), 2900u); // many words come twice or more
    for (const auto& [word, last] : expected) {
        const auto* w = d.find(innograph::text::decodeUtf8(word));
        ASSERT_NE(w, nullptr) << word;
        EXPECT_EQ(w->freq, last.first) << word;
        EXPECT_EQ(w->tagName(), last.second) << word;
    }
    EXPECT_EQ(d.find(U"人工智能产业园区"), nullptr);
    std::remove(path.c_str());
}
