#pragma once

// A whole statement as written: clauses in order, each its own struct.

#include "parser/parsed_pattern.h"

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace innograph::query {

struct ParsedProjectionItem {
    ParsedExpressionPtr expression;
    std::string alias; // the written alias, or the expression's text
    bool hasAlias = false;
};

struct ParsedSortItem {
    ParsedExpressionPtr expression;
    bool descending = false;
};

struct ParsedProjection {
    SourcePos pos;
    bool distinct = false;
    bool star = false;
    std::vector<ParsedProjectionItem> items;
    std::vector<ParsedSortItem> orderBy;
    ParsedExpressionPtr skip;
    ParsedExpressionPtr limit;
};

struct ParsedMatch {
    SourcePos pos;
    bool optional = false;
    std::vector<ParsedPatternPart> pattern;
    ParsedExpressionPtr where;
};

struct ParsedUnwind {
    SourcePos pos;
    ParsedExpressionPtr list;
    std::string variable;
};

struct ParsedWith {
    ParsedProjection projection;
    ParsedExpressionPtr where;
};

struct ParsedReturn {
    ParsedProjection projection;
};

struct ParsedCreate {
    SourcePos pos;
    std::vector<ParsedPatternPart> pattern;
};

struct ParsedSetItem {
    enum class Kind { Property, ReplaceProperties, MergeProperties, Labels };
    SourcePos pos;
    Kind kind = Kind::Property;
    ParsedExpressionPtr target; // Property: the property expression's owner
    std::string variable;       // the other kinds
    std::string key;            // Property
    std::vector<std::string> labels;
    ParsedExpressionPtr value;
};

struct ParsedSet {
    SourcePos pos;
    std::vector<ParsedSetItem> items;
};

struct ParsedMerge {
    SourcePos pos;
    ParsedPatternPart pattern;
    std::vector<ParsedSetItem> onCreate;
    std::vector<ParsedSetItem> onMatch;
};

struct ParsedRemoveItem {
    SourcePos pos;
    std::string variable; // labels
    std::vector<std::string> labels;
    ParsedExpressionPtr target; // property owner
    std::string key;
};

struct ParsedRemove {
    SourcePos pos;
    std::vector<ParsedRemoveItem> items;
};

struct ParsedDelete {
    SourcePos pos;
    bool detach = false;
    std::vector<ParsedExpressionPtr> expressions;
};

struct ParsedSubquery;

// CALL { … }: the subquery's parts (more than one: a UNION) live behind a pointer because a
// clause cannot hold clauses by value.
struct ParsedCall {
    SourcePos pos;
    std::shared_ptr<const ParsedSubquery> body;
};

using ParsedClause = std::variant<ParsedMatch, ParsedUnwind, ParsedWith, ParsedReturn, ParsedCreate,
                                  ParsedMerge, ParsedSet, ParsedRemove, ParsedDelete, ParsedCall>;

struct ParsedSingleQuery {
    std::vector<ParsedClause> clauses;
};

struct ParsedSubquery {
    std::vector<ParsedSingleQuery> parts;
    std::vector<bool> unionAll; // parts.size() - 1 entries
};

enum class ExplainMode { None, Explain, Profile };

struct ParsedStatement {
    ExplainMode mode = ExplainMode::None;
    std::vector<ParsedSingleQuery> parts; // more than one: a UNION
    std::vector<bool> unionAll;           // parts.size() - 1 entries
};

} // namespace innograph::query
