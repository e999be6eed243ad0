#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 在我市芳烃及精细化工、铝合金精深加工、装备制造等主导产业领域;
// 集聚区智能装备产业和生命健康两大主导产业
void Rules::hostsByLeadingIndustries() {
    const Lexicon::List heads = lex_.list(list("hosts-leading", "head"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t headLength = lex_.longestPrefixAt(heads, t_, p);
        if (headLength == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::size_t listEnd = p;
        // Optional 两大/五大 and 等 in front of the head.
        if (listEnd >= cb + 2 &&
            lex_.longestSuffix(list("enumeration", "counters"), t_.substr(cb, listEnd - cb)) == 1 &&
            u32::isChineseNumeral(t_[listEnd - 2]))
            listEnd -= 2;
        if (std::size_t c =
                lex_.longestSuffix(list("enumeration", "closer"), t_.substr(cb, listEnd - cb));
            c > 0)
            listEnd -= c;
        // The place right before the list.
        std::size_t subject = 0;
        bool hasSubject = false;
        std::size_t listBegin = listEnd;
        for (std::size_t i : mentionsIn(cb, listEnd)) {
            if (isPlaceLabel(ms_[i].label)) {
                subject = i;
                hasSubject = true;
                listBegin = ms_[i].end;
            } else if (hasSubject && ms_[i].label != labels::kIndustry) {
                hasSubject = false;
            }
        }
        if (hasSubject) {
            if (listBegin < listEnd && linkerAt(listBegin))
                ++listBegin;
            if (listBegin < listEnd) {
                for (std::size_t ind : industriesFrom(listBegin, listEnd))
                    addFact(rels::kHosts, subject, ind, p);
                continue;
            }
        }
        // <place>(的)主导产业(为|是|包括)A、B和C
        std::size_t before = p;
        if (before > cb && linkerAt(before - 1))
            --before;
        auto place = endingAt(before);
        if (!place || !isPlaceLabel(ms_[*place].label))
            continue;
        std::size_t after = p + headLength;
        std::size_t cop = lex_.longestPrefixAt(list("hosts-leading", "copulas"), t_, after);
        if (cop == 0)
            continue;
        std::size_t le = ce;
        if (auto dot = findCloser(after, ce); dot != std::u32string_view::npos)
            le = dot;
        for (std::size_t ind : industriesFrom(after + cop, le))
            addFact(rels::kHosts, *place, ind, p);
    }
}

} // namespace innograph::extract::detail
