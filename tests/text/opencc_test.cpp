#include "innograph/text/opencc.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace innograph::text {
namespace {

TEST(OpenCC, TraditionalBecomesSimplified) {
    ASSERT_TRUE(simplifiedConversionAvailable()) << "OpenCC's t2s data is missing";
    EXPECT_EQ(toSimplified(std::string_view("大連高新區")), "大连高新区");
    EXPECT_EQ(toSimplified(std::u32string_view(U"東北大學")), U"东北大学");
    EXPECT_EQ(toSimplified(std::string_view("大连高新区")), "大连高新区");
    EXPECT_EQ(toSimplified(std::string_view("RocksDB 1.0")), "RocksDB 1.0");
    EXPECT_EQ(toSimplified(std::string_view("")), "");
}

TEST(OpenCC, IllFormedInputComesBackUnchanged) {
    const std::string bad = "區\xff";
    EXPECT_NO_THROW(toSimplified(std::string_view(bad)));
}

TEST(OpenCC, ConvertsFromManyThreadsAtOnce) {
    std::vector<std::thread> threads;
    std::vector<std::string> results(8);
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] {
            std::string r;
            for (int i = 0; i < 200; ++i)
                r = toSimplified(std::string_view("遼寧省瀋陽市渾南區"));
            results[t] = r;
        });
    for (auto& th : threads)
        th.join();
    for (const auto& r : results)
        EXPECT_EQ(r, "辽宁省沈阳市浑南区");
}

} // namespace
} // namespace innograph::text
