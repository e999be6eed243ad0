#pragma once

// The transformer's class, shared by its per-clause files (transform_*.cpp). Private to the
// parser directory: it is the one place besides parser.cpp that sees ANTLR's types. It walks the
// tree once, building ParsedStatement; each node keeps its source text and position.

#include "parser/parsed_statement.h"
#include "parser/transformer.h"

#include "CypherParser.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace innograph::query {

class Transformer {
public:
    using P = grammar::CypherParser;

    explicit Transformer(antlr4::CharStream& input) : input_(input) {}

    ParsedStatement script(P::ScriptContext* ctx);

private:
    antlr4::CharStream& input_;
    std::size_t textBytes_ = 0;

    // ---- shared helpers (transformer.cpp) ----
    static SourcePos pos(antlr4::ParserRuleContext* ctx) { return pos(ctx->getStart()); }
    static SourcePos pos(antlr4::Token* t) {
        return {static_cast<int>(t->getLine()), static_cast<int>(t->getCharPositionInLine()) + 1};
    }
    std::string text(antlr4::ParserRuleContext* ctx);
    static std::string toLowerAscii(std::string s);
    static std::string toUpperAscii(std::string s);
    std::string symbolic(P::SymbolicNameContext* s);
    std::string variable(P::VariableContext* v) { return symbolic(v->symbolicName()); }
    // `date.truncate`: the parts joined by dots.
    std::string functionName(P::FunctionNameContext* f) {
        std::string out;
        for (auto* s : f->symbolicName())
            out += (out.empty() ? "" : ".") + symbolic(s);
        return out;
    }
    std::string schemaName(P::SchemaNameContext* s);
    std::vector<std::string> schemaNames(const std::vector<P::SchemaNameContext*>& names);

    // ---- clauses (transform_<clause>.cpp) ----
    ParsedSingleQuery singleQuery(P::SingleQueryContext* ctx);
    ParsedClause clause(P::ClauseContext* c);
    ParsedClause matchClause(P::MatchClauseContext* m);
    ParsedClause unwindClause(P::UnwindClauseContext* u);
    ParsedClause withClause(P::WithClauseContext* w);
    ParsedClause returnClause(P::ReturnClauseContext* r);
    ParsedProjection projection(P::ProjectionBodyContext* b);
    ParsedClause createClause(P::CreateClauseContext* cr);
    ParsedClause mergeClause(P::MergeClauseContext* me);
    ParsedClause setClause(P::SetClauseContext* s);
    ParsedClause removeClause(P::RemoveClauseContext* r);
    ParsedClause deleteClause(P::DeleteClauseContext* d);
    ParsedClause callClause(P::CallSubqueryClauseContext* c);
    std::vector<ParsedSetItem> setItems(P::SetClauseContext* s);
    std::pair<ParsedExpressionPtr, std::string>
    propertyExpression(P::PropertyExpressionContext* pe);

    // ---- patterns (transform_pattern.cpp) ----
    std::vector<ParsedPatternPart> pattern(P::PatternContext* p);
    ParsedPatternPart patternPart(P::PatternPartContext* p);
    ParsedPatternPart shortestPathPart(P::ShortestPathPatternContext* sp);
    void patternElement(P::PatternElementContext* el, ParsedPatternPart& out);
    ParsedNodePattern nodePattern(P::NodePatternContext* n);
    ParsedExpressionPtr properties(P::PropertiesContext* p);
    ParsedRelPattern relPattern(P::RelationshipPatternContext* r);
    std::int64_t integer(antlr4::Token* t);
    static bool isTwoToThe63(const std::string& s);
    static std::optional<std::int64_t> integerValue(const std::string& s);

    // ---- operators (transform_expression.cpp) ----
    ParsedExpressionPtr make(ParsedExpression::Kind k, antlr4::ParserRuleContext* ctx);
    void adopt(ParsedExpression& parent, ParsedExpressionPtr child);
    ParsedExpressionPtr expression(P::ExpressionContext* ctx);
    template <typename Ctx, typename Sub>
    ParsedExpressionPtr leftAssoc(Ctx* ctx, const std::vector<Sub*>& operands, const char* op,
                                  ParsedExpressionPtr (Transformer::*sub)(Sub*));
    ParsedExpressionPtr orExpr(P::OrExpressionContext* c);
    ParsedExpressionPtr xorExpr(P::XorExpressionContext* c);
    ParsedExpressionPtr andExpr(P::AndExpressionContext* c);
    ParsedExpressionPtr notExpr(P::NotExpressionContext* c);
    ParsedExpressionPtr comparison(P::ComparisonExpressionContext* c);
    template <typename Ctx, typename Sub>
    ParsedExpressionPtr arithmetic(Ctx* c, ParsedExpressionPtr (Transformer::*sub)(Sub*));
    ParsedExpressionPtr addSub(P::AddSubExpressionContext* c);
    ParsedExpressionPtr multDiv(P::MultDivExpressionContext* c);
    ParsedExpressionPtr power(P::PowerExpressionContext* c);
    ParsedExpressionPtr unary(P::UnaryExpressionContext* c);
    ParsedExpressionPtr predicate(P::PredicateExpressionContext* c);
    ParsedExpressionPtr postfix(P::PostfixExpressionContext* c);

    // ---- atoms (transform_atom.cpp) ----
    ParsedExpressionPtr atom(P::AtomContext* a);
    static bool directlyNegated(P::LiteralContext* l);
    ParsedExpressionPtr literal(P::LiteralContext* l);
    ParsedExpressionPtr parameter(P::ParameterContext* p);
    ParsedExpressionPtr mapLiteral(P::MapLiteralContext* m);
    ParsedExpressionPtr caseExpr(P::CaseExpressionContext* c);
    ParsedExpressionPtr mapProjection(P::MapProjectionContext* m);

    // ---- patterns in expressions (transform_subquery.cpp) ----
    ParsedPatternPart relationshipsPattern(P::RelationshipsPatternContext* rp);
    ParsedExpressionPtr patternPredicate(P::RelationshipsPatternContext* rp);
    ParsedExpressionPtr patternComprehension(P::PatternComprehensionContext* pc);
    ParsedExpressionPtr subqueryExpression(P::SubqueryExpressionContext* s);
};

} // namespace innograph::query
