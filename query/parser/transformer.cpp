// The statement, its clause dispatch, and the helpers every transform_*.cpp uses.

#include "parser/transformer_impl.h"

#include "parser/string_literal.h"

#include <cctype>

namespace innograph::query {

ParsedStatement Transformer::script(P::ScriptContext* ctx) {
    ParsedStatement st;
    auto* s = ctx->statement();
    if (s->K_EXPLAIN())
        st.mode = ExplainMode::Explain;
    if (s->K_PROFILE())
        st.mode = ExplainMode::Profile;
    auto* q = s->query();
    st.parts.push_back(singleQuery(q->singleQuery()));
    for (auto* u : q->unionPart()) {
        st.unionAll.push_back(u->K_ALL() != nullptr);
        st.parts.push_back(singleQuery(u->singleQuery()));
    }
    return st;
}

std::string Transformer::text(antlr4::ParserRuleContext* ctx) {
    auto* a = ctx->getStart();
    auto* b = ctx->getStop();
    if (!a || !b || b->getStopIndex() < a->getStartIndex())
        return ctx->getText();
    return input_.getText(antlr4::misc::Interval(a->getStartIndex(), b->getStopIndex()));
}

ParsedSingleQuery Transformer::singleQuery(P::SingleQueryContext* ctx) {
    ParsedSingleQuery q;
    for (auto* c : ctx->clause())
        q.clauses.push_back(clause(c));
    return q;
}

ParsedClause Transformer::clause(P::ClauseContext* c) {
    if (auto* m = c->matchClause())
        return matchClause(m);
    if (auto* u = c->unwindClause())
        return unwindClause(u);
    if (auto* w = c->withClause())
        return withClause(w);
    if (auto* r = c->returnClause())
        return returnClause(r);
    if (auto* cr = c->createClause())
        return createClause(cr);
    if (auto* me = c->mergeClause())
        return mergeClause(me);
    if (auto* s = c->setClause())
        return setClause(s);
    if (auto* r = c->removeClause())
        return removeClause(r);
    if (auto* d = c->deleteClause())
        return deleteClause(d);
    return callClause(c->callSubqueryClause());
}

ParsedClause Transformer::callClause(P::CallSubqueryClauseContext* c) {
    ParsedCall out;
    out.pos = pos(c);
    auto body = std::make_shared<ParsedSubquery>();
    auto* q = c->query();
    body->parts.push_back(singleQuery(q->singleQuery()));
    for (auto* u : q->unionPart()) {
        body->unionAll.push_back(u->K_ALL() != nullptr);
        body->parts.push_back(singleQuery(u->singleQuery()));
    }
    out.body = std::move(body);
    return out;
}

std::string Transformer::toLowerAscii(std::string s) {
    for (auto& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string Transformer::toUpperAscii(std::string s) {
    for (auto& ch : s)
        if (ch >= 'a' && ch <= 'z')
            ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

std::string Transformer::symbolic(P::SymbolicNameContext* s) {
    if (s->EscapedIdentifier())
        return unquoteIdentifier(s->getText());
    return s->getText();
}

std::string Transformer::schemaName(P::SchemaNameContext* s) {
    if (s->symbolicName())
        return symbolic(s->symbolicName());
    return s->getText();
}

std::vector<std::string> Transformer::schemaNames(const std::vector<P::SchemaNameContext*>& names) {
    std::vector<std::string> out;
    for (auto* n : names)
        out.push_back(schemaName(n));
    return out;
}

ParsedStatement transformScript(grammar::CypherParser::ScriptContext* script,
                                antlr4::CharStream& input) {
    return Transformer(input).script(script);
}

} // namespace innograph::query
