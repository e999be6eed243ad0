// Patterns inside expressions: pattern predicates, EXISTS { … }, COUNT { … } and pattern
// comprehensions.

#include "parser/transformer_impl.h"

#include <memory>

namespace innograph::query {

ParsedPatternPart Transformer::relationshipsPattern(P::RelationshipsPatternContext* rp) {
    ParsedPatternPart out;
    out.pos = pos(rp);
    out.nodes.push_back(nodePattern(rp->nodePattern()));
    for (auto* chain : rp->patternElementChain()) {
        out.rels.push_back(relPattern(chain->relationshipPattern()));
        out.nodes.push_back(nodePattern(chain->nodePattern()));
    }
    return out;
}

ParsedExpressionPtr Transformer::patternPredicate(P::RelationshipsPatternContext* rp) {
    auto e = make(ParsedExpression::Kind::PatternPredicate, rp);
    auto parts = std::make_shared<std::vector<ParsedPatternPart>>();
    parts->push_back(relationshipsPattern(rp));
    e->subpattern = std::move(parts);
    return e;
}

ParsedExpressionPtr Transformer::patternComprehension(P::PatternComprehensionContext* pc) {
    auto e = make(ParsedExpression::Kind::PatternComprehension, pc);
    auto part = relationshipsPattern(pc->relationshipsPattern());
    if (pc->variable())
        part.pathVariable = variable(pc->variable());
    auto parts = std::make_shared<std::vector<ParsedPatternPart>>();
    parts->push_back(std::move(part));
    e->subpattern = std::move(parts);
    if (pc->where) {
        e->hasWhere = true;
        adopt(*e, expression(pc->where));
    }
    e->hasProjection = true;
    adopt(*e, expression(pc->projection));
    return e;
}

ParsedExpressionPtr Transformer::subqueryExpression(P::SubqueryExpressionContext* s) {
    auto name = symbolic(s->symbolicName());
    auto upper = toUpperAscii(name);
    if (upper != "EXISTS" && upper != "COUNT")
        throw QueryError(ErrorCode::SyntaxError,
                         "Invalid input '" + name +
                             " {': only EXISTS { … } and COUNT { … } take a subquery",
                         pos(s), "UnexpectedSyntax");
    auto e = make(upper == "EXISTS" ? ParsedExpression::Kind::ExistsSubquery
                                    : ParsedExpression::Kind::CountSubquery,
                  s);
    e->subpattern = std::make_shared<const std::vector<ParsedPatternPart>>(pattern(s->pattern()));
    if (s->whereClause()) {
        e->hasWhere = true;
        adopt(*e, expression(s->whereClause()->expression()));
    }
    return e;
}

} // namespace innograph::query
