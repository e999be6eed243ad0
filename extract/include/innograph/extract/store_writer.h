#pragma once

// Writes an extracted document into the graph store, one atomic transaction per document:
//  - nodes are matched to existing ones by label and normalised name (a node's name or alias
//    equal to the entity's name, or the node's name equal to one of the entity's aliases);
//  - a relationship of the same (type, start, end) gets the document added to its `sources`
//    and its evidence appended;
//  - a document ingested again with different bytes first has its old facts removed (its id
//    taken out of every relationship's sources, relationships left with none deleted, with the
//    document's MENTIONS, and nodes left without any relationship deleted), then the new ones
//    added; the same bytes again change nothing.

#include "innograph/extract/extractor.h"
#include "innograph/graph/graph_store.h"

#include <cstdint>

namespace innograph::extract {

struct WriteSummary {
    bool unchanged = false; // the store already held these exact bytes for this document
    bool replaced = false;  // an earlier version of the document was replaced
    std::uint64_t nodesCreated = 0;
    std::uint64_t nodesMerged = 0; // matched to nodes already in the store
    std::uint64_t nodesDeleted = 0;
    std::uint64_t relationshipsCreated = 0;
    std::uint64_t relationshipsMerged = 0;
    std::uint64_t relationshipsDeleted = 0;
};

// Past the limits' deadline or once cancelled, fails with Aborted (Busy while waiting for another
// writer) and writes nothing.
graph::Result<WriteSummary> writeDocument(graph::GraphStore& store, const ExtractedDocument& doc,
                                          const graph::WriteLimits& limits = {});

// Removes one document's facts in its own transaction (for `innograph` commands that drop a
// document). NotFound when the store has no such document.
graph::Result<WriteSummary> removeDocument(graph::GraphStore& store, const std::string& docId);

} // namespace innograph::extract
