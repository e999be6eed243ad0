#include "handshake.h"

namespace innograph::server::bolt {

bool supported(BoltVersion v) {
    return (v.major == 5 && v.minor >= 0 && v.minor <= 4) || (v.major == 4 && v.minor == 4);
}

HandshakeResult negotiate(const std::array<std::uint8_t, kHandshakeBytes>& b) {
    HandshakeResult r;
    r.magicOk = b[0] == 0x60 && b[1] == 0x60 && b[2] == 0xB0 && b[3] == 0x17;
    if (!r.magicOk)
        return r;
    for (int p = 0; p < 4; ++p) {
        const std::uint8_t* v = &b[4 + 4 * p];
        int range = v[1], minor = v[2], major = v[3];
        for (int m = minor; m >= 0 && m >= minor - range; --m) {
            BoltVersion candidate{major, m};
            if (supported(candidate)) {
                r.version = candidate;
                return r;
            }
        }
    }
    return r;
}

std::array<std::uint8_t, 4> handshakeAnswer(const std::optional<BoltVersion>& version) {
    if (!version)
        return {0, 0, 0, 0};
    return {0, 0, static_cast<std::uint8_t>(version->minor),
            static_cast<std::uint8_t>(version->major)};
}

} // namespace innograph::server::bolt
