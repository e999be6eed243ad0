// Frames of the genre read from invented documents: made-up parks, industries and departments
// in paraphrases of the sentence shapes, so that only the rules (not a table) can find them.

#include "test_support.h"

#include "innograph/extract/relations.h"

#include <gtest/gtest.h>

#include <filesystem>

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
        EXPECT_TRUE(hosts(g, "Region", city, "光伏材料")) << city;
        EXPECT_TRUE(hosts(g, "Region", city, "锂电新能源")) << city;
    }
}

TEST(Frames, PlacesOfABuildingVerbInTheSameClauseHost) {
    auto d = extractText("frames-hosts", kHosts);
    const auto& g = d.graph;
    EXPECT_TRUE(hosts(g, "Park", "南昌高新区", "柔性显示"));
    EXPECT_TRUE(hosts(g, "Park", "赣州经开区", "量子传感"));
}

TEST(Frames, CountyAndIndustryClusters) {
    auto d = extractText("frames-hosts", kHosts);
    const auto& g = d.graph;
    EXPECT_TRUE(hosts(g, "Region", "南康区", "家具"));
    EXPECT_TRUE(hosts(g, "Region", "瑞金市", "纺织服装"));
    EXPECT_TRUE(hosts(g, "Region", "樟树市", "中药"));
}

TEST(Frames, QualifiersAloneAreNoIndustry) {
    auto d = extractText("frames-hosts", kHosts);
    const auto& g = d.graph;
    EXPECT_LT(findEntity(g, "Industry", "特色主导"), 0);
    auto d2 = extractText("frames-plan",
                          "河北省高新区实施意见\n"
                          "支持邢台高新区精准谋划一区一主导产业,重点发展新能源装备产业。\n");
    EXPECT_LT(findEntity(d2.graph, "Industry", "精准谋划一区一"), 0);
    EXPECT_TRUE(hosts(d2.graph, "Park", "邢台高新区", "新能源装备"));
}

namespace {

// A provincial plan (it speaks of 我省) in paraphrases of the HOSTS frames of the genre.
const char* kProvincialHosts =
    "安徽省产业创新规划\n"
    "一、重点任务\n"
    "支持芜湖、蚌埠、宿州市在智能家电、硅基材料、现代种业等重点领域实现突破。\n"
    "建设淮北、六安、池州3大康养产业基地。\n"
    "打造合肥肥西、六安霍山等低空经济产业园区。\n"
    "我省已经在量子信息产业、空天信息产业等领先布局。\n"
    "支持铜陵市围绕铜基新材料和循环经济,建设转型示范区。\n"
    "支持滁州培育以光伏组件、绿色食品为特色的产业创新中心。\n"
    "依托马鞍山高新区重点发展焊接机器人、巡检机器人等机器人关键零部件;\n"
    "重点聚焦柔性电子、车规芯片等产业链关键技术攻关。\n"
    "重点支持界首再生金属、宁国和广德电子元器件、临泉锹等产业集群发展。\n"
    "深化与江苏省在储能装备等领域的合作。\n"
    "支持高新区前瞻发展元宇宙等未来产业。\n";

} // namespace

TEST(Frames, PlacesBeforeAPrepositionOfFieldHostTheFields) {
    auto d = extractText("frames-province", kProvincialHosts);
    const auto& g = d.graph;
    for (const char* city : {"芜湖市", "蚌埠市", "宿州市"})
        for (const char* ind : {"智能家电", "硅基材料", "现代种业"})
            EXPECT_TRUE(hosts(g, "Region", city, ind)) << city << ind;
    // The document's own place through 我省, over an adverb.
    EXPECT_TRUE(hosts(g, "Region", "安徽省", "量子信息"));
    EXPECT_TRUE(hosts(g, "Region", "安徽省", "空天信息"));
    // A place after 与 is a partner, not the subject of 在.
    EXPECT_FALSE(hosts(g, "Region", "江苏省", "储能装备"));
}

TEST(Frames, PlacesBeforeAnIndustryBaseHostIt) {
    auto d = extractText("frames-province", kProvincialHosts);
    const auto& g = d.graph;
    // 3大康养: the numeral and its counter are no part of the industry.
    for (const char* city : {"淮北市", "六安市", "池州市"})
        EXPECT_TRUE(hosts(g, "Region", city, "康养")) << city;
    // 合肥肥西: the city qualifies its county and is no member of the list.
    EXPECT_TRUE(hosts(g, "Region", "肥西县", "低空经济"));
    EXPECT_TRUE(hosts(g, "Region", "霍山县", "低空经济"));
    EXPECT_FALSE(hosts(g, "Region", "合肥市", "低空经济"));
}

TEST(Frames, FocusAndFeatureFrames) {
    auto d = extractText("frames-province", kProvincialHosts);
    const auto& g = d.graph;
    EXPECT_TRUE(hosts(g, "Region", "铜陵市", "铜基新材料"));
    EXPECT_TRUE(hosts(g, "Region", "铜陵市", "循环经济"));
    EXPECT_TRUE(hosts(g, "Region", "滁州市", "光伏组件"));
    EXPECT_TRUE(hosts(g, "Region", "滁州市", "绿色食品"));
}

TEST(Frames, IndustryBetweenTheListAndAProductHead) {
    auto d = extractText("frames-province", kProvincialHosts);
    EXPECT_TRUE(hosts(d.graph, "Park", "马鞍山高新区", "机器人"));
    EXPECT_FALSE(hosts(d.graph, "Park", "马鞍山高新区", "焊接机器人"));
}

TEST(Frames, AVerbWithNoSubjectSpeaksForTheDocumentsLevel) {
    auto d = extractText("frames-province", kProvincialHosts);
    EXPECT_TRUE(hosts(d.graph, "Region", "安徽省", "柔性电子"));
    EXPECT_TRUE(hosts(d.graph, "Region", "安徽省", "车规芯片"));
    // A bare 高新区 in a provincial plan is every high-tech zone: no park hosts 元宇宙.
    EXPECT_FALSE(hosts(d.graph, "Park", "马鞍山高新区", "元宇宙"));
}

TEST(Frames, ClusterItemsJoinedByAConjunctionShareTheIndustry) {
    auto d = extractText("frames-province", kProvincialHosts);
    const auto& g = d.graph;
    EXPECT_TRUE(hosts(g, "Region", "界首市", "再生金属"));
    EXPECT_TRUE(hosts(g, "Region", "宁国市", "电子元器件"));
    EXPECT_TRUE(hosts(g, "Region", "广德市", "电子元器件"));
    EXPECT_TRUE(hosts(g, "Region", "临泉县", "锹"));
}

TEST(Frames, AParkNamedAfterAPlaceAndAnIndustryHostsIt) {
    auto d = extractText("frames-named",
                         "湖南省产业规划\n加快建设湘潭新材料产业园和长沙中外合作产业园。\n");
    const auto& g = d.graph;
    EXPECT_TRUE(hosts(g, "Park", "湘潭新材料产业园", "新材料"));
    // Words before 产业园 that the lexicon does not know as an industry name none.
    EXPECT_EQ(countRelations(g, "HOSTS"), 1u);
}

TEST(Frames, ATaskKeepsTheQuotesOfItsHeading) {
    auto d = extractText("frames-quotes", "贵阳市数据产业行动方案\n"
                                          "一、重点任务\n"
                                          "1.推广“数据+制造”应用。建设工业数据平台。"
                                          "(牵头单位:市大数据局;责任单位:市工信局)\n");
    EXPECT_TRUE(hasTaskRelation(d.graph, "LEADS", "贵阳市大数据局", "推广“数据+制造”应用"));
    EXPECT_TRUE(hasTaskRelation(d.graph, "SUPPORTS", "贵阳市工信局", "推广“数据+制造”应用"));
}

TEST(Frames, EntriesOfAHeadingNamingAnIndustryOrAPlace) {
    auto d = extractText("frames-entries",
                         "湖北省制造业攻关方向\n"
                         "一、重点领域\n"
                         "1.光电子领域。依托武汉、鄂州市重点发展激光器、光纤等光电子产品;"
                         "支持孝感、咸宁等地开展光电子应用示范。推动黄石市举办人才培训。\n"
                         "2.襄阳高新区。重点发展新能源汽车、航空航天等产业。\n"
                         "3.做优人工智能产业链。支持黄冈、随州等地建设算力中心。\n");
    const auto& g = d.graph;
    for (const char* city : {"武汉市", "鄂州市", "孝感市", "咸宁市"})
        EXPECT_TRUE(hosts(g, "Region", city, "光电子")) << city;
    // A place merely mentioned in the entry hosts nothing.
    EXPECT_FALSE(hosts(g, "Region", "黄石市", "光电子"));
    EXPECT_TRUE(hosts(g, "Park", "襄阳高新区", "新能源汽车"));
    EXPECT_TRUE(hosts(g, "Park", "襄阳高新区", "航空航天"));
    // A heading that is a task (a verb before the industry) names no field.
    EXPECT_LT(findEntity(g, "Industry", "做优人工智能"), 0);
    EXPECT_FALSE(hosts(g, "Region", "黄冈市", "人工智能"));
}

namespace {

// The lexicon's tables as files, with `from` replaced by `to` in the file named `file`.
std::vector<std::pair<std::string, std::string>> lexiconTexts(const std::string& file = {},
                                                              const std::string& from = {},
                                                              const std::string& to = {}) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : std::filesystem::directory_iterator(INNOGRAPH_LEXICON_DIR)) {
        if (e.path().extension() != ".txt")
            continue;
        std::string text = readFile(e.path().string());
        if (e.path().filename() == file) {
            auto at = text.find(from);
            EXPECT_NE(at, std::string::npos) << from;
            if (at != std::string::npos)
                text.replace(at, from.size(), to);
        }
        out.emplace_back(e.path().filename().string(), text);
    }
    return out;
}

} // namespace

TEST(Frames, ASlotNamingNoListFailsAtLoadWithItsName) {
    auto lex = Lexicon::fromTexts(
        lexiconTexts("frames-hosts.txt", "trigger @hosts-verbs", "trigger @hosts-verbz"));
    ASSERT_FALSE(lex.isOk());
    const std::string& msg = lex.status().message();
    EXPECT_NE(msg.find("hosts-verbz"), std::string::npos) << msg;
    EXPECT_NE(msg.find("frames-hosts.txt"), std::string::npos) << msg;
    EXPECT_NE(msg.find("hosts-verb"), std::string::npos) << msg;
}

TEST(Frames, AMissingFrameOrSlotFailsTheRulesAtLoad) {
    auto noSlot = Lexicon::fromTexts(
        lexiconTexts("frames-hosts.txt", "list-heads @list-heads\npartner-preps", "partner-preps"));
    ASSERT_TRUE(noSlot.isOk()) << noSlot.status().message();
    auto st = checkRelationFrames(*noSlot.value());
    ASSERT_FALSE(st.isOk());
    EXPECT_NE(st.message().find("hosts-field"), std::string::npos) << st.message();
    EXPECT_NE(st.message().find("list-heads"), std::string::npos) << st.message();

    auto noFrame =
        Lexicon::fromTexts(lexiconTexts("frames-links.txt", "@frame part-of", "@frame part-off"));
    ASSERT_TRUE(noFrame.isOk()) << noFrame.status().message();
    st = checkRelationFrames(*noFrame.value());
    ASSERT_FALSE(st.isOk());
    EXPECT_NE(st.message().find("part-of"), std::string::npos) << st.message();

    auto builtin = Lexicon::builtin();
    ASSERT_TRUE(builtin.isOk());
    EXPECT_TRUE(checkRelationFrames(*builtin.value()).isOk());
}

TEST(Frames, TriggerWordsAreData) {
    // A verb the shipped tables do not hold: the same text gives the fact only with a lexicon
    // whose hosts-verb frame lists it.
    const char* text =
        "福建省产业规划\n一、重点任务\n支持泉州市倾力扶植鞋服智造、石材加工等产业。\n";
    EXPECT_FALSE(hosts(extractText("frames-data", text).graph, "Region", "泉州市", "鞋服智造"));
    auto lex = Lexicon::fromTexts(
        lexiconTexts("frames-hosts.txt", "@words hosts-verbs\n", "@words hosts-verbs\n倾力扶植\n"));
    ASSERT_TRUE(lex.isOk()) << lex.status().message();
    Extractor custom(lex.value());
    auto d = custom.extract("frames-data", text);
    ASSERT_TRUE(d.isOk());
    EXPECT_TRUE(hosts(d.value().graph, "Region", "泉州市", "鞋服智造"));
    EXPECT_TRUE(hosts(d.value().graph, "Region", "泉州市", "石材加工"));
}

TEST(Frames, APlanWrittenForAnIndustry) {
    auto d = extractText("frames-plan-industry",
                         "无锡市集成电路产业高质量发展行动计划\n"
                         "为加快全市集成电路产业创新发展,推进制造强市建设,制定本行动计划。\n"
                         "一、主要任务\n"
                         "1.建设公共平台。支持企业上云。\n"
                         "二、产业布局\n"
                         "(一)“一核”。无锡高新区整合创新资源,打造设计高地。\n"
                         "(二)“多园”。江阴市依托封测企业,打造封测基地。宜兴市加快培育配套企业。\n"
                         "三、保障措施\n"
                         "常州市加强人才交流。\n");
    const auto& g = d.graph;
    EXPECT_TRUE(hosts(g, "Region", "无锡市", "集成电路"));
    EXPECT_TRUE(hosts(g, "Park", "无锡高新区", "集成电路"));
    EXPECT_TRUE(hosts(g, "Region", "江阴市", "集成电路"));
    EXPECT_TRUE(hosts(g, "Region", "宜兴市", "集成电路"));
    // A place outside the layout section hosts nothing.
    EXPECT_FALSE(hosts(g, "Region", "常州市", "集成电路"));
}

TEST(Frames, ClusterListsClosedFarAwayByAnIndustryHead) {
    auto d = extractText("frames-far-head",
                         "福建省县域产业数字化行动计划\n"
                         "鼓励南安水暖、德化陶瓷等企业数量多、规模小的产业加快上云。\n"
                         "打造泉州晋江、漳州龙海等数字经济产业园区。\n"
                         "支持仙游古典家具(红木)、安溪茶叶等产业集群建设数字工厂。\n");
    const auto& g = d.graph;
    EXPECT_TRUE(hosts(g, "Region", "南安市", "水暖"));
    EXPECT_TRUE(hosts(g, "Region", "德化县", "陶瓷"));
    EXPECT_TRUE(hosts(g, "Region", "晋江市", "数字经济"));
    // A bracketed gloss is no part of the industry.
    EXPECT_TRUE(hosts(g, "Region", "仙游县", "古典家具"));
    // 泉州晋江: a county after its city is no industry of the city.
    EXPECT_LT(findEntity(g, "Industry", "晋江"), 0);
    EXPECT_FALSE(hasRelation(g, "HOSTS", "Region", "泉州市", "Region", "晋江市"));
}
