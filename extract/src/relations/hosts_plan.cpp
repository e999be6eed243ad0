#include "relations/rules.h"

namespace innograph::extract::detail {

namespace {

bool isLeadFiller(char32_t c) {
    return u32::isSpace(c) || u32::isAsciiDigit(c) || u32::isChineseNumeral(c) || c == U'.' ||
           c == U'(' || c == U')' || c == kEnumComma || c == kOpenQuote || c == kCloseQuote ||
           c == U'"';
}

} // namespace

// 为加快全市X产业创新发展…制定本行动计划: a plan written for an industry (frame hosts-plan).
// The document's own place hosts it, and so does each place that opens a sentence of the
// plan's layout section (三、产业布局 … 甲区依托…打造…) or that the plan backs to build
// (支持甲、乙等市打造…).
void Rules::hostsByPlanIndustry() {
    const LexFrame* f = lex_.frame("hosts-plan");
    if (!f)
        return;
    // The purpose sentence: among the first sentences, one opened by 为 that closes with
    // 制定本….
    std::optional<std::size_t> ind;
    std::size_t sb = 0;
    for (int n = 0; n < 4 && sb < t_.size() && !ind; ++n) {
        auto [b, e] = sentenceAround(t_, sb);
        std::size_t k = b;
        while (k < e && isLeadFiller(t_[k]))
            ++k;
        bool purpose = lex_.longestPrefixAt(f->list("opener"), t_, k) > 0;
        bool closed = false;
        const Lexicon::List closer = lex_.list(f->list("closer"));
        const Lexicon::List head = lex_.list(f->list("head"));
        for (std::size_t q = k; q < e && purpose && !closed; ++q)
            closed = lex_.longestPrefixAt(closer, t_, q) > 0;
        for (std::size_t p = k; p < e && closed && !ind; ++p) {
            if (lex_.longestPrefixAt(head, t_, p) == 0)
                continue;
            // The longest industry the lexicon knows right before the head.
            for (std::size_t x = p >= 12 ? p - 12 : 0; x + 2 <= p && !ind; ++x) {
                const LexEntry* known = lex_.lookup(t_.substr(x, p - x));
                if (known && known->label == labels::kIndustry)
                    ind = industryMention(t_.substr(x, p - x), x);
            }
        }
        sb = e + 1;
    }
    if (!ind)
        return;
    if (auto self = selfMention(ms_[*ind].begin))
        addFact(rels::kHosts, *self, *ind, ms_[*ind].begin);
    // 支持甲、乙等市打造…: the places a plan for the industry backs to build something host it.
    const Lexicon::List backers = lex_.list(f->list("backers")); // found once, not per position
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(backers, t_, p);
        if (n == 0)
            continue;
        std::size_t k = p + n;
        auto first = startingAt(k);
        if (!first || !isPlaceLabel(ms_[*first].label)) {
            p += n - 1;
            continue;
        }
        // The list of places, then a tail (等市) and a building verb.
        std::optional<std::size_t> last = first;
        for (k = ms_[*first].end; k < t_.size();) {
            std::size_t gap = k;
            if (t_[k] == kEnumComma)
                ++gap;
            else if (std::size_t c = lex_.longestPrefixAt(list("enumeration", "conj"), t_, k))
                gap += c;
            auto next = gap > k ? startingAt(gap) : std::nullopt;
            if (!next || !isPlaceLabel(ms_[*next].label))
                break;
            last = next;
            k = ms_[*next].end;
        }
        k += lex_.longestPrefixAt(f->list("links"), t_, k);
        if (lex_.longestPrefixAt(f->list("verbs"), t_, k) > 0)
            for (std::size_t place : placeEnumerationEndingWith(*last))
                if (!ms_[place].deictic && !ms_[place].name.empty())
                    addFact(rels::kHosts, place, *ind, p);
        p += n - 1;
    }
    for (const Heading& h : st_.headings) {
        std::u32string_view title = t_.substr(h.titleBegin, h.titleEnd - h.titleBegin);
        bool layout = false;
        for (std::size_t k = 0; k < title.size() && !layout; ++k)
            layout = lex_.longestPrefixAt(f->list("layout"), title, k) > 0;
        if (!layout)
            continue;
        for (std::size_t p = h.titleEnd; p < h.bodyEnd && p < t_.size(); ++p) {
            if (p > h.titleEnd && !isSentenceBreak(t_[p - 1]))
                continue;
            std::size_t k = p;
            while (k < h.bodyEnd && isLeadFiller(t_[k]))
                ++k;
            if (auto m = startingAt(k);
                m && isPlaceLabel(ms_[*m].label) && !ms_[*m].deictic && !ms_[*m].name.empty())
                addFact(rels::kHosts, *m, *ind, k);
        }
    }
}

} // namespace innograph::extract::detail
