// Character classes and widths from ICU's character properties.

#include "innograph/text/unicode.h"

#include "bmp_bits.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace innograph::text {
namespace {

bool whiteSpaceFromIcu(char32_t c) {
    if (c == U' ' || c == U'\n' || c == U'\t' || c == U'\r')
        return true;
    if (c < 0x80)
        return c == U'\f' || c == U'\v';
    return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

bool hanByIcu(char32_t c) {
    if (c < 0x2E80)
        return false;
    UErrorCode err = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_HAN && U_SUCCESS(err);
}

bool quotationMarkByIcu(char32_t c) {
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_QUOTATION_MARK);
}

} // namespace

bool detail::whiteSpaceByIcu(char32_t c) {
    // ICU's answers for the Basic Multilingual Plane, asked once: the cleaner asks for every
    // character of every document.
    static const BmpBits table(whiteSpaceFromIcu);
    return c < 0x10000 ? table.has(c) : whiteSpaceFromIcu(c);
}

bool isHan(char32_t c) {
    static const BmpBits table(hanByIcu);
    return c < 0x10000 ? table.has(c) : hanByIcu(c);
}

bool isPunctuation(char32_t c) {
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & (U_GC_P_MASK | U_GC_S_MASK)) != 0;
}

bool isQuotationMark(char32_t c) {
    static const BmpBits table(quotationMarkByIcu);
    return c < 0x10000 ? table.has(c) : quotationMarkByIcu(c);
}

bool isControlOrFormat(char32_t c) {
    const auto type = u_charType(static_cast<UChar32>(c));
    return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

namespace {

std::size_t width(char32_t c) {
    if (c < 0x300)
        return 1;
    const auto cp = static_cast<UChar32>(c);
    const auto type = u_charType(cp);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR)
        return 0;
    const auto ea = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
    return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

} // namespace

std::size_t displayWidth(std::u32string_view s) {
    std::size_t w = 0;
    for (char32_t c : s)
        w += width(c);
    return w;
}

std::size_t displayWidth(std::string_view utf8) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < utf8.size();)
        w += width(nextCodePoint(utf8, i));
    return w;
}

std::u32string_view trim(std::u32string_view s) {
    while (!s.empty() && isWhiteSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isWhiteSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string_view trim(std::string_view utf8) {
    std::size_t b = 0;
    while (b < utf8.size()) {
        std::size_t i = b;
        if (!isWhiteSpace(nextCodePoint(utf8, i)))
            break;
        b = i;
    }
    std::size_t e = utf8.size();
    while (e > b) {
        std::size_t start = e - 1;
        while (start > b && (static_cast<unsigned char>(utf8[start]) & 0xC0) == 0x80)
            --start;
        std::size_t i = start;
        if (!isWhiteSpace(nextCodePoint(utf8, i)) || i != e)
            break;
        e = start;
    }
    return utf8.substr(b, e - b);
}

} // namespace innograph::text
