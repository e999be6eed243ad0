#include "record_blocks.h"

#include "import_builder.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <future>
#include <thread>

namespace innograph::interchange {
namespace {

struct Block {
    std::string buffer; // the block's bytes, handed back for reuse
    ParsedBlock parsed;
};

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
    std::size_t nextLine = firstLine, linesDone = 0;
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
        std::size_t lines =
            static_cast<std::size_t>(std::count(buf.data(), buf.data() + len, '\n'));
        if (eof && len > 0 && buf[len - 1] != '\n')
            ++lines;
        std::size_t first = nextLine;
        nextLine += lines;
        if (len > 0 || eof)
            inflight.push_back(
                std::async(std::launch::async, [&format, b = std::move(buf), len, first]() mutable {
                    Block block;
                    format.parse(std::string_view(b.data(), len), first, &block.parsed);
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
        for (auto& record : block.parsed.records) {
            if (auto s = feed(record); !s.isOk())
                return s;
            linesDone = record.line;
        }
        if (!block.parsed.status.isOk())
            return Status::invalidArgument(at(path, block.parsed.errorLine) +
                                           block.parsed.status.message());
        pool.push_back(std::move(block.buffer));
        if (progress)
            progress(linesDone, 0);
    }
    return Status::ok();
}

} // namespace innograph::interchange
