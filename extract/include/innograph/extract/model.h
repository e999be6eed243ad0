#pragma once

// The extractor's in-memory result: a small property graph of entities and relations keyed by
// (label, canonical name), with the documents each fact came from. One ExtractedGraph holds one
// document's facts (see extractor.h) or the merge of many.

#include "innograph/graph/value.h"
#include "innograph/ontology/ontology.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace innograph::extract {

// Labels and relationship types: the one ontology table (ontology/ontology.json).
namespace labels = ontology::label;
namespace rels = ontology::rel;

// Where a fact was read: the sentence, and its byte span in the document as given (before
// decoding), so a reader can find the real text.
struct Evidence {
    std::string docId;
    std::string sentence;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Entity {
    std::string label;
    std::string name;                 // canonical, simplified Chinese
    std::vector<std::string> aliases; // other spellings seen or derived (short, full, traditional)
    // Aliases that only make sense inside their document (市科技局 in a city's plan): kept for
    // display and search but never used to match entities of other documents.
    std::vector<std::string> localAliases;
    // Task and Target nodes belong to one document: they merge only with the same scope.
    std::string scope;
    graph::PropertyMap properties; // label-specific: Document title/date/…, Target metric/value/…
};

struct Relation {
    std::string type;
    std::size_t start = 0; // index into ExtractedGraph::entities
    std::size_t end = 0;
    std::vector<std::string> sources; // document ids
    std::vector<Evidence> evidence;
    graph::PropertyMap properties; // e.g. MENTIONS count
};

// Key of a node for merging: label plus normalised name.
std::string entityKey(std::string_view label, std::string_view name);
// The form names are compared in: no white space or quotation marks (the text layer's classes),
// ASCII lower case. Names are already NFKC and simplified when they get here.
std::string normalizeForMatch(std::string_view name);

class ExtractedGraph {
public:
    std::vector<Entity> entities;
    std::vector<Relation> relations;

    // Adds the entity or merges it into the one it names (same label and scope, name matching a
    // name or alias, or an alias matching a name). Returns its index.
    std::size_t addEntity(const Entity& entity);
    std::optional<std::size_t> findEntity(std::string_view label, std::string_view name,
                                          std::string_view scope = {}) const;
    // Adds the relation or merges sources and evidence into the same (type, start, end). A
    // relationship the ontology does not allow between these labels (a Department HOSTS an
    // Industry, say) is refused: nullopt, and nothing changes. The contract is enforced here, once,
    // so no rule can put a shape into the graph that the server, the web page or a user's query
    // would not expect.
    std::optional<std::size_t> addRelation(const std::string& type, std::size_t start,
                                           std::size_t end, const std::vector<std::string>& sources,
                                           const std::vector<Evidence>& evidence,
                                           const graph::PropertyMap& properties = {});
    std::optional<std::size_t> findRelation(std::string_view type, std::size_t start,
                                            std::size_t end) const;
    // Folds another graph into this one.
    void merge(const ExtractedGraph& other);

    std::map<std::string, std::size_t> countEntitiesByLabel() const;
    std::map<std::string, std::size_t> countRelationsByType() const;

private:
    // Indexes the entity's name and its aliases from firstNewAlias on.
    void indexEntity(std::size_t index, std::size_t firstNewAlias);
    // (label + '\x1f' + scope + '\x1f' + normalised name) -> entity, for names and aliases
    std::map<std::string, std::size_t> byName_;
    std::map<std::string, std::size_t> byAlias_;
    std::map<std::string, std::size_t> relIndex_;
};

} // namespace innograph::extract
