#include "innograph/text/opencc.h"
#include "innograph/text/unicode.h"

#include <gtest/gtest.h>
#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/opencc.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace innograph::text {
namespace {

TEST(OpenCC, TraditionalBecomesSimplified) {
    ASSERT_TRUE(simplifiedConversionAvailable()) << "OpenCC's t2s data is missing";
    EXPECT_EQ(toSimplified(std::string_view("大連高新區")), "大连高新区");
    EXPECT_EQ(toSimplified(std::u32string_view(U"東北大學")), U"东北大学");
    EXPECT_EQ(toSimplified(std::string_view("大连高新区")), "大连高新区");
    EXPECT_EQ(toSimplified(std::string_view("RocksDB 1.0")), "RocksDB 1.0");
    EXPECT_EQ(toSimplified(std::string_view("")), "");
}

TEST(OpenCC, IllFormedInputComesBackUnchanged) {
    const std::string bad = "區\xff";
    EXPECT_NO_THROW(toSimplified(std::string_view(bad)));
}

TEST(OpenCC, ConvertsFromManyThreadsAtOnce) {
    std::vector<std::thread> threads;
    std::vector<std::string> results(8);
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] {
            std::string r;
            for (int i = 0; i < 200; ++i)
                r = toSimplified(std::string_view("遼寧省瀋陽市渾南區"));
            results[t] = r;
        });
    for (auto& th : threads)
        th.join();
    for (const auto& r : results)
        EXPECT_EQ(r, "辽宁省沈阳市浑南区");
}

// The shortcut (text without a character t2s could change is returned without OpenCC) must
// return what OpenCC returns, in both overloads.
void expectSameAsOpenCC(const std::string& s) {
    const std::string full = toSimplifiedAlways(s);
    EXPECT_EQ(toSimplified(std::string_view(s)), full) << s;
    if (isValidUtf8(s)) {
        const std::u32string chars = decodeUtf8(s);
        EXPECT_EQ(toSimplified(std::u32string_view(chars)), decodeUtf8(full)) << s;
        if (!simplificationMayChange(std::u32string_view(chars))) {
            EXPECT_EQ(full, s) << "OpenCC changes a text the shortcut skips";
        }
    }
    if (!simplificationMayChange(s)) {
        EXPECT_EQ(full, s) << "OpenCC changes a text the shortcut skips";
    }
}

TEST(OpenCCShortcut, ReadsWhatT2sChanges) {
    ASSERT_TRUE(simplifiedConversionAvailable());
    // TSCharacters changes ~4,100 characters alone; a few dozen phrases change only together.
    EXPECT_GT(simplificationTriggerCount(), 3000u);
    EXPECT_GT(simplificationPhraseOnlyKeys(), 10u);
}

TEST(OpenCCShortcut, SimplifiedTraditionalAndMixedText) {
    EXPECT_FALSE(simplificationMayChange("辽宁省沈阳市浑南区高新技术产业开发区"));
    EXPECT_FALSE(simplificationMayChange(std::u32string_view(U"辽宁省沈阳市浑南区")));
    EXPECT_TRUE(simplificationMayChange(std::u32string_view(U"遼寧省瀋陽市渾南區")));
    EXPECT_TRUE(simplificationMayChange(std::u32string_view(U"他沈默了")));
    EXPECT_TRUE(simplificationMayChange("遼寧省瀋陽市渾南區"));
    EXPECT_TRUE(simplificationMayChange("大连高新区與大連高新區"));
    for (const char* s : {"辽宁省沈阳市浑南区高新技术产业开发区", "遼寧省瀋陽市渾南區",
                          "大连高新区與大連高新區", "軟體園区和软件园", "RocksDB 1.0", "", "é"})
        expectSameAsOpenCC(s);
    EXPECT_EQ(toSimplified(std::string_view("大连高新区與大連高新區")), "大连高新区与大连高新区");
}

TEST(OpenCCShortcut, PhrasesWhoseCharactersDoNotChangeAlone) {
    // 沈 stays 沈 alone (沈阳) but 沈默 becomes 沉默; 覆 stays alone but 答覆 becomes 答复.
    EXPECT_EQ(toSimplifiedAlways("沈"), "沈");
    EXPECT_EQ(toSimplifiedAlways("沈默"), "沉默");
    EXPECT_FALSE(simplificationMayChange("沈阳市"));
    EXPECT_TRUE(simplificationMayChange("他沈默了"));
    EXPECT_TRUE(simplificationMayChange("书面答覆"));
    EXPECT_FALSE(simplificationMayChange("覆盖"));
    for (const char* s : {"他沈默了", "沈阳沈默", "沈", "默沈", "书面答覆。", "覆盖全省", "瞭解",
                          "一目瞭然", "反反覆覆", "藉此机会", "衹得"})
        expectSameAsOpenCC(s);
    EXPECT_EQ(toSimplified(std::u32string_view(U"沈阳沈默")), U"沈阳沉默");
}

TEST(OpenCCShortcut, NulAndIllFormedInputTakeOpenCCsPath) {
    const std::string nul("\xe5\xa4\xa7\0\xe5\x8d\x80", 7); // 大 NUL 區
    EXPECT_TRUE(simplificationMayChange(nul));
    expectSameAsOpenCC(nul);
    expectSameAsOpenCC(std::string("\xe5\xa4\xa7\xff"));
    expectSameAsOpenCC(std::string("\xe5\xa4\xa7\xed\xa0\x80")); // a surrogate
    const std::u32string lone = {U'\x5927', static_cast<char32_t>(0xD800)};
    EXPECT_EQ(toSimplified(std::u32string_view(lone)),
              decodeUtf8(toSimplifiedAlways(encodeUtf8(lone))));
}

TEST(OpenCCShortcut, EveryCharacterAlone) {
    std::size_t changed = 0;
    for (char32_t c = 0x80; c < 0x30000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        if (c == 0x10000)
            c = 0x20000; // the supplementary ideographic planes
        const std::string s = encodeUtf8(std::u32string(1, c));
        const std::string full = toSimplifiedAlways(s);
        changed += full != s ? 1 : 0;
        ASSERT_EQ(toSimplified(std::string_view(s)), full) << static_cast<unsigned>(c);
        if (!simplificationMayChange(s)) {
            ASSERT_EQ(full, s) << static_cast<unsigned>(c);
        }
    }
    EXPECT_GT(changed, 3000u);
}

// Every key and value of t2s's dictionaries, alone and between simplified characters.
TEST(OpenCCShortcut, EveryDictionaryEntry) {
    opencc::Config config;
    const opencc::ConverterPtr conv = config.NewFromFile("/usr/share/opencc/t2s.json");
    std::size_t n = 0;
    for (const auto& conversion : conv->GetConversionChain()->GetConversions()) {
        const opencc::LexiconPtr lexicon = conversion->GetDict()->GetLexicon();
        for (const auto& entry : *lexicon) {
            for (const std::string& s : {entry->Key(), entry->GetDefault()}) {
                expectSameAsOpenCC(s);
                expectSameAsOpenCC("在" + s + "中");
                ++n;
            }
        }
    }
    EXPECT_GT(n, 4000u);
}

// Every line of the corpus as it is (simplified), in traditional characters (OpenCC's s2t), and
// both on one line.
TEST(OpenCCShortcut, CorpusLinesSimplifiedTraditionalAndMixed) {
    opencc::SimpleConverter s2t("/usr/share/opencc/s2t.json");
    std::size_t lines = 0, skipped = 0;
    for (const auto& file : std::filesystem::directory_iterator(INNOGRAPH_CORPUS_DIR)) {
        if (file.path().extension() != ".txt")
            continue;
        std::ifstream in(file.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        if (!isValidUtf8(text))
            continue;
        std::istringstream ls(text);
        for (std::string line; std::getline(ls, line);) {
            const std::string trad = s2t.Convert(line);
            expectSameAsOpenCC(line);
            expectSameAsOpenCC(trad);
            expectSameAsOpenCC(line + trad);
            ++lines;
            skipped += simplificationMayChange(line) ? 0 : 1;
        }
    }
    EXPECT_GT(lines, 1000u);
    // Nearly every line of the genre is simplified already and skips OpenCC.
    EXPECT_GT(skipped * 10, lines * 9) << skipped << " of " << lines;
}

} // namespace
} // namespace innograph::text
