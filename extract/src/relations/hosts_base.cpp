#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 建设甲、乙、丙5大数据产业基地; 打造甲县、乙县等数字经济产业园区; 甲市的X产业集聚区: places
// right before an industry and a head of bases host the industry.
void Rules::hostsByPlaceBases() {
    // Found once: the search runs at every position.
    const Lexicon::List heads = lex_.list(list("hosts-base", "heads"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(heads, t_, p);
        if (n == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::optional<std::size_t> subject;
        for (std::size_t i : mentionsIn(cb, p))
            if (isPlaceLabel(ms_[i].label) && !ms_[i].deictic && !ms_[i].name.empty())
                subject = i;
        if (!subject) {
            p += n - 1;
            continue;
        }
        std::size_t k = ms_[*subject].end;
        k += lex_.longestPrefixAt(list("hosts-base", "links"), t_, k);
        // 5大数据: a counter only when the rest is no industry the lexicon knows.
        std::size_t d = k;
        while (d < p && (u32::isAsciiDigit(t_[d]) || u32::isChineseNumeral(t_[d])))
            ++d;
        if (d > k) {
            const LexEntry* whole = lex_.lookup(t_.substr(d, p - d));
            k = d;
            if (!whole || whole->label != labels::kIndustry)
                k += lex_.longestPrefixAt(list("enumeration", "counters"), t_, k);
        }
        if (k >= p || leadWordAt(k, p) > 0 || !onlyIndustriesIn(k, p)) {
            p += n - 1;
            continue;
        }
        std::u32string_view x = t_.substr(k, p - k);
        if (x.find_first_of(std::u32string_view(U"()\u3001")) != std::u32string_view::npos) {
            p += n - 1;
            continue;
        }
        if (auto ind = industryMention(x, k))
            for (std::size_t place : placeEnumerationEndingWith(*subject))
                addFact(rels::kHosts, place, *ind, p);
        p += n - 1;
    }
}

// 某市新一代人工智能创新发展试验区, 某县机器人产业基地: a park or zone named after a place
// and an industry the lexicon knows hosts that industry. (Open-class words before 产业园
// are often no industry: 中日高科技产业园, 中欧膜产业园.)
void Rules::hostsByName() {
    std::size_t n0 = ms_.size();
    for (std::size_t i = 0; i < n0; ++i) {
        if (ms_[i].label != labels::kPark && ms_[i].label != labels::kZone)
            continue;
        if (ms_[i].deictic || ms_[i].name.empty())
            continue;
        const std::u32string name = ms_[i].name;
        const LexEntry* place = nullptr;
        std::size_t pn = lex_.longestMatch(name, 0, &place);
        if (pn == 0 || !place || place->label != labels::kRegion)
            continue;
        std::size_t best = 0, bestAt = 0;
        for (std::size_t k = pn; k < name.size(); ++k) {
            const LexEntry* e = nullptr;
            std::size_t len = lex_.longestMatch(name, k, &e);
            if (len > best && e && e->label == labels::kIndustry && k + len < name.size())
                best = len, bestAt = k;
        }
        if (best == 0)
            continue;
        std::size_t at = ms_[i].begin;
        if (auto ind = industryMention(std::u32string_view(name).substr(bestAt, best), at))
            addFact(rels::kHosts, i, *ind, at);
    }
}

} // namespace innograph::extract::detail
