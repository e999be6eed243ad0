#pragma once

// The one OpenCC wrapper of innograph: traditional Chinese to simplified (OpenCC's t2s tables,
// phrase-level). Entity names are stored in simplified Chinese, so the extractor, the name index
// and the query engine all fold scripts here.
//
// Thread safety: safe from any thread. Each thread gets its own converter, loaded on first use
// (a few milliseconds), so conversions never wait on a lock. The set of characters that t2s can
// change is read once per process from t2s's dictionaries (first use, thread-safe); a text with
// none of them is returned without going through OpenCC, so simplified text costs one scan.

#include <cstddef>
#include <string>
#include <string_view>

namespace innograph::text {

// Whether OpenCC's t2s data could be loaded. Without it, toSimplified returns its input.
bool simplifiedConversionAvailable();

// Traditional → simplified; text without traditional characters comes back unchanged. The result
// may differ in length from the input where OpenCC rewrites a phrase (for example 軟體 → 软件).
std::string toSimplified(std::string_view utf8);
std::u32string toSimplified(std::u32string_view text);

// The same conversion without the shortcut: every text with a character of three UTF-8 bytes or
// more goes through OpenCC. Always returns what toSimplified returns; for tests and measurements.
std::string toSimplifiedAlways(std::string_view utf8);

// Whether toSimplified takes OpenCC's path for `utf8` (false: the text has no character that
// t2s could change, or no character of three bytes or more).
bool simplificationMayChange(std::string_view utf8);
bool simplificationMayChange(std::u32string_view text);

// How many code points make toSimplified take OpenCC's path (0 when t2s's dictionaries cannot be
// read), and how many of t2s's multi-character keys change a text without containing a character
// that changes alone (their characters all count among those code points).
std::size_t simplificationTriggerCount();
std::size_t simplificationPhraseOnlyKeys();

} // namespace innograph::text
