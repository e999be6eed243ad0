// Patterns: parts, node and relationship patterns, variable-length ranges.

#include "parser/transformer_impl.h"

#include "parser/parser.h"
#include "parser/string_literal.h"

#include <charconv>

namespace innograph::query {

std::vector<ParsedPatternPart> Transformer::pattern(P::PatternContext* p) {
    std::vector<ParsedPatternPart> parts;
    for (auto* part : p->patternPart())
        parts.push_back(patternPart(part));
    return parts;
}

ParsedPatternPart Transformer::patternPart(P::PatternPartContext* p) {
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

ParsedPatternPart Transformer::shortestPathPart(P::ShortestPathPatternContext* sp) {
    ParsedPatternPart out;
    out.pos = pos(sp);
    out.kind = sp->K_SHORTESTPATH() ? PathKind::Shortest : PathKind::AllShortest;
    patternElement(sp->patternElement(), out);
    return out;
}

void Transformer::patternElement(P::PatternElementContext* el, ParsedPatternPart& out) {
    while (el->patternElement())
        el = el->patternElement();
    out.nodes.push_back(nodePattern(el->nodePattern()));
    for (auto* chain : el->patternElementChain()) {
        out.rels.push_back(relPattern(chain->relationshipPattern()));
        out.nodes.push_back(nodePattern(chain->nodePattern()));
    }
}

ParsedNodePattern Transformer::nodePattern(P::NodePatternContext* n) {
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

ParsedExpressionPtr Transformer::properties(P::PropertiesContext* p) {
    if (p->mapLiteral())
        return mapLiteral(p->mapLiteral());
    return parameter(p->parameter());
}

ParsedRelPattern Transformer::relPattern(P::RelationshipPatternContext* r) {
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

std::int64_t Transformer::integer(antlr4::Token* t) {
    auto v = integerValue(t->getText());
    if (!v)
        throw QueryError(ErrorCode::SyntaxError, "Integer too large: " + t->getText(), pos(t),
                         "IntegerOverflow");
    return *v;
}

bool Transformer::isTwoToThe63(const std::string& s) {
    return s == "9223372036854775808" || s == "0x8000000000000000" || s == "0X8000000000000000" ||
           s == "0o1000000000000000000000";
}

std::optional<std::int64_t> Transformer::integerValue(const std::string& s) {
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

} // namespace innograph::query
