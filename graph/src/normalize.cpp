// Name normalisation for the name index: one spelling per name, whatever the script, width,
// case and spacing of the text it came from.

#include "innograph/graph/graph_store.h"

#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <memory>
#include <mutex>

namespace innograph::graph {
namespace {

// OpenCC loads its dictionaries once per converter, which takes milliseconds; share one.
const opencc::SimpleConverter* traditionalToSimplified() {
    static std::once_flag once;
    static std::unique_ptr<opencc::SimpleConverter> converter;
    std::call_once(once, [] {
        try {
            converter = std::make_unique<opencc::SimpleConverter>("t2s.json");
        } catch (...) {
            // Without OpenCC's data the index still works, just without script folding.
            converter.reset();
        }
    });
    return converter.get();
}

bool dropped(UChar32 c) {
    return u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) ||
           u_charType(c) == U_CONTROL_CHAR || u_charType(c) == U_FORMAT_CHAR;
}

// Plain ASCII, the common case of bulk loads: NFKC and OpenCC leave it as it is, so only the
// dropped characters (controls, spaces, the quotation marks " and ') and case remain to fold.
// The same result as the general path, at a fraction of its cost.
bool normalizeAscii(std::string_view text, std::string* out) {
    out->clear();
    out->reserve(text.size());
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            return false;
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'')
            continue;
        out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    }
    return true;
}

} // namespace

std::string normalizeName(std::string_view text) {
    if (std::string ascii; normalizeAscii(text, &ascii))
        return ascii;
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    icu::UnicodeString folded = U_SUCCESS(err) ? nfkc->normalize(in, err) : in;
    if (U_FAILURE(err))
        folded = in;
    icu::UnicodeString kept;
    for (std::int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (!dropped(c))
            kept.append(c);
    }
    kept.toLower();
    std::string utf8;
    kept.toUTF8String(utf8);
    if (const auto* conv = traditionalToSimplified(); conv && !utf8.empty()) {
        try {
            utf8 = conv->Convert(utf8);
        } catch (...) {
            // keep the unconverted form
        }
    }
    return utf8;
}

bool isValidUtf8(std::string_view text) {
    UErrorCode err = U_ZERO_ERROR;
    std::int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<std::int32_t>(text.size()), &err);
    return err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING ||
           U_SUCCESS(err);
}

} // namespace innograph::graph
