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

// First date in `s`: 2019-01-18, 2019/1/18, 2019.1.18 or 2019年3月5日.
std::string findDate(std::u32string_view s) {
    for (std::size_t i = 0; i + 8 <= s.size(); ++i) {
        if (!u32::isAsciiDigit(s[i]) || (i > 0 && u32::isAsciiDigit(s[i - 1])))
            continue;
        std::size_t k = i;
        std::size_t y = readNumber(s, k, 4);
        if (k - i != 4 || y < 1949 || y > 2100 || k >= s.size())
            continue;
        char32_t sep = s[k];
        if (sep != U'-' && sep != U'/' && sep != U'.' && sep != U'年')
            continue;
        ++k;
        std::size_t m = readNumber(s, k, 2);
        if (m == static_cast<std::size_t>(-1) || m < 1 || m > 12 || k >= s.size())
            continue;
        char32_t sep2 = s[k];
        if (!((sep == U'年' && sep2 == U'月') || (sep != U'年' && sep2 == sep)))
            continue;
        ++k;
        std::size_t d = readNumber(s, k, 2);
        if (d == static_cast<std::size_t>(-1) || d < 1 || d > 31)
            continue;
        if (sep == U'年' && (k >= s.size() || s[k] != U'日'))
            continue;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04zu-%02zu-%02zu", y, m, d);
        return buf;
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
    while (!s.empty() && (u32::isAsciiDigit(s.back()) || s.back() == U'年' || s.back() == U'月' ||
                          s.back() == U'日' || s.back() == U'-' || s.back() == U' '))
        s.pop_back();
    if (s.size() < 3 || s.size() > 40 || hasSentencePunct(s) ||
        s.find(U',') != std::u32string::npos)
        return {};
    if (lex.longestSuffix("suffix-Department", s) == 0)
        return {};
    return s;
}

} // namespace

DocumentInfo readDocumentInfo(const Lexicon& lex, const CleanText& ct) {
    DocumentInfo info;
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
        if (!signature(lex, l).empty() || !findDate(l).empty())
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
        info.titleBegin = b;
        info.titleEnd = e;
        info.title = ct.utf8(b, e);
    }

    // Date: page metadata first, then the title's neighbourhood, then the closing lines.
    for (const auto& m : ct.metaLines) {
        if (info.date.empty())
            info.date = findDate(m);
    }
    for (std::size_t i = 0; i < lines.size() && info.date.empty() && i < 4; ++i) {
        auto [b, e] = lines[i];
        std::u32string_view l = t.substr(b, e - b);
        if (l.size() < 40)
            info.date = findDate(l);
    }
    for (std::size_t k = 0; k < 3 && k < lines.size() && info.date.empty(); ++k) {
        auto [b, e] = lines[lines.size() - 1 - k];
        std::u32string_view l = t.substr(b, e - b);
        for (const auto& w : lex.words("issued-markers")) {
            if (l.find(w) != std::u32string_view::npos)
                info.date = findDate(l);
        }
    }

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
        if (readNumber(t, k, 5) == static_cast<std::size_t>(-1) || k >= t.size() || t[k] != U'号')
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
