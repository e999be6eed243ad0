#include "planner/operators/aggregate.h"

namespace innograph::query::logical {

std::string Aggregate::details(const SlotNames& names) const {
    std::string out;
    for (const auto& [s, e] : groupingKeys)
        out += (out.empty() ? "" : ", ") + e->text + " AS " + variable(s, names);
    for (const auto& a : aggregates)
        out += (out.empty() ? "" : ", ") + a.text;
    return out;
}

} // namespace innograph::query::logical
