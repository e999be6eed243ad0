#pragma once

// innograph's query values in PackStream and back: results go out as Bolt's graph structures
// (Node, Relationship, UnboundRelationship, Path); parameters come in as PackStream values.

#include "handshake.h"
#include "packstream.h"

#include "innograph/query/value.h"

namespace innograph::server::bolt {

// A node's or relationship's element id (Bolt 5): its numeric id as a string, which is also
// what innograph's HTTP API calls it.
std::string elementId(std::uint64_t id);

// Encodes a result value. Bolt 5 adds element ids to the graph structures; 4.4 has none.
void packValue(Packer& p, const query::Value& v, BoltVersion version);

// A parameter. Throws query::QueryError (TypeError) for what the query language has no value
// for: bytes and structures (temporal, spatial, graph elements).
query::Value toQueryValue(const PackValue& v);

} // namespace innograph::server::bolt
