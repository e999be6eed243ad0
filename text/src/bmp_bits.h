#pragma once

// One bit per character of the Basic Multilingual Plane (8 KiB): a character property that the
// cleaner and the rules ask for every character of every document, filled once from ICU's
// answer for each of the 65,536 code points (a few million instructions, once a process).

#include <cstdint>
#include <vector>

namespace innograph::text {

class BmpBits {
public:
    template <class Property> explicit BmpBits(Property property) : bits_(0x10000 / 64, 0) {
        for (char32_t c = 0; c < 0x10000; ++c)
            if (property(c))
                bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
    }
    // c < 0x10000.
    bool has(char32_t c) const { return ((bits_[c >> 6] >> (c & 63)) & 1) != 0; }

private:
    std::vector<std::uint64_t> bits_;
};

} // namespace innograph::text
