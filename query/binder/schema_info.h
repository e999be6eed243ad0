#pragma once

// What the binder knows about names: the store's labels, relationship types and property keys,
// plus the ontology's, so that a typo is caught even before the store holds that kind of node.

#include <string>
#include <vector>

namespace innograph::graph {
class GraphStore;
}

namespace innograph::query {

struct SchemaInfo {
    std::vector<std::string> labels;
    std::vector<std::string> types;
    std::vector<std::string> propertyKeys;

    // The ontology's names (shared/ontology.md) merged with what `store` reports.
    static SchemaInfo fromStore(const graph::GraphStore& store);
    static SchemaInfo ontology();
};

} // namespace innograph::query
