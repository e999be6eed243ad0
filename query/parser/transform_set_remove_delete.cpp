// The updating clauses that change what exists: SET, REMOVE and [DETACH] DELETE.

#include "parser/transformer_impl.h"

namespace innograph::query {

ParsedClause Transformer::setClause(P::SetClauseContext* s) {
    ParsedSet out;
    out.pos = pos(s);
    out.items = setItems(s);
    return out;
}

ParsedClause Transformer::removeClause(P::RemoveClauseContext* r) {
    ParsedRemove out;
    out.pos = pos(r);
    for (auto* item : r->removeItem()) {
        ParsedRemoveItem ri;
        ri.pos = pos(item);
        if (item->variable()) {
            ri.variable = variable(item->variable());
            ri.labels = schemaNames(item->nodeLabels()->schemaName());
        } else {
            auto [owner, key] = propertyExpression(item->propertyExpression());
            ri.target = std::move(owner);
            ri.key = key;
        }
        out.items.push_back(std::move(ri));
    }
    return out;
}

ParsedClause Transformer::deleteClause(P::DeleteClauseContext* d) {
    ParsedDelete out;
    out.pos = pos(d);
    out.detach = d->K_DETACH() != nullptr;
    for (auto* e : d->expression())
        out.expressions.push_back(expression(e));
    return out;
}

std::vector<ParsedSetItem> Transformer::setItems(P::SetClauseContext* s) {
    std::vector<ParsedSetItem> items;
    for (auto* item : s->setItem()) {
        ParsedSetItem si;
        si.pos = pos(item);
        if (item->propertyExpression()) {
            si.kind = ParsedSetItem::Kind::Property;
            auto [owner, key] = propertyExpression(item->propertyExpression());
            si.target = std::move(owner);
            si.key = key;
            si.value = expression(item->expression());
        } else if (item->nodeLabels()) {
            si.kind = ParsedSetItem::Kind::Labels;
            si.variable = variable(item->variable());
            si.labels = schemaNames(item->nodeLabels()->schemaName());
        } else {
            si.variable = variable(item->variable());
            si.value = expression(item->expression());
            bool merge = false;
            for (auto* ch : item->children)
                if (ch->getText() == "+=")
                    merge = true;
            si.kind = merge ? ParsedSetItem::Kind::MergeProperties
                            : ParsedSetItem::Kind::ReplaceProperties;
        }
        items.push_back(std::move(si));
    }
    return items;
}

// `a.b.c` is the property `c` of the expression `a.b`.
std::pair<ParsedExpressionPtr, std::string>
Transformer::propertyExpression(P::PropertyExpressionContext* pe) {
    auto owner = atom(pe->atom());
    auto lookups = pe->propertyLookup();
    for (std::size_t i = 0; i + 1 < lookups.size(); ++i) {
        auto e = make(ParsedExpression::Kind::Property, lookups[i]);
        e->name = schemaName(lookups[i]->schemaName());
        adopt(*e, std::move(owner));
        owner = std::move(e);
    }
    return {std::move(owner), schemaName(lookups.back()->schemaName())};
}

} // namespace innograph::query
