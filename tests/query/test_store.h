#pragma once

// A throwaway store in a temporary directory, removed when the test ends.

#include "innograph/graph/graph_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace innograph::query::testing {

class TempStore {
public:
    TempStore() {
        static std::atomic<int> counter{0};
        path_ = (std::filesystem::temp_directory_path() /
                 ("innograph-query-test-" + std::to_string(::getpid()) + "-" +
                  std::to_string(counter++)))
                    .string();
        std::filesystem::remove_all(path_);
        graph::Options options;
        options.blockCacheBytes = 8u << 20;
        options.writeBufferBytes = 4u << 20;
        auto r = graph::GraphStore::open(options, path_);
        if (!r.isOk())
            throw std::runtime_error("cannot open test store: " + r.status().toString());
        store_ = std::move(r.value());
    }
    ~TempStore() {
        store_.reset();
        std::filesystem::remove_all(path_);
    }
    graph::GraphStore& store() { return *store_; }

private:
    std::string path_;
    std::unique_ptr<graph::GraphStore> store_;
};

} // namespace innograph::query::testing
