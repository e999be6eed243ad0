#pragma once

// The in-memory result in the shape of Neo4j APOC's JSON export (one object a line), the shape
// shared/eval/score.py reads; for scoring before or without a store.

#include "innograph/extract/model.h"

#include <ostream>
#include <string>

namespace innograph::extract {

void writeApocJsonl(const ExtractedGraph& graph, std::ostream& out);
std::string toApocJsonl(const ExtractedGraph& graph);

} // namespace innograph::extract
