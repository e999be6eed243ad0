// Name normalisation for the name index: one spelling per name, whatever the script, width,
// case and spacing of the text it came from.

#include "innograph/graph/graph_store.h"

#include "innograph/text/opencc.h"
#include "innograph/text/unicode.h"

#include <array>

namespace innograph::graph {
namespace {

// Plain ASCII, the common case of bulk loads: NFKC and OpenCC leave it as it is, so only the
// dropped characters and case remain to fold. Which ASCII characters are dropped is asked of the
// text layer once, with the same classes as the general path below, so both give one result.
bool droppedFromNames(char32_t c) {
    return text::isWhiteSpace(c) || text::isQuotationMark(c) || text::isControlOrFormat(c);
}

bool normalizeAscii(std::string_view text, std::string* out) {
    static const std::array<bool, 128> dropped = [] {
        std::array<bool, 128> d{};
        for (char32_t c = 0; c < 128; ++c)
            d[c] = droppedFromNames(c);
        return d;
    }();
    out->clear();
    out->reserve(text.size());
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            return false;
        if (dropped[c])
            continue;
        out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    }
    return true;
}

} // namespace

std::string normalizeName(std::string_view text) {
    if (std::string ascii; normalizeAscii(text, &ascii))
        return ascii;
    const std::string folded = text::nfkc(text);
    std::string kept;
    kept.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t at = i;
        const char32_t c = text::nextCodePoint(folded, i);
        if (!droppedFromNames(c))
            kept.append(folded, at, i - at);
    }
    return text::toSimplified(text::toLower(kept));
}

} // namespace innograph::graph
