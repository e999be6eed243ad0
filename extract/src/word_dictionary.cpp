#include "innograph/extract/word_dictionary.h"

#include "innograph/text/unicode.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

namespace innograph::extract {

namespace {

// Where Debian's python3-jieba installs the dictionary its segmenter reads.
constexpr const char* kDebianJiebaDict = "/usr/lib/python3/dist-packages/jieba/dict.txt";

} // namespace

std::string_view WordDictionary::Word::tagName() const {
    std::size_t n = 0;
    while (n < tag.size() && tag[n] != '\0')
        ++n;
    return {tag.data(), n};
}

std::string WordDictionary::defaultPath() {
    if (const char* env = std::getenv("INNOGRAPH_WORD_DICT"); env && *env)
        return env;
    return kDebianJiebaDict;
}

graph::Result<std::shared_ptr<const WordDictionary>> WordDictionary::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return graph::Status::notFound(
            "word dictionary: cannot read " + path +
            " (jieba's dict.txt: install Debian's python3-jieba with scripts/install-deps, or "
            "set INNOGRAPH_WORD_DICT to a copy)");
    auto dict = std::make_shared<WordDictionary>();
    {
        std::stringstream ss;
        ss << in.rdbuf();
        dict->bytes_ = ss.str();
    }
    const std::string& bytes = dict->bytes_;
    if (bytes.size() >= 0xffffffffu)
        return graph::Status::invalidArgument("word dictionary " + path + ": too large");
    dict->entries_.reserve(bytes.size() / 14);
    double total = 0;
    std::size_t lineNo = 0;
    for (std::size_t pos = 0; pos < bytes.size();) {
        std::size_t eol = bytes.find('\n', pos);
        if (eol == std::string::npos)
            eol = bytes.size();
        std::string_view line(bytes.data() + pos, eol - pos);
        const std::size_t lineStart = pos;
        pos = eol + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        std::size_t s1 = line.find(' ');
        std::size_t s2 = s1 == std::string_view::npos ? s1 : line.find(' ', s1 + 1);
        std::string_view word = line.substr(0, s1);
        std::string_view freq =
            s1 == std::string_view::npos ? std::string_view{} : line.substr(s1 + 1, s2 - s1 - 1);
        std::string_view tag =
            s2 == std::string_view::npos ? std::string_view{} : line.substr(s2 + 1);
        std::uint64_t f = 0;
        bool digits = !freq.empty() && freq.size() < 10;
        for (char c : freq) {
            digits = digits && c >= '0' && c <= '9';
            f = f * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (word.empty() || !digits)
            return graph::Status::invalidArgument("word dictionary " + path + ":" +
                                                  std::to_string(lineNo) +
                                                  ": expected `word frequency [tag]`");
        Entry e;
        e.offset = static_cast<std::uint32_t>(lineStart);
        e.length = static_cast<std::uint32_t>(word.size());
        e.word.freq = static_cast<std::uint32_t>(f);
        for (std::size_t i = 0; i < tag.size() && i < e.word.tag.size(); ++i)
            e.word.tag[i] = tag[i];
        total += static_cast<double>(f);
        // A word of no more bytes than the longest so far has no more characters either.
        if (word.size() > dict->maxLength_)
            dict->maxLength_ = std::max(dict->maxLength_, text::codePointCount(word));
        dict->entries_.push_back(e);
    }
    if (dict->entries_.empty() || total <= 0)
        return graph::Status::invalidArgument("word dictionary " + path + ": no words");
    // A word listed twice keeps its last entry, as jieba's loader does: entries sorted by
    // word, then by line. A comparison sort of the 349,000 entries by their words was 60 % of
    // loading them, so the entries are put in order of their first eight bytes (a big-endian
    // number, a shorter word padded with zero bytes, which sort first) by a stable radix sort,
    // which keeps line order among equal prefixes; only words sharing their first eight bytes
    // are then compared whole.
    struct Order {
        std::uint64_t prefix = 0;
        std::uint32_t index = 0;
    };
    const std::size_t n = dict->entries_.size();
    std::vector<Order> order(n), spare(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string_view k = dict->key(dict->entries_[i]);
        for (std::size_t b = 0; b < 8; ++b)
            order[i].prefix =
                (order[i].prefix << 8) | (b < k.size() ? static_cast<unsigned char>(k[b]) : 0u);
        order[i].index = i;
    }
    for (unsigned shift = 0; shift < 64; shift += 8) {
        std::vector<std::size_t> start(257, 0);
        for (const Order& o : order)
            ++start[((o.prefix >> shift) & 0xff) + 1];
        for (std::size_t d = 0; d < 256; ++d)
            start[d + 1] += start[d];
        for (const Order& o : order)
            spare[start[(o.prefix >> shift) & 0xff]++] = o;
        order.swap(spare);
    }
    for (std::size_t b = 0; b < n;) {
        std::size_t e = b + 1;
        while (e < n && order[e].prefix == order[b].prefix)
            ++e;
        if (e - b > 1)
            std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(b),
                             order.begin() + static_cast<std::ptrdiff_t>(e),
                             [&](const Order& x, const Order& y) {
                                 return dict->key(dict->entries_[x.index]) <
                                        dict->key(dict->entries_[y.index]);
                             });
        b = e;
    }
    std::vector<Entry> unique;
    unique.reserve(dict->entries_.size());
    for (const Order& o : order) {
        const Entry& e = dict->entries_[o.index];
        if (!unique.empty() && dict->key(unique.back()) == dict->key(e))
            unique.back() = e;
        else
            unique.push_back(e);
    }
    dict->entries_ = std::move(unique);
    dict->logTotal_ = std::log(total);
    // Entries are in byte order, so the words starting with a character's UTF-8 are adjacent.
    dict->byFirst_.assign(0x10000, Range{});
    std::string first;
    for (std::uint32_t i = 0; i < dict->entries_.size(); ++i) {
        std::string_view k = dict->key(dict->entries_[i]);
        std::size_t at = 0;
        const char32_t c = text::nextCodePoint(k, at);
        if (c >= 0x10000)
            continue;
        // Only the character's own bytes count: an ill-formed sequence read as U+FFFD does not.
        first.clear();
        text::appendUtf8(first, c);
        if (k.substr(0, first.size()) != first)
            continue;
        Range& r = dict->byFirst_[c];
        if (r.begin == r.end)
            r.begin = i;
        r.end = i + 1;
    }
    return std::shared_ptr<const WordDictionary>(std::move(dict));
}

graph::Result<std::shared_ptr<const WordDictionary>> WordDictionary::shared() {
    static std::once_flag once;
    static std::shared_ptr<const WordDictionary> dict;
    static graph::Status error;
    std::call_once(once, [] {
        auto r = load(defaultPath());
        if (r.isOk())
            dict = r.value();
        else
            error = r.status();
    });
    if (!dict)
        return error;
    return dict;
}

const WordDictionary::Word* WordDictionary::findUtf8(std::string_view word) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), word,
                               [&](const Entry& e, std::string_view w) { return key(e) < w; });
    if (it == entries_.end() || key(*it) != word || it->word.freq == 0)
        return nullptr;
    return &it->word;
}

WordDictionary::Range WordDictionary::startingWith(char32_t c) const {
    // What a candidate starting with c is written as (appendUtf8's replacement of a code point
    // that is no scalar value).
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
    if (c < byFirst_.size())
        return byFirst_[c];
    return Range{0, static_cast<std::uint32_t>(entries_.size())};
}

const WordDictionary::Word* WordDictionary::find(std::u32string_view word) const {
    return findUtf8(text::encodeUtf8(word));
}

std::vector<std::size_t> WordDictionary::segment(std::u32string_view text) const {
    const std::size_t n = text.size();
    // route[k]: the best log probability of text[k..n) and the end of its first word.
    std::vector<std::pair<double, std::size_t>> route(n + 1, {0.0, n});
    std::string cand;
    for (std::size_t k = n; k-- > 0;) {
        route[k] = {-1e300, k + 1};
        cand.clear();
        // Every word starting with text[k] lies in [lo, hi); each longer candidate's lower
        // bound is at or past the last one's.
        const Range range = startingWith(text[k]);
        auto lo = entries_.begin() + range.begin;
        const auto hi = entries_.begin() + range.end;
        for (std::size_t len = 1; len <= maxLength_ && k + len <= n; ++len) {
            text::appendUtf8(cand, text[k + len - 1]);
            // The entries are sorted by their bytes, so those starting with `cand` follow its
            // lower bound: when none is longer than `cand`, no longer candidate at k is a word
            // and the search at k ends (it looked up every length up to maxLength_ before:
            // 97 k instructions a 16-character window).
            auto it =
                std::lower_bound(lo, hi, std::string_view(cand),
                                 [&](const Entry& e, std::string_view w) { return key(e) < w; });
            lo = it;
            const bool exact = it != hi && key(*it) == cand;
            const Word* w = exact && it->word.freq != 0 ? &it->word : nullptr;
            const auto next = exact ? it + 1 : it;
            const bool longer = next != hi && key(*next).substr(0, cand.size()) == cand;
            double f = w ? w->freq : 0.0;
            if (f != 0 || len == 1) {
                double score = std::log(f > 0 ? f : 1.0) - logTotal_ + route[k + len].first;
                if (score > route[k].first)
                    route[k] = {score, k + len};
            }
            if (!longer)
                break;
        }
    }
    std::vector<std::size_t> ends;
    for (std::size_t k = 0; k < n; k = route[k].second)
        ends.push_back(route[k].second);
    return ends;
}

} // namespace innograph::extract
