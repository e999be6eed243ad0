// Atoms: literals, parameters, CASE, comprehensions, quantifiers, function calls.

#include "parser/transformer_impl.h"

#include "parser/string_literal.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace innograph::query {

ParsedExpressionPtr Transformer::atom(P::AtomContext* a) {
    if (auto* l = a->literal())
        return literal(l);
    if (auto* p = a->parameter())
        return parameter(p);
    if (auto* c = a->caseExpression())
        return caseExpr(c);
    if (auto* cs = a->countStar()) {
        auto name = functionName(cs->functionName());
        if (toUpperAscii(name) != "COUNT")
            throw QueryError(ErrorCode::SyntaxError, "Only count accepts *, not " + name + "(*)",
                             pos(cs));
        return make(ParsedExpression::Kind::CountStar, a);
    }
    if (auto* q = a->quantifier()) {
        std::string name = q->K_ALL() ? "all" : toLowerAscii(symbolic(q->symbolicName()));
        if (name != "all" && name != "any" && name != "none" && name != "single")
            throw QueryError(ErrorCode::SyntaxError,
                             "Invalid input '" +
                                 (q->symbolicName() ? symbolic(q->symbolicName()) : name) +
                                 "(… IN … WHERE …)': only all, any, none and single "
                                 "take a list predicate",
                             pos(q), "UnexpectedSyntax");
        auto e = make(ParsedExpression::Kind::Quantifier, a);
        e->op = name;
        e->name = variable(q->variable());
        adopt(*e, expression(q->expression(0)));
        e->hasWhere = true;
        adopt(*e, expression(q->expression(1)));
        return e;
    }
    if (auto* pc = a->patternComprehension())
        return patternComprehension(pc);
    if (auto* sq = a->subqueryExpression())
        return subqueryExpression(sq);
    if (auto* mp = a->mapProjection())
        return mapProjection(mp);
    if (auto* rp = a->relationshipsPattern())
        return patternPredicate(rp);
    if (auto* lc = a->listComprehension()) {
        auto e = make(ParsedExpression::Kind::ListComprehension, a);
        e->name = variable(lc->variable());
        adopt(*e, expression(lc->expression(0)));
        if (lc->where) {
            e->hasWhere = true;
            adopt(*e, expression(lc->where));
        }
        if (lc->projection) {
            e->hasProjection = true;
            adopt(*e, expression(lc->projection));
        }
        return e;
    }
    if (auto* l = a->listLiteral()) {
        auto e = make(ParsedExpression::Kind::List, a);
        for (auto* x : l->expression())
            adopt(*e, expression(x));
        return e;
    }
    if (auto* m = a->mapLiteral())
        return mapLiteral(m);
    if (auto* sp = a->shortestPathPattern()) {
        auto e = make(ParsedExpression::Kind::ShortestPath, a);
        e->pattern = std::make_shared<ParsedPatternPart>(shortestPathPart(sp));
        return e;
    }
    if (auto* p = a->parenthesizedExpression()) {
        auto e = expression(p->expression());
        e->text = text(p);
        return e;
    }
    if (auto* f = a->functionInvocation()) {
        auto e = make(ParsedExpression::Kind::Function, a);
        e->name = functionName(f->functionName());
        e->distinct = f->K_DISTINCT() != nullptr;
        for (auto* x : f->expression())
            adopt(*e, expression(x));
        return e;
    }
    auto e = make(ParsedExpression::Kind::Variable, a);
    e->name = variable(a->variable());
    return e;
}

// Whether the literal is the whole operand of a unary minus (-9223372036854775808), not
// part of a postfix expression nor unsigned.
bool Transformer::directlyNegated(P::LiteralContext* l) {
    auto* atom = l->parent;
    auto* postfix = atom ? atom->parent : nullptr;
    auto* unary = postfix ? dynamic_cast<P::UnaryExpressionContext*>(postfix->parent) : nullptr;
    if (!unary || postfix->children.size() != 1)
        return false;
    int minus = 0;
    for (auto* c : unary->children)
        if (c != postfix && c->getText() == "-")
            ++minus;
    return minus % 2 == 1;
}

ParsedExpressionPtr Transformer::literal(P::LiteralContext* l) {
    auto e = make(ParsedExpression::Kind::Literal, l);
    if (auto* t = l->IntegerLiteral()) {
        auto v = integerValue(t->getText());
        if (!v) {
            // 2^63 (in any base) is only valid negated; the unary fold handles the sign.
            if (isTwoToThe63(t->getText()) && directlyNegated(l)) {
                e->value = Value(std::numeric_limits<std::int64_t>::min());
                return e;
            }
            throw QueryError(ErrorCode::SyntaxError, "Integer too large: " + t->getText(), pos(l),
                             "IntegerOverflow");
        }
        e->value = Value(*v);
    } else if (auto* f = l->FloatLiteral()) {
        e->value = Value(std::strtod(f->getText().c_str(), nullptr));
    } else if (auto* s = l->StringLiteral()) {
        e->value = Value(unquoteString(s->getText()));
    } else if (l->K_TRUE()) {
        e->value = Value(true);
    } else if (l->K_FALSE()) {
        e->value = Value(false);
    } else {
        e->value = Value();
    }
    return e;
}

ParsedExpressionPtr Transformer::parameter(P::ParameterContext* p) {
    auto e = make(ParsedExpression::Kind::Parameter, p);
    e->name = p->symbolicName() ? symbolic(p->symbolicName()) : p->IntegerLiteral()->getText();
    return e;
}

ParsedExpressionPtr Transformer::mapLiteral(P::MapLiteralContext* m) {
    auto e = make(ParsedExpression::Kind::Map, m);
    for (auto* entry : m->mapEntry()) {
        e->keys.push_back(schemaName(entry->schemaName()));
        adopt(*e, expression(entry->expression()));
    }
    return e;
}

ParsedExpressionPtr Transformer::caseExpr(P::CaseExpressionContext* c) {
    auto e = make(ParsedExpression::Kind::Case, c);
    if (c->subject) {
        e->hasSubject = true;
        adopt(*e, expression(c->subject));
    }
    for (auto* alt : c->caseAlternative()) {
        adopt(*e, expression(alt->expression(0)));
        adopt(*e, expression(alt->expression(1)));
    }
    if (c->elseExpr) {
        e->hasElse = true;
        adopt(*e, expression(c->elseExpr));
    }
    return e;
}

// n {.name, .*, key: expression, variable}: every item becomes a key and the expression that
// gives its value; `.*` is the subject itself, marked in allProperties.
ParsedExpressionPtr Transformer::mapProjection(P::MapProjectionContext* m) {
    auto e = make(ParsedExpression::Kind::MapProjection, m);
    auto subjectOf = [&](antlr4::ParserRuleContext* at) {
        auto v = make(ParsedExpression::Kind::Variable, at);
        v->name = variable(m->variable());
        v->text = v->name;
        return v;
    };
    adopt(*e, subjectOf(m->variable()));
    for (auto* item : m->mapProjectionItem()) {
        bool all = false;
        if (auto* entry = dynamic_cast<P::MapProjectionEntryContext*>(item)) {
            e->keys.push_back(schemaName(entry->schemaName()));
            adopt(*e, expression(entry->expression()));
        } else if (auto* prop = dynamic_cast<P::MapProjectionPropertyContext*>(item)) {
            auto key = schemaName(prop->schemaName());
            auto lookup = make(ParsedExpression::Kind::Property, prop);
            lookup->name = key;
            lookup->pos = pos(prop->schemaName());
            adopt(*lookup, subjectOf(prop));
            e->keys.push_back(key);
            adopt(*e, std::move(lookup));
        } else if (dynamic_cast<P::MapProjectionAllContext*>(item)) {
            e->keys.emplace_back();
            adopt(*e, subjectOf(item));
            all = true;
        } else {
            auto* var = dynamic_cast<P::MapProjectionVariableContext*>(item);
            auto v = make(ParsedExpression::Kind::Variable, var);
            v->name = variable(var->variable());
            e->keys.push_back(v->name);
            adopt(*e, std::move(v));
        }
        e->allProperties.push_back(all);
    }
    return e;
}

} // namespace innograph::query
