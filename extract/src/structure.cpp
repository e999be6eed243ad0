#include "innograph/extract/structure.h"

#include "u32.h"

#include <algorithm>

namespace innograph::extract {
namespace {

// Heading level and marker length at the start of a line; level 0 when it is no heading.
int headingAt(std::u32string_view s, std::size_t& markerLen) {
    markerLen = 0;
    if (u32::startsWith(s, U"——")) {
        markerLen = 2;
        return 5;
    }
    std::size_t k = 0;
    if (!s.empty() && s[0] == U'(') {
        k = 1;
        while (k < s.size() && u32::isChineseNumeral(s[k]))
            ++k;
        if (k > 1 && k < s.size() && s[k] == U')') {
            markerLen = k + 1;
            return 2;
        }
        k = 1;
        while (k < s.size() && u32::isAsciiDigit(s[k]))
            ++k;
        if (k > 1 && k <= 3 && k < s.size() && s[k] == U')') {
            markerLen = k + 1;
            return 4;
        }
        return 0;
    }
    while (k < s.size() && u32::isChineseNumeral(s[k]))
        ++k;
    if (k > 0 && k < s.size() && s[k] == U'、') {
        markerLen = k + 1;
        return 1;
    }
    k = 0;
    while (k < s.size() && u32::isAsciiDigit(s[k]))
        ++k;
    if (k > 0 && k <= 2 && k + 1 < s.size() && (s[k] == U'、' || s[k] == U'.') &&
        !u32::isAsciiDigit(s[k + 1])) {
        markerLen = k + 1;
        return 3;
    }
    return 0;
}

std::u32string stripQuotes(std::u32string_view s) {
    std::u32string out;
    for (char32_t c : s)
        if (c != U'“' && c != U'”' && c != U'"' && c != U'‘' && c != U'’')
            out.push_back(c);
    return out;
}

// The programme a heading names, or empty: 实施“双创升级示范工程” → 双创升级示范工程.
std::u32string programmeName(const Lexicon& lex, std::u32string_view title) {
    std::u32string s = stripQuotes(title);
    while (!s.empty() && (s.back() == U'。' || s.back() == U':'))
        s.pop_back();
    for (const auto& verb : lex.words("programme-verbs")) {
        if (u32::startsWith(s, verb))
            s = s.substr(verb.size());
    }
    if (lex.longestSuffix("suffix-Program", s) == 0)
        return {};
    if (s.size() < 4 || s.find(U',') != std::u32string::npos)
        return {};
    // 六大工程 names a group, not a programme.
    if (s.size() >= 2 && u32::isChineseNumeral(s[0]) && lex.hasWord("group-counts", s.substr(1, 1)))
        return {};
    return s;
}

} // namespace

std::vector<std::u32string> splitMembers(std::u32string_view list) {
    std::vector<std::u32string> out;
    std::u32string cur;
    int depth = 0;
    auto flush = [&] {
        std::u32string_view v = u32::trim(cur);
        if (!v.empty())
            out.emplace_back(v);
        cur.clear();
    };
    for (char32_t c : list) {
        if (c == U'(' || c == U'<' || c == U'〈')
            ++depth;
        if (c == U')' || c == U'>' || c == U'〉')
            depth = std::max(0, depth - 1);
        if (depth == 0 && (c == U'、' || c == U',' || c == U';' || c == U' ')) {
            flush();
            continue;
        }
        cur.push_back(c);
    }
    flush();
    return out;
}

// (A、B按职责分工负责) or (A牵头,B配合): a list of departments closed by a role word. Members
// gather until a segment ends with a role word, which gives them all its role; a clause with no
// role word, or whose members are not departments, is no responsibility clause.
void readRoleTails(const Lexicon& lex, std::u32string_view body, Responsibility& r) {
    if (std::size_t stop = body.find(U'。'); stop != std::u32string_view::npos)
        body = body.substr(0, stop);
    std::vector<std::u32string> pending;
    std::size_t b = 0;
    while (b <= body.size()) {
        std::size_t e = body.find_first_of(U",;", b);
        if (e == std::u32string_view::npos)
            e = body.size();
        std::u32string_view seg = u32::trim(body.substr(b, e - b));
        b = e + 1;
        std::u32string_view tail;
        bool leads = true;
        std::size_t n = lex.longestSuffix("lead-tails", seg, &tail);
        if (n == 0) {
            n = lex.longestSuffix("support-tails", seg, &tail);
            leads = false;
        }
        std::u32string_view names = seg.substr(0, seg.size() - n);
        std::vector<std::u32string> members;
        // 各市、县政府 is one collective member, not 各市 and 县政府.
        if (!names.empty() && lex.longestPrefixAt("collective-prefixes", names, 0) > 0) {
            std::u32string joined;
            for (char32_t c : names)
                if (c != U'、')
                    joined.push_back(c);
            members.push_back(joined);
        } else {
            members = splitMembers(names);
        }
        for (auto& m : members) {
            if (lex.longestSuffix("suffix-Department", m) == 0)
                return; // not a list of departments
            pending.push_back(std::move(m));
        }
        if (n == 0)
            continue;
        auto& dst = leads ? r.leads : r.supports;
        dst.insert(dst.end(), pending.begin(), pending.end());
        pending.clear();
    }
}

Structure readStructure(const Lexicon& lex, const CleanText& ct) {
    Structure st;
    std::u32string_view t = ct.text;

    for (std::size_t b = 0; b < t.size();) {
        std::size_t e = t.find(U'\n', b);
        if (e == std::u32string_view::npos)
            e = t.size();
        std::u32string_view line = t.substr(b, e - b);
        std::size_t marker = 0;
        int level = headingAt(line, marker);
        if (level > 0) {
            Heading h;
            h.level = level;
            h.begin = b;
            h.titleBegin = b + marker;
            std::size_t stop = line.find(U'。', marker);
            std::size_t titleEnd = stop == std::u32string_view::npos ? line.size() : stop;
            // A long first sentence: its first clause names the task well enough.
            if (titleEnd - marker > 40) {
                std::size_t comma = line.find(U',', marker);
                if (comma != std::u32string_view::npos && comma < titleEnd)
                    titleEnd = comma;
            }
            h.titleEnd = b + titleEnd;
            h.title = std::u32string(u32::trim(line.substr(marker, titleEnd - marker)));
            st.headings.push_back(std::move(h));
        }
        b = e + 1;
    }
    for (std::size_t i = 0; i < st.headings.size(); ++i) {
        Heading& h = st.headings[i];
        h.bodyEnd = t.size();
        for (std::size_t j = i + 1; j < st.headings.size(); ++j) {
            if (st.headings[j].level <= h.level) {
                h.bodyEnd = st.headings[j].begin;
                break;
            }
        }
    }

    std::vector<int> programmeOfHeading(st.headings.size(), -1);
    for (std::size_t i = 0; i < st.headings.size(); ++i) {
        const Heading& h = st.headings[i];
        if (h.level > 2)
            continue;
        std::u32string name = programmeName(lex, h.title);
        if (name.empty())
            continue;
        programmeOfHeading[i] = static_cast<int>(st.programmes.size());
        st.programmes.push_back({i, name});
    }
    auto enclosingProgramme = [&](std::size_t pos) {
        int found = -1;
        for (std::size_t p = 0; p < st.programmes.size(); ++p) {
            const Heading& h = st.headings[st.programmes[p].heading];
            if (h.begin <= pos && pos < h.bodyEnd)
                found = static_cast<int>(p);
        }
        return found;
    };
    std::vector<int> taskOfHeading(st.headings.size(), -1);
    auto makeTask = [&](std::size_t i) {
        if (taskOfHeading[i] >= 0)
            return taskOfHeading[i];
        TaskItem task;
        task.heading = i;
        task.name = st.headings[i].title;
        task.programme = enclosingProgramme(st.headings[i].begin);
        taskOfHeading[i] = static_cast<int>(st.tasks.size());
        st.tasks.push_back(std::move(task));
        return taskOfHeading[i];
    };
    for (std::size_t i = 0; i < st.headings.size(); ++i) {
        if (st.headings[i].level == 3 && enclosingProgramme(st.headings[i].begin) >= 0)
            makeTask(i);
    }

    // Responsibility clauses: a key word right after an opening bracket. A strong lead key
    // (牵头单位) makes the shared keys beside it (责任单位) supporters; alone, a shared key leads.
    const auto& leadKeys = lex.words("leads-keys");
    const auto& sharedKeys = lex.words("shared-keys");
    const auto& supportKeys = lex.words("supports-keys");
    enum class Role { None, Lead, Shared, Support };
    auto keyAt = [&](std::size_t pos, Role& role) -> std::size_t {
        std::size_t best = 0;
        auto scan = [&](const std::vector<std::u32string>& keys, Role r) {
            for (const auto& k : keys)
                if (k.size() > best && u32::startsWith(t.substr(pos), k))
                    best = k.size(), role = r;
        };
        scan(leadKeys, Role::Lead);
        scan(sharedKeys, Role::Shared);
        scan(supportKeys, Role::Support);
        return best;
    };
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        char32_t open = t[i];
        if (open != U'(' && open != U'〔' && open != U'[' && open != U'【')
            continue;
        Role first = Role::None;
        std::size_t klen = keyAt(i + 1, first);
        // The matching close bracket, allowing brackets inside names (各县(市)区政府).
        int depth = 0;
        std::size_t close = std::u32string_view::npos;
        for (std::size_t k = i; k < t.size() && t[k] != U'\n'; ++k) {
            if (t[k] == U'(' || t[k] == U'〔' || t[k] == U'[' || t[k] == U'【')
                ++depth;
            if (t[k] == U')' || t[k] == U'〕' || t[k] == U']' || t[k] == U'】') {
                if (--depth == 0) {
                    close = k;
                    break;
                }
            }
        }
        if (close == std::u32string_view::npos)
            continue;
        Responsibility r;
        r.begin = i;
        r.end = close + 1;
        if (klen == 0) {
            readRoleTails(lex, t.substr(i + 1, close - i - 1), r);
        } else {
            // Segments start at each key word: 牵头单位:A;责任单位:B、C
            std::vector<std::pair<Role, std::vector<std::u32string>>> segments;
            std::size_t pos = i + 1;
            while (pos < close) {
                Role role = Role::None;
                std::size_t n = keyAt(pos, role);
                if (n == 0)
                    break;
                pos += n;
                if (pos < close && (t[pos] == U':' || t[pos] == U'：'))
                    ++pos;
                std::size_t next = close;
                for (std::size_t k = pos; k < close; ++k) {
                    Role dummy = Role::None;
                    if (keyAt(k, dummy) > 0) {
                        next = k;
                        break;
                    }
                }
                segments.emplace_back(role, splitMembers(t.substr(pos, next - pos)));
                pos = next;
            }
            bool strongLead = false;
            for (const auto& [role, members] : segments)
                strongLead |= role == Role::Lead;
            for (const auto& [role, members] : segments) {
                bool leads = role == Role::Lead || (role == Role::Shared && !strongLead);
                auto& dst = leads ? r.leads : r.supports;
                dst.insert(dst.end(), members.begin(), members.end());
            }
        }
        if (r.leads.empty() && r.supports.empty())
            continue;
        // Attach to the innermost heading whose body holds the clause.
        int owner = -1;
        for (std::size_t h = 0; h < st.headings.size(); ++h) {
            const Heading& hd = st.headings[h];
            if (hd.begin <= i && i < hd.bodyEnd && hd.level <= 4) {
                if (owner < 0 || hd.level > st.headings[owner].level)
                    owner = static_cast<int>(h);
            }
        }
        if (owner >= 0 && programmeOfHeading[owner] >= 0) {
            r.programme = programmeOfHeading[owner];
        } else if (owner >= 0) {
            r.task = makeTask(static_cast<std::size_t>(owner));
        }
        if (r.task < 0 && r.programme < 0)
            continue;
        st.responsibilities.push_back(std::move(r));
        i = close;
    }
    return st;
}

} // namespace innograph::extract
