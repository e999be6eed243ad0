#include "parser/transformer.h"

#include "parser/parser.h"
#include "parser/string_literal.h"

#include <algorithm>

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace innograph::query {
namespace {

using P = grammar::CypherParser;

class Transformer {
public:
    explicit Transformer(antlr4::CharStream& input) : input_(input) {}

    ParsedStatement script(P::ScriptContext* ctx) {
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

private:
    antlr4::CharStream& input_;
    std::size_t textBytes_ = 0;

    static SourcePos pos(antlr4::ParserRuleContext* ctx) { return pos(ctx->getStart()); }
    static SourcePos pos(antlr4::Token* t) {
        return {static_cast<int>(t->getLine()), static_cast<int>(t->getCharPositionInLine()) + 1};
    }
    std::string text(antlr4::ParserRuleContext* ctx) {
        auto* a = ctx->getStart();
        auto* b = ctx->getStop();
        if (!a || !b || b->getStopIndex() < a->getStartIndex())
            return ctx->getText();
        return input_.getText(antlr4::misc::Interval(a->getStartIndex(), b->getStopIndex()));
    }

    ParsedSingleQuery singleQuery(P::SingleQueryContext* ctx) {
        ParsedSingleQuery q;
        for (auto* c : ctx->clause())
            q.clauses.push_back(clause(c));
        return q;
    }

    ParsedClause clause(P::ClauseContext* c) {
        if (auto* m = c->matchClause()) {
            ParsedMatch out;
            out.pos = pos(m);
            out.optional = m->K_OPTIONAL() != nullptr;
            out.pattern = pattern(m->pattern());
            if (m->whereClause())
                out.where = expression(m->whereClause()->expression());
            return out;
        }
        if (auto* u = c->unwindClause()) {
            ParsedUnwind out;
            out.pos = pos(u);
            out.list = expression(u->expression());
            out.variable = variable(u->variable());
            return out;
        }
        if (auto* w = c->withClause()) {
            ParsedWith out;
            out.projection = projection(w->projectionBody());
            out.projection.pos = pos(w);
            if (w->whereClause())
                out.where = expression(w->whereClause()->expression());
            return out;
        }
        if (auto* r = c->returnClause()) {
            ParsedReturn out;
            out.projection = projection(r->projectionBody());
            out.projection.pos = pos(r);
            return out;
        }
        if (auto* cr = c->createClause()) {
            ParsedCreate out;
            out.pos = pos(cr);
            out.pattern = pattern(cr->pattern());
            return out;
        }
        if (auto* me = c->mergeClause()) {
            ParsedMerge out;
            out.pos = pos(me);
            out.pattern = patternPart(me->patternPart());
            for (auto* a : me->mergeAction()) {
                auto items = setItems(a->setClause());
                auto& dst = a->K_CREATE() ? out.onCreate : out.onMatch;
                for (auto& i : items)
                    dst.push_back(std::move(i));
            }
            return out;
        }
        if (auto* s = c->setClause()) {
            ParsedSet out;
            out.pos = pos(s);
            out.items = setItems(s);
            return out;
        }
        if (auto* r = c->removeClause()) {
            ParsedRemove out;
            out.pos = pos(r);
            for (auto* item : r->removeItem()) {
                ParsedRemoveItem ri;
                ri.pos = pos(item);
                if (item->variable()) {
                    ri.variable = variable(item->variable());
                    ri.labels = schemaNames(item->nodeLabels()->schemaName());
                } else {
                    auto [owner, key] = propertyExpression(item->propertyExpression());
                    ri.target = std::move(owner);
                    ri.key = key;
                }
                out.items.push_back(std::move(ri));
            }
            return out;
        }
        auto* d = c->deleteClause();
        ParsedDelete out;
        out.pos = pos(d);
        out.detach = d->K_DETACH() != nullptr;
        for (auto* e : d->expression())
            out.expressions.push_back(expression(e));
        return out;
    }

    std::vector<ParsedSetItem> setItems(P::SetClauseContext* s) {
        std::vector<ParsedSetItem> items;
        for (auto* item : s->setItem()) {
            ParsedSetItem si;
            si.pos = pos(item);
            if (item->propertyExpression()) {
                si.kind = ParsedSetItem::Kind::Property;
                auto [owner, key] = propertyExpression(item->propertyExpression());
                si.target = std::move(owner);
                si.key = key;
                si.value = expression(item->expression());
            } else if (item->nodeLabels()) {
                si.kind = ParsedSetItem::Kind::Labels;
                si.variable = variable(item->variable());
                si.labels = schemaNames(item->nodeLabels()->schemaName());
            } else {
                si.variable = variable(item->variable());
                si.value = expression(item->expression());
                bool merge = false;
                for (auto* ch : item->children)
                    if (ch->getText() == "+=")
                        merge = true;
                si.kind = merge ? ParsedSetItem::Kind::MergeProperties
                                : ParsedSetItem::Kind::ReplaceProperties;
            }
            items.push_back(std::move(si));
        }
        return items;
    }

    // `a.b.c` is the property `c` of the expression `a.b`.
    std::pair<ParsedExpressionPtr, std::string>
    propertyExpression(P::PropertyExpressionContext* pe) {
        auto owner = atom(pe->atom());
        auto lookups = pe->propertyLookup();
        for (std::size_t i = 0; i + 1 < lookups.size(); ++i) {
            auto e = make(ParsedExpression::Kind::Property, lookups[i]);
            e->name = schemaName(lookups[i]->schemaName());
            adopt(*e, std::move(owner));
            owner = std::move(e);
        }
        return {std::move(owner), schemaName(lookups.back()->schemaName())};
    }

    ParsedProjection projection(P::ProjectionBodyContext* b) {
        ParsedProjection p;
        p.distinct = b->K_DISTINCT() != nullptr;
        auto* items = b->projectionItems();
        p.star = items->star != nullptr;
        for (auto* item : items->projectionItem()) {
            ParsedProjectionItem pi;
            pi.expression = expression(item->expression());
            if (item->variable()) {
                pi.alias = variable(item->variable());
                pi.hasAlias = true;
            } else {
                pi.alias = text(item->expression());
            }
            p.items.push_back(std::move(pi));
        }
        if (auto* o = b->orderClause()) {
            for (auto* si : o->sortItem()) {
                ParsedSortItem s;
                s.expression = expression(si->expression());
                s.descending = si->K_DESC() || si->K_DESCENDING();
                p.orderBy.push_back(std::move(s));
            }
        }
        if (b->skipClause())
            p.skip = expression(b->skipClause()->expression());
        if (b->limitClause())
            p.limit = expression(b->limitClause()->expression());
        return p;
    }

    // ---- patterns ----

    std::vector<ParsedPatternPart> pattern(P::PatternContext* p) {
        std::vector<ParsedPatternPart> parts;
        for (auto* part : p->patternPart())
            parts.push_back(patternPart(part));
        return parts;
    }

    ParsedPatternPart patternPart(P::PatternPartContext* p) {
        ParsedPatternPart out;
        out.pos = pos(p);
        if (p->variable())
            out.pathVariable = variable(p->variable());
        auto* anon = p->anonymousPatternPart();
        P::PatternElementContext* el = nullptr;
        if (auto* sp = anon->shortestPathPattern()) {
            out.kind = sp->K_SHORTESTPATH() ? PathKind::Shortest : PathKind::AllShortest;
            el = sp->patternElement();
        } else {
            el = anon->patternElement();
        }
        patternElement(el, out);
        return out;
    }

    ParsedPatternPart shortestPathPart(P::ShortestPathPatternContext* sp) {
        ParsedPatternPart out;
        out.pos = pos(sp);
        out.kind = sp->K_SHORTESTPATH() ? PathKind::Shortest : PathKind::AllShortest;
        patternElement(sp->patternElement(), out);
        return out;
    }

    void patternElement(P::PatternElementContext* el, ParsedPatternPart& out) {
        while (el->patternElement())
            el = el->patternElement();
        out.nodes.push_back(nodePattern(el->nodePattern()));
        for (auto* chain : el->patternElementChain()) {
            out.rels.push_back(relPattern(chain->relationshipPattern()));
            out.nodes.push_back(nodePattern(chain->nodePattern()));
        }
    }

    ParsedNodePattern nodePattern(P::NodePatternContext* n) {
        ParsedNodePattern out;
        out.pos = pos(n);
        if (n->variable())
            out.variable = variable(n->variable());
        if (n->nodeLabels()) {
            for (auto* s : n->nodeLabels()->schemaName()) {
                out.labels.push_back(schemaName(s));
                out.labelPositions.push_back(pos(s));
            }
        }
        if (n->StringLiteral())
            out.entityRef = unquoteString(n->StringLiteral()->getText());
        if (n->properties())
            out.properties = properties(n->properties());
        return out;
    }

    ParsedExpressionPtr properties(P::PropertiesContext* p) {
        if (p->mapLiteral())
            return mapLiteral(p->mapLiteral());
        return parameter(p->parameter());
    }

    ParsedRelPattern relPattern(P::RelationshipPatternContext* r) {
        ParsedRelPattern out;
        out.pos = pos(r);
        bool left = r->leftArrow != nullptr, right = r->rightArrow != nullptr;
        out.direction = left == right ? PatternDirection::Both
                        : left        ? PatternDirection::Left
                                      : PatternDirection::Right;
        if (auto* d = r->relationshipDetail()) {
            if (d->variable())
                out.variable = variable(d->variable());
            if (auto* t = d->relationshipTypes()) {
                for (auto* s : t->schemaName()) {
                    out.types.push_back(schemaName(s));
                    out.typePositions.push_back(pos(s));
                }
            }
            if (auto* range = d->rangeLiteral()) {
                out.variableLength = true;
                if (range->minHops)
                    out.minHops = integer(range->minHops);
                if (range->range) {
                    if (range->maxHops)
                        out.maxHops = integer(range->maxHops);
                } else if (range->minHops) {
                    out.maxHops = out.minHops; // *3 means exactly three hops
                }
            }
            if (d->properties())
                out.properties = properties(d->properties());
        }
        return out;
    }

    std::int64_t integer(antlr4::Token* t) {
        auto v = integerValue(t->getText());
        if (!v)
            throw QueryError(ErrorCode::SyntaxError, "Integer too large: " + t->getText(), pos(t),
                             "IntegerOverflow");
        return *v;
    }

    static bool isTwoToThe63(const std::string& s) {
        return s == "9223372036854775808" || s == "0x8000000000000000" ||
               s == "0X8000000000000000" || s == "0o1000000000000000000000";
    }

    static std::optional<std::int64_t> integerValue(const std::string& s) {
        std::int64_t v = 0;
        const char* b = s.data();
        const char* e = s.data() + s.size();
        int base = 10;
        if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            b += 2;
            base = 16;
        } else if (s.size() > 2 && s[0] == '0' && s[1] == 'o') {
            b += 2;
            base = 8;
        }
        auto [ptr, ec] = std::from_chars(b, e, v, base);
        if (ec != std::errc() || ptr != e)
            return std::nullopt;
        return v;
    }

    // ---- expressions ----

    ParsedExpressionPtr make(ParsedExpression::Kind k, antlr4::ParserRuleContext* ctx) {
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
    void adopt(ParsedExpression& parent, ParsedExpressionPtr child) {
        parent.depth = std::max(parent.depth, child->depth + 1);
        if (parent.depth > kMaxExpressionDepth)
            throw QueryError(ErrorCode::LimitExceeded,
                             "Expression nested more than " + std::to_string(kMaxExpressionDepth) +
                                 " levels deep (long chains of operators count too); split it "
                                 "or pass a list as a parameter",
                             parent.pos);
        parent.children.push_back(std::move(child));
    }

    ParsedExpressionPtr expression(P::ExpressionContext* ctx) {
        auto e = orExpr(ctx->orExpression());
        return e;
    }

    template <typename Ctx, typename Sub>
    ParsedExpressionPtr leftAssoc(Ctx* ctx, const std::vector<Sub*>& operands, const char* op,
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

    ParsedExpressionPtr orExpr(P::OrExpressionContext* c) {
        return leftAssoc(c, c->xorExpression(), "OR", &Transformer::xorExpr);
    }
    ParsedExpressionPtr xorExpr(P::XorExpressionContext* c) {
        return leftAssoc(c, c->andExpression(), "XOR", &Transformer::andExpr);
    }
    ParsedExpressionPtr andExpr(P::AndExpressionContext* c) {
        return leftAssoc(c, c->notExpression(), "AND", &Transformer::notExpr);
    }
    ParsedExpressionPtr notExpr(P::NotExpressionContext* c) {
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
    ParsedExpressionPtr comparison(P::ComparisonExpressionContext* c) {
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
    ParsedExpressionPtr arithmetic(Ctx* c, ParsedExpressionPtr (Transformer::*sub)(Sub*)) {
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
                        e->text = input_.getText(antlr4::misc::Interval(
                            a->getStartIndex(), s->getStop()->getStopIndex()));
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

    ParsedExpressionPtr addSub(P::AddSubExpressionContext* c) {
        return arithmetic(c, &Transformer::multDiv);
    }
    ParsedExpressionPtr multDiv(P::MultDivExpressionContext* c) {
        return arithmetic(c, &Transformer::power);
    }
    ParsedExpressionPtr power(P::PowerExpressionContext* c) {
        return arithmetic(c, &Transformer::unary);
    }

    ParsedExpressionPtr unary(P::UnaryExpressionContext* c) {
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

    ParsedExpressionPtr predicate(P::PredicateExpressionContext* c) {
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

    ParsedExpressionPtr postfix(P::PostfixExpressionContext* c) {
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

    ParsedExpressionPtr atom(P::AtomContext* a) {
        if (auto* l = a->literal())
            return literal(l);
        if (auto* p = a->parameter())
            return parameter(p);
        if (auto* c = a->caseExpression())
            return caseExpr(c);
        if (auto* cs = a->countStar()) {
            auto name = symbolic(cs->functionName()->symbolicName());
            if (toUpperAscii(name) != "COUNT")
                throw QueryError(ErrorCode::SyntaxError,
                                 "Only count accepts *, not " + name + "(*)", pos(cs));
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
            e->name = symbolic(f->functionName()->symbolicName());
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
    static bool directlyNegated(P::LiteralContext* l) {
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

    ParsedExpressionPtr literal(P::LiteralContext* l) {
        auto e = make(ParsedExpression::Kind::Literal, l);
        if (auto* t = l->IntegerLiteral()) {
            auto v = integerValue(t->getText());
            if (!v) {
                // 2^63 (in any base) is only valid negated; the unary fold handles the sign.
                if (isTwoToThe63(t->getText()) && directlyNegated(l)) {
                    e->value = Value(std::numeric_limits<std::int64_t>::min());
                    return e;
                }
                throw QueryError(ErrorCode::SyntaxError, "Integer too large: " + t->getText(),
                                 pos(l), "IntegerOverflow");
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

    ParsedExpressionPtr parameter(P::ParameterContext* p) {
        auto e = make(ParsedExpression::Kind::Parameter, p);
        e->name = p->symbolicName() ? symbolic(p->symbolicName()) : p->IntegerLiteral()->getText();
        return e;
    }

    ParsedExpressionPtr mapLiteral(P::MapLiteralContext* m) {
        auto e = make(ParsedExpression::Kind::Map, m);
        for (auto* entry : m->mapEntry()) {
            e->keys.push_back(schemaName(entry->schemaName()));
            adopt(*e, expression(entry->expression()));
        }
        return e;
    }

    ParsedExpressionPtr caseExpr(P::CaseExpressionContext* c) {
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

    static std::string toLowerAscii(std::string s) {
        for (auto& ch : s)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    }
    static std::string toUpperAscii(std::string s) {
        for (auto& ch : s)
            if (ch >= 'a' && ch <= 'z')
                ch = static_cast<char>(ch - 'a' + 'A');
        return s;
    }

    std::string symbolic(P::SymbolicNameContext* s) {
        if (s->EscapedIdentifier())
            return unquoteIdentifier(s->getText());
        return s->getText();
    }
    std::string variable(P::VariableContext* v) { return symbolic(v->symbolicName()); }
    std::string schemaName(P::SchemaNameContext* s) {
        if (s->symbolicName())
            return symbolic(s->symbolicName());
        return s->getText();
    }
    std::vector<std::string> schemaNames(const std::vector<P::SchemaNameContext*>& names) {
        std::vector<std::string> out;
        for (auto* n : names)
            out.push_back(schemaName(n));
        return out;
    }
};

} // namespace

ParsedStatement transformScript(grammar::CypherParser::ScriptContext* script,
                                antlr4::CharStream& input) {
    return Transformer(input).script(script);
}

} // namespace innograph::query
