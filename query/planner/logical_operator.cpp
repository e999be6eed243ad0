#include "planner/logical_operator.h"

namespace innograph::query {

std::string LogicalOperator::name() const {
    return std::visit([](const auto& op) { return op.title(); }, payload);
}

std::string LogicalOperator::details(const std::vector<std::string>& names) const {
    return std::visit([&](const auto& op) { return op.details(names); }, payload);
}

std::shared_ptr<LogicalOperator>
makeLogical(LogicalPayload payload, std::vector<LogicalPtr> children, double estimatedRows) {
    auto op = std::make_shared<LogicalOperator>();
    op->payload = std::move(payload);
    op->children = std::move(children);
    op->estimatedRows = estimatedRows;
    return op;
}

} // namespace innograph::query
