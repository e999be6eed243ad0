// Stage 1: decoding and cleaning.

#include "innograph/extract/text.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace innograph::extract;
using namespace innograph::extract::testing;

TEST(Text, Utf8OffsetsPointIntoTheInput) {
    std::string in = "\xEF\xBB\xBF标题\n科技局负责。";
    auto r = decodeAndClean(in);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    EXPECT_EQ(r->encoding, "UTF-8");
    EXPECT_EQ(r->utf8(), "标题\n科技局负责。");
    std::size_t k = r->text.find(U'科');
    ASSERT_NE(k, std::u32string::npos);
    EXPECT_EQ(in.substr(r->byteBegin(k), r->byteEnd(k + 3) - r->byteBegin(k)), "科技局");
}

TEST(Text, TraditionalBecomesSimplifiedAndPinyinGoes) {
    std::string in = "大連高新區(qū)建設(shè)跑出加速度。";
    auto r = decodeAndClean(in);
    ASSERT_TRUE(r.isOk());
    EXPECT_EQ(r->utf8(), "大连高新区建设跑出加速度。");
    EXPECT_EQ(r->surfaceUtf8(0, 5), "大連高新區");
    // The span of 区 is the span of 區 in the input, not of the annotation.
    std::size_t k = 4;
    EXPECT_EQ(in.substr(r->byteBegin(k), r->byteEnd(k + 1) - r->byteBegin(k)), "區");
}

TEST(Text, FullWidthFormsAreNormalised) {
    auto r = decodeAndClean("（责任单位：市科技局）ＡＢ１");
    ASSERT_TRUE(r.isOk());
    EXPECT_EQ(r->utf8(), "(责任单位:市科技局)AB1");
}

TEST(Text, Gb18030IsDetectedAndGivesTheSameText) {
    std::string utf8 = "辽宁省沈大自创区和高新区高质量发展实施方案\n一、总体要求。";
    std::string gbk = toGb18030(utf8);
    ASSERT_NE(gbk, utf8);
    auto a = decodeAndClean(utf8);
    auto b = decodeAndClean(gbk);
    ASSERT_TRUE(a.isOk() && b.isOk()) << b.status().message();
    EXPECT_EQ(b->encoding, "GB18030");
    EXPECT_EQ(a->text, b->text);
    // Two bytes a character in GBK.
    EXPECT_EQ(b->byteBegin(1), 2u);
}

TEST(Text, EmptyAndBlankInputsAreRefused) {
    auto e = decodeAndClean("");
    ASSERT_FALSE(e.isOk());
    EXPECT_NE(e.status().message().find("empty"), std::string::npos);
    auto w = decodeAndClean(" \n\t\r\n");
    ASSERT_FALSE(w.isOk());
    EXPECT_NE(w.status().message().find("empty"), std::string::npos);
}

TEST(Text, BinaryInputsAreRefusedWithTheReason) {
    std::string nul("PK\x03\x04\0\0abc", 9);
    auto a = decodeAndClean(nul);
    ASSERT_FALSE(a.isOk());
    EXPECT_NE(a.status().message().find("NUL byte at offset 4"), std::string::npos)
        << a.status().message();
    std::string garbage = "\xFF\xFE\x80\x81\xFF";
    auto b = decodeAndClean(garbage);
    ASSERT_FALSE(b.isOk());
    EXPECT_NE(b.status().message().find("GB18030"), std::string::npos) << b.status().message();
    std::string controls(64, '\x01');
    EXPECT_FALSE(decodeAndClean(controls + "abc").isOk());
}

TEST(Text, DamagedUtf8IsReportedAsUtf8) {
    std::string s = "科技创新服务中心科技创新服务中心科技创新";
    s += "\xE4\xB8"; // truncated sequence
    s += "科技";
    auto r = decodeAndClean(s);
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("invalid UTF-8 at byte offset"), std::string::npos);
}

TEST(Text, WebChromeAndTableDebrisAreDroppedButKeptAsMetadata) {
    std::string in = "[切换城市 | 切换高新区]\n"
                     "  • 阅读1148次\n"
                     "  • 2019-01-18\n"
                     "索引号 | 0736003/2017-00077 | 成文日期 | 2017-06-06 |\n"
                     "|||\n"
                     "关于推进创新的实施方案 |\n"
                     "正文第一句。\n"
                     "【打印本页】【关闭窗口】 |\n";
    auto r = decodeAndClean(in);
    ASSERT_TRUE(r.isOk());
    EXPECT_EQ(r->utf8(), "关于推进创新的实施方案\n正文第一句。");
    EXPECT_GE(r->metaLines.size(), 4u);
}

TEST(Text, HeadingsRunIntoOneLineAreSplit) {
    auto r =
        decodeAndClean("制定本方案。 一、总体要求 (一)指导思想。全面贯彻。——第一项。——第二项。");
    ASSERT_TRUE(r.isOk());
    EXPECT_EQ(r->utf8(),
              "制定本方案。\n一、总体要求\n(一)指导思想。全面贯彻。\n——第一项。\n——第二项。");
}
