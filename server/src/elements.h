#pragma once

// Graph elements in Cytoscape.js form, each node and relationship once:
//   node {"data": {"id": "12", "label": "Park", "labels": [...], "name": ..., …properties}}
//   edge {"data": {"id": "e7", "relId": 7, "source": "12", "target": "40", "type": "HOSTS",
//                  "label": "HOSTS", …properties}}
// A Document's full text is left out (GET /v1/documents/{id} has it).

#include "innograph/graph/graph_store.h"

#include <nlohmann/json.hpp>

#include <set>

namespace innograph::server {

class ElementSet {
public:
    explicit ElementSet(const graph::ReadView& view) : view_(view) {}

    // Reads the node unless it is already in the set; NotFound is ignored (a deleted node).
    graph::Status addNode(graph::NodeId id);
    void addNode(const graph::Node& node);
    // Adds the relationship and both its endpoints.
    graph::Status addRelationship(graph::RelId id);
    graph::Status addRelationship(const graph::Relationship& rel);

    std::size_t nodeCount() const { return nodeIds_.size(); }
    bool hasNode(graph::NodeId id) const { return nodeIds_.count(id) > 0; }
    nlohmann::json toJson() const { return {{"nodes", nodes_}, {"edges", edges_}}; }

private:
    const graph::ReadView& view_;
    std::set<graph::NodeId> nodeIds_;
    std::set<graph::RelId> relIds_;
    nlohmann::json nodes_ = nlohmann::json::array();
    nlohmann::json edges_ = nlohmann::json::array();
};

nlohmann::json nodeElement(const graph::Node& node);
nlohmann::json edgeElement(const graph::Relationship& rel);
// {"id","labels","properties"} as in query results.
nlohmann::json nodeJson(const graph::Node& node, bool withText = true);

} // namespace innograph::server
