#include "binder/bound_expression.h"

namespace innograph::query {
namespace {
void collect(const BoundExpression& e, std::set<int>& out, std::set<int>& locals) {
    if (e.kind == BoundExpression::Kind::Slot && !locals.count(e.slot))
        out.insert(e.slot);
    if (e.kind == BoundExpression::Kind::ListComprehension ||
        e.kind == BoundExpression::Kind::Quantifier) {
        collect(*e.children[0], out, locals);
        locals.insert(e.slot);
        for (std::size_t i = 1; i < e.children.size(); ++i)
            collect(*e.children[i], out, locals);
        locals.erase(e.slot);
        return;
    }
    for (const auto& c : e.children)
        if (c)
            collect(*c, out, locals);
}
} // namespace

std::set<int> BoundExpression::slotsUsed() const {
    std::set<int> out, locals;
    collect(*this, out, locals);
    return out;
}

} // namespace innograph::query
