#include "relations/rules.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace innograph::extract::detail {

std::vector<Fact> Rules::run() {
    hostsByAnchor();
    hostsByVerbFrame("hosts-verb");
    hostsByVerbFrame("hosts-clause-verb");
    hostsByClusters();
    hostsByLeadingIndustries();
    hostsByFieldPreposition();
    hostsByPlaceBases();
    hostsByName();
    hostsByFocus();
    hostsByFeature();
    hostsByStrength();
    hostsByEntryHeading();
    hostsByPlanIndustry();
    cooperates();
    cooperatesByName();
    partners();
    affiliations();
    partOf();
    partOfByComposition();
    locatedIn();
    bareEnterprises();
    targets();
    responsibilities();
    statuteDuties();
    return std::move(facts_);
}

const std::vector<std::pair<std::string_view, std::vector<std::string_view>>>& Rules::frameSlots() {
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> slots = {
        {"enumeration",
         {"closer", "conj", "loose-conj", "lead-words", "lead-tags", "generic", "linker",
          "counters"}},
        {"industry-name", {"tails", "qualifiers", "excluded", "sector-heads"}},
        {"document-self", {"province", "city", "adverbs"}},
        {"hosts-anchor", {"trigger"}},
        {"hosts-verb", {"trigger", "heads", "list-heads", "products"}},
        {"hosts-clause-verb", {"trigger", "heads", "list-heads"}},
        {"hosts-cluster", {"heads", "county-suffixes"}},
        {"hosts-leading", {"head", "copulas"}},
        {"hosts-field", {"trigger", "list-heads", "partner-preps"}},
        {"hosts-base", {"heads", "links"}},
        {"hosts-focus", {"trigger"}},
        {"hosts-feature", {"opener", "closer"}},
        {"hosts-strength", {"opener", "closer"}},
        {"hosts-entry", {"heading-tails", "anchors", "verbs", "links"}},
        {"hosts-plan", {"opener", "closer", "head", "layout", "backers", "links", "verbs"}},
        {"partners", {"opener", "closer", "verbs"}},
        {"cooperates", {"opener", "abbreviation-opener", "closer", "name-opener"}},
        {"part-of", {"heads", "copulas", "containers", "by", "composed"}},
        {"affiliation", {"university-heads", "short-heads", "long-heads"}},
        {"bare-enterprises", {"heads", "generic-tails"}},
        {"targets", {"verbs", "units", "years", "year-marks", "metric-leads"}},
        {"responsibilities", {"member-tails", "lead-words"}},
        {"statute-duties",
         {"closer", "title-verbs", "programme-tails", "end-of-general", "article-opener",
          "article-closer", "lead-verbs", "duty-phrases", "member-tails", "member-head",
          "qualifiers", "passives", "collectives", "modals", "department-heads"}},
    };
    return slots;
}

std::string_view Rules::list(std::string_view frame, std::string_view slot) const {
    std::pair<const void*, const void*> key(frame.data(), slot.data());
    if (auto it = listMemo_.find(key);
        it != listMemo_.end() && it->second.frame == frame && it->second.slot == slot)
        return it->second.list;
    const LexFrame* f = lex_.frame(frame);
    std::string_view l = f ? f->list(slot) : std::string_view{};
    listMemo_[key] = ListMemo{std::string(frame), std::string(slot), l};
    return l;
}

std::size_t Rules::findCloser(std::size_t b, std::size_t e) const {
    for (std::size_t p = b; p < e && p < t_.size(); ++p)
        if (closerAt(p) > 0)
            return p;
    return std::u32string_view::npos;
}

std::size_t Rules::leadWordAt(std::size_t pos, std::size_t end) const {
    end = std::min(end, t_.size());
    if (pos >= end)
        return 0;
    std::size_t n = lex_.longestPrefixAt(list("enumeration", "lead-words"), t_, pos);
    if (n > 0 || !words_)
        return n;
    n = dictionaryLeadWordAt(pos, std::min<std::size_t>(end - pos, 16));
    return n + 2 > end - pos ? 0 : n;
}

std::size_t Rules::dictionaryLeadWordAt(std::size_t pos, std::size_t window) const {
    const std::size_t key = pos * 17 + window; // window <= 16
    // Stored as 0 (no lead word) until the word passes every test below.
    auto [answer, added] = dictionaryLeadWords_.try_emplace(key, 0);
    if (!added)
        return answer->second;
    const LexFrame* f = lex_.frame("enumeration");
    std::uint32_t minFreq = 500;
    if (std::string_view v = f ? f->value("lead-min-frequency") : std::string_view{}; !v.empty())
        minFreq = static_cast<std::uint32_t>(std::strtoul(std::string(v).c_str(), nullptr, 10));
    std::u32string_view rest = t_.substr(pos, window);
    auto ends = words_->segment(rest);
    if (ends.empty() || ends[0] < 2)
        return 0;
    const WordDictionary::Word* w = words_->find(rest.substr(0, ends[0]));
    if (!w || w->freq < minFreq ||
        !lex_.hasWord(list("enumeration", "lead-tags"), u32::fromUtf8(w->tagName())))
        return 0;
    return answer->second = ends[0];
}

bool Rules::linkerAt(std::size_t pos) const {
    return pos < t_.size() && lex_.longestPrefixAt(list("enumeration", "linker"), t_, pos) == 1;
}

std::pair<std::size_t, std::size_t> Rules::clauseAround(std::size_t pos) const {
    std::size_t b = pos, e = pos;
    while (b > 0 && !isClauseBreak(t_[b - 1]))
        --b;
    while (e < t_.size() && !isClauseBreak(t_[e]))
        ++e;
    return {b, e};
}

std::vector<std::size_t> Rules::mentionsIn(std::size_t b, std::size_t e) const {
    std::vector<std::size_t> out;
    for (auto it = startingAt_.lower_bound(b); it != startingAt_.end() && it->first < e; ++it)
        if (ms_[it->second].end <= e)
            out.push_back(it->second);
    return out;
}

std::optional<std::size_t> Rules::endingAt(std::size_t pos) const {
    auto it = endingAt_.find(pos);
    if (it == endingAt_.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::size_t> Rules::startingAt(std::size_t pos) const {
    auto it = startingAt_.find(pos);
    if (it == startingAt_.end())
        return std::nullopt;
    return it->second;
}

void Rules::addFact(const char* type, std::size_t from, std::size_t to, std::size_t at) {
    if (from == to)
        return;
    const Mention& a = ms_[from];
    const Mention& b = ms_[to];
    if (a.name.empty() || b.name.empty())
        return;
    if (a.label == b.label && a.name == b.name)
        return;
    if (std::string_view(type) == rels::kHosts && genericSubject(from))
        return;
    auto key = std::make_tuple(std::string(type), from, to);
    if (!seen_.insert(key).second)
        return;
    auto [sb, se] = sentenceAround(t_, at);
    facts_.push_back({type, from, to, sb, se});
}

std::size_t Rules::addMention(Mention m) {
    ms_.push_back(std::move(m));
    return ms_.size() - 1;
}

// An industry named by its place in a list: 人工智能产业 → 人工智能.
// minLength is 1 only where a place names the item (滦南锹: the county's spade industry).
std::optional<std::size_t> Rules::industryMention(std::u32string_view item, std::size_t begin,
                                                  std::size_t minLength) {
    std::u32string s = stripQuotes(u32::trim(item));
    // 自行车(童车): a bracketed gloss after the name is no part of it.
    if (std::size_t open = s.find(U'(');
        open != std::u32string::npos && open > 0 && !s.empty() && s.back() == U')')
        s = u32::trim(std::u32string_view(s).substr(0, open));
    if (std::size_t n = lex_.longestSuffix(list("industry-name", "tails"), s);
        n > 0 && s.size() > n + 1)
        s.resize(s.size() - n);
    if (s.size() < minLength || s.size() > 12)
        return std::nullopt;
    if (!isIndustryName(s))
        return std::nullopt;
    // 5G\6G通信 is a name; 2020年 or a stray code is not: Han, or letters and digits
    // beside at least one Han character.
    std::size_t han = 0, alnum = 0;
    for (char32_t c : s) {
        han += u32::isHan(c);
        alnum += u32::isAsciiDigit(c) || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
    }
    if (han == 0 || (han + alnum) * 4 < s.size() * 3)
        return std::nullopt;
    Mention m;
    m.label = labels::kIndustry;
    m.name = s;
    if (const LexEntry* e = lex_.lookup(s); e && e->label == labels::kIndustry)
        m.name = e->name;
    m.begin = begin;
    m.end = begin + item.size();
    return addMention(std::move(m));
}

// 特色主导 or 精准谋划一区一 is no industry: a name made only of qualifiers (特色, 主导,
// 优势…), or one holding a word no industry name holds (谋划, 一区一…).
bool Rules::isIndustryName(std::u32string_view s) const {
    if (lex_.lookup(s))
        return true;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (lex_.longestPrefixAt(list("industry-name", "excluded"), s, i) > 0)
            return false;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t n = lex_.longestPrefixAt(list("industry-name", "qualifiers"), s, i);
        if (n == 0)
            n = lex_.longestPrefixAt(list("enumeration", "generic"), s, i);
        if (n == 0)
            return true;
        i += n;
    }
    return false;
}

std::vector<std::size_t> Rules::industriesFrom(std::size_t b, std::size_t e) {
    std::vector<std::size_t> out;
    std::u32string_view span = t_.substr(b, e - b);
    // Strip verbs in front of the first item.
    std::size_t lead = 0;
    while (lead < span.size()) {
        std::size_t n = leadWordAt(b + lead, e);
        if (n == 0)
            break;
        lead += n;
    }
    span = span.substr(lead);
    std::size_t pos = b + lead;
    for (const auto& item : splitEnumeration(lex_, span)) {
        std::size_t at = t_.find(item, pos);
        if (at == std::u32string_view::npos || at >= e)
            at = pos;
        if (auto m = industryMention(item, at))
            out.push_back(*m);
        pos = at + item.size();
    }
    return out;
}

std::vector<std::size_t> Rules::placesIn(std::size_t b, std::size_t e) const {
    std::vector<std::size_t> out;
    for (std::size_t i : mentionsIn(b, e))
        if (isPlaceLabel(ms_[i].label))
            out.push_back(i);
    return out;
}

// The items of "<verb> A、B和C等(五大)产业": returns [b, e) of the list, or nothing.
std::optional<std::pair<std::size_t, std::size_t>>
Rules::industryList(std::size_t b, std::size_t e, std::string_view frame) const {
    std::string_view heads = list(frame, "heads");
    std::string_view listHeads = list(frame, "list-heads");
    std::u32string_view s = t_.substr(b, e - b);
    std::size_t closer = findCloser(b, e);
    if (closer != std::u32string_view::npos) {
        std::size_t deng = closer - b;
        std::size_t after = closer + closerAt(closer);
        std::u32string_view rest = t_.substr(after, e - after);
        if (lex_.longestSuffix(heads, rest) == 0 && !opensHead(listHeads, after))
            return std::nullopt;
        if (deng == 0)
            return std::nullopt;
        return std::make_pair(b, b + deng);
    }
    if (lex_.longestSuffix(heads, s) == 0)
        return std::nullopt;
    return std::make_pair(b, e);
}

// The document's own place at the level it speaks of most (我省/全省 against 我市/全市).
std::optional<std::size_t> Rules::selfMention(std::size_t at) {
    bool province = provincial();
    std::u32string name = province || place_.city.empty() ? place_.province : place_.city;
    if (name.empty())
        return std::nullopt;
    Mention m;
    m.label = labels::kRegion;
    m.name = name;
    m.deictic = true;
    m.begin = at;
    m.end = at;
    return addMention(std::move(m));
}

bool Rules::provincial() const {
    if (!provincial_) {
        std::size_t prov = 0, city = 0;
        const Lexicon::List provinceWords = lex_.list(list("document-self", "province"));
        const Lexicon::List cityWords = lex_.list(list("document-self", "city"));
        for (std::size_t p = 0; p < t_.size(); ++p) {
            prov += lex_.longestPrefixAt(provinceWords, t_, p) > 0;
            city += lex_.longestPrefixAt(cityWords, t_, p) > 0;
        }
        provincial_ = prov > city;
    }
    return *provincial_;
}

// A bare 高新区 in a provincial plan means every high-tech zone, not the one it names most.
bool Rules::genericSubject(std::size_t m) const {
    return ms_[m].deictic && ms_[m].label == labels::kPark && provincial();
}

// Whether only a heading marker and adverbs stand between the clause start and `pos`.
bool Rules::opensClause(std::size_t cb, std::size_t pos) const {
    std::size_t k = cb;
    while (k < pos &&
           (u32::isAsciiDigit(t_[k]) || u32::isChineseNumeral(t_[k]) || u32::isSpace(t_[k]) ||
            t_[k] == U'.' || t_[k] == kEnumComma || t_[k] == U'(' || t_[k] == U')'))
        ++k;
    while (k < pos) {
        std::size_t n = lex_.longestPrefixAt(list("document-self", "adverbs"), t_, k);
        if (n == 0)
            return false;
        k += n;
    }
    return true;
}

// 秦皇岛、唐山、沧州市重点发展…: the places listed with the subject, back to the first.
std::vector<std::size_t> Rules::placeEnumerationEndingWith(std::size_t last) const {
    std::vector<std::size_t> out{last};
    std::size_t b = ms_[last].begin;
    while (b > 0) {
        std::size_t gap = b;
        std::u32string_view left = t_.substr(0, b);
        // 石家庄正定: a city written before its county qualifies it and is no member.
        if (auto city = endingAt(b); city && ms_[*city].label == labels::kRegion &&
                                     ms_[out.back()].label == labels::kRegion) {
            b = ms_[*city].begin;
            continue;
        }
        if (t_[b - 1] == kEnumComma)
            gap = b - 1;
        else if (std::size_t n = lex_.longestSuffix(list("enumeration", "conj"), left); n > 0)
            gap = b - n;
        if (gap == b)
            break;
        auto prev = endingAt(gap);
        if (!prev || !isPlaceLabel(ms_[*prev].label) || ms_[*prev].name.empty())
            break;
        out.push_back(*prev);
        b = ms_[*prev].begin;
    }
    return out;
}

std::optional<std::size_t> Rules::regionAt(std::size_t pos) const {
    auto r = startingAt(pos);
    if (!r || ms_[*r].label != labels::kRegion || ms_[*r].name.empty())
        return std::nullopt;
    return r;
}

// Whether a head word of `heads` opens the text at `pos`, after numerals and a counter
// (五大, 两个) and qualifiers (重点, 战略性): the 等 of 等五大重点领域 closes a list.
bool Rules::opensHead(std::string_view heads, std::size_t pos) const {
    std::size_t k = skipCount(pos);
    for (;;) {
        if (lex_.longestPrefixAt(heads, t_, k) > 0)
            return true;
        std::size_t n = lex_.longestPrefixAt(list("industry-name", "qualifiers"), t_, k);
        if (n == 0)
            return false;
        k += n;
    }
}

// Past numerals and their counter (5个, 五大) at `pos`.
std::size_t Rules::skipCount(std::size_t pos) const {
    std::size_t k = pos;
    while (k < t_.size() && (u32::isAsciiDigit(t_[k]) || u32::isChineseNumeral(t_[k])))
        ++k;
    if (k > pos)
        k += lex_.longestPrefixAt(list("enumeration", "counters"), t_, k);
    return k;
}

// Industries of a list every item of which is an industry name, or nothing: a frame whose
// objects are not all industries (围绕打造…) is another frame.
std::optional<std::vector<std::size_t>> Rules::allIndustries(std::size_t b, std::size_t e) {
    if (b >= e || leadWordAt(b, e) > 0)
        return std::nullopt;
    std::vector<std::size_t> out;
    std::size_t pos = b;
    for (const auto& item : splitEnumeration(lex_, t_.substr(b, e - b))) {
        std::size_t at = t_.find(item, pos);
        if (at == std::u32string_view::npos || at >= e)
            at = pos;
        auto m = industryMention(item, at);
        if (!m || !onlyIndustriesIn(at, at + item.size()))
            return std::nullopt;
        out.push_back(*m);
        pos = at + item.size();
    }
    return out;
}

// Whether [b, e) names nothing but industries (a park or a department is no list item).
bool Rules::onlyIndustriesIn(std::size_t b, std::size_t e) const {
    for (std::size_t i : mentionsIn(b, e))
        if (ms_[i].label != labels::kIndustry)
            return false;
    return true;
}

// The place whose mention ends at `pos` over adverbs between (我省已经在…), or nothing.
std::optional<std::size_t> Rules::placeEndingBefore(std::size_t cb, std::size_t pos) const {
    std::size_t k = pos;
    for (;;) {
        if (auto m = endingAt(k); m && isPlaceLabel(ms_[*m].label))
            return m;
        std::size_t n = lex_.longestSuffix(list("document-self", "adverbs"), t_.substr(cb, k - cb));
        if (n == 0)
            return std::nullopt;
        k -= n;
    }
}

// Whether an industry the recogniser found in [b, e) starts it (塑强人工智能全产业链 is a task,
// not a field).
bool Rules::industryFirst(std::size_t b, std::size_t e) const {
    for (std::size_t i : mentionsIn(b, e))
        if (ms_[i].begin != b)
            return false;
    return true;
}

std::vector<std::size_t> Rules::topicBefore(std::size_t sentenceBegin) const {
    if (sentenceBegin == 0 || t_[sentenceBegin - 1] == U'\n')
        return {};
    auto [pb, pe] = sentenceAround(t_, sentenceBegin - 1);
    std::vector<std::size_t> out;
    for (std::size_t i : placesIn(pb, pe)) {
        if (ms_[i].deictic || ms_[i].name.empty())
            continue;
        if (!out.empty() && (ms_[out[0]].name != ms_[i].name || ms_[out[0]].label != ms_[i].label))
            return {};
        if (out.empty())
            out.push_back(i);
    }
    return out;
}

std::vector<std::size_t> Rules::sectorsIn(std::size_t b, std::size_t e) {
    std::vector<std::size_t> out;
    if (b >= e)
        return out;
    std::size_t pos = b;
    for (const auto& item : splitEnumeration(lex_, t_.substr(b, e - b))) {
        std::size_t at = t_.find(item, pos);
        if (at == std::u32string_view::npos || at >= e)
            at = pos;
        pos = at + item.size();
        std::u32string s = stripQuotes(u32::trim(item));
        const LexEntry* known = lex_.lookup(s);
        std::size_t head = lex_.longestSuffix(list("industry-name", "sector-heads"), s);
        bool sector = (known && known->label == labels::kIndustry) || (head > 0 && s.size() > head);
        if (!sector || !onlyIndustriesIn(at, at + item.size()))
            continue;
        if (auto m = industryMention(item, at))
            out.push_back(*m);
    }
    return out;
}

std::optional<std::size_t> Rules::docPlaceMention(bool wantRegion, std::size_t at) {
    std::u32string name;
    const char* label = labels::kRegion;
    if (wantRegion) {
        name = !place_.city.empty() ? place_.city : place_.province;
    } else if (!place_.park.empty()) {
        name = place_.park;
        label = labels::kPark;
    } else {
        name = !place_.city.empty() ? place_.city : place_.province;
    }
    if (name.empty())
        return std::nullopt;
    Mention m;
    m.label = label;
    m.name = name;
    m.deictic = true;
    m.begin = at;
    m.end = at;
    return addMention(std::move(m));
}

} // namespace innograph::extract::detail
