// OpenCC behind one function. OpenCC documents no thread-safety guarantee for a converter shared
// between threads, so each thread loads its own; loading takes milliseconds and happens once.

#include "innograph/text/opencc.h"

#include "innograph/text/unicode.h"

#include <opencc/opencc.h>

#include <atomic>
#include <memory>

namespace innograph::text {
namespace {

// -1 unknown, 0 unavailable, 1 available: OpenCC's data either exists on this machine or not.
std::atomic<int> g_available{-1};

const opencc::SimpleConverter* converter() {
    thread_local std::unique_ptr<opencc::SimpleConverter> local;
    thread_local bool tried = false;
    if (!tried) {
        tried = true;
        if (g_available.load(std::memory_order_relaxed) != 0) {
            for (const char* config : {"/usr/share/opencc/t2s.json", "t2s.json"}) {
                try {
                    local = std::make_unique<opencc::SimpleConverter>(config);
                    break;
                } catch (...) {
                    // try the next location
                }
            }
            g_available.store(local ? 1 : 0, std::memory_order_relaxed);
        }
    }
    return local.get();
}

bool mayNeedConversion(std::string_view utf8) {
    for (unsigned char c : utf8)
        if (c >= 0xE0) // every Han character takes three bytes or more
            return true;
    return false;
}

} // namespace

bool simplifiedConversionAvailable() {
    return converter() != nullptr;
}

std::string toSimplified(std::string_view utf8) {
    if (!mayNeedConversion(utf8))
        return std::string(utf8);
    if (const auto* conv = converter()) {
        try {
            return conv->Convert(std::string(utf8));
        } catch (...) {
            // OpenCC refuses what it cannot segment (ill-formed UTF-8): keep the text as it is.
        }
    }
    return std::string(utf8);
}

std::u32string toSimplified(std::u32string_view text) {
    bool ascii = true;
    for (char32_t c : text)
        ascii = ascii && c < 0x80;
    if (ascii)
        return std::u32string(text);
    return decodeUtf8(toSimplified(encodeUtf8(text)));
}

} // namespace innograph::text
