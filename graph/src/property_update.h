#pragma once

// Relationship property updates kept as RocksDB merge operands in the relationship family (see
// WriteTransaction::updateRelationshipProperties).
//
//   operand  one or more updates back to back, each: 'U', then as codec encodes values: the map
//            `set` (its non-null entries), the list of keys `set` removes, the map `append`, the
//            map `appendDistinct`
//
// Two operands back to back are one operand that applies both in order, so partial merges (and
// a transaction's repeated updates of one relationship) are concatenation.

#include "innograph/graph/graph_store.h"

#include <rocksdb/merge_operator.h>

#include <memory>
#include <string>
#include <string_view>

namespace innograph::graph::detail {

std::string encodePropertyUpdate(const PropertyUpdate& update);

// Applies every update of `operands` to `props`, in order; Corruption when they do not decode.
Status applyPropertyUpdates(std::string_view operands, PropertyMap* props);

// The relationship record `record` with `operands` applied, into `out`.
Status applyToRelationshipRecord(std::string_view record, std::string_view operands,
                                 std::string* out);

// The merge operator of the relationship family. A merge without a record to apply to fails
// (Corruption): the transaction writes an update only for a relationship it has seen to exist.
std::shared_ptr<rocksdb::MergeOperator> relationshipUpdateOperator();

} // namespace innograph::graph::detail
