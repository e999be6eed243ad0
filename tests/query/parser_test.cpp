// The parser: ANTLR 4.7.2-generated code on the 4.9 runtime, and the AST it produces.

#include "parser/parser.h"

#include <gtest/gtest.h>

namespace innograph::query {
namespace {

TEST(ParserTest, SmokeParsesAQueryWithGeneratedParserOnThisRuntime) {
    auto st =
        parseQuery("MATCH (p:Park)-[:HOSTS]->(i:Industry) WHERE p.name = 'x' RETURN p, i LIMIT 5");
    ASSERT_EQ(st.parts.size(), 1u);
    ASSERT_EQ(st.parts[0].clauses.size(), 2u);
    const auto& m = std::get<ParsedMatch>(st.parts[0].clauses[0]);
    ASSERT_EQ(m.pattern.size(), 1u);
    EXPECT_EQ(m.pattern[0].nodes.size(), 2u);
    EXPECT_EQ(m.pattern[0].rels[0].types, std::vector<std::string>{"HOSTS"});
    EXPECT_EQ(m.pattern[0].rels[0].direction, PatternDirection::Right);
    ASSERT_TRUE(m.where);
}

TEST(ParserTest, KeywordsAreCaseInsensitive) {
    auto st = parseQuery("match (n) where n.x = 1 return n order by n.x desc limit 1");
    const auto& r = std::get<ParsedReturn>(st.parts[0].clauses[1]);
    ASSERT_EQ(r.projection.orderBy.size(), 1u);
    EXPECT_TRUE(r.projection.orderBy[0].descending);
}

TEST(ParserTest, ChineseIdentifiersStringsAndEntityReferences) {
    auto st =
        parseQuery("MATCH (园区:Park \"大连高新区\")-[:`HOSTS`]->(产业) RETURN 园区.name AS 名称");
    const auto& m = std::get<ParsedMatch>(st.parts[0].clauses[0]);
    EXPECT_EQ(m.pattern[0].nodes[0].variable, "园区");
    ASSERT_TRUE(m.pattern[0].nodes[0].entityRef.has_value());
    EXPECT_EQ(*m.pattern[0].nodes[0].entityRef, "大连高新区");
    EXPECT_EQ(m.pattern[0].rels[0].types[0], "HOSTS");
    const auto& r = std::get<ParsedReturn>(st.parts[0].clauses[1]);
    EXPECT_EQ(r.projection.items[0].alias, "名称");
}

TEST(ParserTest, VariableLengthRangesAndDirections) {
    auto st = parseQuery("MATCH (a)<-[*1..3]-(b)-[:A|B*]-(c)-[*2]->(d) RETURN a");
    const auto& rels = std::get<ParsedMatch>(st.parts[0].clauses[0]).pattern[0].rels;
    EXPECT_EQ(rels[0].direction, PatternDirection::Left);
    EXPECT_EQ(*rels[0].minHops, 1);
    EXPECT_EQ(*rels[0].maxHops, 3);
    EXPECT_EQ(rels[1].direction, PatternDirection::Both);
    EXPECT_EQ(rels[1].types.size(), 2u);
    EXPECT_FALSE(rels[1].minHops.has_value());
    EXPECT_FALSE(rels[1].maxHops.has_value());
    EXPECT_EQ(*rels[2].minHops, 2);
    EXPECT_EQ(*rels[2].maxHops, 2);
}

TEST(ParserTest, OperatorPrecedence) {
    auto st = parseQuery("RETURN 1 + 2 * 3 AS x");
    const auto& e = *std::get<ParsedReturn>(st.parts[0].clauses[0]).projection.items[0].expression;
    ASSERT_EQ(e.kind, ParsedExpression::Kind::Binary);
    EXPECT_EQ(e.op, "+");
    EXPECT_EQ(e.children[1]->op, "*");
}

TEST(ParserTest, MisspelledKeywordIsReportedWithPositionAndSuggestion) {
    try {
        parseQuery("MACTH (p:Park) RETURN p");
        FAIL() << "expected a syntax error";
    } catch (const QueryError& e) {
        EXPECT_EQ(e.code(), ErrorCode::SyntaxError);
        EXPECT_EQ(e.pos().line, 1);
        EXPECT_EQ(e.pos().column, 1);
        EXPECT_NE(e.message().find("Did you mean MATCH?"), std::string::npos) << e.message();
    }
}

TEST(ParserTest, ErrorOnSecondLineReportsThatLine) {
    try {
        parseQuery("MATCH (p)\nRETRUN p");
        FAIL();
    } catch (QueryError& e) {
        EXPECT_EQ(e.pos().line, 2);
        EXPECT_EQ(e.pos().column, 1);
        EXPECT_NE(e.message().find("RETURN"), std::string::npos) << e.message();
        e.attachSource("MATCH (p)\nRETRUN p");
        EXPECT_EQ(e.excerpt(), "RETRUN p\n^");
    }
}

TEST(ParserTest, UnexpectedEndOfInputSaysWhatWasExpected) {
    try {
        parseQuery("MATCH (p:Park");
        FAIL();
    } catch (const QueryError& e) {
        EXPECT_EQ(e.code(), ErrorCode::SyntaxError);
        EXPECT_NE(e.message().find("end of input"), std::string::npos) << e.message();
        EXPECT_NE(e.message().find(")"), std::string::npos) << e.message();
    }
}

} // namespace
} // namespace innograph::query
