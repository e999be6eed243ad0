#pragma once

// What the binder knows about names: the labels, relationship types and property keys the store
// holds, and nothing else. As in Neo4j, a name the store has never held gets a warning (with the
// closest held name as its did-you-mean) even when the ontology would allow it.

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

    // What `store` reports; a name it cannot list is left out (unknown names only warn).
    static SchemaInfo fromStore(const graph::GraphStore& store);
    // Labels + types + property keys: names are only ever added, so a change in this count says
    // that a warning about an unknown name may no longer hold.
    std::size_t size() const { return labels.size() + types.size() + propertyKeys.size(); }
};

} // namespace innograph::query
