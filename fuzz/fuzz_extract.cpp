// Fuzz target: any bytes as a policy document, extracted and then written into a store under
// one document id, so that each input also replaces the facts of the one before it.

#include "fuzz_support.h"

#include "innograph/extract/extractor.h"
#include "innograph/extract/store_writer.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static auto extractor = [] {
        auto e = innograph::extract::Extractor::create();
        if (!e.isOk())
            std::abort();
        return std::move(*e);
    }();
    static innograph::fuzz::ScratchStore store(
        "extract", [](innograph::graph::GraphStore&) {}, 2000);
    auto doc =
        extractor->extract("fuzz-doc", std::string_view(reinterpret_cast<const char*>(data), size));
    if (!doc.isOk())
        return 0;
    auto written = innograph::extract::writeDocument(store.get(), *doc);
    // The store is healthy and the document valid: a failed write is a bug.
    if (!written.isOk())
        std::abort();
    return 0;
}
