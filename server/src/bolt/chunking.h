#pragma once

// Bolt's message framing: a message travels as chunks, each a big-endian 16-bit size and that
// many bytes, ended by a zero-size chunk. A zero-size chunk between messages is a NOOP (a
// keep-alive) and carries nothing.

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

namespace innograph::server::bolt {

class ChunkReader {
public:
    explicit ChunkReader(std::size_t maxMessageBytes) : maxMessageBytes_(maxMessageBytes) {}
    // Consumes all of `data`, appending each message it completes to `messages`. Throws
    // ProtocolError when a message grows past the limit.
    void feed(std::string_view data, std::deque<std::string>& messages);
    // Whether a message has begun and not ended (for the read timeout of a slow sender).
    bool inMessage() const { return headerBytes_ > 0 || chunkLeft_ > 0 || !message_.empty(); }

private:
    std::size_t maxMessageBytes_;
    unsigned char header_[2] = {0, 0};
    int headerBytes_ = 0;
    std::size_t chunkLeft_ = 0;
    std::string message_;
};

// Appends `message` to `out` as chunks of at most 65,535 bytes and the end marker.
void writeChunked(std::string& out, std::string_view message);

} // namespace innograph::server::bolt
