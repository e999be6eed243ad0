#pragma once

// Stage 1, decode and clean: bytes in, clean simplified text out, with every character's byte
// span in the input so evidence can point at the text as it was given.

#include "innograph/graph/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::extract {

class Lexicon;

struct CleanText {
    // Simplified script, NFKC, web chrome, table debris and pinyin annotations removed; lines
    // separated by '\n' and headings run into one line split onto their own lines.
    std::u32string text;
    // Same length as `text`: each character as written (NFKC, original script), for aliases.
    std::u32string surface;
    // Same length as `text`: the byte span of each character in the input.
    std::vector<std::uint32_t> begin;
    std::vector<std::uint32_t> end;
    std::string encoding; // "UTF-8" or "GB18030"
    // Lines dropped as chrome or table rows (cleaned), kept for the document's metadata.
    std::vector<std::u32string> metaLines;

    std::string utf8() const;
    std::string utf8(std::size_t from, std::size_t to) const;
    std::string surfaceUtf8(std::size_t from, std::size_t to) const;
    // Byte span in the input of characters [from, to).
    std::uint32_t byteBegin(std::size_t from) const;
    std::uint32_t byteEnd(std::size_t to) const;
};

// Decodes UTF-8 (with or without BOM) or GB18030/GBK and cleans the text. Refuses, with an
// InvalidArgument status that says where and why: empty input, binary data (NUL bytes, control
// characters), and bytes that are valid in neither encoding.
// Lines of page furniture (阅读次数, 责任编辑…) are told by the lexicon's page-furniture words;
// this form reads them from the built-in lexicon.
graph::Result<CleanText> decodeAndClean(std::string_view bytes);
graph::Result<CleanText> decodeAndClean(std::string_view bytes, const Lexicon& lexicon);

// Traditional to simplified Chinese, one character for one (the text layer's OpenCC conversion,
// phrase by phrase where that keeps the length, else character by character, so offsets stay
// aligned); exposed for the lexicon and tests.
std::u32string toSimplified(std::u32string_view text);

} // namespace innograph::extract
