// GET /v1/documents, GET /v1/documents/{id}, POST /v1/documents?id=: the source documents,
// their cleaned text, and every fact each yields with its evidence.

#include "elements.h"
#include "service.h"

#include "innograph/extract/store_writer.h"
#include "innograph/interchange/interchange.h"

#include <charconv>
#include <set>

namespace innograph::server {
namespace {

std::string str(const graph::PropertyMap& p, const char* key) {
    auto it = p.find(key);
    if (it != p.end() && it->second.isTemporal()) // a document's date: ISO 8601 text
        return graph::formatTemporal(it->second.asTemporal());
    return it != p.end() && it->second.isString() ? it->second.asString() : "";
}

nlohmann::json summary(const graph::Node& doc) {
    const auto& p = doc.properties;
    return {{"id", doc.id},
            {"docId", str(p, "docId")},
            {"title", str(p, "title")},
            {"date", str(p, "date")},
            {"issuer", str(p, "issuer")},
            {"encoding", str(p, "encoding")},
            {"chars", str(p, "text").size()}};
}

std::optional<graph::TypeId> typeOf(const graph::ReadView& view, const char* name) {
    auto t = view.typeId(name);
    return t.isOk() ? std::optional<graph::TypeId>(*t) : std::nullopt;
}

Response list(Service& svc, RequestContext& ctx) {
    auto view = svc.store().snapshot();
    nlohmann::json docs = nlohmann::json::array();
    if (auto lid = view->labelId("Document"); lid.isOk()) {
        auto c = view->nodesWithLabel(*lid);
        graph::NodeId id;
        while (c->next(&id))
            if (auto n = view->node(id); n.isOk())
                docs.push_back(summary(*n));
    }
    return svc.json(ctx, http::status::ok, {{"documents", docs}});
}

graph::Node findDocument(const graph::ReadView& view, const std::string& key) {
    graph::NodeId id = 0;
    auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    std::vector<graph::NodeId> candidates;
    if (ec == std::errc() && p == key.data() + key.size())
        candidates.push_back(id);
    if (auto ids = view.findByName(key); ids.isOk())
        candidates.insert(candidates.end(), ids->begin(), ids->end());
    for (auto c : candidates) {
        auto n = view.node(c);
        if (n.isOk() && n->hasLabel("Document"))
            return std::move(*n);
    }
    throw HttpError(http::status::not_found, "NotFound", "no document " + key);
}

Response get(Service& svc, RequestContext& ctx) {
    auto view = svc.store().snapshot();
    auto doc = findDocument(*view, ctx.pathParams.at(0));
    const auto docId = str(doc.properties, "docId");
    auto mentions = typeOf(*view, "MENTIONS");
    std::vector<graph::NodeId> mentioned;
    nlohmann::json entities = nlohmann::json::array();
    auto c = view->edges(doc.id, graph::Direction::Outgoing);
    graph::Edge e;
    nlohmann::json facts = nlohmann::json::array();
    std::set<graph::RelId> seen;
    auto addFact = [&](const graph::Relationship& r) {
        if (!seen.insert(r.id).second)
            return;
        const auto& p = r.properties;
        auto list = [&](const char* k) {
            auto it = p.find(k);
            return it != p.end() && it->second.isList() ? it->second.asList() : graph::ValueList{};
        };
        auto sources = list("sources");
        bool fromDoc = false;
        for (const auto& s : sources)
            fromDoc |= s.isString() && s.asString() == docId;
        if (!fromDoc)
            return;
        auto ev = list("evidence"), evDocs = list("evidenceDocs"), evOff = list("evidenceOffsets");
        nlohmann::json evidence = nlohmann::json::array();
        for (std::size_t i = 0; i < ev.size(); ++i) {
            if (i < evDocs.size() && evDocs[i].isString() && evDocs[i].asString() != docId)
                continue;
            nlohmann::json item{{"sentence", interchange::toJson(ev[i])}};
            if (i < evOff.size())
                item["offsets"] = interchange::toJson(evOff[i]);
            evidence.push_back(std::move(item));
        }
        auto endpoint = [&](graph::NodeId id) -> nlohmann::json {
            auto n = view->node(id);
            if (!n.isOk())
                return {{"id", id}};
            return {{"id", id},
                    {"label", n->labels.empty() ? "" : n->labels.front()},
                    {"name", str(n->properties, "name")}};
        };
        facts.push_back({{"id", r.id},
                         {"type", r.type},
                         {"start", endpoint(r.start)},
                         {"end", endpoint(r.end)},
                         {"evidence", evidence}});
    };
    while (c->next(&e)) {
        auto r = view->relationship(e.id);
        if (!r.isOk())
            continue;
        if (mentions && e.type == *mentions) {
            mentioned.push_back(e.end);
            auto n = view->node(e.end);
            if (n.isOk()) {
                auto j = nodeJson(*n, false);
                if (auto it = r->properties.find("count"); it != r->properties.end())
                    j["count"] = interchange::toJson(it->second);
                entities.push_back(std::move(j));
            }
        } else {
            addFact(*r);
        }
    }
    for (auto id : mentioned) {
        auto ec2 = view->edges(id, graph::Direction::Both);
        while (ec2->next(&e)) {
            if (mentions && e.type == *mentions)
                continue;
            if (auto r = view->relationship(e.id); r.isOk())
                addFact(*r);
        }
    }
    auto out = summary(doc);
    out["text"] = str(doc.properties, "text");
    out["cites"] = interchange::toJson(doc.properties.count("cites") ? doc.properties.at("cites")
                                                                     : graph::Value());
    out["entities"] = entities;
    out["facts"] = facts;
    return svc.json(ctx, http::status::ok, out);
}

Response ingest(Service& svc, RequestContext& ctx) {
    svc.requireWriteAccess(ctx);
    // The first document of a process loads the lexicon, builds its indexes and reads jieba's
    // dictionary (about a second under AddressSanitizer): that is the service's start-up, not
    // this document's work, so the ingestion time limit starts once the extractor exists.
    const auto& extractor = svc.extractor();
    const auto started = std::chrono::steady_clock::now();
    auto docId = param(ctx.target, "id");
    if (docId.empty() || docId.find('/') != std::string::npos)
        throw HttpError(http::status::bad_request, "ArgumentError",
                        "give the document's id as ?id=NAME (no slashes)");
    auto doc = extractor.extract(docId, ctx.request.body());
    if (!doc.isOk())
        throw HttpError(http::status::bad_request, "DocumentError",
                        "document " + docId + ": " + doc.status().message());
    graph::WriteLimits limits;
    limits.deadline = started + svc.options().ingestTimeout;
    limits.cancel = &svc.cancelled();
    auto written = extract::writeDocument(svc.store(), *doc, limits);
    if (!written.isOk()) {
        const auto& st = written.status();
        if (svc.cancelled())
            throw HttpError(http::status::service_unavailable, "Cancelled",
                            "the service is stopping; nothing was written: " + st.message());
        if (st.code() == graph::Status::Code::Aborted || st.code() == graph::Status::Code::Busy)
            throw HttpError(http::status::request_timeout, "Timeout",
                            "document " + docId + " took longer than the ingestion time limit of " +
                                std::to_string(svc.options().ingestTimeout.count()) +
                                " ms; nothing was written");
        throw HttpError(http::status::internal_server_error, "StorageError", st.toString());
    }
    nlohmann::json perLabel = nlohmann::json::object(), perType = nlohmann::json::object();
    for (const auto& [l, n] : doc->graph.countEntitiesByLabel())
        perLabel[l] = n;
    for (const auto& [t, n] : doc->graph.countRelationsByType())
        perType[t] = n;
    const auto& w = *written;
    return svc.json(ctx, w.unchanged ? http::status::ok : http::status::created,
                    {{"docId", docId},
                     {"encoding", doc->encoding},
                     {"title", doc->info.title},
                     {"unchanged", w.unchanged},
                     {"replaced", w.replaced},
                     {"entities", perLabel},
                     {"relationships", perType},
                     {"written",
                      {{"nodesCreated", w.nodesCreated},
                       {"nodesMerged", w.nodesMerged},
                       {"nodesDeleted", w.nodesDeleted},
                       {"relationshipsCreated", w.relationshipsCreated},
                       {"relationshipsMerged", w.relationshipsMerged},
                       {"relationshipsDeleted", w.relationshipsDeleted}}}});
}

} // namespace

void registerDocumentRoutes(Router& router) {
    router.add(http::verb::get, "/v1/documents", list);
    router.add(http::verb::post, "/v1/documents", ingest);
    router.add(http::verb::get, "/v1/documents/{id}", get);
}

} // namespace innograph::server
