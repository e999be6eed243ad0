#pragma once

// Clauses after binding. Every variable is a slot in the row that flows through the plan; each
// bound clause says which slots it reads and which it introduces.

#include "binder/bound_expression.h"
#include "innograph/query/query_result.h"
#include "parser/parsed_pattern.h"
#include "parser/parsed_statement.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace innograph::query {

// What a variable is known to hold at bind time; Value: surely no node, relationship or path
// (projected from a literal, a list or map expression, a predicate).
enum class VarType { Any, Node, Rel, RelList, Path, Value };

struct BoundProperty {
    std::string key;
    BoundExpressionPtr value;
};

struct BoundNodePattern {
    SourcePos pos;
    int slot = -1;
    bool bound = false;   // the variable was bound by an earlier clause or pattern
    std::string variable; // for messages and plan descriptions; may be synthetic
    std::vector<std::string> labels;
    BoundExpressionPtr entityRef; // a string (literal or parameter)
    std::vector<BoundProperty> properties;
    BoundExpressionPtr
        propertiesParam; // `(n $p)`: a map of properties or a string entity reference
};

struct BoundRelPattern {
    SourcePos pos;
    int slot = -1;
    bool bound = false;
    std::string variable;
    std::vector<std::string> types;
    PatternDirection direction = PatternDirection::Both; // relative to left -> right
    bool variableLength = false;
    std::int64_t minHops = 1;
    std::int64_t maxHops = 1;
    bool unboundedMax = false;
    std::vector<BoundProperty> properties;
    int left = -1; // index into the clause's node list
    int right = -1;
};

struct BoundPatternPart {
    int pathSlot = -1;
    PathKind kind = PathKind::Plain;
    std::vector<int> nodes; // indexes into the clause's node list
    std::vector<int> rels;  // indexes into the clause's relationship list
};

struct BoundPattern {
    std::vector<BoundNodePattern> nodes;
    std::vector<BoundRelPattern> rels;
    std::vector<BoundPatternPart> parts;
};

// A pattern inside an expression, matched per row from the variables already bound (see
// executor/pattern_matcher.h).
struct BoundSubquery {
    BoundPattern pattern;
    std::vector<BoundExpressionPtr> predicates; // WHERE, split into conjuncts
    BoundExpressionPtr projection;              // a pattern comprehension's `| expression`
    std::vector<int> localSlots;                // what the pattern introduces
};

struct BoundMatch {
    bool optional = false;
    BoundPattern pattern;
    std::vector<BoundExpressionPtr> predicates; // WHERE split into conjuncts
    std::vector<int> introducedSlots;           // made null by OPTIONAL MATCH when nothing matches
};

struct BoundUnwind {
    BoundExpressionPtr list;
    int slot = -1;
};

struct BoundAggregate {
    FunctionId function = FunctionId::Count;
    bool distinct = false;
    BoundExpressionPtr argument;   // null for count(*)
    BoundExpressionPtr percentile; // percentileCont/percentileDisc's second argument
    int slot = -1;
    std::string text;
};

struct BoundSortItem {
    BoundExpressionPtr expression;
    bool descending = false;
};

struct BoundProjection {
    std::vector<BoundExpressionPtr> items; // evaluated after aggregation when aggregating
    std::vector<int> itemSlots;
    std::vector<std::string> names;
    bool distinct = false;
    bool aggregating = false;
    std::vector<int> groupingItems; // indexes of items that are grouping keys
    std::vector<BoundAggregate> aggregates;
    std::vector<BoundSortItem> orderBy;
    BoundExpressionPtr skip;
    BoundExpressionPtr limit;
    BoundExpressionPtr where; // WITH ... WHERE, in the projected scope
    bool isReturn = false;
};

struct BoundSetItem {
    ParsedSetItem::Kind kind = ParsedSetItem::Kind::Property;
    BoundExpressionPtr target; // node or relationship
    std::string key;
    std::vector<std::string> labels;
    BoundExpressionPtr value;
};

struct BoundCreate {
    BoundPattern pattern; // nodes with bound == true are reused, others created
};

struct BoundMerge {
    BoundPattern pattern;
    std::vector<BoundSetItem> onCreate;
    std::vector<BoundSetItem> onMatch;
    std::vector<int> introducedSlots;
};

struct BoundSet {
    std::vector<BoundSetItem> items;
};

struct BoundRemoveItem {
    BoundExpressionPtr target;
    std::vector<std::string> labels; // empty: remove property `key`
    std::string key;
};

struct BoundRemove {
    std::vector<BoundRemoveItem> items;
};

struct BoundDelete {
    bool detach = false;
    std::vector<BoundExpressionPtr> expressions;
};

struct BoundCallBody;

// CALL { … }: run per incoming row. A returning subquery's i-th column lands in
// returnSlots[i] of each row it yields for that row (no row: the incoming row is dropped); a
// unit subquery (no RETURN) runs for its writes and passes the incoming row on once.
struct BoundCall {
    std::shared_ptr<const BoundCallBody> body;
    std::vector<int> importedSlots; // outer variables the importing WITH brings in
    std::vector<int> returnSlots;   // outer slots of the subquery's columns
    bool unit = false;
    bool writes = false;
};

using BoundClause = std::variant<BoundMatch, BoundUnwind, BoundProjection, BoundCreate, BoundMerge,
                                 BoundSet, BoundRemove, BoundDelete, BoundCall>;

struct BoundSingleQuery {
    std::vector<BoundClause> clauses;
    std::vector<std::string> columns; // empty when the query ends without RETURN
    std::vector<int> columnSlots;
};

struct BoundCallBody {
    std::vector<BoundSingleQuery> parts; // more than one: a UNION, columns matched by position
    std::vector<bool> unionAll;
};

struct BoundStatement {
    ExplainMode mode = ExplainMode::None;
    std::vector<BoundSingleQuery> parts;
    std::vector<bool> unionAll;
    int slotCount = 0;
    bool writes = false;
    std::set<std::string> parameters; // every $name the query reads
    std::vector<std::string> slotNames;
    std::vector<Notification> notifications; // unknown names, once each
};

} // namespace innograph::query
