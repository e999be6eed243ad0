#pragma once

// Shared by the fuzz targets: a scratch store that is rebuilt now and then, so that what the
// inputs write neither piles up nor makes one run depend on thousands before it.

#include "innograph/graph/graph_store.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace innograph::fuzz {

class ScratchStore {
public:
    // `fill` puts the fixture into each fresh store; `every` inputs later it starts over, first
    // calling `beforeReset` so that whatever holds the old store can let go of it.
    ScratchStore(std::string name, std::function<void(graph::GraphStore&)> fill, int every,
                 std::function<void()> beforeReset = {})
        : fill_(std::move(fill)), beforeReset_(std::move(beforeReset)), every_(every) {
        dir_ = std::filesystem::temp_directory_path() /
               ("innograph-fuzz-" + name + "-" + std::to_string(getpid()));
        reset();
    }
    ~ScratchStore() {
        if (beforeReset_)
            beforeReset_();
        store_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    graph::GraphStore& get() {
        if (++uses_ >= every_)
            reset();
        return *store_;
    }

private:
    void reset() {
        uses_ = 0;
        if (store_ && beforeReset_)
            beforeReset_();
        store_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
        auto s = graph::GraphStore::open({}, dir_.string());
        if (!s.isOk())
            std::abort();
        store_ = std::move(*s);
        fill_(*store_);
    }

    std::filesystem::path dir_;
    std::function<void(graph::GraphStore&)> fill_;
    std::function<void()> beforeReset_;
    int every_;
    int uses_ = 0;
    std::unique_ptr<graph::GraphStore> store_;
};

} // namespace innograph::fuzz
