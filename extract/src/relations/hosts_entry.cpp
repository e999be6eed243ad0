#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 3.轨道交通装备领域。…依托甲、乙市重点发展…: in the entry of a heading naming an industry,
// the places an anchor (依托) or a hosts verb has as subject, or listed before 等地, host it.
// 1.甲高新区。重点发展A、B等产业: a heading naming a place is the subject of its entry.
void Rules::hostsByEntryHeading() {
    for (const Heading& h : st_.headings) {
        std::size_t tb = h.titleBegin, te = h.titleEnd;
        while (te > tb && (isClauseBreak(t_[te - 1]) || u32::isSpace(t_[te - 1])))
            --te;
        while (tb < te && u32::isSpace(t_[tb]))
            ++tb;
        if (tb >= te || h.bodyEnd <= h.titleEnd)
            continue;
        std::u32string_view title = t_.substr(tb, te - tb);
        if (lex_.longestSuffix(list("hosts-entry", "heading-tails"), title) > 0 &&
            title.size() <= 14 &&
            lex_.longestPrefixAt(list("enumeration", "lead-words"), title, 0) == 0 &&
            onlyIndustriesIn(tb, te) && industryFirst(tb, te)) {
            if (auto ind = industryMention(title, tb))
                industryEntry(*ind, h.titleEnd, h.bodyEnd);
            continue;
        }
        if (auto m = startingAt(tb);
            m && isPlaceLabel(ms_[*m].label) && ms_[*m].end == te && !ms_[*m].name.empty())
            placeEntry(*m, h.titleEnd, h.bodyEnd);
    }
}

void Rules::industryEntry(std::size_t ind, std::size_t b, std::size_t e) {
    for (std::size_t i : mentionsIn(b, e)) {
        if (!isPlaceLabel(ms_[i].label) || ms_[i].deictic || ms_[i].name.empty())
            continue;
        std::size_t end = ms_[i].end;
        // 廊坊香河机器人产业基地: a place written right before another name qualifies it.
        if (startingAt(end))
            continue;
        bool after = lex_.longestPrefixAt(list("hosts-entry", "links"), t_, end) > 1 ||
                     lex_.longestPrefixAt(list("hosts-entry", "verbs"), t_, end) > 0;
        if (!after) {
            // 依托甲、乙市…: the anchor before the first member of the list.
            auto members = placeEnumerationEndingWith(i);
            std::size_t first = ms_[members.back()].begin;
            auto [cb, ce] = clauseAround(first);
            after =
                lex_.longestSuffix(list("hosts-entry", "anchors"), t_.substr(cb, first - cb)) > 0;
            std::size_t next = end;
            while (next < ce && t_[next] == kEnumComma)
                ++next;
            // Only the last member decides (甲、乙等地).
            if (auto m = startingAt(next); m && next > end && isPlaceLabel(ms_[*m].label))
                after = false;
        }
        if (!after)
            continue;
        for (std::size_t place : placeEnumerationEndingWith(i))
            addFact(rels::kHosts, place, ind, ms_[i].begin);
    }
}

void Rules::placeEntry(std::size_t place, std::size_t b, std::size_t e) {
    for (std::size_t p = b; p < e; ++p) {
        std::size_t n = lex_.longestPrefixAt(list("hosts-entry", "verbs"), t_, p);
        if (n == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        auto [sb, se] = sentenceAround(t_, p);
        bool named = false;
        for (std::size_t i : mentionsIn(std::max(sb, b), p))
            named = named || isPlaceLabel(ms_[i].label);
        if (named || !opensClause(cb, p))
            continue;
        if (auto span = industryList(p + n, ce, "hosts-verb"))
            for (std::size_t ind : industriesFrom(span->first, span->second))
                addFact(rels::kHosts, place, ind, p);
        p += n - 1;
    }
}

} // namespace innograph::extract::detail
