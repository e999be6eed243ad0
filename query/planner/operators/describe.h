#pragma once

// How EXPLAIN/PROFILE spell the pieces of an operator's details: variables (anonymous ones as
// anon_N), label and type lists, relationship arrows.

#include "innograph/graph/graph_store.h"

#include <string>
#include <vector>

namespace innograph::query::logical {

using SlotNames = std::vector<std::string>;

std::string variable(int slot, const SlotNames& names);
std::string labelList(const std::vector<std::string>& labels);
std::string typeList(const std::vector<std::string>& types);
// (from)-[rel<inner>]->(to<toLabels>), the arrow drawn for `direction`.
std::string arrow(const SlotNames& names, int fromSlot, int relSlot, int toSlot,
                  graph::Direction direction, const std::string& inner,
                  const std::vector<std::string>& toLabels);
std::string slotList(const std::vector<int>& slots, const SlotNames& names);

} // namespace innograph::query::logical
