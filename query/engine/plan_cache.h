#pragma once

// Least-recently-used cache of prepared plans keyed by query text (and the options that shape a
// plan). Thread-safe.

#include "planner/planner.h"

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace innograph::query {

class PlanCache {
public:
    explicit PlanCache(std::size_t capacity) : capacity_(capacity) {}

    std::shared_ptr<const LogicalPlan> find(const std::string& key);
    void insert(const std::string& key, std::shared_ptr<const LogicalPlan> plan);
    void clear();
    std::size_t size() const;

private:
    using Entry = std::pair<std::string, std::shared_ptr<const LogicalPlan>>;
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::list<Entry> order_; // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

} // namespace innograph::query
