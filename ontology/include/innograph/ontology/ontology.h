#pragma once

// The graph's ontology: which labels and relationship types exist and which labels each type may
// connect. Defined once, in ontology/ontology.json (the encoding of ../shared/ontology.md); the
// extractor keeps only relationships the contract allows, the server describes the schema with it
// and the web page draws its legend from the same file.

#include "innograph/ontology/tables.h"

#include <string_view>
#include <vector>

namespace innograph::ontology {

constexpr bool isLabel(std::string_view name) {
    for (const auto& l : kLabels)
        if (l.name == name)
            return true;
    return false;
}

constexpr bool isRelationshipType(std::string_view type) {
    for (const auto& r : kRelationships)
        if (r.type == type)
            return true;
    return false;
}

constexpr bool isSymmetric(std::string_view type) {
    for (const auto& r : kRelationships)
        if (r.type == type)
            return r.symmetric;
    return false;
}

// Whether a relationship of `type` may go from a node labelled `from` to one labelled `to`; a
// symmetric type may be stored either way round.
constexpr bool allows(std::string_view type, std::string_view from, std::string_view to) {
    auto listed = [type](std::string_view a, std::string_view b) {
        for (const auto& e : kEndpoints)
            if (e.type == type && (e.from == "*" || e.from == a) && (e.to == "*" || e.to == b))
                return true;
        return false;
    };
    return listed(from, to) || (isSymmetric(type) && listed(to, from));
}

// The same for nodes with several labels: allowed when any pair of their labels is.
inline bool allows(std::string_view type, const std::vector<std::string>& from,
                   const std::vector<std::string>& to) {
    for (const auto& f : from)
        for (const auto& t : to)
            if (allows(type, f, t))
                return true;
    return false;
}

} // namespace innograph::ontology
