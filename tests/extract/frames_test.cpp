// Frames of the genre read from invented documents: made-up parks, industries and departments
// in paraphrases of the sentence shapes, so that only the rules (not a table) can find them.

#include "test_support.h"

#include <gtest/gtest.h>

using namespace innograph::extract;
using namespace innograph::extract::testing;

namespace {

const char* kResponsibilities =
    "赣州市数字产业三年行动计划\n"
    "一、重点任务\n"
    "(一)实施“星链工程”\n"
    "1.培育星链企业。支持企业上云用云。(牵头单位:市工信局;责任单位:市发展改革委、市商务局)\n"
    "2.建设算力平台。布局算力中心。(责任单位:市数据局)\n"
    "3.强化人才支撑。引进高端人才。(市人社局、市教育局按职责分工负责)\n"
    "4.完善金融服务。设立产业基金。(市财政局牵头,市金融办配合)\n"
    "5.优化营商环境。(由企业自主负责)\n";

const char* kHosts =
    "江西省县域经济行动计划\n"
    "一、重点任务\n"
    "鼓励九江、萍乡、新余市重点发展光伏材料产业,重点打造锂电新能源、有机硅等产业集群。"
    "在南昌高新区、赣州经开区等地打造柔性显示、量子传感等产业技术聚集区。"
    "推动南康家具、瑞金纺织服装、樟树中药等特色产业集群提质升级。"
    "支持上饶高新区做大做强特色主导产业。\n";

} // namespace

TEST(Frames, LeadKeyMakesSharedKeySupporters) {
    auto d = extractText("frames-resp", kResponsibilities);
    const auto& g = d.graph;
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市工信局", "培育星链企业"));
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "赣州市发展改革委", "培育星链企业"));
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "赣州市商务局", "培育星链企业"));
    EXPECT_FALSE(hasTaskRelation(g, "LEADS", "赣州市商务局", "培育星链企业"));
    // A shared key alone leads.
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市数据局", "建设算力平台"));
}

TEST(Frames, RoleWordsAfterTheDepartments) {
    auto d = extractText("frames-tails", kResponsibilities);
    const auto& g = d.graph;
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市人社局", "强化人才支撑"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市教育局", "强化人才支撑"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市财政局", "完善金融服务"));
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "赣州市金融办", "完善金融服务"));
    // A bracket whose members are no departments is no responsibility clause.
    EXPECT_EQ(countRelations(g, "LEADS") + countRelations(g, "SUPPORTS"), 8u);
}

TEST(Frames, EveryPlaceOfAnEnumeratedSubjectHosts) {
    auto d = extractText("frames-hosts", kHosts);
    const auto& g = d.graph;
    for (const char* city : {"九江市", "萍乡市", "新余市"}) {
        EXPECT_TRUE(hasRelation(g, "HOSTS", "Region", city, "Industry", "光伏材料")) << city;
        EXPECT_TRUE(hasRelation(g, "HOSTS", "Region", city, "Industry", "锂电新能源")) << city;
    }
}

TEST(Frames, PlacesOfABuildingVerbInTheSameClauseHost) {
    auto d = extractText("frames-hosts", kHosts);
    const auto& g = d.graph;
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Park", "南昌高新区", "Industry", "柔性显示"));
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Park", "赣州经开区", "Industry", "量子传感"));
}

TEST(Frames, CountyAndIndustryClusters) {
    auto d = extractText("frames-hosts", kHosts);
    const auto& g = d.graph;
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Region", "南康区", "Industry", "家具"));
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Region", "瑞金市", "Industry", "纺织服装"));
    EXPECT_TRUE(hasRelation(g, "HOSTS", "Region", "樟树市", "Industry", "中药"));
}

TEST(Frames, QualifiersAloneAreNoIndustry) {
    auto d = extractText("frames-hosts", kHosts);
    const auto& g = d.graph;
    EXPECT_LT(findEntity(g, "Industry", "特色主导"), 0);
    auto d2 = extractText("frames-plan",
                          "河北省高新区实施意见\n"
                          "支持邢台高新区精准谋划一区一主导产业,重点发展新能源装备产业。\n");
    EXPECT_LT(findEntity(d2.graph, "Industry", "精准谋划一区一"), 0);
    EXPECT_TRUE(hasRelation(d2.graph, "HOSTS", "Park", "邢台高新区", "Industry", "新能源装备"));
}
