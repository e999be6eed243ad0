#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 深化与中科院、大连理工大学…的合作; 辽宁奥克化学集团与大连理工大学共建…
void Rules::partners() {
    // Found once: the search runs at every position.
    const Lexicon::List opener = lex_.list(list("partners", "opener"));
    for (std::size_t p = 0; p + 1 < t_.size(); ++p) {
        if (lex_.longestPrefixAt(opener, t_, p) != 1)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::size_t closer = std::u32string_view::npos;
        for (std::size_t k = p + 1; k < ce; ++k) {
            if (lex_.longestPrefixAt(list("partners", "closer"), t_, k) > 0) {
                closer = k;
                break;
            }
        }
        if (closer == std::u32string_view::npos)
            continue;
        // A region partners only as a whole item of the list (与江苏、浙江合作), not as the
        // first words of a longer name the recogniser did not know (与天津某某交易所合作).
        auto wholeItem = [&](std::size_t i) {
            const std::size_t e = ms_[i].end;
            if (e >= closer || t_[e] == kEnumComma || u32::isNameBreak(t_[e]) || linkerAt(e) ||
                closerAt(e) > 0)
                return true;
            if (lex_.longestPrefixAt(list("enumeration", "conj"), t_, e) > 0 ||
                lex_.longestPrefixAt(list("enumeration", "loose-conj"), t_, e) > 0 || !words_)
                return true;
            // 与贵州省在…领域的合作: a preposition, verb or adverb after it ends the item too.
            auto ends = words_->segment(t_.substr(e, std::min<std::size_t>(closer - e, 16)));
            const WordDictionary::Word* w =
                ends.empty() ? nullptr : words_->find(t_.substr(e, ends[0]));
            return w && lex_.hasWord(list("enumeration", "lead-tags"), u32::fromUtf8(w->tagName()));
        };
        std::vector<std::size_t> partners, regions;
        for (std::size_t i : mentionsIn(p + 1, closer)) {
            const std::string& l = ms_[i].label;
            if (l == labels::kUniversity || l == labels::kInstitute)
                partners.push_back(i);
            if (l == labels::kRegion && !ms_[i].deictic && wholeItem(i))
                regions.push_back(i);
        }
        if (partners.empty() && regions.empty())
            continue;
        std::vector<std::size_t> subjects;
        if (auto s = endingAt(p); s) {
            const std::string& l = ms_[*s].label;
            if (l == labels::kPark || l == labels::kRegion || l == labels::kEnterprise)
                subjects.push_back(*s);
            else
                continue;
        } else {
            // No named subject: the plan's own place, when a verb or the clause start
            // stands before 与.
            std::size_t k = p;
            while (k > cb && (u32::isAsciiDigit(t_[k - 1]) || t_[k - 1] == U'.'))
                --k;
            std::u32string_view left = t_.substr(cb, p - cb);
            bool verb = lex_.longestSuffix(list("partners", "verbs"), left) > 0;
            bool atStart = true;
            for (std::size_t q = cb; q < p; ++q)
                atStart = atStart && (u32::isAsciiDigit(t_[q]) || t_[q] == U'.' ||
                                      t_[q] == kEnumComma || t_[q] == U' ');
            if (!verb && !atStart)
                continue;
            if (!partners.empty()) {
                if (auto s = docPlaceMention(false, p))
                    subjects.push_back(*s);
            }
            if (!regions.empty()) {
                if (auto s = docPlaceMention(true, p)) {
                    for (std::size_t r : regions)
                        addFact(rels::kPartnersWith, *s, r, p);
                }
            }
        }
        for (std::size_t s : subjects)
            for (std::size_t o : partners)
                addFact(rels::kPartnersWith, s, o, p);
        if (!subjects.empty() && ms_[subjects[0]].label == labels::kRegion)
            for (std::size_t r : regions)
                addFact(rels::kPartnersWith, subjects[0], r, p);
    }
}

} // namespace innograph::extract::detail
