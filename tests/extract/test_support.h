#pragma once

// Helpers shared by the extractor tests.

#include "innograph/extract/extractor.h"

#include <string>
#include <string_view>

namespace innograph::extract::testing {

std::string readFile(const std::string& path);
std::string corpusPath(std::string_view name); // a file of data/corpus
const Extractor& extractor();                  // with the built-in lexicon
// Extracts UTF-8 text given in the test; fails the test on error.
ExtractedDocument extractText(std::string_view docId, std::string_view text);
// UTF-8 → GBK/GB18030 bytes with ICU.
std::string toGb18030(std::string_view utf8);

// The entity with this label whose name or alias is `name`, or -1.
long findEntity(const ExtractedGraph& g, std::string_view label, std::string_view name);
bool hasRelation(const ExtractedGraph& g, std::string_view type, std::string_view fromLabel,
                 std::string_view from, std::string_view toLabel, std::string_view to);
// hasRelation(g, "HOSTS", label, from, "Industry", industry).
bool hosts(const ExtractedGraph& g, std::string_view label, std::string_view from,
           std::string_view industry);
// Relations of a type whose end node's name contains `endNameContains`.
bool hasTaskRelation(const ExtractedGraph& g, std::string_view type, std::string_view dept,
                     std::string_view endNameContains);
std::size_t countRelations(const ExtractedGraph& g, std::string_view type);

} // namespace innograph::extract::testing
