#include "common/spelling.h"

#include "innograph/text/unicode.h"

#include <algorithm>
#include <cctype>

namespace innograph::query {

std::size_t editDistance(std::string_view a8, std::string_view b8) {
    auto fold = [](std::u32string s) {
        for (auto& c : s)
            if (c < 0x80)
                c = static_cast<char32_t>(std::tolower(static_cast<int>(c)));
        return s;
    };
    std::u32string a = fold(text::decodeUtf8(a8)), b = fold(text::decodeUtf8(b8));
    std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestDistance = static_cast<std::size_t>(-1);
    std::size_t len = text::codePointCount(word);
    // Short words tolerate one edit, longer ones two: "Prak" -> "Park", "MACTH" -> "MATCH".
    std::size_t allowed = len <= 3 ? 1 : 2;
    for (const auto& c : candidates) {
        std::size_t d = editDistance(word, c);
        if (d == 0)
            return c;
        if (d <= allowed && d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace innograph::query
