#include "writer_records.h"

#include "keys.h"
#include "write_overlay.h"

namespace innograph::graph::detail {

const std::string* WriterRecords::find(NodeId id) const {
    auto it = records_.find(id);
    return it == records_.end() ? nullptr : &it->second;
}

void WriterRecords::fill(NodeId id, const std::string& record) {
    if (bytes_ + record.size() + kOverhead > kMaxBytes)
        clear();
    auto [it, added] = records_.try_emplace(id, record);
    if (added)
        bytes_ += record.size() + kOverhead;
}

void WriterRecords::apply(const WriteOverlay& overlay) {
    overlay.forEach(kNodes, "", "", [this](const std::string& key, const WriteOverlay::Entry& e) {
        if (key.size() != 8)
            return;
        auto it = records_.find(keys::getBe64(key.data()));
        if (it == records_.end())
            return;
        bytes_ -= it->second.size() + kOverhead;
        if (e.deleted) {
            records_.erase(it);
            return;
        }
        it->second = e.value;
        bytes_ += it->second.size() + kOverhead;
    });
}

void WriterRecords::clear() {
    records_.clear();
    bytes_ = 0;
}

} // namespace innograph::graph::detail
