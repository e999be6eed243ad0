#include "innograph/extract/text.h"

#include "innograph/extract/lexicon.h"
#include "u32.h"

#include "innograph/text/opencc.h"
#include "innograph/text/unicode.h"

namespace innograph::extract {
namespace {

using graph::Result;
using graph::Status;

struct Decoded {
    std::u32string chars;
    std::vector<std::uint32_t> begin;
    std::vector<std::uint32_t> end;
    std::string encoding;
};

// The text layer's strict decodings, with each character's byte span.
bool take(text::Decoding d, const char* encoding, Decoded& out, std::size_t& badAt) {
    if (!d.ok()) {
        badAt = d.badAt;
        return false;
    }
    out.chars = std::move(d.chars);
    out.begin = std::move(d.begin);
    out.end = std::move(d.end);
    out.encoding = encoding;
    return true;
}

bool decodeUtf8(std::string_view s, Decoded& out, std::size_t& badAt, std::size_t& multibyte) {
    text::Decoding d = text::decodeUtf8WithOffsets(s);
    multibyte = d.multibyteBefore;
    return take(std::move(d), "UTF-8", out, badAt);
}

bool decodeGb18030(std::string_view s, Decoded& out, std::size_t& badAt) {
    return take(text::decodeGb18030WithOffsets(s), "GB18030", out, badAt);
}

// Converts one line in place, keeping one output character per input character so offsets stay
// aligned: phrase-level conversion when it keeps the length, character by character otherwise.
void simplifyLine(std::u32string& line) {
    bool ascii = true;
    for (char32_t c : line)
        ascii = ascii && c < 0x80;
    // Most lines have no character t2s could change: nothing to copy or convert.
    if (ascii || !text::simplifiedConversionAvailable() ||
        !text::simplificationMayChange(std::u32string_view(line)))
        return;
    std::u32string conv = text::toSimplified(std::u32string_view(line));
    if (conv.size() == line.size()) {
        line = std::move(conv);
        return;
    }
    for (char32_t& c : line) {
        if (c < 0x80)
            continue;
        std::u32string r = text::toSimplified(std::u32string_view(&c, 1));
        if (r.size() == 1)
            c = r[0];
    }
}

struct Builder {
    CleanText out;
    void push(char32_t c, char32_t surface, std::uint32_t b, std::uint32_t e) {
        out.text.push_back(c);
        out.surface.push_back(surface);
        out.begin.push_back(b);
        out.end.push_back(e);
    }
};

// One line of text with its per-character provenance.
struct Line {
    std::u32string text;
    std::u32string surface;
    std::vector<std::uint32_t> begin, end;
    void erase(std::size_t pos, std::size_t n) {
        text.erase(pos, n);
        surface.erase(pos, n);
        begin.erase(begin.begin() + pos, begin.begin() + pos + n);
        end.erase(end.begin() + pos, end.begin() + pos + n);
    }
};

bool isToneLetter(char32_t c) {
    if (c >= U'a' && c <= U'z')
        return true;
    if (c >= 0x300 && c <= 0x36f)
        return true; // combining tone marks
    static const std::u32string_view toned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
    return toned.find(c) != std::u32string_view::npos;
}

// `區(qū)`: a parenthesised lower-case romanisation right after a Han character is a reading aid,
// not text.
void removePinyin(Line& line) {
    for (std::size_t i = 1; i < line.text.size(); ++i) {
        if (line.text[i] != U'(' || !u32::isHan(line.text[i - 1]))
            continue;
        std::size_t j = i + 1;
        while (j < line.text.size() && j - i <= 8 && isToneLetter(line.text[j]))
            ++j;
        if (j < line.text.size() && line.text[j] == U')' && j > i + 1) {
            line.erase(i, j - i + 1);
            --i;
        }
    }
}

bool startsWithHeadingMarker(std::u32string_view s) {
    if (u32::startsWith(s, U"——"))
        return true;
    std::size_t i = 0;
    if (!s.empty() && s[0] == U'(') {
        i = 1;
        std::size_t k = i;
        while (k < s.size() && u32::isChineseNumeral(s[k]))
            ++k;
        return k > i && k < s.size() && s[k] == U')';
    }
    std::size_t k = 0;
    while (k < s.size() && u32::isChineseNumeral(s[k]))
        ++k;
    if (k > 0 && k < s.size() && s[k] == U'、')
        return true;
    k = 0;
    while (k < s.size() && u32::isAsciiDigit(s[k]))
        ++k;
    if (k > 0 && k <= 2 && k + 1 < s.size() && (s[k] == U'、' || s[k] == U'.') &&
        !u32::isAsciiDigit(s[k + 1]))
        return true;
    return false;
}

bool containsAny(std::u32string_view s, const std::vector<std::u32string>& words) {
    for (const auto& w : words)
        if (s.find(w) != std::u32string_view::npos)
            return true;
    return false;
}

enum class LineKind { Text, Meta, Drop };

LineKind classify(const Lexicon& lex, std::u32string_view t) {
    if (t.empty())
        return LineKind::Drop;
    bool onlyDebris = true;
    for (char32_t c : t)
        onlyDebris = onlyDebris && (c == U'|' || c == U'-' || u32::isSpace(c));
    if (onlyDebris)
        return LineKind::Drop;
    const bool sentence = t.find(U'。') != std::u32string_view::npos;
    // Table rows from a scraped page: short cells between bars.
    std::size_t bars = 0;
    for (char32_t c : t)
        bars += c == U'|';
    if (bars >= 1 && !sentence) {
        std::size_t cells = 0, longest = 0, cur = 0;
        for (char32_t c : t) {
            if (c == U'|') {
                cells += cur > 0;
                longest = std::max(longest, cur);
                cur = 0;
            } else if (!u32::isSpace(c)) {
                ++cur;
            }
        }
        cells += cur > 0;
        longest = std::max(longest, cur);
        if (cells >= 2 && longest <= 40)
            return LineKind::Meta;
    }
    if (sentence)
        return LineKind::Text;
    // Navigation lists and page furniture of web pages.
    if ((t[0] == U'•' || t[0] == U'·' || t[0] == U'*' || u32::startsWith(t, U"- ")) &&
        t.size() <= 40)
        return LineKind::Meta;
    if ((t.front() == U'[' && t.back() == U']') || (t.front() == U'【' && t.back() == U'】'))
        return LineKind::Meta;
    if (t.size() <= 60 && containsAny(t, lex.words("page-furniture")))
        return LineKind::Meta;
    return LineKind::Text;
}

} // namespace

std::u32string toSimplified(std::u32string_view text) {
    std::u32string s(text);
    simplifyLine(s);
    return s;
}

std::string CleanText::utf8() const {
    return u32::toUtf8(text);
}
std::string CleanText::utf8(std::size_t from, std::size_t to) const {
    return u32::toUtf8(std::u32string_view(text).substr(from, to - from));
}
std::string CleanText::surfaceUtf8(std::size_t from, std::size_t to) const {
    return u32::toUtf8(std::u32string_view(surface).substr(from, to - from));
}
std::uint32_t CleanText::byteBegin(std::size_t from) const {
    if (from < begin.size())
        return begin[from];
    return end.empty() ? 0 : end.back();
}
std::uint32_t CleanText::byteEnd(std::size_t to) const {
    if (to == 0)
        return begin.empty() ? 0 : begin.front();
    return end[std::min(to, end.size()) - 1];
}

Result<CleanText> decodeAndClean(std::string_view bytes) {
    auto lex = Lexicon::builtin();
    if (!lex.isOk())
        return lex.status();
    return decodeAndClean(bytes, *lex.value());
}

Result<CleanText> decodeAndClean(std::string_view bytes, const Lexicon& lex) {
    if (bytes.empty())
        return Status::invalidArgument("empty file: there is no text to read");
    if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        return Status::invalidArgument("binary data, not text: NUL byte at offset " +
                                       std::to_string(nul));
    }
    Decoded d;
    std::size_t badUtf8 = 0, multibyte = 0;
    if (!decodeUtf8(bytes, d, badUtf8, multibyte)) {
        // A file that is plainly UTF-8 up to a broken byte is a damaged UTF-8 file; decoding it
        // as GB18030 would only turn it into plausible-looking nonsense.
        if (multibyte >= 8) {
            return Status::invalidArgument("invalid UTF-8 at byte offset " +
                                           std::to_string(badUtf8));
        }
        d = Decoded{};
        std::size_t badGb = 0;
        if (!decodeGb18030(bytes, d, badGb)) {
            return Status::invalidArgument(
                "not text in a supported encoding: invalid UTF-8 at byte offset " +
                std::to_string(badUtf8) + " and invalid GB18030/GBK at byte offset " +
                std::to_string(badGb));
        }
    }
    std::size_t controls = 0, visible = 0;
    for (char32_t c : d.chars) {
        if ((c < 0x20 && c != U'\n' && c != U'\r' && c != U'\t' && c != U'\f' && c != U'\v') ||
            c == 0x7f || (c >= 0xe000 && c <= 0xf8ff) || c == 0xfffd)
            ++controls;
        else if (!u32::isSpace(c))
            ++visible;
    }
    if (visible == 0)
        return Status::invalidArgument("empty file: only whitespace, no text");
    if (controls * 20 > d.chars.size()) {
        return Status::invalidArgument("binary data, not text: " + std::to_string(controls) +
                                       " control or private-use characters in " +
                                       std::to_string(d.chars.size()) + " (" + d.encoding + ")");
    }

    // Split into lines, normalising each character on its own so it keeps its byte span.
    // Each line's arrays are sized for its characters up front (NFKC may add a few): four
    // growing arrays a line were most of this loop's allocations.
    std::vector<Line> lines;
    auto startLine = [&](std::size_t from) {
        std::size_t to = from;
        while (to < d.chars.size() && d.chars[to] != U'\n')
            ++to;
        Line& l = lines.emplace_back();
        l.text.reserve(to - from);
        l.surface.reserve(to - from);
        l.begin.reserve(to - from);
        l.end.reserve(to - from);
    };
    startLine(0);
    for (std::size_t i = 0; i < d.chars.size(); ++i) {
        char32_t c = d.chars[i];
        if (c == U'\r')
            continue;
        if (c == U'\n') {
            startLine(i + 1);
            continue;
        }
        Line& l = lines.back();
        auto pushChar = [&](char32_t x) {
            l.text.push_back(x);
            l.surface.push_back(x);
            l.begin.push_back(d.begin[i]);
            l.end.push_back(d.end[i]);
        };
        if (text::isNfkcInert(c)) {
            pushChar(c);
            continue;
        }
        for (char32_t x : text::nfkc(c))
            pushChar(x);
    }

    Builder b;
    b.out.encoding = d.encoding;
    b.out.text.reserve(d.chars.size());
    b.out.surface.reserve(d.chars.size());
    b.out.begin.reserve(d.chars.size());
    b.out.end.reserve(d.chars.size());
    bool first = true;
    for (Line& l : lines) {
        simplifyLine(l.text);
        for (char32_t& c : l.text)
            if (u32::isSpace(c))
                c = U' ';
        // Trailing table bars and blanks are debris of a scraped table.
        while (!l.text.empty() && (l.text.back() == U' ' || l.text.back() == U'|'))
            l.erase(l.text.size() - 1, 1);
        while (!l.text.empty() && l.text.front() == U' ')
            l.erase(0, 1);
        LineKind kind = classify(lex, l.text);
        if (kind == LineKind::Drop)
            continue;
        removePinyin(l);
        if (kind == LineKind::Meta) {
            b.out.metaLines.push_back(l.text);
            continue;
        }
        if (!first) {
            // The newline stands where the line starts.
            b.push(U'\n', U'\n', l.begin.front(), l.begin.front());
        }
        first = false;
        for (std::size_t i = 0; i < l.text.size(); ++i) {
            char32_t c = l.text[i];
            if (c == U' ') {
                std::size_t j = i;
                while (j < l.text.size() && l.text[j] == U' ')
                    ++j;
                std::u32string_view rest = std::u32string_view(l.text).substr(j);
                // Headings run into one line by a scraper: put them back on their own line.
                bool heading = startsWithHeadingMarker(rest);
                b.push(heading ? U'\n' : U' ', heading ? U'\n' : U' ', l.begin[i], l.end[i]);
                i = j - 1;
                continue;
            }
            if (c == U'。' && i + 2 < l.text.size() && l.text[i + 1] == U'—' &&
                l.text[i + 2] == U'—') {
                b.push(c, l.surface[i], l.begin[i], l.end[i]);
                b.push(U'\n', U'\n', l.end[i], l.end[i]);
                continue;
            }
            b.push(c, l.surface[i], l.begin[i], l.end[i]);
        }
    }
    if (b.out.text.empty()) {
        return Status::invalidArgument("no text left after removing page furniture and tables");
    }
    return std::move(b.out);
}

} // namespace innograph::extract
