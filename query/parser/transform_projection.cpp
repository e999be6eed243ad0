// WITH and RETURN: the projection body they share (items, DISTINCT, ORDER BY, SKIP,
// LIMIT).

#include "parser/transformer_impl.h"

namespace innograph::query {

ParsedClause Transformer::withClause(P::WithClauseContext* w) {
    ParsedWith out;
    out.projection = projection(w->projectionBody());
    out.projection.pos = pos(w);
    if (w->whereClause())
        out.where = expression(w->whereClause()->expression());
    return out;
}

ParsedClause Transformer::returnClause(P::ReturnClauseContext* r) {
    ParsedReturn out;
    out.projection = projection(r->projectionBody());
    out.projection.pos = pos(r);
    return out;
}

ParsedProjection Transformer::projection(P::ProjectionBodyContext* b) {
    ParsedProjection p;
    p.distinct = b->K_DISTINCT() != nullptr;
    auto* items = b->projectionItems();
    p.star = items->star != nullptr;
    for (auto* item : items->projectionItem()) {
        ParsedProjectionItem pi;
        pi.expression = expression(item->expression());
        if (item->variable()) {
            pi.alias = variable(item->variable());
            pi.hasAlias = true;
        } else {
            pi.alias = text(item->expression());
        }
        p.items.push_back(std::move(pi));
    }
    if (auto* o = b->orderClause()) {
        for (auto* si : o->sortItem()) {
            ParsedSortItem s;
            s.expression = expression(si->expression());
            s.descending = si->K_DESC() || si->K_DESCENDING();
            p.orderBy.push_back(std::move(s));
        }
    }
    if (b->skipClause())
        p.skip = expression(b->skipClause()->expression());
    if (b->limitClause())
        p.limit = expression(b->limitClause()->expression());
    return p;
}

} // namespace innograph::query
