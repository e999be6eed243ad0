#include "planner/operators/ordering.h"

namespace innograph::query::logical {

namespace {
std::string sortList(const std::vector<BoundSortItem>& items) {
    std::string out;
    for (const auto& si : items)
        out += (out.empty() ? "" : ", ") + si.expression->text + (si.descending ? " DESC" : " ASC");
    return out;
}
} // namespace

std::string Sort::details(const SlotNames&) const {
    return sortList(sortItems);
}

std::string TopK::details(const SlotNames&) const {
    return sortList(sortItems) + (limit ? " LIMIT " + limit->text : "");
}

} // namespace innograph::query::logical
