#include "innograph/text/unicode.h"

#include <gtest/gtest.h>

namespace innograph::text {
namespace {

TEST(Utf8, WellFormedAndIllFormed) {
    EXPECT_TRUE(isValidUtf8("大连"));
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("\xf0\x9f\x98\x80")); // U+1F600
    EXPECT_FALSE(isValidUtf8("\xff"));
    EXPECT_FALSE(isValidUtf8("\xe5\xa4"));         // truncated sequence
    EXPECT_FALSE(isValidUtf8("\xc0\x80"));         // overlong
    EXPECT_FALSE(isValidUtf8("\xe0\x80\xaf"));     // overlong three-byte form
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80"));     // surrogate
    EXPECT_FALSE(isValidUtf8("\xf4\x90\x80\x80")); // past U+10FFFF
    EXPECT_EQ(firstInvalidUtf8("ab大\x80x"), 5u);
    EXPECT_EQ(firstInvalidUtf8("abc"), npos);
}

// Every three-byte sequence starting E0-EF (the validator's fast path takes some of them) is
// judged as the Unicode table of well-formed sequences says, alone and inside other text.
TEST(Utf8, EveryThreeByteSequenceJudgedAsTheStandardSays) {
    for (int lead = 0xE0; lead <= 0xEF; ++lead) {
        const int low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
        for (int b1 = 0; b1 < 256; ++b1) {
            for (int b2 = 0; b2 < 256; ++b2) {
                const bool wellFormed = b1 >= low && b1 <= high && b2 >= 0x80 && b2 <= 0xBF;
                std::string seq{static_cast<char>(lead), static_cast<char>(b1),
                                static_cast<char>(b2)};
                ASSERT_EQ(isValidUtf8(seq), wellFormed) << lead << " " << b1 << " " << b2;
                ASSERT_EQ(firstInvalidUtf8("a大" + seq + "b"), wellFormed ? npos : 4u)
                    << lead << " " << b1 << " " << b2;
            }
        }
        // Truncated at the end of the text.
        EXPECT_FALSE(isValidUtf8(std::string{static_cast<char>(lead), '\x80'}));
    }
}

TEST(Utf8, DecodingReplacesEachMaximalIllFormedPrefixOnce) {
    // The truncated three-byte sequence E5 A4 is one U+FFFD; the stray continuation byte another.
    EXPECT_EQ(decodeUtf8("a\xe5\xa4"
                         "b\x80"),
              U"a\uFFFDb\uFFFD");
    EXPECT_EQ(decodeUtf8("大連"), U"大連");
    EXPECT_EQ(codePointCount("a\xe5\xa4"
                             "b\x80"),
              4u);
    EXPECT_EQ(codePointCount("大连高新区"), 5u);
}

TEST(Utf8, EncodingRoundTripsAndRefusesSurrogates) {
    const std::u32string s = U"R&D 大连 \U0001F600";
    EXPECT_EQ(decodeUtf8(encodeUtf8(s)), s);
    std::string out;
    appendUtf8(out, 0xD800);
    appendUtf8(out, 0x110000);
    EXPECT_EQ(out, "\xef\xbf\xbd\xef\xbf\xbd");
}

TEST(Utf8, OffsetsPointIntoTheInputAndSkipTheByteOrderMark) {
    auto d = decodeUtf8WithOffsets("\xEF\xBB\xBF"
                                   "a大b");
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d.chars, U"a大b");
    EXPECT_EQ(d.begin, (std::vector<std::uint32_t>{3, 4, 7}));
    EXPECT_EQ(d.end, (std::vector<std::uint32_t>{4, 7, 8}));
    EXPECT_EQ(d.multibyteBefore, 1u);
    auto bad = decodeUtf8WithOffsets("大连\xff");
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(bad.badAt, 6u);
    EXPECT_EQ(bad.multibyteBefore, 2u);
}

TEST(Utf8, OffsetDecodingAgreesWithDecodingOnEveryKindOfSequence) {
    // The three-byte fast path (lead bytes E1-EC, EE-EF) against ICU's reader for the rest:
    // E0 and ED restrict their second byte, ill-formed and cut sequences stop the decoding.
    const std::string ok = "a\xC3\xA9\xE0\xA4\x85\xE4\xB8\x80\xED\x9F\xBF\xEF\xBF\xBF"
                           "\xF0\x9F\x98\x80z";
    auto d = decodeUtf8WithOffsets(ok);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d.chars, decodeUtf8(ok));
    EXPECT_EQ(d.chars, U"a\u00E9\u0905\u4E00\uD7FF\uFFFF\U0001F600z");
    EXPECT_EQ(d.begin, (std::vector<std::uint32_t>{0, 1, 3, 6, 9, 12, 15, 19}));
    EXPECT_EQ(d.end, (std::vector<std::uint32_t>{1, 3, 6, 9, 12, 15, 19, 20}));
    EXPECT_EQ(d.multibyteBefore, 6u);
    for (const std::string& bad : {std::string("\xE4\xB8"), std::string("\xED\xA0\x80"),
                                   std::string("\xE0\x80\x80"), std::string("\xE4\x41\x80")}) {
        auto b = decodeUtf8WithOffsets("\xE5\xA4\xA7" + bad);
        EXPECT_FALSE(b.ok());
        EXPECT_EQ(b.badAt, 3u);
        EXPECT_EQ(b.chars, U"大");
    }
}

TEST(Classes, InlineShortcutsAgreeWithIcuOnEveryCodePoint) {
    // isWhiteSpace and isNfkcInert answer Han and most other characters without ICU; ICU's
    // answer must be the same for every code point.
    std::size_t white = 0, inert = 0;
    for (char32_t c = 0; c < 0x110000; ++c) {
        white += isWhiteSpace(c) != detail::whiteSpaceByIcu(c);
        inert += isNfkcInert(c) != detail::nfkcInertByIcu(c);
    }
    EXPECT_EQ(white, 0u);
    EXPECT_EQ(inert, 0u);
    EXPECT_TRUE(isWhiteSpace(0x3000));
    EXPECT_TRUE(isWhiteSpace(0xFEFF));
    EXPECT_FALSE(isNfkcInert(0xF900)); // a compatibility ideograph
}

TEST(Utf8, ValidationAgreesWithTheDecoderOnEveryShortSequence) {
    // isValidUtf8 (simdjson) against firstInvalidUtf8 (ICU's rules): every one- and two-byte
    // string, every three-byte string with a lead byte of E0-EF or F0-F4, and four-byte strings
    // from F0-F4 leads over the continuation-byte boundaries, each also behind a Han character.
    auto agree = [](const std::string& s) {
        const bool icu = firstInvalidUtf8(s) == npos;
        if (isValidUtf8(s) != icu)
            return false;
        const std::string han = "\xE5\xA4\xA7" + s;
        return isValidUtf8(han) == (firstInvalidUtf8(han) == npos);
    };
    std::size_t disagreements = 0;
    for (int a = 0; a < 256; ++a) {
        disagreements += !agree(std::string(1, static_cast<char>(a)));
        for (int b = 0; b < 256; ++b)
            disagreements += !agree({static_cast<char>(a), static_cast<char>(b)});
    }
    for (int a = 0xE0; a <= 0xF4; ++a)
        for (int b = 0; b < 256; ++b)
            for (int c = 0; c < 256; ++c)
                disagreements +=
                    !agree({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
    const int edges[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    for (int a = 0xF0; a <= 0xF5; ++a)
        for (int b : edges)
            for (int c : edges)
                for (int d : edges)
                    disagreements += !agree({static_cast<char>(a), static_cast<char>(b),
                                             static_cast<char>(c), static_cast<char>(d)});
    EXPECT_EQ(disagreements, 0u);
    EXPECT_TRUE(isValidUtf8(std::string("a\0b", 3)));
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));     // a surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));         // overlong
}

TEST(Utf8, EncodingWritesEveryLengthAndReplacesWhatIsNoScalarValue) {
    EXPECT_EQ(encodeUtf8(U"a\u00E9\u4E00\U0001F600"), "a\xC3\xA9\xE4\xB8\x80\xF0\x9F\x98\x80");
    const char32_t odd[] = {0xDFFF, 0x110000, U'b'};
    EXPECT_EQ(encodeUtf8(std::u32string_view(odd, 3)), "\xEF\xBF\xBD\xEF\xBF\xBD"
                                                       "b");
    EXPECT_EQ(encodeUtf8(U""), "");
}

TEST(Positions, LinesAndColumnsCountCharactersNotBytes) {
    const std::string_view s = "ab\n大c\n";
    auto at = [&](std::size_t offset) {
        auto p = lineColumnAt(s, offset);
        return std::make_pair(p.line, p.column);
    };
    EXPECT_EQ(at(0), std::make_pair(std::size_t{1}, std::size_t{1}));
    EXPECT_EQ(at(2), std::make_pair(std::size_t{1}, std::size_t{3}));
    EXPECT_EQ(at(3), std::make_pair(std::size_t{2}, std::size_t{1}));
    EXPECT_EQ(at(6), std::make_pair(std::size_t{2}, std::size_t{2})); // c, after 大's 3 bytes
    EXPECT_EQ(at(4), at(6)); // a byte inside 大 belongs to the column after it
    EXPECT_EQ(at(100), std::make_pair(std::size_t{3}, std::size_t{1}));
    EXPECT_EQ(byteOffsetAt(s, 2, 2), 6u);
    EXPECT_EQ(byteOffsetAt(s, 2, 3), 7u); // just past the line's last character
    EXPECT_EQ(byteOffsetAt(s, 1, 3), 2u);
    EXPECT_EQ(byteOffsetAt(s, 2, 4), npos);
    EXPECT_EQ(byteOffsetAt(s, 4, 1), npos);
    EXPECT_EQ(byteOffsetAt(s, 0, 1), npos);
    for (std::size_t offset : {0, 2, 3, 6, 7}) {
        auto p = lineColumnAt(s, offset);
        EXPECT_EQ(byteOffsetAt(s, p.line, p.column), offset);
    }
    // An ill-formed byte is one column, as decodeUtf8 makes it one U+FFFD.
    EXPECT_EQ(lineColumnAt("a\xff"
                           "b",
                           2)
                  .column,
              3u);
    EXPECT_EQ(byteOffsetAt("a\xff"
                           "b",
                           1, 3),
              2u);
}

TEST(Classes, WhiteSpaceIncludesIdeographicAndInvisibleSeparators) {
    for (char32_t c :
         {U' ', U'\t', U'\n', char32_t{0xA0}, char32_t{0x3000}, char32_t{0x200B}, char32_t{0xFEFF}})
        EXPECT_TRUE(isWhiteSpace(c)) << static_cast<unsigned>(c);
    EXPECT_FALSE(isWhiteSpace(U'大'));
    EXPECT_FALSE(isWhiteSpace(U'_'));
    EXPECT_EQ(trim(std::u32string_view(U"\u3000 大连\t")), U"大连");
    EXPECT_EQ(trim(std::string_view("\xe3\x80\x80 大连 \xe2\x80\x8b")), "大连");
    EXPECT_EQ(trim(std::string_view("  ")), "");
}

TEST(Classes, HanPunctuationAndQuotes) {
    EXPECT_TRUE(isHan(U'大'));
    EXPECT_TRUE(isHan(U'區'));
    EXPECT_TRUE(isHan(U'〇'));
    EXPECT_FALSE(isHan(U'a'));
    EXPECT_FALSE(isHan(U'。'));
    EXPECT_TRUE(isPunctuation(U'。'));
    EXPECT_TRUE(isPunctuation(U'、'));
    EXPECT_TRUE(isPunctuation(U'+'));
    EXPECT_FALSE(isPunctuation(U'大'));
    EXPECT_TRUE(isQuotationMark(U'“'));
    EXPECT_TRUE(isQuotationMark(U'"'));
    EXPECT_FALSE(isQuotationMark(U'('));
}

TEST(Widths, WideCharactersTakeTwoColumnsAndMarksNone) {
    EXPECT_EQ(displayWidth(std::u32string_view(U"abc")), 3u);
    EXPECT_EQ(displayWidth(std::u32string_view(U"大连")), 4u);
    EXPECT_EQ(displayWidth(std::string_view("大连ab")), 6u);
    EXPECT_EQ(displayWidth(std::u32string_view(U"（）")), 4u); // fullwidth forms
    EXPECT_EQ(displayWidth(std::u32string_view(U"e\u0301")), 1u);
}

TEST(Normalisation, NfkcFoldsWidthAndCompatibilityForms) {
    EXPECT_EQ(nfkc("ＲＯＣＫＳ１２３"), "ROCKS123");
    EXPECT_EQ(nfkc("（一）"), "(一)");
    EXPECT_EQ(nfkc(U'㈠'), U"(一)");
    EXPECT_EQ(nfkc(U'大'), U"大");
    EXPECT_TRUE(isNfkcInert(U'大'));
    EXPECT_FALSE(isNfkcInert(U'Ａ'));
    EXPECT_EQ(toLower("RocksDB ÄÖ"), "rocksdb äö");
    EXPECT_EQ(toUpper("straße ä"), "STRASSE Ä");
    // Ill-formed input does not throw or vanish: it becomes U+FFFD.
    EXPECT_EQ(nfkc("a\xff"), "a\xef\xbf\xbd");
}

} // namespace
} // namespace innograph::text
