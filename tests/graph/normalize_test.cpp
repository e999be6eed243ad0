#include "innograph/graph/graph_store.h"

#include <gtest/gtest.h>

namespace innograph::graph {
namespace {

TEST(Normalize, ScriptWidthSpacesAndQuotesFold) {
    const std::string want = normalizeName("大连高新区");
    EXPECT_EQ(want, "大连高新区");
    EXPECT_EQ(normalizeName("大連高新區"), want);
    EXPECT_EQ(normalizeName("＂大连高新区＂"), want);
    EXPECT_EQ(normalizeName(" 大连 高新区\t"), want);
    EXPECT_EQ(normalizeName("“大連 高新區”"), want);
}

TEST(Normalize, LatinFoldsWidthAndCase) {
    EXPECT_EQ(normalizeName("ＲＯＣＫＳ Db"), "rocksdb");
    EXPECT_EQ(normalizeName("R&D"), "r&d");
}

TEST(Normalize, AsciiFastPathAgreesWithTheGeneralPath) {
    // Plain ASCII skips ICU and OpenCC; a CJK prefix forces the general path on the same text,
    // so every ASCII character must fold the same way on both.
    const std::string cjk = "中";
    for (int c = 0; c < 0x80; ++c) {
        std::string text = std::string("Ab") + static_cast<char>(c) + "Z9";
        EXPECT_EQ(cjk + normalizeName(text), normalizeName(cjk + text)) << "character " << c;
    }
    EXPECT_EQ(normalizeName(" Enterprise \"42\"\t'x' "), "enterprise42x");
}

TEST(Normalize, DifferentNamesStayDifferent) {
    EXPECT_NE(normalizeName("大连高新区"), normalizeName("大连金普新区"));
    EXPECT_EQ(normalizeName(""), "");
    EXPECT_EQ(normalizeName("   "), "");
}

} // namespace
} // namespace innograph::graph
