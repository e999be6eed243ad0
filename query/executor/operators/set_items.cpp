// Set and Remove: property and label updates on matched nodes and relationships.

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {

namespace {

void setProperty(const Value& target, const std::string& key, const Value& v, ExecContext& ctx,
                 SourcePos pos) {
    auto& tx = ctx.writer();
    auto stored = v.toStored();
    if (target.isNode())
        ExecContext::check(tx.setNodeProperty(target.asNode().id, key, stored));
    else if (target.isRel())
        ExecContext::check(tx.setRelationshipProperty(target.asRel().id, key, stored));
    else if (!target.isNull())
        throw QueryError(ErrorCode::TypeError,
                         std::string("Cannot set a property on a ") + target.typeName(), pos);
    if (!target.isNull())
        ++ctx.writes.propertiesSet;
}

Map propertiesOf(const Value& v, ExecContext& ctx, SourcePos pos) {
    if (v.isMap())
        return v.asMap();
    Map out;
    if (v.isNode()) {
        if (auto n = ctx.node(v.asNode().id))
            for (const auto& [k, x] : n->properties)
                out.emplace(k, Value::fromStored(x));
        return out;
    }
    if (v.isRel()) {
        if (auto r = ctx.relationship(v.asRel().id))
            for (const auto& [k, x] : r->properties)
                out.emplace(k, Value::fromStored(x));
        return out;
    }
    throw QueryError(ErrorCode::TypeError,
                     std::string("Expected a MAP of properties, not ") + v.typeName(), pos);
}

} // namespace

void applySetItems(const std::vector<BoundSetItem>& items, Row& row, ExecContext& ctx) {
    for (const auto& item : items) {
        Value target = evaluate(*item.target, row, ctx);
        if (target.isNull())
            continue;
        switch (item.kind) {
        case ParsedSetItem::Kind::Property:
            setProperty(target, item.key, evaluate(*item.value, row, ctx), ctx, item.target->pos);
            break;
        case ParsedSetItem::Kind::Labels:
            if (!target.isNode())
                throw QueryError(ErrorCode::TypeError, "Labels can only be set on nodes",
                                 item.target->pos);
            for (const auto& l : item.labels) {
                ExecContext::check(ctx.writer().addLabel(target.asNode().id, l));
                ++ctx.writes.labelsAdded;
            }
            break;
        case ParsedSetItem::Kind::ReplaceProperties:
        case ParsedSetItem::Kind::MergeProperties: {
            Map props = propertiesOf(evaluate(*item.value, row, ctx), ctx, item.value->pos);
            if (item.kind == ParsedSetItem::Kind::ReplaceProperties) {
                graph::PropertyMap stored;
                for (const auto& [k, v] : props)
                    if (!v.isNull())
                        stored.emplace(k, v.toStored());
                if (target.isNode())
                    ExecContext::check(ctx.writer().setNodeProperties(target.asNode().id, stored));
                else if (target.isRel())
                    ExecContext::check(
                        ctx.writer().setRelationshipProperties(target.asRel().id, stored));
                else
                    throw QueryError(ErrorCode::TypeError, "SET = expects a node or relationship",
                                     item.target->pos);
                ctx.writes.propertiesSet += stored.size();
            } else {
                for (const auto& [k, v] : props)
                    setProperty(target, k, v, ctx, item.target->pos);
            }
            break;
        }
        }
    }
    ctx.invalidateCaches();
}

namespace {

class SetItems final : public TypedOperator<logical::SetItems> {
public:
    using TypedOperator::TypedOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        if (!child().next(ctx, row))
            return false;
        applySetItems(spec_.items, row, ctx);
        return true;
    }
};

class Remove final : public TypedOperator<logical::Remove> {
public:
    using TypedOperator::TypedOperator;

protected:
    bool produce(ExecContext& ctx, Row& row) override {
        if (!child().next(ctx, row))
            return false;
        for (const auto& item : spec_.items) {
            Value target = evaluate(*item.target, row, ctx);
            if (target.isNull())
                continue;
            if (item.labels.empty()) {
                setProperty(target, item.key, Value(), ctx, item.target->pos);
                continue;
            }
            if (!target.isNode())
                throw QueryError(ErrorCode::TypeError, "Labels can only be removed from nodes",
                                 item.target->pos);
            for (const auto& l : item.labels) {
                if (!ctx.nodeHasLabels(target.asNode().id, {l}))
                    continue;
                ExecContext::check(ctx.writer().removeLabel(target.asNode().id, l));
                ++ctx.writes.labelsRemoved;
            }
            ctx.invalidateCaches();
        }
        return true;
    }
};

} // namespace

PhysicalPtr makeSetItems(const LogicalOperator& op) {
    return std::make_unique<SetItems>(op);
}
PhysicalPtr makeRemove(const LogicalOperator& op) {
    return std::make_unique<Remove>(op);
}

} // namespace innograph::query
