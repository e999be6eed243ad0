#pragma once

// Reading an import file in blocks of whole records, parsed on every core, fed in file order.
// Shared by the JSON-lines and CSV imports.
//
// The calling thread reads the file in blocks of a few megabytes cut after their last whole record,
// and hands each block to a thread of its own that parses the block's records; it then feeds the
// parsed records, in file order, to the import. Line numbers, the ids records get and which
// error is reported first do not depend on thread timing. At most one block per core (plus the
// one being fed) is in flight, so memory stays bounded whatever the file's size.

#include "innograph/interchange/interchange.h"

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::interchange {

// One node or relationship of a file, parsed and its properties prepared.
struct ParsedRecord {
    std::size_t line = 0;
    bool node = false;
    bool hasId = false; // nodes: CSV allows a node without one
    std::string id, start, end, type;
    // Set when the parser could already look the endpoints up (ImportBuilder::ids()): their
    // indexes in the import, which the feeding thread then need not find.
    bool resolved = false;
    std::uint64_t startIndex = 0, endIndex = 0;
    std::vector<std::string> labels;
    graph::PreparedProperties props;
};

// What a parser made of one block: its records up to the first bad one, and that one's error.
struct ParsedBlock {
    std::vector<ParsedRecord> records;
    std::size_t errorLine = 0;
    Status status; // without the "file:line: " prefix, which the reader adds
};

struct BlockFormat {
    // How many bytes at the start of `text` are whole records (the rest waits for more of the
    // file). Called only before the end of the file; at the end every byte is one block's.
    std::function<std::size_t(std::string_view text)> wholeRecords;
    // Parses the records of `text`, whose first byte is on line `firstLine` (readRecordBlocks
    // passes 1, and moves the lines it is given back to the file's numbering). Runs on several
    // threads at once, so it must not touch shared state. `padding` zero bytes follow `text`.
    std::function<void(std::string_view text, std::size_t firstLine, ParsedBlock* out)> parse;
    std::size_t padding = 0;
    // About how many bytes a block holds. A parsed record takes a few hundred bytes whatever its
    // text's length, so a format of short records wants smaller blocks to keep the records of
    // the blocks in flight to a few tens of megabytes.
    std::size_t blockBytes = 4u << 20;
};

using InputFile = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
// Opens an import file for reading; "path: cannot open for reading" when it cannot be.
Result<InputFile> openInput(const std::string& path);

// Reads `in` from its current position (on line `firstLine`) to its end. `feed` takes each
// record in file order, on the calling thread; its first error ends the reading and is returned
// as it is. A parse error is returned as "path:line: what".
Status readRecordBlocks(std::FILE* in, const std::string& path, std::size_t firstLine,
                        const BlockFormat& format, const std::function<Status(ParsedRecord&)>& feed,
                        const Progress& progress);

} // namespace innograph::interchange
