// Stage 4: names from the lexicon and from name patterns, short and deictic forms.

#include "innograph/extract/entities.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace innograph::extract;
using namespace innograph::extract::testing;

TEST(Entities, PatternsFindNamesNoTableLists) {
    auto doc =
        extractText("e1", "宜宾市科技创新实施方案\n"
                          "支持青岚大学海洋装备研究院、宜宾星河数据有限公司、宜宾国家高新区和"
                          "翠湖智造产业园建设,推动宜宾工大与金沙江银行合作。\n");
    const auto& g = doc.graph;
    EXPECT_GE(findEntity(g, "Institute", "青岚大学海洋装备研究院"), 0);
    EXPECT_GE(findEntity(g, "University", "青岚大学"), 0);
    EXPECT_GE(findEntity(g, "Enterprise", "宜宾星河数据有限公司"), 0);
    // Derived short form of the company.
    EXPECT_GE(findEntity(g, "Enterprise", "星河数据"), 0);
    // Long and filler forms of a park reduce to one canonical name.
    long park = findEntity(g, "Park", "宜宾高新区");
    ASSERT_GE(park, 0);
    EXPECT_EQ(findEntity(g, "Park", "宜宾国家高新区"), park);
    EXPECT_GE(findEntity(g, "Park", "翠湖智造产业园"), 0);
    // X工大 is X工业大学.
    long u = findEntity(g, "University", "宜宾工业大学");
    ASSERT_GE(u, 0);
    EXPECT_EQ(findEntity(g, "University", "宜宾工大"), u);
    EXPECT_GE(findEntity(g, "Enterprise", "金沙江银行"), 0);
    // The conjunction separates the two parks.
    EXPECT_EQ(findEntity(g, "Park", "宜宾国家高新区和翠湖智造产业园"), -1);
}

TEST(Entities, ConjunctionInsideAName) {
    auto doc = extractText("e2", "筛选青岚硼化学和手性化学研究院、星湖储能研究所等机构。");
    EXPECT_GE(findEntity(doc.graph, "Institute", "青岚硼化学和手性化学研究院"), 0);
    EXPECT_GE(findEntity(doc.graph, "Institute", "星湖储能研究所"), 0);
}

TEST(Entities, DeicticFormsResolveToTheDocumentsPlace) {
    auto doc = extractText("e3", "泸州高新区:打造西南创新高地\n"
                                 "今年高新区新增企业120家。我市将加大支持。\n");
    const auto& g = doc.graph;
    long park = findEntity(g, "Park", "泸州高新区");
    ASSERT_GE(park, 0);
    // The bare 高新区 is no alias: it would merge every document's park.
    for (const auto& a : g.entities[park].aliases)
        EXPECT_NE(a, "高新区");
    long mentions = -1;
    for (const auto& r : g.relations)
        if (r.type == "MENTIONS" && r.end == static_cast<std::size_t>(park))
            mentions = r.properties.at("count").asInt();
    EXPECT_EQ(mentions, 2);
    EXPECT_GE(findEntity(g, "Region", "泸州市"), 0);
}

TEST(Entities, ResponsibleDepartmentsAreQualifiedByPlace) {
    auto doc = extractText("e4", "一、重点任务\n(一)实施“园区提质工程”\n"
                                 "1.完善园区设施。加快建设。(责任单位:市科技局、市场监管局)\n"
                                 "2.优化服务。(牵头单位:科技局,配合单位:财政局)\n"
                                 "遂宁市人民政府办公室 2020年1月2日印发\n");
    const auto& g = doc.graph;
    // No title: the city named most is the place.
    long d = findEntity(g, "Department", "遂宁市科技局");
    ASSERT_GE(d, 0);
    EXPECT_EQ(findEntity(g, "Department", "市科技局"), d); // local alias
    EXPECT_GE(findEntity(g, "Department", "遂宁市市场监管局"), 0);
    EXPECT_GE(findEntity(g, "Department", "遂宁市科技局"), 0);
    EXPECT_TRUE(hasTaskRelation(g, "SUPPORTS", "遂宁市财政局", "优化服务"));
    EXPECT_TRUE(
        hasRelation(g, "ISSUED_BY", "Document", "e4", "Department", "遂宁市人民政府办公室"));
}

TEST(Entities, TraditionalFormsAreAliasesNotNewEntities) {
    auto doc =
        extractText("e5", "臺州高新區:產業升級\n臺州高新區重點發展智能裝備和生命健康等產業。\n");
    const auto& g = doc.graph;
    long park = findEntity(g, "Park", "台州高新区");
    ASSERT_GE(park, 0);
    EXPECT_EQ(findEntity(g, "Park", "臺州高新區"), park);
    EXPECT_EQ(g.countEntitiesByLabel().at("Park"), 1u);
}

TEST(Entities, PlacesListedBeforeAParkTriggerShareIt) {
    auto doc =
        extractText("e20", "某省开发区提质方案\n"
                           "推动巴中、达州高新区建设科技服务业试点。支持雅安、眉山和资阳经开区"
                           "扩区。推进广元、内江两个国家级经济技术开发区和南充嘉陵、遂宁安居"
                           "3个开发区升级。在宜宾翠屏区、泸州高新区等地打造产业集聚区。"
                           "引导自贡四个高新区创新。\n");
    const auto& g = doc.graph;
    for (const char* park : {"巴中高新区", "达州高新区", "雅安经开区", "眉山经开区", "资阳经开区",
                             "广元经开区", "内江经开区", "泸州高新区"})
        EXPECT_GE(findEntity(g, "Park", park), 0) << park;
    // The written long form is an alias of the short canonical name.
    long guangyuan = findEntity(g, "Park", "广元经开区");
    ASSERT_GE(guangyuan, 0);
    EXPECT_EQ(findEntity(g, "Park", "广元国家级经济技术开发区"), guangyuan);
    // A place with a few characters of the park's own name (南充嘉陵) heads its park.
    EXPECT_GE(findEntity(g, "Park", "南充嘉陵开发区"), 0);
    EXPECT_EQ(findEntity(g, "Park", "内江两个经开区"), -1);
    // 宜宾翠屏区 is written whole: a district, not the head of 泸州高新区's trigger.
    EXPECT_EQ(findEntity(g, "Park", "宜宾翠屏区高新区"), -1);
    EXPECT_GE(findEntity(g, "Region", "宜宾市翠屏区"), 0);
    // A counted trigger after one place names no park.
    EXPECT_EQ(findEntity(g, "Park", "自贡高新区"), -1);
}

TEST(Entities, PlacesWrittenWholeShareTheTriggerOfAPlaceWrittenSo) {
    auto doc =
        extractText("e26", "某省高新区提质方案\n"
                           "推进武安市、沙河市两个省级高新区提质,支持平山县、阜平县高新区创建。\n");
    const auto& g = doc.graph;
    long wuan = findEntity(g, "Park", "武安高新区");
    ASSERT_GE(wuan, 0);
    EXPECT_EQ(findEntity(g, "Park", "武安市省级高新区"), wuan);
    EXPECT_GE(findEntity(g, "Park", "沙河高新区"), 0);
    EXPECT_GE(findEntity(g, "Park", "平山县高新区"), 0);
    EXPECT_GE(findEntity(g, "Park", "阜平县高新区"), 0);
}

TEST(Entities, AnAcademysInstitutesAreNamedInFullAndAffiliated) {
    auto doc = extractText("e21", "依托中科院星海所、中国科学院青岚研究所和中国农科院白杨研究所开展"
                                  "合作,引导中科院所属单位落地。支持碧水大学创新港建设。\n");
    const auto& g = doc.graph;
    long star = findEntity(g, "Institute", "中国科学院星海研究所");
    ASSERT_GE(star, 0);
    EXPECT_EQ(findEntity(g, "Institute", "中科院星海所"), star);
    EXPECT_TRUE(hasRelation(g, "AFFILIATED_WITH", "Institute", "中国科学院星海研究所", "Institute",
                            "中国科学院"));
    EXPECT_TRUE(hasRelation(g, "AFFILIATED_WITH", "Institute", "中国科学院青岚研究所", "Institute",
                            "中国科学院"));
    EXPECT_TRUE(hasRelation(g, "AFFILIATED_WITH", "Institute", "中国农业科学院白杨研究所",
                            "Institute", "中国农业科学院"));
    // 所属 is a word, not an institute's unit.
    EXPECT_EQ(findEntity(g, "Institute", "中科院所"), -1);
    EXPECT_TRUE(
        hasRelation(g, "AFFILIATED_WITH", "Institute", "碧水大学创新港", "University", "碧水大学"));
}

TEST(Entities, AStatutesDepartmentListsShareTheirPlaceAndTrigger) {
    auto doc =
        extractText("e22", "天津市促进科技成果转化条例\n"
                           "第五条 市科学技术部门负责本条例的组织实施。市商务、财政、海洋渔业等"
                           "部门在各自职责范围内做好相关工作。市有关部门应当予以配合。"
                           "市园林、文物等行政管理部门按照职责做好服务。\n");
    const auto& g = doc.graph;
    long sci = findEntity(g, "Department", "天津市科学技术部门");
    ASSERT_GE(sci, 0);
    EXPECT_EQ(findEntity(g, "Department", "市科学技术部门"), sci);
    for (const char* d : {"天津市商务部门", "天津市财政部门", "天津市海洋渔业部门",
                          "天津市园林行政管理部门", "天津市文物行政管理部门"})
        EXPECT_GE(findEntity(g, "Department", d), 0) << d;
    // 有关部门 and a list closed by 等 say which departments; they name none.
    EXPECT_EQ(findEntity(g, "Department", "天津市有关部门"), -1);
    EXPECT_EQ(findEntity(g, "Department", "天津市海洋渔业等部门"), -1);
}

TEST(Entities, AProvincesParksAreAKindAndItsDepartmentsAreQualified) {
    auto doc =
        extractText("e23", "甘肃省开发区条例\n"
                           "第三条 省科技行政管理部门负责开发区的指导。省人民政府批准设立开发区。"
                           "人民银行甘肃省分行营管部、国家统计局白银调查队予以支持。\n");
    const auto& g = doc.graph;
    EXPECT_EQ(findEntity(g, "Park", "甘肃省开发区"), -1);
    EXPECT_GE(findEntity(g, "Department", "甘肃省科技行政管理部门"), 0);
    EXPECT_GE(findEntity(g, "Department", "甘肃省人民政府"), 0);
    // A name with its own province or a national head is not the document's own department.
    EXPECT_EQ(findEntity(g, "Department", "甘肃省人民银行甘肃省分行营管部"), -1);
    EXPECT_EQ(findEntity(g, "Department", "甘肃省国家统计局白银调查队"), -1);
}

TEST(Entities, PilotZonesNamedAfterTheirPlaceKeepTheirNames) {
    auto doc =
        extractText("e24", "某省数字经济规划\n"
                           "高水平建设兰州国家新一代人工智能创新发展试验区和兰州—天水数字经济"
                           "创新应用先导区,推动天水工业互联网示范区发展。支持示范区建设,"
                           "鼓励企业建设产业技术升级示范区。\n");
    const auto& g = doc.graph;
    EXPECT_GE(findEntity(g, "Zone", "兰州国家新一代人工智能创新发展试验区"), 0);
    EXPECT_GE(findEntity(g, "Zone", "兰州—天水数字经济创新应用先导区"), 0);
    EXPECT_GE(findEntity(g, "Zone", "天水工业互联网示范区"), 0);
    // Only the 自创区 forms become 国家自主创新示范区.
    EXPECT_EQ(findEntity(g, "Zone", "天水工业互联网国家自主创新示范区"), -1);
    // Without a place the trigger names no zone.
    EXPECT_EQ(findEntity(g, "Zone", "示范区"), -1);
    EXPECT_EQ(findEntity(g, "Zone", "产业技术升级示范区"), -1);
}

TEST(Entities, WordsEndingInADepartmentTriggerAreNoDepartment) {
    auto doc = extractText("e25", "天水市数字经济实施方案\n"
                                  "优化市级创新平台布局。市科技局局长出席会议。兰州高新区管委会、"
                                  "市工信局负责。\n");
    const auto& g = doc.graph;
    EXPECT_GE(findEntity(g, "Department", "天水市科技局"), 0);
    EXPECT_GE(findEntity(g, "Department", "天水市工信局"), 0);
    // 局长 is a person of the department; 布局 is a word.
    EXPECT_EQ(findEntity(g, "Department", "天水市科技局局"), -1);
    for (const auto& e : g.entities)
        EXPECT_FALSE(e.label == "Department" && e.name.find("布局") != std::string::npos) << e.name;
    // A park's own department is named after the park, not after the document's city.
    EXPECT_GE(findEntity(g, "Department", "兰州高新区管委会"), 0);
    EXPECT_EQ(findEntity(g, "Department", "天水市兰州高新区管委会"), -1);
}

TEST(Entities, UniversitiesWithFullWidthBracketsAndCampuses) {
    auto doc = extractText("e27", "支持中国石油大学（华东）、兰州大学（天水）与企业共建实验室。\n");
    const auto& g = doc.graph;
    // The gazetteer writes full-width brackets; the cleaned text has them NFKC-normalised.
    EXPECT_GE(findEntity(g, "University", "中国石油大学(华东)"), 0);
    EXPECT_EQ(findEntity(g, "University", "中国石油大学"), -1);
    // A campus in a place keeps the place in its name.
    EXPECT_GE(findEntity(g, "University", "兰州大学(天水)"), 0);
}

TEST(Entities, AgriculturalHighTechZonesAreParks) {
    auto doc = extractText("e28", "加快天水农业高新技术产业示范区建设,支持酒泉农高区发展。"
                                  "我国农业高新技术产业示范区已有十个。\n");
    const auto& g = doc.graph;
    EXPECT_GE(findEntity(g, "Park", "天水农业高新技术产业示范区"), 0);
    EXPECT_GE(findEntity(g, "Park", "酒泉农高区"), 0);
    EXPECT_EQ(findEntity(g, "Park", "我国农业高新技术产业示范区"), -1);
    EXPECT_EQ(findEntity(g, "Zone", "天水农业高新技术产业示范区"), -1);
}

TEST(Entities, WithoutAPlaceInTheTitleTheIssuerGivesTheDocumentsPlace) {
    auto doc = extractText("e29", "为加快数字经济发展,制定本方案。\n"
                                  "一、深化与兰州、兰州新区和兰州高新区的合作,对接兰州创新资源。\n"
                                  "二、市科技局牵头推进。\n"
                                  "天水市人民政府办公室 2022年4月8日印发\n");
    const auto& g = doc.graph;
    EXPECT_GE(findEntity(g, "Department", "天水市科技局"), 0);
    EXPECT_EQ(findEntity(g, "Department", "兰州市科技局"), -1);
}
