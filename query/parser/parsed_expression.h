#pragma once

// The parser's expression tree: what the user wrote, with positions, and nothing resolved yet.
// One node type with a kind tag keeps the transformer and binder to a single switch each.

#include "innograph/query/query_error.h"
#include "innograph/query/value.h"

#include <memory>
#include <string>
#include <vector>

namespace innograph::query {

struct ParsedPatternPart;

struct ParsedExpression;
using ParsedExpressionPtr = std::unique_ptr<ParsedExpression>;

struct ParsedExpression {
    enum class Kind {
        Literal,           // value
        Parameter,         // name
        Variable,          // name
        Property,          // children[0].name
        List,              // children
        Map,               // keys[i] -> children[i]
        Unary,             // op ("-", "+", "NOT") children[0]
        Binary,            // op ("+","-","*","/","%","^","AND","OR","XOR") children[0..1]
        Comparison,        // op ("=","<>","<",">","<=",">=") children[0..1]
        StringMatch,       // op ("STARTS WITH","ENDS WITH","CONTAINS") children[0..1]
        In,                // children[0] IN children[1]
        IsNull,            // children[0] IS NULL; negated for IS NOT NULL
        Case,              // hasSubject: children[0] subject; then WHEN/THEN pairs; hasElse: last
        Index,             // children[0][children[1]]
        Slice,             // children[0][from..to]; hasFrom/hasTo say which of children[1..] exist
        Function,          // name(children...), distinct
        CountStar,         // count(*)
        ListComprehension, // [name IN children[0] WHERE children[1] | children[2]];
                           // hasWhere/hasProjection
        Quantifier,        // op ("all","any","none","single") (name IN children[0] WHERE
                           // children[1])
        HasLabels,         // children[0]:labels
        ShortestPath,      // pattern (shortestPath((a)-[*]-(b)) as an expression)
        PatternPredicate,  // subpattern (one part): (a)-[:T]->(b) as a predicate
        ExistsSubquery,    // EXISTS { MATCH subpattern WHERE children[0] }; hasWhere
        CountSubquery,     // COUNT { MATCH subpattern WHERE children[0] }; hasWhere
        PatternComprehension, // [path = subpattern WHERE children[0] | children[1]]; hasWhere
        MapProjection,        // children[0]{keys[i]: children[i + 1]}; allProperties[i]: `.*`
    };

    Kind kind = Kind::Literal;
    SourcePos pos;
    Value value;
    std::string name;
    std::string op;
    std::vector<std::string> keys; // map keys, labels
    std::vector<ParsedExpressionPtr> children;
    bool negated = false;
    bool distinct = false;
    bool hasSubject = false;
    bool hasElse = false;
    bool hasFrom = false;
    bool hasTo = false;
    bool hasWhere = false;
    bool hasProjection = false;
    std::shared_ptr<ParsedPatternPart> pattern;
    std::shared_ptr<const std::vector<ParsedPatternPart>> subpattern;
    std::vector<bool> allProperties; // MapProjection: which items are `.*`
    // Levels of the tree below and including this node; the transformer bounds it.
    int depth = 1;

    // Renders the expression the way a column is named when RETURN has no alias.
    std::string text;
};

} // namespace innograph::query
