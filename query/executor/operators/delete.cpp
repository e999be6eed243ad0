// Delete and DetachDelete of nodes, relationships and paths.

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

#include <unordered_set>

namespace innograph::query {
namespace {

class Delete final : public TypedOperator<logical::Delete> {
public:
    using TypedOperator::TypedOperator;

protected:
    void reset(ExecContext&) override {
        deletedNodes_.clear();
        deletedRels_.clear();
    }

    bool produce(ExecContext& ctx, Row& row) override {
        if (!child().next(ctx, row))
            return false;
        for (const auto& e : spec_.targets)
            remove(evaluate(*e, row, ctx), ctx, e->pos);
        ctx.invalidateCaches();
        return true;
    }

private:
    void removeRel(graph::RelId id, ExecContext& ctx) {
        if (!deletedRels_.insert(id).second)
            return;
        auto s = ctx.writer().deleteRelationship(id);
        if (s.isNotFound())
            return;
        ExecContext::check(s);
        ++ctx.writes.relationshipsDeleted;
    }

    void removeNode(graph::NodeId id, ExecContext& ctx, SourcePos pos) {
        if (deletedNodes_.count(id))
            return;
        if (spec_.detach) {
            // Count the relationships that go with the node.
            auto cursor = ctx.edges(id, graph::Direction::Both, {});
            graph::Edge e;
            std::vector<graph::RelId> rels;
            while (cursor->next(&e))
                rels.push_back(e.id);
            for (auto r : rels)
                removeRel(r, ctx);
        }
        auto s = ctx.writer().deleteNode(id, spec_.detach);
        if (s.isNotFound())
            return;
        if (s.code() == graph::Status::Code::Constraint)
            throw QueryError(ErrorCode::SemanticError,
                             "Cannot delete node " + std::to_string(id) +
                                 " because it still has relationships; use DETACH DELETE",
                             pos);
        ExecContext::check(s);
        deletedNodes_.insert(id);
        ++ctx.writes.nodesDeleted;
    }

    void remove(const Value& v, ExecContext& ctx, SourcePos pos) {
        switch (v.kind()) {
        case Value::Kind::Null:
            return;
        case Value::Kind::Node:
            removeNode(v.asNode().id, ctx, pos);
            return;
        case Value::Kind::Rel:
            removeRel(v.asRel().id, ctx);
            return;
        case Value::Kind::Path:
            for (const auto& r : v.asPath().relationships)
                removeRel(r.id, ctx);
            for (const auto& n : v.asPath().nodes)
                removeNode(n.id, ctx, pos);
            return;
        case Value::Kind::List:
            for (const auto& x : v.asList())
                remove(x, ctx, pos);
            return;
        default:
            throw QueryError(ErrorCode::TypeError, std::string("Cannot delete a ") + v.typeName(),
                             pos);
        }
    }

    std::unordered_set<graph::NodeId> deletedNodes_;
    std::unordered_set<graph::RelId> deletedRels_;
};

} // namespace

PhysicalPtr makeDelete(const LogicalOperator& op) {
    return std::make_unique<Delete>(op);
}

} // namespace innograph::query
