#pragma once

// Visits every node, then every relationship, of a view in id order.

#include "innograph/interchange/interchange.h"

namespace innograph::interchange {

struct GraphVisitor {
    std::function<Status(const graph::Node&)> node;
    std::function<Status(const graph::Relationship&)> relationship;
};

Status walkGraph(const graph::ReadView& view, const GraphVisitor& visitor,
                 const Progress& progress);

} // namespace innograph::interchange
