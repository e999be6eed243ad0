#include "relations/rules.h"

namespace innograph::extract::detail {

// One engine for the verb frames of HOSTS (frames hosts-verb and hosts-clause-verb):
//   <place> … <trigger> A、B和C等<head>       长沙高新区…重点发展高端工程机械、新材料等产业
//   <place> … <trigger> A、B等<X><product>    依托甲地重点发展A、B等机器人关键零部件 → X
// The subject is the last place in the frame's subject-scope (clause or sentence) before the
// trigger, with the places enumerated before it; with `no-subject self`, a trigger opening its
// clause with no place before it speaks for the document's own place.
void Rules::hostsByVerbFrame(std::string_view frame) {
    const LexFrame* f = lex_.frame(frame);
    if (!f)
        return;
    const Lexicon::List trigger = lex_.list(f->list("trigger"));
    bool sentenceScope = f->value("subject-scope") == "sentence";
    bool self = f->value("no-subject") == "self";
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(trigger, t_, p);
        if (n == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::vector<std::size_t> inds;
        if (auto span = industryList(p + n, ce, frame))
            inds = industriesFrom(span->first, span->second);
        else if (auto product = productAfterList(p + n, ce, f->list("products")))
            inds.push_back(*product);
        if (inds.empty())
            continue;
        std::size_t scopeBegin = sentenceScope ? sentenceAround(t_, p).first : cb;
        std::optional<std::size_t> subject;
        for (std::size_t i : mentionsIn(scopeBegin, p))
            if (isPlaceLabel(ms_[i].label))
                subject = i;
        if (!subject && self && opensClause(cb, p))
            subject = selfMention(p);
        if (!subject)
            continue;
        for (std::size_t place : placeEnumerationEndingWith(*subject))
            for (std::size_t ind : inds)
                addFact(rels::kHosts, place, ind, p);
        p += n - 1;
    }
}

// …A、B等机器人关键零部件: the industry between the list's closer and a product head, only
// one the lexicon knows (全谱系智能化产品 names no industry).
std::optional<std::size_t> Rules::productAfterList(std::size_t b, std::size_t e,
                                                   std::string_view products) {
    std::size_t closer = findCloser(b, e);
    if (products.empty() || closer == std::u32string_view::npos)
        return std::nullopt;
    std::size_t from = closer + closerAt(closer);
    for (std::size_t k = from + 1; k < e && k <= from + 12; ++k) {
        if (lex_.longestPrefixAt(products, t_, k) == 0)
            continue;
        std::u32string_view x = t_.substr(from, k - from);
        const LexEntry* known = lex_.lookup(x);
        if (!known || known->label != labels::kIndustry)
            return std::nullopt;
        return industryMention(x, from);
    }
    return std::nullopt;
}

} // namespace innograph::extract::detail
