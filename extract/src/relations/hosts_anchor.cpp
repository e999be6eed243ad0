#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 人工智能产业重点依托沈阳高新区、大连高新区和三好街园区
void Rules::hostsByAnchor() {
    // Found once: the search runs at every position.
    const Lexicon::List trigger = lex_.list(list("hosts-anchor", "trigger"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(trigger, t_, p);
        if (n == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::size_t lb = cb;
        std::size_t marker = 0;
        // Skip a heading marker (1.) at the clause start.
        while (lb + marker < p && (u32::isAsciiDigit(t_[lb + marker]) || t_[lb + marker] == U'.' ||
                                   t_[lb + marker] == kEnumComma))
            ++marker;
        lb += marker;
        bool named = false; // 依托中德园对德合作: the text before 依托 names no industry
        for (std::size_t i : mentionsIn(lb, p))
            named = named || ms_[i].label != labels::kIndustry;
        if (lb >= p || named) {
            p += n - 1;
            continue;
        }
        auto parks = placesIn(p + n, ce);
        if (parks.empty()) {
            p += n - 1;
            continue;
        }
        auto inds = industriesFrom(lb, p);
        for (std::size_t park : parks)
            for (std::size_t ind : inds)
                addFact(rels::kHosts, park, ind, p);
        p += n - 1;
    }
}

} // namespace innograph::extract::detail
