#include "chunking.h"

#include "packstream.h"

#include <algorithm>

namespace innograph::server::bolt {

void ChunkReader::feed(std::string_view data, std::deque<std::string>& messages) {
    while (!data.empty()) {
        if (chunkLeft_ == 0) {
            header_[headerBytes_++] = static_cast<unsigned char>(data.front());
            data.remove_prefix(1);
            if (headerBytes_ < 2)
                continue;
            headerBytes_ = 0;
            chunkLeft_ = (static_cast<std::size_t>(header_[0]) << 8) | header_[1];
            if (chunkLeft_ == 0) {
                // The end of a message, or a NOOP between messages.
                if (!message_.empty())
                    messages.push_back(std::move(message_));
                message_.clear();
                continue;
            }
            if (message_.size() + chunkLeft_ > maxMessageBytes_)
                throw ProtocolError("a message is over the limit of " +
                                    std::to_string(maxMessageBytes_) + " bytes");
            continue;
        }
        std::size_t n = std::min(chunkLeft_, data.size());
        message_.append(data.substr(0, n));
        data.remove_prefix(n);
        chunkLeft_ -= n;
    }
}

void writeChunked(std::string& out, std::string_view message) {
    while (!message.empty()) {
        std::size_t n = std::min<std::size_t>(message.size(), 0xFFFF);
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(n & 0xFF));
        out.append(message.substr(0, n));
        message.remove_prefix(n);
    }
    out.push_back('\0');
    out.push_back('\0');
}

} // namespace innograph::server::bolt
