#include "write_overlay.h"

#include <utility>

namespace innograph::graph::detail {
namespace {

// Merges the database's keys with the transaction's entries: an entry shadows the database's
// key of the same bytes, a deleted entry hides it.
class OverlayIterator : public rocksdb::Iterator {
public:
    OverlayIterator(const WriteOverlay::Map& map, std::unique_ptr<rocksdb::Iterator> base,
                    const std::string& upper)
        : map_(map), base_(std::move(base)), upper_(upper) {}

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
        return fromOverlay_ ? rocksdb::Slice(pos_->second.value) : base_->value();
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
            if (c == 0)
                base_->Next(); // the transaction's entry replaces the database's
            if (pos_->second.deleted) {
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

    const WriteOverlay::Map& map_;
    std::unique_ptr<rocksdb::Iterator> base_;
    std::string upper_;
    WriteOverlay::Map::const_iterator pos_ = map_.end();
    bool fromOverlay_ = false;
    bool valid_ = false;
    rocksdb::Status status_;
};

} // namespace

void WriteOverlay::put(Cf cf, const std::string& key, std::string value) {
    auto& e = maps_[cf][key];
    e.deleted = false;
    e.value = std::move(value);
}

void WriteOverlay::del(Cf cf, const std::string& key) {
    auto& e = maps_[cf][key];
    e.deleted = true;
    e.value.clear();
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
    return std::make_unique<OverlayIterator>(maps_[cf], std::move(base), upper);
}

rocksdb::Status WriteOverlay::writeTo(const StoreCore& core, rocksdb::WriteBatch* batch) const {
    for (int c = 0; c < kCfCount; ++c) {
        auto* handle = core.cf(static_cast<Cf>(c));
        for (const auto& [key, e] : maps_[c]) {
            auto s = e.deleted ? batch->Delete(handle, key) : batch->Put(handle, key, e.value);
            if (!s.ok())
                return s;
        }
    }
    return rocksdb::Status::OK();
}

} // namespace innograph::graph::detail
