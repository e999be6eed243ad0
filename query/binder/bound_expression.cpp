#include "binder/bound_expression.h"

#include "binder/bound_statement.h"

#include <array>
#include <utility>

namespace innograph::query {
namespace {

constexpr std::array<std::pair<BoundOp, std::string_view>, 25> kOpTexts{{
    {BoundOp::Not, "NOT"},
    {BoundOp::Negate, "-"},
    {BoundOp::And, "AND"},
    {BoundOp::Or, "OR"},
    {BoundOp::Xor, "XOR"},
    {BoundOp::Add, "+"},
    {BoundOp::Subtract, "-"},
    {BoundOp::Multiply, "*"},
    {BoundOp::Divide, "/"},
    {BoundOp::Modulo, "%"},
    {BoundOp::Power, "^"},
    {BoundOp::Equal, "="},
    {BoundOp::NotEqual, "<>"},
    {BoundOp::Less, "<"},
    {BoundOp::Greater, ">"},
    {BoundOp::LessEqual, "<="},
    {BoundOp::GreaterEqual, ">="},
    {BoundOp::StartsWith, "STARTS WITH"},
    {BoundOp::EndsWith, "ENDS WITH"},
    {BoundOp::Contains, "CONTAINS"},
    {BoundOp::All, "all"},
    {BoundOp::Any, "any"},
    {BoundOp::NoneOf, "none"},
    {BoundOp::Single, "single"},
    {BoundOp::None, ""},
}};

void collect(const BoundExpression& e, std::set<int>& out, std::set<int>& locals) {
    if (e.kind == BoundExpression::Kind::Slot && !locals.count(e.slot))
        out.insert(e.slot);
    if (e.kind == BoundExpression::Kind::ListComprehension ||
        e.kind == BoundExpression::Kind::Quantifier) {
        collect(*e.children[0], out, locals);
        locals.insert(e.slot);
        for (std::size_t i = 1; i < e.children.size(); ++i)
            collect(*e.children[i], out, locals);
        locals.erase(e.slot);
        return;
    }
    for (const auto& c : e.children)
        if (c)
            collect(*c, out, locals);
    if (e.subquery) {
        // What the pattern reads from the row: its bound variables and what its properties,
        // WHERE and projection read, less its own variables.
        const auto& q = *e.subquery;
        std::set<int> inner;
        for (int s : q.localSlots)
            locals.insert(s);
        for (const auto& n : q.pattern.nodes) {
            if (n.bound && !locals.count(n.slot))
                out.insert(n.slot);
            for (const auto& p : n.properties)
                collect(*p.value, out, locals);
            if (n.propertiesParam)
                collect(*n.propertiesParam, out, locals);
        }
        for (const auto& r : q.pattern.rels) {
            if (r.bound && !locals.count(r.slot))
                out.insert(r.slot);
            for (const auto& p : r.properties)
                collect(*p.value, out, locals);
        }
        for (const auto& p : q.predicates)
            collect(*p, out, locals);
        if (q.projection)
            collect(*q.projection, out, locals);
        for (int s : q.localSlots)
            locals.erase(s);
    }
}
} // namespace

std::optional<BoundOp> boundOpFromText(std::string_view text) {
    // "-" is Subtract here; the binder maps a unary "-" to Negate.
    for (const auto& [op, spelling] : kOpTexts)
        if (op != BoundOp::Negate && spelling == text)
            return op;
    return std::nullopt;
}

const char* boundOpText(BoundOp op) {
    for (const auto& [o, spelling] : kOpTexts)
        if (o == op)
            return spelling.data();
    return "";
}

std::set<int> BoundExpression::slotsUsed() const {
    std::set<int> out, locals;
    collect(*this, out, locals);
    return out;
}

} // namespace innograph::query
