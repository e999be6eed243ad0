#include "binder/binder.h"

#include "common/spelling.h"

#include <algorithm>

namespace innograph::query {

namespace {
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates) {
    auto guess = closestMatch(word, candidates);
    return guess.empty() || guess == word ? std::string() : " Did you mean " + guess + "?";
}
} // namespace

Binder::Binder(const SchemaInfo& schema, BinderOptions options)
    : schema_(schema), options_(options) {}

BoundStatement Binder::bind(const ParsedStatement& statement) {
    BoundStatement out;
    statement_ = &out;
    out.mode = statement.mode;
    out.unionAll = statement.unionAll;
    checkUnionKinds(statement.unionAll);
    for (const auto& part : statement.parts) {
        scope_.clear();
        out.parts.push_back(bindSingleQuery(part));
    }
    for (std::size_t i = 1; i < out.parts.size(); ++i) {
        if (out.parts[i].columns != out.parts[0].columns)
            throw QueryError(ErrorCode::SyntaxError,
                             "All sub queries in a UNION must have the same return column names",
                             {}, "DifferentColumnsInUnion");
    }
    statement_ = nullptr;
    return out;
}

void Binder::checkUnionKinds(const std::vector<bool>& unionAll) {
    for (std::size_t i = 1; i < unionAll.size(); ++i)
        if (unionAll[i] != unionAll[0])
            throw QueryError(ErrorCode::SyntaxError,
                             "Invalid combination of UNION and UNION ALL: use one of them", {},
                             "InvalidClauseComposition");
}

int Binder::newSlot(const std::string& name) {
    statement_->slotNames.push_back(name);
    return statement_->slotCount++;
}

void Binder::declare(const std::string& name, int slot, VarType type) {
    scope_[name] = {slot, type};
}

const Binder::Variable& Binder::lookup(const std::string& name, SourcePos pos) const {
    auto it = scope_.find(name);
    if (it != scope_.end())
        return it->second;
    std::vector<std::string> names;
    for (const auto& [n, v] : scope_)
        if (n.rfind("  ", 0) != 0)
            names.push_back(n);
    throw QueryError(ErrorCode::SyntaxError,
                     "Variable `" + name + "` is not defined." + didYouMean(name, names), pos,
                     "UndefinedVariable");
}

// Unknown names are not errors (Cypher reads them as "matches nothing" / null) but deserve a
// warning, with the closest known name when there is one.
void Binder::notifyUnknown(const char* code, const char* title, const std::string& what,
                           const std::string& name, const std::vector<std::string>& known,
                           SourcePos pos) const {
    for (const auto& n : statement_->notifications)
        if (n.pos.line == pos.line && n.pos.column == pos.column)
            return;
    Notification n;
    n.code = std::string("Neo.ClientNotification.Statement.") + code;
    n.title = title;
    n.description = "One of the " + what +
                    " in your query is not available in the database, make sure you didn't "
                    "misspell it or that it is available when you run this statement in your "
                    "application (the missing name is: " +
                    name + ")." + didYouMean(name, known);
    n.pos = pos;
    statement_->notifications.push_back(std::move(n));
}

void Binder::checkLabel(const std::string& label, SourcePos pos) const {
    if (std::find(schema_.labels.begin(), schema_.labels.end(), label) != schema_.labels.end())
        return;
    notifyUnknown("UnknownLabelWarning", "The provided label is not in the database.", "labels",
                  label, schema_.labels, pos);
}

void Binder::checkType(const std::string& type, SourcePos pos) const {
    if (std::find(schema_.types.begin(), schema_.types.end(), type) != schema_.types.end())
        return;
    notifyUnknown("UnknownRelationshipTypeWarning",
                  "The provided relationship type is not in the database.", "relationship types",
                  type, schema_.types, pos);
}

void Binder::checkPropertyKey(const std::string& key, SourcePos pos) const {
    const auto& keys = schema_.propertyKeys;
    if (std::find(keys.begin(), keys.end(), key) != keys.end())
        return;
    notifyUnknown("UnknownPropertyKeyWarning", "The provided property key is not in the database",
                  "property keys", key, keys, pos);
}

void Binder::rememberKey(const std::string& key) {
    if (std::find(schema_.propertyKeys.begin(), schema_.propertyKeys.end(), key) ==
        schema_.propertyKeys.end())
        schema_.propertyKeys.push_back(key);
}
void Binder::rememberLabel(const std::string& label) {
    if (std::find(schema_.labels.begin(), schema_.labels.end(), label) == schema_.labels.end())
        schema_.labels.push_back(label);
}
void Binder::rememberType(const std::string& type) {
    if (std::find(schema_.types.begin(), schema_.types.end(), type) == schema_.types.end())
        schema_.types.push_back(type);
}

BoundSingleQuery Binder::bindSingleQuery(const ParsedSingleQuery& query, std::size_t first) {
    BoundSingleQuery out;
    const auto n = query.clauses.size();
    for (std::size_t i = first; i < n; ++i) {
        const auto& clause = query.clauses[i];
        bool last = i + 1 == n;
        if (auto* m = std::get_if<ParsedMatch>(&clause)) {
            if (last)
                throw QueryError(ErrorCode::SemanticError,
                                 "A query cannot end with MATCH: add RETURN (or an update clause)",
                                 m->pos);
            out.clauses.emplace_back(bindMatch(*m));
        } else if (auto* u = std::get_if<ParsedUnwind>(&clause)) {
            if (last)
                throw QueryError(ErrorCode::SemanticError,
                                 "A query cannot end with UNWIND: add RETURN", u->pos);
            out.clauses.emplace_back(bindUnwind(*u));
        } else if (auto* w = std::get_if<ParsedWith>(&clause)) {
            if (last)
                throw QueryError(ErrorCode::SemanticError,
                                 "A query cannot end with WITH: add RETURN", w->projection.pos);
            out.clauses.emplace_back(bindProjection(w->projection, w->where.get(), false));
        } else if (auto* r = std::get_if<ParsedReturn>(&clause)) {
            if (!last)
                throw QueryError(ErrorCode::SemanticError,
                                 "RETURN can only be the last clause of a query",
                                 r->projection.pos);
            auto p = bindProjection(r->projection, nullptr, true);
            out.columns = p.names;
            out.columnSlots = p.itemSlots;
            out.clauses.emplace_back(std::move(p));
        } else if (auto* c = std::get_if<ParsedCreate>(&clause)) {
            statement_->writes = true;
            out.clauses.emplace_back(bindCreate(*c));
        } else if (auto* me = std::get_if<ParsedMerge>(&clause)) {
            statement_->writes = true;
            out.clauses.emplace_back(bindMerge(*me));
        } else if (auto* s = std::get_if<ParsedSet>(&clause)) {
            statement_->writes = true;
            BoundSet set;
            for (const auto& item : s->items)
                set.items.push_back(bindSetItem(item));
            out.clauses.emplace_back(std::move(set));
        } else if (auto* rm = std::get_if<ParsedRemove>(&clause)) {
            statement_->writes = true;
            out.clauses.emplace_back(bindRemove(*rm));
        } else if (auto* d = std::get_if<ParsedDelete>(&clause)) {
            statement_->writes = true;
            out.clauses.emplace_back(bindDelete(*d));
        } else if (auto* call = std::get_if<ParsedCall>(&clause)) {
            auto bound = bindCall(*call);
            if (last && !bound.unit)
                throw QueryError(ErrorCode::SemanticError,
                                 "Query cannot conclude with CALL (must be a RETURN clause, an "
                                 "update clause or a unit subquery call)",
                                 call->pos);
            out.clauses.emplace_back(std::move(bound));
        }
    }
    return out;
}

BoundMatch Binder::bindMatch(const ParsedMatch& match) {
    BoundMatch out;
    out.optional = match.optional;
    std::map<std::string, int> nodeIndex;
    for (const auto& part : match.pattern)
        bindPatternPart(part, PatternUse::Match, out.pattern, nodeIndex, out.introducedSlots);
    // Relationship variables must be unique within one MATCH.
    std::set<std::string> relNames;
    for (const auto& r : out.pattern.rels) {
        if (r.variable.rfind("  ", 0) == 0 || r.bound)
            continue;
        if (!relNames.insert(r.variable).second)
            throw QueryError(ErrorCode::SyntaxError,
                             "Relationship variable `" + r.variable +
                                 "` is used twice in one pattern",
                             r.pos, "VariableAlreadyBound");
    }
    // Inline property maps are predicates like any other: the planner decides where they run.
    if (match.where) {
        checkPredicateType(*match.where);
        auto where = bindExpression(*match.where);
        out.predicates = splitConjuncts(where);
    }
    return out;
}

BoundUnwind Binder::bindUnwind(const ParsedUnwind& unwind) {
    BoundUnwind out;
    out.list = bindExpression(*unwind.list);
    out.slot = newSlot(unwind.variable);
    declare(unwind.variable, out.slot, VarType::Any);
    return out;
}

BoundSetItem Binder::bindSetItem(const ParsedSetItem& item) {
    BoundSetItem out;
    out.kind = item.kind;
    switch (item.kind) {
    case ParsedSetItem::Kind::Property:
        out.target = bindExpression(*item.target);
        out.key = item.key;
        out.value = bindExpression(*item.value);
        rememberKey(item.key);
        break;
    case ParsedSetItem::Kind::Labels: {
        const auto& v = lookup(item.variable, item.pos);
        auto e = std::make_shared<BoundExpression>();
        e->kind = BoundExpression::Kind::Slot;
        e->slot = v.slot;
        e->text = item.variable;
        out.target = e;
        out.labels = item.labels;
        for (const auto& l : item.labels)
            rememberLabel(l);
        break;
    }
    default: {
        const auto& v = lookup(item.variable, item.pos);
        auto e = std::make_shared<BoundExpression>();
        e->kind = BoundExpression::Kind::Slot;
        e->slot = v.slot;
        e->text = item.variable;
        out.target = e;
        out.value = bindExpression(*item.value);
        if (item.value->kind == ParsedExpression::Kind::Map)
            for (const auto& k : item.value->keys)
                rememberKey(k);
        break;
    }
    }
    return out;
}

BoundRemove Binder::bindRemove(const ParsedRemove& remove) {
    BoundRemove out;
    for (const auto& item : remove.items) {
        BoundRemoveItem ri;
        if (!item.labels.empty()) {
            const auto& v = lookup(item.variable, item.pos);
            auto e = std::make_shared<BoundExpression>();
            e->kind = BoundExpression::Kind::Slot;
            e->slot = v.slot;
            e->text = item.variable;
            ri.target = e;
            ri.labels = item.labels;
        } else {
            ri.target = bindExpression(*item.target);
            ri.key = item.key;
        }
        out.items.push_back(std::move(ri));
    }
    return out;
}

BoundDelete Binder::bindDelete(const ParsedDelete& del) {
    BoundDelete out;
    out.detach = del.detach;
    for (const auto& e : del.expressions)
        out.expressions.push_back(bindExpression(*e));
    return out;
}

std::vector<BoundExpressionPtr> splitConjuncts(const BoundExpressionPtr& e) {
    std::vector<BoundExpressionPtr> out;
    if (e->kind == BoundExpression::Kind::Binary && e->op == BoundOp::And) {
        for (const auto& c : e->children) {
            auto sub = splitConjuncts(c);
            out.insert(out.end(), sub.begin(), sub.end());
        }
    } else {
        out.push_back(e);
    }
    return out;
}

} // namespace innograph::query
