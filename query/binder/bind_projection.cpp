// Binding of WITH and RETURN: items, implicit grouping, DISTINCT, ORDER BY, SKIP, LIMIT.

#include "binder/binder.h"

#include <algorithm>

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

// SKIP and LIMIT take literals and parameters only, so they can be evaluated before any row.
void requireConstant(const ParsedExpression& e, const char* clause) {
    using PK = ParsedExpression::Kind;
    if (e.kind == PK::Variable || e.kind == PK::Property)
        throw QueryError(ErrorCode::SemanticError,
                         std::string(clause) + " takes a literal or a parameter, not a variable",
                         e.pos);
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

    struct Item {
        BoundExpressionPtr expression;
        std::string name;
        VarType type = VarType::Any;
        std::string sourceText;
    };
    std::vector<Item> items;
    if (p.star) {
        std::vector<std::string> names;
        for (const auto& [name, v] : scope_)
            if (name.rfind("  ", 0) != 0)
                names.push_back(name);
        if (names.empty())
            throw QueryError(ErrorCode::SyntaxError,
                             "RETURN * and WITH * need at least one variable in scope", p.pos,
                             "NoVariablesInScope");
        for (const auto& name : names) {
            const auto& v = scope_.at(name);
            items.push_back({slotRef(v.slot, name), name, v.type, name});
        }
    }
    std::vector<bool> itemAggregates;
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
        if (item.expression->kind == ParsedExpression::Kind::Variable)
            type = scope_.at(item.expression->name).type;
        if (!isReturn && !item.hasAlias &&
            item.expression->kind != ParsedExpression::Kind::Variable)
            throw QueryError(ErrorCode::SyntaxError,
                             "Expression in WITH must be aliased (use AS): " + item.alias,
                             item.expression->pos, "NoExpressionAlias");
        items.push_back({bound, item.alias, type, item.expression->text});
        itemAggregates.push_back(aggregating);
    }
    std::set<std::string> seen;
    for (const auto& item : items)
        if (!seen.insert(item.name).second)
            throw QueryError(ErrorCode::SyntaxError,
                             "Multiple result columns with the same name `" + item.name + "`",
                             p.pos, "ColumnNameConflict");

    out.aggregating = !out.aggregates.empty();
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
        projected[items[i].name] = {out.itemSlots[i], items[i].type};
    {
        Scope orderScope = before;
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
                auto before = out.aggregates.size();
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
        out.where = bindExpression(*where);
    }
    scope_ = projected;
    return out;
}

} // namespace innograph::query
