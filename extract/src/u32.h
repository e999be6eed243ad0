#pragma once

// Small helpers over UTF-32 text. The rules index the cleaned text by character, so every stage
// after decoding works on std::u32string and converts to UTF-8 only at the edges. Conversions and
// character classes are the project's one Unicode layer (innograph/text), named here for brevity.

#include "innograph/text/unicode.h"

#include <string>
#include <string_view>

namespace innograph::extract::u32 {

inline std::u32string fromUtf8(std::string_view utf8) {
    return text::decodeUtf8(utf8);
}
inline std::string toUtf8(std::u32string_view s) {
    return text::encodeUtf8(s);
}
inline std::u32string fromUtf8(const char* s) {
    return fromUtf8(std::string_view(s));
}

using text::isAsciiAlpha;
using text::isAsciiDigit;
using text::isHan;
inline bool isSpace(char32_t c) {
    return text::isWhiteSpace(c);
}
// Characters that can never be inside an entity name: punctuation, brackets, quotes, spaces.
bool isNameBreak(char32_t c);
// The Chinese numerals used by headings: 一 … 十, 百, 零, 两.
bool isChineseNumeral(char32_t c);

inline bool startsWith(std::u32string_view s, std::u32string_view p) {
    return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
inline bool endsWith(std::u32string_view s, std::u32string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
using text::trim;

} // namespace innograph::extract::u32
