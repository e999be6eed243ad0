// NFKC and case mapping through ICU.

#include "innograph/text/unicode.h"

#include "bmp_bits.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace innograph::text {
namespace {

const icu::Normalizer2* nfkcInstance() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode err = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
        return U_SUCCESS(err) ? n : nullptr;
    }();
    return instance;
}

icu::UnicodeString fromUtf8(std::string_view utf8) {
    // ICU's own UTF-8 reader replaces ill-formed sequences with U+FFFD, as decodeUtf8 does.
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

} // namespace

std::string nfkc(std::string_view utf8) {
    icu::UnicodeString in = fromUtf8(utf8);
    const icu::Normalizer2* n = nfkcInstance();
    std::string out;
    if (n) {
        UErrorCode err = U_ZERO_ERROR;
        icu::UnicodeString folded = n->normalize(in, err);
        if (U_SUCCESS(err)) {
            folded.toUTF8String(out);
            return out;
        }
    }
    in.toUTF8String(out);
    return out;
}

namespace {

bool nfkcInertFromIcu(char32_t c) {
    if (c < 0x80)
        return true;
    const icu::Normalizer2* n = nfkcInstance();
    return !n || n->isInert(static_cast<UChar32>(c));
}

} // namespace

bool detail::nfkcInertByIcu(char32_t c) {
    // ICU's answers for the Basic Multilingual Plane, asked once (see BmpBits).
    static const BmpBits table(nfkcInertFromIcu);
    return c < 0x10000 ? table.has(c) : nfkcInertFromIcu(c);
}

std::u32string nfkc(char32_t c) {
    if (isNfkcInert(c))
        return std::u32string(1, c);
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString norm =
        nfkcInstance()->normalize(icu::UnicodeString(static_cast<UChar32>(c)), err);
    if (U_FAILURE(err))
        return std::u32string(1, c);
    std::u32string out;
    for (std::int32_t k = 0; k < norm.length();) {
        const UChar32 x = norm.char32At(k);
        out.push_back(static_cast<char32_t>(x));
        k += U16_LENGTH(x);
    }
    return out;
}

std::string toLower(std::string_view utf8) {
    icu::UnicodeString s = fromUtf8(utf8);
    s.toLower(icu::Locale::getRoot());
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string toUpper(std::string_view utf8) {
    icu::UnicodeString s = fromUtf8(utf8);
    s.toUpper(icu::Locale::getRoot());
    std::string out;
    s.toUTF8String(out);
    return out;
}

} // namespace innograph::text
