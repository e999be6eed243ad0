#include "innograph/extract/store_writer.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace innograph::extract {
namespace {

using graph::NodeId;
using graph::RelId;
using graph::Result;
using graph::Status;
using graph::Value;
using graph::ValueList;
using graph::WriteTransaction;

Status withContext(const Status& st, const std::string& what) {
    if (st.isOk())
        return st;
    // A time limit or cancellation stays what it is, so the caller can tell it from bad input.
    if (st.code() == Status::Code::Aborted)
        return Status::aborted(what + ": " + st.message());
    if (st.code() == Status::Code::Busy)
        return Status::busy(what + ": " + st.message());
    return Status::invalidArgument(what + ": " + st.toString());
}

std::string stringProp(const graph::PropertyMap& p, const char* key) {
    auto it = p.find(key);
    return it != p.end() && it->second.isString() ? it->second.asString() : std::string();
}

ValueList listProp(const graph::PropertyMap& p, const char* key) {
    auto it = p.find(key);
    return it != p.end() && it->second.isList() ? it->second.asList() : ValueList();
}

// Moves a list property out of `p` (the caller writes the key again).
ValueList takeList(graph::PropertyMap& p, const char* key) {
    auto it = p.find(key);
    return it != p.end() && it->second.isList() ? std::move(it->second.asList()) : ValueList();
}

bool listHas(const ValueList& l, const std::string& s) {
    return std::any_of(l.begin(), l.end(),
                       [&](const Value& v) { return v.isString() && v.asString() == s; });
}

Result<std::vector<NodeId>> nodesNamed(WriteTransaction& tx, const std::string& label,
                                       const std::string& name) {
    auto ids = tx.findByName(name);
    if (!ids.isOk())
        return ids.status();
    std::vector<NodeId> out;
    for (NodeId id : ids.value()) {
        auto labels = tx.nodeLabels(id);
        if (!labels.isOk())
            return labels.status();
        if (std::find(labels->begin(), labels->end(), label) != labels->end())
            out.push_back(id);
    }
    return out;
}

// The store node an entity is, or 0.
Result<NodeId> matchNode(WriteTransaction& tx, const Entity& e) {
    auto scopeOk = [&](NodeId id) -> Result<bool> {
        if (e.scope.empty())
            return true;
        auto v = tx.nodeProperty(id, "scope");
        if (!v.isOk())
            return v.status();
        return v->isString() && v->asString() == e.scope;
    };
    auto byName = nodesNamed(tx, e.label, e.name);
    if (!byName.isOk())
        return byName.status();
    for (NodeId id : byName.value()) {
        auto ok = scopeOk(id);
        if (!ok.isOk())
            return ok.status();
        if (ok.value())
            return id;
    }
    for (const auto& alias : e.aliases) {
        auto ids = nodesNamed(tx, e.label, alias);
        if (!ids.isOk())
            return ids.status();
        for (NodeId id : ids.value()) {
            // Only a node whose own name is the alias: aliases never match aliases.
            auto name = tx.nodeProperty(id, "name");
            if (!name.isOk())
                return name.status();
            if (!name->isString() ||
                graph::normalizeName(name->asString()) != graph::normalizeName(alias))
                continue;
            auto ok = scopeOk(id);
            if (!ok.isOk())
                return ok.status();
            if (ok.value())
                return id;
        }
    }
    return NodeId{0};
}

graph::PropertyMap nodeProperties(const Entity& e) {
    graph::PropertyMap p = e.properties;
    p["name"] = e.name;
    ValueList aliases;
    for (const auto& a : e.aliases)
        aliases.emplace_back(a);
    for (const auto& a : e.localAliases)
        if (!listHas(aliases, a))
            aliases.emplace_back(a);
    p["aliases"] = std::move(aliases);
    if (!e.scope.empty())
        p["scope"] = e.scope;
    return p;
}

// Takes the document out of every relationship touching `nodes`; returns what it deleted.
Status removeFacts(WriteTransaction& tx, NodeId docNode, const std::string& docId,
                   WriteSummary& sum) {
    std::set<NodeId> touched;
    {
        auto cur = tx.edges(docNode, graph::Direction::Outgoing);
        graph::Edge e;
        while (cur->next(&e))
            touched.insert(e.end);
        if (auto st = cur->status(); !st.isOk())
            return st;
    }
    std::set<RelId> visited;
    for (NodeId n : touched) {
        std::vector<graph::Edge> edges;
        {
            auto cur = tx.edges(n, graph::Direction::Both);
            graph::Edge e;
            while (cur->next(&e))
                edges.push_back(e);
            if (auto st = cur->status(); !st.isOk())
                return st;
        }
        for (const graph::Edge& e : edges) {
            if (!visited.insert(e.id).second)
                continue;
            auto rel = tx.relationship(e.id);
            if (!rel.isOk())
                return rel.status();
            graph::PropertyMap props = rel->properties;
            ValueList sources = listProp(props, "sources");
            if (!listHas(sources, docId))
                continue;
            ValueList keptSources;
            for (const auto& s : sources)
                if (!(s.isString() && s.asString() == docId))
                    keptSources.push_back(s);
            if (keptSources.empty()) {
                if (auto st = tx.deleteRelationship(e.id); !st.isOk())
                    return st;
                ++sum.relationshipsDeleted;
                continue;
            }
            ValueList ev = listProp(props, "evidence"), evDocs = listProp(props, "evidenceDocs"),
                      evOff = listProp(props, "evidenceOffsets");
            ValueList ev2, evDocs2, evOff2;
            for (std::size_t i = 0; i < ev.size(); ++i) {
                bool mine =
                    i < evDocs.size() && evDocs[i].isString() && evDocs[i].asString() == docId;
                if (mine)
                    continue;
                ev2.push_back(ev[i]);
                if (i < evDocs.size())
                    evDocs2.push_back(evDocs[i]);
                if (i < evOff.size())
                    evOff2.push_back(evOff[i]);
            }
            props["sources"] = std::move(keptSources);
            props["evidence"] = std::move(ev2);
            props["evidenceDocs"] = std::move(evDocs2);
            props["evidenceOffsets"] = std::move(evOff2);
            if (auto st = tx.setRelationshipProperties(e.id, props); !st.isOk())
                return st;
        }
    }
    for (NodeId n : touched) {
        auto deg = tx.degree(n, graph::Direction::Both);
        if (!deg.isOk())
            return deg.status();
        if (deg.value() == 0) {
            if (auto st = tx.deleteNode(n, false); !st.isOk())
                return st;
            ++sum.nodesDeleted;
        }
    }
    return Status::ok();
}

Result<NodeId> findDocument(WriteTransaction& tx, const std::string& docId) {
    auto ids = nodesNamed(tx, labels::kDocument, docId);
    if (!ids.isOk())
        return ids.status();
    return ids->empty() ? NodeId{0} : ids->front();
}

} // namespace

Result<WriteSummary> writeDocument(graph::GraphStore& store, const ExtractedDocument& doc,
                                   const graph::WriteLimits& limits) {
    const std::string what = "ingesting " + doc.docId;
    auto txr = store.beginWrite(limits);
    if (!txr.isOk())
        return withContext(txr.status(), what);
    WriteTransaction& tx = *txr.value();
    WriteSummary sum;

    auto existing = findDocument(tx, doc.docId);
    if (!existing.isOk())
        return withContext(existing.status(), what);
    NodeId docNode = existing.value();
    if (docNode != 0) {
        auto hash = tx.nodeProperty(docNode, "contentHash");
        if (!hash.isOk())
            return withContext(hash.status(), what);
        if (hash->isString() && hash->asString() == doc.contentHash) {
            tx.rollback();
            sum.unchanged = true;
            return sum;
        }
        if (auto st = removeFacts(tx, docNode, doc.docId, sum); !st.isOk())
            return withContext(st, what);
        sum.replaced = true;
    }

    const ExtractedGraph& g = doc.graph;
    std::vector<NodeId> ids(g.entities.size(), 0);
    for (std::size_t i = 0; i < g.entities.size(); ++i) {
        const Entity& e = g.entities[i];
        if (i == doc.documentNode && docNode != 0) {
            if (auto st = tx.setNodeProperties(docNode, nodeProperties(e)); !st.isOk())
                return withContext(st, what);
            ids[i] = docNode;
            continue;
        }
        auto m = matchNode(tx, e);
        if (!m.isOk())
            return withContext(m.status(), what);
        if (m.value() == 0) {
            auto id = tx.createNode({e.label}, nodeProperties(e));
            if (!id.isOk())
                return withContext(id.status(), what);
            ids[i] = id.value();
            ++sum.nodesCreated;
            continue;
        }
        ids[i] = m.value();
        ++sum.nodesMerged;
        auto node = tx.node(ids[i]);
        if (!node.isOk())
            return withContext(node.status(), what);
        graph::PropertyMap props = std::move(node->properties);
        ValueList aliases = takeList(props, "aliases");
        std::string name = stringProp(props, "name");
        bool changed = false;
        auto addAlias = [&](const std::string& a) {
            if (a != name && !listHas(aliases, a)) {
                aliases.emplace_back(a);
                changed = true;
            }
        };
        addAlias(e.name);
        for (const auto& a : e.aliases)
            addAlias(a);
        for (const auto& a : e.localAliases)
            addAlias(a);
        for (const auto& [k, v] : e.properties) {
            if (!props.count(k)) {
                props.emplace(k, v);
                changed = true;
            }
        }
        if (changed) {
            props["aliases"] = std::move(aliases);
            if (auto st = tx.setNodeProperties(ids[i], props); !st.isOk())
                return withContext(st, what);
        }
    }

    // (start, type, end) to the relationship, each start node's edges read once: scanning them
    // for every relation took time quadratic in a node's degree (the document node's MENTIONS).
    std::map<std::tuple<NodeId, graph::TypeId, NodeId>, RelId> known;
    std::set<NodeId> scanned;
    auto scanFrom = [&](NodeId start) -> Status {
        if (!scanned.insert(start).second)
            return Status::ok();
        auto cur = tx.edges(start, graph::Direction::Outgoing);
        graph::Edge edge;
        while (cur->next(&edge))
            known.emplace(std::tuple{start, edge.type, edge.end}, edge.id); // the lowest id wins
        return cur->status();
    };
    for (const Relation& r : g.relations) {
        NodeId s = ids[r.start], e = ids[r.end];
        RelId found = 0;
        graph::TypeId typeId = 0;
        if (auto type = tx.typeId(r.type); type.isOk()) {
            typeId = type.value();
            if (auto st = scanFrom(s); !st.isOk())
                return withContext(st, what);
            if (auto it = known.find({s, typeId, e}); it != known.end())
                found = it->second;
        }
        ValueList ev, evDocs, evOff, sources;
        for (const auto& x : r.evidence) {
            ev.emplace_back(x.sentence);
            evDocs.emplace_back(x.docId);
            evOff.emplace_back(ValueList{Value(x.begin), Value(x.end)});
        }
        for (const auto& src : r.sources)
            sources.emplace_back(src);
        if (found == 0) {
            graph::PropertyMap props = r.properties;
            props["sources"] = std::move(sources);
            props["evidence"] = std::move(ev);
            props["evidenceDocs"] = std::move(evDocs);
            props["evidenceOffsets"] = std::move(evOff);
            auto id = tx.createRelationship(s, r.type, e, props);
            if (!id.isOk())
                return withContext(id.status(), what);
            if (auto type = tx.typeId(r.type); type.isOk() && scanned.count(s))
                known.emplace(std::tuple{s, type.value(), e}, id.value());
            ++sum.relationshipsCreated;
            continue;
        }
        // Appended without reading the record: a fact that many documents repeat collects one
        // evidence entry per document, and rewriting the whole list each time made the writer
        // quadratic in the number of documents.
        graph::PropertyUpdate update;
        update.set = r.properties;
        update.appendDistinct["sources"] = std::move(sources);
        update.append["evidence"] = std::move(ev);
        update.append["evidenceDocs"] = std::move(evDocs);
        update.append["evidenceOffsets"] = std::move(evOff);
        graph::Edge edge;
        edge.id = found;
        edge.type = typeId;
        edge.start = s;
        edge.end = e;
        if (auto st = tx.updateRelationshipProperties(edge, update); !st.isOk())
            return withContext(st, what);
        ++sum.relationshipsMerged;
    }
    if (auto st = tx.commit(); !st.isOk())
        return withContext(st, what);
    return sum;
}

Result<WriteSummary> removeDocument(graph::GraphStore& store, const std::string& docId) {
    auto txr = store.beginWrite();
    if (!txr.isOk())
        return txr.status();
    WriteTransaction& tx = *txr.value();
    auto existing = findDocument(tx, docId);
    if (!existing.isOk())
        return existing.status();
    if (existing.value() == 0)
        return Status::notFound("no document " + docId + " in the store");
    WriteSummary sum;
    if (auto st = removeFacts(tx, existing.value(), docId, sum); !st.isOk())
        return st;
    if (auto st = tx.deleteNode(existing.value(), true); !st.isOk())
        return st;
    ++sum.nodesDeleted;
    if (auto st = tx.commit(); !st.isOk())
        return st;
    return sum;
}

} // namespace innograph::extract
