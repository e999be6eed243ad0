// Binding of patterns for MATCH, CREATE and MERGE.

#include "binder/binder.h"

namespace innograph::query {

std::vector<BoundProperty> Binder::bindPropertyMap(const ParsedExpression& map) {
    std::vector<BoundProperty> out;
    for (std::size_t i = 0; i < map.keys.size(); ++i)
        out.push_back({map.keys[i], bindExpression(*map.children[i])});
    return out;
}

void Binder::bindPatternPart(const ParsedPatternPart& part, PatternUse use, BoundPattern& out,
                             std::map<std::string, int>& nodeIndex, std::vector<int>& introduced) {
    BoundPatternPart bp;
    bp.kind = part.kind;
    if (part.kind != PathKind::Plain && (part.rels.size() != 1 || use != PatternUse::Match))
        throw QueryError(ErrorCode::SemanticError,
                         "shortestPath needs a pattern of exactly one relationship, in MATCH",
                         part.pos);

    for (std::size_t i = 0; i < part.nodes.size(); ++i) {
        const auto& n = part.nodes[i];
        auto known = n.variable.empty() ? nodeIndex.end() : nodeIndex.find(n.variable);
        int index;
        if (known != nodeIndex.end()) {
            // The same variable twice in one pattern is the same node; merge what is said of it.
            index = known->second;
            auto& existing = out.nodes[static_cast<std::size_t>(index)];
            for (const auto& l : n.labels)
                existing.labels.push_back(l);
            if (n.properties && n.properties->kind == ParsedExpression::Kind::Map) {
                auto props = bindPropertyMap(*n.properties);
                existing.properties.insert(existing.properties.end(), props.begin(), props.end());
            }
            if ((use == PatternUse::Create || (use == PatternUse::Merge && existing.bound)) &&
                (!n.labels.empty() || n.properties))
                throw QueryError(ErrorCode::SyntaxError,
                                 "Variable `" + n.variable + "` is already declared", n.pos,
                                 "VariableAlreadyBound");
        } else {
            BoundNodePattern node;
            node.pos = n.pos;
            node.labels = n.labels;
            node.variable =
                n.variable.empty() ? "  node" + std::to_string(anonymous_++) : n.variable;
            auto inScope = n.variable.empty() ? scope_.end() : scope_.find(n.variable);
            if (inScope != scope_.end()) {
                if (inScope->second.type != VarType::Node && inScope->second.type != VarType::Any)
                    throw QueryError(ErrorCode::SyntaxError,
                                     "Variable `" + n.variable + "` is not a node", n.pos,
                                     "VariableTypeConflict");
                node.slot = inScope->second.slot;
                node.bound = true;
                // CREATE (a) of a bound a, alone, would create nothing: Neo4j refuses it.
                if (use != PatternUse::Match &&
                    (!n.labels.empty() || n.properties || part.rels.empty()))
                    throw QueryError(ErrorCode::SyntaxError,
                                     "Variable `" + n.variable + "` is already declared", n.pos,
                                     "VariableAlreadyBound");
            } else {
                node.slot = newSlot(node.variable);
                introduced.push_back(node.slot);
            }
            if (use == PatternUse::Match)
                for (std::size_t k = 0; k < n.labels.size(); ++k)
                    checkLabel(n.labels[k], n.labelPositions[k]);
            else
                for (const auto& l : n.labels)
                    rememberLabel(l);
            if (n.entityRef) {
                if (use == PatternUse::Create)
                    throw QueryError(ErrorCode::SemanticError,
                                     "CREATE cannot use an entity reference; give properties "
                                     "instead, e.g. {name: \"...\"}",
                                     n.pos);
                auto e = std::make_shared<BoundExpression>();
                e->kind = BoundExpression::Kind::Literal;
                e->value = Value(*n.entityRef);
                e->text = "\"" + *n.entityRef + "\"";
                node.entityRef = e;
            }
            if (n.properties) {
                if (n.properties->kind == ParsedExpression::Kind::Map) {
                    node.properties = bindPropertyMap(*n.properties);
                    for (const auto& k : n.properties->keys) {
                        if (use == PatternUse::Match)
                            checkPropertyKey(k, n.properties->pos);
                        else
                            rememberKey(k);
                    }
                } else {
                    node.propertiesParam = bindExpression(*n.properties);
                }
            }
            index = static_cast<int>(out.nodes.size());
            out.nodes.push_back(std::move(node));
            if (!n.variable.empty())
                nodeIndex[n.variable] = index;
        }
        bp.nodes.push_back(index);
    }
    // Declare after the whole part so `(a)-->(a)` resolves both to one node.
    for (int idx : bp.nodes) {
        const auto& node = out.nodes[static_cast<std::size_t>(idx)];
        if (node.variable.rfind("  ", 0) != 0)
            declare(node.variable, node.slot, VarType::Node);
    }

    for (std::size_t i = 0; i < part.rels.size(); ++i) {
        const auto& r = part.rels[i];
        BoundRelPattern rel;
        rel.pos = r.pos;
        rel.types = r.types;
        rel.direction = r.direction;
        rel.variableLength = r.variableLength;
        rel.left = bp.nodes[i];
        rel.right = bp.nodes[i + 1];
        rel.variable = r.variable.empty() ? "  rel" + std::to_string(anonymous_++) : r.variable;
        if (use == PatternUse::Match) {
            for (std::size_t k = 0; k < r.types.size(); ++k)
                checkType(r.types[k], r.typePositions[k]);
        } else {
            if (r.types.size() != 1)
                throw QueryError(ErrorCode::SyntaxError,
                                 "A relationship to create needs exactly one type, e.g. [:HOSTS]",
                                 r.pos, "NoSingleRelationshipType");
            if (use == PatternUse::Create && r.direction == PatternDirection::Both)
                throw QueryError(ErrorCode::SyntaxError,
                                 "A relationship to create needs a direction: -> or <-", r.pos,
                                 "RequiresDirectedRelationship");
            if (r.variableLength)
                throw QueryError(ErrorCode::SyntaxError,
                                 "A variable-length relationship cannot be created", r.pos,
                                 "CreatingVarLength");
            rememberType(r.types[0]);
        }
        if (r.variableLength) {
            rel.minHops = r.minHops.value_or(1);
            if (r.maxHops) {
                rel.maxHops = *r.maxHops;
                if (rel.maxHops > options_.hardPathLimit)
                    throw QueryError(ErrorCode::LimitExceeded,
                                     "Variable-length patterns may span at most " +
                                         std::to_string(options_.hardPathLimit) + " hops, not " +
                                         std::to_string(rel.maxHops),
                                     r.pos);
            } else {
                rel.unboundedMax = true;
                rel.maxHops = std::max(options_.maxPathLength, rel.minHops);
            }
            if (rel.minHops < 0 || rel.maxHops < rel.minHops)
                throw QueryError(ErrorCode::SemanticError, "Invalid hop range", r.pos);
            if (part.kind != PathKind::Plain && rel.minHops > 1)
                throw QueryError(ErrorCode::SemanticError,
                                 "shortestPath accepts a minimal length of 0 or 1 only", r.pos);
        } else if (part.kind != PathKind::Plain) {
            rel.variableLength = true; // shortestPath((a)-[:T]-(b)) is one hop at most
        }
        if (r.properties) {
            if (r.properties->kind != ParsedExpression::Kind::Map)
                throw QueryError(ErrorCode::SemanticError,
                                 "Relationship properties must be a map literal", r.pos);
            rel.properties = bindPropertyMap(*r.properties);
            for (const auto& k : r.properties->keys) {
                if (use == PatternUse::Match)
                    checkPropertyKey(k, r.properties->pos);
                else
                    rememberKey(k);
            }
        }
        auto inScope = r.variable.empty() ? scope_.end() : scope_.find(r.variable);
        if (inScope != scope_.end()) {
            if (use != PatternUse::Match)
                throw QueryError(ErrorCode::SyntaxError,
                                 "Variable `" + r.variable + "` is already declared", r.pos,
                                 "VariableAlreadyBound");
            // A list (of relationships, perhaps) may stand for a variable-length one.
            if (inScope->second.type == VarType::Node || inScope->second.type == VarType::Path ||
                (inScope->second.type == VarType::Value && !r.variableLength))
                throw QueryError(ErrorCode::SyntaxError,
                                 "Variable `" + r.variable + "` is not a relationship", r.pos,
                                 "VariableTypeConflict");
            rel.slot = inScope->second.slot;
            rel.bound = true;
        } else {
            rel.slot = newSlot(rel.variable);
            introduced.push_back(rel.slot);
            if (!r.variable.empty())
                declare(r.variable, rel.slot, rel.variableLength ? VarType::RelList : VarType::Rel);
        }
        bp.rels.push_back(static_cast<int>(out.rels.size()));
        out.rels.push_back(std::move(rel));
    }

    if (!part.pathVariable.empty()) {
        if (scope_.count(part.pathVariable))
            throw QueryError(ErrorCode::SyntaxError,
                             "Variable `" + part.pathVariable + "` is already declared", part.pos,
                             "VariableAlreadyBound");
        bp.pathSlot = newSlot(part.pathVariable);
        introduced.push_back(bp.pathSlot);
        declare(part.pathVariable, bp.pathSlot, VarType::Path);
    }
    out.parts.push_back(std::move(bp));
}

BoundCreate Binder::bindCreate(const ParsedCreate& create) {
    BoundCreate out;
    std::map<std::string, int> nodeIndex;
    std::vector<int> introduced;
    for (const auto& part : create.pattern)
        bindPatternPart(part, PatternUse::Create, out.pattern, nodeIndex, introduced);
    return out;
}

BoundMerge Binder::bindMerge(const ParsedMerge& merge) {
    BoundMerge out;
    std::map<std::string, int> nodeIndex;
    bindPatternPart(merge.pattern, PatternUse::Merge, out.pattern, nodeIndex, out.introducedSlots);
    for (const auto& r : out.pattern.rels)
        if (r.bound)
            throw QueryError(ErrorCode::SyntaxError, "MERGE cannot reuse a bound relationship",
                             r.pos, "VariableAlreadyBound");
    for (const auto& item : merge.onCreate)
        out.onCreate.push_back(bindSetItem(item));
    for (const auto& item : merge.onMatch)
        out.onMatch.push_back(bindSetItem(item));
    return out;
}

} // namespace innograph::query
