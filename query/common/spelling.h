#pragma once

// Did-you-mean suggestions: which known word a misspelt keyword, label or name was meant to be.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::query {

// Damerau-Levenshtein distance over code points, case-insensitive for ASCII.
std::size_t editDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` if it is close enough to be a plausible misspelling.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

} // namespace innograph::query
