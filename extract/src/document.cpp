#include "innograph/extract/document.h"

#include "u32.h"

#include <algorithm>
#include <cstdio>

namespace innograph::extract {
namespace {

std::vector<std::pair<std::size_t, std::size_t>> lineRanges(std::u32string_view t) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        if (i == t.size() || t[i] == U'\n') {
            out.emplace_back(start, i);
            start = i + 1;
        }
    }
    return out;
}

std::size_t readNumber(std::u32string_view s, std::size_t& i, std::size_t maxDigits) {
    std::size_t v = 0, n = 0;
    while (i < s.size() && u32::isAsciiDigit(s[i]) && n < maxDigits) {
        v = v * 10 + (s[i] - U'0');
        ++i, ++n;
    }
    return n == 0 ? static_cast<std::size_t>(-1) : v;
}

// The characters that write a date's year, month and day (2019年3月5日), from the lexicon.
struct DateUnits {
    char32_t year = 0, month = 0, day = 0;
    explicit DateUnits(const Lexicon& lex) {
        const auto& w = lex.words("date-units");
        if (w.size() >= 3 && w[0].size() == 1 && w[1].size() == 1 && w[2].size() == 1)
            year = w[0][0], month = w[1][0], day = w[2][0];
    }
};

struct DateHit {
    std::size_t begin = 0, end = 0;
    std::string iso;
};

// A full date starting at s[i]: 2019-01-18, 2019/1/18, 2019.1.18 or 2019年3月5日.
bool dateAt(const DateUnits& u, std::u32string_view s, std::size_t i, DateHit* hit) {
    if (!u32::isAsciiDigit(s[i]) || (i > 0 && u32::isAsciiDigit(s[i - 1])))
        return false;
    std::size_t k = i;
    std::size_t y = readNumber(s, k, 4);
    if (k - i != 4 || y < 1949 || y > 2100 || k >= s.size())
        return false;
    char32_t sep = s[k];
    bool han = u.year != 0 && sep == u.year;
    if (sep != U'-' && sep != U'/' && sep != U'.' && !han)
        return false;
    ++k;
    std::size_t m = readNumber(s, k, 2);
    if (m == static_cast<std::size_t>(-1) || m < 1 || m > 12 || k >= s.size())
        return false;
    char32_t sep2 = s[k];
    if (!((han && sep2 == u.month) || (!han && sep2 == sep)))
        return false;
    ++k;
    std::size_t d = readNumber(s, k, 2);
    if (d == static_cast<std::size_t>(-1) || d < 1 || d > 31)
        return false;
    if (han) {
        if (k >= s.size() || s[k] != u.day)
            return false;
        ++k;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04zu-%02zu-%02zu", y, m, d);
    hit->begin = i;
    hit->end = k;
    hit->iso = buf;
    return true;
}

std::vector<DateHit> allDates(const DateUnits& u, std::u32string_view s) {
    std::vector<DateHit> out;
    for (std::size_t i = 0; i + 8 <= s.size(); ++i) {
        DateHit h;
        if (dateAt(u, s, i, &h)) {
            out.push_back(h);
            i = h.end - 1;
        }
    }
    return out;
}

std::string findDate(const DateUnits& u, std::u32string_view s) {
    auto hits = allDates(u, s);
    return hits.empty() ? std::string() : hits.front().iso;
}

// A four-digit year at s[i] (not inside a longer number), or 0.
std::size_t yearAt(std::u32string_view s, std::size_t i) {
    if (i + 4 > s.size() || (i > 0 && u32::isAsciiDigit(s[i - 1])))
        return 0;
    std::size_t k = i;
    std::size_t y = readNumber(s, k, 4);
    if (k - i != 4 || (k < s.size() && u32::isAsciiDigit(s[k])) || y < 1949 || y > 2100)
        return 0;
    return y;
}

// The value of a Chinese numeral (十四, 九, 二十) at s[i..], with its length; 0 if none.
std::size_t chineseNumber(const Lexicon& lex, std::u32string_view s, std::size_t i,
                          std::size_t* len) {
    const auto& digits = lex.words("chinese-digits"); // 零 一 … 九, in order
    const auto& tens = lex.words("chinese-ten");
    auto digit = [&](std::size_t at) -> int {
        for (std::size_t d = 0; d < digits.size(); ++d)
            if (at < s.size() && digits[d].size() == 1 && s[at] == digits[d][0])
                return static_cast<int>(d);
        return -1;
    };
    auto ten = [&](std::size_t at) {
        return at < s.size() && !tens.empty() && tens[0].size() == 1 && s[at] == tens[0][0];
    };
    std::size_t k = i, v = 0;
    if (int d = digit(k); d > 0 && ten(k + 1))
        v = 10 * static_cast<std::size_t>(d), k += 2;
    else if (ten(k))
        v = 10, k += 1;
    if (int d = digit(k); d > 0)
        v += static_cast<std::size_t>(d), k += 1;
    *len = k - i;
    return v;
}

// The first year of the N-th five-year plan written 十四五 (the 3rd began in 1966 after three
// years of adjustment; each later plan five years after it).
std::size_t fiveYearPlanYear(const Lexicon& lex, std::u32string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::size_t len = 0;
        std::size_t n = chineseNumber(lex, s, i, &len);
        if (n >= 3 && lex.longestPrefixAt("five-year-plan-tails", s, i + len) > 0 &&
            !(i > 0 && u32::isChineseNumeral(s[i - 1])))
            return 1966 + 5 * (n - 3);
        if (len > 0)
            i += len - 1;
    }
    return 0;
}

// A statute's date: the latest of the dates it was passed and amended on (…通过, …修正), in
// the lines under its title.
std::string passedDate(const Lexicon& lex, const DateUnits& u, std::u32string_view t) {
    const std::size_t head = std::min<std::size_t>(t.size(), 800);
    std::string passed;
    for (const DateHit& h : allDates(u, t)) {
        if (h.begin >= head)
            break;
        std::size_t stop = t.find_first_of(U"\n\u3002", h.end);
        std::u32string_view rest = t.substr(
            h.end, stop == std::u32string_view::npos ? std::u32string_view::npos : stop - h.end);
        for (std::size_t i = 0; i < rest.size() && i < 80; ++i)
            if (lex.longestPrefixAt("passed-markers", rest, i) > 0) {
                passed = std::max(passed, h.iso);
                break;
            }
    }
    return passed;
}

// The date of a document by the genre's conventions, tried in this order: the signature
// closing the text (发文机关 then its date), a date in brackets under the title ((2016年7月10日)),
// the year of the document number (冀政字〔2020〕52号), the first year of the period in the title
// ((2023—2025年), 十四五), and last the year a measure takes effect (自2017年1月1日起施行).
std::string conventionalDate(const Lexicon& lex, const DateUnits& u, std::u32string_view t,
                             std::u32string_view title) {
    auto hits = allDates(u, t);
    const std::size_t head = std::min<std::size_t>(t.size(), 400);
    for (const DateHit& h : hits) {
        std::size_t b = h.begin;
        while (b > 0 && u32::isSpace(t[b - 1]))
            --b;
        if (b == h.begin || b == 0)
            continue;
        bool ends = h.end == t.size() || u32::isSpace(t[h.end]) ||
                    lex.longestPrefixAt("issued-markers", t, h.end) > 0;
        if (ends && lex.longestSuffix("suffix-Department", t.substr(0, b)) > 0)
            return h.iso;
    }
    for (const DateHit& h : hits)
        if (h.begin < head && h.begin > 0 && t[h.begin - 1] == U'(')
            return h.iso;
    for (std::size_t i = 0; i + 6 < head; ++i) {
        if (t[i] != U'\u3014' && t[i] != U'[')
            continue;
        std::size_t y = yearAt(t, i + 1);
        if (y > 0 && (t[i + 5] == U'\u3015' || t[i + 5] == U']'))
            return std::to_string(y);
    }
    std::u32string_view where = title.empty() ? t.substr(0, head) : title;
    for (std::size_t i = 0; i + 9 < where.size(); ++i) {
        std::size_t y1 = yearAt(where, i);
        if (y1 == 0)
            continue;
        for (std::size_t gap = 1; gap <= 2; ++gap) {
            std::size_t y2 = yearAt(where, i + 4 + gap);
            bool sep = true;
            for (std::size_t g = i + 4; g < i + 4 + gap; ++g)
                sep = sep && !u32::isAsciiDigit(where[g]) &&
                      (!u32::isHan(where[g]) || where[g] == u.year ||
                       lex.hasWord("period-separators", where.substr(g, 1)));
            if (sep && y2 > y1 && y2 - y1 <= 10 && i + 8 + gap < where.size() && u.year != 0 &&
                where[i + 8 + gap] == u.year)
                return std::to_string(y1);
        }
    }
    if (std::size_t y = fiveYearPlanYear(lex, where); y > 0)
        return std::to_string(y);
    for (const DateHit& h : hits) {
        if (lex.longestPrefixAt("effective-markers", t, h.end) > 0)
            return h.iso.substr(0, 4);
    }
    return {};
}

bool hasSentencePunct(std::u32string_view s) {
    return s.find(U'。') != std::u32string_view::npos || s.find(U';') != std::u32string_view::npos;
}

// The trailing part of a line after its last full stop, without a date and 印发.
std::u32string signature(const Lexicon& lex, std::u32string_view line) {
    std::size_t stop = line.rfind(U'。');
    std::u32string_view tail =
        u32::trim(stop == std::u32string_view::npos ? line : line.substr(stop + 1));
    std::u32string s(tail);
    for (const auto& w : lex.words("issued-markers")) {
        if (u32::endsWith(s, w))
            s.resize(s.size() - w.size());
    }
    // Drop a trailing date.
    const DateUnits u(lex);
    while (!s.empty() &&
           (u32::isAsciiDigit(s.back()) || s.back() == u.year || s.back() == u.month ||
            s.back() == u.day || s.back() == U'-' || s.back() == U' '))
        s.pop_back();
    if (s.size() < 3 || s.size() > 40 || hasSentencePunct(s) ||
        s.find(U',') != std::u32string::npos)
        return {};
    if (lex.longestSuffix("suffix-Department", s) == 0)
        return {};
    return s;
}

// A title in a text whose lines run together (国务院办公厅 关于推进…建设 发展的指导意见
// 国办发〔2018〕4号…): the pieces between spaces at the start, up to the first that ends in a
// document type.
std::pair<std::size_t, std::size_t> runTogetherTitle(const Lexicon& lex, std::u32string_view t) {
    std::size_t b = 0;
    while (b < t.size() && u32::isSpace(t[b]))
        ++b;
    std::size_t i = b;
    for (int piece = 0; piece < 4 && i < t.size(); ++piece) {
        std::size_t e = i;
        while (e < t.size() && t[e] != U'\n' && !u32::isSpace(t[e]))
            ++e;
        std::u32string_view seg = t.substr(i, e - i);
        if (seg.empty() || hasSentencePunct(seg) || e - b > 80)
            break;
        if (lex.longestSuffix("doc-types", seg) > 0)
            return {b, e};
        if (e >= t.size() || t[e] == U'\n')
            break;
        i = e;
        while (i < t.size() && u32::isSpace(t[i]))
            ++i;
    }
    return {0, 0};
}

// The title a notice issues at the start of the text (现将《某省科技创新规划》印发给你们).
std::pair<std::size_t, std::size_t> issuedTitle(const Lexicon& lex, std::u32string_view t) {
    const std::size_t head = std::min<std::size_t>(t.size(), 300);
    for (std::size_t open = t.find(U'《'); open < head; open = t.find(U'《', open + 1)) {
        std::size_t close = t.find(U'》', open);
        if (close == std::u32string_view::npos || close - open > 60)
            break;
        std::u32string_view name = t.substr(open + 1, close - open - 1);
        std::u32string_view after = t.substr(close, std::min<std::size_t>(40, t.size() - close));
        if (lex.longestSuffix("doc-types", name) == 0)
            continue;
        for (const auto& w : lex.words("issued-markers"))
            if (after.find(w) != std::u32string_view::npos)
                return {open + 1, close};
    }
    return {0, 0};
}

} // namespace

DocumentInfo readDocumentInfo(const Lexicon& lex, const CleanText& ct) {
    DocumentInfo info;
    const DateUnits units(lex);
    std::u32string_view t = ct.text;
    auto lines = lineRanges(t);

    // Title: an early line that is not a sentence; a doc-type word at its end makes it certain.
    int chosen = -1;
    for (std::size_t i = 0; i < lines.size() && i < 6; ++i) {
        auto [b, e] = lines[i];
        std::u32string_view l = t.substr(b, e - b);
        if (l.size() < 6 || l.size() > 100 || hasSentencePunct(l))
            continue;
        // The closing signature (某省办公厅 2021年3月5日印发) is not a title.
        if (!signature(lex, l).empty() || !findDate(units, l).empty())
            continue;
        // Headings (一、总体要求) are not titles.
        if (u32::isChineseNumeral(l[0]) || u32::isAsciiDigit(l[0]) || l[0] == U'(' || l[0] == U'—')
            continue;
        if (l.find(U',') != std::u32string_view::npos && l.size() > 60)
            continue;
        chosen = static_cast<int>(i);
        break;
    }
    if (chosen >= 0) {
        auto [b, e] = lines[chosen];
        // A category tag in front (【辽宁省】) is page furniture.
        if (t[b] == U'【') {
            std::size_t close = t.find(U'】', b);
            if (close != std::u32string_view::npos && close < e)
                b = close + 1;
        }
        // A Markdown heading's marks (# 某省条例) are not part of it.
        while (b < e && (t[b] == U'#' || u32::isSpace(t[b])))
            ++b;
        info.titleBegin = b;
        info.titleEnd = e;
        info.title = ct.utf8(b, e);
    } else if (auto [b, e] = runTogetherTitle(lex, t); e > b) {
        info.titleBegin = b;
        info.titleEnd = e;
        for (char32_t c : t.substr(b, e - b))
            if (!u32::isSpace(c))
                info.title += u32::toUtf8(std::u32string_view(&c, 1));
    } else if (auto [b2, e2] = issuedTitle(lex, t); e2 > b2) {
        info.titleBegin = b2;
        info.titleEnd = e2;
        info.title = ct.utf8(b2, e2);
    }

    // Date: page metadata first, then the title's neighbourhood, then the closing lines.
    for (const auto& m : ct.metaLines) {
        if (info.date.empty())
            info.date = findDate(units, m);
    }
    if (info.date.empty())
        info.date = passedDate(lex, units, t);
    for (std::size_t i = 0; i < lines.size() && info.date.empty() && i < 4; ++i) {
        auto [b, e] = lines[i];
        std::u32string_view l = t.substr(b, e - b);
        if (l.size() < 40)
            info.date = findDate(units, l);
    }
    for (std::size_t k = 0; k < 3 && k < lines.size() && info.date.empty(); ++k) {
        auto [b, e] = lines[lines.size() - 1 - k];
        std::u32string_view l = t.substr(b, e - b);
        for (const auto& w : lex.words("issued-markers")) {
            if (l.find(w) != std::u32string_view::npos)
                info.date = findDate(units, l);
        }
    }

    if (info.date.empty())
        info.date = conventionalDate(lex, units, t,
                                     t.substr(info.titleBegin, info.titleEnd - info.titleBegin));

    // Issuer: the signature closing the text, else the page's 发布机构 field.
    for (std::size_t k = 0; k < 3 && k < lines.size() && info.issuer.empty(); ++k) {
        auto [b, e] = lines[lines.size() - 1 - k];
        std::u32string sig = signature(lex, t.substr(b, e - b));
        if (!sig.empty())
            info.issuer = u32::toUtf8(sig);
    }
    for (const auto& m : ct.metaLines) {
        if (!info.issuer.empty())
            break;
        std::vector<std::u32string> cells;
        std::u32string cur;
        for (char32_t c : m) {
            if (c == U'|') {
                cells.push_back(std::u32string(u32::trim(cur)));
                cur.clear();
            } else {
                cur.push_back(c);
            }
        }
        cells.push_back(std::u32string(u32::trim(cur)));
        for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
            std::u32string key = cells[i];
            if (!key.empty() && key.back() == U':')
                key.pop_back();
            if (lex.hasWord("issuer-keys", key) && !cells[i + 1].empty())
                info.issuer = u32::toUtf8(cells[i + 1]);
        }
        for (const auto& k : lex.words("issuer-keys")) {
            std::size_t at = m.find(k + U":");
            if (info.issuer.empty() && at != std::u32string::npos) {
                std::u32string v(u32::trim(std::u32string_view(m).substr(at + k.size() + 1)));
                std::size_t sp = v.find_first_of(U" |");
                if (sp != std::u32string::npos)
                    v.resize(sp);
                if (!v.empty())
                    info.issuer = u32::toUtf8(v);
            }
        }
    }

    // Cited documents: issuer code, 〔year〕, number, 号.
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != U'〔' && t[i] != U'[')
            continue;
        std::size_t k = i + 1;
        std::size_t y = readNumber(t, k, 4);
        if (y == static_cast<std::size_t>(-1) || k - i != 5 || k >= t.size() ||
            (t[k] != U'〕' && t[k] != U']'))
            continue;
        ++k;
        std::size_t numStart = k;
        if (readNumber(t, k, 5) == static_cast<std::size_t>(-1) || k >= t.size() ||
            !lex.hasWord("document-number-tails", t.substr(k, 1)))
            continue;
        (void)numStart;
        std::size_t b = i;
        while (b > 0 && u32::isHan(t[b - 1]) && i - b < 8)
            --b;
        if (b == i)
            continue;
        std::string cite = ct.utf8(b, k + 1);
        if (std::find(info.cites.begin(), info.cites.end(), cite) == info.cites.end())
            info.cites.push_back(cite);
    }
    return info;
}

} // namespace innograph::extract
