#pragma once

// External sort of the keys of one column family for a bulk load. Keys are buffered; when the
// buffer passes its budget it is sorted and written to a file as a sorted run (on a background
// thread, while the caller keeps adding into a fresh buffer); forEach() merges the runs with what
// is still buffered. So a load of any size holds at most two buffers of keys per family, and
// for 28-byte (adjacency) keys, while a buffer sorts, a scratch array of 16 bytes a key.

#include "innograph/graph/status.h"

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::graph::detail {

class KeySorter {
public:
    // fixedSize > 0: every key has exactly that many bytes (stored without a length).
    KeySorter(std::filesystem::path dir, std::string name, std::size_t fixedSize,
              std::size_t budgetBytes);
    ~KeySorter();
    KeySorter(const KeySorter&) = delete;
    KeySorter& operator=(const KeySorter&) = delete;

    // May spill; an error of a spill surfaces here or from forEach().
    Status add(std::string_view key);
    // Every key added, in ascending bytewise order (duplicates kept).
    Status forEach(const std::function<Status(std::string_view)>& fn);
    std::size_t runs() const { return runPaths_.size(); }

private:
    struct Buffer {
        std::string bytes;                // fixed: keys back to back; else varint length + key
        std::vector<std::uint64_t> start; // offsets into bytes (variable-size keys only)
        std::size_t count = 0;
        // Keys so far came in ascending order (fixed-size keys only): nothing to sort. A load
        // adds label keys in node order, which is label order when its labels are new.
        bool sorted = true;
    };
    Status spill();
    Status waitForSpill();
    // Sorts and writes *buffer, then empties it keeping its memory for the next fill.
    static Status writeRun(Buffer* buffer, std::size_t fixedSize, const std::string& path);
    static void sortBuffer(Buffer* buffer, std::size_t fixedSize);

    std::filesystem::path dir_;
    std::string name_;
    std::size_t fixedSize_;
    std::size_t budget_;
    Buffer buffer_;
    // The buffer being spilled, then (emptied, its pages still mapped) the next one to fill: a
    // fresh buffer per run cost a page fault and a zeroed page per 4 KB on the adding thread.
    Buffer spare_;
    std::vector<std::string> runPaths_;
    std::future<Status> spilling_;
};

} // namespace innograph::graph::detail
