#include "write_overlay.h"

#include <utility>

namespace innograph::graph::detail {
namespace {

// Merges the database's keys with the transaction's entries: an entry shadows the database's
// key of the same bytes, a deleted entry hides it.
class OverlayIterator : public rocksdb::Iterator {
public:
    OverlayIterator(const WriteOverlay& overlay, Cf cf, const WriteOverlay::Map& map,
                    std::unique_ptr<rocksdb::Iterator> base, const std::string& upper)
        : overlay_(overlay), cf_(cf), map_(map), base_(std::move(base)), upper_(upper) {}

    bool Valid() const override { return valid_; }
    void SeekToFirst() override {
        base_->SeekToFirst();
        pos_ = map_.begin();
        settle();
    }
    void Seek(const rocksdb::Slice& target) override {
        base_->Seek(target);
        pos_ = map_.lower_bound(std::string_view(target.data(), target.size()));
        settle();
    }
    void Next() override {
        if (fromOverlay_)
            ++pos_;
        else
            base_->Next();
        settle();
    }
    void SeekToLast() override { unsupported(); }
    void SeekForPrev(const rocksdb::Slice&) override { unsupported(); }
    void Prev() override { unsupported(); }
    rocksdb::Slice key() const override {
        return fromOverlay_ ? rocksdb::Slice(pos_->first) : base_->key();
    }
    rocksdb::Slice value() const override {
        if (!fromOverlay_)
            return base_->value();
        return rocksdb::Slice(pos_->second.merge ? merged_ : pos_->second.value);
    }
    rocksdb::Status status() const override { return status_.ok() ? base_->status() : status_; }

private:
    bool overlayAtEnd() const {
        return pos_ == map_.end() || (!upper_.empty() && pos_->first >= upper_);
    }
    // Moves to the first visible key at or after the current positions of both sides.
    void settle() {
        while (true) {
            bool haveBase = base_->Valid();
            bool haveOverlay = !overlayAtEnd();
            if (!haveBase && !haveOverlay) {
                valid_ = false;
                return;
            }
            int c = !haveBase      ? 1
                    : !haveOverlay ? -1
                                   : base_->key().compare(rocksdb::Slice(pos_->first));
            if (c < 0) {
                fromOverlay_ = false;
                valid_ = true;
                return;
            }
            const WriteOverlay::Entry& e = pos_->second;
            if (e.merge) {
                if (c != 0) {
                    valid_ = false;
                    status_ = rocksdb::Status::Corruption("an update of a missing record");
                    return;
                }
                auto base = base_->value();
                auto s =
                    overlay_.resolve(cf_, std::string_view(base.data(), base.size()), e, &merged_);
                if (!s.isOk()) {
                    valid_ = false;
                    status_ = rocksdb::Status::Corruption(s.toString());
                    return;
                }
            }
            if (c == 0)
                base_->Next(); // the transaction's entry replaces the database's
            if (e.deleted) {
                ++pos_;
                continue;
            }
            fromOverlay_ = true;
            valid_ = true;
            return;
        }
    }
    void unsupported() {
        valid_ = false;
        status_ = rocksdb::Status::NotSupported("a transaction's iterator only moves forward");
    }

    const WriteOverlay& overlay_;
    Cf cf_;
    const WriteOverlay::Map& map_;
    std::unique_ptr<rocksdb::Iterator> base_;
    std::string merged_; // the current merge entry's value
    std::string upper_;
    WriteOverlay::Map::const_iterator pos_ = map_.end();
    bool fromOverlay_ = false;
    bool valid_ = false;
    rocksdb::Status status_;
};

} // namespace

void WriteOverlay::put(Cf cf, const std::string& key, std::string value) {
    auto& e = maps_[cf][key];
    e.deleted = e.merge = false;
    e.value = std::move(value);
}

void WriteOverlay::del(Cf cf, const std::string& key) {
    auto& e = maps_[cf][key];
    e.deleted = true;
    e.merge = false;
    e.value.clear();
}

Status WriteOverlay::merge(Cf cf, const std::string& key, std::string_view operands) {
    if (mergeFns_[cf] == nullptr)
        return Status::invalidArgument(std::string("no merge for ") + cfName(cf));
    auto [it, added] = maps_[cf].try_emplace(key);
    Entry& e = it->second;
    if (added) {
        e.merge = true;
        e.value.assign(operands);
        return Status::ok();
    }
    if (e.deleted)
        return Status::notFound("the transaction deleted the record it updates");
    if (e.merge) {
        e.value.append(operands); // operands concatenate (see property_update.h)
        return Status::ok();
    }
    std::string merged;
    if (auto s = mergeFns_[cf](e.value, operands, &merged); !s.isOk())
        return s;
    e.value = std::move(merged);
    return Status::ok();
}

Status WriteOverlay::resolve(Cf cf, std::string_view base, const Entry& entry,
                             std::string* out) const {
    if (mergeFns_[cf] == nullptr)
        return Status::invalidArgument(std::string("no merge for ") + cfName(cf));
    return mergeFns_[cf](base, entry.value, out);
}

const WriteOverlay::Entry* WriteOverlay::find(Cf cf, std::string_view key) const {
    const auto& m = maps_[cf];
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
}

bool WriteOverlay::empty() const {
    for (const auto& m : maps_)
        if (!m.empty())
            return false;
    return true;
}

void WriteOverlay::clear() {
    for (auto& m : maps_)
        m.clear();
}

std::unique_ptr<rocksdb::Iterator> WriteOverlay::iterator(Cf cf,
                                                          std::unique_ptr<rocksdb::Iterator> base,
                                                          const std::string& upper) const {
    return std::make_unique<OverlayIterator>(*this, cf, maps_[cf], std::move(base), upper);
}

rocksdb::Status WriteOverlay::writeTo(const StoreCore& core, rocksdb::WriteBatch* batch) const {
    for (int c = 0; c < kCfCount; ++c) {
        auto* handle = core.cf(static_cast<Cf>(c));
        for (const auto& [key, e] : maps_[c]) {
            auto s = e.deleted ? batch->Delete(handle, key)
                     : e.merge ? batch->Merge(handle, key, e.value)
                               : batch->Put(handle, key, e.value);
            if (!s.ok())
                return s;
        }
    }
    return rocksdb::Status::OK();
}

} // namespace innograph::graph::detail
