// MERGE pattern ON MATCH SET … ON CREATE SET ….

#include "parser/transformer_impl.h"

namespace innograph::query {

ParsedClause Transformer::mergeClause(P::MergeClauseContext* me) {
    ParsedMerge out;
    out.pos = pos(me);
    out.pattern = patternPart(me->patternPart());
    for (auto* a : me->mergeAction()) {
        auto items = setItems(a->setClause());
        auto& dst = a->K_CREATE() ? out.onCreate : out.onMatch;
        for (auto& i : items)
            dst.push_back(std::move(i));
    }
    return out;
}

} // namespace innograph::query
