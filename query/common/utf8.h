#pragma once

// Code-point level helpers: Cypher counts string lengths and offsets in code points, not bytes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::query {

void appendUtf8(std::string& out, char32_t cp);
std::u32string decodeUtf8(std::string_view s);
std::string encodeUtf8(std::u32string_view s);
std::size_t codePointCount(std::string_view s);
// Columns a terminal gives the text: East Asian wide characters take two.
std::size_t displayWidth(std::u32string_view s);

// Damerau-Levenshtein distance over code points, case-insensitive for ASCII.
std::size_t editDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` if it is close enough to be a plausible misspelling.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

} // namespace innograph::query
