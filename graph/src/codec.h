#pragma once

// Binary encodings of stored records. Decoders never trust their input: a truncated or
// malformed record yields Corruption, never a read past the end.
//
//   value    tag byte (Value::Kind) then: bool 1 byte; int and double 8 bytes little-endian;
//            string varint length + bytes; list varint count + values; map varint count +
//            (string key, value) pairs in key order
//   node     varint label count, varint label ids, then the property map as above
//   rel      be32 type, be64 start, be64 end, then the property map

#include "innograph/graph/graph_store.h"

#include <string>
#include <string_view>
#include <vector>

namespace innograph::graph::codec {

void putVarint(std::string* out, std::uint64_t v);
bool getVarint(std::string_view* in, std::uint64_t* v);

void encodeValue(std::string* out, const Value& v);
Status decodeValue(std::string_view* in, Value* out);

void encodeProperties(std::string* out, const PropertyMap& props);
Status decodeProperties(std::string_view in, PropertyMap* out);
// Finds one property without decoding the others; null when absent.
Status findProperty(std::string_view in, std::string_view key, Value* out);

struct NodeRecord {
    std::vector<LabelId> labels;
    PropertyMap properties;
};
std::string encodeNode(const std::vector<LabelId>& labels, const PropertyMap& props);
Status decodeNode(std::string_view in, NodeRecord* out);
// The label ids and the remaining bytes (the encoded property map), decoding nothing else.
Status splitNode(std::string_view in, std::vector<LabelId>* labels, std::string_view* props);

struct RelRecord {
    TypeId type = 0;
    NodeId start = 0;
    NodeId end = 0;
    PropertyMap properties;
};
std::string encodeRel(TypeId type, NodeId start, NodeId end, const PropertyMap& props);
Status decodeRel(std::string_view in, RelRecord* out);
Status decodeRelHeader(std::string_view in, TypeId* type, NodeId* start, NodeId* end);

// Names a node is found by: its `name` and every string in its `aliases`.
// `normalize` is normalizeName or a cache in front of it.
std::vector<std::string> indexedNames(const PropertyMap& props,
                                      std::string (*normalize)(std::string_view) = normalizeName);

} // namespace innograph::graph::codec
