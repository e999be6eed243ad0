#include "planner/operators/projection.h"

namespace innograph::query::logical {

std::string Projection::details(const SlotNames& names) const {
    std::string out;
    for (const auto& [s, e] : items)
        out += (out.empty() ? "" : ", ") + e->text + " AS " + variable(s, names);
    return out;
}

std::string Unwind::details(const SlotNames& names) const {
    return (list ? list->text : "") + " AS " + variable(slot, names);
}

} // namespace innograph::query::logical
