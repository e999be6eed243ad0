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
