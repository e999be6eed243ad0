#include "engine/plan_cache.h"

namespace innograph::query {

std::shared_ptr<const LogicalPlan> PlanCache::find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end())
        return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
}

void PlanCache::insert(const std::string& key, std::shared_ptr<const LogicalPlan> plan) {
    std::lock_guard lock(mutex_);
    if (capacity_ == 0)
        return;
    auto it = index_.find(key);
    if (it != index_.end()) {
        it->second->second = std::move(plan);
        order_.splice(order_.begin(), order_, it->second);
        return;
    }
    order_.emplace_front(key, std::move(plan));
    index_[key] = order_.begin();
    while (order_.size() > capacity_) {
        index_.erase(order_.back().first);
        order_.pop_back();
    }
}

void PlanCache::clear() {
    std::lock_guard lock(mutex_);
    order_.clear();
    index_.clear();
}

std::size_t PlanCache::size() const {
    std::lock_guard lock(mutex_);
    return order_.size();
}

} // namespace innograph::query
