// UTF-8 on ICU's well-formedness rules (U8_NEXT), so every layer draws the same line between
// valid and malformed input and replaces malformed sequences the same way.

#include "innograph/text/unicode.h"

#include <simdjson.h>
#include <unicode/utf8.h>

namespace innograph::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// ICU's macros index with int32_t; inputs past 2 GiB are walked in windows so no length is cut.
UChar32 next(std::string_view s, std::size_t& i) {
    constexpr std::size_t kWindow = 1u << 30;
    const std::size_t base = i;
    const std::size_t len = std::min(s.size() - base, kWindow);
    std::int32_t k = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data() + base), k,
            static_cast<std::int32_t>(len), c);
    i = base + static_cast<std::size_t>(k);
    return c;
}

} // namespace

std::size_t firstInvalidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        // Most of the text stored is Chinese: three-byte sequences whose lead byte admits every
        // continuation byte (E1-EC, EE-EF; E0 and ED restrict the second byte) are checked here.
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < s.size() &&
            (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        const std::size_t at = i;
        if (next(s, i) < 0)
            return at;
    }
    return npos;
}

bool isValidUtf8(std::string_view s) {
    // About 4 instructions a byte of Chinese text for the scalar check, a fraction of one here:
    // a merged relationship's record is rewritten with all its evidence sentences in every
    // document that repeats it, and each rewrite checks them all again.
    return simdjson::validate_utf8(s.data(), s.size());
}

char32_t nextCodePoint(std::string_view s, std::size_t& i) {
    const UChar32 c = next(s, i);
    return c < 0 ? kReplacement : static_cast<char32_t>(c);
}

std::u32string decodeUtf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();)
        out.push_back(nextCodePoint(s, i));
    return out;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = kReplacement;
    // cp is a scalar value now, so the unchecked append cannot overrun the four bytes.
    std::uint8_t buf[U8_MAX_LENGTH];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string encodeUtf8(std::u32string_view s) {
    // Written in place, four bytes at most a code point: an append per character was 78
    // instructions a character of a document's text.
    std::string out(s.size() * 4, '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    for (char32_t cp : s) {
        if (cp < 0x80) {
            *p++ = static_cast<unsigned char>(cp);
            continue;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = kReplacement;
        if (cp < 0x800) {
            *p++ = static_cast<unsigned char>(0xC0 | (cp >> 6));
        } else if (cp < 0x10000) {
            *p++ = static_cast<unsigned char>(0xE0 | (cp >> 12));
            *p++ = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
        } else {
            *p++ = static_cast<unsigned char>(0xF0 | (cp >> 18));
            *p++ = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
            *p++ = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
        }
        *p++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    }
    out.resize(static_cast<std::size_t>(p - reinterpret_cast<unsigned char*>(out.data())));
    return out;
}

std::size_t codePointCount(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) {
        if (static_cast<unsigned char>(s[i]) < 0x80)
            ++i;
        else
            next(s, i);
    }
    return n;
}

Utf8Decoding decodeUtf8WithOffsets(std::string_view s) {
    Utf8Decoding d;
    std::size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    // Written by index into room for one code point a byte, cut to size at the end (three
    // push_backs a character were most of the decoding).
    d.chars.resize(s.size());
    d.begin.resize(s.size());
    d.end.resize(s.size());
    std::size_t n = 0;
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size()) {
        const std::size_t at = i;
        UChar32 c;
        if (u[i] < 0x80) {
            c = u[i];
            ++i;
        } else if (u[i] >= 0xE1 && u[i] <= 0xEF && u[i] != 0xED && i + 2 < s.size() &&
                   (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            // A three-byte sequence whose lead byte admits every continuation byte, as in
            // firstInvalidUtf8.
            c = static_cast<UChar32>(((u[i] & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) |
                                     (u[i + 2] & 0x3F));
            i += 3;
        } else {
            c = next(s, i);
        }
        if (c < 0) {
            d.badAt = at;
            d.chars.resize(n);
            d.begin.resize(n);
            d.end.resize(n);
            return d;
        }
        if (i - at > 1)
            ++d.multibyteBefore;
        d.chars[n] = static_cast<char32_t>(c);
        d.begin[n] = static_cast<std::uint32_t>(at);
        d.end[n] = static_cast<std::uint32_t>(i);
        ++n;
    }
    d.chars.resize(n);
    d.begin.resize(n);
    d.end.resize(n);
    return d;
}

LineColumn lineColumnAt(std::string_view s, std::size_t byteOffset) {
    LineColumn at;
    for (std::size_t i = 0; i < byteOffset && i < s.size();) {
        if (s[i] == '\n') {
            ++at.line;
            at.column = 1;
            ++i;
        } else {
            nextCodePoint(s, i);
            ++at.column;
        }
    }
    return at;
}

std::size_t byteOffsetAt(std::string_view s, std::size_t line, std::size_t column) {
    LineColumn at;
    std::size_t i = 0;
    while (at.line < line || (at.line == line && at.column < column)) {
        if (i >= s.size() || (at.line == line && s[i] == '\n'))
            return npos;
        if (s[i] == '\n') {
            ++at.line;
            at.column = 1;
            ++i;
        } else {
            nextCodePoint(s, i);
            ++at.column;
        }
    }
    return at.line == line && at.column == column ? i : npos;
}

} // namespace innograph::text
