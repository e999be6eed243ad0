#include "store_core.h"

namespace innograph::graph::detail {

std::optional<std::uint32_t> Dictionary::labelId(std::string_view name) const {
    std::shared_lock lock(mu_);
    auto it = labelIds_.find(std::string(name));
    if (it == labelIds_.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::uint32_t> Dictionary::typeId(std::string_view name) const {
    std::shared_lock lock(mu_);
    auto it = typeIds_.find(std::string(name));
    if (it == typeIds_.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::string> Dictionary::labelName(std::uint32_t id) const {
    std::shared_lock lock(mu_);
    auto it = labelNames_.find(id);
    if (it == labelNames_.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::string> Dictionary::typeName(std::uint32_t id) const {
    std::shared_lock lock(mu_);
    auto it = typeNames_.find(id);
    if (it == typeNames_.end())
        return std::nullopt;
    return it->second;
}

bool Dictionary::hasPropertyKey(std::string_view key) const {
    std::shared_lock lock(mu_);
    return propertyKeys_.find(key) != propertyKeys_.end();
}

std::uint32_t Dictionary::nextLabelId() const {
    std::shared_lock lock(mu_);
    return labelNames_.empty() ? 1 : labelNames_.rbegin()->first + 1;
}

std::uint32_t Dictionary::nextTypeId() const {
    std::shared_lock lock(mu_);
    return typeNames_.empty() ? 1 : typeNames_.rbegin()->first + 1;
}

void Dictionary::addLabel(const std::string& name, std::uint32_t id) {
    std::unique_lock lock(mu_);
    labelIds_[name] = id;
    labelNames_[id] = name;
}

void Dictionary::addType(const std::string& name, std::uint32_t id) {
    std::unique_lock lock(mu_);
    typeIds_[name] = id;
    typeNames_[id] = name;
}

void Dictionary::addPropertyKey(const std::string& key) {
    std::unique_lock lock(mu_);
    propertyKeys_.insert(key);
}

void Dictionary::publish(const PendingDictionary& pending) {
    std::unique_lock lock(mu_);
    for (const auto& [name, id] : pending.labels) {
        labelIds_[name] = id;
        labelNames_[id] = name;
    }
    for (const auto& [name, id] : pending.types) {
        typeIds_[name] = id;
        typeNames_[id] = name;
    }
    propertyKeys_.insert(pending.propertyKeys.begin(), pending.propertyKeys.end());
}

void Dictionary::withdraw(const PendingDictionary& pending) {
    std::unique_lock lock(mu_);
    for (const auto& [name, id] : pending.labels) {
        labelIds_.erase(name);
        labelNames_.erase(id);
    }
    for (const auto& [name, id] : pending.types) {
        typeIds_.erase(name);
        typeNames_.erase(id);
    }
    for (const auto& k : pending.propertyKeys)
        propertyKeys_.erase(k);
}

std::vector<std::string> Dictionary::labels() const {
    std::shared_lock lock(mu_);
    std::vector<std::string> out;
    for (const auto& [id, name] : labelNames_)
        out.push_back(name);
    return out;
}

std::vector<std::string> Dictionary::types() const {
    std::shared_lock lock(mu_);
    std::vector<std::string> out;
    for (const auto& [id, name] : typeNames_)
        out.push_back(name);
    return out;
}

std::vector<std::string> Dictionary::propertyKeys() const {
    std::shared_lock lock(mu_);
    return {propertyKeys_.begin(), propertyKeys_.end()};
}

void Dictionary::clear() {
    std::unique_lock lock(mu_);
    labelIds_.clear();
    typeIds_.clear();
    labelNames_.clear();
    typeNames_.clear();
    propertyKeys_.clear();
}

} // namespace innograph::graph::detail
