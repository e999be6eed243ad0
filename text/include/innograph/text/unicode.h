#pragma once

// The one Unicode layer of innograph: how every layer validates, decodes and encodes UTF-8, which
// characters count as white space or Han, how wide a character is on a terminal, and NFKC. Built
// on ICU, so every layer treats malformed input, spaces and widths the same way.
//
// Thread safety: every function is safe to call from any thread (pure, or reading ICU's
// immutable singletons).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::text {

inline constexpr std::size_t npos = std::string_view::npos;

// ---- UTF-8 --------------------------------------------------------------------------------

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms,
// no surrogates, nothing past U+10FFFF, no truncated sequence), or npos.
std::size_t firstInvalidUtf8(std::string_view s);
// firstInvalidUtf8(s) == npos, checked by simdjson's vectorised validator (the same rules); the
// writer checks every string it stores, evidence sentences included.
bool isValidUtf8(std::string_view s);

// The code point starting at byte `i`, advancing `i` past it. An ill-formed sequence yields
// U+FFFD and advances past its maximal well-formed prefix (at least one byte), as the Unicode
// standard recommends, so iteration always terminates.
char32_t nextCodePoint(std::string_view s, std::size_t& i);

// Whole-string conversions; ill-formed input decodes to U+FFFD per nextCodePoint.
std::u32string decodeUtf8(std::string_view s);
std::string encodeUtf8(std::u32string_view s);
// Appends one code point; surrogates and values past U+10FFFF are written as U+FFFD.
void appendUtf8(std::string& out, char32_t cp);
// Number of code points (ill-formed sequences count as one each, like decodeUtf8).
std::size_t codePointCount(std::string_view s);

// Strict decoding that keeps where each character came from: chars[k] was read from bytes
// [begin[k], end[k]) of the input. A leading byte-order mark is skipped. On ill-formed input
// `badAt` is the offset of the first bad byte and `multibyteBefore` how many well-formed
// multi-byte characters preceded it (a file that is plainly UTF-8 up to a damaged byte differs
// from one in another encoding).
struct Decoding {
    std::u32string chars;
    std::vector<std::uint32_t> begin, end;
    std::size_t badAt = npos;
    std::size_t multibyteBefore = 0;
    bool ok() const { return badAt == npos; }
};
using Utf8Decoding = Decoding;
Utf8Decoding decodeUtf8WithOffsets(std::string_view s);

// ---- Other encodings ----------------------------------------------------------------------

// Strict GB18030 decoding (which covers GBK and GB2312), with each character's byte span as in
// decodeUtf8WithOffsets; `badAt` is the offset of the first byte that is not GB18030
// (`multibyteBefore` is not counted).
Decoding decodeGb18030WithOffsets(std::string_view s);

// ---- Character classes --------------------------------------------------------------------

// Unicode White_Space, plus the invisible separators that web pages and office documents leave
// in text (zero-width space, word joiner, byte-order mark).
namespace detail {
// ICU's answers (through a table for the BMP); the inline functions below answer the common
// characters first and ask these for the rest. Tests compare the two on every code point.
bool whiteSpaceByIcu(char32_t c);
bool nfkcInertByIcu(char32_t c);
} // namespace detail
inline bool isWhiteSpace(char32_t c) {
    if (c == U' ')
        return true;
    // No White_Space character, nor the three invisible separators, lies above U+3000 but
    // U+FEFF: the cleaner asks for every character, most of them Han.
    if (c > 0x3000 && c != 0xFEFF)
        return false;
    return detail::whiteSpaceByIcu(c);
}
// Han ideographs (Unicode script Han: CJK unified and compatibility ideographs, 〇, 々).
bool isHan(char32_t c);
inline bool isAsciiDigit(char32_t c) {
    return c >= U'0' && c <= U'9';
}
inline bool isAsciiAlpha(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
// Punctuation or symbols (Unicode general categories P* and S*).
bool isPunctuation(char32_t c);
// Unicode Quotation_Mark.
bool isQuotationMark(char32_t c);
// Control or format characters (Cc, Cf).
bool isControlOrFormat(char32_t c);

// Columns a terminal gives the text: East Asian wide and fullwidth characters take two,
// combining marks none.
std::size_t displayWidth(std::u32string_view s);
std::size_t displayWidth(std::string_view utf8);

// Text without leading and trailing white space (isWhiteSpace).
std::u32string_view trim(std::u32string_view s);
std::string_view trim(std::string_view utf8);

// ---- Positions ----------------------------------------------------------------------------

// Where a byte of UTF-8 text lies as an editor shows it: 1-based line and column, lines ending
// at '\n', columns counting code points (an ill-formed sequence counts as one, as in
// decodeUtf8). A byte inside a character belongs to the column after it.
struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1;
};
LineColumn lineColumnAt(std::string_view s, std::size_t byteOffset);
// The byte offset at which the character at (line, column) begins (the end of the text for the
// column just past its last character), or npos when the text has no such place.
std::size_t byteOffsetAt(std::string_view s, std::size_t line, std::size_t column);

// ---- Normalisation ------------------------------------------------------------------------

// NFKC of UTF-8 text (fullwidth forms to ASCII, compatibility ideographs to their unified form);
// ill-formed input is decoded as by decodeUtf8 first.
std::string nfkc(std::string_view utf8);
// NFKC of one character, which may be several (㈠ → (一)). Inert characters come back as is.
std::u32string nfkc(char32_t c);
// True when NFKC leaves the character unchanged whatever surrounds it (fast path).
inline bool isNfkcInert(char32_t c) {
    // ASCII and the CJK Unified Ideographs (U+4E00-U+9FFF) never change under NFKC.
    if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF))
        return true;
    return detail::nfkcInertByIcu(c);
}
// Unicode default lower and upper case (full mappings: ß → SS) of UTF-8 text; ill-formed input
// is decoded as by decodeUtf8 first.
std::string toLower(std::string_view utf8);
std::string toUpper(std::string_view utf8);

} // namespace innograph::text
