#pragma once

// Checks through the public API that every index agrees with the nodes and relationships:
// endpoints exist, both adjacency entries of every relationship exist and no adjacency entry is
// dangling, the label and name indexes list exactly what the nodes hold, and the counters match.

#include "innograph/graph/graph_store.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace innograph::testing {

inline std::vector<std::string> checkConsistency(graph::GraphStore& store) {
    using namespace graph;
    std::vector<std::string> problems;
    auto view = store.snapshot();
    std::map<std::string, std::set<NodeId>> byLabel;
    std::set<std::pair<std::string, NodeId>> names;
    std::set<NodeId> nodeIds;
    std::map<std::string, std::uint64_t> typeCounts;
    auto nodes = view->allNodes();
    NodeId id;
    while (nodes->next(&id)) {
        auto n = view->node(id);
        if (!n.isOk()) {
            problems.push_back("node " + std::to_string(id) + ": " + n.status().toString());
            continue;
        }
        nodeIds.insert(id);
        for (const auto& l : n->labels)
            byLabel[l].insert(id);
        auto addName = [&](const Value& v) {
            if (v.isString() && !normalizeName(v.asString()).empty())
                names.insert({normalizeName(v.asString()), id});
        };
        if (auto it = n->properties.find("name"); it != n->properties.end())
            addName(it->second);
        if (auto it = n->properties.find("aliases");
            it != n->properties.end() && it->second.isList())
            for (const auto& a : it->second.asList())
                addName(a);
    }
    std::uint64_t relCount = 0;
    std::set<RelId> relIds;
    auto rels = view->allRelationships();
    RelId rid;
    while (rels->next(&rid)) {
        auto r = view->relationship(rid);
        if (!r.isOk()) {
            problems.push_back("relationship " + std::to_string(rid) + ": " +
                               r.status().toString());
            continue;
        }
        ++relCount;
        relIds.insert(rid);
        ++typeCounts[r->type];
        if (!nodeIds.count(r->start))
            problems.push_back("relationship " + std::to_string(rid) + " has no start node");
        if (!nodeIds.count(r->end))
            problems.push_back("relationship " + std::to_string(rid) + " has no end node");
        auto tid = view->typeId(r->type);
        if (!tid.isOk()) {
            problems.push_back("type " + r->type + " missing from the dictionary");
            continue;
        }
        TypeId t = *tid;
        auto has = [&](NodeId n, Direction d) {
            auto c = view->edges(n, d, std::span<const TypeId>(&t, 1));
            Edge e;
            while (c->next(&e))
                if (e.id == rid)
                    return true;
            return false;
        };
        if (!has(r->start, Direction::Outgoing))
            problems.push_back("relationship " + std::to_string(rid) +
                               " missing from out-adjacency");
        if (!has(r->end, Direction::Incoming))
            problems.push_back("relationship " + std::to_string(rid) +
                               " missing from in-adjacency");
    }
    for (auto n : nodeIds) {
        auto c = view->edges(n, Direction::Both);
        Edge e;
        while (c->next(&e))
            if (!relIds.count(e.id))
                problems.push_back("dangling adjacency entry for relationship " +
                                   std::to_string(e.id));
    }
    auto labels = store.labels();
    for (const auto& label : *labels) {
        auto lid = view->labelId(label);
        std::set<NodeId> indexed;
        auto c = view->nodesWithLabel(*lid);
        while (c->next(&id))
            indexed.insert(id);
        if (indexed != byLabel[label])
            problems.push_back("label index of " + label + " disagrees with the nodes");
    }
    std::set<std::pair<std::string, NodeId>> indexedNames;
    (void)view->scanNames([&](std::string_view n, NodeId i) {
        indexedNames.insert({std::string(n), i});
        return true;
    });
    if (indexedNames != names)
        problems.push_back("name index disagrees with the nodes' names and aliases");
    auto stats = store.stats();
    if (!stats.isOk()) {
        problems.push_back("stats: " + stats.status().toString());
    } else {
        if (stats->nodes != nodeIds.size())
            problems.push_back("node counter " + std::to_string(stats->nodes) +
                               " != " + std::to_string(nodeIds.size()));
        if (stats->relationships != relCount)
            problems.push_back("relationship counter disagrees");
        for (const auto& [l, ids] : byLabel)
            if (stats->nodesPerLabel[l] != ids.size())
                problems.push_back("label counter of " + l + " disagrees");
        for (const auto& [t, n] : typeCounts)
            if (stats->relationshipsPerType[t] != n)
                problems.push_back("type counter of " + t + " disagrees");
    }
    return problems;
}

} // namespace innograph::testing
