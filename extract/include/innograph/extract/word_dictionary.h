#pragma once

// The words of the language with their frequency and part of speech, read from jieba's
// dictionary (dict.txt of Debian's python3-jieba: "word frequency tag" a line), and jieba's
// maximum-probability segmentation over it. Rules use it where a name's boundary depends on
// where words begin (the verb in front of a list's first item), instead of hand-kept lists.

#include "innograph/graph/status.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::extract {

class WordDictionary {
public:
    struct Word {
        std::uint32_t freq = 0;
        std::array<char, 4> tag{}; // jieba's part of speech (v, vn, n, ns…), NUL-padded

        std::string_view tagName() const;
    };

    // Reads a jieba dict.txt. Errors name the file (and the line of a malformed entry).
    static graph::Result<std::shared_ptr<const WordDictionary>> load(const std::string& path);
    // $INNOGRAPH_WORD_DICT when set, else where python3-jieba installs its dictionary.
    static std::string defaultPath();
    // The dictionary at defaultPath(), read once per process; the error says what to install.
    static graph::Result<std::shared_ptr<const WordDictionary>> shared();

    const Word* find(std::u32string_view word) const;

    // jieba's segmentation without its HMM for unknown words (they fall apart into single
    // characters): the route through the dictionary's words that maximises the product of their
    // probabilities. Returns the end offset of each word, in order.
    std::vector<std::size_t> segment(std::u32string_view text) const;

    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::uint32_t offset = 0; // of the word's UTF-8 in bytes_
        std::uint32_t length = 0;
        Word word;
    };
    std::string_view key(const Entry& e) const { return {bytes_.data() + e.offset, e.length}; }
    const Word* findUtf8(std::string_view word) const;
    // The entries whose words start with `c`, [begin, end) in entries_: the searches of one
    // position of a segmentation stay inside them (a few thousand entries, close together)
    // instead of halving the whole dictionary at every length (19 steps, mostly cache misses).
    struct Range {
        std::uint32_t begin = 0, end = 0;
    };
    Range startingWith(char32_t c) const;

    // The file as read, and its entries sorted by their UTF-8 bytes: a few allocations instead
    // of one per word, so loading stays well under the time a hash map of 350,000 keys takes.
    std::string bytes_;
    std::vector<Entry> entries_;
    // startingWith's answers for the BMP, indexed by character (an empty range for a character
    // that starts no word); other characters search all the entries.
    std::vector<Range> byFirst_;
    double logTotal_ = 0;
    std::size_t maxLength_ = 1;
};

} // namespace innograph::extract
