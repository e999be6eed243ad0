#pragma once

// Small helpers over UTF-32 text. The rules index the cleaned text by character, so every stage
// after decoding works on std::u32string and converts to UTF-8 only at the edges.

#include <string>
#include <string_view>

namespace innograph::extract::u32 {

std::u32string fromUtf8(std::string_view utf8); // input must be valid UTF-8
std::string toUtf8(std::u32string_view text);
inline std::u32string fromUtf8(const char* s) {
    return fromUtf8(std::string_view(s));
}

bool isHan(char32_t c);
inline bool isAsciiDigit(char32_t c) {
    return c >= U'0' && c <= U'9';
}
inline bool isAsciiAlpha(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool isSpace(char32_t c);
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
std::u32string_view trim(std::u32string_view s);

} // namespace innograph::extract::u32
