// OpenCC behind one function. OpenCC documents no thread-safety guarantee for a converter shared
// between threads, so each thread loads its own; loading takes milliseconds and happens once.
//
// Most text handed here is simplified already (the genre is mainland documents), and running it
// through OpenCC anyway was ~40 % of a document's extraction. So a text is first scanned for
// the code points that can make t2s change anything (the triggers, read once from t2s's own
// dictionaries); a text with none of them comes back as it is, without OpenCC.

#include "innograph/text/opencc.h"

#include "innograph/text/unicode.h"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/opencc.h>

#include <unicode/utf8.h>

#include <atomic>
#include <bit>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace innograph::text {
namespace {

constexpr const char* kConfigs[] = {"/usr/share/opencc/t2s.json", "t2s.json"};

// -1 unknown, 0 unavailable, 1 available: OpenCC's data either exists on this machine or not.
std::atomic<int> g_available{-1};

const opencc::SimpleConverter* converter() {
    thread_local std::unique_ptr<opencc::SimpleConverter> local;
    thread_local bool tried = false;
    if (!tried) {
        tried = true;
        if (g_available.load(std::memory_order_relaxed) != 0) {
            for (const char* config : kConfigs) {
                try {
                    local = std::make_unique<opencc::SimpleConverter>(config);
                    break;
                } catch (...) {
                    // try the next location
                }
            }
            g_available.store(local ? 1 : 0, std::memory_order_relaxed);
        }
    }
    return local.get();
}

// What can make t2s change a text. OpenCC segments a text by longest match on its phrase
// dictionary and replaces each dictionary key it matches by the key's first value, copying every
// character no key matches. So a text in which no key whose first value differs from the key
// occurs comes back unchanged. Such keys are of two kinds:
// - keys that contain a character which t2s changes alone (about 4,100 characters, all
//   traditional forms): the text is tested for those characters, one table look-up each;
// - the few dozen phrases whose characters all stay the same alone but which change together
//   (沈默 → 沉默, 覆信 → 复信, 瞭解 → 了解): each is found through its first changing character
//   (沈, 覆, 瞭), at whose occurrences the text is compared with the whole phrase. So 沈阳 takes
//   no detour through OpenCC.
// Built once, from the dictionaries of the conversion chain of the first usable configuration
// (the same files SimpleConverter loads). A text with a NUL (OpenCC stops reading there) or an
// ill-formed sequence (OpenCC refuses or rewrites it) always goes through OpenCC.
class Triggers {
public:
    Triggers() {
        for (const char* config : kConfigs) {
            try {
                opencc::Config loader;
                const opencc::ConverterPtr conv = loader.NewFromFile(config);
                read(*conv);
                ready_ = true;
                return;
            } catch (...) {
                bits_.assign(bits_.size(), 0);
                soft_.assign(soft_.size(), 0);
                phrases_.clear();
                // try the next location
            }
        }
    }

    // False when the dictionaries could not be read: every text then goes through OpenCC.
    bool ready() const { return ready_; }
    std::size_t characterCount() const {
        std::size_t n = 0;
        for (std::uint64_t w : bits_)
            n += static_cast<std::size_t>(std::popcount(w));
        return n;
    }
    std::size_t phraseCount() const {
        std::size_t n = 0;
        for (const auto& [c, list] : phrases_)
            n += list.size();
        return n;
    }

    // Whether `s`, well-formed UTF-8 without NUL, holds a key that t2s changes.
    bool changes(std::string_view s) const {
        const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
        const auto n = static_cast<std::int32_t>(s.size());
        for (std::int32_t i = 0; i < n;) {
            const std::int32_t at = i;
            UChar32 c = p[i];
            if (c < 0x80) {
                ++i;
            } else {
                U8_NEXT(p, i, n, c);
            }
            if (c <= 0)
                return true; // NUL or ill-formed
            const auto cp = static_cast<char32_t>(c);
            if (marked(bits_, cp))
                return true;
            if (marked(soft_, cp) && phraseAt(s, static_cast<std::size_t>(at), cp))
                return true;
        }
        return false;
    }

    bool changes(std::u32string_view s) const {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char32_t c = s[i];
            if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || marked(bits_, c))
                return true;
            if (marked(soft_, c) && phraseAt(s, i, c))
                return true;
        }
        return false;
    }

private:
    static constexpr char32_t kLimit = 0x110000;

    struct Phrase {
        std::string utf8;
        std::u32string chars;
        std::size_t byteOffset = 0; // of the changing character in utf8
        std::size_t charOffset = 0; // and in chars
    };

    using Bits = std::vector<std::uint64_t>;
    static bool marked(const Bits& bits, char32_t c) {
        return c < kLimit && ((bits[c >> 6] >> (c & 63)) & 1) != 0;
    }
    static void mark(Bits& bits, char32_t c) { bits[c >> 6] |= std::uint64_t{1} << (c & 63); }

    const std::vector<Phrase>* phrasesOf(char32_t c) const {
        auto it = phrases_.find(c);
        return it == phrases_.end() ? nullptr : &it->second;
    }

    bool phraseAt(std::string_view s, std::size_t at, char32_t c) const {
        if (const auto* list = phrasesOf(c))
            for (const Phrase& ph : *list)
                if (at >= ph.byteOffset && s.substr(at - ph.byteOffset, ph.utf8.size()) == ph.utf8)
                    return true;
        return false;
    }

    bool phraseAt(std::u32string_view s, std::size_t at, char32_t c) const {
        if (const auto* list = phrasesOf(c))
            for (const Phrase& ph : *list)
                if (at >= ph.charOffset &&
                    s.substr(at - ph.charOffset, ph.chars.size()) == ph.chars)
                    return true;
        return false;
    }

    void read(const opencc::Converter& conv) {
        std::vector<std::pair<std::string, std::string>> longer;
        for (const opencc::ConversionPtr& conversion :
             conv.GetConversionChain()->GetConversions()) {
            const opencc::LexiconPtr lexicon = conversion->GetDict()->GetLexicon();
            for (const std::unique_ptr<opencc::DictEntry>& entry : *lexicon) {
                std::string key = entry->Key();
                std::string value = entry->GetDefault();
                if (value == key || key.empty())
                    continue;
                const std::u32string chars = decodeUtf8(key);
                if (chars.size() == 1)
                    mark(bits_, chars[0]);
                else
                    longer.emplace_back(std::move(key), std::move(value));
            }
        }
        for (auto& [key, value] : longer) {
            Phrase ph;
            ph.utf8 = std::move(key);
            ph.chars = decodeUtf8(ph.utf8);
            bool covered = false;
            for (char32_t c : ph.chars)
                covered = covered || marked(bits_, c);
            if (covered)
                continue;
            // The first character that the value replaces (or the first one).
            const std::u32string to = decodeUtf8(value);
            while (ph.charOffset + 1 < ph.chars.size() && ph.charOffset < to.size() &&
                   ph.chars[ph.charOffset] == to[ph.charOffset])
                ++ph.charOffset;
            ph.byteOffset =
                encodeUtf8(std::u32string_view(ph.chars).substr(0, ph.charOffset)).size();
            const char32_t c = ph.chars[ph.charOffset];
            mark(soft_, c);
            phrases_[c].push_back(std::move(ph));
        }
    }

    Bits bits_ = Bits(kLimit / 64, 0); // characters that t2s changes alone
    Bits soft_ = Bits(kLimit / 64, 0); // the changing characters of the phrases
    std::unordered_map<char32_t, std::vector<Phrase>> phrases_;
    bool ready_ = false;
};

const Triggers& triggers() {
    static const Triggers t; // thread-safe initialisation; read-only afterwards
    return t;
}

bool mayChange(std::string_view utf8) {
    const Triggers& t = triggers();
    return !t.ready() || t.changes(utf8);
}

bool mayChange(std::u32string_view text) {
    const Triggers& t = triggers();
    return !t.ready() || t.changes(text);
}

bool mayNeedConversion(std::string_view utf8) {
    for (unsigned char c : utf8)
        if (c >= 0xE0) // every Han character takes three bytes or more
            return true;
    return false;
}

} // namespace

bool simplifiedConversionAvailable() {
    // Known once any thread has tried to load the data. Asking loads no converter for this
    // thread: a thread that only meets simplified text never needs one, and ingestion runs
    // documents on threads of their own, so each document used to load one (~10 M instructions).
    if (const int known = g_available.load(std::memory_order_relaxed); known >= 0)
        return known == 1;
    return converter() != nullptr;
}

std::string toSimplifiedAlways(std::string_view utf8) {
    if (!mayNeedConversion(utf8))
        return std::string(utf8);
    if (const auto* conv = converter()) {
        try {
            return conv->Convert(std::string(utf8));
        } catch (...) {
            // OpenCC refuses what it cannot segment (ill-formed UTF-8): keep the text as it is.
        }
    }
    return std::string(utf8);
}

std::string toSimplified(std::string_view utf8) {
    if (!mayNeedConversion(utf8) || !mayChange(utf8))
        return std::string(utf8);
    return toSimplifiedAlways(utf8);
}

std::u32string toSimplified(std::u32string_view text) {
    bool ascii = true;
    for (char32_t c : text)
        ascii = ascii && c < 0x80;
    if (ascii || !mayChange(text))
        return std::u32string(text);
    return decodeUtf8(toSimplifiedAlways(encodeUtf8(text)));
}

std::size_t simplificationTriggerCount() {
    return triggers().characterCount();
}

std::size_t simplificationPhraseOnlyKeys() {
    return triggers().phraseCount();
}

bool simplificationMayChange(std::string_view utf8) {
    return mayNeedConversion(utf8) && mayChange(utf8);
}

bool simplificationMayChange(std::u32string_view text) {
    bool ascii = true;
    for (char32_t c : text)
        ascii = ascii && c < 0x80;
    return !ascii && mayChange(text);
}

} // namespace innograph::text
