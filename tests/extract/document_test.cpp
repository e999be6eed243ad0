// Stage 2: title, date, issuer and cited documents.

#include "innograph/extract/document.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace innograph::extract;
using namespace innograph::extract::testing;

TEST(Document, ReadsTitleDateIssuerAndCitations) {
    auto ct =
        decodeAndClean("  • 阅读12次\n  • 2020-09-30\n"
                       "【江西省】鹰潭市数字经济发展实施意见\n"
                       "根据《某某规划》(赣府发〔2019〕7号)和(国科发火〔2013〕388号),制定本意见。\n"
                       "一、总体要求\n"
                       "鹰潭市科学技术局 2020年10月8日印发\n");
    ASSERT_TRUE(ct.isOk());
    auto info = readDocumentInfo(extractor().lexicon(), ct.value());
    EXPECT_EQ(info.title, "鹰潭市数字经济发展实施意见");
    EXPECT_EQ(info.date, "2020-09-30");
    EXPECT_EQ(info.issuer, "鹰潭市科学技术局");
    ASSERT_EQ(info.cites.size(), 2u);
    EXPECT_EQ(info.cites[0], "赣府发〔2019〕7号");
    EXPECT_EQ(info.cites[1], "国科发火〔2013〕388号");
}

TEST(Document, DateFromThePrintLineAndIssuerFromTableMetadata) {
    auto ct = decodeAndClean("发布机构 | 某省科学技术厅 | 文号 | 无 |\n"
                             "一、总体思路\n到2025年,目标达到。\n"
                             "某省办公厅 2021年3月5日印发\n");
    ASSERT_TRUE(ct.isOk());
    auto info = readDocumentInfo(extractor().lexicon(), ct.value());
    EXPECT_EQ(info.title, ""); // a heading is not a title
    EXPECT_EQ(info.date, "2021-03-05");
    EXPECT_EQ(info.issuer, "某省办公厅");
}
