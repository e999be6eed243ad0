// Binding of WITH and RETURN: items, implicit grouping, DISTINCT, ORDER BY, SKIP, LIMIT.

#include "binder/binder.h"
#include "binder/functions.h"

#include <algorithm>
#include <set>

namespace innograph::query {

namespace {
using BK = BoundExpression::Kind;

BoundExpressionPtr slotRef(int slot, const std::string& text) {
    auto e = std::make_shared<BoundExpression>();
    e->kind = BK::Slot;
    e->slot = slot;
    e->text = text;
    return e;
}

using PK = ParsedExpression::Kind;

bool isAggregateCall(const ParsedExpression& e) {
    if (e.kind == PK::CountStar)
        return true;
    if (e.kind != PK::Function)
        return false;
    const FunctionInfo* f = findFunction(e.name);
    return f && f->aggregate;
}

bool containsAggregate(const ParsedExpression& e) {
    if (isAggregateCall(e))
        return true;
    return std::any_of(e.children.begin(), e.children.end(),
                       [](const auto& c) { return containsAggregate(*c); });
}

// The grouping keys an aggregating item may use outside its aggregates: openCypher allows the
// keys that are variables or properties (RETURN n.x, n.x + count(*)), never a computed key
// (RETURN a + b, a + b + count(*)), nor a variable that is no key: both are ambiguous.
struct GroupingKeys {
    std::set<std::string> variables;   // keys that are a variable
    std::set<std::string> simpleTexts; // keys that are a variable or a property, as written
    std::set<std::string> otherTexts;  // computed keys, as written
};

void checkUnambiguous(const ParsedExpression& e, const GroupingKeys& keys,
                      std::set<std::string>& locals) {
    if (isAggregateCall(e))
        return;
    if (keys.simpleTexts.count(e.text))
        return;
    if (keys.otherTexts.count(e.text))
        throw QueryError(ErrorCode::SyntaxError,
                         "Aggregation mixed with the computed grouping key " + e.text +
                             ": project the key with a name (WITH ... AS k) and use that",
                         e.pos, "AmbiguousAggregationExpression");
    if (e.kind == PK::Variable) {
        if (!locals.count(e.name) && !keys.variables.count(e.name))
            throw QueryError(ErrorCode::SyntaxError,
                             "Aggregation mixed with `" + e.name +
                                 "`, which is not a grouping key: add it to the projection",
                             e.pos, "AmbiguousAggregationExpression");
        return;
    }
    const bool scoped = e.kind == PK::ListComprehension || e.kind == PK::Quantifier;
    bool added = scoped && locals.insert(e.name).second;
    for (const auto& c : e.children)
        checkUnambiguous(*c, keys, locals);
    if (added)
        locals.erase(e.name);
}

// ORDER BY after aggregation: a variable that was not projected is undefined there (reported
// first, as Neo4j does), otherwise the rules of checkUnambiguous hold.
template <typename Scope>
void checkUnambiguousOrUndefined(const ParsedExpression& e, const GroupingKeys& keys,
                                 std::set<std::string>& locals, const Scope& projected) {
    if (isAggregateCall(e) || keys.simpleTexts.count(e.text) || keys.otherTexts.count(e.text)) {
        checkUnambiguous(e, keys, locals);
        return;
    }
    if (e.kind == PK::Variable && !locals.count(e.name) && !projected.count(e.name))
        throw QueryError(ErrorCode::SyntaxError, "Variable `" + e.name + "` is not defined", e.pos,
                         "UndefinedVariable");
    const bool scoped = e.kind == PK::ListComprehension || e.kind == PK::Quantifier;
    bool added = scoped && locals.insert(e.name).second;
    for (const auto& c : e.children)
        checkUnambiguousOrUndefined(*c, keys, locals, projected);
    if (added)
        locals.erase(e.name);
}

// SKIP and LIMIT take literals and parameters only, so they can be evaluated before any row.
void requireConstant(const ParsedExpression& e, const char* clause) {
    using PK = ParsedExpression::Kind;
    if (e.kind == PK::Variable || e.kind == PK::Property)
        throw QueryError(ErrorCode::SyntaxError,
                         std::string(clause) + " takes a literal or a parameter, not a variable",
                         e.pos, "NonConstantExpression");
    for (const auto& c : e.children)
        requireConstant(*c, clause);
}
// A literal SKIP or LIMIT is checked now: it must be a non-negative integer.
void requireCount(const ParsedExpression& e, const char* clause) {
    if (e.kind != ParsedExpression::Kind::Literal)
        return;
    if (!e.value.isInt())
        throw QueryError(ErrorCode::SyntaxError,
                         std::string(clause) + " expects a non-negative INTEGER, not " +
                             e.value.typeName(),
                         e.pos, "InvalidArgumentType");
    if (e.value.asInt() < 0)
        throw QueryError(ErrorCode::SyntaxError,
                         std::string(clause) + " expects a non-negative INTEGER, not " + e.text,
                         e.pos, "NegativeIntegerArgument");
}
} // namespace

BoundProjection Binder::bindProjection(const ParsedProjection& p, const ParsedExpression* where,
                                       bool isReturn) {
    BoundProjection out;
    out.distinct = p.distinct;
    out.isReturn = isReturn;
    AggregateSink sink{&out.aggregates, false};
    // A pattern is a predicate to test, not a value to project (Neo4j 5).
    for (const auto& item : p.items)
        if (item.expression->kind == ParsedExpression::Kind::PatternPredicate)
            throw QueryError(ErrorCode::SyntaxError,
                             "A pattern cannot be projected: " + item.expression->text +
                                 " (use EXISTS { … }, COUNT { … } or a pattern comprehension)",
                             item.expression->pos, "UnexpectedSyntax");

    struct Item {
        BoundExpressionPtr expression;
        std::string name;
        VarType type = VarType::Any;
        std::string sourceText;
        Value::Kind valueKind = Value::Kind::Null;
    };
    std::vector<Item> items;
    if (p.star) {
        std::vector<std::string> names;
        for (const auto& [name, v] : scope_)
            if (name.rfind("  ", 0) != 0)
                names.push_back(name);
        if (names.empty() && isReturn) // WITH * over nothing passes nothing on
            throw QueryError(ErrorCode::SyntaxError,
                             "RETURN * and WITH * need at least one variable in scope", p.pos,
                             "NoVariablesInScope");
        for (const auto& name : names) {
            const auto& v = scope_.at(name);
            items.push_back({slotRef(v.slot, name), name, v.type, name, v.valueKind});
        }
    }
    std::vector<bool> itemAggregates;
    const std::size_t starItems = items.size();
    for (std::size_t i = 0; i < items.size(); ++i)
        itemAggregates.push_back(false);
    for (const auto& item : p.items) {
        auto before = out.aggregates.size();
        auto bound = bindExpression(*item.expression, &sink);
        bool aggregating =
            out.aggregates.size() != before ||
            std::any_of(out.aggregates.begin(), out.aggregates.end(), [&](const BoundAggregate& a) {
                return bound->slotsUsed().count(a.slot) > 0;
            });
        VarType type = VarType::Any;
        Value::Kind valueKind = Value::Kind::Null;
        using PK = ParsedExpression::Kind;
        switch (item.expression->kind) {
        case PK::Variable:
            type = scope_.at(item.expression->name).type;
            valueKind = scope_.at(item.expression->name).valueKind;
            break;
        case PK::Literal:
            type = item.expression->value.isNull() ? VarType::Any : VarType::Value;
            valueKind = item.expression->value.kind();
            break;
        case PK::List:
        case PK::Map:
        case PK::ListComprehension:
        case PK::Comparison:
        case PK::StringMatch:
        case PK::In:
        case PK::IsNull:
        case PK::Quantifier:
        case PK::HasLabels:
            type = VarType::Value;
            break;
        case PK::Function:
            // date(...), duration.between(...): surely a temporal value, never an entity.
            if (auto k = staticKind(*item.expression); k == Value::Kind::Temporal) {
                type = VarType::Value;
                valueKind = *k;
            }
            break;
        default:
            break;
        }
        if (!isReturn && !item.hasAlias &&
            item.expression->kind != ParsedExpression::Kind::Variable)
            throw QueryError(ErrorCode::SyntaxError,
                             "Expression in WITH must be aliased (use AS): " + item.alias,
                             item.expression->pos, "NoExpressionAlias");
        if (type == VarType::Value && valueKind == Value::Kind::Null)
            if (auto k = staticKind(*item.expression))
                valueKind = *k;
        items.push_back({bound, item.alias, type, item.expression->text, valueKind});
        itemAggregates.push_back(aggregating);
    }
    std::set<std::string> seen;
    for (const auto& item : items)
        if (!seen.insert(item.name).second)
            throw QueryError(ErrorCode::SyntaxError,
                             "Multiple result columns with the same name `" + item.name + "`",
                             p.pos, "ColumnNameConflict");

    out.aggregating = !out.aggregates.empty();
    GroupingKeys keys;
    if (out.aggregating) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (itemAggregates[i])
                continue;
            const ParsedExpression* source =
                i >= starItems ? p.items[i - starItems].expression.get() : nullptr;
            if (!source || source->kind == PK::Variable) {
                keys.variables.insert(source ? source->name : items[i].name);
                keys.simpleTexts.insert(items[i].sourceText);
            } else if (source->kind == PK::Property) {
                keys.simpleTexts.insert(items[i].sourceText);
            } else {
                keys.otherTexts.insert(items[i].sourceText);
            }
        }
        for (const auto& item : p.items)
            if (containsAggregate(*item.expression)) {
                std::set<std::string> locals;
                checkUnambiguous(*item.expression, keys, locals);
            }
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        out.items.push_back(items[i].expression);
        out.itemSlots.push_back(newSlot(items[i].name));
        out.names.push_back(items[i].name);
        if (!itemAggregates[i])
            out.groupingItems.push_back(static_cast<int>(i));
    }

    // ORDER BY sees the projected names first, then (unless they are gone) the earlier ones.
    Scope before = scope_;
    Scope projected;
    for (std::size_t i = 0; i < items.size(); ++i)
        projected[items[i].name] = {out.itemSlots[i], items[i].type, items[i].valueKind};
    {
        // After aggregation or DISTINCT only the projected names remain.
        Scope orderScope = out.aggregating || out.distinct ? Scope() : before;
        std::map<std::string, int, std::less<>> projectedTexts;
        for (std::size_t i = 0; i < items.size(); ++i)
            projectedTexts.emplace(items[i].sourceText, out.itemSlots[i]);
        for (const auto& [k, v] : projected)
            orderScope[k] = v;
        scope_ = orderScope;
        for (const auto& s : p.orderBy) {
            BoundSortItem si;
            si.descending = s.descending;
            // An ORDER BY expression written like a projected one refers to that column.
            auto match = std::find_if(items.begin(), items.end(), [&](const Item& it) {
                return it.sourceText == s.expression->text;
            });
            if (match != items.end()) {
                auto idx = static_cast<std::size_t>(match - items.begin());
                si.expression = slotRef(out.itemSlots[idx], items[idx].name);
            } else {
                if (out.aggregating && containsAggregate(*s.expression)) {
                    std::set<std::string> locals;
                    GroupingKeys orderKeys = keys;
                    for (const auto& [k, v] : projected)
                        orderKeys.variables.insert(k);
                    checkUnambiguousOrUndefined(*s.expression, orderKeys, locals, projected);
                }
                auto before = out.aggregates.size();
                projectedTexts_ = out.aggregating || out.distinct ? &projectedTexts : nullptr;
                struct Reset {
                    const std::map<std::string, int, std::less<>>*& texts;
                    ~Reset() { texts = nullptr; }
                } reset{projectedTexts_};
                si.expression = bindExpression(*s.expression, &sink);
                if (out.aggregates.size() != before && !out.aggregating)
                    throw QueryError(ErrorCode::SyntaxError,
                                     "ORDER BY can aggregate only when the projection does",
                                     s.expression->pos, "InvalidAggregation");
            }
            out.orderBy.push_back(std::move(si));
        }
    }
    scope_ = Scope();
    if (p.skip) {
        requireConstant(*p.skip, "SKIP");
        requireCount(*p.skip, "SKIP");
        out.skip = bindExpression(*p.skip);
    }
    if (p.limit) {
        requireConstant(*p.limit, "LIMIT");
        requireCount(*p.limit, "LIMIT");
        out.limit = bindExpression(*p.limit);
    }
    // WITH's WHERE also sees the variables from before the WITH unless the projection
    // aggregates or removes duplicates (their rows are gone then).
    if (out.aggregating || out.distinct) {
        scope_ = projected;
    } else {
        scope_ = before;
        for (const auto& [k, v] : projected)
            scope_[k] = v;
    }
    if (where) {
        checkPredicateType(*where);
        out.where = bindExpression(*where);
    }
    scope_ = projected;
    return out;
}

} // namespace innograph::query
