// openCypher value semantics: three-valued comparison, ORDER BY's total order, equivalence.

#include "common/spelling.h"
#include "common/value_ops.h"

#include <gtest/gtest.h>

#include <cmath>

namespace innograph::query {
namespace {

TEST(ValueOpsTest, EqualityIsTernary) {
    EXPECT_TRUE(equalsTernary(Value(), Value(1)).isNull());
    EXPECT_TRUE(equalsTernary(Value(1), Value(1.0)).asBool());
    EXPECT_FALSE(equalsTernary(Value(1), Value("1")).asBool());
    EXPECT_TRUE(
        equalsTernary(Value(List{Value(1), Value()}), Value(List{Value(1), Value(2)})).isNull());
    EXPECT_FALSE(
        equalsTernary(Value(List{Value(1), Value()}), Value(List{Value(2), Value(2)})).asBool());
}

TEST(ValueOpsTest, ComparingDifferentTypesIsUndefined) {
    EXPECT_FALSE(compareTernary(Value(1), Value("a")).has_value());
    EXPECT_EQ(*compareTernary(Value(1), Value(2.5)), -1);
    EXPECT_FALSE(compareTernary(Value(std::nan("")), Value(1.0)).has_value());
}

TEST(ValueOpsTest, OrderByPutsNullLastAndOrdersTypes) {
    EXPECT_LT(orderCompare(Value(1), Value()), 0);
    EXPECT_LT(orderCompare(Value("z"), Value(true)), 0); // strings before booleans
    EXPECT_LT(orderCompare(Value(true), Value(0)), 0);   // booleans before numbers
    EXPECT_LT(orderCompare(Value(1), Value(1.5)), 0);
    EXPECT_GT(orderCompare(Value(std::nan("")), Value(1e300)), 0);
}

TEST(ValueOpsTest, EquivalenceTreatsNullsAndEqualNumbersAlike) {
    EXPECT_TRUE(equivalent(Value(), Value()));
    EXPECT_TRUE(equivalent(Value(2), Value(2.0)));
    EXPECT_EQ(hashValue(Value(2)), hashValue(Value(2.0)));
    EXPECT_FALSE(equivalent(Value("a"), Value("b")));
}

TEST(ValueOpsTest, LargeIntegersCompareExactlyAgainstDoubles) {
    std::int64_t big = (std::int64_t{1} << 53) + 1;
    EXPECT_GT(orderCompare(Value(big), Value(static_cast<double>(std::int64_t{1} << 53))), 0);
}

TEST(SpellingTest, EditDistanceFindsTransposedLetters) {
    EXPECT_EQ(editDistance("MACTH", "MATCH"), 1u);
    EXPECT_EQ(closestMatch("Prak", {"Park", "Region", "Zone"}), "Park");
    EXPECT_EQ(closestMatch("Spaceship", {"Park", "Region", "Zone"}), "");
}

} // namespace
} // namespace innograph::query
