#include "executor/expression_evaluator.h"

#include "common/temporal.h"
#include "common/value_ops.h"
#include "executor/pattern_matcher.h"

#include <cmath>
#include <limits>

namespace innograph::query {

namespace {

using BK = BoundExpression::Kind;

[[noreturn]] void typeError(const std::string& what, SourcePos pos) {
    throw QueryError(ErrorCode::TypeError, what, pos, "InvalidArgumentType");
}

Value ternaryBool(const Value& v, const BoundExpression& e) {
    if (v.isNull() || v.isBool())
        return v;
    typeError(std::string("Expected a BOOLEAN but got ") + v.typeName() + " in " + e.text, e.pos);
}

template <typename Op>
std::int64_t checkedInt(Op op, std::int64_t x, std::int64_t y, SourcePos pos) {
    std::int64_t r = 0;
    if (op(x, y, &r))
        throw QueryError(ErrorCode::ArgumentError, "Integer overflow", pos);
    return r;
}
constexpr auto kAdd = [](std::int64_t a, std::int64_t b, std::int64_t* r) {
    return __builtin_add_overflow(a, b, r);
};
constexpr auto kSub = [](std::int64_t a, std::int64_t b, std::int64_t* r) {
    return __builtin_sub_overflow(a, b, r);
};
constexpr auto kMul = [](std::int64_t a, std::int64_t b, std::int64_t* r) {
    return __builtin_mul_overflow(a, b, r);
};

Value arithmetic(BoundOp op, const Value& a, const Value& b, SourcePos pos) {
    if (a.isNull() || b.isNull())
        return Value();
    if (op == BoundOp::Add)
        return add(a, b, pos);
    if (a.isTemporal() || b.isTemporal())
        if (auto r = temporalArithmetic(boundOpText(op)[0], a, b, pos))
            return *r;
    if (!a.isNumber() || !b.isNumber())
        typeError(std::string("Cannot apply ") + boundOpText(op) + " to " + a.typeName() + " and " +
                      b.typeName(),
                  pos);
    if (op == BoundOp::Power)
        return Value(std::pow(a.asNumber(), b.asNumber()));
    if (a.isInt() && b.isInt()) {
        std::int64_t x = a.asInt(), y = b.asInt();
        switch (op) {
        case BoundOp::Subtract:
            return Value(checkedInt(kSub, x, y, pos));
        case BoundOp::Multiply:
            return Value(checkedInt(kMul, x, y, pos));
        default:
            break;
        }
        if (y == 0)
            throw QueryError(ErrorCode::ArgumentError, "Division by zero", pos);
        if (x == std::numeric_limits<std::int64_t>::min() && y == -1)
            throw QueryError(ErrorCode::ArgumentError, "Integer overflow", pos);
        if (op == BoundOp::Divide)
            return Value(x / y);
        return Value(x % y);
    }
    double x = a.asNumber(), y = b.asNumber();
    switch (op) {
    case BoundOp::Subtract:
        return Value(x - y);
    case BoundOp::Multiply:
        return Value(x * y);
    case BoundOp::Divide:
        return Value(x / y);
    default:
        return Value(std::fmod(x, y));
    }
}

Value logical(const BoundExpression& e, Row& row, ExecContext& ctx) {
    Value a = ternaryBool(evaluate(*e.children[0], row, ctx), e);
    if (e.op == BoundOp::And && a.isBool() && !a.asBool())
        return Value(false);
    if (e.op == BoundOp::Or && a.isBool() && a.asBool())
        return Value(true);
    Value b = ternaryBool(evaluate(*e.children[1], row, ctx), e);
    if (e.op == BoundOp::And) {
        if (b.isBool() && !b.asBool())
            return Value(false);
        if (a.isNull() || b.isNull())
            return Value();
        return Value(true);
    }
    if (e.op == BoundOp::Or) {
        if (b.isBool() && b.asBool())
            return Value(true);
        if (a.isNull() || b.isNull())
            return Value();
        return Value(false);
    }
    if (a.isNull() || b.isNull())
        return Value();
    return Value(a.asBool() != b.asBool()); // XOR
}

std::int64_t normaliseIndex(std::int64_t i, std::int64_t size) {
    return i < 0 ? size + i : i;
}

Value property(const Value& owner, const std::string& key, ExecContext& ctx, SourcePos pos) {
    switch (owner.kind()) {
    case Value::Kind::Null:
        return Value();
    case Value::Kind::Node:
        if (owner.asNode().data) {
            auto it = owner.asNode().data->properties.find(key);
            return it == owner.asNode().data->properties.end() ? Value()
                                                               : Value::fromStored(it->second);
        }
        return ctx.nodeProperty(owner.asNode().id, key);
    case Value::Kind::Rel:
        return ctx.relProperty(owner.asRel().id, key);
    case Value::Kind::Map: {
        auto it = owner.asMap().find(key);
        return it == owner.asMap().end() ? Value() : it->second;
    }
    case Value::Kind::Temporal:
        if (auto v = temporalComponent(owner.asTemporal(), key))
            return *v;
        throw QueryError(ErrorCode::ArgumentError,
                         std::string("A ") + owner.typeName() + " has no component '" + key + "'",
                         pos, "InvalidArgumentValue");
    default:
        typeError(std::string("Cannot read property '") + key + "' of a " + owner.typeName(), pos);
    }
}

// A node's, relationship's or map's properties, for `.*`.
Map allProperties(const Value& v, ExecContext& ctx) {
    if (v.isMap())
        return v.asMap();
    Map out;
    if (v.isNode()) {
        auto n = ctx.node(v.asNode().id);
        if (n)
            for (const auto& [k, stored] : n->properties)
                out[k] = Value::fromStored(stored);
    } else if (v.isRel()) {
        auto r = ctx.relationship(v.asRel().id);
        if (r)
            for (const auto& [k, stored] : r->properties)
                out[k] = Value::fromStored(stored);
    }
    return out;
}

} // namespace

Value add(const Value& a, const Value& b, SourcePos pos) {
    if (a.isNull() || b.isNull())
        return Value();
    if (a.isInt() && b.isInt())
        return Value(checkedInt(kAdd, a.asInt(), b.asInt(), pos));
    if (a.isNumber() && b.isNumber())
        return Value(a.asNumber() + b.asNumber());
    if (a.isTemporal() || b.isTemporal())
        if (auto r = temporalArithmetic('+', a, b, pos))
            return *r;
    if (a.isList() && b.isList()) {
        List l = a.asList();
        l.insert(l.end(), b.asList().begin(), b.asList().end());
        return Value(std::move(l));
    }
    if (a.isList()) {
        List l = a.asList();
        l.push_back(b);
        return Value(std::move(l));
    }
    if (b.isList()) {
        List l{a};
        l.insert(l.end(), b.asList().begin(), b.asList().end());
        return Value(std::move(l));
    }
    if (a.isString() && (b.isString() || b.isNumber() || b.isBool()))
        return Value(a.asString() + toDisplayString(b));
    if (b.isString() && (a.isNumber() || a.isBool()))
        return Value(toDisplayString(a) + b.asString());
    typeError(std::string("Cannot add ") + a.typeName() + " and " + b.typeName(), pos);
}

Value evaluate(const BoundExpression& e, Row& row, ExecContext& ctx) {
    switch (e.kind) {
    case BK::Literal:
        return e.value;
    case BK::Parameter: {
        auto it = ctx.parameters().find(e.name);
        if (it == ctx.parameters().end())
            throw QueryError(ErrorCode::ParameterMissing, "Expected parameter $" + e.name, e.pos);
        return it->second;
    }
    case BK::Slot:
        return row[static_cast<std::size_t>(e.slot)];
    case BK::Property:
        return property(evaluate(*e.children[0], row, ctx), e.name, ctx, e.pos);
    case BK::List: {
        List l;
        l.reserve(e.children.size());
        for (const auto& c : e.children)
            l.push_back(evaluate(*c, row, ctx));
        return Value(std::move(l));
    }
    case BK::Map: {
        Map m;
        for (std::size_t i = 0; i < e.children.size(); ++i)
            m[e.keys[i]] = evaluate(*e.children[i], row, ctx);
        return Value(std::move(m));
    }
    case BK::Unary: {
        Value v = evaluate(*e.children[0], row, ctx);
        if (e.op == BoundOp::Not) {
            v = ternaryBool(v, e);
            return v.isNull() ? v : Value(!v.asBool());
        }
        if (v.isNull())
            return v;
        if (v.isInt()) {
            if (v.asInt() == std::numeric_limits<std::int64_t>::min())
                throw QueryError(ErrorCode::ArgumentError, "Integer overflow", e.pos);
            return Value(-v.asInt());
        }
        if (v.isDouble())
            return Value(-v.asDouble());
        typeError(std::string("Cannot negate a ") + v.typeName(), e.pos);
    }
    case BK::Binary:
        if (e.op == BoundOp::And || e.op == BoundOp::Or || e.op == BoundOp::Xor)
            return logical(e, row, ctx);
        return arithmetic(e.op, evaluate(*e.children[0], row, ctx),
                          evaluate(*e.children[1], row, ctx), e.pos);
    case BK::Comparison: {
        Value a = evaluate(*e.children[0], row, ctx);
        Value b = evaluate(*e.children[1], row, ctx);
        if (e.op == BoundOp::Equal)
            return equalsTernary(a, b);
        if (e.op == BoundOp::NotEqual) {
            Value eq = equalsTernary(a, b);
            return eq.isNull() ? eq : Value(!eq.asBool());
        }
        auto c = compareTernary(a, b);
        if (!c)
            return Value();
        switch (e.op) {
        case BoundOp::Less:
            return Value(*c < 0);
        case BoundOp::Greater:
            return Value(*c > 0);
        case BoundOp::LessEqual:
            return Value(*c <= 0);
        default:
            return Value(*c >= 0);
        }
    }
    case BK::StringMatch: {
        Value a = evaluate(*e.children[0], row, ctx);
        Value b = evaluate(*e.children[1], row, ctx);
        if (!a.isString() || !b.isString())
            return Value();
        const auto& s = a.asString();
        const auto& t = b.asString();
        if (e.op == BoundOp::StartsWith)
            return Value(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
        if (e.op == BoundOp::EndsWith)
            return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
        return Value(s.find(t) != std::string::npos);
    }
    case BK::In: {
        Value x = evaluate(*e.children[0], row, ctx);
        Value list = evaluate(*e.children[1], row, ctx);
        if (list.isNull())
            return Value();
        if (!list.isList())
            typeError(std::string("IN expects a LIST, not ") + list.typeName(), e.pos);
        bool sawNull = false;
        for (const auto& item : list.asList()) {
            Value eq = equalsTernary(x, item);
            if (eq.isNull())
                sawNull = true;
            else if (eq.asBool())
                return Value(true);
        }
        return sawNull ? Value() : Value(false);
    }
    case BK::IsNull: {
        bool isNull = evaluate(*e.children[0], row, ctx).isNull();
        return Value(e.negated ? !isNull : isNull);
    }
    case BK::Case: {
        std::size_t i = 0;
        Value subject;
        if (e.hasSubject)
            subject = evaluate(*e.children[i++], row, ctx);
        std::size_t end = e.children.size() - (e.hasElse ? 1 : 0);
        for (; i + 1 < end; i += 2) {
            Value when = evaluate(*e.children[i], row, ctx);
            bool hit = e.hasSubject ? passes(equalsTernary(subject, when)) : passes(when);
            if (hit)
                return evaluate(*e.children[i + 1], row, ctx);
        }
        return e.hasElse ? evaluate(*e.children.back(), row, ctx) : Value();
    }
    case BK::Index: {
        Value c = evaluate(*e.children[0], row, ctx);
        Value idx = evaluate(*e.children[1], row, ctx);
        if (c.isNull() || idx.isNull())
            return Value();
        if (c.isList()) {
            if (!idx.isInt())
                typeError("A list index must be an INTEGER", e.pos);
            auto size = static_cast<std::int64_t>(c.asList().size());
            auto i = normaliseIndex(idx.asInt(), size);
            return i < 0 || i >= size ? Value() : c.asList()[static_cast<std::size_t>(i)];
        }
        if (c.isMap() || c.isNode() || c.isRel()) {
            if (!idx.isString())
                throw QueryError(ErrorCode::TypeError, "A map key must be a STRING", e.pos,
                                 "MapElementAccessByNonString");
            return property(c, idx.asString(), ctx, e.pos);
        }
        typeError(std::string("Cannot index a ") + c.typeName(), e.pos);
    }
    case BK::Slice: {
        Value c = evaluate(*e.children[0], row, ctx);
        std::size_t k = 1;
        Value from = e.hasFrom ? evaluate(*e.children[k++], row, ctx) : Value(0);
        Value to = e.hasTo ? evaluate(*e.children[k++], row, ctx) : Value();
        if (c.isNull() || from.isNull() || (e.hasTo && to.isNull()))
            return Value();
        if (!c.isList())
            typeError(std::string("Cannot slice a ") + c.typeName(), e.pos);
        if (!from.isInt() || (e.hasTo && !to.isInt()))
            typeError("Slice bounds must be INTEGERs", e.pos);
        auto size = static_cast<std::int64_t>(c.asList().size());
        auto f = std::clamp<std::int64_t>(normaliseIndex(from.asInt(), size), 0, size);
        auto t =
            e.hasTo ? std::clamp<std::int64_t>(normaliseIndex(to.asInt(), size), 0, size) : size;
        List out;
        for (auto i = f; i < t; ++i)
            out.push_back(c.asList()[static_cast<std::size_t>(i)]);
        return Value(std::move(out));
    }
    case BK::Function: {
        std::vector<Value> args;
        args.reserve(e.children.size());
        for (const auto& c : e.children)
            args.push_back(evaluate(*c, row, ctx));
        return callFunction(e, args, ctx);
    }
    case BK::ListComprehension: {
        Value list = evaluate(*e.children[0], row, ctx);
        if (list.isNull())
            return Value();
        if (!list.isList())
            typeError(std::string("Expected a LIST but got ") + list.typeName(), e.pos);
        List out;
        auto slot = static_cast<std::size_t>(e.slot);
        Value saved = row[slot];
        for (const auto& item : list.asList()) {
            row[slot] = item;
            std::size_t k = 1;
            if (e.hasWhere && !passes(evaluate(*e.children[k++], row, ctx)))
                continue;
            out.push_back(e.hasProjection ? evaluate(*e.children[k], row, ctx) : item);
        }
        row[slot] = saved;
        return Value(std::move(out));
    }
    case BK::Quantifier: {
        // Three-valued: a null predicate makes the answer unknown unless the known values
        // already decide it.
        Value list = evaluate(*e.children[0], row, ctx);
        if (list.isNull())
            return Value();
        if (!list.isList())
            typeError(std::string("Expected a LIST but got ") + list.typeName(), e.pos);
        auto slot = static_cast<std::size_t>(e.slot);
        Value saved = row[slot];
        std::size_t trues = 0, falses = 0, nulls = 0;
        for (const auto& item : list.asList()) {
            row[slot] = item;
            Value p = evaluate(*e.children[1], row, ctx);
            if (p.isNull())
                ++nulls;
            else if (!p.isBool())
                typeError(std::string("Expected a BOOLEAN but got ") + p.typeName(), e.pos);
            else if (p.asBool())
                ++trues;
            else
                ++falses;
        }
        row[slot] = saved;
        switch (e.op) {
        case BoundOp::All:
            return falses ? Value(false) : nulls ? Value() : Value(true);
        case BoundOp::Any:
            return trues ? Value(true) : nulls ? Value() : Value(false);
        case BoundOp::NoneOf:
            return trues ? Value(false) : nulls ? Value() : Value(true);
        default: // Single
            break;
        }
        if (trues > 1)
            return Value(false);
        if (nulls)
            return Value();
        return Value(trues == 1);
    }
    case BK::HasLabels: {
        Value n = evaluate(*e.children[0], row, ctx);
        if (n.isNull())
            return Value();
        if (!n.isNode())
            typeError(std::string("Labels belong to nodes, not ") + n.typeName(), e.pos);
        return Value(ctx.nodeHasLabels(n.asNode().id, e.keys));
    }
    case BK::PatternExists:
    case BK::PatternCount:
    case BK::PatternComprehension:
        return matchSubquery(e, row, ctx);
    case BK::MapProjection: {
        Value subject = evaluate(*e.children[0], row, ctx);
        if (subject.isNull())
            return Value();
        if (!subject.isNode() && !subject.isRel() && !subject.isMap())
            typeError(std::string("A map projection needs a NODE, RELATIONSHIP or MAP, not ") +
                          subject.typeName(),
                      e.pos);
        Map m;
        for (std::size_t i = 0; i < e.keys.size(); ++i) {
            if (e.allProperties[i]) {
                for (auto& [k, v] : allProperties(subject, ctx))
                    m[k] = std::move(v);
                continue;
            }
            m[e.keys[i]] = evaluate(*e.children[i + 1], row, ctx);
        }
        return Value(std::move(m));
    }
    case BK::BuildPath: {
        PathValue p;
        std::size_t relIndex = 0;
        for (std::size_t i = 0; i < e.children.size(); ++i) {
            Value v = evaluate(*e.children[i], row, ctx);
            if (v.isNull())
                return Value(); // an OPTIONAL MATCH that found nothing
            if (i % 2 == 0) {
                if (p.nodes.empty())
                    p.nodes.push_back(v.asNode());
                continue;
            }
            bool isList = e.relIsList[relIndex++];
            std::vector<RelRef> rels;
            if (isList) {
                for (const auto& r : v.asList())
                    rels.push_back(r.asRel());
            } else {
                rels.push_back(v.asRel());
            }
            for (const auto& r : rels) {
                graph::NodeId cur = p.nodes.back().id;
                p.relationships.push_back(r);
                p.nodes.push_back(NodeRef{r.start == cur ? r.end : r.start, nullptr});
            }
        }
        return Value(std::move(p));
    }
    }
    return Value();
}

} // namespace innograph::query
