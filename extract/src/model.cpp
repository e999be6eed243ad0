#include "innograph/extract/model.h"

#include "innograph/text/unicode.h"

#include <algorithm>

namespace innograph::extract {
namespace {

template <typename T> void addUnique(std::vector<T>& v, const T& x) {
    if (std::find(v.begin(), v.end(), x) == v.end())
        v.push_back(x);
}

std::string scopedKey(std::string_view label, std::string_view scope, std::string_view name) {
    std::string k(label);
    k += '\x1f';
    k += scope;
    k += '\x1f';
    k += normalizeForMatch(name);
    return k;
}

} // namespace

std::string normalizeForMatch(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t at = i;
        const char32_t c = text::nextCodePoint(name, i);
        if (text::isWhiteSpace(c) || text::isQuotationMark(c))
            continue;
        if (c >= U'A' && c <= U'Z')
            out.push_back(static_cast<char>(c - U'A' + U'a'));
        else
            out.append(name, at, i - at);
    }
    return out;
}

std::string entityKey(std::string_view label, std::string_view name) {
    return scopedKey(label, "", name);
}

void ExtractedGraph::indexEntity(std::size_t index, std::size_t firstNewAlias) {
    const Entity& e = entities[index];
    byName_[scopedKey(e.label, e.scope, e.name)] = index;
    // The aliases before firstNewAlias were offered to byAlias_ when they were added (nothing
    // leaves it, and an alias that found its key taken finds it taken again): offering them at
    // every merge again was most of the time an entity mentioned many times took to add.
    for (std::size_t i = firstNewAlias; i < e.aliases.size(); ++i)
        byAlias_.emplace(scopedKey(e.label, e.scope, e.aliases[i]), index);
}

std::optional<std::size_t> ExtractedGraph::findEntity(std::string_view label, std::string_view name,
                                                      std::string_view scope) const {
    std::string k = scopedKey(label, scope, name);
    if (auto it = byName_.find(k); it != byName_.end())
        return it->second;
    if (auto it = byAlias_.find(k); it != byAlias_.end())
        return it->second;
    return std::nullopt;
}

std::size_t ExtractedGraph::addEntity(const Entity& entity) {
    std::optional<std::size_t> found = findEntity(entity.label, entity.name, entity.scope);
    // An alias of the newcomer may be the name of a known entity (忠旺 and 辽宁忠旺集团有限公司);
    // aliases are not matched against aliases, so two different 科技局 never meet.
    for (std::size_t i = 0; !found && i < entity.aliases.size(); ++i) {
        auto it = byName_.find(scopedKey(entity.label, entity.scope, entity.aliases[i]));
        if (it != byName_.end())
            found = it->second;
    }
    if (!found) {
        entities.push_back(entity);
        indexEntity(entities.size() - 1, 0);
        return entities.size() - 1;
    }
    Entity& e = entities[*found];
    const std::size_t knownAliases = e.aliases.size();
    // The newcomer lists the known name as its own short form: its name is the fuller one.
    bool fuller =
        std::find(entity.aliases.begin(), entity.aliases.end(), e.name) != entity.aliases.end() &&
        entity.name.size() > e.name.size();
    if (fuller) {
        std::string old = e.name;
        e.name = entity.name;
        addUnique(e.aliases, old);
    } else if (entity.name != e.name) {
        addUnique(e.aliases, entity.name);
    }
    for (const auto& a : entity.aliases)
        if (a != e.name)
            addUnique(e.aliases, a);
    for (const auto& a : entity.localAliases)
        if (a != e.name)
            addUnique(e.localAliases, a);
    for (const auto& [k, v] : entity.properties)
        e.properties.emplace(k, v);
    indexEntity(*found, knownAliases);
    return *found;
}

std::optional<std::size_t> ExtractedGraph::findRelation(std::string_view type, std::size_t start,
                                                        std::size_t end) const {
    std::string k =
        std::string(type) + '\x1f' + std::to_string(start) + '\x1f' + std::to_string(end);
    auto it = relIndex_.find(k);
    if (it == relIndex_.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::size_t> ExtractedGraph::addRelation(const std::string& type, std::size_t start,
                                                       std::size_t end,
                                                       const std::vector<std::string>& sources,
                                                       const std::vector<Evidence>& evidence,
                                                       const graph::PropertyMap& properties) {
    if (start >= entities.size() || end >= entities.size() ||
        !ontology::allows(type, entities[start].label, entities[end].label))
        return std::nullopt;
    if (auto found = findRelation(type, start, end)) {
        Relation& r = relations[*found];
        for (const auto& s : sources)
            addUnique(r.sources, s);
        for (const auto& ev : evidence)
            addUnique(r.evidence, ev);
        for (const auto& [k, v] : properties) {
            auto it = r.properties.find(k);
            if (it == r.properties.end()) {
                r.properties.emplace(k, v);
            } else if (k == "count" && it->second.isInt() && v.isInt()) {
                it->second = it->second.asInt() + v.asInt();
            }
        }
        return found;
    }
    Relation r;
    r.type = type;
    r.start = start;
    r.end = end;
    r.sources = sources;
    r.evidence = evidence;
    r.properties = properties;
    relations.push_back(std::move(r));
    std::string k = type + '\x1f' + std::to_string(start) + '\x1f' + std::to_string(end);
    relIndex_[k] = relations.size() - 1;
    return relations.size() - 1;
}

void ExtractedGraph::merge(const ExtractedGraph& other) {
    std::vector<std::size_t> map(other.entities.size());
    for (std::size_t i = 0; i < other.entities.size(); ++i)
        map[i] = addEntity(other.entities[i]);
    for (const Relation& r : other.relations)
        addRelation(r.type, map[r.start], map[r.end], r.sources, r.evidence, r.properties);
}

std::map<std::string, std::size_t> ExtractedGraph::countEntitiesByLabel() const {
    std::map<std::string, std::size_t> out;
    for (const auto& e : entities)
        ++out[e.label];
    return out;
}

std::map<std::string, std::size_t> ExtractedGraph::countRelationsByType() const {
    std::map<std::string, std::size_t> out;
    for (const auto& r : relations)
        ++out[r.type];
    return out;
}

} // namespace innograph::extract
