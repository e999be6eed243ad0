#pragma once

// Expressions after binding: variables resolved to row slots, functions to ids, and aggregate
// calls replaced by references to the slots the aggregation fills. Immutable once built, so a
// cached plan can be evaluated by several queries at once.

#include "binder/functions.h"
#include "innograph/query/query_error.h"
#include "innograph/query/value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::query {

// The operator of a Unary, Binary, Comparison, StringMatch or Quantifier expression, resolved from
// the parser's spelling once at bind time so that evaluation switches on it per row.
enum class BoundOp : std::uint8_t {
    None, // kinds that take no operator
    // Unary
    Not,
    Negate,
    // Binary: boolean
    And,
    Or,
    Xor,
    // Binary: arithmetic
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
    // Comparison
    Equal,
    NotEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    // StringMatch
    StartsWith,
    EndsWith,
    Contains,
    // Quantifier
    All,
    Any,
    NoneOf,
    Single,
};

// The operator spelled `text` (as the parser writes it: "+", "AND", "<=", "STARTS WITH", "all"),
// or nullopt when no operator has that spelling.
std::optional<BoundOp> boundOpFromText(std::string_view text);
// How the operator is written in a query, for messages.
const char* boundOpText(BoundOp op);

struct BoundSubquery; // bound_statement.h

struct BoundExpression;
using BoundExpressionPtr = std::shared_ptr<const BoundExpression>;

struct BoundExpression {
    enum class Kind {
        Literal,
        Parameter,
        Slot,
        Property,
        List,
        Map,
        Unary,
        Binary,
        Comparison,
        StringMatch,
        In,
        IsNull,
        Case,
        Index,
        Slice,
        Function,
        ListComprehension,
        Quantifier, // op All/Any/NoneOf/Single over children[0], predicate children[1]
        HasLabels,
        BuildPath,            // children alternate node, relationship (or list of them), node...
        PatternExists,        // subquery matches at least once (pattern predicate, EXISTS {})
        PatternCount,         // COUNT { subquery }
        PatternComprehension, // [subquery | subquery->projection]
        MapProjection,        // children[0]{keys[i]: children[i + 1]}; allProperties: `.*`
    };

    Kind kind = Kind::Literal;
    SourcePos pos;
    Value value;
    std::string name; // parameter, property key
    BoundOp op = BoundOp::None;
    std::vector<std::string> keys;
    std::vector<BoundExpressionPtr> children;
    int slot = -1; // Slot; ListComprehension's and Quantifier's variable
    FunctionId function = FunctionId::Id;
    bool negated = false;
    bool hasSubject = false;
    bool hasElse = false;
    bool hasFrom = false;
    bool hasTo = false;
    bool hasWhere = false;
    bool hasProjection = false;
    std::vector<bool> relIsList;     // BuildPath: which relationship entries are var-length lists
    std::vector<bool> allProperties; // MapProjection: items that merge a map of properties
    std::shared_ptr<const BoundSubquery> subquery; // Pattern* kinds
    std::string text;

    // Slots read by this expression (excluding comprehension-local ones).
    std::set<int> slotsUsed() const;
};

} // namespace innograph::query
