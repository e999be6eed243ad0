#include "binder/schema_info.h"

#include "innograph/graph/graph_store.h"

#include <algorithm>

namespace innograph::query {
namespace {
void mergeInto(std::vector<std::string>& dst, const std::vector<std::string>& src) {
    for (const auto& s : src)
        if (std::find(dst.begin(), dst.end(), s) == dst.end())
            dst.push_back(s);
}
} // namespace

SchemaInfo SchemaInfo::ontology() {
    SchemaInfo s;
    s.labels = {"Zone",       "Park",       "University", "Institute", "Industry",
                "Department", "Enterprise", "Carrier",    "Region",    "Country",
                "Program",    "Task",       "Target",     "Document"};
    s.types = {"HOSTS",           "PART_OF",         "LOCATED_IN", "PARTNERS_WITH",
               "AFFILIATED_WITH", "COOPERATES_WITH", "LEADS",      "SUPPORTS",
               "HAS_TARGET",      "MENTIONS",        "ISSUED_BY"};
    s.propertyKeys = {"name", "aliases", "sources", "evidence", "metric", "value", "unit",
                      "year", "title",   "date",    "issuer",   "text",   "count"};
    return s;
}

SchemaInfo SchemaInfo::fromStore(const graph::GraphStore& store) {
    SchemaInfo s = ontology();
    if (auto l = store.labels(); l.isOk())
        mergeInto(s.labels, *l);
    if (auto t = store.relationshipTypes(); t.isOk())
        mergeInto(s.types, *t);
    if (auto k = store.propertyKeys(); k.isOk())
        mergeInto(s.propertyKeys, *k);
    return s;
}

} // namespace innograph::query
