#include "innograph/extract/relations.h"

#include "innograph/extract/model.h"
#include "u32.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace innograph::extract {
namespace {

bool isClauseBreak(char32_t c) {
    return c == U',' || c == U';' || c == U'。' || c == U'\n' || c == U':' || c == U'!' ||
           c == U'?';
}
bool isSentenceBreak(char32_t c) {
    return c == U'。' || c == U'\n' || c == U'!' || c == U'?';
}

std::u32string stripQuotes(std::u32string_view s) {
    std::u32string out;
    for (char32_t c : s)
        if (c != U'“' && c != U'”' && c != U'"' && c != U'‘' && c != U'’')
            out.push_back(c);
    return out;
}

bool isPlaceLabel(const std::string& l) {
    return l == labels::kPark || l == labels::kZone || l == labels::kRegion;
}

class Rules {
public:
    Rules(const EntityRecognizer& rec, const CleanText& ct, const Structure& st,
          const DocPlace& place, std::vector<Mention>& mentions, const RelationOptions& opt)
        : rec_(rec), lex_(rec.lexicon()), t_(ct.text), st_(st), place_(place), ms_(mentions),
          opt_(opt) {
        for (std::size_t i = 0; i < ms_.size(); ++i) {
            endingAt_[ms_[i].end] = i;
            startingAt_[ms_[i].begin] = i;
        }
    }

    std::vector<Fact> run() {
        hostsByAnchor();
        hostsByVerb();
        hostsByClauseVerb();
        hostsByClusters();
        hostsByLeadingIndustries();
        hostsByFieldPreposition();
        hostsByPlaceBases();
        hostsByName();
        hostsByFocus();
        hostsByFeature();
        hostsByEntryHeading();
        cooperates();
        partners();
        affiliations();
        partOf();
        locatedIn();
        bareEnterprises();
        targets();
        responsibilities();
        return std::move(facts_);
    }

private:
    const EntityRecognizer& rec_;
    const Lexicon& lex_;
    std::u32string_view t_;
    const Structure& st_;
    const DocPlace& place_;
    std::vector<Mention>& ms_;
    const RelationOptions& opt_;
    std::map<std::size_t, std::size_t> endingAt_;
    std::map<std::size_t, std::size_t> startingAt_;
    std::vector<Fact> facts_;
    mutable std::optional<bool> provincial_;
    std::set<std::tuple<std::string, std::size_t, std::size_t>> seen_;

    std::pair<std::size_t, std::size_t> clauseAround(std::size_t pos) const {
        std::size_t b = pos, e = pos;
        while (b > 0 && !isClauseBreak(t_[b - 1]))
            --b;
        while (e < t_.size() && !isClauseBreak(t_[e]))
            ++e;
        return {b, e};
    }

    std::vector<std::size_t> mentionsIn(std::size_t b, std::size_t e) const {
        std::vector<std::size_t> out;
        for (auto it = startingAt_.lower_bound(b); it != startingAt_.end() && it->first < e; ++it)
            if (ms_[it->second].end <= e)
                out.push_back(it->second);
        return out;
    }

    std::optional<std::size_t> endingAt(std::size_t pos) const {
        auto it = endingAt_.find(pos);
        if (it == endingAt_.end())
            return std::nullopt;
        return it->second;
    }
    std::optional<std::size_t> startingAt(std::size_t pos) const {
        auto it = startingAt_.find(pos);
        if (it == startingAt_.end())
            return std::nullopt;
        return it->second;
    }

    void addFact(const char* type, std::size_t from, std::size_t to, std::size_t at) {
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

    std::size_t addMention(Mention m) {
        ms_.push_back(std::move(m));
        return ms_.size() - 1;
    }

    // An industry named by its place in a list: 人工智能产业 → 人工智能.
    // minLength is 1 only where a place names the item (滦南锹: the county's spade industry).
    std::optional<std::size_t> industryMention(std::u32string_view item, std::size_t begin,
                                               std::size_t minLength = 2) {
        std::u32string s = stripQuotes(u32::trim(item));
        if (std::size_t n = lex_.longestSuffix("industry-tails", s); n > 0 && s.size() > n + 1)
            s.resize(s.size() - n);
        if (s.size() < minLength || s.size() > 12)
            return std::nullopt;
        if (s.find(U'的') != std::u32string::npos || s.find(U"为核心") != std::u32string::npos)
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
    bool isIndustryName(std::u32string_view s) const {
        if (lex_.lookup(s))
            return true;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (lex_.longestPrefixAt("non-industry-words", s, i) > 0)
                return false;
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t n = lex_.longestPrefixAt("industry-qualifiers", s, i);
            if (n == 0)
                n = lex_.longestPrefixAt("generic", s, i);
            if (n == 0)
                return true;
            i += n;
        }
        return false;
    }

    std::vector<std::size_t> industriesFrom(std::size_t b, std::size_t e) {
        std::vector<std::size_t> out;
        std::u32string_view span = t_.substr(b, e - b);
        // Strip verbs in front of the first item.
        std::size_t lead = 0;
        while (lead < span.size()) {
            std::size_t n = lex_.longestPrefixAt("stop", span, lead);
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

    std::vector<std::size_t> placesIn(std::size_t b, std::size_t e) const {
        std::vector<std::size_t> out;
        for (std::size_t i : mentionsIn(b, e))
            if (isPlaceLabel(ms_[i].label))
                out.push_back(i);
        return out;
    }

    // 人工智能产业重点依托沈阳高新区、大连高新区和三好街园区
    void hostsByAnchor() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("hosts-anchors", t_, p);
            if (n == 0)
                continue;
            auto [cb, ce] = clauseAround(p);
            std::size_t lb = cb;
            std::size_t marker = 0;
            // Skip a heading marker (1.) at the clause start.
            while (lb + marker < p && (u32::isAsciiDigit(t_[lb + marker]) ||
                                       t_[lb + marker] == U'.' || t_[lb + marker] == U'、'))
                ++marker;
            lb += marker;
            bool named = false; // 依托中德园对德合作: the text before 依托 names no industry
            for (std::size_t i : mentionsIn(lb, p))
                named = named || ms_[i].label != labels::kIndustry;
            if (lb >= p || named) {
                p += n - 1;
                continue;
            }
            auto parks = placesIn(p + n, ce);
            if (parks.empty()) {
                p += n - 1;
                continue;
            }
            auto inds = industriesFrom(lb, p);
            for (std::size_t park : parks)
                for (std::size_t ind : inds)
                    addFact(rels::kHosts, park, ind, p);
            p += n - 1;
        }
    }

    // The items of "<verb> A、B和C等(五大)产业": returns [b, e) of the list, or nothing.
    std::optional<std::pair<std::size_t, std::size_t>> industryList(std::size_t b,
                                                                    std::size_t e) const {
        std::u32string_view s = t_.substr(b, e - b);
        std::size_t deng = s.find(U'等');
        if (deng != std::u32string_view::npos) {
            std::u32string_view rest = s.substr(deng + 1);
            if (lex_.longestSuffix("industry-heads", rest) == 0 &&
                !opensHead("list-heads", b + deng + 1))
                return std::nullopt;
            if (deng == 0)
                return std::nullopt;
            return std::make_pair(b, b + deng);
        }
        if (lex_.longestSuffix("industry-heads", s) == 0)
            return std::nullopt;
        return std::make_pair(b, e);
    }

    // 长沙高新区…重点发展高端工程机械、电子信息、新材料等产业; 依托甲地重点发展A、B等机器人
    // 关键零部件 (the industry stands between 等 and a product head); a verb opening the clause
    // with no place before it in the sentence speaks for the document's place.
    void hostsByVerb() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("hosts-verbs", t_, p);
            if (n == 0)
                continue;
            auto [cb, ce] = clauseAround(p);
            std::vector<std::size_t> inds;
            if (auto list = industryList(p + n, ce))
                inds = industriesFrom(list->first, list->second);
            else if (auto product = productAfterList(p + n, ce))
                inds.push_back(*product);
            if (inds.empty())
                continue;
            auto [sb, se] = sentenceAround(t_, p);
            std::optional<std::size_t> subject;
            for (std::size_t i : mentionsIn(sb, p))
                if (isPlaceLabel(ms_[i].label))
                    subject = i;
            if (!subject && opensClause(cb, p))
                subject = selfMention(p);
            if (!subject)
                continue;
            for (std::size_t place : placeEnumerationEndingWith(*subject))
                for (std::size_t ind : inds)
                    addFact(rels::kHosts, place, ind, p);
            p += n - 1;
        }
    }

    // …A、B等机器人关键零部件: the industry between the list's 等 and a product head.
    std::optional<std::size_t> productAfterList(std::size_t b, std::size_t e) {
        std::size_t deng = t_.find(U'等', b);
        if (deng == std::u32string_view::npos || deng + 1 >= e)
            return std::nullopt;
        for (std::size_t k = deng + 2; k < e && k <= deng + 13; ++k)
            if (lex_.longestPrefixAt("product-heads", t_, k) > 0) {
                // Only an industry the lexicon knows: 全谱系智能化产品 names no industry.
                const LexEntry* e = lex_.lookup(t_.substr(deng + 1, k - deng - 1));
                if (!e || e->label != labels::kIndustry)
                    return std::nullopt;
                return industryMention(t_.substr(deng + 1, k - deng - 1), deng + 1);
            }
        return std::nullopt;
    }

    // The document's own place at the level it speaks of most (我省/全省 against 我市/全市).
    std::optional<std::size_t> selfMention(std::size_t at) {
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

    bool provincial() const {
        if (!provincial_) {
            std::size_t prov = 0, city = 0;
            for (std::size_t p = 0; p < t_.size(); ++p) {
                prov += lex_.longestPrefixAt("self-province", t_, p) > 0;
                city += lex_.longestPrefixAt("self-city", t_, p) > 0;
            }
            provincial_ = prov > city;
        }
        return *provincial_;
    }

    // A bare 高新区 in a provincial plan means every high-tech zone, not the one it names most.
    bool genericSubject(std::size_t m) const {
        return ms_[m].deictic && ms_[m].label == labels::kPark && provincial();
    }

    // Whether only a heading marker and adverbs stand between the clause start and `pos`.
    bool opensClause(std::size_t cb, std::size_t pos) const {
        std::size_t k = cb;
        while (k < pos &&
               (u32::isAsciiDigit(t_[k]) || u32::isChineseNumeral(t_[k]) || u32::isSpace(t_[k]) ||
                t_[k] == U'.' || t_[k] == U'、' || t_[k] == U'(' || t_[k] == U')'))
            ++k;
        while (k < pos) {
            std::size_t n = lex_.longestPrefixAt("subject-adverbs", t_, k);
            if (n == 0)
                return false;
            k += n;
        }
        return true;
    }

    // 秦皇岛、唐山、沧州市重点发展…: the places listed with the subject, back to the first.
    std::vector<std::size_t> placeEnumerationEndingWith(std::size_t last) const {
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
            if (t_[b - 1] == U'、')
                gap = b - 1;
            else if (std::size_t n = lex_.longestSuffix("conj", left); n > 0)
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

    // 在石家庄鹿泉区、保定高新区等地打造第三代半导体、卫星导航等产业技术聚集区: a verb of
    // building whose places stand in the same clause and whose objects end in an industry head.
    void hostsByClauseVerb() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("hosts-clause-verbs", t_, p);
            if (n == 0)
                continue;
            auto [cb, ce] = clauseAround(p);
            auto list = industryList(p + n, ce);
            std::optional<std::size_t> subject;
            for (std::size_t i : mentionsIn(cb, p))
                if (isPlaceLabel(ms_[i].label))
                    subject = i;
            if (!list || !subject) {
                p += n - 1;
                continue;
            }
            auto inds = industriesFrom(list->first, list->second);
            for (std::size_t place : placeEnumerationEndingWith(*subject))
                for (std::size_t ind : inds)
                    addFact(rels::kHosts, place, ind, p);
            p += n - 1;
        }
    }

    // 推动涿州汽车零部件制造、固安电子信息等先进制造产业集群: each item of a list of clusters
    // is a county or city followed by its industry.
    void hostsByClusters() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            if (t_[p] != U'等')
                continue;
            auto [cb, ce] = clauseAround(p);
            std::u32string_view after = t_.substr(p + 1, std::min<std::size_t>(ce - p - 1, 16));
            bool cluster = false;
            for (std::size_t k = 1; k <= after.size() && !cluster; ++k)
                cluster = lex_.longestSuffix("cluster-heads", after.substr(0, k)) > 0;
            if (!cluster)
                continue;
            std::size_t b = cb;
            while (b < p) {
                std::size_t n = lex_.longestPrefixAt("stop", t_, b);
                if (n == 0)
                    n = lex_.longestPrefixAt("generic", t_, b);
                if (n == 0)
                    break;
                b += n;
            }
            std::vector<std::size_t> pending;
            for (std::size_t pos = b; pos < p;) {
                std::size_t end = t_.find(U'、', pos);
                if (end == std::u32string_view::npos || end > p)
                    end = p;
                clusterItem(pos, end, pending, p);
                pos = end + 1;
            }
        }
    }

    std::optional<std::size_t> regionAt(std::size_t pos) const {
        auto r = startingAt(pos);
        if (!r || ms_[*r].label != labels::kRegion || ms_[*r].name.empty())
            return std::nullopt;
        return r;
    }

    // One item of a cluster list: a county and its industry (滦南锹: one character will do
    // after a county), or counties joined by a conjunction sharing one (A和B自行车), or
    // several joined (烟台海洋生物与医药 stays one industry: no county follows 与).
    void clusterItem(std::size_t b, std::size_t e, std::vector<std::size_t>& pending,
                     std::size_t at) {
        for (std::size_t k = b; k < e;) {
            auto region = regionAt(k);
            if (!region)
                return;
            std::size_t rest = ms_[*region].end;
            if (std::size_t c = lex_.longestPrefixAt("conj", t_, rest);
                c > 0 && regionAt(rest + c)) {
                pending.push_back(*region);
                k = rest + c;
                continue;
            }
            std::size_t ie = e, next = e;
            for (std::size_t q = rest + 1; q < e; ++q) {
                if (std::size_t c = lex_.longestPrefixAt("conj", t_, q); c > 0 && regionAt(q + c)) {
                    ie = q;
                    next = q + c;
                    break;
                }
            }
            if (rest < ie) {
                if (auto ind = industryMention(t_.substr(rest, ie - rest), rest, 1)) {
                    addFact(rels::kHosts, *region, *ind, at);
                    for (std::size_t r : pending)
                        addFact(rels::kHosts, r, *ind, at);
                }
            }
            pending.clear();
            k = next;
        }
    }

    // 在我市芳烃及精细化工、铝合金精深加工、装备制造等主导产业领域;
    // 集聚区智能装备产业和生命健康两大主导产业
    void hostsByLeadingIndustries() {
        const std::u32string head = U"主导产业";
        for (std::size_t p = t_.find(head); p != std::u32string_view::npos;
             p = t_.find(head, p + 1)) {
            auto [cb, ce] = clauseAround(p);
            std::size_t listEnd = p;
            // Optional 两大/五大 and 等 in front of the head.
            if (listEnd >= cb + 2 && t_[listEnd - 1] == U'大' &&
                u32::isChineseNumeral(t_[listEnd - 2]))
                listEnd -= 2;
            if (listEnd > cb && t_[listEnd - 1] == U'等')
                --listEnd;
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
                if (listBegin < listEnd && t_[listBegin] == U'的')
                    ++listBegin;
                if (listBegin < listEnd) {
                    for (std::size_t ind : industriesFrom(listBegin, listEnd))
                        addFact(rels::kHosts, subject, ind, p);
                    continue;
                }
            }
            // <place>(的)主导产业(为|是|包括)A、B和C
            std::size_t before = p;
            if (before > cb && t_[before - 1] == U'的')
                --before;
            auto place = endingAt(before);
            if (!place || !isPlaceLabel(ms_[*place].label))
                continue;
            std::size_t after = p + head.size();
            std::size_t cop = lex_.longestPrefixAt("hosts-copulas", t_, after);
            if (cop == 0)
                continue;
            std::size_t le = ce;
            if (auto dot = t_.find(U'等', after); dot != std::u32string_view::npos && dot < ce)
                le = dot;
            for (std::size_t ind : industriesFrom(after + cop, le))
                addFact(rels::kHosts, *place, ind, p);
        }
    }

    // Whether a head word of `heads` opens the text at `pos`, after numerals and a counter
    // (五大, 两个) and qualifiers (重点, 战略性): the 等 of 等五大重点领域 closes a list.
    bool opensHead(std::string_view heads, std::size_t pos) const {
        std::size_t k = skipCount(pos);
        for (;;) {
            if (lex_.longestPrefixAt(heads, t_, k) > 0)
                return true;
            std::size_t n = lex_.longestPrefixAt("industry-qualifiers", t_, k);
            if (n == 0)
                return false;
            k += n;
        }
    }

    // Past numerals and their counter (5个, 五大) at `pos`.
    std::size_t skipCount(std::size_t pos) const {
        std::size_t k = pos;
        while (k < t_.size() && (u32::isAsciiDigit(t_[k]) || u32::isChineseNumeral(t_[k])))
            ++k;
        if (k > pos)
            k += lex_.longestPrefixAt("count-words", t_, k);
        return k;
    }

    // Industries of a list every item of which is an industry name, or nothing: a frame whose
    // objects are not all industries (围绕打造…) is another frame.
    std::optional<std::vector<std::size_t>> allIndustries(std::size_t b, std::size_t e) {
        if (b >= e || lex_.longestPrefixAt("stop", t_, b) > 0)
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
    bool onlyIndustriesIn(std::size_t b, std::size_t e) const {
        for (std::size_t i : mentionsIn(b, e))
            if (ms_[i].label != labels::kIndustry)
                return false;
        return true;
    }

    // The place whose mention ends at `pos` over adverbs between (我省已经在…), or nothing.
    std::optional<std::size_t> placeEndingBefore(std::size_t cb, std::size_t pos) const {
        std::size_t k = pos;
        for (;;) {
            if (auto m = endingAt(k); m && isPlaceLabel(ms_[*m].label))
                return m;
            std::size_t n = lex_.longestSuffix("subject-adverbs", t_.substr(cb, k - cb));
            if (n == 0)
                return std::nullopt;
            k -= n;
        }
    }

    // 支持甲、乙市在X、Y等重点领域实现突破; 我省已在X产业、Y产业等超前布局: the places before
    // a preposition of field host the industries of the list after it, closed by 等 and a head
    // (领域, 产业…) or made of items that each end in 产业/领域.
    void hostsByFieldPreposition() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("hosts-field-preps", t_, p);
            if (n == 0)
                continue;
            auto [cb, ce] = clauseAround(p);
            auto subject = placeEndingBefore(cb, p);
            std::size_t deng = t_.find(U'等', p + n);
            if (!subject || deng == std::u32string_view::npos || deng >= ce || deng <= p + n)
                continue;
            auto members = placeEnumerationEndingWith(*subject);
            if (lex_.longestSuffix("partner-preps", t_.substr(cb, ms_[members.back()].begin - cb)) >
                0)
                continue;
            bool tailed = true;
            for (const auto& item : splitEnumeration(lex_, t_.substr(p + n, deng - p - n)))
                tailed = tailed && lex_.longestSuffix("industry-tails", item) > 0;
            if (!tailed && !opensHead("list-heads", deng + 1))
                continue;
            auto inds = allIndustries(p + n, deng);
            if (!inds)
                continue;
            for (std::size_t place : members)
                for (std::size_t ind : *inds)
                    addFact(rels::kHosts, place, ind, p);
        }
    }

    // 建设甲、乙、丙5大数据产业基地; 打造甲县、乙县等数字经济产业园区; 甲市的X产业集聚区: places
    // right before an industry and a head of bases host the industry.
    void hostsByPlaceBases() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("base-heads", t_, p);
            if (n == 0)
                continue;
            auto [cb, ce] = clauseAround(p);
            std::optional<std::size_t> subject;
            for (std::size_t i : mentionsIn(cb, p))
                if (isPlaceLabel(ms_[i].label) && !ms_[i].deictic && !ms_[i].name.empty())
                    subject = i;
            if (!subject) {
                p += n - 1;
                continue;
            }
            std::size_t k = ms_[*subject].end;
            k += lex_.longestPrefixAt("place-list-tails", t_, k);
            // 5大数据: a counter only when the rest is no industry the lexicon knows.
            std::size_t d = k;
            while (d < p && (u32::isAsciiDigit(t_[d]) || u32::isChineseNumeral(t_[d])))
                ++d;
            if (d > k) {
                const LexEntry* whole = lex_.lookup(t_.substr(d, p - d));
                k = d;
                if (!whole || whole->label != labels::kIndustry)
                    k += lex_.longestPrefixAt("count-words", t_, k);
            }
            if (k >= p || lex_.longestPrefixAt("stop", t_, k) > 0 || !onlyIndustriesIn(k, p)) {
                p += n - 1;
                continue;
            }
            std::u32string_view x = t_.substr(k, p - k);
            if (x.find_first_of(U"、()") != std::u32string_view::npos) {
                p += n - 1;
                continue;
            }
            if (auto ind = industryMention(x, k))
                for (std::size_t place : placeEnumerationEndingWith(*subject))
                    addFact(rels::kHosts, place, *ind, p);
            p += n - 1;
        }
    }

    // 某市新一代人工智能创新发展试验区, 某县机器人产业基地: a park or zone named after a place
    // and an industry the lexicon knows hosts that industry. (Open-class words before 产业园
    // are often no industry: 中日高科技产业园, 中欧膜产业园.)
    void hostsByName() {
        std::size_t n0 = ms_.size();
        for (std::size_t i = 0; i < n0; ++i) {
            if (ms_[i].label != labels::kPark && ms_[i].label != labels::kZone)
                continue;
            if (ms_[i].deictic || ms_[i].name.empty())
                continue;
            const std::u32string name = ms_[i].name;
            const LexEntry* place = nullptr;
            std::size_t pn = lex_.longestMatch(name, 0, &place);
            if (pn == 0 || !place || place->label != labels::kRegion)
                continue;
            std::size_t best = 0, bestAt = 0;
            for (std::size_t k = pn; k < name.size(); ++k) {
                const LexEntry* e = nullptr;
                std::size_t len = lex_.longestMatch(name, k, &e);
                if (len > best && e && e->label == labels::kIndustry && k + len < name.size())
                    best = len, bestAt = k;
            }
            if (best == 0)
                continue;
            std::size_t at = ms_[i].begin;
            if (auto ind = industryMention(std::u32string_view(name).substr(bestAt, best), at))
                addFact(rels::kHosts, i, *ind, at);
        }
    }

    // 支持甲市围绕数字经济和科技服务业,建设…: a place right before a preposition of focus
    // hosts the list after it when every item is an industry.
    void hostsByFocus() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("hosts-focus-preps", t_, p);
            if (n == 0)
                continue;
            auto subject = endingAt(p);
            if (!subject || !isPlaceLabel(ms_[*subject].label)) {
                p += n - 1;
                continue;
            }
            auto [cb, ce] = clauseAround(p);
            std::size_t le = ce;
            if (std::size_t deng = t_.find(U'等', p + n); deng < ce)
                le = deng;
            if (auto inds = allIndustries(p + n, le))
                for (std::size_t place : placeEnumerationEndingWith(*subject))
                    for (std::size_t ind : *inds)
                        addFact(rels::kHosts, place, ind, p);
            p += n - 1;
        }
    }

    // 支持甲市培育以先进制造、高端装备为特色的…中心: the place of the clause hosts the
    // industries a feature frame (以…为特色/为主导) names.
    void hostsByFeature() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("feature-closers", t_, p);
            if (n == 0)
                continue;
            auto [cb, ce] = clauseAround(p);
            std::size_t open = std::u32string_view::npos;
            for (std::size_t k = p; k > cb; --k)
                if (std::size_t m = lex_.longestPrefixAt("feature-openers", t_, k - 1); m > 0) {
                    open = k - 1 + m;
                    break;
                }
            if (open == std::u32string_view::npos || open >= p)
                continue;
            std::optional<std::size_t> subject;
            for (std::size_t i : mentionsIn(cb, open))
                if (isPlaceLabel(ms_[i].label))
                    subject = i;
            if (!subject)
                continue;
            std::size_t le = p;
            if (t_[le - 1] == U'等')
                --le;
            if (auto inds = allIndustries(open, le))
                for (std::size_t place : placeEnumerationEndingWith(*subject))
                    for (std::size_t ind : *inds)
                        addFact(rels::kHosts, place, ind, p);
        }
    }

    // 3.轨道交通装备领域。…依托甲、乙市重点发展…: in the entry of a heading naming an industry,
    // the places an anchor (依托) or a hosts verb has as subject, or listed before 等地, host it.
    // 1.甲高新区。重点发展A、B等产业: a heading naming a place is the subject of its entry.
    void hostsByEntryHeading() {
        for (const Heading& h : st_.headings) {
            std::size_t tb = h.titleBegin, te = h.titleEnd;
            while (te > tb && (isClauseBreak(t_[te - 1]) || u32::isSpace(t_[te - 1])))
                --te;
            while (tb < te && u32::isSpace(t_[tb]))
                ++tb;
            if (tb >= te || h.bodyEnd <= h.titleEnd)
                continue;
            std::u32string_view title = t_.substr(tb, te - tb);
            if (lex_.longestSuffix("entry-industry-tails", title) > 0 && title.size() <= 14 &&
                lex_.longestPrefixAt("stop", title, 0) == 0 && onlyIndustriesIn(tb, te) &&
                industryFirst(tb, te)) {
                if (auto ind = industryMention(title, tb))
                    industryEntry(*ind, h.titleEnd, h.bodyEnd);
                continue;
            }
            if (auto m = startingAt(tb);
                m && isPlaceLabel(ms_[*m].label) && ms_[*m].end == te && !ms_[*m].name.empty())
                placeEntry(*m, h.titleEnd, h.bodyEnd);
        }
    }

    // Whether an industry the recogniser found in [b, e) starts it (塑强人工智能全产业链 is a task,
    // not a field).
    bool industryFirst(std::size_t b, std::size_t e) const {
        for (std::size_t i : mentionsIn(b, e))
            if (ms_[i].begin != b)
                return false;
        return true;
    }

    void industryEntry(std::size_t ind, std::size_t b, std::size_t e) {
        for (std::size_t i : mentionsIn(b, e)) {
            if (!isPlaceLabel(ms_[i].label) || ms_[i].deictic || ms_[i].name.empty())
                continue;
            std::size_t end = ms_[i].end;
            // 廊坊香河机器人产业基地: a place written right before another name qualifies it.
            if (startingAt(end))
                continue;
            bool after = lex_.longestPrefixAt("place-list-tails", t_, end) > 1 ||
                         lex_.longestPrefixAt("hosts-verbs", t_, end) > 0;
            if (!after) {
                // 依托甲、乙市…: the anchor before the first member of the list.
                auto members = placeEnumerationEndingWith(i);
                std::size_t first = ms_[members.back()].begin;
                auto [cb, ce] = clauseAround(first);
                after = lex_.longestSuffix("hosts-anchors", t_.substr(cb, first - cb)) > 0;
                std::size_t next = end;
                while (next < ce && t_[next] == U'、')
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

    void placeEntry(std::size_t place, std::size_t b, std::size_t e) {
        for (std::size_t p = b; p < e; ++p) {
            std::size_t n = lex_.longestPrefixAt("hosts-verbs", t_, p);
            if (n == 0)
                continue;
            auto [cb, ce] = clauseAround(p);
            auto [sb, se] = sentenceAround(t_, p);
            bool named = false;
            for (std::size_t i : mentionsIn(std::max(sb, b), p))
                named = named || isPlaceLabel(ms_[i].label);
            if (named || !opensClause(cb, p))
                continue;
            if (auto list = industryList(p + n, ce))
                for (std::size_t ind : industriesFrom(list->first, list->second))
                    addFact(rels::kHosts, place, ind, p);
            p += n - 1;
        }
    }

    // 依托中德园对德合作; 沈阳高新区对美合作
    void cooperates() {
        for (std::size_t p = 0; p + 2 < t_.size(); ++p) {
            if (t_[p] != U'对' && t_[p] != U'与' && t_[p] != U'同')
                continue;
            auto subject = endingAt(p);
            if (!subject || !isPlaceLabel(ms_[*subject].label))
                continue;
            std::optional<std::size_t> country;
            std::size_t after = p + 1;
            if (auto c = startingAt(p + 1); c && ms_[*c].label == labels::kCountry) {
                country = *c;
                after = ms_[*c].end;
            } else if (t_[p] == U'对') {
                // One-character abbreviations only in this fixed phrase.
                if (const LexEntry* e = lex_.lookupAbbreviation(t_.substr(p + 1, 1))) {
                    Mention m;
                    m.label = labels::kCountry;
                    m.name = e->name;
                    m.begin = p + 1;
                    m.end = p + 2;
                    country = addMention(std::move(m));
                    after = p + 2;
                }
            }
            if (!country)
                continue;
            auto [cb, ce] = clauseAround(p);
            std::size_t closer = std::u32string_view::npos;
            for (std::size_t k = after; k < ce && k < after + 8; ++k) {
                if (lex_.longestPrefixAt("coop-closers", t_, k) > 0) {
                    closer = k;
                    break;
                }
            }
            if (closer == std::u32string_view::npos)
                continue;
            addFact(rels::kCooperatesWith, *subject, *country, p);
        }
    }

    std::optional<std::size_t> docPlaceMention(bool wantRegion, std::size_t at) {
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

    // 深化与中科院、大连理工大学…的合作; 辽宁奥克化学集团与大连理工大学共建…
    void partners() {
        for (std::size_t p = 0; p + 1 < t_.size(); ++p) {
            if (t_[p] != U'与' && t_[p] != U'同')
                continue;
            auto [cb, ce] = clauseAround(p);
            std::size_t closer = std::u32string_view::npos;
            for (std::size_t k = p + 1; k < ce; ++k) {
                if (lex_.longestPrefixAt("partner-closers", t_, k) > 0) {
                    closer = k;
                    break;
                }
            }
            if (closer == std::u32string_view::npos)
                continue;
            std::vector<std::size_t> partners, regions;
            for (std::size_t i : mentionsIn(p + 1, closer)) {
                const std::string& l = ms_[i].label;
                if (l == labels::kUniversity || l == labels::kInstitute)
                    partners.push_back(i);
                if (l == labels::kRegion && !ms_[i].deictic)
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
                bool verb = lex_.longestSuffix("partner-verbs", left) > 0;
                bool atStart = true;
                for (std::size_t q = cb; q < p; ++q)
                    atStart = atStart && (u32::isAsciiDigit(t_[q]) || t_[q] == U'.' ||
                                          t_[q] == U'、' || t_[q] == U' ');
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

    // 东北大学新材料研究院 → 东北大学; 中科院沈阳…分中心 → 中国科学院
    void affiliations() {
        std::size_t n0 = ms_.size();
        for (std::size_t i = 0; i < n0; ++i) {
            if (ms_[i].label != labels::kInstitute || ms_[i].deictic)
                continue;
            std::u32string surface(t_.substr(ms_[i].begin, ms_[i].end - ms_[i].begin));
            const std::u32string& name = ms_[i].name;
            Mention parent;
            const LexEntry* head = nullptr;
            std::size_t n = lex_.longestMatch(surface, 0, &head);
            if (n > 0 && n < surface.size() && head &&
                (head->label == labels::kUniversity || head->label == labels::kInstitute)) {
                parent.label = head->label;
                parent.name = head->name;
            } else {
                std::size_t k = name.find(U"大学");
                std::size_t g = name.find(U"工大");
                if (k != std::u32string::npos && k + 2 < name.size()) {
                    parent.label = labels::kUniversity;
                    parent.name = name.substr(0, k + 2);
                } else if (g != std::u32string::npos && g >= 2 && g + 2 < name.size()) {
                    parent.label = labels::kUniversity;
                    parent.name = name.substr(0, g) + U"工业大学";
                    parent.aliases.push_back(name.substr(0, g + 2));
                } else {
                    continue;
                }
                if (const LexEntry* e = lex_.lookup(parent.name); e && e->label == parent.label)
                    parent.name = e->name;
            }
            if (parent.name == name)
                continue;
            parent.begin = ms_[i].begin;
            parent.end = ms_[i].begin;
            std::size_t pi = addMention(std::move(parent));
            addFact(rels::kAffiliatedWith, i, pi, ms_[i].begin);
        }
    }

    // 作为自创区核心区的大连高新区; 大连高新区是沈大自创区的核心区
    void partOf() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            std::size_t n = lex_.longestPrefixAt("part-of-heads", t_, p);
            if (n == 0)
                continue;
            std::size_t zb = p;
            if (zb > 0 && t_[zb - 1] == U'的')
                --zb;
            auto zone = endingAt(zb);
            if (!zone || (ms_[*zone].label != labels::kZone && ms_[*zone].label != labels::kPark))
                continue;
            std::optional<std::size_t> part;
            std::size_t after = p + n;
            if (after < t_.size() && t_[after] == U'的') {
                if (auto m = startingAt(after + 1); m && ms_[*m].label == labels::kPark)
                    part = m;
            }
            if (!part) {
                std::size_t zs = ms_[*zone].begin;
                for (std::u32string_view cop :
                     {std::u32string_view(U"是"), std::u32string_view(U"作为"),
                      std::u32string_view(U"为")}) {
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

    // 本溪高新区 → 本溪市: the place a park or company is named after.
    void locatedIn() {
        std::size_t n0 = ms_.size();
        std::set<std::u32string> done;
        for (std::size_t i = 0; i < n0; ++i) {
            const Mention& m = ms_[i];
            if (m.name.empty())
                continue;
            const LexEntry* city = nullptr;
            if (m.label == labels::kPark) {
                // The longest city name the park's name starts with (the whole name may itself
                // be a lexicon entry: 本溪高新区).
                for (std::size_t len = m.name.size() - 1; len >= 2 && !city; --len) {
                    const LexEntry* e = lex_.lookup(std::u32string_view(m.name).substr(0, len));
                    if (e && e->label == labels::kRegion && e->kind == "city")
                        city = e;
                }
            } else if (m.label == labels::kEnterprise && !m.deictic) {
                for (std::size_t k = 0; k < m.name.size() && !city; ++k) {
                    const LexEntry* e = nullptr;
                    std::size_t n = lex_.longestMatch(m.name, k, &e);
                    if (n > 0 && e && e->label == labels::kRegion && e->kind == "city")
                        city = e;
                }
            }
            if (!city || !done.insert(m.name).second)
                continue;
            // addMention may reallocate ms_, which `m` points into.
            const auto at = m.begin;
            Mention r;
            r.label = labels::kRegion;
            r.kind = "city";
            r.name = city->name;
            r.begin = at;
            r.end = at;
            std::size_t ri = addMention(std::move(r));
            addFact(rels::kLocatedIn, i, ri, at);
        }
    }

    // 东软、忠旺、华信等一批…的大企业: bare names in a list headed by 企业.
    void bareEnterprises() {
        for (std::size_t p = 0; p < t_.size(); ++p) {
            if (t_[p] != U'等')
                continue;
            auto [cb, ce] = clauseAround(p);
            std::u32string_view tail = t_.substr(p + 1, ce - p - 1);
            if (lex_.longestSuffix("enterprise-heads", tail) == 0)
                continue;
            // Items back to the clause start, split by 、.
            std::size_t b = p;
            while (b > cb && t_[b - 1] != U',')
                --b;
            std::vector<std::pair<std::size_t, std::size_t>> items;
            std::size_t e = p;
            for (std::size_t k = p; k > b; --k) {
                if (t_[k - 1] == U'、') {
                    items.emplace_back(k, e);
                    e = k - 1;
                }
            }
            items.emplace_back(b, e);
            if (items.size() < 2)
                continue;
            for (auto [ib, ie] : items) {
                // The first item may carry the verb: 优先筛选东软.
                std::size_t s = ib;
                for (std::size_t k = ie; k > ib; --k) {
                    if (lex_.longestSuffix("stop", t_.substr(0, k - 1)) > 0 && k - 1 > ib) {
                        s = k - 1;
                        break;
                    }
                }
                std::u32string item(t_.substr(s, ie - s));
                if (item.size() < 2 || item.size() > 6)
                    continue;
                bool han = true;
                for (char32_t c : item)
                    han = han && u32::isHan(c);
                if (!han || u32::endsWith(item, U"企业"))
                    continue;
                if (!mentionsIn(s, ie).empty())
                    continue;
                bool overlaps = false;
                for (const Mention& m : ms_)
                    overlaps = overlaps || (m.begin < ie && s < m.end && m.end > m.begin);
                if (overlaps)
                    continue;
                Mention m;
                m.label = labels::kEnterprise;
                m.name = item;
                if (const LexEntry* le = lex_.lookup(item); le && le->label == labels::kEnterprise)
                    m.name = le->name;
                m.begin = s;
                m.end = ie;
                addMention(std::move(m));
            }
        }
    }

    // 到2020年…R&D经费支出占地区生产总值比重达到2%
    void targets() {
        for (std::size_t sb = 0; sb < t_.size();) {
            auto [b, e] = sentenceAround(t_, sb);
            sentenceTargets(b, e);
            sb = e + 1;
        }
    }

    void sentenceTargets(std::size_t b, std::size_t e) {
        std::u32string_view s = t_.substr(b, e - b);
        int year = 0;
        std::size_t yearEnd = 0;
        for (std::size_t i = 0; i + 5 <= s.size(); ++i) {
            if (s[i] != U'到' && s[i] != U'至' && !(s[i] == U'争' && i > 0 && s[i - 1] == U'力'))
                continue;
            std::size_t k = i + 1;
            int y = 0, nd = 0;
            while (k < s.size() && u32::isAsciiDigit(s[k]) && nd < 4)
                y = y * 10 + (s[k] - U'0'), ++k, ++nd;
            if (nd == 4 && k < s.size() && s[k] == U'年') {
                year = y;
                yearEnd = k + 1;
                break;
            }
        }
        if (year == 0)
            return;
        std::size_t cs = yearEnd;
        for (std::size_t i = yearEnd; i <= s.size(); ++i) {
            bool brk = i == s.size() || s[i] == U',' || s[i] == U';' || s[i] == U'、';
            if (!brk)
                continue;
            clauseTarget(b + cs, b + i, year);
            cs = i + 1;
        }
    }

    void clauseTarget(std::size_t cb, std::size_t ce, int year) {
        for (std::size_t p = cb; p < ce; ++p) {
            std::size_t n = lex_.longestPrefixAt("target-verbs", t_, p);
            if (n == 0)
                continue;
            std::size_t k = p + n;
            std::size_t vb = k;
            while (k < ce && (u32::isAsciiDigit(t_[k]) || t_[k] == U'.'))
                ++k;
            if (k == vb)
                continue;
            std::size_t unit = lex_.longestPrefixAt("target-units", t_, k);
            if (unit == 0)
                continue;
            double value = std::stod(u32::toUtf8(t_.substr(vb, k - vb)));
            std::u32string unitStr(t_.substr(k, unit));
            std::optional<std::size_t> subject;
            std::size_t metricBegin = cb;
            for (std::size_t i : mentionsIn(cb, p)) {
                if (isPlaceLabel(ms_[i].label)) {
                    subject = i;
                    metricBegin = ms_[i].end;
                }
            }
            std::u32string metric(u32::trim(t_.substr(metricBegin, p - metricBegin)));
            while (!metric.empty() && (metric[0] == U'和' || metric[0] == U'的' ||
                                       metric[0] == U'使' || metric[0] == U'全'))
                metric.erase(0, 1);
            if (metric.size() < 2 || metric.size() > 40)
                return;
            if (!subject)
                subject = docPlaceMention(false, cb);
            if (!subject)
                return;
            Mention tm;
            tm.label = labels::kTarget;
            tm.name = metric + std::u32string(t_.substr(p, k + unit - p)) + U"(" +
                      u32::fromUtf8(std::to_string(year)) + U")";
            tm.begin = cb;
            tm.end = ce;
            tm.kind = u32::toUtf8(metric) + "\x1f" + std::to_string(value) + "\x1f" +
                      u32::toUtf8(unitStr) + "\x1f" + std::to_string(year);
            std::size_t ti = addMention(std::move(tm));
            addFact(rels::kHasTarget, *subject, ti, p);
            return;
        }
    }

    void responsibilities() {
        std::vector<std::optional<std::size_t>> progMention(st_.programmes.size());
        std::vector<std::optional<std::size_t>> taskMention(st_.tasks.size());
        auto programme = [&](int p) {
            if (!progMention[p]) {
                const Heading& h = st_.headings[st_.programmes[p].heading];
                Mention m;
                m.label = labels::kProgram;
                m.name = st_.programmes[p].name;
                m.begin = h.titleBegin;
                m.end = h.titleEnd;
                progMention[p] = addMention(std::move(m));
            }
            return *progMention[p];
        };
        auto task = [&](int ti) {
            if (!taskMention[ti]) {
                const TaskItem& tk = st_.tasks[ti];
                const Heading& h = st_.headings[tk.heading];
                Mention m;
                m.label = labels::kTask;
                m.name = tk.name;
                m.begin = h.titleBegin;
                m.end = h.titleEnd;
                if (tk.programme >= 0)
                    m.kind = u32::toUtf8(st_.programmes[tk.programme].name);
                taskMention[ti] = addMention(std::move(m));
            }
            return *taskMention[ti];
        };
        for (std::size_t p = 0; p < st_.programmes.size(); ++p)
            programme(static_cast<int>(p));
        for (std::size_t k = 0; k < st_.tasks.size(); ++k) {
            std::size_t tm = task(static_cast<int>(k));
            if (opt_.taskPartOfEdges && st_.tasks[k].programme >= 0)
                addFact(rels::kPartOf, tm, programme(st_.tasks[k].programme), ms_[tm].begin);
        }
        for (const Responsibility& r : st_.responsibilities) {
            std::size_t target = r.task >= 0 ? task(r.task) : programme(r.programme);
            auto add = [&](const std::vector<std::u32string>& names, const char* type) {
                for (std::u32string n : names) {
                    // 省海洋局等: the list's closing word is no part of the name; 以下简称…
                    // is a gloss, not a member.
                    if (std::size_t k = lex_.longestSuffix("member-tails", n); k > 0)
                        n.resize(n.size() - k);
                    if (n.empty() || lex_.longestPrefixAt("stop", n, 0) > 0)
                        continue;
                    Mention d = rec_.department(n, place_);
                    if (d.name.empty())
                        continue;
                    d.begin = r.begin;
                    d.end = r.end;
                    std::size_t di = addMention(std::move(d));
                    addFact(type, di, target, r.begin);
                }
            };
            add(r.leads, rels::kLeads);
            add(r.supports, rels::kSupports);
        }
    }
};

} // namespace

std::pair<std::size_t, std::size_t> sentenceAround(std::u32string_view t, std::size_t pos) {
    pos = std::min(pos, t.size());
    std::size_t b = pos, e = pos;
    while (b > 0 && !isSentenceBreak(t[b - 1]))
        --b;
    while (e < t.size() && !isSentenceBreak(t[e]))
        ++e;
    if (e < t.size() && t[e] == U'。')
        ++e;
    return {b, e};
}

std::vector<std::u32string> splitEnumeration(const Lexicon& lex, std::u32string_view text) {
    std::vector<std::u32string> pieces;
    std::u32string cur;
    int depth = 0;
    for (char32_t c : text) {
        if (c == U'(' || c == U'“')
            ++depth;
        if (c == U')' || c == U'”')
            depth = std::max(0, depth - 1);
        if (c == U'、' && depth == 0) {
            pieces.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    pieces.push_back(cur);
    auto known = [&](std::u32string_view s) {
        std::u32string x = stripQuotes(u32::trim(s));
        const LexEntry* e = lex.lookup(x);
        return (e != nullptr && e->label != labels::kRegion) ||
               lex.longestSuffix("industry-tails", x) > 0;
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
                for (const auto& w : lex.words("conj")) {
                    if (w.size() > n && u32::startsWith(std::u32string_view(rest).substr(i), w))
                        n = w.size(), conj = w;
                }
                if (n == 0)
                    continue;
                std::u32string_view left = std::u32string_view(rest).substr(0, i);
                std::u32string_view right = std::u32string_view(rest).substr(i + n);
                // 和 and 与 join list items; 及 often joins the parts of one field.
                bool split = conj != U"及" || (known(left) && known(right));
                if (split) {
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
    Rules rules(recognizer, text, structure, place, mentions, options);
    return rules.run();
}

} // namespace innograph::extract
