#pragma once

// One Bolt connection's socket: the handshake, then chunked messages in, responses out, over
// TCP or, when the first bytes are an HTTP upgrade request, over a WebSocket. Reading
// never stops while a query runs, so a RESET can interrupt it and a dropped connection cancels
// it; requests are handled one at a time and in order, those that may block (a query, a commit)
// on the worker pool, the rest at once on the connection's strand.
//
// A malformed message (bad chunking, PackStream or signature, or over the size limit) gets a
// FAILURE and closes this connection, and nothing else.

#include "chunking.h"
#include "connection.h"
#include "transport.h"

#include "../session.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <deque>
#include <memory>

namespace innograph::server::bolt {

class BoltSession : public std::enable_shared_from_this<BoltSession> {
public:
    BoltSession(net::ip::tcp::socket&& socket, SessionContext& ctx, std::uint64_t id);
    ~BoltSession();
    void start();
    // The connection limit was reached: Bolt has no way to say so before the handshake.
    void reject();

private:
    struct Inbound {
        Request request;
        std::size_t bytes = 0;
        std::string error; // set: a malformed message, answered with FAILURE and a close
    };

    void readHandshake();
    void onHandshakeBytes();
    void upgradeToWebSocket();
    void readMore();
    void consume(std::string_view bytes);
    void onRead(boost::system::error_code ec, std::size_t n);
    void pump();
    void afterHandled();
    void flush();
    void close();
    void armDeadline(std::chrono::steady_clock::duration d);
    void armTransactionTimer();

    net::any_io_executor executor_; // the connection's strand
    std::unique_ptr<Transport> transport_;
    TcpTransport* tcp_ = nullptr; // while the transport is plain TCP
    SessionContext& ctx_;
    std::uint64_t id_;
    net::steady_timer deadline_;
    net::steady_timer txTimer_;
    net::steady_timer writeTimer_;
    std::string handshakeBytes_;
    std::array<std::uint8_t, 4> answer_{};
    std::unique_ptr<Connection> conn_;
    ChunkReader reader_;
    std::array<char, 16 * 1024> readBuf_{};
    std::deque<Inbound> inbox_;
    std::size_t inboxBytes_ = 0;
    std::string out_;
    std::string writing_;
    bool busy_ = false;        // a worker is handling a request
    bool writeActive_ = false; // an async_write is pending
    bool reading_ = false;     // an async_read_some is pending
    bool stopReading_ = false; // a malformed message or the end: read no more
    bool closeAfterWrite_ = false;
    bool closed_ = false;
};

} // namespace innograph::server::bolt
