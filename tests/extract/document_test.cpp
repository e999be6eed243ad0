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

namespace {
std::string dateOf(std::string_view text) {
    auto ct = decodeAndClean(std::string(text));
    EXPECT_TRUE(ct.isOk());
    return ct.isOk() ? readDocumentInfo(extractor().lexicon(), ct.value()).date : std::string();
}
} // namespace

TEST(Document, DatesFollowTheGenresConventions) {
    // The signature inside a text whose lines run together: the issuer, then its date.
    EXPECT_EQ(
        dateOf("青川县人民政府关于加快科技创新的若干措施　　各乡镇人民政府：现将措施印发给你们。"
               "　　青川县人民政府办公室　　2022年4月8日　　附件：任务分工\n"),
        "2022-04-08");
    // A statute: the latest of its passing and amendments, not the first.
    EXPECT_EQ(
        dateOf("# 某省科技园区条例\n\n2001年5月1日 某省第九届人民代表大会常务委员会会议通过\n\n"
               "2012年3月2日 某省第十一届人民代表大会常务委员会会议《关于修改〈某省科技园区条例〉"
               "的决定》修正\n\n## 第一章 总则\n\n第一条 为了促进园区发展,制定本条例。\n"),
        "2012-03-02");
    // A date in brackets under the title of a decision.
    EXPECT_EQ(dateOf("中共某省委某省人民政府　　关于建设创新型某省的决定　　(2015年6月3日)　　"
                     "为深入实施创新驱动发展战略,作出如下决定。\n"),
              "2015-06-03");
    // Only the document number: its year.
    EXPECT_EQ(
        dateOf("某省人民政府关于促进园区发展的意见　　某政发〔2019〕12号各市人民政府：为促进园区"
               "发展,提出如下意见。\n"),
        "2019");
    // The period in the title: its first year.
    EXPECT_EQ(
        dateOf(
            "某市数字经济三年行动计划(2023—2025年)\n一、总体要求\n到2025年,数字经济规模翻番。\n"),
        "2023");
    // A five-year plan named by its ordinal: 十四五 began in 2021.
    EXPECT_EQ(dateOf("某省“十四五”数字经济发展规划\n一、发展基础\n到2025年,规模翻番。\n"), "2021");
    // Last, the year a measure takes effect.
    EXPECT_EQ(dateOf("为了支持企业创新,制定本办法。\n第一条 适用范围。\n第二条 支持方式。\n"
                     "第三条 申报程序。\n第四条 监督管理。\n"
                     "第二十条 本办法自2019年3月1日起施行。\n"),
              "2019");
    // Target years are no date.
    EXPECT_EQ(dateOf("为了支持企业创新,制定本方案。\n到2027年,企业研发投入翻番。\n"), "");
}

TEST(Document, TitlesOfRunTogetherTextsNoticesAndStatutes) {
    auto titleOf = [](std::string_view text) {
        auto ct = decodeAndClean(std::string(text));
        EXPECT_TRUE(ct.isOk());
        return ct.isOk() ? readDocumentInfo(extractor().lexicon(), ct.value()).title
                         : std::string();
    };
    // The pieces before the first one ending in a document type, the spaces between them gone.
    EXPECT_EQ(
        titleOf(
            "　　某省人民政府办公厅　　关于推进科技园区建设　　发展的指导意见　　某政办发〔2019〕"
            "4号各市人民政府:现提出如下意见。一、总体要求。\n"),
        "某省人民政府办公厅关于推进科技园区建设发展的指导意见");
    // A notice issuing a plan names it in book-title marks.
    EXPECT_EQ(titleOf("各市人民政府,省政府各部门:《某省数字经济“十四五”规划》已经省政府同意,"
                      "现印发给你们,请认真组织实施。\n一、发展基础\n"),
              "某省数字经济“十四五”规划");
    // A statute's Markdown heading marks are not part of its title.
    EXPECT_EQ(
        titleOf("# 某省科技园区条例\n\n## 第一章 总则\n\n第一条 为了促进园区发展,制定本条例。\n"),
        "某省科技园区条例");
}
