// Name normalisation for the name index: one spelling per name, whatever the script, width,
// case and spacing of the text it came from.

#include "innograph/graph/graph_store.h"

#include "innograph/text/opencc.h"
#include "innograph/text/unicode.h"

namespace innograph::graph {
namespace {

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
    const std::string folded = text::nfkc(text);
    std::string kept;
    kept.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t at = i;
        const char32_t c = text::nextCodePoint(folded, i);
        if (!text::isWhiteSpace(c) && !text::isQuotationMark(c) && !text::isControlOrFormat(c))
            kept.append(folded, at, i - at);
    }
    return text::toSimplified(text::toLower(kept));
}

} // namespace innograph::graph
