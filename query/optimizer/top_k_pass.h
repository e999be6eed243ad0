#pragma once

// Sort → [Skip] → Limit becomes one TopK that keeps only the best skip+limit rows while it
// reads its input, instead of sorting everything and then discarding. The TopK keeps the
// Limit's promise to drain its input (writes upstream must all happen). A Sort without a LIMIT
// above it is left alone.

#include "optimizer/optimizer_pass.h"

namespace innograph::query {

class TopKPass final : public OptimizerPass {
public:
    const char* name() const override { return "TopK"; }
    LogicalPtr rewrite(const LogicalPtr& root, const OptimizerContext& ctx) const override;
};

} // namespace innograph::query
