#include "key_sorter.h"

#include "keys.h"

#include <boost/sort/spreadsort/string_sort.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstring>
#include <memory>
#include <queue>

namespace innograph::graph::detail {
namespace {

// Bytewise order of two N-byte keys, a word at a time (keys are big-endian fields, so the
// byte-swapped words compare as the bytes do).
template <std::size_t N> bool fixedLess(const char* a, const char* b) {
    std::size_t i = 0;
    for (; i + 8 <= N; i += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y)
            return __builtin_bswap64(x) < __builtin_bswap64(y);
    }
    for (; i < N; ++i)
        if (a[i] != b[i])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
    return false;
}

// The first byte from `depth` on at which keys a[0, n) differ, N when they are all equal: one
// pass per eight bytes instead of one counting pass per shared byte.
template <std::size_t N>
std::size_t firstDifferingByte(const std::array<char, N>* a, std::size_t n, std::size_t depth) {
    while (depth < N) {
        const std::size_t width = std::min<std::size_t>(8, N - depth);
        std::uint64_t first = 0, diff = 0;
        std::memcpy(&first, a[0].data() + depth, width);
        for (std::size_t i = 1; i < n; ++i) {
            std::uint64_t x = 0;
            std::memcpy(&x, a[i].data() + depth, width);
            diff |= x ^ first;
        }
        if (diff) // little-endian load: the lowest set byte is the first differing one
            return depth + static_cast<std::size_t>(__builtin_ctzll(diff)) / 8;
        depth += width;
    }
    return N;
}

// In-place MSD radix sort (American flag sort) of N-byte keys, from byte `depth` on; a bucket of
// a few keys is finished by a comparison sort of the whole keys. Bytes that every key of a
// bucket shares are skipped (an adjacency key's node ids share their high bytes, and a node's
// keys share their type), so a buffer of millions of keys is split in a few passes into
// buckets of one node's few keys, and a hub node's thousands of keys are split again on the
// other node's id rather than compared.
template <std::size_t N> void flagSort(std::array<char, N>* a, std::size_t n, std::size_t depth) {
    static_assert(std::endian::native == std::endian::little);
    using Key = std::array<char, N>;
    constexpr std::size_t kSmall = 64;
    if (n < kSmall) {
        std::sort(a, a + n,
                  [](const Key& x, const Key& y) { return fixedLess<N>(x.data(), y.data()); });
        return;
    }
    depth = firstDifferingByte(a, n, depth);
    if (depth >= N)
        return; // all equal
    auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(a[i][depth]); };
    std::array<std::size_t, 256> count{};
    for (std::size_t i = 0; i < n; ++i)
        ++count[byteAt(i)];
    std::array<std::size_t, 256> start{}, next{};
    for (std::size_t b = 1; b < 256; ++b)
        start[b] = start[b - 1] + count[b - 1];
    next = start;
    for (std::size_t b = 0; b < 256; ++b) {
        const std::size_t end = start[b] + count[b];
        while (next[b] < end) {
            unsigned char v = byteAt(next[b]);
            if (v == b)
                ++next[b];
            else
                std::swap(a[next[b]], a[next[v]++]);
        }
    }
    for (std::size_t b = 0; b < 256; ++b)
        if (count[b] > 1)
            flagSort<N>(a + start[b], count[b], depth + 1);
}

// Sorts 28-byte adjacency-shaped keys (three big-endian fields of 8, 4 and 8 bytes, then an
// 8-byte tail) by a stable LSD radix sort of their first 20 bytes packed into one 64-bit word,
// when that is exact: the three fields' ranges fit 64 bits together, and the tails ascend in the
// buffer's order (a load adds a relationship's keys in relationship-id order), so that keys equal
// in their first 20 bytes already stand in tail order and stability keeps them so. False, having
// changed nothing, when either does not hold.
//
// Why: the American flag sort swaps whole 28-byte keys at random positions once per byte level,
// and an adjacency key's node ids take three or more levels; at SF 1 it was a fifth of the CPU
// time of writing the adjacency families. Here every pass reads and writes sequentially, 16-byte
// items, in at most eight passes of eight bits and usually far fewer (passes whose digit
// is the same for every key are skipped). The items live in the key buffer itself (16 of each
// key's 28 bytes) and in one scratch array of 16 bytes a key.
bool packedAdjacencySort(std::string* bytes) {
    constexpr std::size_t N = 28;
    const std::size_t n = bytes->size() / N;
    if (n < 64)
        return false; // the comparison sort's case anyway
    char* keys = bytes->data();
    std::uint64_t minA = ~0ull, maxA = 0, minC = ~0ull, maxC = 0, prevTail = 0;
    std::uint32_t minB = ~0u, maxB = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char* k = keys + i * N;
        const std::uint64_t a = keys::getBe64(k), c = keys::getBe64(k + 12),
                            tail = keys::getBe64(k + 20);
        const std::uint32_t b = keys::getBe32(k + 8);
        if (tail < prevTail)
            return false;
        prevTail = tail;
        minA = std::min(minA, a);
        maxA = std::max(maxA, a);
        minB = std::min(minB, b);
        maxB = std::max(maxB, b);
        minC = std::min(minC, c);
        maxC = std::max(maxC, c);
    }
    const int bitsA = std::bit_width(maxA - minA), bitsB = std::bit_width(maxB - minB),
              bitsC = std::bit_width(maxC - minC);
    const int bits = bitsA + bitsB + bitsC;
    if (bits > 64)
        return false;
    // Shifts and masks of up to 64 bits (a plain shift by 64 is undefined).
    auto shl = [](std::uint64_t x, int by) { return by >= 64 ? 0 : x << by; };
    auto shr = [](std::uint64_t x, int by) { return by >= 64 ? 0 : x >> by; };
    auto low = [](std::uint64_t x, int width) {
        return width >= 64 ? x : x & ((std::uint64_t{1} << width) - 1);
    };

    // An item is the packed fields and the tail, 16 bytes, moved with memcpy: the first pass
    // writes them over the keys. Item i ends at 16(i + 1), before key i + 1 starts.
    constexpr std::size_t kItem = 16;
    auto put = [](char* at, std::uint64_t packed, std::uint64_t tail) {
        std::memcpy(at, &packed, 8);
        std::memcpy(at + 8, &tail, 8);
    };
    auto packedAt = [](const char* at) {
        std::uint64_t v;
        std::memcpy(&v, at, 8);
        return v;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const char* k = keys + i * N;
        const std::uint64_t a = keys::getBe64(k) - minA, b = keys::getBe32(k + 8) - minB,
                            c = keys::getBe64(k + 12) - minC, tail = keys::getBe64(k + 20);
        put(keys + i * kItem, shl(a, bitsB + bitsC) | shl(b, bitsC) | c, tail);
    }
    constexpr int kDigitBits = 8;
    constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    const int passes = (bits + kDigitBits - 1) / kDigitBits;
    std::vector<std::array<std::size_t, kBuckets>> counts(static_cast<std::size_t>(passes));
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t packed = packedAt(keys + i * kItem);
        for (int p = 0; p < passes; ++p)
            ++counts[static_cast<std::size_t>(p)][(packed >> (p * kDigitBits)) & (kBuckets - 1)];
    }
    std::unique_ptr<char[]> scratch; // not zeroed: every byte is written before it is read
    char* from = keys;
    char* to = nullptr;
    for (int p = 0; p < passes; ++p) {
        const auto& count = counts[static_cast<std::size_t>(p)];
        if (std::find(count.begin(), count.end(), n) != count.end())
            continue; // every key has the same digit here
        if (!to) {
            scratch.reset(new char[n * kItem]);
            to = scratch.get();
        }
        std::array<std::size_t, kBuckets> next{};
        for (std::size_t d = 1; d < kBuckets; ++d)
            next[d] = next[d - 1] + count[d - 1];
        for (std::size_t i = 0; i < n; ++i) {
            const char* item = from + i * kItem;
            const std::size_t d = (packedAt(item) >> (p * kDigitBits)) & (kBuckets - 1);
            std::memcpy(to + next[d]++ * kItem, item, kItem);
        }
        std::swap(from, to);
    }
    if (from != keys)
        std::memcpy(keys, from, n * kItem);
    // Back to keys, from the last: key i starts at 28i, past every item before it.
    for (std::size_t i = n; i-- > 0;) {
        std::uint64_t packed, tail;
        std::memcpy(&packed, keys + i * kItem, 8);
        std::memcpy(&tail, keys + i * kItem + 8, 8);
        char* k = keys + i * N;
        keys::writeBe64(k, shr(packed, bitsB + bitsC) + minA);
        keys::writeBe32(k + 8, static_cast<std::uint32_t>(low(shr(packed, bitsC), bitsB) + minB));
        keys::writeBe64(k + 12, low(packed, bitsC) + minC);
        keys::writeBe64(k + 20, tail);
    }
    return true;
}

template <std::size_t N> void sortFixed(std::string* bytes) {
    using Key = std::array<char, N>;
    static_assert(sizeof(Key) == N);
    flagSort<N>(reinterpret_cast<Key*>(bytes->data()), bytes->size() / N, 0);
}

std::uint32_t lengthAt(const std::string& bytes, std::uint64_t offset) {
    std::uint32_t n;
    std::memcpy(&n, bytes.data() + offset, sizeof n);
    return n;
}

std::string_view varKeyAt(const std::string& bytes, std::uint64_t offset) {
    return {bytes.data() + offset + 4, lengthAt(bytes, offset)};
}

// One sorted source of the merge: a run file read through a large buffer, or the buffer still
// in memory.
class Source {
public:
    virtual ~Source() = default;
    // False at the end; *status set on a read error.
    virtual bool next(std::string_view* key, Status* status) = 0;
};

class FileSource : public Source {
public:
    FileSource(std::FILE* f, std::size_t fixedSize, std::string path)
        : f_(f), fixed_(fixedSize), path_(std::move(path)), ioBuffer_(1u << 20) {
        std::setvbuf(f_, ioBuffer_.data(), _IOFBF, ioBuffer_.size());
    }
    ~FileSource() override { std::fclose(f_); }
    bool next(std::string_view* key, Status* status) override {
        if (fixed_)
            return nextFixed(key, status);
        std::size_t n = fixed_;
        if (!n) {
            std::uint32_t len;
            std::size_t got = std::fread(&len, 1, sizeof len, f_);
            if (got == 0 && std::feof(f_))
                return false;
            if (got != sizeof len) {
                *status = Status::ioError("reading sorted run " + path_);
                return false;
            }
            n = len;
        }
        cur_.resize(n);
        std::size_t got = std::fread(cur_.data(), 1, n, f_);
        if (got == 0 && fixed_ && std::feof(f_))
            return false;
        if (got != n) {
            *status = Status::ioError("reading sorted run " + path_);
            return false;
        }
        *key = cur_;
        return true;
    }

private:
    // Fixed-size keys come a chunk of whole keys at a time: one fread per key (each taking the
    // stream's lock) was the merge's main cost.
    bool nextFixed(std::string_view* key, Status* status) {
        if (pos_ + fixed_ > have_) {
            if (chunk_.empty())
                chunk_.resize((kChunkBytes / fixed_) * fixed_);
            have_ = std::fread(chunk_.data(), 1, chunk_.size(), f_);
            pos_ = 0;
            if (have_ % fixed_ != 0 || (have_ == 0 && std::ferror(f_))) {
                *status = Status::ioError("reading sorted run " + path_);
                return false;
            }
            if (have_ == 0)
                return false;
        }
        *key = std::string_view(chunk_.data() + pos_, fixed_);
        pos_ += fixed_;
        return true;
    }
    static constexpr std::size_t kChunkBytes = 1u << 20;

    std::FILE* f_;
    std::size_t fixed_;
    std::string path_;
    std::vector<char> ioBuffer_;
    std::string cur_;
    std::vector<char> chunk_;
    std::size_t have_ = 0, pos_ = 0;
};

} // namespace

KeySorter::KeySorter(std::filesystem::path dir, std::string name, std::size_t fixedSize,
                     std::size_t budgetBytes)
    : dir_(std::move(dir)), name_(std::move(name)), fixedSize_(fixedSize),
      budget_(std::max<std::size_t>(budgetBytes, 1u << 16)) {}

KeySorter::~KeySorter() {
    if (spilling_.valid())
        spilling_.wait();
    for (const auto& p : runPaths_) {
        std::error_code ignored;
        std::filesystem::remove(p, ignored);
    }
}

Status KeySorter::add(std::string_view key) {
    // The whole budget at once: growing by doubling copied the buffer over and over. Pages are
    // only touched as keys arrive.
    if (buffer_.bytes.capacity() < budget_)
        buffer_.bytes.reserve(budget_ + key.size() + 8);
    if (fixedSize_) {
        if (buffer_.sorted && buffer_.count &&
            std::memcmp(buffer_.bytes.data() + buffer_.bytes.size() - fixedSize_, key.data(),
                        fixedSize_) > 0)
            buffer_.sorted = false;
        buffer_.bytes.append(key.data(), fixedSize_);
    } else {
        buffer_.start.push_back(buffer_.bytes.size());
        auto n = static_cast<std::uint32_t>(key.size());
        buffer_.bytes.append(reinterpret_cast<const char*>(&n), sizeof n);
        buffer_.bytes.append(key);
    }
    ++buffer_.count;
    if (buffer_.bytes.size() + buffer_.start.size() * sizeof(std::uint64_t) < budget_)
        return Status::ok();
    return spill();
}

void KeySorter::sortBuffer(Buffer* b, std::size_t fixedSize) {
    if (fixedSize && b->sorted)
        return;
    switch (fixedSize) {
    case 0: {
        // Boost's string radix sort: name keys share long prefixes ("enterprise..."), which a
        // comparison sort compares again at every comparison (7 % of an import's instructions).
        const std::string& bytes = b->bytes;
        boost::sort::spreadsort::string_sort(
            b->start.begin(), b->start.end(),
            [&](std::uint64_t x, std::size_t i) {
                return static_cast<unsigned char>(bytes[x + 4 + i]);
            },
            [&](std::uint64_t x) { return std::size_t{lengthAt(bytes, x)}; },
            [&](std::uint64_t x, std::uint64_t y) {
                return varKeyAt(bytes, x) < varKeyAt(bytes, y);
            });
        return;
    }
    case 12:
        return sortFixed<12>(&b->bytes);
    case 28:
        if (packedAdjacencySort(&b->bytes))
            return;
        return sortFixed<28>(&b->bytes);
    default: {
        // Other widths sort as variable-size keys would: by offset.
        std::vector<std::uint64_t> order(b->count);
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i * fixedSize;
        const std::string& bytes = b->bytes;
        std::sort(order.begin(), order.end(), [&](std::uint64_t x, std::uint64_t y) {
            return std::memcmp(bytes.data() + x, bytes.data() + y, fixedSize) < 0;
        });
        std::string sorted;
        sorted.reserve(bytes.size());
        for (auto o : order)
            sorted.append(bytes.data() + o, fixedSize);
        b->bytes = std::move(sorted);
        return;
    }
    }
}

Status KeySorter::writeRun(Buffer* buffer, std::size_t fixedSize, const std::string& path) {
    Buffer& b = *buffer;
    sortBuffer(&b, fixedSize);
    struct Empty {
        Buffer& b;
        ~Empty() {
            b.bytes.clear();
            b.start.clear();
            b.count = 0;
            b.sorted = true;
        }
    } empty{b};
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        return Status::ioError("cannot create sorted run " + path);
    bool ok = true;
    if (fixedSize) {
        ok = std::fwrite(b.bytes.data(), 1, b.bytes.size(), f) == b.bytes.size();
    } else {
        std::vector<char> io(1u << 20);
        std::setvbuf(f, io.data(), _IOFBF, io.size());
        for (auto o : b.start) {
            std::size_t n = 4 + lengthAt(b.bytes, o);
            if (std::fwrite(b.bytes.data() + o, 1, n, f) != n) {
                ok = false;
                break;
            }
        }
        ok = std::fflush(f) == 0 && ok;
    }
    ok = std::fclose(f) == 0 && ok;
    return ok ? Status::ok() : Status::ioError("writing sorted run " + path + " (disk full?)");
}

Status KeySorter::waitForSpill() {
    if (!spilling_.valid())
        return Status::ok();
    return spilling_.get();
}

Status KeySorter::spill() {
    if (auto s = waitForSpill(); !s.isOk())
        return s;
    auto path = (dir_ / (name_ + "." + std::to_string(runPaths_.size()) + ".run")).string();
    runPaths_.push_back(path);
    std::swap(buffer_, spare_); // spare_ is empty (or never used)
    spilling_ = std::async(std::launch::async, [b = &spare_, fixed = fixedSize_, path] {
        return writeRun(b, fixed, path);
    });
    return Status::ok();
}

Status KeySorter::forEach(const std::function<Status(std::string_view)>& fn) {
    if (auto s = waitForSpill(); !s.isOk())
        return s;
    sortBuffer(&buffer_, fixedSize_);
    std::vector<std::unique_ptr<Source>> sources;
    for (const auto& p : runPaths_) {
        std::FILE* f = std::fopen(p.c_str(), "rb");
        if (!f)
            return Status::ioError("cannot open sorted run " + p);
        sources.push_back(std::make_unique<FileSource>(f, fixedSize_, p));
    }
    class MemorySource : public Source {
    public:
        MemorySource(const Buffer& b, std::size_t fixed) : b_(b), fixed_(fixed) {}
        bool next(std::string_view* key, Status*) override {
            if (i_ >= b_.count)
                return false;
            *key = fixed_ ? std::string_view(b_.bytes.data() + i_ * fixed_, fixed_)
                          : varKeyAt(b_.bytes, b_.start[i_]);
            ++i_;
            return true;
        }

    private:
        const Buffer& b_;
        std::size_t fixed_;
        std::size_t i_ = 0;
    };
    sources.push_back(std::make_unique<MemorySource>(buffer_, fixedSize_));

    // Only the in-memory buffer: no merge needed.
    Status status;
    std::string_view key;
    if (sources.size() == 1) {
        while (sources[0]->next(&key, &status))
            if (auto s = fn(key); !s.isOk())
                return s;
        return status;
    }
    std::vector<std::string_view> heads(sources.size());
    auto greater = [&](std::size_t a, std::size_t b) {
        if (fixedSize_ == 28)
            return fixedLess<28>(heads[b].data(), heads[a].data());
        if (fixedSize_ == 12)
            return fixedLess<12>(heads[b].data(), heads[a].data());
        return heads[a] > heads[b];
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(greater)> heap(greater);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (sources[i]->next(&heads[i], &status))
            heap.push(i);
        else if (!status.isOk())
            return status;
    }
    while (!heap.empty()) {
        std::size_t i = heap.top();
        heap.pop();
        if (auto s = fn(heads[i]); !s.isOk())
            return s;
        if (sources[i]->next(&heads[i], &status))
            heap.push(i);
        else if (!status.isOk())
            return status;
    }
    return Status::ok();
}

} // namespace innograph::graph::detail
