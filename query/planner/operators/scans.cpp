#include "planner/operators/scans.h"

namespace innograph::query::logical {

std::string AllNodesScan::details(const SlotNames& names) const {
    return variable(slot, names);
}

std::string LabelScan::details(const SlotNames& names) const {
    return variable(slot, names) + labelList(labels);
}

std::string NodeByName::details(const SlotNames& names) const {
    return variable(slot, names) + labelList(labels) + " name ~ " + (name ? name->text : "");
}

std::string NodeById::details(const SlotNames& names) const {
    return variable(slot, names) + labelList(labels) + " id = " + (ids ? ids->text : "");
}

} // namespace innograph::query::logical
