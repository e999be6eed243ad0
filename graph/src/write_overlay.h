#pragma once

// A write transaction's own writes, kept in sorted maps per column family until commit. Reads
// through the transaction look here first; commit turns the maps into one rocksdb::WriteBatch.
//
// This replaces rocksdb::WriteBatchWithIndex, which indexed every put in a skip list over the
// batch's bytes (about 10,800 instructions a put) and kept every overwritten version in the
// batch, so a relationship record rewritten for each sentence of evidence reached the memtable
// and the log once per rewrite. Here a key holds its last value only, and the batch is built
// in key order, which the memtable's skip list inserts fastest.
//
// A key may also hold merge operands (a relationship's property updates): they are applied to
// the database's value when read through the overlay and written as one Merge at commit.

#include "store_core.h"

#include <rocksdb/write_batch.h>

#include <array>
#include <map>
#include <memory>
#include <string>

namespace innograph::graph::detail {

class WriteOverlay {
public:
    struct Entry {
        bool deleted = false;
        bool merge = false; // `value` holds merge operands for the database's value
        std::string value;
    };
    using Map = std::map<std::string, Entry, std::less<>>;
    // Applies a family's merge operands to a value (as its RocksDB merge operator does).
    using MergeFn = Status (*)(std::string_view base, std::string_view operands, std::string* out);

    // The function merge() entries of `cf` are applied with; without one, merge() fails.
    void setMergeFunction(Cf cf, MergeFn fn) { mergeFns_[cf] = fn; }

    void put(Cf cf, const std::string& key, std::string value);
    void del(Cf cf, const std::string& key);
    // Adds merge operands to the key: applied at once to this transaction's own value, else kept
    // for the database's. NotFound when the transaction deleted the key.
    Status merge(Cf cf, const std::string& key, std::string_view operands);
    // The value of a merge entry over the database's value `base`.
    Status resolve(Cf cf, std::string_view base, const Entry& entry, std::string* out) const;
    // This transaction's entry for the key, or null when it did not write the key.
    const Entry* find(Cf cf, std::string_view key) const;
    bool empty() const;
    void clear();

    // An iterator over `base` (the database's keys of `cf`, bounded by `upper` when it is not
    // empty) with this transaction's writes laid over it (merge entries applied to the base's
    // values; one without a base value ends the iteration with Corruption). Forward only: Seek,
    // SeekToFirst and Next; the backward operations end the iteration with Status::NotSupported.
    // Writes made while it is open do not invalidate it (entries are never erased before clear()).
    std::unique_ptr<rocksdb::Iterator> iterator(Cf cf, std::unique_ptr<rocksdb::Iterator> base,
                                                const std::string& upper) const;

    // Calls fn(key, entry) for the entries of `cf` in [lower, upper) (an empty upper: to the
    // end), in key order.
    template <typename Fn>
    void forEach(Cf cf, const std::string& lower, const std::string& upper, Fn&& fn) const {
        const auto& m = maps_[cf];
        auto end = upper.empty() ? m.end() : m.lower_bound(upper);
        for (auto it = m.lower_bound(lower); it != end; ++it)
            fn(it->first, it->second);
    }

    // Appends every entry to `batch` (puts and deletes, column family by column family, in key
    // order).
    rocksdb::Status writeTo(const StoreCore& core, rocksdb::WriteBatch* batch) const;

private:
    std::array<Map, kCfCount> maps_;
    std::array<MergeFn, kCfCount> mergeFns_{};
};

} // namespace innograph::graph::detail
