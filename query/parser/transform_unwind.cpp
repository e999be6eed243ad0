// UNWIND list AS variable.

#include "parser/transformer_impl.h"

namespace innograph::query {

ParsedClause Transformer::unwindClause(P::UnwindClauseContext* u) {
    ParsedUnwind out;
    out.pos = pos(u);
    out.list = expression(u->expression());
    out.variable = variable(u->variable());
    return out;
}

} // namespace innograph::query
