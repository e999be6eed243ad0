#pragma once

// The one OpenCC wrapper of innograph: traditional Chinese to simplified (OpenCC's t2s tables,
// phrase-level). Entity names are stored in simplified Chinese, so the extractor, the name index
// and the query engine all fold scripts here.
//
// Thread safety: safe from any thread. Each thread gets its own converter, loaded on first use
// (a few milliseconds), so conversions never wait on a lock.

#include <string>
#include <string_view>

namespace innograph::text {

// Whether OpenCC's t2s data could be loaded. Without it, toSimplified returns its input.
bool simplifiedConversionAvailable();

// Traditional → simplified; text without traditional characters comes back unchanged. The result
// may differ in length from the input where OpenCC rewrites a phrase (for example 軟體 → 软件).
std::string toSimplified(std::string_view utf8);
std::u32string toSimplified(std::u32string_view text);

} // namespace innograph::text
