// jieba's dictionary as the extractor reads it: loading, errors, segmentation, and the lead
// word in front of a list that it finds where no hand-kept list names the verb.

#include "innograph/extract/word_dictionary.h"
#include "innograph/text/unicode.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
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

namespace {

// jieba's route computed the plain way: every length at every position looked up on its own.
std::vector<std::size_t> plainRoute(const WordDictionary& d, double logTotal,
                                    std::u32string_view text) {
    const std::size_t n = text.size();
    std::vector<std::pair<double, std::size_t>> route(n + 1, {0.0, n});
    for (std::size_t k = n; k-- > 0;) {
        route[k] = {-1e300, k + 1};
        for (std::size_t len = 1; k + len <= n; ++len) {
            const auto* w = d.find(text.substr(k, len));
            double f = w ? w->freq : 0.0;
            if (f != 0 || len == 1) {
                double score = std::log(f > 0 ? f : 1.0) - logTotal + route[k + len].first;
                if (score > route[k].first)
                    route[k] = {score, k + len};
            }
        }
    }
    std::vector<std::size_t> ends;
    for (std::size_t k = 0; k < n; k = route[k].second)
        ends.push_back(route[k].second);
    return ends;
}

} // namespace

// The search at a position keeps to the words starting with its character: characters past the
// BMP, and code points that are no character (looked up as U+FFFD, as they are written), find
// their words as every other does.
TEST(WordDictionary, SegmentationFindsWordsOfEveryStartingCharacter) {
    auto path = writeTemp("planes_dict.txt", "\xf0\xa0\x80\x80\xe5\x9b\xad 100 n\n" // 𠀀园
                                             "\xef\xbf\xbd\xe5\x9b\xad 50 n\n"      // U+FFFD 园
                                             "园区 80 n\n区 5 n\n");
    auto r = WordDictionary::load(path);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const auto& d = *r.value();
    EXPECT_EQ(words(d, U"\U00020000园区"), (std::vector<std::u32string>{U"\U00020000园", U"区"}));
    std::u32string lone{char32_t{0xD800}, U'园', U'区'};
    EXPECT_EQ(d.segment(lone), (std::vector<std::size_t>{2, 3}));
    EXPECT_EQ(words(d, U"\uFFFD园区"), (std::vector<std::u32string>{U"\uFFFD园", U"区"}));
    std::remove(path.c_str());
}

// The segmentation of a whole plan with Debian's dictionary is the route found by looking up
// every length at every position.
TEST(WordDictionary, SegmentationEqualsThePlainRoute) {
    auto r = WordDictionary::shared();
    ASSERT_TRUE(r.isOk()) << r.status().message();
    std::ifstream in(WordDictionary::defaultPath(), std::ios::binary);
    double total = 0;
    for (std::string word, freq, rest; in >> word >> freq && std::getline(in, rest);)
        total += std::stod(freq);
    ASSERT_GT(total, 0);
    const std::u32string text = innograph::text::decodeUtf8(
        readFile(corpusPath("hebei_gaoxinqu_gaozhiliang_shishiyijian_2020.txt")));
    ASSERT_GT(text.size(), 1000u);
    // In windows of 16 characters, as the rules ask, and a long one.
    for (std::size_t b = 0; b + 16 <= text.size(); b += 7) {
        std::u32string_view w = std::u32string_view(text).substr(b, 16);
        ASSERT_EQ(r.value()->segment(w), plainRoute(*r.value(), std::log(total), w)) << b;
    }
    std::u32string_view head = std::u32string_view(text).substr(0, 400);
    EXPECT_EQ(r.value()->segment(head), plainRoute(*r.value(), std::log(total), head));
}
