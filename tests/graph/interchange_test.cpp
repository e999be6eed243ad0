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

TEST(Interchange, JsonlLinesOfEveryShapeReadAsTheDomReadsThem) {
    // Lines the fast (On-Demand) parser leaves to the DOM parser, or must read exactly as it
    // does: repeated keys (the last "id" and "type" win, "labels" add up, properties merge, an
    // endpoint's first "id" names it), keys written with escapes, a "type" that is not a string
    // before one that is, unknown fields of any JSON (numbers beyond int64, deep nesting),
    // "properties": null, -0 as an id, doubles, and JSON whitespace everywhere.
    TempDir dir;
    std::string text =
        R"({"type":"node","id":"a","labels":["A"],"labels":["B"],"properties":{"n":1,"s":"x"},"properties":{"m":2.5,"n":3},"id":"b"})"
        "\n"
        R"({"typ\u0065":"node","\u0069d":"c","labels":["C\u0041"],"properties":{"n\u0061me":"x\"y\\z\u00e9","t":"\ud83d\ude00"}})"
        "\n"
        R"({"type":5,"type":"node","id":-0,"extra":[18446744073709551615,{"d":)" +
        std::string(80, '[') + "1" + std::string(80, ']') +
        R"(}],"properties":null})"
        "\n"
        " \t{ \"type\" : \"node\" ,\t\"id\" : 7 , \"properties\" : { \"f\" : 1e3 , \"g\" : -7 , "
        "\"pi\" : 3.14159265358979323846264338 , \"j\" : 1234567890.123456789 , "
        "\"h\" : [ true , false , null ] , \"i\" : { } } } \t\r\n"
        R"({"type":"relationship","id":"r","label":"X","start":{"labels":["A"],"id":"b","id":"zzz"},"end":{"id":0,"labels":[]},"properties":{}})"
        "\n"
        R"({"type":"relationship","label":"Y","start":{"id":7},"start":{"id":"c"},"end":{"id":"7"}})"
        "\n";
    writeFile(dir.sub("shapes.jsonl"), text);
    auto store = openOrDie(dir.sub("s"));
    auto sum = importJsonl(*store, dir.sub("shapes.jsonl"));
    ASSERT_TRUE(sum.isOk()) << sum.status().toString();
    EXPECT_EQ(sum->nodes, 4u);
    EXPECT_EQ(sum->relationships, 2u);
    auto view = store->snapshot();
    auto b = view->node(1).value();
    EXPECT_EQ(b.labels, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(b.properties,
              (graph::PropertyMap{{"m", Value(2.5)}, {"n", Value(3)}, {"s", Value("x")}}));
    auto c = view->node(2).value();
    EXPECT_EQ(c.labels, (std::vector<std::string>{"CA"}));
    EXPECT_EQ(c.properties.at("name"), Value("x\"y\\z\xc3\xa9"));
    EXPECT_EQ(c.properties.at("t"), Value("\xf0\x9f\x98\x80"));
    EXPECT_TRUE(view->node(3).value().properties.empty());
    auto seven = view->node(4).value();
    EXPECT_EQ(seven.properties.at("f"), Value(1000.0));
    EXPECT_EQ(seven.properties.at("g"), Value(-7));
    // Mantissas of more than 19 characters: simdjson 3.0.1's On-Demand would read 0.
    EXPECT_EQ(seven.properties.at("pi"), Value(3.141592653589793));
    EXPECT_EQ(seven.properties.at("j"), Value(1234567890.123456789));
    EXPECT_EQ(seven.properties.at("h"),
              Value(graph::ValueList{Value(true), Value(false), Value()}));
    EXPECT_EQ(seven.properties.at("i"), Value(graph::ValueMap{}));
    std::vector<std::string> got;
    auto rels = view->allRelationships();
    for (graph::RelId r; rels->next(&r);) {
        auto x = view->relationship(r).value();
        got.push_back(std::to_string(x.start) + "-" + x.type + "->" + std::to_string(x.end));
    }
    EXPECT_EQ(got, (std::vector<std::string>{"1-X->3", "2-Y->4"}));
    EXPECT_TRUE(checkConsistency(*store).empty());
}

TEST(Interchange, JsonlRejectsEveryLineThatIsNotJson) {
    // What a lazy parser could let through: whatever follows the object, a line cut short, an
    // object running on into the next line, bad UTF-8 or escapes or numbers in keys and in
    // fields no one reads, missing or extra commas and colons, control characters in strings.
    // Each names its line, and the store keeps what it had.
    TempDir dir;
    auto store = openOrDie(dir.sub("db"));
    writeFile(dir.sub("ok.jsonl"), kGraph);
    ASSERT_TRUE(importJsonl(*store, dir.sub("ok.jsonl")).isOk());
    const auto before = exportOf(*store);
    const std::string node = R"({"type":"node","id":"q")";
    struct Case {
        std::string line, expect;
    } cases[] = {
        {node + "} x", "not JSON"},
        {node + "}}", "not JSON"},
        {node + "}{\"type\":\"node\",\"id\":\"r\"}", "not JSON"},
        {node, "not JSON"},
        {node + ",", "not JSON"},
        {node + R"(,"properties":{"name":"a"})", "not JSON"},
        {node + R"(,"properties":{"name":"a")" + "\n" + R"(}})", "not JSON"},
        {node + ",\"prop\xff\":1}", "invalid UTF-8"},
        {node + ",\"extra\":\"\xc3\"}", "invalid UTF-8"},
        {node + R"(,"extra":"\q"})", "not JSON"},
        {node + R"(,"extra":"\ud800"})", "not JSON"},
        {node + R"(,"ex\qtra":1})", "not JSON"},
        {node + R"(,"extra":01})", "not JSON"},
        {node + R"(,"extra":1.})", "not JSON"},
        {node + R"(,"extra":-})", "not JSON"},
        {node + R"(,"extra":1x})", "not JSON"},
        {node + R"(,"extra":[1,,2]})", "not JSON"},
        {node + R"(,"extra":[1,]})", "not JSON"},
        {node + R"(,"extra":[1 2]})", "not JSON"},
        {node + R"(,"extra":tru})", "not JSON"},
        {node + R"(,"extra":nul})", "not JSON"},
        {node + R"(,"extra":falsey})", "not JSON"},
        {node + R"(,"extra":{"a" 1}})", "not JSON"},
        {node + R"(,"extra":{"a":}})", "not JSON"},
        {node + R"(,"extra":"ab"cd})", "not JSON"},
        {node + R"(,"extra":123456789012345678901234})", "not JSON"},
        {node + ",}", "not JSON"},
        {R"({"type" "node","id":"q"})", "not JSON"},
        {node + ",\"properties\":{\"name\":\"a\tb\"}}", "not JSON"},
        {node + ",\"properties\":{\"n\":1\x01}}", "not JSON"},
        {R"({"type":"relationship","label":"X","start":{"id":"p","labels":["Park",]},"end":{"id":"i"}})",
         "not JSON"},
        {node + R"(,"properties":{"big":9223372036854775808}})",
         "property big: integer 9223372036854775808 is out of range"},
        {node + R"(,"properties":{"deep":)" + std::string(70, '[') + std::string(70, ']') + "}}",
         "property deep: JSON nested too deep"},
        {node + R"(,"labels":["A",""]})", "a label must be a non-empty string"},
        {node + R"(,"id":1.5})", "\"id\" must be a string or an integer"},
        {R"({"type":"relationship","label":"X","start":{"labels":[]},"end":{"id":"i"}})",
         "a relationship needs \"start\""},
        {"[1,2]", "expected a JSON object"},
        {" \r\r", "not JSON"}, // "\r" is blank to JSON, not to a line
        {node + "} \"x\":{}}", "not JSON"},
        {node + "} \"x", "not JSON"},
        {node + "}\xe4", "invalid UTF-8"},
        {node + "} \xf0\x9f", "invalid UTF-8"},
    };
    // Each bad line followed by a good one, last with its line break, and last without.
    for (const char* after : {"\n{\"type\":\"node\",\"id\":\"q\"}\n", "\n", ""}) {
        for (const auto& c : cases) {
            writeFile(dir.sub("bad.jsonl"), std::string(kGraph) + c.line + after);
            auto r = importJsonl(*store, dir.sub("bad.jsonl"));
            ASSERT_FALSE(r.isOk()) << c.line;
            EXPECT_NE(r.status().message().find("bad.jsonl:5: " + c.expect), std::string::npos)
                << c.line << " -> " << r.status().message();
            EXPECT_EQ(exportOf(*store), before);
        }
    }
    // The same on the first line of a block, where the fast parser's stream begins.
    writeFile(dir.sub("bad.jsonl"), "\r\r\n" + node + "}\n");
    auto r = importJsonl(*store, dir.sub("bad.jsonl"));
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("bad.jsonl:1: not JSON"), std::string::npos)
        << r.status().message();
    EXPECT_EQ(exportOf(*store), before);
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
        // The block is checked whole; the bad field's line is still the one named.
        {":ID,name\n1,ok\n2,\"x\xff\"\"y\"\n", "", "bad.csv:3: invalid UTF-8"},
        {":ID\n1\n2\n", ":START_ID,:END_ID,:TYPE\n1,2,X\n8,2,X\n",
         "rels.csv:3: relationship start node 8 is not defined"},
    };
    for (const auto& c : cases) {
        writeFile(dir.sub("bad.csv"), c.nodes);
        writeFile(dir.sub("rels.csv"), c.rels);
        std::vector<CsvFile> rels;
        if (!c.rels.empty())
            rels.push_back({dir.sub("rels.csv"), {}, {}, {}});
        auto r = importCsvFiles(*store, {{dir.sub("bad.csv"), {}, {}, {}}}, rels);
        ASSERT_FALSE(r.isOk()) << c.expect;
        EXPECT_NE(r.status().message().find(c.expect), std::string::npos) << r.status().message();
        EXPECT_EQ(exportOf(*store), before);
    }
}

TEST(Interchange, CsvRecordsAcrossBlocksParsedOnEveryCoreKeepFileOrder) {
    // About 9 MB, so the file is read as several blocks parsed at once: quoted fields hold
    // commas, doubled quotes and line breaks, some of them astride a block's end. Every node
    // must get the right name, ids must follow the file, and an error far down must name its
    // physical line.
    TempDir dir;
    const int n = 40000;
    std::string nodes = ":ID,name,note\n", rels = ":START_ID,:END_ID\n";
    std::size_t lines = 1;
    for (int i = 0; i < n; ++i) {
        nodes += std::to_string(i) + ",Park" + std::to_string(i);
        if (i % 7 == 0) {
            nodes += ",\"line one, \"\"quoted\"\"\nline two " + std::to_string(i) + "\"\n";
            lines += 2;
        } else {
            nodes += ",plain " + std::string(200, 'x') + "\n";
            lines += 1;
        }
        if (i > 0)
            rels += std::to_string(i - 1) + "," + std::to_string(i) + "\n";
    }
    writeFile(dir.sub("nodes.csv"), nodes);
    writeFile(dir.sub("rels.csv"), rels);
    auto store = openOrDie(dir.sub("s"));
    auto sum = importCsvFiles(*store, {csvFileArgument("Park=" + dir.sub("nodes.csv"), false)},
                              {csvFileArgument("NEXT=" + dir.sub("rels.csv"), true)});
    ASSERT_TRUE(sum.isOk()) << sum.status().toString();
    EXPECT_EQ(sum->nodes, static_cast<std::uint64_t>(n));
    EXPECT_EQ(sum->relationships, static_cast<std::uint64_t>(n - 1));
    auto view = store->snapshot();
    for (int i : {0, 1, 7, 19999, 20000, 39998, n - 1}) {
        auto ids = view->findByName("Park" + std::to_string(i)).value();
        ASSERT_EQ(ids.size(), 1u) << i;
        auto node = view->node(ids[0]).value();
        EXPECT_EQ(ids[0], view->findByName("Park0").value().at(0) + static_cast<graph::NodeId>(i));
        EXPECT_EQ(node.properties.at("note"),
                  Value(i % 7 == 0 ? "line one, \"quoted\"\nline two " + std::to_string(i)
                                   : "plain " + std::string(200, 'x')))
            << i;
    }
    EXPECT_TRUE(checkConsistency(*store).empty());

    // A bad record near the end: its line counts the line breaks inside quotes before it.
    auto before = exportOf(*store);
    writeFile(dir.sub("bad.csv"), nodes + "x,\"unterminated\n");
    auto bad = importCsvFiles(*store, {csvFileArgument("Park=" + dir.sub("bad.csv"), false)}, {});
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.status().message().find("bad.csv:" + std::to_string(lines + 1) +
                                          ": unterminated quoted field"),
              std::string::npos)
        << bad.status().message();
    EXPECT_EQ(exportOf(*store), before);
    // An error found while feeding (not parsing) a late block names its physical line too.
    writeFile(dir.sub("bad.csv"), nodes + "5,again,x\n");
    bad = importCsvFiles(*store, {csvFileArgument("Park=" + dir.sub("bad.csv"), false)}, {});
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.status().message().find("bad.csv:" + std::to_string(lines + 1) +
                                          ": node id 5 is defined twice"),
              std::string::npos)
        << bad.status().message();
    EXPECT_EQ(exportOf(*store), before);
}

TEST(Interchange, CsvHeaderFileAndDataFilesAsNeo4jAdminNamesThem) {
    // "Label=header.csv,part1.csv,part2.csv": the header alone in its file, the data in parts
    // without one, read in order; an error names the part and its line.
    TempDir dir;
    writeFile(dir.sub("h.csv"), ":ID,name,rank:int\n");
    writeFile(dir.sub("p1.csv"), "1,大连高新区,1\n2,沈阳高新区,2\n");
    writeFile(dir.sub("p2.csv"), "3,青岛高新区,3\n");
    writeFile(dir.sub("rh.csv"), ":START_ID,:END_ID\n");
    writeFile(dir.sub("r1.csv"), "1,2\n2,3\n");
    auto store = openOrDie(dir.sub("s"));
    auto f = csvFileArgument(
        "Park=" + dir.sub("h.csv") + "," + dir.sub("p1.csv") + "," + dir.sub("p2.csv"), false);
    EXPECT_EQ(f.path, dir.sub("h.csv"));
    EXPECT_EQ(f.more, (std::vector<std::string>{dir.sub("p1.csv"), dir.sub("p2.csv")}));
    auto sum = importCsvFiles(
        *store, {f},
        {csvFileArgument("NEAR=" + dir.sub("rh.csv") + "," + dir.sub("r1.csv"), true)});
    ASSERT_TRUE(sum.isOk()) << sum.status().toString();
    EXPECT_EQ(sum->nodes, 3u);
    EXPECT_EQ(sum->relationships, 2u);
    auto view = store->snapshot();
    auto qd = view->node(view->findByName("青岛高新区").value().at(0)).value();
    EXPECT_EQ(qd.labels, (std::vector<std::string>{"Park"}));
    EXPECT_EQ(qd.properties.at("rank"), Value(3));

    auto before = exportOf(*store);
    writeFile(dir.sub("p3.csv"), "4,a,4\n5,b,five\n");
    auto bad = importCsvFiles(
        *store,
        {csvFileArgument(
            "Park=" + dir.sub("h.csv") + "," + dir.sub("p2.csv") + "," + dir.sub("p3.csv"), false)},
        {});
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.status().message().find("p3.csv:2: column rank"), std::string::npos)
        << bad.status().message();
    writeFile(dir.sub("p4.csv"), "1,dup,1\n");
    bad = importCsvFiles(
        *store,
        {csvFileArgument(
            "Park=" + dir.sub("h.csv") + "," + dir.sub("p1.csv") + "," + dir.sub("p4.csv"), false)},
        {});
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.status().message().find("p4.csv:1: node id 1 is defined twice"),
              std::string::npos)
        << bad.status().message();
    EXPECT_EQ(exportOf(*store), before);
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
