// The lexicon tables: format, errors, and the built-in tables.

#include "innograph/extract/lexicon.h"

#include <gtest/gtest.h>

using namespace innograph::extract;

TEST(Lexicon, ParsesLabelsAliasesAbbreviationsAndWordLists) {
    auto r = Lexicon::fromTexts({{"t.txt", "# comment\n@label Country\n德国 德意志 ~德\n"
                                           "@label Region\n@kind city\n大連市 大连 # trad.\n"
                                           "@words conj\n和 及\n"}});
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const Lexicon& lex = *r.value();
    ASSERT_NE(lex.lookup(U"德意志"), nullptr);
    EXPECT_EQ(lex.lookup(U"德意志")->name, U"德国");
    EXPECT_EQ(lex.lookup(U"德"), nullptr); // abbreviations are for rules only
    ASSERT_NE(lex.lookupAbbreviation(U"德"), nullptr);
    // Entries are simplified like the text they are matched against.
    ASSERT_NE(lex.lookup(U"大连市"), nullptr);
    EXPECT_EQ(lex.lookup(U"大连市")->kind, "city");
    EXPECT_TRUE(lex.hasWord("conj", U"及"));
    const LexEntry* e = nullptr;
    EXPECT_EQ(lex.longestMatch(U"在大连市区", 1, &e), 3u);
}

TEST(Lexicon, ErrorsNameTheFileAndLine) {
    auto r = Lexicon::fromTexts({{"bad.txt", "@label Park\nX园\n@bogus 1\n"}});
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("bad.txt:3"), std::string::npos) << r.status().message();
    auto r2 = Lexicon::fromTexts({{"none.txt", "孤儿条目\n"}});
    ASSERT_FALSE(r2.isOk());
    EXPECT_NE(r2.status().message().find("none.txt:1"), std::string::npos);
}

TEST(Lexicon, BuiltinEqualsTheDataDirectory) {
    auto a = Lexicon::builtin();
    auto b = Lexicon::fromDirectory(INNOGRAPH_LEXICON_DIR);
    ASSERT_TRUE(a.isOk()) << a.status().message();
    ASSERT_TRUE(b.isOk()) << b.status().message();
    EXPECT_EQ(a.value()->size(), b.value()->size());
    EXPECT_GT(a.value()->size(), 300u);
    EXPECT_FALSE(a.value()->words("stop").empty());
    EXPECT_FALSE(Lexicon::fromDirectory("/nonexistent/lexicon").isOk());
}
