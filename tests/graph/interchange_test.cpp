#include "consistency.h"
#include "test_store.h"

#include "innograph/interchange/interchange.h"

#include <fstream>
#include <sstream>

namespace innograph::interchange {
namespace {

using graph::Value;
using testing::checkConsistency;
using testing::openOrDie;
using testing::TempDir;

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

const char* kGraph =
    R"({"type":"node","id":"p","labels":["Park"],"properties":{"name":"大连高新区","aliases":["大連高新區"],"rank":1,"score":2.5,"national":true}})"
    "\n"
    R"({"type":"node","id":"i","labels":["Industry"],"properties":{"name":"人工智能, \"AI\""}})"
    "\n"
    "\n"
    R"({"type":"relationship","id":"r","label":"HOSTS","start":{"id":"p"},"end":{"id":"i"},"properties":{"sources":["000"],"evidence":["line one\nline two"]}})"
    "\n";

std::string exportOf(graph::GraphStore& store) {
    std::ostringstream out;
    EXPECT_TRUE(exportJsonl(*store.snapshot(), out).isOk());
    return out.str();
}

TEST(Interchange, JsonlExportImportExportIsIdentical) {
    TempDir dir;
    writeFile(dir.sub("in.jsonl"), kGraph);
    auto a = openOrDie(dir.sub("a"));
    auto sum = importJsonl(*a, dir.sub("in.jsonl"));
    ASSERT_TRUE(sum.isOk()) << sum.status().toString();
    EXPECT_EQ(sum->nodes, 2u);
    EXPECT_EQ(sum->relationships, 1u);
    auto first = exportOf(*a);
    EXPECT_NE(first.find(R"("label":"HOSTS")"), std::string::npos);
    EXPECT_NE(first.find(R"("start":{"id":"1","labels":["Park"]})"), std::string::npos);
    writeFile(dir.sub("e1.jsonl"), first);
    auto b = openOrDie(dir.sub("b"));
    ASSERT_TRUE(importJsonl(*b, dir.sub("e1.jsonl")).isOk());
    EXPECT_EQ(exportOf(*b), first);
}

TEST(Interchange, JsonlIdsInAnyOrderAndRelationshipsBeforeTheirNodes) {
    // Numeric ids out of order, text ids, "07" distinct from "7", integer ids, and relationships
    // that name nodes defined further down: every one must land on the right node, in file
    // order.
    TempDir dir;
    std::string text;
    auto node = [&](const std::string& id, const std::string& name) {
        text += R"({"type":"node","id":)" + id + R"(,"labels":["N"],"properties":{"name":")" +
                name + "\"}}\n";
    };
    auto rel = [&](const std::string& s, const std::string& e, const std::string& type) {
        text += R"({"type":"relationship","label":")" + type + R"(","start":{"id":)" + s +
                R"(},"end":{"id":)" + e + "}}\n";
    };
    rel("\"7\"", "\"x\"", "EARLY");
    node("\"5\"", "five");
    node("\"7\"", "seven");
    node("3", "three");
    node("\"07\"", "oh-seven");
    node("\"x\"", "ex");
    rel("\"5\"", "3", "LATE");
    rel("\"07\"", "\"5\"", "LATE");
    writeFile(dir.sub("ids.jsonl"), text);
    auto store = openOrDie(dir.sub("s"));
    auto sum = importJsonl(*store, dir.sub("ids.jsonl"));
    ASSERT_TRUE(sum.isOk()) << sum.status().toString();
    EXPECT_EQ(sum->nodes, 5u);
    EXPECT_EQ(sum->relationships, 3u);
    auto view = store->snapshot();
    auto nameOf = [&](graph::NodeId id) {
        return view->node(id)->properties.at("name").asString();
    };
    std::vector<std::string> got;
    auto rels = view->allRelationships();
    for (graph::RelId r; rels->next(&r);) {
        auto x = view->relationship(r).value();
        got.push_back(nameOf(x.start) + "-" + x.type + "->" + nameOf(x.end));
    }
    EXPECT_EQ(got, (std::vector<std::string>{"seven-EARLY->ex", "five-LATE->three",
                                             "oh-seven-LATE->five"}));
    EXPECT_TRUE(checkConsistency(*store).empty());

    // A numeric id repeated after the ids stopped ascending is still caught.
    writeFile(dir.sub("dup.jsonl"), R"({"type":"node","id":"9"})"
                                    "\n"
                                    R"({"type":"node","id":"4"})"
                                    "\n"
                                    R"({"type":"node","id":9})"
                                    "\n");
    auto r = importJsonl(*store, dir.sub("dup.jsonl"));
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("dup.jsonl:3: node id 9 is defined twice"),
              std::string::npos)
        << r.status().message();
    EXPECT_EQ(store->stats()->nodes, 5u);
}

TEST(Interchange, Neo4jAdminCsvWithTypedHeaders) {
    // The shape neo4j-admin import and Kùzu's COPY read: typed headers, id spaces, labels and
    // types per row or per file, lists, ignored columns, absent fields.
    TempDir dir;
    writeFile(dir.sub("parks.csv"), "parkId:ID(Park),name,rank:int,score:float,national:boolean,"
                                    "tags:string[],:LABEL,note:IGNORE\n"
                                    "1,大连高新区,1,2.5,true,a;b,Zone,x\n"
                                    "2,\"沈阳, 高新区\",,,false,,,y\n");
    writeFile(dir.sub("industries.csv"), ":ID(Industry),name:string\n"
                                         "1,人工智能\n");
    writeFile(dir.sub("hosts.csv"), ":START_ID(Park),:END_ID(Industry),since:int,:TYPE\n"
                                    "1,1,2019,HOSTS\n"
                                    "2,1,,\n");
    auto store = openOrDie(dir.sub("s"));
    auto sum =
        importCsvFiles(*store,
                       {csvFileArgument("Park=" + dir.sub("parks.csv"), false),
                        csvFileArgument("Industry:Sector=" + dir.sub("industries.csv"), false)},
                       {csvFileArgument("PARTNERS=" + dir.sub("hosts.csv"), true)});
    ASSERT_TRUE(sum.isOk()) << sum.status().toString();
    EXPECT_EQ(sum->nodes, 3u);
    EXPECT_EQ(sum->relationships, 2u);
    auto view = store->snapshot();
    auto p1 = view->node(view->findByName("大连高新区").value().at(0)).value();
    EXPECT_EQ(p1.labels, (std::vector<std::string>{"Park", "Zone"}));
    EXPECT_EQ(p1.properties.at("parkId"), Value("1"));
    EXPECT_EQ(p1.properties.at("rank"), Value(1));
    EXPECT_EQ(p1.properties.at("score"), Value(2.5));
    EXPECT_EQ(p1.properties.at("national"), Value(true));
    EXPECT_EQ(p1.properties.at("tags"), Value(graph::ValueList{Value("a"), Value("b")}));
    EXPECT_EQ(p1.properties.count("note"), 0u);
    auto p2 = view->node(view->findByName("沈阳,高新区").value().at(0)).value();
    EXPECT_EQ(p2.properties.count("rank"), 0u); // empty field: absent
    EXPECT_EQ(p2.properties.at("national"), Value(false));
    auto ind = view->findByName("人工智能").value().at(0);
    EXPECT_EQ(view->node(ind)->labels, (std::vector<std::string>{"Industry", "Sector"}));
    // Park 1 and Industry 1 share the text "1" but not an id space.
    std::vector<std::string> types;
    auto rels = view->allRelationships();
    for (graph::RelId r; rels->next(&r);) {
        auto x = view->relationship(r).value();
        EXPECT_EQ(x.end, ind);
        types.push_back(x.type + (x.properties.count("since") ? "@2019" : ""));
    }
    EXPECT_EQ(types, (std::vector<std::string>{"HOSTS@2019", "PARTNERS"}));
    EXPECT_TRUE(checkConsistency(*store).empty());

    // Bad files name file and line, and change nothing.
    auto before = exportOf(*store);
    struct Case {
        std::string nodes, rels, expect;
    } cases[] = {
        {":ID,n:int\n1,2\n2,two\n", "", "bad.csv:3: column n: \"two\" is not an integer"},
        {":ID,n:integer\n", "", "bad.csv:1: header: column n:integer: unknown type"},
        {":ID,ok:boolean\n1,yes\n", "", "bad.csv:2: column ok: \"yes\" is not true or false"},
        {":ID\n1\n", ":START_ID,:END_ID\n1,1\n", "rels.csv:1: header: no :TYPE column"},
        {":ID\n1\n", ":START_ID,:END_ID,:TYPE\n1,9,X\n",
         "rels.csv:2: relationship end node 9 is not defined"},
        {":ID(A)\n1\n", ":START_ID(B),:END_ID(A),:TYPE\n1,1,X\n",
         "rels.csv:2: relationship start node"},
        {":ID,:START_ID\n", "", "bad.csv:1: header: column :START_ID does not belong"},
    };
    for (const auto& c : cases) {
        writeFile(dir.sub("bad.csv"), c.nodes);
        writeFile(dir.sub("rels.csv"), c.rels);
        std::vector<CsvFile> rels;
        if (!c.rels.empty())
            rels.push_back({dir.sub("rels.csv"), {}, {}});
        auto r = importCsvFiles(*store, {{dir.sub("bad.csv"), {}, {}}}, rels);
        ASSERT_FALSE(r.isOk()) << c.expect;
        EXPECT_NE(r.status().message().find(c.expect), std::string::npos) << r.status().message();
        EXPECT_EQ(exportOf(*store), before);
    }
}

TEST(Interchange, CsvRoundTripKeepsEverything) {
    TempDir dir;
    writeFile(dir.sub("in.jsonl"), kGraph);
    auto a = openOrDie(dir.sub("a"));
    ASSERT_TRUE(importJsonl(*a, dir.sub("in.jsonl")).isOk());
    {
        std::ofstream n(dir.sub("nodes.csv")), r(dir.sub("relationships.csv"));
        ASSERT_TRUE(exportCsv(*a->snapshot(), n, r).isOk());
    }
    auto b = openOrDie(dir.sub("b"));
    auto sum = importCsv(*b, dir.sub("nodes.csv"), dir.sub("relationships.csv"));
    ASSERT_TRUE(sum.isOk()) << sum.status().toString();
    EXPECT_EQ(exportOf(*b), exportOf(*a));
}

TEST(Interchange, GraphMlDeclaresTypedKeys) {
    TempDir dir;
    writeFile(dir.sub("in.jsonl"), kGraph);
    auto a = openOrDie(dir.sub("a"));
    ASSERT_TRUE(importJsonl(*a, dir.sub("in.jsonl")).isOk());
    std::ostringstream out;
    ASSERT_TRUE(exportGraphMl(*a->snapshot(), out).isOk());
    auto xml = out.str();
    EXPECT_NE(xml.find(R"(attr.name="rank" attr.type="long")"), std::string::npos);
    EXPECT_NE(xml.find(R"(attr.name="score" attr.type="double")"), std::string::npos);
    EXPECT_NE(xml.find(R"(<edge id="e1" source="n1" target="n2">)"), std::string::npos);
    EXPECT_NE(xml.find("人工智能, &quot;AI&quot;"), std::string::npos);
}

TEST(Interchange, BadInputNamesFileAndLineAndChangesNothing) {
    TempDir dir;
    auto store = openOrDie(dir.sub("db"));
    writeFile(dir.sub("ok.jsonl"), kGraph);
    ASSERT_TRUE(importJsonl(*store, dir.sub("ok.jsonl")).isOk());
    const auto before = exportOf(*store);
    struct Case {
        std::string text, expect;
    } cases[] = {
        {std::string(kGraph) + "{not json\n", "bad.jsonl:5: not JSON"},
        {std::string(kGraph) +
             R"({"type":"relationship","label":"X","start":{"id":"p"},"end":{"id":"ghost"}})"
             "\n",
         "bad.jsonl:5: relationship end node ghost is not defined"},
        {std::string(kGraph) +
             "{\"type\":\"node\",\"id\":\"q\",\"properties\":{\"name\":\"\xff\"}}\n",
         "bad.jsonl:5: invalid UTF-8"},
        {R"({"type":"node","id":"p"})"
         "\n"
         R"({"type":"node","id":"p"})"
         "\n",
         "bad.jsonl:2: node id p is defined twice"},
        {R"({"type":"edge"})"
         "\n",
         "bad.jsonl:1: \"type\" must be"},
    };
    for (const auto& c : cases) {
        writeFile(dir.sub("bad.jsonl"), c.text);
        auto r = importJsonl(*store, dir.sub("bad.jsonl"));
        ASSERT_FALSE(r.isOk());
        EXPECT_NE(r.status().message().find(c.expect), std::string::npos) << r.status().message();
        EXPECT_EQ(exportOf(*store), before);
    }
    writeFile(dir.sub("bad.csv"),
              "id,labels,properties\n1,Park,\"{\"\"name\"\":1}\"\n2,Park,{oops}\n");
    auto r = importCsv(*store, dir.sub("bad.csv"), "");
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("bad.csv:3:"), std::string::npos) << r.status().message();
    EXPECT_EQ(exportOf(*store), before);
    EXPECT_TRUE(checkConsistency(*store).empty());
}

} // namespace
} // namespace innograph::interchange
