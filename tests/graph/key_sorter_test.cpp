// The external sort of a bulk load's index keys: whatever the key width, the budget (one buffer
// in memory, or many sorted runs merged) and the keys' shape, every key comes back, in bytewise
// order, duplicates kept.

#include "key_sorter.h"
#include "test_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace innograph::graph::detail {
namespace {

using testing::TempDir;

std::string be64(std::uint64_t v) {
    std::string s(8, '\0');
    for (int i = 7; i >= 0; --i, v >>= 8)
        s[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
    return s;
}

// Keys shaped like the adjacency family's (node id, type, other node, relationship id) when
// `width` is 28, the label family's (label, node id) when 12; ids drawn from a small range so
// that many keys share their first eight bytes, some keys repeated whole.
std::vector<std::string> keysOf(std::size_t width, std::size_t n, std::uint64_t idRange,
                                std::mt19937_64& rng) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < n; ++i) {
        if (!keys.empty() && rng() % 50 == 0) {
            keys.push_back(keys[rng() % keys.size()]);
            continue;
        }
        std::string k = be64(1'000'000 + rng() % idRange);
        while (k.size() < width)
            k += static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 0);
        if (width == 0)
            k += std::string(rng() % 9, 'x');
        keys.push_back(width ? k.substr(0, width) : k);
    }
    return keys;
}

std::vector<std::string> sorted(std::vector<std::string> keys) {
    std::sort(keys.begin(), keys.end());
    return keys;
}

// Every key the sorter gives back, in the order it gives them, into *out.
Status drain(KeySorter& sorter, std::vector<std::string>* out) {
    return sorter.forEach([&](std::string_view k) {
        out->emplace_back(k);
        return Status::ok();
    });
}

TEST(KeySorter, EveryKeyComesBackInBytewiseOrder) {
    std::mt19937_64 rng(20261201);
    struct Case {
        std::size_t width, n;
        std::uint64_t idRange;
        std::size_t budget;
    } cases[] = {
        {28, 300'000, 50'000, 64u << 20},    // one buffer, radix-sorted in memory
        {28, 300'000, 50'000, 1u << 20},     // many runs, each radix-sorted, then merged
        {28, 50'000, 1ull << 40, 64u << 20}, // ids spread over every byte
        {28, 20'000, 3, 64u << 20},          // three nodes: the comparison sort does it all
        {28, 40, 1000, 64u << 20},           // fewer keys than a radix pass is worth
        {12, 200'000, 10'000, 512u << 10},
        {20, 50'000, 5'000, 64u << 10}, // a width without its own sort
        {0, 50'000, 5'000, 128u << 10}, // keys of varying length
    };
    for (const auto& c : cases) {
        TempDir dir;
        auto keys = keysOf(c.width, c.n, c.idRange, rng);
        KeySorter sorter(dir.path(), "k", c.width, c.budget);
        for (const auto& k : keys)
            ASSERT_TRUE(sorter.add(k).isOk());
        std::vector<std::string> out;
        ASSERT_TRUE(drain(sorter, &out).isOk());
        EXPECT_EQ(out, sorted(keys)) << "width " << c.width << ", " << c.n << " keys, budget "
                                     << c.budget << ", " << sorter.runs() << " runs";
        if (c.budget == 1u << 20) {
            EXPECT_GT(sorter.runs(), 2u);
        }
    }
}

// A buffer whose keys came in ascending order is not sorted again; one key out of order
// anywhere in a buffer (first, last, right after a spill) must still get the buffer sorted.
TEST(KeySorter, KeysAddedInOrderComeBackInOrderAndOneOutOfPlaceStillGetsSorted) {
    std::mt19937_64 rng(20261202);
    for (std::size_t width : {std::size_t{12}, std::size_t{28}}) {
        auto ascending = sorted(keysOf(width, 100'000, 1ull << 30, rng));
        const std::size_t spillEvery = (256u << 10) / width; // keys per buffer at 256 KB
        std::vector<std::vector<std::string>> inputs = {ascending};
        for (std::size_t at : {std::size_t{0}, spillEvery, spillEvery + 1, ascending.size() - 1}) {
            auto keys = ascending;
            keys[at] = std::string(width, '\0'); // smaller than every other key
            inputs.push_back(keys);
        }
        for (std::size_t budget : {64u << 20, 256u << 10}) {
            for (std::size_t i = 0; i < inputs.size(); ++i) {
                TempDir dir;
                KeySorter sorter(dir.path(), "k", width, budget);
                for (const auto& k : inputs[i])
                    ASSERT_TRUE(sorter.add(k).isOk());
                std::vector<std::string> out;
                ASSERT_TRUE(drain(sorter, &out).isOk());
                EXPECT_EQ(out, sorted(inputs[i]))
                    << "width " << width << ", input " << i << ", budget " << budget;
            }
        }
    }
}

std::string be32(std::uint32_t v) {
    return be64(v).substr(4);
}

// Adjacency keys as a load adds them: (node, type, other node, relationship id) with the
// relationship ids ascending in the order the keys come, which lets the sorter pack the first
// three fields into one word when their ranges fit. At and past the 64 bits the packing allows,
// with fields that are all one value, with ids far from zero, and with some key repeated whole.
TEST(KeySorter, AdjacencyKeysWithAscendingRelationshipIdsSortAsBytes) {
    std::mt19937_64 rng(20261203);
    struct Case {
        std::uint64_t nodeBase, nodeRange;
        std::uint32_t types;
        std::uint64_t otherBase, otherRange;
        std::size_t n, budget;
    } cases[] = {
        {0, 50'000, 5, 0, 50'000, 300'000, 64u << 20},              // a small graph
        {1ull << 50, 1u << 20, 3, 7, 1u << 20, 200'000, 64u << 20}, // ids far from zero
        {0, 1ull << 40, 16, 0, 1ull << 20, 100'000, 64u << 20},     // 40 + 4 + 20 = 64 bits
        {0, 1ull << 40, 16, 0, 1ull << 21, 100'000, 64u << 20},     // 65 bits: not packed
        {9, 1, 1, 0, 1'000, 50'000, 64u << 20},                     // one node, one type
        {0, 1, 1, 5, 1, 50'000, 64u << 20},                         // every key's fields alike
        {0, 50'000, 5, 0, 50'000, 300'000, 1u << 20},               // sorted runs, then merged
    };
    for (const auto& c : cases) {
        TempDir dir;
        std::vector<std::string> keys;
        std::uint64_t rel = 1'000'000;
        for (std::size_t i = 0; i < c.n; ++i) {
            if (!keys.empty() && rng() % 50 == 0) {
                keys.push_back(keys.back()); // a duplicate, its tail equal to the last one's
                continue;
            }
            keys.push_back(be64(c.nodeBase + rng() % c.nodeRange) +
                           be32(static_cast<std::uint32_t>(rng() % c.types)) +
                           be64(c.otherBase + rng() % c.otherRange) + be64(rel++));
        }
        KeySorter sorter(dir.path(), "adj", 28, c.budget);
        for (const auto& k : keys)
            ASSERT_TRUE(sorter.add(k).isOk());
        std::vector<std::string> out;
        ASSERT_TRUE(drain(sorter, &out).isOk());
        EXPECT_EQ(out, sorted(keys)) << "node range " << c.nodeRange << ", other range "
                                     << c.otherRange << ", " << sorter.runs() << " runs";
    }
}

} // namespace
} // namespace innograph::graph::detail
