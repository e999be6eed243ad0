#pragma once

// Stage 2: ParsedStatement to BoundStatement. Resolves every variable to a row slot, checks that
// names exist and have the right kind (node, relationship, path), validates where aggregation
// may appear, and suggests the intended name for a misspelled function or variable. Unknown
// labels, relationship types and property keys are warnings (BoundStatement::notifications).

#include "binder/bound_statement.h"
#include "binder/schema_info.h"
#include "parser/parsed_statement.h"

#include <map>
#include <optional>
#include <string>

namespace innograph::query {

struct BinderOptions {
    // Upper bound that `*` and `*2..` patterns get; explicit bounds above it are an error.
    std::int64_t maxPathLength = 8;
    std::int64_t hardPathLimit = 32;
};

class Binder {
public:
    Binder(const SchemaInfo& schema, BinderOptions options = {});

    BoundStatement bind(const ParsedStatement& statement);

private:
    struct Variable {
        int slot = -1;
        VarType type = VarType::Any;
        // VarType::Value projected from a literal: its kind (Null when not known).
        Value::Kind valueKind = Value::Kind::Null;
    };
    using Scope = std::map<std::string, Variable, std::less<>>;

    // Collects aggregate calls met while binding a projection.
    struct AggregateSink {
        std::vector<BoundAggregate>* aggregates = nullptr;
        bool inside = false; // binding an aggregate's argument: nesting is an error
    };

    // Binds the clauses from `first` on (1 skips a subquery's importing WITH).
    BoundSingleQuery bindSingleQuery(const ParsedSingleQuery& query, std::size_t first = 0);
    BoundCall bindCall(const ParsedCall& call);
    // UNION and UNION ALL cannot be mixed in one query (InvalidClauseComposition).
    static void checkUnionKinds(const std::vector<bool>& unionAll);
    // A CALL subquery part's importing WITH: sets scope_ to the outer variables it names (all
    // for WITH *), appends their slots to `imported`; returns how many leading clauses it was
    // (0: the part does not import).
    std::size_t importInto(const ParsedSingleQuery& part, const Scope& outer,
                           std::vector<int>& imported);
    BoundMatch bindMatch(const ParsedMatch& match);
    BoundUnwind bindUnwind(const ParsedUnwind& unwind);
    BoundProjection bindProjection(const ParsedProjection& projection,
                                   const ParsedExpression* where, bool isReturn);
    BoundCreate bindCreate(const ParsedCreate& create);
    BoundMerge bindMerge(const ParsedMerge& merge);
    BoundSetItem bindSetItem(const ParsedSetItem& item);
    BoundRemove bindRemove(const ParsedRemove& remove);
    BoundDelete bindDelete(const ParsedDelete& del);

    enum class PatternUse { Match, Create, Merge };
    void bindPatternPart(const ParsedPatternPart& part, PatternUse use, BoundPattern& out,
                         std::map<std::string, int>& nodeIndex, std::vector<int>& introduced);
    std::vector<BoundProperty> bindPropertyMap(const ParsedExpression& map);

    BoundExpressionPtr bindExpression(const ParsedExpression& e, AggregateSink* sink = nullptr);
    BoundExpressionPtr bindFunction(const ParsedExpression& e, AggregateSink* sink);
    // Pattern predicates, EXISTS { … }, COUNT { … } and pattern comprehensions: the pattern's
    // variables live only inside the expression.
    BoundExpressionPtr bindSubquery(const ParsedExpression& e, AggregateSink* sink);
    // The kind of value an expression surely has, known from literals and from what variables
    // were bound to (nodes, relationships, paths, projected literals); nullopt when unknown.
    std::optional<Value::Kind> staticKind(const ParsedExpression& e) const;
    // Compile-time type errors Neo4j reports before running: reading a property of a number,
    // IN over a non-list literal, labels(), type(), length(), properties() of the wrong kind.
    void checkStaticTypes(const ParsedExpression& e) const;
    // WHERE takes a boolean: a node, relationship or path there (`WHERE (n)`) is refused.
    void checkPredicateType(const ParsedExpression& e) const;
    // A quantifier over a literal list of strings or booleans whose predicate does arithmetic
    // (other than +) on the element: InvalidArgumentType at compile time.
    void checkQuantifiedArithmetic(const ParsedExpression& e) const;

    int newSlot(const std::string& name);
    void declare(const std::string& name, int slot, VarType type);
    const Variable& lookup(const std::string& name, SourcePos pos) const;

    void notifyUnknown(const char* code, const char* title, const std::string& what,
                       const std::string& name, const std::vector<std::string>& known,
                       SourcePos pos) const;
    void checkLabel(const std::string& label, SourcePos pos) const;
    void checkType(const std::string& type, SourcePos pos) const;
    void checkPropertyKey(const std::string& key, SourcePos pos) const;
    void rememberKey(const std::string& key);
    void rememberLabel(const std::string& label);
    void rememberType(const std::string& type);

    // ORDER BY after aggregation or DISTINCT: sub-expressions written like a projected item
    // (by their text) read that item's column.
    const std::map<std::string, int, std::less<>>* projectedTexts_ = nullptr;

    SchemaInfo schema_;
    BinderOptions options_;
    Scope scope_;
    BoundStatement* statement_ = nullptr;
    int anonymous_ = 0;
};

// Splits a predicate on its top-level ANDs.
std::vector<BoundExpressionPtr> splitConjuncts(const BoundExpressionPtr& e);

} // namespace innograph::query
