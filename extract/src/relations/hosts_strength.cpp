#include "relations/rules.h"

namespace innograph::extract::detail {

// 支持甲市发挥A、B和C优势; 加快甲示范区建设。依托A、B等科技创新优势,着力打造…: the items whose
// head is a sector noun belong to the places right before the opener or, when the opener starts
// its sentence, to the topic the sentence before names.
void Rules::hostsByStrength() {
    // Found once: the search runs at every position.
    const Lexicon::List opener = lex_.list(list("hosts-strength", "opener"));
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(opener, t_, p);
        if (n == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::size_t close = std::u32string_view::npos;
        for (std::size_t k = p + n; k < ce; ++k)
            if (lex_.longestPrefixAt(list("hosts-strength", "closer"), t_, k) > 0) {
                close = k;
                break;
            }
        if (close == std::u32string_view::npos) {
            p += n - 1;
            continue;
        }
        std::vector<std::size_t> subjects;
        if (auto s = placeEndingBefore(cb, p))
            subjects = placeEnumerationEndingWith(*s);
        else if (auto [sb, se] = sentenceAround(t_, p); opensClause(sb, p))
            subjects = topicBefore(sb);
        std::size_t le = close;
        if (std::size_t deng = findCloser(p + n, close); deng < close)
            le = deng;
        if (!subjects.empty())
            for (std::size_t ind : sectorsIn(p + n, le))
                for (std::size_t place : subjects)
                    addFact(rels::kHosts, place, ind, p);
        p += n - 1;
    }
}

} // namespace innograph::extract::detail
