// Invented documents in the corpus's sentence patterns and in paraphrases of them, with
// made-up parks, industries, universities and departments: the rules must read their facts
// though no table lists them.

#include "test_support.h"

#include <gtest/gtest.h>

using namespace innograph::extract;
using namespace innograph::extract::testing;

namespace {

const char* kProvincePlan =
    "江西省鄱阳湖自创区和高新区提质发展实施方案\n"
    "一、重点任务\n"
    "(一)实施“未来产业培育工程”\n"
    "1.明确产业依托园区。量子通信产业重点依托南昌高新区、九江高新区和赣江星谷园区,"
    "柔性电子主要依托鹰潭高新区和南昌高新区,氢能储运及燃料电池重点依托萍乡高新区。\n"
    "2."
    "深化国际合作。依托赣江星谷园区对法合作、九江高新区对韩合作、鹰潭高新区与新加坡开展经贸合作。\n"
    "3.建设研发机构。筛选青岚大学光电研究院、赣南理工量子研究中心、星火材料和器件研究院等机构。\n"
    "4.培育平台企业。优先筛选蓝鲸、赤焰、云杉等一批带动力强的大企业。\n";

const char* kCityPlan =
    "赣州市科技强市行动方案\n"
    "一、主要任务\n"
    "(一)实施创新平台提升工程\n"
    "1.深化产学研合作。深化与青岚大学、赣南理工大学、中科院等高校院所的合作。"
    "赣州稀土材料集团与青岚大学共建稀土功能材料联合实验室。(责任单位:市科技局、市发展改革委)\n"
    "2.壮大主导产业。在我市稀土永磁及深加工、钨精深加工、现代家具等主导产业领域建设公共平台。"
    "〔责任单位:市工信局、各县(市)区政府〕\n"
    "(二)实施开放合作工程\n"
    "作为鄱阳湖自创区核心区的赣州高新区,重点发展稀土新材料、新能源汽车及配套和电子信息等三大产业。"
    "到2025年,全市研发经费支出占地区生产总值比重达到2.5%。"
    "(牵头单位:市商务局;配合单位:市外办、市财政局)\n";

// The same facts said differently.
const char* kParaphrase = "赣州高新区2021年工作要点\n"
                          "赣州高新区的主导产业为稀土新材料、电子信息和智能制造。"
                          "高新区将加强与赣南理工大学的合作共建。"
                          "推进与青岚大学合作共建稀土检测中心。"
                          "赣州高新区对日合作不断深化。\n";

} // namespace

TEST(Invented, HostsFromIndustryAnchoredOnParks) {
    auto doc = extractText("inv_province", kProvincePlan);
    const auto& g = doc.graph;
    EXPECT_TRUE(hosts(g, "Park", "南昌高新区", "量子通信"));
    EXPECT_TRUE(hosts(g, "Park", "九江高新区", "量子通信"));
    EXPECT_TRUE(hosts(g, "Park", "赣江星谷园区", "量子通信"));
    EXPECT_TRUE(hosts(g, "Park", "鹰潭高新区", "柔性电子"));
    EXPECT_TRUE(hosts(g, "Park", "南昌高新区", "柔性电子"));
    // 及 inside one industry's name.
    EXPECT_TRUE(hosts(g, "Park", "萍乡高新区", "氢能储运及燃料电池"));
    EXPECT_FALSE(hosts(g, "Park", "萍乡高新区", "量子通信"));
    EXPECT_EQ(countRelations(g, "HOSTS"), 6u);
}

TEST(Invented, CooperationWithCountriesByAbbreviationAndName) {
    auto doc = extractText("inv_province", kProvincePlan);
    const auto& g = doc.graph;
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "赣江星谷园区", "Country", "法国"));
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "九江高新区", "Country", "韩国"));
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "鹰潭高新区", "Country", "新加坡"));
    EXPECT_EQ(countRelations(g, "COOPERATES_WITH"), 3u);
}

TEST(Invented, AffiliationsAndBareEnterprises) {
    auto doc = extractText("inv_province", kProvincePlan);
    const auto& g = doc.graph;
    EXPECT_TRUE(hasRelation(g, "AFFILIATED_WITH", "Institute", "青岚大学光电研究院", "University",
                            "青岚大学"));
    EXPECT_GE(findEntity(g, "Institute", "星火材料和器件研究院"), 0);
    EXPECT_EQ(countRelations(g, "AFFILIATED_WITH"), 1u);
    EXPECT_GE(findEntity(g, "Enterprise", "蓝鲸"), 0);
    EXPECT_GE(findEntity(g, "Enterprise", "赤焰"), 0);
    EXPECT_GE(findEntity(g, "Enterprise", "云杉"), 0);
}

TEST(Invented, CityPlanPartnersLeadsHostsTargets) {
    auto doc = extractText("inv_city", kCityPlan);
    const auto& g = doc.graph;
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "赣州市", "University", "青岚大学"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "赣州市", "University", "赣南理工大学"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "赣州市", "Institute", "中国科学院"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Enterprise", "赣州稀土材料集团", "University",
                            "青岚大学"));
    EXPECT_TRUE(hosts(g, "Region", "赣州市", "稀土永磁及深加工"));
    EXPECT_TRUE(hosts(g, "Region", "赣州市", "钨精深加工"));
    EXPECT_TRUE(hosts(g, "Region", "赣州市", "现代家具"));
    EXPECT_TRUE(hosts(g, "Park", "赣州高新区", "稀土新材料"));
    EXPECT_TRUE(hosts(g, "Park", "赣州高新区", "新能源汽车及配套"));
    EXPECT_TRUE(hosts(g, "Park", "赣州高新区", "电子信息"));
    EXPECT_TRUE(
        hasRelation(g, "PART_OF", "Park", "赣州高新区", "Zone", "鄱阳湖国家自主创新示范区"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市科技局", "深化产学研合作"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市发展改革委", "深化产学研合作"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "各县(市)区政府", "壮大主导产业"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "赣州市商务局", "开放合作工程"));
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "赣州市外办", "开放合作工程"));
    EXPECT_FALSE(hasTaskRelation(g, "LEADS", "赣州市外办", "开放合作工程"));
    EXPECT_TRUE(hasRelation(g, "LOCATED_IN", "Park", "赣州高新区", "Region", "赣州市"));
    bool target = false;
    for (const auto& e : g.entities) {
        if (e.label != "Target")
            continue;
        target = target || (e.properties.at("value").asDouble() == 2.5 &&
                            e.properties.at("unit").asString() == "%" &&
                            e.properties.at("year").asInt() == 2025);
    }
    EXPECT_TRUE(target);
}

TEST(Invented, ParaphrasesGiveTheSameFacts) {
    auto doc = extractText("inv_para", kParaphrase);
    const auto& g = doc.graph;
    EXPECT_TRUE(hosts(g, "Park", "赣州高新区", "稀土新材料"));
    EXPECT_TRUE(hosts(g, "Park", "赣州高新区", "电子信息"));
    EXPECT_TRUE(hosts(g, "Park", "赣州高新区", "智能制造"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Park", "赣州高新区", "University", "青岚大学"));
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "赣州高新区", "Country", "日本"));
}

TEST(Invented, FactsMergeAcrossDocumentsWithAllSources) {
    ExtractedGraph all;
    all.merge(extractText("inv_city", kCityPlan).graph);
    all.merge(extractText("inv_para", kParaphrase).graph);
    long park = findEntity(all, "Park", "赣州高新区");
    long ind = findEntity(all, "Industry", "稀土新材料");
    ASSERT_GE(park, 0);
    ASSERT_GE(ind, 0);
    bool found = false;
    for (const auto& r : all.relations) {
        if (r.type != "HOSTS" || r.start != static_cast<std::size_t>(park) ||
            r.end != static_cast<std::size_t>(ind))
            continue;
        found = true;
        EXPECT_EQ(r.sources, (std::vector<std::string>{"inv_city", "inv_para"}));
        EXPECT_EQ(r.evidence.size(), 2u);
    }
    EXPECT_TRUE(found);
}

namespace {

// A place's strengths, said of it or carried from the sentence before; an industry plan's
// backed places.
const char* kStrengths =
    "江西省新能源产业发展行动计划\n"
    "为加快全省新能源产业创新发展,特制定本行动计划。\n"
    "一、重点任务\n"
    "1.提升区域能级。支持九江发挥光伏材料、船舶制造和港口物流优势,建设沿江创新走廊。"
    "支持宜春发挥区位、人才和科研成果集聚优势。\n"
    "2.建设示范园区。加快萍乡高新区建设。依托储能装备、锂电材料及智能制造等科技创新优势,"
    "着力打造中部能源谷。\n"
    "3.优化布局。支持抚州、上饶等市建设新能源示范基地。\n";

} // namespace

TEST(Invented, StrengthsOfAPlaceOrOfTheTopicBefore) {
    auto doc = extractText("inv_strength", kStrengths);
    const auto& g = doc.graph;
    EXPECT_TRUE(hosts(g, "Region", "九江市", "光伏材料"));
    EXPECT_TRUE(hosts(g, "Region", "九江市", "船舶制造"));
    // 港口物流 ends in no sector head: no industry; 区位, 人才, 科研成果 name none either.
    EXPECT_FALSE(hosts(g, "Region", "九江市", "港口物流"));
    EXPECT_FALSE(hosts(g, "Region", "宜春市", "区位"));
    EXPECT_FALSE(hosts(g, "Region", "宜春市", "人才"));
    // The sentence with no subject carries on the park the sentence before names; 及 between two
    // finished sector names splits them.
    EXPECT_TRUE(hosts(g, "Park", "萍乡高新区", "储能装备"));
    EXPECT_TRUE(hosts(g, "Park", "萍乡高新区", "锂电材料"));
    EXPECT_TRUE(hosts(g, "Park", "萍乡高新区", "智能制造"));
    // A plan for an industry: the province, and the cities it backs to build something.
    EXPECT_TRUE(hosts(g, "Region", "江西省", "新能源"));
    EXPECT_TRUE(hosts(g, "Region", "抚州市", "新能源"));
    EXPECT_TRUE(hosts(g, "Region", "上饶市", "新能源"));
    EXPECT_FALSE(hosts(g, "Region", "宜春市", "新能源"));
}

namespace {

// A statute for a programme, its general provisions naming who leads and who supports.
const char* kStatute = "# 江西省推进智能制造示范区建设条例\n\n"
                       "## 第一章  总则\n\n"
                       "第一条 为了推进智能制造示范区建设,制定本条例。\n\n"
                       "第四条 省人民政府应当加强对智能制造示范区建设工作的领导。\n\n"
                       "第五条 省工业和信息化部门负责统筹推进示范区建设。\n\n"
                       "省科学技术部门牵头组织技术攻关,发展改革、财政、人力资源社会保障等部门在"
                       "各自职责范围内做好相关工作。\n\n"
                       "县级以上人民政府教育、交通等部门按照各自职责做好相关工作。\n\n"
                       "## 第二章  规划\n\n"
                       "第八条 省商务部门负责示范区的对外合作。\n";

} // namespace

TEST(Invented, StatuteGeneralProvisionsGiveLeadsAndSupports) {
    auto doc = extractText("inv_statute", kStatute);
    const auto& g = doc.graph;
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "江西省人民政府", "智能制造示范区建设"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "江西省工业和信息化部门", "智能制造示范区建设"));
    EXPECT_TRUE(hasTaskRelation(g, "LEADS", "江西省科学技术部门", "智能制造示范区建设"));
    // The list after 牵头 takes the sentence's place word (省).
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "江西省发展改革部门", "智能制造示范区建设"));
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "江西省财政部门", "智能制造示范区建设"));
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "江西省人力资源社会保障部门", "智能制造示范区建设"));
    EXPECT_FALSE(hasTaskRelation(g, "LEADS", "江西省发展改革部门", "智能制造示范区建设"));
    // Every county's departments are no one department; the second chapter is no general
    // provision.
    EXPECT_EQ(countRelations(g, "SUPPORTS"), 3u);
    EXPECT_EQ(countRelations(g, "LEADS"), 3u);
}

TEST(Invented, BilateralParkNamesCooperateWithTheirCountry) {
    auto doc =
        extractText("inv_bilateral", "江西省开放合作方案\n"
                                     "一、重点任务\n"
                                     "1.建设国际合作园区。推进九江中韩科技产业园、"
                                     "赣州中意产业园建设,支持中关村科技园区赣江分园发展。\n");
    const auto& g = doc.graph;
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "九江中韩科技产业园", "Country", "韩国"));
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "赣州中意产业园", "Country", "意大利"));
    // 中关 is no country's abbreviation.
    EXPECT_EQ(countRelations(g, "COOPERATES_WITH"), 2u);
}

TEST(Invented, WholesAndTheirMembersByComposition) {
    auto doc = extractText("inv_composition",
                           "江西省自创区建设方案\n"
                           "一、总体布局\n"
                           "1.明确范围。鄱阳湖国家自主创新示范区包括南昌高新区、九江高新区和"
                           "赣江星谷园区。\n"
                           "2.拓展空间。赣江星谷园区由星谷东片园区、星谷西片园区等园区组成,"
                           "与宜春市开展合作。\n");
    const auto& g = doc.graph;
    EXPECT_TRUE(
        hasRelation(g, "PART_OF", "Park", "南昌高新区", "Zone", "鄱阳湖国家自主创新示范区"));
    EXPECT_TRUE(
        hasRelation(g, "PART_OF", "Park", "九江高新区", "Zone", "鄱阳湖国家自主创新示范区"));
    EXPECT_TRUE(
        hasRelation(g, "PART_OF", "Park", "赣江星谷园区", "Zone", "鄱阳湖国家自主创新示范区"));
    EXPECT_TRUE(hasRelation(g, "PART_OF", "Park", "星谷东片园区", "Park", "赣江星谷园区"));
    EXPECT_TRUE(hasRelation(g, "PART_OF", "Park", "星谷西片园区", "Park", "赣江星谷园区"));
    // A region after the verb's clause is no member.
    EXPECT_FALSE(hasRelation(g, "PART_OF", "Region", "宜春市", "Park", "赣江星谷园区"));
}

// Counties the gazetteer gives no bare name (永新 and 万年 are also words; 清河 is shared by
// several divisions) are read in a cluster list in the document's own province only.
TEST(Invented, BareCountiesOfTheDocumentsProvinceInClusterLists) {
    auto doc = extractText("inv_counties", "江西省县域特色产业集群数字化行动方案\n"
                                           "一、重点任务\n"
                                           "1.推动集群上云。重点推动永新箱包、万年纺织、清河羊绒等"
                                           "消费品产业集群上云用云。\n");
    const auto& g = doc.graph;
    EXPECT_TRUE(hosts(g, "Region", "永新县", "箱包"));
    EXPECT_TRUE(hosts(g, "Region", "万年县", "纺织"));
    // 清河县 lies in Hebei, 清河区 in Liaoning and Jiangsu: none in Jiangxi.
    EXPECT_FALSE(hosts(g, "Region", "清河县", "羊绒"));
    EXPECT_EQ(countRelations(g, "HOSTS"), 2u);
}

// 落实与A、B的战略合作协议 names partners as 深化与…的合作 does; a region opening a longer name
// the recogniser does not know (the exchange below) is no partner, a region listed whole or
// followed by a preposition is.
TEST(Invented, PartnersOfAnAgreementAndRegionsOnlyAsWholeItems) {
    auto doc =
        extractText("inv_partners", "湖北省科技创新“十四五”规划\n"
                                    "一、开放合作\n"
                                    "1.全面落实与楚天大学、江汉材料研究院的战略合作协议,"
                                    "共同建设联合实验室。\n"
                                    "2.深化与重庆西部技术产权交易所等技术转移机构合作。\n"
                                    "3.加强与湖南、江西合作,深化与安徽省在新材料领域的合作。\n");
    const auto& g = doc.graph;
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "湖北省", "University", "楚天大学"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "湖北省", "Institute", "江汉材料研究院"));
    EXPECT_FALSE(hasRelation(g, "PARTNERS_WITH", "Region", "湖北省", "Region", "重庆市"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "湖北省", "Region", "湖南省"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "湖北省", "Region", "江西省"));
    EXPECT_TRUE(hasRelation(g, "PARTNERS_WITH", "Region", "湖北省", "Region", "安徽省"));
}

// A place's 科学城 is a park; a park named for a country in full after its place cooperates with
// that country, as one named 中X does.
TEST(Invented, ScienceCitiesAndParksNamedForACountry) {
    auto doc = extractText("inv_science_city", "安徽省开放创新行动方案\n"
                                               "一、重点任务\n"
                                               "1.加快合肥德国科学城、芜湖中韩产业园建设,"
                                               "推进蚌埠科学城建设。\n");
    const auto& g = doc.graph;
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "合肥德国科学城", "Country", "德国"));
    EXPECT_TRUE(hasRelation(g, "COOPERATES_WITH", "Park", "芜湖中韩产业园", "Country", "韩国"));
    EXPECT_EQ(countRelations(g, "COOPERATES_WITH"), 2u);
    bool bengbu = false;
    for (const auto& e : g.entities)
        bengbu = bengbu || (e.label == "Park" && e.name == "蚌埠科学城");
    EXPECT_TRUE(bengbu);
}
