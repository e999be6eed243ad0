#pragma once

// Collects the elements of an import, resolves the file's ids, and loads them in one atomic
// bulk load. Shared by every import format so their errors read the same.

#include "innograph/interchange/interchange.h"

#include <unordered_map>
#include <vector>

namespace innograph::interchange {

class ImportBuilder {
public:
    Status addNode(const std::string& where, const std::string& id, std::vector<std::string> labels,
                   graph::PropertyMap props);
    void addRelationship(const std::string& where, std::string type, std::string start,
                         std::string end, graph::PropertyMap props);
    Result<ImportSummary> load(graph::GraphStore& store, const Progress& progress);

private:
    struct PendingRel {
        std::string where, start, end;
    };
    std::vector<graph::BulkNode> nodes_;
    std::vector<graph::BulkRelationship> rels_;
    std::vector<PendingRel> pending_;
    std::unordered_map<std::string, std::size_t> index_;
};

// "file:line: message"
std::string at(const std::string& file, std::size_t line);

} // namespace innograph::interchange
