#pragma once

// Streams the elements of an import into one atomic bulk load, resolving the file's own ids.
// Shared by every import format so their errors read the same ("file:line: what").
//
// Nodes go to the store's BulkLoader as they come. A relationship whose endpoints are both known
// goes too; from the first one that names a node not yet seen, relationships are held back (in
// file order, so ids follow the file) until the end, when every node is known.

#include "innograph/interchange/interchange.h"

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace innograph::interchange {

// A file's node ids. Ids that are canonical decimal numbers, the common case, are kept as
// numbers: while they ascend (as in any export) in a vector looked up by position, else in a
// hash map; any other id is kept as text.
class FileIdMap {
public:
    // False when the id is already mapped.
    bool insert(std::string_view id, std::uint64_t index);
    // Safe to call from several threads at once while nothing inserts.
    std::optional<std::uint64_t> find(std::string_view id) const;

private:
    static std::optional<std::uint64_t> number(std::string_view id);
    void leaveAscending();
    bool ascending_ = true;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> sorted_; // (id, index), ids ascending
    std::unordered_map<std::uint64_t, std::uint64_t> numbers_;
    // Looked up by view: no string built per lookup.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>()(s);
        }
    };
    std::unordered_map<std::string, std::uint64_t, TextHash, std::equal_to<>> texts_;
};

class ImportBuilder {
public:
    ImportBuilder(graph::GraphStore& store, Progress progress);
    Status begin();
    Status addNode(const std::string& file, std::size_t line, std::string_view id,
                   const std::vector<std::string>& labels, const graph::PreparedProperties& props);
    Status addRelationship(const std::string& file, std::size_t line, std::string_view type,
                           std::string_view start, std::string_view end,
                           graph::PreparedProperties props);
    // A relationship whose endpoints the caller already looked up in ids() (by their indexes in
    // the import, as FileIdMap::find gives them).
    Status addRelationship(const std::string& file, std::size_t line, std::string_view type,
                           std::uint64_t start, std::uint64_t end, graph::PreparedProperties props);
    // The ids of the nodes added so far. A format that has read every node before its
    // relationships may look relationships up here on other threads, while nothing is added.
    const FileIdMap& ids() const { return ids_; }
    // Ingests everything at once; before that nothing is in the store.
    Result<ImportSummary> finish();

private:
    struct HeldRel {
        std::string file;
        std::size_t line;
        std::string type, start, end;
        graph::PreparedProperties props;
        std::optional<std::pair<std::uint64_t, std::uint64_t>> resolved; // else start and end
    };
    Status addResolved(const std::string& file, std::size_t line, std::string_view type,
                       std::uint64_t start, std::uint64_t end,
                       const graph::PreparedProperties& props);

    graph::GraphStore& store_;
    Progress progress_;
    std::unique_ptr<graph::BulkLoader> loader_;
    FileIdMap ids_;
    std::vector<HeldRel> held_;
    std::uint64_t nodes_ = 0, rels_ = 0;
};

// "file:line: "
std::string at(const std::string& file, std::size_t line);

} // namespace innograph::interchange
