#pragma once

#include "innograph/graph/graph_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

namespace innograph::testing {

// A fresh store directory under the system temp dir, removed when the test ends.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = (std::filesystem::temp_directory_path() /
                 ("innograph-test-" + std::to_string(rd()) + std::to_string(rd())))
                    .string();
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }
    std::string sub(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

inline std::unique_ptr<graph::GraphStore> openOrDie(const std::string& path,
                                                    graph::Options options = {}) {
    auto s = graph::GraphStore::open(options, path);
    EXPECT_TRUE(s.isOk()) << s.status().toString();
    return s.isOk() ? std::move(*s) : nullptr;
}

} // namespace innograph::testing
