#pragma once

// The shapes of the ontology tables (innograph/ontology/tables.h, generated from
// ontology/ontology.json).

#include <string_view>

namespace innograph::ontology {

struct LabelInfo {
    std::string_view name;
    std::string_view description;
    std::string_view color; // how the visualizer draws it
    std::string_view shape;
    bool placed; // has a place on the map (LOCATED_IN a Region)
};

struct RelationshipInfo {
    std::string_view type;
    std::string_view description;
    std::string_view color;
    bool symmetric; // has no direction: A PARTNERS_WITH B says B PARTNERS_WITH A
};

struct Endpoint {
    std::string_view type;
    std::string_view from; // a label, or "*" for any
    std::string_view to;
};

} // namespace innograph::ontology
