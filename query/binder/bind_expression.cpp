// Binding of expressions: variables to slots, functions to ids, aggregates to slots.

#include "binder/binder.h"

#include "binder/functions.h"
#include "common/spelling.h"

#include <limits>

namespace innograph::query {

namespace {
using PK = ParsedExpression::Kind;
using BK = BoundExpression::Kind;

// AND, OR, XOR and NOT take booleans: an operand whose type is plain from the text (a number,
// string, list or map literal) is refused before anything runs, as openCypher requires.
void requireBooleanOperands(const BoundExpression& b) {
    for (const auto& c : b.children) {
        std::string type;
        if (c->kind == BK::Literal && !c->value.isNull() && !c->value.isBool())
            type = c->value.typeName();
        else if (c->kind == BK::List)
            type = "LIST";
        else if (c->kind == BK::Map)
            type = "MAP";
        if (!type.empty())
            throw QueryError(ErrorCode::SyntaxError,
                             "Type mismatch: expected BOOLEAN but was " + type + " in " + b.text,
                             c->pos, "InvalidArgumentType");
    }
}

// The parser spells operators; the evaluator switches on BoundOp.
BoundOp resolveOp(BK kind, const ParsedExpression& e) {
    if (e.op.empty() || (kind != BK::Unary && kind != BK::Binary && kind != BK::Comparison &&
                         kind != BK::StringMatch && kind != BK::Quantifier))
        return BoundOp::None;
    if (kind == BK::Unary && e.op == "-")
        return BoundOp::Negate;
    if (auto op = boundOpFromText(e.op))
        return *op;
    throw QueryError(ErrorCode::SyntaxError, "Unknown operator '" + e.op + "' in " + e.text, e.pos,
                     "UnexpectedSyntax");
}

std::shared_ptr<BoundExpression> makeBound(BK kind, const ParsedExpression& e) {
    auto b = std::make_shared<BoundExpression>();
    b->kind = kind;
    b->pos = e.pos;
    b->text = e.text;
    b->op = resolveOp(kind, e);
    b->name = e.name;
    b->keys = e.keys;
    b->negated = e.negated;
    b->hasSubject = e.hasSubject;
    b->hasElse = e.hasElse;
    b->hasFrom = e.hasFrom;
    b->hasTo = e.hasTo;
    b->hasWhere = e.hasWhere;
    b->hasProjection = e.hasProjection;
    return b;
}
} // namespace

std::optional<Value::Kind> Binder::staticKind(const ParsedExpression& e) const {
    switch (e.kind) {
    case PK::Literal:
        if (e.value.isNull())
            return std::nullopt;
        return e.value.kind();
    case PK::List:
    case PK::ListComprehension:
    case PK::PatternComprehension:
        return Value::Kind::List;
    case PK::PatternPredicate:
    case PK::ExistsSubquery:
        return Value::Kind::Bool;
    case PK::CountSubquery:
        return Value::Kind::Int;
    case PK::Map:
    case PK::MapProjection:
        return Value::Kind::Map;
    case PK::Function: {
        const FunctionInfo* f = findFunction(e.name);
        if (!f)
            return std::nullopt;
        switch (f->id) {
        case FunctionId::Date:
        case FunctionId::LocalTime:
        case FunctionId::Time:
        case FunctionId::LocalDateTime:
        case FunctionId::DateTime:
        case FunctionId::Duration:
        case FunctionId::TruncateDate:
        case FunctionId::TruncateLocalTime:
        case FunctionId::TruncateTime:
        case FunctionId::TruncateLocalDateTime:
        case FunctionId::TruncateDateTime:
        case FunctionId::DurationBetween:
        case FunctionId::DurationInMonths:
        case FunctionId::DurationInDays:
        case FunctionId::DurationInSeconds:
        case FunctionId::DateTimeFromEpoch:
        case FunctionId::DateTimeFromEpochMillis:
            return Value::Kind::Temporal;
        default:
            return std::nullopt;
        }
    }
    case PK::Variable: {
        auto it = scope_.find(e.name);
        if (it == scope_.end())
            return std::nullopt;
        switch (it->second.type) {
        case VarType::Node:
            return Value::Kind::Node;
        case VarType::Rel:
            return Value::Kind::Rel;
        case VarType::Path:
            return Value::Kind::Path;
        case VarType::Value:
            if (it->second.valueKind != Value::Kind::Null)
                return it->second.valueKind;
            return std::nullopt;
        default:
            return std::nullopt;
        }
    }
    default:
        return std::nullopt;
    }
}

namespace {
// Arithmetic other than + straight on `name` in `e`, as "%", or nullptr.
const ParsedExpression* arithmeticOn(const ParsedExpression& e, const std::string& name) {
    if (e.kind == PK::Binary &&
        (e.op == "%" || e.op == "*" || e.op == "/" || e.op == "-" || e.op == "^"))
        for (const auto& c : e.children)
            if (c->kind == PK::Variable && c->name == name)
                return &e;
    // A nested comprehension or quantifier may rebind the name.
    if ((e.kind == PK::ListComprehension || e.kind == PK::Quantifier) && e.name == name)
        return nullptr;
    for (const auto& c : e.children)
        if (const auto* hit = arithmeticOn(*c, name))
            return hit;
    return nullptr;
}
} // namespace

void Binder::checkQuantifiedArithmetic(const ParsedExpression& e) const {
    // all(x IN ['a', 'b'] WHERE x % 2 = 0): the elements are literals of one kind that
    // arithmetic cannot take, known before running (openCypher: InvalidArgumentType).
    const auto& list = *e.children[0];
    if (list.kind != PK::List || list.children.empty())
        return;
    const auto first =
        list.children[0]->kind == PK::Literal ? list.children[0]->value.kind() : Value::Kind::Null;
    if (first != Value::Kind::String && first != Value::Kind::Bool)
        return;
    for (const auto& c : list.children)
        if (c->kind != PK::Literal || c->value.kind() != first)
            return;
    if (const auto* op = arithmeticOn(*e.children[1], e.name))
        throw QueryError(ErrorCode::SyntaxError,
                         "Cannot apply " + op->op + " to " +
                             (first == Value::Kind::String ? "STRING" : "BOOLEAN") + " (`" +
                             e.name + "` takes the elements of " + list.text + ")",
                         op->pos, "InvalidArgumentType");
}

void Binder::checkStaticTypes(const ParsedExpression& e) const {
    auto kindName = [](Value::Kind k) {
        switch (k) {
        case Value::Kind::Bool:
            return "BOOLEAN";
        case Value::Kind::Int:
            return "INTEGER";
        case Value::Kind::Double:
            return "FLOAT";
        case Value::Kind::String:
            return "STRING";
        case Value::Kind::List:
            return "LIST";
        case Value::Kind::Map:
            return "MAP";
        case Value::Kind::Node:
            return "NODE";
        case Value::Kind::Rel:
            return "RELATIONSHIP";
        case Value::Kind::Path:
            return "PATH";
        default:
            return "VALUE";
        }
    };
    auto isScalarOrList = [](Value::Kind k) {
        return k == Value::Kind::Bool || k == Value::Kind::Int || k == Value::Kind::Double ||
               k == Value::Kind::String || k == Value::Kind::List;
    };
    if (e.kind == PK::Property && !e.children.empty()) {
        auto k = staticKind(*e.children[0]);
        if (k && isScalarOrList(*k))
            throw QueryError(ErrorCode::TypeError,
                             "Cannot read property '" + e.name + "' of a " + kindName(*k), e.pos,
                             "InvalidArgumentType");
    }
    if (e.kind == PK::In && e.children.size() == 2) {
        auto k = staticKind(*e.children[1]);
        if (k && *k != Value::Kind::List)
            throw QueryError(ErrorCode::SyntaxError,
                             std::string("IN expects a LIST, not ") + kindName(*k), e.pos,
                             "InvalidArgumentType");
    }
    if (e.kind == PK::Function && e.children.size() == 1) {
        auto k = staticKind(*e.children[0]);
        if (!k)
            return;
        const FunctionInfo* f = findFunction(e.name);
        if (!f)
            return;
        bool bad = false;
        switch (f->id) {
        case FunctionId::Labels:
            bad = *k != Value::Kind::Node && *k != Value::Kind::Map;
            bad = bad && *k != Value::Kind::List; // a list's element is only known at run time
            break;
        case FunctionId::Type:
            bad = *k != Value::Kind::Rel;
            break;
        case FunctionId::Length:
            bad = *k == Value::Kind::Node || *k == Value::Kind::Rel;
            break;
        case FunctionId::Size:
            bad = *k == Value::Kind::Node || *k == Value::Kind::Rel || *k == Value::Kind::Path;
            break;
        case FunctionId::Properties:
            bad = isScalarOrList(*k) || *k == Value::Kind::Path;
            break;
        default:
            break;
        }
        if (bad)
            throw QueryError(ErrorCode::SyntaxError,
                             std::string(f->name) + "() cannot take a " + kindName(*k), e.pos,
                             "InvalidArgumentType");
    }
}

void Binder::checkPredicateType(const ParsedExpression& e) const {
    auto k = staticKind(e);
    if (k && (*k == Value::Kind::Node || *k == Value::Kind::Rel || *k == Value::Kind::Path))
        throw QueryError(ErrorCode::SyntaxError,
                         "Type mismatch: WHERE expects a BOOLEAN, not " + e.text, e.pos,
                         "InvalidArgumentType");
}

BoundExpressionPtr Binder::bindExpression(const ParsedExpression& e, AggregateSink* sink) {
    checkStaticTypes(e);
    std::shared_ptr<BoundExpression> b;
    if (projectedTexts_ && e.kind != PK::Literal && e.kind != PK::Variable) {
        if (auto it = projectedTexts_->find(e.text); it != projectedTexts_->end()) {
            b = makeBound(BK::Slot, e);
            b->slot = it->second;
            return b;
        }
    }
    auto bindChildren = [&](BK kind) {
        b = makeBound(kind, e);
        for (const auto& c : e.children)
            b->children.push_back(bindExpression(*c, sink));
    };
    switch (e.kind) {
    case PK::Literal:
        // The parser reads 2^63 as the minimum so that its negation fits; unnegated, it does not.
        if (e.value.isInt() && e.value.asInt() == std::numeric_limits<std::int64_t>::min() &&
            (e.text.empty() || e.text[0] != '-'))
            throw QueryError(ErrorCode::SyntaxError, "Integer too large: " + e.text, e.pos,
                             "IntegerOverflow");
        b = makeBound(BK::Literal, e);
        b->value = e.value;
        return b;
    case PK::Parameter:
        b = makeBound(BK::Parameter, e);
        statement_->parameters.insert(e.name);
        return b;
    case PK::Variable: {
        const auto& v = lookup(e.name, e.pos);
        b = makeBound(BK::Slot, e);
        b->slot = v.slot;
        return b;
    }
    case PK::Property: {
        // Only a node's or relationship's key can be missing from the store: a component of a
        // temporal value (d.year), a map's key or a property of a property (d.date.year) is not
        // a property key.
        const auto& owner = *e.children[0];
        auto kind = staticKind(owner);
        bool entity = owner.kind != PK::Property &&
                      (!kind || *kind == Value::Kind::Node || *kind == Value::Kind::Rel);
        if (entity)
            checkPropertyKey(e.name, e.pos);
        bindChildren(BK::Property);
        return b;
    }
    case PK::List:
        bindChildren(BK::List);
        return b;
    case PK::Map:
        bindChildren(BK::Map);
        return b;
    case PK::Unary:
        bindChildren(BK::Unary);
        if (b->op == BoundOp::Not)
            requireBooleanOperands(*b);
        return b;
    case PK::Binary:
        bindChildren(BK::Binary);
        if (b->op == BoundOp::And || b->op == BoundOp::Or || b->op == BoundOp::Xor)
            requireBooleanOperands(*b);
        return b;
    case PK::Comparison:
        bindChildren(BK::Comparison);
        return b;
    case PK::StringMatch:
        bindChildren(BK::StringMatch);
        return b;
    case PK::In:
        bindChildren(BK::In);
        return b;
    case PK::IsNull:
        bindChildren(BK::IsNull);
        return b;
    case PK::Case:
        bindChildren(BK::Case);
        return b;
    case PK::Index:
        bindChildren(BK::Index);
        return b;
    case PK::Slice:
        bindChildren(BK::Slice);
        return b;
    case PK::HasLabels:
        bindChildren(BK::HasLabels);
        return b;
    case PK::Function:
    case PK::CountStar:
        return bindFunction(e, sink);
    case PK::ListComprehension:
    case PK::Quantifier: {
        b = makeBound(e.kind == PK::Quantifier ? BK::Quantifier : BK::ListComprehension, e);
        b->children.push_back(bindExpression(*e.children[0], sink));
        // The comprehension's variable lives only inside it; shadow, then restore.
        auto saved = scope_;
        b->slot = newSlot(e.name);
        declare(e.name, b->slot, VarType::Any);
        if (e.kind == PK::Quantifier && e.children.size() > 1)
            checkQuantifiedArithmetic(e);
        // Aggregating per element has no meaning: count(*) here is an InvalidAggregation.
        for (std::size_t i = 1; i < e.children.size(); ++i)
            b->children.push_back(bindExpression(*e.children[i], nullptr));
        scope_ = std::move(saved);
        return b;
    }
    case PK::PatternPredicate:
    case PK::ExistsSubquery:
    case PK::CountSubquery:
    case PK::PatternComprehension:
        return bindSubquery(e, sink);
    case PK::MapProjection: {
        const auto& subject = *e.children[0];
        const auto& v = lookup(subject.name, subject.pos);
        if (v.type == VarType::Path || v.type == VarType::RelList)
            throw QueryError(ErrorCode::SyntaxError,
                             "A map projection needs a node, relationship or map, not `" +
                                 subject.name + "`",
                             subject.pos, "InvalidArgumentType");
        bindChildren(BK::MapProjection);
        b->allProperties = e.allProperties;
        return b;
    }
    case PK::ShortestPath:
        throw QueryError(ErrorCode::SemanticError,
                         "shortestPath is supported in MATCH: MATCH p = shortestPath((a)-[*]-(b))",
                         e.pos);
    }
    throw QueryError(ErrorCode::SemanticError, "Unsupported expression", e.pos);
}

BoundExpressionPtr Binder::bindFunction(const ParsedExpression& e, AggregateSink* sink) {
    const FunctionInfo* info = nullptr;
    if (e.kind == PK::CountStar) {
        info = findFunction("count");
    } else {
        info = findFunction(e.name);
        if (!info)
            throw QueryError(
                ErrorCode::SyntaxError,
                "Unknown function '" + e.name + "'." +
                    [&] {
                        auto g = closestMatch(e.name, functionNames());
                        return g.empty() ? std::string() : " Did you mean " + g + "?";
                    }(),
                e.pos, "UnknownFunction");
        auto n = static_cast<int>(e.children.size());
        if (n < info->minArgs || n > info->maxArgs)
            throw QueryError(
                ErrorCode::SyntaxError,
                std::string("Function ") + info->name + " takes " +
                    (info->minArgs == info->maxArgs
                         ? std::to_string(info->minArgs)
                         : std::to_string(info->minArgs) + " to " + std::to_string(info->maxArgs)) +
                    " argument(s), not " + std::to_string(n),
                e.pos, "InvalidNumberOfArguments");
        if (e.distinct && !info->aggregate)
            throw QueryError(ErrorCode::SyntaxError,
                             std::string("DISTINCT is only allowed in aggregate functions, not ") +
                                 info->name,
                             e.pos, "InvalidAggregation");
    }
    // A pattern is a predicate, not a value (Neo4j 5): exists((a)-->()) is the pattern itself,
    // and no other function takes one.
    for (const auto& c : e.children) {
        if (c->kind != PK::PatternPredicate)
            continue;
        if (info->id == FunctionId::Exists)
            return bindExpression(*c, sink);
        throw QueryError(ErrorCode::SyntaxError,
                         std::string("A pattern expression is a predicate: ") + info->name +
                             "() cannot take " + c->text +
                             " (use COUNT { … } or a pattern comprehension)",
                         c->pos, "UnexpectedSyntax");
    }
    if (!info->aggregate) {
        auto b = makeBound(BK::Function, e);
        b->function = info->id;
        for (const auto& c : e.children)
            b->children.push_back(bindExpression(*c, sink));
        return b;
    }
    if (!sink || !sink->aggregates)
        throw QueryError(ErrorCode::SyntaxError,
                         std::string("Aggregation (") + info->name +
                             ") is only allowed in WITH, RETURN and ORDER BY",
                         e.pos, "InvalidAggregation");
    if (sink->inside)
        throw QueryError(ErrorCode::SyntaxError, "Aggregate functions cannot be nested", e.pos,
                         "NestedAggregation");
    // The same aggregate written twice (RETURN count(*) ORDER BY count(*)) is computed once.
    for (const auto& a : *sink->aggregates) {
        if (a.text == e.text) {
            auto ref = makeBound(BK::Slot, e);
            ref->slot = a.slot;
            return ref;
        }
    }
    BoundAggregate agg;
    agg.function = info->id;
    agg.distinct = e.distinct;
    agg.text = e.text;
    if (e.kind != PK::CountStar) {
        sink->inside = true;
        agg.argument = bindExpression(*e.children[0], sink);
        if (e.children.size() > 1)
            agg.percentile = bindExpression(*e.children[1], sink);
        sink->inside = false;
    }
    agg.slot = newSlot(e.text);
    auto ref = makeBound(BK::Slot, e);
    ref->slot = agg.slot;
    sink->aggregates->push_back(std::move(agg));
    return ref;
}

BoundExpressionPtr Binder::bindSubquery(const ParsedExpression& e, AggregateSink* sink) {
    BK kind = e.kind == PK::CountSubquery          ? BK::PatternCount
              : e.kind == PK::PatternComprehension ? BK::PatternComprehension
                                                   : BK::PatternExists;
    auto b = makeBound(kind, e);
    auto q = std::make_shared<BoundSubquery>();
    auto saved = scope_;
    std::map<std::string, int> nodeIndex;
    for (const auto& part : *e.subpattern) {
        if (part.kind != PathKind::Plain)
            throw QueryError(ErrorCode::SyntaxError,
                             "shortestPath is not allowed inside an expression's pattern", part.pos,
                             "UnexpectedSyntax");
        // A pattern predicate only tests the variables it names: it may not introduce any.
        if (e.kind == PK::PatternPredicate) {
            auto check = [&](const std::string& name, SourcePos at) {
                if (!name.empty() && !scope_.count(name))
                    throw QueryError(ErrorCode::SyntaxError,
                                     "Variable `" + name +
                                         "` not defined: a pattern predicate cannot introduce "
                                         "new variables (use EXISTS { … } for that)",
                                     at, "UndefinedVariable");
            };
            for (const auto& n : part.nodes)
                check(n.variable, n.pos);
            for (const auto& r : part.rels)
                check(r.variable, r.pos);
        }
        bindPatternPart(part, PatternUse::Match, q->pattern, nodeIndex, q->localSlots);
    }
    std::size_t k = 0;
    if (e.hasWhere) {
        auto where = bindExpression(*e.children[k++], nullptr);
        q->predicates = splitConjuncts(where);
    }
    if (e.hasProjection)
        q->projection = bindExpression(*e.children[k++], nullptr);
    (void)sink;
    scope_ = std::move(saved);
    b->subquery = std::move(q);
    return b;
}

} // namespace innograph::query
