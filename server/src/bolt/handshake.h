#pragma once

// Bolt's handshake: the client sends the magic 0x6060B017 and four version proposals, each
// [reserved, range, minor, major] meaning major.minor down to major.(minor - range); the server
// answers the one version it will speak as [0, 0, minor, major], or four zero bytes for none.

#include <array>
#include <cstdint>
#include <optional>

namespace innograph::server::bolt {

constexpr std::size_t kHandshakeBytes = 20;

struct BoltVersion {
    int major = 0;
    int minor = 0;
    bool atLeast(int ma, int mi) const { return major > ma || (major == ma && minor >= mi); }
};

struct HandshakeResult {
    bool magicOk = false;
    std::optional<BoltVersion> version; // empty: no proposal is one innograph speaks
};

// Versions innograph speaks: 5.0 to 5.4 and 4.4.
bool supported(BoltVersion v);

// Chooses, for the first proposal that names a supported version, the highest such version.
HandshakeResult negotiate(const std::array<std::uint8_t, kHandshakeBytes>& bytes);

// The four bytes that answer the handshake.
std::array<std::uint8_t, 4> handshakeAnswer(const std::optional<BoltVersion>& version);

} // namespace innograph::server::bolt
