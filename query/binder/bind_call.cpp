// Binding of CALL { … } subqueries (Neo4j 5's rules; the openCypher TCK has none). The subquery
// sees only what its importing WITH brings in; its RETURN columns join the outer scope and may
// not reuse an outer name; a subquery without RETURN is a unit subquery, run for its writes.

#include "binder/binder.h"

#include <algorithm>

namespace innograph::query {

namespace {
using PK = ParsedExpression::Kind;

bool mentionsAny(const ParsedExpression& e, const std::map<std::string, int>& names) {
    if (e.kind == PK::Variable && names.count(e.name))
        return true;
    return std::any_of(e.children.begin(), e.children.end(),
                       [&](const auto& c) { return mentionsAny(*c, names); });
}

[[noreturn]] void badImport(const std::string& why, SourcePos pos) {
    throw QueryError(ErrorCode::SyntaxError,
                     "Importing WITH should consist only of simple references to outside "
                     "variables. " +
                         why,
                     pos, "InvalidImportingWith");
}
} // namespace

std::size_t Binder::importInto(const ParsedSingleQuery& part, const Scope& outer,
                               std::vector<int>& imported) {
    scope_.clear();
    if (part.clauses.empty())
        return 0;
    const auto* with = std::get_if<ParsedWith>(&part.clauses.front());
    if (!with)
        return 0;
    const auto& p = with->projection;
    std::map<std::string, int> outerNames;
    for (const auto& [name, v] : outer)
        if (name.rfind("  ", 0) != 0)
            outerNames.emplace(name, v.slot);
    bool refersOut = p.star && !outerNames.empty();
    for (const auto& item : p.items)
        refersOut = refersOut || mentionsAny(*item.expression, outerNames);
    // A leading WITH that reads nothing from outside is an ordinary WITH of the subquery.
    if (!refersOut)
        return 0;
    for (const auto& item : p.items) {
        const auto& e = *item.expression;
        if (e.kind != PK::Variable || !outerNames.count(e.name) ||
            (item.hasAlias && item.alias != e.name))
            badImport("Aliasing or expressions are not supported.", e.pos);
    }
    if (with->where)
        badImport("WHERE is not allowed.", with->where->pos);
    if (p.distinct || !p.orderBy.empty() || p.skip || p.limit)
        badImport("DISTINCT, ORDER BY, SKIP and LIMIT are not allowed.", p.pos);
    auto bring = [&](const std::string& name) {
        const auto& v = outer.at(name);
        if (scope_.emplace(name, v).second)
            imported.push_back(v.slot);
    };
    if (p.star)
        for (const auto& [name, slot] : outerNames)
            bring(name);
    for (const auto& item : p.items)
        bring(item.expression->name);
    return 1;
}

BoundCall Binder::bindCall(const ParsedCall& call) {
    const Scope outer = scope_;
    const auto& parsed = *call.body;
    auto body = std::make_shared<BoundCallBody>();
    body->unionAll = parsed.unionAll;
    checkUnionKinds(parsed.unionAll);
    BoundCall out;
    std::vector<VarType> columnTypes;
    for (std::size_t i = 0; i < parsed.parts.size(); ++i) {
        const auto& part = parsed.parts[i];
        // CALL { RETURN 1 + 1 } would have no name to join the outer row by.
        if (!part.clauses.empty())
            if (const auto* r = std::get_if<ParsedReturn>(&part.clauses.back()))
                for (const auto& item : r->projection.items)
                    if (!item.hasAlias && item.expression->kind != PK::Variable)
                        throw QueryError(ErrorCode::SyntaxError,
                                         "Expression in CALL { RETURN ... } must be aliased "
                                         "(use AS): " +
                                             item.alias,
                                         item.expression->pos, "NoExpressionAlias");
        std::vector<int> imported;
        std::size_t skip = importInto(part, outer, imported);
        for (int s : imported)
            if (std::find(out.importedSlots.begin(), out.importedSlots.end(), s) ==
                out.importedSlots.end())
                out.importedSlots.push_back(s);
        const bool writesBefore = statement_->writes;
        statement_->writes = false;
        body->parts.push_back(bindSingleQuery(part, skip));
        out.writes = out.writes || statement_->writes;
        statement_->writes = writesBefore || statement_->writes;
        if (i == 0)
            for (const auto& name : body->parts[0].columns)
                columnTypes.push_back(scope_.count(name) ? scope_.at(name).type : VarType::Any);
        else
            for (std::size_t c = 0; c < columnTypes.size(); ++c)
                if (auto it = scope_.find(body->parts[0].columns[c]);
                    it == scope_.end() || it->second.type != columnTypes[c])
                    columnTypes[c] = VarType::Any;
    }
    scope_ = outer;
    const auto& columns = body->parts.front().columns;
    for (std::size_t i = 1; i < body->parts.size(); ++i)
        if (body->parts[i].columns != columns)
            throw QueryError(ErrorCode::SyntaxError,
                             "All sub queries in a UNION must have the same return column names",
                             call.pos, "DifferentColumnsInUnion");
    out.unit = columns.empty();
    if (out.unit && !out.writes)
        throw QueryError(ErrorCode::SyntaxError,
                         "A CALL subquery without RETURN must update the graph", call.pos,
                         "InvalidClauseComposition");
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& name = columns[i];
        if (outer.count(name))
            throw QueryError(ErrorCode::SyntaxError,
                             "Variable `" + name + "` already declared in outer scope", call.pos,
                             "VariableAlreadyBound");
        int slot = newSlot(name);
        out.returnSlots.push_back(slot);
        declare(name, slot, columnTypes[i]);
    }
    out.body = std::move(body);
    return out;
}

} // namespace innograph::query
