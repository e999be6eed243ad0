#include "innograph/extract/relations.h"

#include "innograph/extract/model.h"
#include "relations/rules.h"
#include "u32.h"

#include <algorithm>

namespace innograph::extract {
using detail::isSentenceBreak;
using detail::kCloseQuote;
using detail::kEnumComma;
using detail::kFullStop;
using detail::kOpenQuote;
using detail::stripQuotes;

graph::Status checkRelationFrames(const Lexicon& lexicon) {
    for (const auto& [frame, slots] : detail::Rules::frameSlots()) {
        const LexFrame* f = lexicon.frame(frame);
        if (!f)
            return graph::Status::invalidArgument("lexicon: the relation rules need @frame " +
                                                  std::string(frame) + ", which no table has");
        for (std::string_view slot : slots) {
            std::string_view list = f->list(slot);
            if (list.empty())
                return graph::Status::invalidArgument(
                    "lexicon " + f->where + "frame " + std::string(frame) + " has no slot " +
                    std::string(slot) + " naming one @words list");
        }
    }
    return graph::Status::ok();
}

std::pair<std::size_t, std::size_t> sentenceAround(std::u32string_view t, std::size_t pos) {
    pos = std::min(pos, t.size());
    std::size_t b = pos, e = pos;
    while (b > 0 && !isSentenceBreak(t[b - 1]))
        --b;
    while (e < t.size() && !isSentenceBreak(t[e]))
        ++e;
    if (e < t.size() && t[e] == kFullStop)
        ++e;
    return {b, e};
}

std::vector<std::u32string> splitEnumeration(const Lexicon& lex, std::u32string_view text) {
    std::vector<std::u32string> pieces;
    std::u32string cur;
    int depth = 0;
    for (char32_t c : text) {
        if (c == U'(' || c == kOpenQuote)
            ++depth;
        if (c == U')' || c == kCloseQuote)
            depth = std::max(0, depth - 1);
        if (c == kEnumComma && depth == 0) {
            pieces.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    pieces.push_back(cur);
    const LexFrame* frame = lex.frame("enumeration");
    const LexFrame* names = lex.frame("industry-name");
    std::string_view conjs = frame ? frame->list("conj") : std::string_view{};
    std::string_view loose = frame ? frame->list("loose-conj") : std::string_view{};
    std::string_view tails = names ? names->list("tails") : std::string_view{};
    std::string_view heads = names ? names->list("sector-heads") : std::string_view{};
    // A finished item: a name the lexicon knows, or one ending in an industry tail (产业) or in
    // a sector's head noun after a modifier (大健康及功能性食品 are two).
    auto known = [&](std::u32string_view s) {
        std::u32string x = stripQuotes(u32::trim(s));
        const LexEntry* e = lex.lookup(x);
        std::size_t head = lex.longestSuffix(heads, x);
        return (e != nullptr && e->label != labels::kRegion) || lex.longestSuffix(tails, x) > 0 ||
               (head > 0 && x.size() > head);
    };
    std::vector<std::u32string> out;
    for (const auto& piece : pieces) {
        std::u32string rest = piece;
        bool split = true;
        while (split) {
            split = false;
            for (std::size_t i = 1; i + 1 < rest.size(); ++i) {
                std::size_t n = 0;
                std::u32string_view conj;
                for (const auto& w : lex.words(conjs)) {
                    if (w.size() > n && u32::startsWith(std::u32string_view(rest).substr(i), w))
                        n = w.size(), conj = w;
                }
                if (n == 0)
                    continue;
                std::u32string_view left = std::u32string_view(rest).substr(0, i);
                std::u32string_view right = std::u32string_view(rest).substr(i + n);
                // 和 and 与 join list items; 及 often joins the parts of one field.
                if (!lex.hasWord(loose, conj) || (known(left) && known(right))) {
                    out.emplace_back(u32::trim(left));
                    rest = std::u32string(right);
                    split = true;
                    break;
                }
            }
        }
        std::u32string_view r = u32::trim(rest);
        if (!r.empty())
            out.emplace_back(r);
    }
    return out;
}

std::vector<Fact> readRelations(const EntityRecognizer& recognizer, const CleanText& text,
                                const Structure& structure, const DocPlace& place,
                                std::vector<Mention>& mentions, const RelationOptions& options) {
    detail::Rules rules(recognizer, text, structure, place, mentions, options);
    return rules.run();
}

} // namespace innograph::extract
