#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 作为自创区核心区的大连高新区; 大连高新区是沈大自创区的核心区
void Rules::partOf() {
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(list("part-of", "heads"), t_, p);
        if (n == 0)
            continue;
        std::size_t zb = p;
        if (zb > 0 && linkerAt(zb - 1))
            --zb;
        auto zone = endingAt(zb);
        if (!zone || (ms_[*zone].label != labels::kZone && ms_[*zone].label != labels::kPark))
            continue;
        std::optional<std::size_t> part;
        std::size_t after = p + n;
        if (linkerAt(after)) {
            if (auto m = startingAt(after + 1); m && ms_[*m].label == labels::kPark)
                part = m;
        }
        if (!part) {
            std::size_t zs = ms_[*zone].begin;
            for (std::u32string_view cop : lex_.words(list("part-of", "copulas"))) {
                if (zs >= cop.size() && t_.substr(zs - cop.size(), cop.size()) == cop) {
                    if (auto m = endingAt(zs - cop.size()); m && ms_[*m].label == labels::kPark)
                        part = m;
                }
            }
        }
        if (part && ms_[*part].name != ms_[*zone].name)
            addFact(rels::kPartOf, *part, *zone, p);
    }
}

} // namespace innograph::extract::detail
