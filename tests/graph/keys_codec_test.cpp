#include "codec.h"
#include "keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

namespace innograph::graph {
namespace {

TEST(Keys, BigEndianOrderIsNumericOrder) {
    std::vector<std::uint64_t> ids = {0,
                                      1,
                                      255,
                                      256,
                                      65535,
                                      1ull << 32,
                                      (1ull << 40) + 7,
                                      std::numeric_limits<std::uint64_t>::max()};
    for (std::size_t i = 1; i < ids.size(); ++i) {
        EXPECT_LT(keys::nodeKey(ids[i - 1]), keys::nodeKey(ids[i]))
            << ids[i - 1] << " vs " << ids[i];
        EXPECT_EQ(keys::getBe64(keys::nodeKey(ids[i]).data()), ids[i]);
    }
}

TEST(Keys, AdjacencyGroupsByNodeThenTypeThenOther) {
    auto a = keys::adjKey(5, 2, 900, 1);
    auto b = keys::adjKey(5, 3, 1, 1);
    auto c = keys::adjKey(6, 1, 1, 1);
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_TRUE(a.starts_with(keys::adjPrefix(5)));
    EXPECT_TRUE(a.starts_with(keys::adjTypePrefix(5, 2)));
    EXPECT_FALSE(b.starts_with(keys::adjTypePrefix(5, 2)));
    EXPECT_EQ(a.size(), keys::kAdjKeySize);
    auto e = keys::parseAdjKey(a);
    EXPECT_EQ(e.self, 5u);
    EXPECT_EQ(e.type, 2u);
    EXPECT_EQ(e.other, 900u);
    EXPECT_EQ(e.rel, 1u);
}

TEST(Keys, PrefixUpperBoundCoversThePrefixOnly) {
    auto p = keys::adjPrefix(0x00000000000000ffull);
    auto upper = keys::prefixUpperBound(p);
    EXPECT_LT(keys::adjKey(0xff, 0xffffffff, ~0ull, ~0ull), upper);
    EXPECT_GE(keys::adjKey(0x100, 0, 0, 0), upper);
    EXPECT_EQ(keys::prefixUpperBound(std::string(3, '\xff')), "");
}

TEST(Keys, NameKeysOfOneNameAreContiguous) {
    auto a = keys::nameKey("ab", 1), ab = keys::nameKey("abc", 0), b = keys::nameKey("ab", 99);
    // "ab" 0x00 sorts before "abc": an exact-name prefix never captures a longer name.
    EXPECT_LT(a, b);
    EXPECT_LT(b, ab);
    EXPECT_FALSE(ab.starts_with(keys::namePrefix("ab")));
}

TEST(Codec, ValuesRoundTrip) {
    PropertyMap props{{"null", Value()},
                      {"b", Value(true)},
                      {"i", Value(std::int64_t{-42})},
                      {"big", Value(std::numeric_limits<std::int64_t>::min())},
                      {"d", Value(3.25)},
                      {"s", Value("大连高新区")},
                      {"l", Value(ValueList{Value(1), Value("x"), Value(ValueList{})})},
                      {"m", Value(ValueMap{{"k", Value(2.5)}})}};
    std::string buf;
    codec::encodeProperties(&buf, props);
    PropertyMap back;
    ASSERT_TRUE(codec::decodeProperties(buf, &back).isOk());
    props.erase("null"); // null is absence
    EXPECT_EQ(back, props);
    Value one;
    ASSERT_TRUE(codec::findProperty(buf, "s", &one).isOk());
    EXPECT_EQ(one, Value("大连高新区"));
    ASSERT_TRUE(codec::findProperty(buf, "missing", &one).isOk());
    EXPECT_TRUE(one.isNull());
}

TEST(Codec, TruncatedRecordsAreCorruptionNotCrashes) {
    std::string buf = codec::encodeNode({1, 2}, {{"name", Value("x")}, {"n", Value(7)}});
    for (std::size_t cut = 0; cut < buf.size(); ++cut) {
        codec::NodeRecord rec;
        auto s = codec::decodeNode(std::string_view(buf).substr(0, cut), &rec);
        EXPECT_FALSE(s.isOk()) << "cut at " << cut;
    }
    codec::RelRecord rel;
    EXPECT_EQ(codec::decodeRel("short", &rel).code(), Status::Code::Corruption);
}

TEST(Codec, IndexedNamesAreNameAndAliasesNormalised) {
    PropertyMap p{{"name", Value("大連高新區")},
                  {"aliases", Value(ValueList{Value("大连高新区"), Value(" 大连 高新技术产业园区 "),
                                              Value(3)})}};
    auto names = codec::indexedNames(p);
    ASSERT_EQ(names.size(), 2u);
    EXPECT_NE(std::find(names.begin(), names.end(), "大连高新区"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "大连高新技术产业园区"), names.end());
}

} // namespace
} // namespace innograph::graph
