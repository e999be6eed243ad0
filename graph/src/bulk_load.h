#pragma once

#include "store_core.h"

#include <mutex>

namespace innograph::graph::detail {

// A streaming bulk load (see BulkLoader in the public header). Takes the store's writer lock.
Result<std::unique_ptr<BulkLoader>> startBulkLoad(StoreCore* core, const BulkLoadOptions& options,
                                                  std::unique_lock<std::timed_mutex> writerLock);

// The whole-vector form, on top of the streaming one. The caller holds the store's writer lock
// and hands it over.
Result<BulkLoadResult> runBulkLoad(StoreCore* core, const std::vector<BulkNode>& nodes,
                                   const std::vector<BulkRelationship>& rels,
                                   const BulkLoadOptions& options,
                                   std::unique_lock<std::timed_mutex> writerLock);

} // namespace innograph::graph::detail
