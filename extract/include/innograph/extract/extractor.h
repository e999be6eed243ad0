#pragma once

// The extraction pipeline: bytes of one document in, its entities and facts out.
//   decode/clean (text.h) → document (document.h) → structure (structure.h)
//   → entities (entities.h) → relations (relations.h) → one ExtractedGraph (model.h)
// Merging documents: ExtractedGraph::merge. Writing to the store: store_writer.h.

#include "innograph/extract/document.h"
#include "innograph/extract/lexicon.h"
#include "innograph/extract/model.h"
#include "innograph/extract/relations.h"
#include "innograph/graph/status.h"

#include <memory>
#include <string>
#include <string_view>

namespace innograph::extract {

struct ExtractOptions {
    RelationOptions relations;
};

struct ExtractedDocument {
    std::string docId;
    std::string contentHash; // of the bytes as given: re-ingesting the same bytes is a no-op
    std::string encoding;    // "UTF-8" or "GB18030"
    DocumentInfo info;
    ExtractedGraph graph;         // the Document node, its entities and facts
    std::size_t documentNode = 0; // index of the Document node in graph.entities
};

class Extractor {
public:
    // With the lexicon compiled into the library.
    static graph::Result<std::unique_ptr<Extractor>> create(const ExtractOptions& options = {});
    // With the tables of a lexicon directory (data/lexicon).
    static graph::Result<std::unique_ptr<Extractor>>
    fromDirectory(const std::string& lexiconDir, const ExtractOptions& options = {});
    Extractor(std::shared_ptr<const Lexicon> lexicon, const ExtractOptions& options = {});

    // `docId` names the document in every fact's sources (the file name without .txt). Errors
    // (empty, binary, undecodable input) are InvalidArgument with the reason.
    graph::Result<ExtractedDocument> extract(std::string_view docId, std::string_view bytes) const;
    // Reads the file; its id is documentIdFromPath(path). Errors name the file.
    graph::Result<ExtractedDocument> extractFile(const std::string& path) const;

    const Lexicon& lexicon() const { return *lexicon_; }

private:
    std::shared_ptr<const Lexicon> lexicon_;
    ExtractOptions options_;
};

// 000_be00c2b6671815d3 for /any/dir/000_be00c2b6671815d3.txt.
std::string documentIdFromPath(std::string_view path);
// Stable hex digest of bytes (FNV-1a, 64 bit).
std::string contentHash(std::string_view bytes);

} // namespace innograph::extract
