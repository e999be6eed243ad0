#pragma once

#include "store_core.h"

namespace innograph::graph::detail {

// Writes sorted table files for every column family and ingests them in one atomic step.
// The caller holds the store's writer lock.
Result<BulkLoadResult> runBulkLoad(StoreCore* core, const std::vector<BulkNode>& nodes,
                                   const std::vector<BulkRelationship>& rels,
                                   const BulkLoadOptions& options);

} // namespace innograph::graph::detail
