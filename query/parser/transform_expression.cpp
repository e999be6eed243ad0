// Operators, by openCypher precedence from OR down to postfix lookups.

#include "parser/transformer_impl.h"

#include "parser/parser.h"

#include <algorithm>
#include <limits>

namespace innograph::query {

ParsedExpressionPtr Transformer::make(ParsedExpression::Kind k, antlr4::ParserRuleContext* ctx) {
    auto e = std::make_unique<ParsedExpression>();
    e->kind = k;
    e->pos = pos(ctx);
    e->text = text(ctx);
    // Every node keeps its own text, so a long chain (a + b + c ...) or deep nesting holds
    // the same characters many times over: cap the sum so one request cannot take gigabytes.
    textBytes_ += e->text.size();
    if (textBytes_ > kMaxExpressionTextBytes)
        throw QueryError(ErrorCode::LimitExceeded,
                         "Query too large: its expressions hold more than " +
                             std::to_string(kMaxExpressionTextBytes >> 20) +
                             " MiB of text together; pass large values as parameters",
                         e->pos);
    return e;
}

// Later stages walk expressions recursively (binding, evaluation, destruction), so the tree's
// depth is bounded here, where it is built bottom-up and no recursion has happened yet.
void Transformer::adopt(ParsedExpression& parent, ParsedExpressionPtr child) {
    parent.depth = std::max(parent.depth, child->depth + 1);
    if (parent.depth > kMaxExpressionDepth)
        throw QueryError(ErrorCode::LimitExceeded,
                         "Expression nested more than " + std::to_string(kMaxExpressionDepth) +
                             " levels deep (long chains of operators count too); split it "
                             "or pass a list as a parameter",
                         parent.pos);
    parent.children.push_back(std::move(child));
}

ParsedExpressionPtr Transformer::expression(P::ExpressionContext* ctx) {
    auto e = orExpr(ctx->orExpression());
    return e;
}

template <typename Ctx, typename Sub>
ParsedExpressionPtr Transformer::leftAssoc(Ctx* ctx, const std::vector<Sub*>& operands,
                                           const char* op,
                                           ParsedExpressionPtr (Transformer::*sub)(Sub*)) {
    auto acc = (this->*sub)(operands[0]);
    for (std::size_t i = 1; i < operands.size(); ++i) {
        auto e = make(ParsedExpression::Kind::Binary, ctx);
        e->op = op;
        adopt(*e, std::move(acc));
        adopt(*e, (this->*sub)(operands[i]));
        acc = std::move(e);
    }
    return acc;
}

ParsedExpressionPtr Transformer::orExpr(P::OrExpressionContext* c) {
    return leftAssoc(c, c->xorExpression(), "OR", &Transformer::xorExpr);
}

ParsedExpressionPtr Transformer::xorExpr(P::XorExpressionContext* c) {
    return leftAssoc(c, c->andExpression(), "XOR", &Transformer::andExpr);
}

ParsedExpressionPtr Transformer::andExpr(P::AndExpressionContext* c) {
    return leftAssoc(c, c->notExpression(), "AND", &Transformer::notExpr);
}

ParsedExpressionPtr Transformer::notExpr(P::NotExpressionContext* c) {
    auto inner = comparison(c->comparisonExpression());
    for (std::size_t i = 0; i < c->K_NOT().size(); ++i) {
        auto e = make(ParsedExpression::Kind::Unary, c);
        e->op = "NOT";
        adopt(*e, std::move(inner));
        inner = std::move(e);
    }
    return inner;
}

// a < b < c means a < b AND b < c, as in openCypher.
ParsedExpressionPtr Transformer::comparison(P::ComparisonExpressionContext* c) {
    auto operands = c->predicateExpression();
    auto ops = c->comparisonOperator();
    if (ops.empty())
        return predicate(operands[0]);
    ParsedExpressionPtr result;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        auto cmp = make(ParsedExpression::Kind::Comparison, c);
        cmp->op = ops[i]->getText();
        cmp->pos = pos(ops[i]);
        adopt(*cmp, predicate(operands[i]));
        adopt(*cmp, predicate(operands[i + 1]));
        if (!result) {
            result = std::move(cmp);
        } else {
            auto a = make(ParsedExpression::Kind::Binary, c);
            a->op = "AND";
            adopt(*a, std::move(result));
            adopt(*a, std::move(cmp));
            result = std::move(a);
        }
    }
    return result;
}

// Children alternate operand, operator token, operand...
template <typename Ctx, typename Sub>
ParsedExpressionPtr Transformer::arithmetic(Ctx* c, ParsedExpressionPtr (Transformer::*sub)(Sub*)) {
    ParsedExpressionPtr acc;
    std::string op;
    for (auto* child : c->children) {
        if (auto* s = dynamic_cast<Sub*>(child)) {
            auto rhs = (this->*sub)(s);
            if (!acc) {
                acc = std::move(rhs);
            } else {
                auto e = make(ParsedExpression::Kind::Binary, c);
                e->op = op;
                // a + b + c: the inner node's text is "a + b", as written.
                if (auto* a = c->getStart();
                    a && s->getStop() && s->getStop()->getStopIndex() >= a->getStartIndex())
                    e->text = input_.getText(
                        antlr4::misc::Interval(a->getStartIndex(), s->getStop()->getStopIndex()));
                adopt(*e, std::move(acc));
                adopt(*e, std::move(rhs));
                acc = std::move(e);
            }
        } else {
            op = child->getText();
        }
    }
    return acc;
}

ParsedExpressionPtr Transformer::addSub(P::AddSubExpressionContext* c) {
    return arithmetic(c, &Transformer::multDiv);
}

ParsedExpressionPtr Transformer::multDiv(P::MultDivExpressionContext* c) {
    return arithmetic(c, &Transformer::power);
}

ParsedExpressionPtr Transformer::power(P::PowerExpressionContext* c) {
    return arithmetic(c, &Transformer::unary);
}

ParsedExpressionPtr Transformer::unary(P::UnaryExpressionContext* c) {
    auto inner = postfix(c->postfixExpression());
    // Signs apply right to left: - - x is -( -x ).
    for (auto it = c->children.rbegin(); it != c->children.rend(); ++it) {
        if (dynamic_cast<P::PostfixExpressionContext*>(*it))
            continue;
        std::string sign = (*it)->getText();
        if (sign == "+")
            continue;
        if (inner->kind == ParsedExpression::Kind::Literal && inner->value.isInt()) {
            // Fold -literal so that -9223372036854775808 is representable (the literal
            // 9223372036854775808 arrives as the minimum already).
            if (inner->value.asInt() != std::numeric_limits<std::int64_t>::min())
                inner->value = Value(-inner->value.asInt());
            inner->text = "-" + inner->text;
            continue;
        }
        if (inner->kind == ParsedExpression::Kind::Literal && inner->value.isDouble()) {
            inner->value = Value(-inner->value.asDouble());
            inner->text = "-" + inner->text;
            continue;
        }
        auto e = make(ParsedExpression::Kind::Unary, c);
        e->op = "-";
        adopt(*e, std::move(inner));
        inner = std::move(e);
    }
    return inner;
}

ParsedExpressionPtr Transformer::predicate(P::PredicateExpressionContext* c) {
    auto acc = addSub(c->addSubExpression());
    for (auto* s : c->predicateSuffix()) {
        ParsedExpressionPtr e;
        if (auto* sw = dynamic_cast<P::StartsWithContext*>(s)) {
            e = make(ParsedExpression::Kind::StringMatch, c);
            e->op = "STARTS WITH";
            adopt(*e, std::move(acc));
            adopt(*e, addSub(sw->addSubExpression()));
        } else if (auto* ew = dynamic_cast<P::EndsWithContext*>(s)) {
            e = make(ParsedExpression::Kind::StringMatch, c);
            e->op = "ENDS WITH";
            adopt(*e, std::move(acc));
            adopt(*e, addSub(ew->addSubExpression()));
        } else if (auto* co = dynamic_cast<P::ContainsContext*>(s)) {
            e = make(ParsedExpression::Kind::StringMatch, c);
            e->op = "CONTAINS";
            adopt(*e, std::move(acc));
            adopt(*e, addSub(co->addSubExpression()));
        } else if (auto* in = dynamic_cast<P::InListContext*>(s)) {
            e = make(ParsedExpression::Kind::In, c);
            adopt(*e, std::move(acc));
            adopt(*e, addSub(in->addSubExpression()));
        } else {
            auto* isNull = dynamic_cast<P::IsNullContext*>(s);
            e = make(ParsedExpression::Kind::IsNull, c);
            e->negated = isNull->K_NOT() != nullptr;
            adopt(*e, std::move(acc));
        }
        e->pos = pos(s);
        acc = std::move(e);
    }
    return acc;
}

ParsedExpressionPtr Transformer::postfix(P::PostfixExpressionContext* c) {
    auto acc = atom(c->atom());
    for (auto* s : c->postfixSuffix()) {
        ParsedExpressionPtr e;
        if (auto* p = dynamic_cast<P::PropertySuffixContext*>(s)) {
            e = make(ParsedExpression::Kind::Property, c);
            e->name = schemaName(p->propertyLookup()->schemaName());
            e->pos = pos(p->propertyLookup()->schemaName());
            adopt(*e, std::move(acc));
        } else if (auto* ix = dynamic_cast<P::IndexSuffixContext*>(s)) {
            e = make(ParsedExpression::Kind::Index, c);
            e->pos = pos(s);
            adopt(*e, std::move(acc));
            adopt(*e, expression(ix->expression()));
        } else if (auto* sl = dynamic_cast<P::SliceSuffixContext*>(s)) {
            e = make(ParsedExpression::Kind::Slice, c);
            e->pos = pos(s);
            adopt(*e, std::move(acc));
            e->hasFrom = sl->from != nullptr;
            e->hasTo = sl->to != nullptr;
            if (sl->from)
                adopt(*e, expression(sl->from));
            if (sl->to)
                adopt(*e, expression(sl->to));
        } else {
            auto* l = dynamic_cast<P::LabelSuffixContext*>(s);
            e = make(ParsedExpression::Kind::HasLabels, c);
            e->pos = pos(s);
            e->keys = schemaNames(l->nodeLabels()->schemaName());
            adopt(*e, std::move(acc));
        }
        acc = std::move(e);
    }
    return acc;
}

} // namespace innograph::query
