// Create: per input row, creates the pattern's new nodes and its relationships.

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {

namespace {

graph::PropertyMap evaluateProperties(const std::vector<BoundProperty>& props, Row& row,
                                      ExecContext& ctx, const BoundExpressionPtr& param) {
    graph::PropertyMap out;
    if (param) {
        Value v = evaluate(*param, row, ctx);
        if (!v.isMap() && !v.isNull())
            throw QueryError(ErrorCode::TypeError,
                             std::string("Properties must be a MAP, not ") + v.typeName(),
                             param->pos);
        if (v.isMap())
            for (const auto& [k, x] : v.asMap())
                if (!x.isNull())
                    out.emplace(k, x.toStored());
    }
    for (const auto& p : props) {
        Value v = evaluate(*p.value, row, ctx);
        if (!v.isNull())
            out.insert_or_assign(p.key, v.toStored()); // null means "no property"
    }
    return out;
}

} // namespace

void createPattern(const BoundPattern& pattern, Row& row, ExecContext& ctx) {
    auto& tx = ctx.writer();
    for (const auto& n : pattern.nodes) {
        auto slot = static_cast<std::size_t>(n.slot);
        if (n.bound || row[slot].isNode()) {
            if (!row[slot].isNode())
                throw QueryError(ErrorCode::SemanticError,
                                 "Cannot create a relationship to a null node `" + n.variable + "`",
                                 n.pos);
            continue;
        }
        auto props = evaluateProperties(n.properties, row, ctx, n.propertiesParam);
        if (n.entityRef) {
            // MERGE (p:Park "名字") creates the node with that name.
            Value name = evaluate(*n.entityRef, row, ctx);
            if (name.isString() && !props.count("name"))
                props.emplace("name", name.asString());
        }
        auto id = tx.createNode(n.labels, props);
        if (!id.isOk())
            ExecContext::check(id.status());
        ++ctx.writes.nodesCreated;
        ctx.writes.labelsAdded += n.labels.size();
        ctx.writes.propertiesSet += props.size();
        row[slot] = Value(NodeRef{id.value(), nullptr});
    }
    for (const auto& r : pattern.rels) {
        auto left =
            row[static_cast<std::size_t>(pattern.nodes[static_cast<std::size_t>(r.left)].slot)];
        auto right =
            row[static_cast<std::size_t>(pattern.nodes[static_cast<std::size_t>(r.right)].slot)];
        bool forward = r.direction != PatternDirection::Left;
        auto start = (forward ? left : right).asNode().id;
        auto end = (forward ? right : left).asNode().id;
        auto props = evaluateProperties(r.properties, row, ctx, nullptr);
        auto id = tx.createRelationship(start, r.types.front(), end, props);
        if (!id.isOk())
            ExecContext::check(id.status());
        ++ctx.writes.relationshipsCreated;
        ctx.writes.propertiesSet += props.size();
        auto type = ctx.typeId(r.types.front());
        row[static_cast<std::size_t>(r.slot)] =
            Value(RelRef{id.value(), type.value_or(0), start, end, nullptr});
    }
    for (const auto& part : pattern.parts) {
        if (part.pathSlot < 0)
            continue;
        PathValue p;
        p.nodes.push_back(row[static_cast<std::size_t>(
                                  pattern.nodes[static_cast<std::size_t>(part.nodes[0])].slot)]
                              .asNode());
        for (std::size_t i = 0; i < part.rels.size(); ++i) {
            p.relationships.push_back(
                row[static_cast<std::size_t>(
                        pattern.rels[static_cast<std::size_t>(part.rels[i])].slot)]
                    .asRel());
            p.nodes.push_back(
                row[static_cast<std::size_t>(
                        pattern.nodes[static_cast<std::size_t>(part.nodes[i + 1])].slot)]
                    .asNode());
        }
        row[static_cast<std::size_t>(part.pathSlot)] = Value(std::move(p));
    }
    ctx.invalidateCaches();
}

namespace {

class Create final : public TypedOperator<logical::Create> {
public:
    using TypedOperator::TypedOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        if (!child().next(ctx, row))
            return false;
        createPattern(*spec_.pattern, row, ctx);
        return true;
    }
};

} // namespace

PhysicalPtr makeCreate(const LogicalOperator& op) {
    return std::make_unique<Create>(op);
}

} // namespace innograph::query
