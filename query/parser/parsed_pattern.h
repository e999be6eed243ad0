#pragma once

// Patterns as written: a chain of node and relationship patterns, optionally named and
// optionally wrapped in shortestPath/allShortestPaths.

#include "parser/parsed_expression.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace innograph::query {

struct ParsedNodePattern {
    SourcePos pos;
    std::string variable; // empty when anonymous
    std::vector<std::string> labels;
    std::vector<SourcePos> labelPositions;
    // Entity reference: `(p:Park "大连高新区")`.
    std::optional<std::string> entityRef;
    // A map literal or a parameter (whose value may be a map, or a string entity reference).
    ParsedExpressionPtr properties;
};

enum class PatternDirection { Right, Left, Both };

struct ParsedRelPattern {
    SourcePos pos;
    std::string variable;
    std::vector<std::string> types;
    std::vector<SourcePos> typePositions;
    PatternDirection direction = PatternDirection::Both;
    bool variableLength = false;
    std::optional<std::int64_t> minHops;
    std::optional<std::int64_t> maxHops;
    ParsedExpressionPtr properties;
};

enum class PathKind { Plain, Shortest, AllShortest };

struct ParsedPatternPart {
    SourcePos pos;
    std::string pathVariable;
    PathKind kind = PathKind::Plain;
    std::vector<ParsedNodePattern> nodes; // nodes.size() == rels.size() + 1
    std::vector<ParsedRelPattern> rels;
};

} // namespace innograph::query
