// MATCH and OPTIONAL MATCH, with their WHERE.

#include "parser/transformer_impl.h"

namespace innograph::query {

ParsedClause Transformer::matchClause(P::MatchClauseContext* m) {
    ParsedMatch out;
    out.pos = pos(m);
    out.optional = m->K_OPTIONAL() != nullptr;
    out.pattern = pattern(m->pattern());
    if (m->whereClause())
        out.where = expression(m->whereClause()->expression());
    return out;
}

} // namespace innograph::query
