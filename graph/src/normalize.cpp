// Name normalisation for the name index: one spelling per name, whatever the script, width,
// case and spacing of the text it came from.

#include "innograph/graph/graph_store.h"

#include "innograph/text/opencc.h"
#include "innograph/text/unicode.h"

#include <array>
#include <string>
#include <unordered_map>

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

std::string normalizeGeneral(std::string_view text) {
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

} // namespace

std::string normalizeName(std::string_view text) {
    if (std::string ascii; normalizeAscii(text, &ascii))
        return ascii;
    // The general path costs about 7,000 instructions a name (NFKC, case folding, OpenCC), and a
    // writer normalises the same names again and again: each lookup, and every name and alias
    // of a node before and after each change of it. The result depends on the text only, so
    // each thread keeps the latest few thousand (of name-sized texts).
    if (text.size() > 256)
        return normalizeGeneral(text);
    thread_local std::unordered_map<std::string, std::string> recent;
    auto key = std::string(text);
    if (auto it = recent.find(key); it != recent.end())
        return it->second;
    if (recent.size() >= 4096)
        recent.clear();
    return recent.emplace(std::move(key), normalizeGeneral(text)).first->second;
}

} // namespace innograph::graph
