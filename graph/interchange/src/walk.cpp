#include "walk.h"

namespace innograph::interchange {

Status walkGraph(const graph::ReadView& view, const GraphVisitor& visitor,
                 const Progress& progress) {
    std::uint64_t done = 0;
    auto tick = [&] {
        if (progress && ++done % 50000 == 0)
            progress(done, 0);
    };
    auto nodes = view.allNodes();
    graph::NodeId nid;
    while (nodes->next(&nid)) {
        auto n = view.node(nid);
        if (!n.isOk())
            return n.status();
        if (auto s = visitor.node(*n); !s.isOk())
            return s;
        tick();
    }
    if (!nodes->status().isOk())
        return nodes->status();
    auto rels = view.allRelationships();
    graph::RelId rid;
    while (rels->next(&rid)) {
        auto r = view.relationship(rid);
        if (!r.isOk())
            return r.status();
        if (auto s = visitor.relationship(*r); !s.isOk())
            return s;
        tick();
    }
    if (!rels->status().isOk())
        return rels->status();
    if (progress)
        progress(done, done);
    return Status::ok();
}

} // namespace innograph::interchange
