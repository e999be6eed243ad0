// CREATE pattern.

#include "parser/transformer_impl.h"

namespace innograph::query {

ParsedClause Transformer::createClause(P::CreateClauseContext* cr) {
    ParsedCreate out;
    out.pos = pos(cr);
    out.pattern = pattern(cr->pattern());
    return out;
}

} // namespace innograph::query
