// Stage 3: headings, programmes, tasks and responsibility clauses.

#include "innograph/extract/structure.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace innograph::extract;
using namespace innograph::extract::testing;

namespace {
std::string u8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80)
            out += static_cast<char>(c);
        else if (c < 0x800)
            out += {static_cast<char>(0xc0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3f))};
        else
            out +=
                {static_cast<char>(0xe0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3f)),
                 static_cast<char>(0x80 | (c & 0x3f))};
    }
    return out;
}
} // namespace

TEST(Structure, ProgrammesTasksAndClauses) {
    auto ct = decodeAndClean(
        "三、主要任务\n"
        "(一)实施“数字园区赋能工程”\n"
        "1.建设数据中心。推进云平台建设。(责任单位:市工信局、各县(市)区政府)\n"
        "2.培育数据企业。引进龙头企业。〔牵头单位:市商务局;配合单位:市财政局<金融办>、市科技局〕\n"
        "(二)实施人才引育行动\n"
        "加大引才力度。(责任单位:市人社局)\n"
        "四、保障措施\n"
        "(一)加强组织领导。\n");
    ASSERT_TRUE(ct.isOk());
    Structure st = readStructure(extractor().lexicon(), ct.value());
    ASSERT_EQ(st.programmes.size(), 2u);
    EXPECT_EQ(u8(st.programmes[0].name), "数字园区赋能工程");
    EXPECT_EQ(u8(st.programmes[1].name), "人才引育行动");
    ASSERT_EQ(st.tasks.size(), 2u);
    EXPECT_EQ(u8(st.tasks[0].name), "建设数据中心");
    EXPECT_EQ(st.tasks[0].programme, 0);
    ASSERT_EQ(st.responsibilities.size(), 3u);
    const auto& r0 = st.responsibilities[0];
    EXPECT_EQ(r0.task, 0);
    ASSERT_EQ(r0.leads.size(), 2u);
    EXPECT_EQ(u8(r0.leads[1]), "各县(市)区政府");
    const auto& r1 = st.responsibilities[1];
    EXPECT_EQ(r1.task, 1);
    ASSERT_EQ(r1.leads.size(), 1u);
    ASSERT_EQ(r1.supports.size(), 2u);
    EXPECT_EQ(u8(r1.supports[0]), "市财政局<金融办>");
    // A clause in a programme's own text belongs to the programme.
    EXPECT_EQ(st.responsibilities[2].programme, 1);
    EXPECT_EQ(st.responsibilities[2].task, -1);
}

TEST(Structure, SplitMembersKeepsBracketsTogether) {
    auto m = splitMembers(U"科技局 经发局<金融办>、各县(市、区)政府,财政局");
    ASSERT_EQ(m.size(), 4u);
    EXPECT_EQ(u8(m[2]), "各县(市、区)政府");
}
