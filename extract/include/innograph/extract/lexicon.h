#pragma once

// The lexicon: names and aliases of entities, and the trigger words of the rules, read from
// plain-text tables (data/lexicon/*.txt). It holds names, never facts: which park hosts which
// industry or who leads which task is read from the text by the rules.
//
// Format, one entry a line, `#` starts a comment:
//   @label Region          following lines are entities with this label
//   @kind city             …and this kind (free text, e.g. province, city)
//   辽阳市 辽阳             name, then aliases; an alias written ~X is an abbreviation that
//                          only rules use (德 in 对德合作), never matched on its own
//   @words hosts-verbs     following lines are words of a rule (whitespace-separated)
//   @source gazetteer:X    following entries come from reference list X (generated tables)
//   @frame hosts-verb      following lines are the slots of a rule's frame: `slot value…`;
//   trigger @hosts-verbs   a value @NAME names a @words list, and loading fails with the frame,
//                          slot and name when no table defines that list
//   济南市 济南 adcode=370100 in=山东省
//                          key=value words are reference data the list states (adcode, the
//                          region the entity lies `in`, a zone's `member` parks); the extractor
//                          records them only with `sources` naming the list, never a document

#include "innograph/graph/status.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace innograph::extract {

struct LexEntry {
    std::string label;
    std::string kind;
    std::u32string name;
    std::vector<std::u32string> aliases;
    std::vector<std::u32string> abbreviations;
    std::string source; // the @source list, empty for hand-written tables
    std::vector<std::pair<std::string, std::string>> props; // key=value reference data
    // The first value of a key, or empty.
    std::string prop(std::string_view key) const;
};

// A frame: the words and settings a family of rules reads, by slot (trigger, heads, scope…).
struct LexFrame {
    std::string name;
    std::string where; // file:line of its @frame
    std::map<std::string, std::vector<std::string>, std::less<>> slots;
    // The @words list a slot names (without @), or empty when the slot is no single list.
    std::string_view list(std::string_view slot) const;
    // The slot's first value as written, or empty.
    std::string_view value(std::string_view slot) const;
};

class Lexicon {
    struct WordList;

public:
    // A @words list found once by name, for the searches a pass repeats at every position of a
    // text (each search by name hashes the name first). A list that does not exist finds nothing.
    class List {
    public:
        List() = default;

    private:
        friend class Lexicon;
        explicit List(const WordList* words) : words_(words) {}
        const WordList* words_ = nullptr;
    };
    List list(std::string_view name) const { return List(wordList(name)); }

    // Not copied: its indexes point into itself.
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    // The tables compiled into the library from data/lexicon at build time.
    static graph::Result<std::shared_ptr<const Lexicon>> builtin();
    // Every *.txt file of a directory.
    static graph::Result<std::shared_ptr<const Lexicon>> fromDirectory(const std::string& dir);
    // (file name, contents) pairs; errors name the file and line.
    static graph::Result<std::shared_ptr<const Lexicon>>
    fromTexts(const std::vector<std::pair<std::string, std::string>>& files);

    // The entry whose name or alias is exactly `text` (simplified), or null.
    const LexEntry* lookup(std::u32string_view text) const;
    // The entry with this one-character or short abbreviation (for rules), or null.
    const LexEntry* lookupAbbreviation(std::u32string_view text) const;
    // Longest name or alias starting at text[pos]; returns its length (0 if none).
    std::size_t longestMatch(std::u32string_view text, std::size_t pos,
                             const LexEntry** entry) const {
        // The recogniser asks at every position of the text: a position whose first character
        // starts no name (most of them), or whose first two start none (nine in ten of the
        // rest), is answered here by bits, without a call.
        if (pos + 1 >= text.size())
            return 0; // names of one character are never matched on their own
        if (text[pos] < 0x10000 && !((nameFirst_[text[pos] >> 6] >> (text[pos] & 63)) & 1))
            return 0;
        const std::size_t pair = namePair(text[pos], text[pos + 1]);
        if (!((namePairs_[pair / 64] >> (pair % 64)) & 1))
            return 0;
        return longestMatchAt(text, pos, entry);
    }

    // Words of a rule list (`@words NAME`); empty when the list does not exist.
    const std::vector<std::u32string>& words(std::string_view list) const;
    bool hasWord(std::string_view list, std::u32string_view word) const {
        return hasWord(this->list(list), word);
    }
    bool hasWord(List list, std::u32string_view word) const {
        // Most words tested start with a character no word of the list starts with.
        const WordList* wl = list.words_;
        if (!wl || (!word.empty() && !WordList::marked(wl->firstSeen, word.front())))
            return false;
        return wl->set.count(word) > 0;
    }
    // Longest word of the list that `text` ends with (length, 0 if none).
    std::size_t longestSuffix(std::string_view list, std::u32string_view text,
                              std::u32string_view* word = nullptr) const {
        return longestSuffix(this->list(list), text, word);
    }
    std::size_t longestSuffix(List list, std::u32string_view text,
                              std::u32string_view* word = nullptr) const {
        // Most texts end with a character no word of the list ends with: answered here, inline.
        const WordList* wl = list.words_;
        if (!wl || text.empty() || !WordList::marked(wl->lastSeen, text.back()))
            return 0;
        return longestSuffixIn(*wl, text, word);
    }
    // Longest word of the list that starts text at `pos`.
    std::size_t longestPrefixAt(std::string_view list, std::u32string_view text,
                                std::size_t pos) const {
        return longestPrefixAt(this->list(list), text, pos);
    }
    std::size_t longestPrefixAt(List list, std::u32string_view text, std::size_t pos) const {
        // The rules ask this at every position of a text, and most positions start no word of
        // the list: answered here, inline, by the list's bit for the character (a call and a
        // hash look-up per position were 16 % of an extraction).
        const WordList* wl = list.words_;
        if (wl && pos < text.size() && !WordList::marked(wl->firstSeen, text[pos]))
            return 0;
        return longestPrefixIn(wl, text, pos);
    }

    // The frame of that name, or null.
    const LexFrame* frame(std::string_view name) const;

    const std::vector<LexEntry>& entries() const { return entries_; }
    std::size_t size() const { return entries_.size(); }

private:
    Lexicon() = default;
    graph::Status parse(const std::string& file, std::string_view text);
    void finish();

    // Hashing for lookups by view, so a lookup builds no string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::u32string_view s) const {
            return std::hash<std::u32string_view>{}(s);
        }
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    template <class K, class V> using HashMap = std::unordered_map<K, V, Hash, std::equal_to<>>;

    // A @words list with indexes for the longest prefix and suffix searches: the list's words
    // by first character, longest first, and by last character in list order (so a suffix
    // search returns the same word a scan of the list in order returns).
    // firstSeen/lastSeen have bit c % 4096 set when a word starts/ends with c: most positions
    // of a text start no word of a given list, and the bit answers them without the hash
    // look-up.
    struct WordList {
        std::vector<std::u32string> words;
        HashMap<std::u32string, bool> set;
        std::unordered_map<char32_t, std::vector<std::uint32_t>> byFirst, byLast;
        std::array<std::uint64_t, 64> firstSeen{}, lastSeen{};
        static void mark(std::array<std::uint64_t, 64>& bits, char32_t c) {
            bits[(c >> 6) & 63] |= std::uint64_t{1} << (c & 63);
        }
        static bool marked(const std::array<std::uint64_t, 64>& bits, char32_t c) {
            return ((bits[(c >> 6) & 63] >> (c & 63)) & 1) != 0;
        }
    };
    // The searches past the bit test.
    std::size_t longestPrefixIn(const WordList* wl, std::u32string_view text,
                                std::size_t pos) const;
    std::size_t longestSuffixIn(const WordList& wl, std::u32string_view text,
                                std::u32string_view* word) const;
    const WordList* wordList(std::string_view list) const;
    // The lists frame slots name, by the address of the name inside the slot's value (what
    // LexFrame::list returns), with the name's length: a rule's list found without hashing it.
    std::unordered_map<const char*, std::pair<std::size_t, const WordList*>> listsBySlot_;

    std::vector<LexEntry> entries_;
    HashMap<std::u32string, std::size_t> names_;
    HashMap<std::u32string, std::size_t> abbreviations_;
    HashMap<std::string, WordList> words_;
    // Bit c set when a name or alias starts with the BMP character c, and per word of those
    // bits how many are set in the words before it (where the root's child for c is).
    std::vector<std::uint64_t> nameFirst_ = std::vector<std::uint64_t>(0x10000 / 64, 0);
    std::vector<std::uint32_t> nameFirstRank_ = std::vector<std::uint32_t>(0x10000 / 64, 0);
    // A filter of the names' first two characters, one bit each of 2^16 (8 kB): a clear bit
    // tells longestMatch that no name starts with the pair.
    static std::size_t namePair(char32_t first, char32_t second) {
        const std::uint64_t h = (std::uint64_t{first} * 0x9E3779B97F4A7C15ull) ^
                                (std::uint64_t{second} * 0xC2B2AE3D27D4EB4Full);
        return static_cast<std::size_t>(h >> 48);
    }
    std::vector<std::uint64_t> namePairs_ = std::vector<std::uint64_t>((1u << 16) / 64, 0);
    std::size_t longestMatchAt(std::u32string_view text, std::size_t pos,
                               const LexEntry** entry) const;
    // The names and aliases as a trie, for longestMatchAt: it reads the text a character at a
    // time and stops where no name goes on, instead of hashing a candidate of every length a
    // name starting with the character has (those hashes and the filters in front of them were
    // a tenth of an extraction). Node 0 is the root; a node's children are the range
    // [firstChild, firstChild + childCount) of nameChildChars_ (sorted) and nameChildNodes_.
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};
    struct NameNode {
        std::uint32_t firstChild = 0, childCount = 0;
        std::uint32_t entry = kNone; // index in entries_ of the name ending here
    };
    std::vector<NameNode> nameNodes_;
    std::vector<char32_t> nameChildChars_;
    std::vector<std::uint32_t> nameChildNodes_;
    void buildNameTrie();
    // The child of `node` reached by `c`, or kNone.
    std::uint32_t nameChild(std::uint32_t node, char32_t c) const;
    HashMap<std::string, LexFrame> frames_;
    struct FrameRef {
        std::string where, frame, slot;
    };
    std::vector<FrameRef> frameRefs_;
};

} // namespace innograph::extract
