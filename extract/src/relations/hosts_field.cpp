#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 支持甲、乙市在X、Y等重点领域实现突破; 我省已在X产业、Y产业等超前布局: the places before
// a preposition of field host the industries of the list after it, closed by 等 and a head
// (领域, 产业…) or made of items that each end in 产业/领域.
void Rules::hostsByFieldPreposition() {
    // Found once: the search runs at every position.
    const Lexicon::List trigger = lex_.list(list("hosts-field", "trigger"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(trigger, t_, p);
        if (n == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        auto subject = placeEndingBefore(cb, p);
        std::size_t deng = findCloser(p + n, ce);
        if (!subject || deng == std::u32string_view::npos || deng >= ce || deng <= p + n)
            continue;
        auto members = placeEnumerationEndingWith(*subject);
        if (lex_.longestSuffix(list("hosts-field", "partner-preps"),
                               t_.substr(cb, ms_[members.back()].begin - cb)) > 0)
            continue;
        bool tailed = true;
        for (const auto& item : splitEnumeration(lex_, t_.substr(p + n, deng - p - n)))
            tailed = tailed && lex_.longestSuffix(list("industry-name", "tails"), item) > 0;
        if (!tailed && !opensHead(list("hosts-field", "list-heads"), deng + closerAt(deng)))
            continue;
        auto inds = allIndustries(p + n, deng);
        if (!inds)
            continue;
        for (std::size_t place : members)
            for (std::size_t ind : *inds)
                addFact(rels::kHosts, place, ind, p);
    }
}

} // namespace innograph::extract::detail
