#include "elements.h"

#include "innograph/interchange/interchange.h"

namespace innograph::server {

nlohmann::json nodeJson(const graph::Node& node, bool withText) {
    auto props = interchange::toJson(node.properties);
    if (!withText)
        props.erase("text");
    return {{"id", node.id}, {"labels", node.labels}, {"properties", props}};
}

nlohmann::json nodeElement(const graph::Node& node) {
    nlohmann::json data = interchange::toJson(node.properties);
    data.erase("text");
    data["id"] = std::to_string(node.id);
    data["label"] = node.labels.empty() ? "" : node.labels.front();
    data["labels"] = node.labels;
    if (!data.contains("name"))
        data["name"] = data.value("title", std::to_string(node.id));
    return {{"group", "nodes"}, {"data", data}};
}

nlohmann::json edgeElement(const graph::Relationship& rel) {
    nlohmann::json data = interchange::toJson(rel.properties);
    data["id"] = "e" + std::to_string(rel.id);
    data["relId"] = rel.id;
    data["source"] = std::to_string(rel.start);
    data["target"] = std::to_string(rel.end);
    data["type"] = rel.type;
    data["label"] = rel.type;
    return {{"group", "edges"}, {"data", data}};
}

graph::Status ElementSet::addNode(graph::NodeId id) {
    if (nodeIds_.count(id))
        return graph::Status::ok();
    auto n = view_.node(id);
    if (n.status().isNotFound())
        return graph::Status::ok();
    if (!n.isOk())
        return n.status();
    addNode(*n);
    return graph::Status::ok();
}

void ElementSet::addNode(const graph::Node& node) {
    if (!nodeIds_.insert(node.id).second)
        return;
    nodes_.push_back(nodeElement(node));
}

graph::Status ElementSet::addRelationship(graph::RelId id) {
    if (relIds_.count(id))
        return graph::Status::ok();
    auto r = view_.relationship(id);
    if (r.status().isNotFound())
        return graph::Status::ok();
    if (!r.isOk())
        return r.status();
    return addRelationship(*r);
}

graph::Status ElementSet::addRelationship(const graph::Relationship& rel) {
    if (!relIds_.insert(rel.id).second)
        return graph::Status::ok();
    if (auto s = addNode(rel.start); !s.isOk())
        return s;
    if (auto s = addNode(rel.end); !s.isOk())
        return s;
    edges_.push_back(edgeElement(rel));
    return graph::Status::ok();
}

} // namespace innograph::server
