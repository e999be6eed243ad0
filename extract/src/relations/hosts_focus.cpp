#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 支持甲市围绕数字经济和科技服务业,建设…: a place right before a preposition of focus
// hosts the list after it when every item is an industry.
void Rules::hostsByFocus() {
    // Found once: the search runs at every position.
    const Lexicon::List trigger = lex_.list(list("hosts-focus", "trigger"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(trigger, t_, p);
        if (n == 0)
            continue;
        auto subject = endingAt(p);
        if (!subject || !isPlaceLabel(ms_[*subject].label)) {
            p += n - 1;
            continue;
        }
        auto [cb, ce] = clauseAround(p);
        std::size_t le = ce;
        if (std::size_t deng = findCloser(p + n, ce); deng < ce)
            le = deng;
        if (auto inds = allIndustries(p + n, le))
            for (std::size_t place : placeEnumerationEndingWith(*subject))
                for (std::size_t ind : *inds)
                    addFact(rels::kHosts, place, ind, p);
        p += n - 1;
    }
}

// 支持甲市培育以先进制造、高端装备为特色的…中心: the place of the clause hosts the
// industries a feature frame (以…为特色/为主导) names; with no place in its sentence, the topic
// of the sentence before.
void Rules::hostsByFeature() {
    // Found once: the search runs at every position.
    const Lexicon::List closer = lex_.list(list("hosts-feature", "closer"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(closer, t_, p);
        if (n == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::size_t open = std::u32string_view::npos;
        std::size_t openAt = cb;
        for (std::size_t k = p; k > cb; --k)
            if (std::size_t m = lex_.longestPrefixAt(list("hosts-feature", "opener"), t_, k - 1);
                m > 0) {
                open = k - 1 + m;
                openAt = k - 1;
                break;
            }
        if (open == std::u32string_view::npos || open >= p)
            continue;
        std::optional<std::size_t> subject;
        for (std::size_t i : mentionsIn(cb, open))
            if (isPlaceLabel(ms_[i].label))
                subject = i;
        std::vector<std::size_t> subjects;
        if (subject) {
            subjects = placeEnumerationEndingWith(*subject);
        } else if (auto [sb, se] = sentenceAround(t_, p);
                   placesIn(sb, open).empty() &&
                   lex_.longestSuffix(list("hosts-clause-verb", "trigger"),
                                      t_.substr(cb, openAt - cb)) > 0) {
            // 支持甲市发挥…优势。…,打造以A、B为特色的…: a building verb with no subject in its
            // sentence carries on the topic of the sentence before.
            subjects = topicBefore(sb);
        }
        if (subjects.empty())
            continue;
        std::size_t le = p;
        if (std::size_t c =
                lex_.longestSuffix(list("enumeration", "closer"), t_.substr(open, le - open));
            c > 0)
            le -= c;
        if (auto inds = allIndustries(open, le))
            for (std::size_t place : subjects)
                for (std::size_t ind : *inds)
                    addFact(rels::kHosts, place, ind, p);
    }
}

} // namespace innograph::extract::detail
