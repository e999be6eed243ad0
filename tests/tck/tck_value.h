#pragma once

// Values as the TCK writes them in result tables and parameters: null, booleans, integers,
// floats (with NaN and Infinity), 'strings', [lists], {maps}, nodes (:L {k: v}), relationships
// [:T {k: v}] and paths <(…)-[…]->(…)>. Results of the engine are converted to the same form,
// and both are compared through a canonical rendering.

#include "innograph/query/value.h"

#include <map>
#include <string>
#include <vector>

namespace innograph::tck {

struct TckValue {
    enum class Kind { Null, Bool, Int, Float, String, List, Map, Node, Rel, Path };
    Kind kind = Kind::Null;
    bool flag = false; // Bool's value; for a relationship in a path, whether it points forward
    std::int64_t i = 0;
    double d = 0;
    std::string s;                       // String, and a relationship's type
    std::vector<std::string> labels;     // Node
    std::vector<TckValue> items;         // List; Path: node, rel, node, rel, node …
    std::map<std::string, TckValue> map; // Map, and the properties of a node or relationship
};

// Parses one cell. Throws std::runtime_error saying where the text is malformed.
TckValue parseTckValue(const std::string& text);

// The engine's value in TCK form (nodes and relationships must be materialised).
TckValue fromEngine(const query::Value& value);
// A plain TCK value (no node, relationship or path) as an engine parameter.
query::Value toEngine(const TckValue& value);

// A canonical text: equal values give equal texts. With `unorderedLists`, list elements are
// sorted so that lists compare as multisets.
std::string canonical(const TckValue& value, bool unorderedLists);

// The store's value in canonical form, for side-effect bookkeeping.
std::string canonicalStored(const graph::Value& value);

} // namespace innograph::tck
