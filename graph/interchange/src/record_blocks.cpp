#include "record_blocks.h"

#include "import_builder.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <deque>
#include <future>
#include <thread>

namespace innograph::interchange {
namespace {

struct Block {
    std::string buffer; // the block's bytes, handed back for reuse
    ParsedBlock parsed; // line numbers counted from 1 at the block's first line
    std::size_t lineBreaks = 0;
};

// Line breaks in `text`, eight bytes at a time (std::count took three instructions a byte, and a
// JSON-lines file is hundreds of megabytes): a byte is a line break when it is zero after an
// exclusive or with '\n' in every byte, and the zero bytes of a word are counted exactly.
std::size_t lineBreaks(std::string_view text) {
    constexpr std::uint64_t kNewlines = 0x0a0a0a0a0a0a0a0aull, kLow7 = 0x7f7f7f7f7f7f7f7full;
    std::size_t n = 0, i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, sizeof w);
        const std::uint64_t y = w ^ kNewlines;
        n += static_cast<std::size_t>(std::popcount(~(((y & kLow7) + kLow7) | y | kLow7)));
    }
    for (; i < text.size(); ++i)
        n += text[i] == '\n';
    return n;
}

} // namespace

Result<InputFile> openInput(const std::string& path) {
    InputFile f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f)
        return Status::notFound(path + ": cannot open for reading");
    return f;
}

Status readRecordBlocks(std::FILE* in, const std::string& path, std::size_t firstLine,
                        const BlockFormat& format, const std::function<Status(ParsedRecord&)>& feed,
                        const Progress& progress) {
    const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
    std::deque<std::future<Block>> inflight;
    std::string carry;
    // Block buffers are recycled: a fresh 4 MB buffer per block cost a page fault per 4 KB.
    std::vector<std::string> pool;
    // The line the next block to feed starts on. Blocks are parsed before the lines before them
    // are counted (counting is the parser's, on its own thread: over a large JSON-lines file
    // the feeding thread spent a third of its time counting line breaks), so a block numbers its
    // lines from 1 and its records are moved to the file's numbering as they are fed.
    std::size_t blockLine = firstLine, linesDone = 0;
    bool eof = false;
    auto readBlock = [&]() -> Status {
        std::string buf;
        if (!pool.empty()) {
            buf = std::move(pool.back());
            pool.pop_back();
        }
        std::size_t have = carry.size();
        // A record longer than a block makes the next block twice as large, until it fits.
        std::size_t need = std::max(have + format.blockBytes, 2 * have) + format.padding;
        if (buf.size() < need)
            buf.resize(need);
        std::memcpy(buf.data(), carry.data(), have);
        std::size_t want = need - format.padding - have;
        std::size_t got = std::fread(buf.data() + have, 1, want, in);
        if (got < want) {
            if (std::ferror(in))
                return Status::ioError(path + ": read error");
            eof = true;
        }
        std::size_t len = have + got;
        if (!eof) {
            std::size_t keep = format.wholeRecords(std::string_view(buf.data(), len));
            carry.assign(buf, keep, len - keep);
            len = keep;
        }
        std::memset(buf.data() + len, 0, format.padding);
        if (len > 0 || eof)
            inflight.push_back(
                std::async(std::launch::async, [&format, b = std::move(buf), len]() mutable {
                    Block block;
                    const std::string_view text(b.data(), len);
                    block.lineBreaks = lineBreaks(text);
                    format.parse(text, 1, &block.parsed);
                    block.buffer = std::move(b);
                    return block;
                }));
        return Status::ok();
    };
    while (true) {
        while (!eof && inflight.size() <= workers)
            if (auto s = readBlock(); !s.isOk())
                return s;
        if (inflight.empty())
            break;
        Block block = inflight.front().get();
        inflight.pop_front();
        const std::size_t shift = blockLine - 1;
        for (auto& record : block.parsed.records) {
            record.line += shift;
            if (auto s = feed(record); !s.isOk())
                return s;
            linesDone = record.line;
        }
        if (!block.parsed.status.isOk())
            return Status::invalidArgument(at(path, block.parsed.errorLine + shift) +
                                           block.parsed.status.message());
        blockLine += block.lineBreaks;
        pool.push_back(std::move(block.buffer));
        if (progress)
            progress(linesDone, 0);
    }
    return Status::ok();
}

} // namespace innograph::interchange
