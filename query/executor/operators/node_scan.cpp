// AllNodesScan, NodeByLabelScan, NodeById and NodeByName: for each input row, every matching
// node.

#include "executor/expression_evaluator.h"
#include "executor/operators/operators.h"

namespace innograph::query {
namespace {

// One class for the four scans: they differ only in where the candidate ids come from.
class NodeScan final : public PhysicalOperator {
public:
    explicit NodeScan(const LogicalOperator& op) : PhysicalOperator(op), kind_(op.kind()) {
        static const std::vector<std::string> none;
        labels_ = &none;
        if (const auto* all = op.get<logical::AllNodesScan>()) {
            slot_ = all->slot;
        } else if (const auto* byLabel = op.get<logical::LabelScan>()) {
            slot_ = byLabel->slot;
            labels_ = &byLabel->labels;
        } else if (const auto* byName = op.get<logical::NodeByName>()) {
            slot_ = byName->slot;
            labels_ = &byName->labels;
            expression_ = byName->name.get();
        } else {
            const auto& byId = op.as<logical::NodeById>();
            slot_ = byId.slot;
            labels_ = &byId.labels;
            expression_ = byId.ids.get();
        }
    }

protected:
    void reset(ExecContext&) override {
        haveInput_ = false;
        cursor_.reset();
        ids_.clear();
        pos_ = 0;
    }

    bool produce(ExecContext& ctx, Row& row) override {
        const auto slot = static_cast<std::size_t>(slot_);
        // Labels beyond the scanned one (or all of them, for the other scans) are checked here.
        const std::size_t firstChecked = kind_ == LogicalKind::LabelScan ? 1 : 0;
        for (;;) {
            if (!haveInput_) {
                if (!child().next(ctx, input_))
                    return false;
                haveInput_ = true;
                start(ctx);
            }
            graph::NodeId id;
            if (!nextId(ctx, id)) {
                haveInput_ = false;
                continue;
            }
            ctx.checkGuards();
            bool ok = true;
            for (std::size_t i = firstChecked; i < (*labels_).size() && ok; ++i)
                ok = ctx.nodeHasLabels(id, {(*labels_)[i]});
            if (!ok)
                continue;
            row = input_;
            row[slot] = Value(NodeRef{id, nullptr});
            return true;
        }
    }

private:
    void start(ExecContext& ctx) {
        cursor_.reset();
        ids_.clear();
        pos_ = 0;
        switch (kind_) {
        case LogicalKind::AllNodesScan:
            ++ctx.storageReads;
            cursor_ = ctx.view().allNodes();
            break;
        case LogicalKind::LabelScan: {
            ++ctx.storageReads;
            auto id = ctx.view().labelId((*labels_).front());
            if (!id.isOk()) {
                if (!id.status().isNotFound())
                    ExecContext::check(id.status());
                return; // no node has ever carried the label
            }
            cursor_ = ctx.view().nodesWithLabel(id.value());
            break;
        }
        case LogicalKind::NodeById: {
            Value v = evaluate(*expression_, input_, ctx);
            List ids = v.isList() ? v.asList() : List{v};
            for (const auto& id : ids) {
                if (!id.isInt() || id.asInt() < 0)
                    continue; // id(n) = 'x' or null matches nothing
                auto nid = static_cast<graph::NodeId>(id.asInt());
                ++ctx.storageReads;
                if (ctx.view().nodeExists(nid))
                    ids_.push_back(nid);
            }
            break;
        }
        default: {
            Value v = evaluate(*expression_, input_, ctx);
            // `(n $p)` with a map: anchor on its name when it has one, else scan.
            if (v.isMap()) {
                auto it = v.asMap().find("name");
                if (it == v.asMap().end() || !it->second.isString()) {
                    ++ctx.storageReads;
                    cursor_ = ctx.view().allNodes();
                    return;
                }
                v = it->second;
            }
            if (v.isNull())
                return;
            if (!v.isString())
                throw QueryError(ErrorCode::TypeError,
                                 std::string("An entity reference must be a STRING, not ") +
                                     v.typeName(),
                                 expression_->pos);
            ++ctx.storageReads;
            auto r = ctx.view().findByName(v.asString());
            if (!r.isOk())
                ExecContext::check(r.status());
            ids_ = std::move(r.value());
        }
        }
    }

    bool nextId(ExecContext& ctx, graph::NodeId& id) {
        if (cursor_) {
            if (cursor_->next(&id))
                return true;
            ExecContext::check(cursor_->status());
            return false;
        }
        if (pos_ < ids_.size()) {
            id = ids_[pos_++];
            return true;
        }
        return false;
    }

    const LogicalKind kind_;
    int slot_ = -1;
    const std::vector<std::string>* labels_ = nullptr;
    const BoundExpression* expression_ = nullptr; // NodeByName's name, NodeById's ids
    Row input_;
    bool haveInput_ = false;
    std::unique_ptr<graph::NodeIdCursor> cursor_;
    std::vector<graph::NodeId> ids_;
    std::size_t pos_ = 0;
};

} // namespace

PhysicalPtr makeNodeScan(const LogicalOperator& op) {
    return std::make_unique<NodeScan>(op);
}

} // namespace innograph::query
