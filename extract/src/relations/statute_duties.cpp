#include "relations/rules.h"

#include <functional>

namespace innograph::extract::detail {

namespace {

bool isArticleFiller(char32_t c) {
    return u32::isSpace(c) || c == U'#';
}

} // namespace

// One clause of a statute's general provisions: a department opening the sentence's first
// clause with a lead verb leads; a list of departments with their own duties supports.
void Rules::clauseDuties(const LexFrame& f, std::size_t s, std::size_t ce, bool first,
                         const std::u32string& sentenceQualifier,
                         const std::function<std::size_t()>& target) {
    std::size_t lead = std::u32string_view::npos;
    bool duty = false, collective = false;
    // Found once, not at every position of the clause.
    const Lexicon::List leadVerbs = lex_.list(f.list("lead-verbs"));
    const Lexicon::List dutyPhrases = lex_.list(f.list("duty-phrases"));
    const Lexicon::List collectives = lex_.list(f.list("collectives"));
    for (std::size_t q = s; q < ce; ++q) {
        if (lead == std::u32string_view::npos && lex_.longestPrefixAt(leadVerbs, t_, q) > 0)
            lead = q;
        duty = duty || lex_.longestPrefixAt(dutyPhrases, t_, q) > 0;
        collective = collective || lex_.longestPrefixAt(collectives, t_, q) > 0;
    }
    // 县级以上人民政府科学技术、财政等部门: every such government's, no one department.
    if (collective)
        return;
    if (duty) {
        // 市商务、财政…等部门: the place word before the first item qualifies each.
        std::size_t tail = std::u32string_view::npos, tailLen = 0;
        for (std::size_t q = s; q < ce && tail == std::u32string_view::npos; ++q)
            if (std::size_t n = lex_.longestPrefixAt(f.list("member-tails"), t_, q); n > 0)
                tail = q, tailLen = n;
        if (tail == std::u32string_view::npos)
            return;
        std::size_t ib = s + lex_.longestPrefixAt(f.list("qualifiers"), t_, s);
        std::u32string qualifier(ib > s ? std::u32string(t_.substr(s, ib - s)) : sentenceQualifier);
        std::u32string head(lex_.words(f.list("member-head")).front());
        for (const auto& item : splitMembers(t_.substr(ib, tail - ib))) {
            if (item.empty() || item.size() > 12)
                continue;
            Mention d = rec_.department(qualifier + item + head, place_);
            if (d.name.empty())
                continue;
            d.begin = ib;
            d.end = tail + tailLen;
            addFact(rels::kSupports, addMention(std::move(d)), target(), s);
        }
        return;
    }
    if (!first || lead == std::u32string_view::npos)
        return;
    auto m = startingAt(s);
    // 高新区受…人民政府领导: the department after a passive word is the leader, not the one
    // led; such sentences are left alone.
    if (m && ms_[*m].label == labels::kDepartment && !ms_[*m].name.empty()) {
        if (lex_.longestPrefixAt(f.list("passives"), t_, ms_[*m].end) == 0)
            addFact(rels::kLeads, *m, target(), s);
        return;
    }
    // 市发展改革部门负责…: a name the tables do not list, read up to the lead verb.
    std::size_t we = lead;
    while (std::size_t n = lex_.longestSuffix(f.list("modals"), t_.substr(s, we - s)))
        we -= n;
    std::u32string_view written = t_.substr(s, we - s);
    if (written.size() < 3 || written.size() > 16 ||
        lex_.longestSuffix(f.list("department-heads"), written) == 0 ||
        written.find(kEnumComma) != std::u32string_view::npos)
        return;
    Mention d = rec_.department(written, place_);
    if (d.name.empty())
        return;
    d.begin = s;
    d.end = we;
    addFact(rels::kLeads, addMention(std::move(d)), target(), s);
}

// A statute for a programme (上海市推进科技创新中心建设条例): in its general provisions, a
// department opening a sentence whose first clause gives it the lead (负责, 领导, 牵头) LEADS the
// programme; the departments a list names with their own duties (市商务、财政…等部门在各自职责
// 范围内…) SUPPORT it.
void Rules::statuteDuties() {
    const LexFrame* f = lex_.frame("statute-duties");
    if (!f || t_.empty())
        return;
    // The title: the first line, closed by 条例.
    std::size_t tb = 0;
    while (tb < t_.size() && (isArticleFiller(t_[tb]) || t_[tb] == U'\n'))
        ++tb;
    std::size_t te = t_.find(U'\n', tb);
    if (te == std::u32string_view::npos)
        te = t_.size();
    std::u32string_view title = t_.substr(tb, te - tb);
    std::size_t closer = lex_.longestSuffix(f->list("closer"), title);
    if (closer == 0)
        return;
    std::size_t k = tb;
    while (auto m = startingAt(k)) {
        if (ms_[*m].label != labels::kRegion)
            break;
        k = ms_[*m].end;
    }
    k += lex_.longestPrefixAt(f->list("title-verbs"), t_, k);
    std::size_t pe = te - closer;
    if (k + 4 > pe || lex_.longestSuffix(f->list("programme-tails"), t_.substr(k, pe - k)) == 0)
        return;
    Mention prog;
    prog.label = labels::kProgram;
    prog.name = std::u32string(t_.substr(k, pe - k));
    prog.begin = k;
    prog.end = pe;
    std::optional<std::size_t> programme;
    std::function<std::size_t()> target = [&] {
        if (!programme)
            programme = addMention(prog);
        return *programme;
    };
    // The general provisions: up to the second chapter's heading, or the whole text.
    std::size_t end = t_.size();
    for (std::size_t p = te; p < t_.size(); ++p)
        if ((p == 0 || t_[p - 1] == U'\n' || isArticleFiller(t_[p - 1])) &&
            lex_.longestPrefixAt(f->list("end-of-general"), t_, p) > 0) {
            end = p;
            break;
        }
    for (std::size_t sb = te; sb < end;) {
        auto [b, e] = sentenceAround(t_, sb);
        sb = std::max(e, sb + 1);
        std::size_t s = b;
        while (s < e && isArticleFiller(t_[s]))
            ++s;
        // 第六条: the article's number opens its first sentence.
        if (std::size_t n = lex_.longestPrefixAt(f->list("article-opener"), t_, s); n > 0) {
            std::size_t q = s + n;
            while (q < e && (u32::isChineseNumeral(t_[q]) || u32::isAsciiDigit(t_[q])))
                ++q;
            if (q > s + n && lex_.longestPrefixAt(f->list("article-closer"), t_, q) > 0) {
                s = q + lex_.longestPrefixAt(f->list("article-closer"), t_, q);
                while (s < e && isArticleFiller(t_[s]))
                    ++s;
            }
        }
        // The sentence's own place word (市) qualifies a later list that has none
        // (市科学技术部门牵头…,发展改革、财政等部门在各自职责范围内…).
        std::size_t q0 = lex_.longestPrefixAt(f->list("qualifiers"), t_, s);
        std::u32string sentenceQualifier(t_.substr(s, q0));
        for (std::size_t c = s; c < e;) {
            auto [cb, ce] = clauseAround(c);
            std::size_t cs = std::max(cb, s);
            clauseDuties(*f, cs, ce, cs == s, sentenceQualifier, target);
            c = ce + 1;
        }
    }
}

} // namespace innograph::extract::detail
