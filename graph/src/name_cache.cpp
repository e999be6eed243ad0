#include "name_cache.h"

#include "keys.h"
#include "write_overlay.h"

#include <algorithm>

namespace innograph::graph::detail {

const std::vector<NodeId>* NameCache::find(const std::string& prefix) const {
    auto it = ids_.find(prefix);
    return it == ids_.end() ? nullptr : &it->second;
}

void NameCache::fill(const std::string& prefix, std::vector<NodeId> ids) {
    if (ids_.size() >= kMaxNames)
        ids_.clear();
    ids_[prefix] = std::move(ids);
}

void NameCache::update(std::vector<NodeId>* ids, const std::string& key, bool deleted) {
    NodeId id = keys::getBe64(key.data() + key.size() - 8);
    auto at = std::lower_bound(ids->begin(), ids->end(), id);
    bool present = at != ids->end() && *at == id;
    if (deleted && present)
        ids->erase(at);
    else if (!deleted && !present)
        ids->insert(at, id);
}

void NameCache::apply(const WriteOverlay& overlay) {
    overlay.forEach(kNames, "", "", [this](const std::string& key, const WriteOverlay::Entry& e) {
        if (key.size() < 9)
            return;
        auto it = ids_.find(key.substr(0, key.size() - 8));
        if (it == ids_.end())
            return;
        update(&it->second, key, e.deleted);
    });
}

void NameCache::clear() {
    ids_.clear();
}

} // namespace innograph::graph::detail
