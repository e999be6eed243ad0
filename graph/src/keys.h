#pragma once

// Key layout of every column family. Ordered fields are big-endian so that RocksDB's bytewise
// order is numeric order and prefix scans select exactly one node's or one label's entries.
//
//   nodes     be64(node)                                  -> node record (codec.h)
//   rels      be64(rel)                                   -> relationship record
//   adj_out   be64(start) be32(type) be64(end)   be64(rel) -> ""
//   adj_in    be64(end)   be32(type) be64(start) be64(rel) -> ""
//   labels    be32(label) be64(node)                      -> ""
//   names     normalised name, 0x00, be64(node)           -> ""
//   counters  'L' be32(label) | 'T' be32(type) | 'N' | 'R' -> int64 (merge: add)
//   default   dictionary and id allocation (meta keys below)

#include "innograph/graph/graph_store.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace innograph::graph::keys {

inline constexpr std::size_t kAdjKeySize = 28;
inline constexpr std::size_t kAdjPrefixSize = 8;

// Big-endian fields read from and written to memory in place: a byte swap and a copy, inline,
// because sorts and loads call them for every key.
inline std::uint32_t getBe32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return std::endian::native == std::endian::little ? __builtin_bswap32(v) : v;
}
inline std::uint64_t getBe64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return std::endian::native == std::endian::little ? __builtin_bswap64(v) : v;
}
inline void writeBe32(char* out, std::uint32_t v) {
    if constexpr (std::endian::native == std::endian::little)
        v = __builtin_bswap32(v);
    std::memcpy(out, &v, sizeof v);
}
inline void writeBe64(char* out, std::uint64_t v) {
    if constexpr (std::endian::native == std::endian::little)
        v = __builtin_bswap64(v);
    std::memcpy(out, &v, sizeof v);
}

void putBe32(std::string* out, std::uint32_t v);
void putBe64(std::string* out, std::uint64_t v);
std::string be32(std::uint32_t v);
std::string be64(std::uint64_t v);

std::string nodeKey(NodeId id);
std::string relKey(RelId id);
std::string adjKey(NodeId self, TypeId type, NodeId other, RelId rel);
// adjKey's bytes into out[0, kAdjKeySize), for callers that build millions of keys.
void writeAdjKey(char* out, NodeId self, TypeId type, NodeId other, RelId rel);
std::string adjPrefix(NodeId self);
std::string adjTypePrefix(NodeId self, TypeId type);
std::string labelKey(LabelId label, NodeId node);
std::string labelPrefix(LabelId label);
std::string nameKey(std::string_view normalized, NodeId node);
std::string namePrefix(std::string_view normalized); // exact name: normalised + 0x00

// Smallest key greater than every key that starts with `prefix` (empty: no such bound).
std::string prefixUpperBound(std::string_view prefix);

struct AdjEntry {
    NodeId self;
    TypeId type;
    NodeId other;
    RelId rel;
};
AdjEntry parseAdjKey(std::string_view key);

std::string labelCounterKey(LabelId label);
std::string typeCounterKey(TypeId type);
inline const std::string kNodeCounterKey = "N";
inline const std::string kRelCounterKey = "R";

// Meta keys (default column family).
inline const std::string kNextNodeKey = "next/node";
inline const std::string kNextRelKey = "next/rel";
inline const std::string kFormatKey = "format";
inline constexpr std::string_view kFormatVersion = "innograph-1";
std::string labelDictKey(std::string_view name);   // dict/L/<name> -> be32 id
std::string typeDictKey(std::string_view name);    // dict/T/<name> -> be32 id
std::string propertyKeyKey(std::string_view name); // dict/P/<name> -> ""
inline const std::string kLabelDictPrefix = "dict/L/";
inline const std::string kTypeDictPrefix = "dict/T/";
inline const std::string kPropertyKeyPrefix = "dict/P/";

} // namespace innograph::graph::keys
