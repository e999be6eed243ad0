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

// The longest name or alias at a position, of two characters or more; the first table to name
// a string keeps it; names starting past the BMP are found like any other.
TEST(Lexicon, LongestMatchIsTheLongestNameOfTwoCharactersOrMore) {
    auto r = Lexicon::fromTexts({{"a.txt", "@label Region\n大连市 大连\n沈 沈阳\n"
                                           "@label Park\n大连高新技术产业开发区 大连高新区\n"
                                           "\U00020000园 \U00020000园区\n"},
                                 {"b.txt", "@label Zone\n大连高新区\n"}});
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const Lexicon& lex = *r.value();
    const LexEntry* e = nullptr;
    EXPECT_EQ(lex.longestMatch(U"在大连高新区内", 1, &e), 5u);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->label, "Park");
    EXPECT_EQ(lex.longestMatch(U"大连高新技术", 0, &e), 2u); // no name ends inside the rest
    EXPECT_EQ(e->name, U"大连市");
    EXPECT_EQ(lex.longestMatch(U"大连", 0, &e), 2u);
    EXPECT_EQ(lex.longestMatch(U"大", 0, &e), 0u);
    EXPECT_EQ(lex.longestMatch(U"沈阳", 0, &e), 2u);
    EXPECT_EQ(lex.longestMatch(U"沈丘", 0, &e), 0u); // 沈 alone is never matched
    EXPECT_EQ(lex.longestMatch(U"\U00020000园区", 0, &e), 3u);
    EXPECT_EQ(lex.longestMatch(U"x\U00020000园", 1, &e), 2u);
    EXPECT_EQ(lex.longestMatch(U"大连", 2, &e), 0u);
}

// At every position of a plan, longestMatch finds what looking up every length finds.
TEST(Lexicon, LongestMatchEqualsLookingUpEveryLength) {
    auto lex = Lexicon::builtin();
    ASSERT_TRUE(lex.isOk()) << lex.status().message();
    std::u32string text;
    for (std::size_t i = 0; i < lex.value()->entries().size(); i += 3) {
        const LexEntry& entry = lex.value()->entries()[i];
        text += entry.name.substr(0, entry.name.size() - i % 2); // some cut short
        text += i % 5 ? U"和" : U"的";
    }
    std::size_t found = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        std::size_t longest = 0;
        const LexEntry* expected = nullptr;
        for (std::size_t n = 2; pos + n <= text.size() && n <= 40; ++n)
            if (const LexEntry* e = lex.value()->lookup(std::u32string_view(text).substr(pos, n)))
                longest = n, expected = e;
        const LexEntry* e = nullptr;
        ASSERT_EQ(lex.value()->longestMatch(text, pos, &e), longest) << pos;
        if (longest > 0) {
            EXPECT_EQ(e, expected) << pos;
            ++found;
        }
    }
    EXPECT_GT(found, 1000u);
}
