#include "binder/schema_info.h"

#include "innograph/graph/graph_store.h"

namespace innograph::query {

SchemaInfo SchemaInfo::fromStore(const graph::GraphStore& store) {
    SchemaInfo s;
    if (auto l = store.labels(); l.isOk())
        s.labels = *l;
    if (auto t = store.relationshipTypes(); t.isOk())
        s.types = *t;
    if (auto k = store.propertyKeys(); k.isOk())
        s.propertyKeys = *k;
    return s;
}

} // namespace innograph::query
