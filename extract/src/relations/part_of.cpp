#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 作为自创区核心区的大连高新区; 大连高新区是沈大自创区的核心区
void Rules::partOf() {
    // Found once: the search runs at every position.
    const Lexicon::List heads = lex_.list(list("part-of", "heads"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(heads, t_, p);
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

// Whether `part` may be a member of `whole`: a park of a zone or park, a region of a region.
bool Rules::memberFits(std::size_t part, std::size_t whole) const {
    const std::string& a = ms_[part].label;
    const std::string& b = ms_[whole].label;
    return (a == labels::kPark && (b == labels::kZone || b == labels::kPark)) ||
           (a == labels::kRegion && b == labels::kRegion);
}

// 甲自创区包括乙高新区、丙高新区和丁园区; 甲示范区由乙、丙两个高新区组成: each member listed
// is PART_OF the whole named before the verb.
void Rules::partOfByComposition() {
    // Found once: the searches run at every position.
    const Lexicon::List containers = lex_.list(list("part-of", "containers"));
    const Lexicon::List byWords = lex_.list(list("part-of", "by"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(containers, t_, p);
        bool by = false;
        if (n == 0) {
            n = lex_.longestPrefixAt(byWords, t_, p);
            by = n > 0;
        }
        if (n == 0)
            continue;
        auto whole = placeEndingBefore(clauseAround(p).first, p);
        if (!whole || ms_[*whole].deictic || ms_[*whole].name.empty()) {
            p += n - 1;
            continue;
        }
        auto [cb, ce] = clauseAround(p);
        std::size_t le = ce;
        if (by) {
            // 由…组成: the members stand between the preposition and the verb.
            le = std::u32string_view::npos;
            for (std::size_t k = p + n; k < ce && le == std::u32string_view::npos; ++k)
                if (lex_.longestPrefixAt(list("part-of", "composed"), t_, k) > 0)
                    le = k;
            if (le == std::u32string_view::npos) {
                p += n - 1;
                continue;
            }
        }
        // The members: places one after another from the verb on, joined by 、 or a conjunction.
        std::vector<std::size_t> parts;
        std::size_t k = p + n;
        while (k < le) {
            auto m = startingAt(k);
            if (!m || !isPlaceLabel(ms_[*m].label))
                break;
            parts.push_back(*m);
            k = ms_[*m].end;
            if (k < le && t_[k] == kEnumComma)
                ++k;
            else if (std::size_t c = lex_.longestPrefixAt(list("enumeration", "conj"), t_, k))
                k += c;
            else
                break;
        }
        for (std::size_t part : parts)
            if (!ms_[part].deictic && !ms_[part].name.empty() && memberFits(part, *whole))
                addFact(rels::kPartOf, part, *whole, p);
        p += n - 1;
    }
}

} // namespace innograph::extract::detail
