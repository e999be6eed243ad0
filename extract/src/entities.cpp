#include "innograph/extract/entities.h"

#include "innograph/extract/model.h"
#include "u32.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace innograph::extract {
namespace {

// Labels whose names the suffix patterns build; Department has its own, place-anchored pattern.
const char* const kPatternLabels[] = {labels::kZone,      labels::kPark,       labels::kUniversity,
                                      labels::kInstitute, labels::kEnterprise, labels::kCarrier};

// The @words list of a label's name suffixes ("suffix-" and the label), built once for the
// labels the patterns ask for rather than at every call.
const std::string& suffixList(std::string_view label) {
    static const std::map<std::string, std::string, std::less<>> lists = [] {
        std::map<std::string, std::string, std::less<>> m;
        for (const char* l : kPatternLabels)
            m.emplace(l, "suffix-" + std::string(l));
        m.emplace(labels::kDepartment, "suffix-" + std::string(labels::kDepartment));
        return m;
    }();
    if (auto it = lists.find(label); it != lists.end())
        return it->second;
    thread_local std::string other;
    other = "suffix-" + std::string(label);
    return other;
}

void addUnique(std::vector<std::u32string>& v, std::u32string_view s, std::u32string_view not_) {
    if (s.empty() || s == not_)
        return;
    if (std::find(v.begin(), v.end(), s) == v.end())
        v.emplace_back(s);
}

bool isRegion(const LexEntry* e) {
    return e && e->label == labels::kRegion;
}

// The first word of a rule list, or an empty string when the list is empty.
std::u32string firstWord(const Lexicon& lex, std::string_view list) {
    const auto& w = lex.words(list);
    return w.empty() ? std::u32string() : w.front();
}

bool startsWithWord(const Lexicon& lex, std::string_view list, std::u32string_view s) {
    return lex.longestPrefixAt(list, s, 0) > 0;
}

// Short form of a region: 辽阳市 → 辽阳 when the lexicon lists it.
std::u32string regionShort(const Lexicon& lex, const LexEntry& e) {
    for (const auto& a : e.aliases)
        if (a.size() + 1 == e.name.size() && u32::startsWith(e.name, a))
            return a;
    if (std::size_t n = lex.longestSuffix("city-endings", e.name); n > 0 && e.name.size() > n + 1)
        return e.name.substr(0, e.name.size() - n);
    return e.name;
}

struct Candidate {
    Mention m;
    bool fromLexicon = false;
};

class Recognition {
public:
    Recognition(const Lexicon& lex, const CleanText& ct)
        : lex_(lex), t_(ct.text), departmentSuffixes_(lex.list(suffixList(labels::kDepartment))),
          departmentKinds_(lex.list("department-kinds")), boundWords_(lex.list("bound-words")),
          stop_(lex.list("stop")), conj_(lex.list("conj")),
          listSeparators_(lex.list("list-separators")),
          nonDepartmentWords_(lex.list("non-department-words")),
          departmentDeicticHeads_(lex.list("department-deictic-heads")),
          generic_(lex.list("generic")) {
        for (std::size_t i = 0; i < std::size(kPatternLabels); ++i)
            patternSuffixes_[i] = lex.list(suffixList(kPatternLabels[i]));
    }

    std::vector<Mention> run() {
        lexiconPass();
        academyUnitPass();
        patternPass();
        departmentPass();
        departmentListPass();
        deicticPass();
        return select();
    }

private:
    const Lexicon& lex_;
    std::u32string_view t_;
    // The lists the passes search at every position, found once: kPatternLabels' suffixes.
    Lexicon::List patternSuffixes_[std::size(kPatternLabels)];
    Lexicon::List departmentSuffixes_, departmentKinds_;
    // …and the word lists they test at every position or every step of a scan.
    Lexicon::List boundWords_, stop_, conj_, listSeparators_, nonDepartmentWords_,
        departmentDeicticHeads_, generic_;
    std::vector<Candidate> lexical_; // lexicon matches, in order
    std::vector<Candidate> patterns_;
    std::map<std::size_t, std::size_t> lexicalEndingAt_; // end -> index in lexical_
    std::map<std::size_t, std::size_t> lexicalStartingAt_;
    std::map<std::size_t, std::size_t> patternEndingAt_;
    // A counted trigger after a place (廊坊两个经开区): the place's range, the end of the
    // trigger and the suffix the places listed before it share (经开区).
    struct Counted {
        std::size_t placeBegin, placeEnd, end; // placeEnd: the place's own name ends (沧州临港)
        std::u32string suffix;
    };
    std::vector<Counted> counted_;

    void lexiconPass() {
        for (std::size_t i = 0; i < t_.size();) {
            const LexEntry* e = nullptr;
            std::size_t n = lex_.longestMatch(t_, i, &e);
            // 科技部门 is not 科技部: the match ends inside a word of the language.
            if (n > 0 && i + n < t_.size() && lex_.hasWord(boundWords_, t_.substr(i + n - 1, 2)))
                n = 0;
            if (n == 0) {
                ++i;
                continue;
            }
            Candidate c;
            c.fromLexicon = true;
            c.m.begin = i;
            c.m.end = i + n;
            c.m.label = e->label;
            c.m.kind = e->kind;
            c.m.name = e->name;
            for (const auto& a : e->aliases)
                addUnique(c.m.aliases, a, e->name);
            addUnique(c.m.aliases, t_.substr(i, n), e->name);
            // 哈尔滨工业大学(威海): a university's campus in a place is named with the place.
            if (e->label == labels::kUniversity && i + n + 3 < t_.size() && t_[i + n] == U'(') {
                std::size_t close = t_.find(U')', i + n);
                const LexEntry* place = close != std::u32string_view::npos && close - (i + n) <= 7
                                            ? lex_.lookup(t_.substr(i + n + 1, close - i - n - 1))
                                            : nullptr;
                if (place && place->label == labels::kRegion) {
                    std::u32string written(t_.substr(i + n, close + 1 - (i + n)));
                    std::u32string campus = e->name + written;
                    std::vector<std::u32string> aliases;
                    for (const auto& a : c.m.aliases)
                        aliases.push_back(a + written);
                    c.m.aliases = std::move(aliases);
                    c.m.name = campus;
                    n = close + 1 - i;
                }
            }
            c.m.end = i + n;
            lexicalEndingAt_[i + n] = lexical_.size();
            lexicalStartingAt_[i] = lexical_.size();
            lexical_.push_back(std::move(c));
            i += n;
        }
    }

    // 中科院半导体所, 中国科学院微电子研究所: an academy's name, a field of at most eight
    // characters, a unit word; named in full (中国科学院半导体研究所), as written an alias.
    void academyUnitPass() {
        const std::u32string shortUnit = lex_.words("academy-unit-suffixes").empty()
                                             ? std::u32string()
                                             : lex_.words("academy-unit-suffixes").back();
        for (const Candidate& a : lexical_) {
            if (a.m.label != labels::kInstitute || a.m.kind != "academy")
                continue;
            for (std::size_t k = a.m.end + 1; k < t_.size() && k < a.m.end + 9; ++k) {
                if (!u32::isHan(t_[k - 1]) || lex_.longestSuffix(stop_, t_.substr(0, k)) > 0 ||
                    lex_.hasWord(listSeparators_, t_.substr(k - 1, 1)))
                    break;
                std::size_t n = lex_.longestPrefixAt("academy-unit-suffixes", t_, k);
                if (n == 0 || (k + n < t_.size() &&
                               lex_.hasWord("academy-unit-bound", t_.substr(k + n - 1, 2))))
                    continue;
                std::u32string unit(t_.substr(k, n));
                if (unit == shortUnit)
                    unit = lex_.words("academy-unit-suffixes").front();
                Candidate c;
                c.m.begin = a.m.begin;
                c.m.end = k + n;
                c.m.label = labels::kInstitute;
                c.m.name = a.m.name + std::u32string(t_.substr(a.m.end, k - a.m.end)) + unit;
                addUnique(c.m.aliases, t_.substr(c.m.begin, c.m.end - c.m.begin), c.m.name);
                patterns_.push_back(std::move(c));
                break;
            }
        }
    }

    const Candidate* lexicalEndingAt(std::size_t end) const {
        auto it = lexicalEndingAt_.find(end);
        return it == lexicalEndingAt_.end() ? nullptr : &lexical_[it->second];
    }
    const Candidate* lexicalStartingAt(std::size_t begin) const {
        auto it = lexicalStartingAt_.find(begin);
        return it == lexicalStartingAt_.end() ? nullptr : &lexical_[it->second];
    }

    // Does a complete name end at `end`: a lexicon entity or a word that ends names?
    bool completeNameEndsAt(std::size_t end) const {
        if (const Candidate* c = lexicalEndingAt(end); c && c->m.label != labels::kRegion)
            return true;
        std::u32string_view left = t_.substr(0, end);
        for (const char* label : kPatternLabels)
            if (lex_.longestSuffix(suffixList(label), left) > 0)
                return true;
        return lex_.longestSuffix("industry-tails", left) > 0;
    }

    // Where the name ending with the trigger at [pos, …) begins, scanning left.
    std::size_t nameStart(std::size_t pos, std::size_t end, std::string_view label,
                          bool* subUnit) const {
        std::size_t j = pos;
        *subUnit = false;
        // The lexicon's reading of the whole name (沈大自创区) ends the scan at its start.
        std::size_t known = std::string::npos;
        if (const Candidate* lc = lexicalEndingAt(end); lc && lc->m.label == label)
            known = lc->m.begin;
        while (j > 0 && pos - j < 24 && j != known) {
            char32_t c = t_[j - 1];
            if (c == U')') {
                std::size_t k = j - 1;
                bool ok = false;
                while (k > 0 && j - k < 12) {
                    --k;
                    if (t_[k] == U'(') {
                        ok = k + 1 < j - 1;
                        break;
                    }
                    if (!u32::isHan(t_[k]))
                        break;
                }
                if (!ok)
                    break;
                j = k;
                continue;
            }
            if (u32::isNameBreak(c) || c == U'(')
                break;
            if (!u32::isHan(c) && !u32::isAsciiAlpha(c) && !u32::isAsciiDigit(c))
                break;
            // A school of a university (大连理工大学创新创业学院) is part of it, not a name.
            if (label == labels::kUniversity) {
                std::u32string_view left = t_.substr(0, j);
                if (lex_.longestSuffix(suffixList(labels::kUniversity), left) > 0 ||
                    (lexicalEndingAt(j) && lexicalEndingAt(j)->m.label == labels::kUniversity)) {
                    *subUnit = true;
                    return j;
                }
            }
            std::u32string_view left = t_.substr(0, j);
            std::u32string_view conj;
            if (std::size_t n = lex_.longestSuffix(conj_, left, &conj); n > 0) {
                // 沈阳高新区和三好街园区: the conjunction separates two names; in
                // 金普硼化学和手性化学研究院 it is inside one.
                if (completeNameEndsAt(j - n) || lexicalStartingAt(j) ||
                    lex_.longestSuffix(stop_, t_.substr(0, j - n)) > 0)
                    break;
                j -= n;
                continue;
            }
            if (lex_.longestSuffix(stop_, left) > 0)
                break;
            if (const Candidate* lc = lexicalEndingAt(j)) {
                j = lc->m.begin;
                continue;
            }
            --j;
        }
        return j;
    }

    // True when `prefix` is only generic words (省级, 新型, 一批…) and digits.
    bool genericOnly(std::size_t at, std::u32string_view prefix) const {
        std::size_t i = 0;
        while (i < prefix.size()) {
            if (lexicalStartingAt(at + i))
                return false; // 东北大学 is a name, 东北 a word

            std::size_t n = lex_.longestPrefixAt(generic_, prefix, i);
            if (n == 0 && u32::isAsciiDigit(prefix[i]))
                n = 1;
            if (n == 0 && u32::isChineseNumeral(prefix[i]))
                n = 1;
            if (n == 0)
                return false;
            i += n;
        }
        return true;
    }

    void patternPass() {
        for (std::size_t pos = 0; pos < t_.size();) {
            std::size_t best = 0;
            const char* label = nullptr;
            for (std::size_t i = 0; i < std::size(kPatternLabels); ++i) {
                std::size_t n = lex_.longestPrefixAt(patternSuffixes_[i], t_, pos);
                if (n > best)
                    best = n, label = kPatternLabels[i];
            }
            if (best == 0) {
                ++pos;
                continue;
            }
            std::size_t end = pos + best;
            // 理工大学 holds 工大 but is 大学: a trigger running on past this one wins.
            bool overrun = false;
            for (std::size_t k = pos + 1; k < end && !overrun; ++k)
                for (Lexicon::List l : patternSuffixes_)
                    overrun = overrun || k + lex_.longestPrefixAt(l, t_, k) > end;
            if (overrun) {
                ++pos;
                continue;
            }
            bool subUnit = false;
            std::size_t start = nameStart(pos, end, label, &subUnit);
            if (!subUnit)
                addPattern(start, pos, end, label);
            pos = end;
        }
    }

    // Length of a count (两个, 3个, 四家) at the start of `s`, 0 if it starts with none.
    std::size_t countLength(std::u32string_view s) const {
        std::size_t i = 0;
        while (i < s.size() && (u32::isAsciiDigit(s[i]) || u32::isChineseNumeral(s[i])))
            ++i;
        if (i == 0)
            return 0;
        std::size_t w = lex_.longestPrefixAt("count-words", s, i);
        return w == 0 ? 0 : i + w;
    }

    void addPattern(std::size_t start, std::size_t pos, std::size_t end, const char* label) {
        // 济南—青岛人工智能创新应用先导区: two places joined by a dash head one name.
        if (label == std::string(labels::kZone) && start >= 2 &&
            lex_.hasWord("place-joiners", t_.substr(start - 1, 1))) {
            const Candidate* before = lexicalEndingAt(start - 1);
            const Candidate* after = lexicalStartingAt(start);
            if (before && after && before->m.label == labels::kRegion &&
                after->m.label == labels::kRegion)
                start = before->m.begin;
        }
        // 重点做好辽阳国家高新区: a park or zone is named after a place, which starts the name.
        if (label == std::string(labels::kPark) || label == std::string(labels::kZone)) {
            for (std::size_t k = start; k < pos; ++k) {
                const Candidate* lc = lexicalStartingAt(k);
                if (lc && lc->m.label == labels::kRegion && lc->m.end <= pos) {
                    start = k;
                    // 常德四个高新区 counts parks; it names none.
                    std::u32string_view rest = t_.substr(lc->m.end, pos - lc->m.end);
                    // …unless places listed before it share the trigger (秦皇岛、廊坊两个
                    // 经开区, 唐山曹妃甸、沧州临港四个经开区): then each place names one.
                    for (std::size_t j = 0; j < rest.size(); ++j) {
                        if (std::size_t c = countLength(rest.substr(j)); c > 0) {
                            counted_.push_back({lc->m.begin, lc->m.end + j, end,
                                                std::u32string(rest.substr(j + c)) +
                                                    std::u32string(t_.substr(pos, end - pos))});
                            return;
                        }
                    }
                    if (!rest.empty() && !lex_.hasWord("park-fillers", rest) &&
                        genericOnly(lc->m.end, rest))
                        return;
                    break;
                }
            }
        }
        std::u32string_view prefix = t_.substr(start, pos - start);
        std::u32string_view trigger = t_.substr(pos, end - pos);
        // 高新区 and 自创区 are named after a city (or are in the lexicon): 叫响高新区 or
        // 湖南省高新技术产业开发区 speak of the kind, not of one park.
        if (!prefix.empty() && !genericOnly(start, prefix) &&
            lex_.hasWord("place-named-triggers", trigger)) {
            const Candidate* head = lexicalStartingAt(start);
            bool place = head && head->m.label == labels::kRegion &&
                         (head->m.kind != "province" || label == std::string(labels::kZone) ||
                          lex_.longestSuffix("municipality-endings", head->m.name) > 0);
            // 今年高新区: text that is no place leaves the bare trigger.
            if (!place) {
                start = pos;
                prefix = {};
            }
        }
        // 河南省开发区, 山东省经济开发区: a province (not a municipality) and a park trigger
        // speak of the province's parks.
        if (label == std::string(labels::kPark)) {
            const LexEntry* e = lex_.lookup(t_.substr(start, pos - start));
            if (e && e->label == labels::kRegion && e->kind == "province" &&
                lex_.longestSuffix("municipality-endings", e->name) == 0)
                return;
        }
        Candidate c;
        c.m.label = label;
        c.m.end = end;
        if (prefix.empty() || genericOnly(start, prefix)) {
            // A bare 高新区 or 自创区 may stand for the document's own one.
            bool deictic =
                (label == std::string(labels::kPark) && prefix.empty() &&
                 lex_.hasWord("deictic-park", trigger)) ||
                (label == std::string(labels::kZone) &&
                 lex_.hasWord("deictic-zone", std::u32string(prefix) + std::u32string(trigger)));
            if (!deictic)
                return;
            c.m.begin = start;
            c.m.deictic = true;
            c.m.trigger = std::u32string(prefix) + std::u32string(trigger);
        } else {
            if (prefix.size() < 2)
                return;
            c.m.begin = start;
            c.m.prefix = prefix;
            c.m.trigger = trigger;
            c.m.name = t_.substr(start, end - start);
        }
        patternEndingAt_[end] = patterns_.size();
        patterns_.push_back(std::move(c));
    }

    // X局, X委, X厅…: only after a place (辽阳市科技局, 湖南省科学技术厅) or a leading 市/省
    // (市科技局), because 布局, 格局, 举办 end in the same characters.
    void departmentPass() {
        for (std::size_t pos = 0; pos < t_.size();) {
            std::size_t n = lex_.longestPrefixAt(departmentSuffixes_, t_, pos);
            if (n == 0) {
                ++pos;
                continue;
            }
            std::size_t end = pos + n;
            // 布局 and 格局 end in 局, 局长 and 厅长 are people: no department.
            if ((pos > 0 && lex_.hasWord(nonDepartmentWords_, t_.substr(pos - 1, 2))) ||
                (end < t_.size() && lex_.hasWord(boundWords_, t_.substr(end - 1, 2)))) {
                pos = end;
                continue;
            }
            std::size_t j = pos;
            while (j > 0 && pos - j < 16) {
                char32_t c = t_[j - 1];
                if (u32::isNameBreak(c) || c == U'(' || c == U')')
                    break;
                if (std::size_t s = lex_.longestSuffix(stop_, t_.substr(0, j)); s >= 2)
                    break;
                --j;
            }
            std::size_t start = std::string::npos;
            for (std::size_t k = j; k < pos; ++k) {
                const Candidate* lc = lexicalStartingAt(k);
                // A place, or a park or zone the lexicon knows (兰州高新区管委会).
                if (lc && (lc->m.label == labels::kRegion || lc->m.label == labels::kPark ||
                           lc->m.label == labels::kZone)) {
                    start = k;
                    break;
                }
            }
            bool deicticPrefix = false;
            if (start == std::string::npos && j < pos &&
                lex_.hasWord(departmentDeicticHeads_, t_.substr(j, 1)) &&
                !(j + 1 < t_.size() && lex_.hasWord(boundWords_, t_.substr(j, 2)))) {
                start = j;
                deicticPrefix = true;
            }
            // 有关部门, 其他部门, 发展改革等部门: words that say which departments, not a name.
            if (start != std::string::npos &&
                (lex_.longestSuffix("department-vague", t_.substr(start, pos - start)) > 0 ||
                 containsWord("list-closers", t_.substr(start, pos - start)))) {
                pos = end;
                continue;
            }
            // One-character triggers need a real name between place and trigger.
            std::size_t inner = 0;
            if (start != std::string::npos) {
                const Candidate* lc = lexicalStartingAt(start);
                std::size_t placeEnd = deicticPrefix ? start + 1 : (lc ? lc->m.end : start);
                inner = pos > placeEnd ? pos - placeEnd : 0;
            }
            if (start == std::string::npos || (n == 1 && inner < 2)) {
                pos = end;
                continue;
            }
            Candidate c;
            c.m.begin = start;
            c.m.end = end;
            c.m.label = labels::kDepartment;
            c.m.name = t_.substr(start, end - start);
            if (deicticPrefix) {
                c.m.deictic = true;
                c.m.prefix = t_.substr(start, 1);
                c.m.trigger = t_.substr(start, end - start);
                c.m.name.clear();
            }
            patterns_.push_back(std::move(c));
            pos = end;
        }
    }

    bool containsWord(std::string_view list, std::u32string_view s) const {
        for (std::size_t i = 0; i < s.size(); ++i)
            if (lex_.longestPrefixAt(list, s, i) > 0)
                return true;
        return false;
    }

    // Where a department's place starts at k: a leading 市/省 (not 市场) or a region's name;
    // `deictic` tells the two apart, `len` is the place's length.
    bool departmentHeadAt(std::size_t k, bool* deictic, std::size_t* len) const {
        if (lex_.hasWord(departmentDeicticHeads_, t_.substr(k, 1)) &&
            !(k + 1 < t_.size() && lex_.hasWord(boundWords_, t_.substr(k, 2)))) {
            *deictic = true;
            *len = 1;
            return true;
        }
        if (const Candidate* lc = lexicalStartingAt(k); lc && lc->m.label == labels::kRegion) {
            *deictic = false;
            *len = lc->m.end - k;
            return true;
        }
        return false;
    }

    // 市商务、财政、知识产权等部门: the place before the first item and the trigger after the
    // list's 等 make a department of every item (上海市财政部门).
    void departmentListPass() {
        for (std::size_t pos = 1; pos < t_.size(); ++pos) {
            // 等行政管理部门: a kind of department may stand between the list and its trigger.
            std::size_t kind = lex_.longestPrefixAt(departmentKinds_, t_, pos);
            std::size_t n = lex_.longestPrefixAt(departmentSuffixes_, t_, pos + kind);
            std::size_t closer = n == 0 ? 0 : lex_.longestSuffix("list-closers", t_.substr(0, pos));
            if (closer == 0)
                continue;
            std::u32string trigger(t_.substr(pos, kind + n));
            std::vector<std::pair<std::size_t, std::size_t>> items;
            std::size_t e = pos - closer, headBegin = std::string::npos, headLen = 0;
            bool deictic = false;
            while (e > 0 && items.size() < 20) {
                std::size_t b = e;
                while (b > 0 && e - b < 12 && u32::isHan(t_[b - 1]) &&
                       !lex_.hasWord(listSeparators_, t_.substr(b - 1, 1)))
                    --b;
                bool afterSeparator = b > 0 && lex_.hasWord(listSeparators_, t_.substr(b - 1, 1));
                bool d = false;
                std::size_t len = 0;
                if (afterSeparator && e - b >= 2 && e - b <= 10 && !departmentHeadAt(b, &d, &len)) {
                    items.emplace_back(b, e);
                    e = b - 1;
                    continue;
                }
                // The first item: the place nearest the item's end that leaves a name after it.
                for (std::size_t k = e >= 3 ? e - 3 : 0; k + 1 >= b + 1 && k < e; --k) {
                    if (departmentHeadAt(k, &d, &len) && k + len + 2 <= e) {
                        headBegin = k, headLen = len, deictic = d;
                        // 北京市 ends in 市: the region, not the document's own city.
                        if (const Candidate* r = lexicalEndingAt(k + 1);
                            d && r && r->m.label == labels::kRegion)
                            headBegin = r->m.begin, headLen = k + 1 - r->m.begin, deictic = false;
                        items.emplace_back(k + len, e);
                        break;
                    }
                    if (k == b)
                        break;
                }
                break;
            }
            if (headBegin == std::string::npos || items.size() < 2)
                continue;
            std::u32string head(t_.substr(headBegin, headLen));
            for (const auto& [b, e2] : items) {
                std::u32string item(t_.substr(b, e2 - b));
                if (lex_.longestSuffix(stop_, item) > 0)
                    continue;
                Candidate c;
                c.m.begin = b == headBegin + headLen ? headBegin : b;
                c.m.end = e2;
                c.m.label = labels::kDepartment;
                if (deictic) {
                    c.m.deictic = true;
                    c.m.prefix = head;
                    c.m.trigger = head + item + trigger;
                } else {
                    c.m.name = head + item + trigger;
                }
                patterns_.push_back(std::move(c));
            }
        }
    }

    void deicticPass() {
        struct Kind {
            const char* list;
            const char* label;
        };
        for (Kind k :
             {Kind{"deictic-city", labels::kRegion}, Kind{"deictic-province", labels::kRegion}}) {
            const Lexicon::List list = lex_.list(k.list);
            for (std::size_t pos = 0; pos < t_.size(); ++pos) {
                std::size_t n = lex_.longestPrefixAt(list, t_, pos);
                if (n == 0)
                    continue;
                Candidate c;
                c.m.begin = pos;
                c.m.end = pos + n;
                c.m.label = k.label;
                c.m.deictic = true;
                c.m.trigger = t_.substr(pos, n);
                c.m.kind = std::string(k.list) == "deictic-city" ? "city" : "province";
                patterns_.push_back(std::move(c));
            }
        }
        // 我区, 本区: the document's own park.
        const std::u32string own = firstWord(lex_, "deictic-own-park");
        const Lexicon::List ownPark = lex_.list("deictic-own-park");
        for (std::size_t pos = 0; pos + 1 < t_.size(); ++pos) {
            if (std::size_t n = lex_.longestPrefixAt(ownPark, t_, pos); n > 0) {
                Candidate c;
                c.m.begin = pos;
                c.m.end = pos + n;
                c.m.label = labels::kPark;
                c.m.deictic = true;
                c.m.trigger = own;
                patterns_.push_back(std::move(c));
            }
        }
    }

    // Longest spans win; on equal spans the lexicon's reading wins.
    std::vector<Mention> select() {
        std::vector<Candidate*> all;
        for (auto& c : lexical_)
            all.push_back(&c);
        for (auto& c : patterns_)
            all.push_back(&c);
        std::stable_sort(all.begin(), all.end(), [](const Candidate* a, const Candidate* b) {
            std::size_t la = a->m.end - a->m.begin, lb = b->m.end - b->m.begin;
            if (la != lb)
                return la > lb;
            return a->fromLexicon && !b->fromLexicon;
        });
        std::vector<char> taken(t_.size() + 1, 0);
        std::vector<Mention> out;
        for (Candidate* c : all) {
            bool free = true;
            for (std::size_t i = c->m.begin; i < c->m.end && free; ++i)
                free = !taken[i];
            if (!free)
                continue;
            for (std::size_t i = c->m.begin; i < c->m.end; ++i)
                taken[i] = 1;
            out.push_back(std::move(c->m));
        }
        std::sort(out.begin(), out.end(),
                  [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
        return joinPlaces(std::move(out));
    }

    bool regionMention(const Mention& m, const char* kind) const {
        return m.label == labels::kRegion && !m.deictic && (!kind || m.kind == kind);
    }

    // Length of the region's name that starts at `pos` and ends by `limit`, 0 if none.
    std::size_t regionAt(std::size_t pos, std::size_t limit) const {
        for (std::size_t n = std::min<std::size_t>(limit - pos, 12); n >= 2; --n) {
            const LexEntry* e = lex_.lookup(t_.substr(pos, n));
            if (e && e->label == labels::kRegion)
                return n;
        }
        return 0;
    }

    // 长沙、株洲、湘潭国家高新区, 石家庄、保定高新区, 唐山、秦皇岛和廊坊经开区: the trigger
    // after the last place applies to every place of the list. Turns the places listed before
    // out[i] into parks named place + `suffix`; returns how many.
    std::size_t extendLeft(std::vector<Mention>& out, std::size_t i, const std::u32string& suffix,
                           bool headWhole) const {
        std::size_t k = i, made = 0;
        while (k > 0) {
            std::size_t b = out[k].begin;
            std::size_t sep = 0;
            if (b > 0 && lex_.hasWord(listSeparators_, t_.substr(b - 1, 1)))
                sep = 1;
            else
                sep = lex_.longestSuffix(conj_, t_.substr(0, b));
            if (sep == 0)
                break;
            std::size_t e = b - sep;
            Mention& r = out[k - 1];
            if (!regionMention(r, nullptr) || r.kind == "province" || r.end > e)
                break;
            // 沧州临港: a place and a few characters of the park's own name.
            if (r.end < e) {
                if (e - r.end > 3)
                    break;
                bool han = true;
                for (std::size_t q = r.end; q < e; ++q)
                    han =
                        han && u32::isHan(t_[q]) && !lex_.hasWord(listSeparators_, t_.substr(q, 1));
                if (!han)
                    break;
            }
            std::u32string place(t_.substr(r.begin, e - r.begin));
            // 石家庄鹿泉区、保定高新区: a place written with its 区/县/市 stands alone, unless the
            // park's own place is written so too (平山县、阜平县高新区).
            if (!headWhole && lex_.longestSuffix("admin-suffixes", place) > 0)
                break;
            r.label = labels::kPark;
            r.end = e;
            r.name = place + suffix;
            r.aliases.clear();
            r.kind.clear();
            r.prefix = place;
            r.trigger = suffix;
            --k;
            ++made;
        }
        return made;
    }

    void shareSuffixes(std::vector<Mention>& out) const {
        for (std::size_t i = out.size(); i-- > 1;) {
            const Mention& park = out[i];
            if (park.label != labels::kPark || park.deictic)
                continue;
            std::size_t n = regionAt(park.begin, park.end);
            if (n == 0)
                continue;
            std::u32string suffix(t_.substr(park.begin + n, park.end - park.begin - n));
            if (lex_.longestSuffix("place-named-triggers", suffix) == 0)
                continue;
            extendLeft(out, i, suffix,
                       lex_.longestSuffix("admin-suffixes", t_.substr(park.begin, n)) > 0);
        }
        for (const Counted& c : counted_) {
            auto it = std::find_if(out.begin(), out.end(), [&](const Mention& m) {
                return m.begin == c.placeBegin && m.end <= c.placeEnd && c.placeEnd - m.end <= 3 &&
                       regionMention(m, nullptr);
            });
            if (it == out.end())
                continue;
            std::size_t i = static_cast<std::size_t>(it - out.begin());
            if (i + 1 < out.size() && out[i + 1].begin < c.placeEnd)
                continue;
            bool whole = lex_.longestSuffix("admin-suffixes",
                                            t_.substr(c.placeBegin, c.placeEnd - c.placeBegin)) > 0;
            if (extendLeft(out, i, c.suffix, whole) == 0)
                continue;
            Mention& r = out[i];
            std::u32string place(t_.substr(r.begin, c.placeEnd - r.begin));
            r.label = labels::kPark;
            r.end = c.end;
            r.name = place + c.suffix;
            r.aliases.clear();
            r.kind.clear();
            r.prefix = place;
            r.trigger = c.suffix;
        }
    }

    std::vector<Mention> joinPlaces(std::vector<Mention> ms) const {
        std::vector<Mention> out;
        for (std::size_t i = 0; i < ms.size(); ++i) {
            // 上海嘉定: a city followed by one of its districts is one place.
            if (i + 1 < ms.size() && regionMention(ms[i], nullptr) && ms[i].kind != "district" &&
                regionMention(ms[i + 1], "district") && ms[i].end == ms[i + 1].begin) {
                Mention m = ms[i];
                m.end = ms[i + 1].end;
                m.name = std::u32string(t_.substr(m.begin, m.end - m.begin));
                m.aliases = {ms[i].name + ms[i + 1].name};
                m.kind = "district";
                out.push_back(std::move(m));
                ++i;
                continue;
            }
            out.push_back(std::move(ms[i]));
        }
        shareSuffixes(out);
        return out;
    }
};

} // namespace

std::u32string EntityRecognizer::canonicalPark(std::u32string_view name) const {
    std::u32string s(name);
    const std::u32string hightech = firstWord(lex_, "park-short-hightech");
    const std::u32string econ = firstWord(lex_, "park-short-econ");
    for (const auto& w : lex_.words("park-long-hightech")) {
        if (u32::endsWith(s, w) && s.size() > w.size()) {
            s = s.substr(0, s.size() - w.size()) + hightech;
            break;
        }
    }
    for (const auto& w : lex_.words("park-long-econ")) {
        if (u32::endsWith(s, w) && s.size() > w.size()) {
            s = s.substr(0, s.size() - w.size()) + econ;
            break;
        }
    }
    // 大连市高新区 and 大连国家高新区 are 大连高新区: drop fillers between place and trigger.
    for (const std::u32string& trig : {hightech, econ}) {
        if (trig.empty())
            continue;
        if (!u32::endsWith(s, trig))
            continue;
        std::u32string p = s.substr(0, s.size() - trig.size());
        bool changed = true;
        while (changed) {
            changed = false;
            for (const auto& f : lex_.words("park-fillers")) {
                if (p.size() > f.size() && u32::endsWith(p, f)) {
                    std::u32string shorter = p.substr(0, p.size() - f.size());
                    const LexEntry* e = lex_.lookup(shorter);
                    if (lex_.hasWord("city-endings", f) && !isRegion(e))
                        continue;
                    p = shorter;
                    changed = true;
                }
            }
        }
        if (const LexEntry* e = lex_.lookup(p); isRegion(e))
            p = regionShort(lex_, *e);
        s = p + std::u32string(trig);
    }
    return s;
}

void EntityRecognizer::canonicalize(Mention& m) const {
    if (m.deictic)
        return;
    std::u32string surface = m.name;
    if (const LexEntry* e = lex_.lookup(surface); e && e->label == m.label) {
        m.name = e->name;
        for (const auto& a : e->aliases)
            addUnique(m.aliases, a, m.name);
        addUnique(m.aliases, surface, m.name);
        m.kind = e->kind;
        return;
    }
    if (m.label == labels::kPark) {
        m.name = canonicalPark(surface);
        addUnique(m.aliases, surface, m.name);
        // 宜宾高新区 is also written 宜宾高新技术产业开发区 and 宜宾国家高新区.
        const std::u32string hightech = firstWord(lex_, "park-short-hightech");
        if (!hightech.empty() && u32::endsWith(m.name, hightech)) {
            std::u32string p = m.name.substr(0, m.name.size() - hightech.size());
            for (const auto& form : lex_.words("park-hightech-forms"))
                addUnique(m.aliases, p + form, m.name);
        }
        if (const LexEntry* e = lex_.lookup(m.name); e && e->label == m.label) {
            m.name = e->name;
            for (const auto& a : e->aliases)
                addUnique(m.aliases, a, m.name);
        }
    } else if (m.label == labels::kZone && !lex_.hasWord("deictic-zone", m.trigger)) {
        // A pilot zone (济南国家新一代人工智能创新发展试验区) keeps its name as written.
        if (const LexEntry* e = lex_.lookup(m.name); e && e->label == m.label) {
            m.name = e->name;
            for (const auto& a : e->aliases)
                addUnique(m.aliases, a, m.name);
        }
        addUnique(m.aliases, surface, m.name);
    } else if (m.label == labels::kZone) {
        // 沈大国家自创区 is 沈大国家自主创新示范区: the first of the zone's forms is its name.
        std::u32string p = m.prefix;
        if (std::size_t n = lex_.longestSuffix("zone-fillers", p); n > 0)
            p.resize(p.size() - n);
        m.name = p + firstWord(lex_, "zone-forms");
        if (const LexEntry* e = lex_.lookup(m.name); e && e->label == m.label)
            m.name = e->name;
        addUnique(m.aliases, surface, m.name);
        for (const auto& form : lex_.words("zone-forms"))
            addUnique(m.aliases, p + form, m.name);
    } else if (m.label == labels::kUniversity) {
        // X工大 is X工业大学: the list pairs a short form with its long form (工大=工业大学).
        for (const auto& pair : lex_.words("university-short-forms")) {
            std::size_t eq = pair.find(U'=');
            if (eq != std::u32string::npos && m.trigger == pair.substr(0, eq))
                m.name = m.prefix + pair.substr(eq + 1);
        }
        // 锦州渤海大学: a place before a known university's name.
        const LexEntry* region = nullptr;
        std::size_t n = lex_.longestMatch(m.name, 0, &region);
        if (n > 0 && isRegion(region) && n < m.name.size()) {
            const LexEntry* rest = lex_.lookup(std::u32string_view(m.name).substr(n));
            if (rest && rest->label == labels::kUniversity)
                m.name = rest->name;
        }
        if (const LexEntry* e = lex_.lookup(m.name); e && e->label == m.label) {
            m.name = e->name;
            for (const auto& a : e->aliases)
                addUnique(m.aliases, a, m.name);
        }
        addUnique(m.aliases, surface, m.name);
    } else if (m.label == labels::kInstitute) {
        // 中科院自动化研究所 is also 中国科学院自动化研究所.
        const LexEntry* head = nullptr;
        std::size_t n = lex_.longestMatch(m.name, 0, &head);
        if (n > 0 && n < m.name.size() && head &&
            (head->label == labels::kInstitute || head->label == labels::kUniversity) &&
            head->name != std::u32string_view(m.name).substr(0, n)) {
            addUnique(m.aliases, head->name + m.name.substr(n), m.name);
        }
    } else if (m.label == labels::kEnterprise) {
        // Short names: drop the legal form, then a leading place (辽宁忠旺集团有限公司 → 忠旺).
        if (lex_.longestSuffix("enterprise-branch-words", m.name) == 0) {
            std::u32string core = m.name;
            for (const auto& tail : lex_.words("enterprise-legal-forms")) {
                if (u32::endsWith(core, tail) && core.size() > tail.size() + 1) {
                    core.resize(core.size() - tail.size());
                    addUnique(m.aliases, core, m.name);
                    break;
                }
            }
            const LexEntry* region = nullptr;
            std::size_t n = lex_.longestMatch(core, 0, &region);
            std::u32string noPlace = core;
            if (n > 0 && isRegion(region) && core.size() - n >= 2) {
                noPlace = core.substr(n);
                addUnique(m.aliases, noPlace, m.name);
            }
            for (const auto& tail : lex_.words("enterprise-group-words")) {
                if (u32::endsWith(noPlace, tail) && noPlace.size() >= tail.size() + 2) {
                    addUnique(m.aliases, noPlace.substr(0, noPlace.size() - tail.size()), m.name);
                    if (noPlace != core)
                        addUnique(m.aliases, core.substr(0, core.size() - tail.size()), m.name);
                }
            }
        }
    }
}

std::vector<Mention> EntityRecognizer::recognize(const CleanText& text) const {
    Recognition r(lex_, text);
    std::vector<Mention> ms = r.run();
    for (Mention& m : ms)
        canonicalize(m);
    return ms;
}

DocPlace EntityRecognizer::inferPlace(const std::vector<Mention>& mentions, std::size_t titleBegin,
                                      std::size_t titleEnd, std::u32string_view issuer) const {
    DocPlace p;
    auto cityOf = [&](const std::u32string& name) -> const LexEntry* {
        const LexEntry* e = nullptr;
        std::size_t n = lex_.longestMatch(name, 0, &e);
        if (n > 0 && isRegion(e) && e->kind == "city")
            return e;
        return nullptr;
    };
    auto provinceOf = [&](const std::u32string& name) -> const LexEntry* {
        const LexEntry* e = nullptr;
        std::size_t n = lex_.longestMatch(name, 0, &e);
        if (n > 0 && isRegion(e) && e->kind == "province")
            return e;
        return nullptr;
    };
    for (const Mention& m : mentions) {
        if (m.deictic || m.begin < titleBegin || m.end > titleEnd)
            continue;
        if (m.label == labels::kPark && p.park.empty()) {
            p.park = m.name;
            if (const LexEntry* c = cityOf(m.name); c && p.city.empty())
                p.city = c->name;
            // 上海市漕河泾新兴技术开发区: a municipality's park.
            if (const LexEntry* c = provinceOf(m.name); c && p.province.empty())
                p.province = c->name;
        } else if (m.label == labels::kZone && p.zone.empty() && lex_.lookup(m.name)) {
            p.zone = m.name;
        } else if (m.label == labels::kRegion && m.kind == "province" && p.province.empty()) {
            p.province = m.name;
        } else if (m.label == labels::kRegion && m.kind == "city" && p.city.empty()) {
            p.city = m.name;
        }
    }
    // No place in the title: the place the issuer is named after.
    if (p.city.empty() && p.park.empty() && p.province.empty() && !issuer.empty()) {
        const LexEntry* e = nullptr;
        if (lex_.longestMatch(issuer, 0, &e) > 0 && isRegion(e)) {
            if (e->kind == "city")
                p.city = e->name;
            else if (e->kind == "province")
                p.province = e->name;
        }
    }
    // Else the city and province the text names most.
    std::map<std::u32string, int> cities, provinces, zones;
    for (const Mention& m : mentions) {
        if (m.deictic)
            continue;
        if (m.label == labels::kZone)
            zones[m.name] += lex_.lookup(m.name) ? 100 : 1;
        if (m.label == labels::kUniversity)
            continue;
        if (const LexEntry* c = cityOf(m.name))
            ++cities[c->name];
        if (const LexEntry* c = provinceOf(m.name))
            ++provinces[c->name];
    }
    auto most = [](const std::map<std::u32string, int>& counts) {
        std::u32string best;
        int n = 0;
        for (const auto& [k, v] : counts)
            if (v > n)
                best = k, n = v;
        return best;
    };
    if (p.city.empty() && p.park.empty() && p.province.empty())
        p.city = most(cities);
    if (p.province.empty() && p.park.empty() && p.city.empty())
        p.province = most(provinces);
    if (p.zone.empty())
        p.zone = most(zones);
    if (!p.city.empty()) {
        if (const LexEntry* e = lex_.lookup(p.city))
            p.cityShort = regionShort(lex_, *e);
    }
    return p;
}

Mention EntityRecognizer::department(std::u32string_view written, const DocPlace& place) const {
    std::u32string s;
    int angle = 0;
    for (char32_t c : written) {
        if (c == U'<' || c == U'〈')
            ++angle;
        else if (c == U'>' || c == U'〉')
            angle = std::max(0, angle - 1);
        else if (angle == 0 && !u32::isSpace(c))
            s.push_back(c);
    }
    // 温州浙南产业集聚区(经开区、瓯飞)党政办公室: the bracket glosses the place.
    std::u32string written0 = s;
    for (std::size_t open = s.find(U'('); open != std::u32string::npos; open = s.find(U'(')) {
        std::size_t close = s.find(U')', open);
        if (close == std::u32string::npos)
            break;
        s.erase(open, close - open + 1);
    }
    Mention m;
    m.label = labels::kDepartment;
    if (written0 != s && !startsWithWord(lex_, "collective-prefixes", written0))
        m.aliases.push_back(written0);
    else
        s = written0;
    if (const LexEntry* e = lex_.lookup(s); e && e->label == labels::kDepartment) {
        m.name = e->name;
        for (const auto& a : e->aliases)
            addUnique(m.aliases, a, m.name);
        addUnique(m.aliases, s, m.name);
        return m;
    }
    const LexEntry* head = nullptr;
    std::size_t n = lex_.longestMatch(s, 0, &head);
    // 人民银行某省分行营管部: a name with its own place inside is no local department.
    bool placeInside = false;
    for (std::size_t i = 1; i + 1 < s.size() && !placeInside; ++i) {
        const LexEntry* e = nullptr;
        placeInside = lex_.longestMatch(s, i, &e) > 0 && isRegion(e) && e->kind != "district" &&
                      e->kind != "county";
    }
    std::u32string name;
    // 市科技局 and 省科技厅 stand for the document's city and province (市场监管局 does not).
    const bool cityHead =
        startsWithWord(lex_, "city-deictic-heads", s) && !startsWithWord(lex_, "bound-words", s);
    const bool provinceHead = startsWithWord(lex_, "province-deictic-heads", s) &&
                              !startsWithWord(lex_, "bound-words", s);
    // 雄安新区管委会: a department of a park or zone is named after it, not after the city.
    const bool ownName =
        n > 0 && head &&
        (isRegion(head) || head->label == labels::kPark || head->label == labels::kZone);
    if (startsWithWord(lex_, "collective-prefixes", s) || ownName ||
        (placeInside && !cityHead && !provinceHead) ||
        lex_.longestPrefixAt("national-heads", s, 0) > 0) {
        name = s;
    } else if (cityHead && !place.city.empty()) {
        name = place.city + s.substr(1);
    } else if (cityHead && !place.province.empty() &&
               lex_.longestSuffix("municipality-endings", place.province) > 0) {
        // 市人民政府 in a Shanghai statute: the municipality is the province.
        name = place.province + s.substr(1);
    } else if (provinceHead && !place.province.empty()) {
        name = place.province + s.substr(1);
    } else {
        std::size_t parkWord = lex_.longestPrefixAt("suffix-Park", s, 0);
        if (parkWord > 0 && !place.cityShort.empty()) {
            name = place.cityShort + s;
        } else if (!place.park.empty()) {
            name = place.park + s;
        } else if (!place.city.empty()) {
            name = place.city + s;
        } else if (!place.province.empty()) {
            name = place.province + s;
        } else {
            name = s;
        }
    }
    m.name = name;
    if (s != name)
        m.localAliases.push_back(s);
    return m;
}

void EntityRecognizer::resolve(std::vector<Mention>& mentions, const DocPlace& place) const {
    std::vector<Mention> out;
    out.reserve(mentions.size());
    for (Mention& m : mentions) {
        if (!m.deictic) {
            out.push_back(std::move(m));
            continue;
        }
        std::u32string name;
        if (m.label == labels::kRegion) {
            name = m.kind == "city" ? place.city : place.province;
        } else if (m.label == labels::kZone) {
            name = place.zone;
        } else if (m.label == labels::kPark) {
            if (lex_.hasWord("deictic-own-park", m.trigger)) {
                name = place.park;
            } else if (const std::u32string hightech = firstWord(lex_, "park-short-hightech");
                       !hightech.empty() && m.trigger == hightech) {
                if (u32::endsWith(place.park, hightech))
                    name = place.park;
                else if (place.park.empty() && !place.cityShort.empty())
                    name = place.cityShort + hightech;
            } else if (u32::endsWith(place.park, m.trigger)) {
                name = place.park;
            }
        } else if (m.label == labels::kDepartment) {
            Mention d = department(m.trigger, place);
            d.begin = m.begin;
            d.end = m.end;
            d.deictic = true;
            out.push_back(std::move(d));
            continue;
        }
        if (name.empty())
            continue;
        m.name = name;
        if (m.label == labels::kRegion || m.label == labels::kPark) {
            if (const LexEntry* e = lex_.lookup(name); e && e->label == m.label)
                m.kind = e->kind;
        }
        out.push_back(std::move(m));
    }
    mentions = std::move(out);
}

} // namespace innograph::extract
