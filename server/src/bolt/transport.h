#pragma once

// The byte stream under a Bolt connection: a TCP socket, or a WebSocket (binary messages, as
// browsers and Neo4j's browser driver send Bolt) over one. Bolt's chunks do not line up with
// WebSocket messages, so both are read as a plain stream of bytes.
//
// Completion handlers run on the socket's executor (the session's strand). One read and one
// write may be pending at once.

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <functional>
#include <memory>
#include <string>

namespace innograph::server::bolt {

namespace net = boost::asio;

class Transport {
public:
    using Handler = std::function<void(boost::system::error_code, std::size_t)>;
    virtual ~Transport() = default;
    virtual void readSome(net::mutable_buffer into, Handler handler) = 0;
    virtual void write(net::const_buffer bytes, Handler handler) = 0;
    // Closes at once; pending operations complete with an error.
    virtual void close() = 0;
    // host:port of this end, for ROUTE.
    virtual std::string localAddress() const = 0;
};

class TcpTransport : public Transport {
public:
    explicit TcpTransport(net::ip::tcp::socket socket) : socket_(std::move(socket)) {}
    void readSome(net::mutable_buffer into, Handler handler) override;
    void write(net::const_buffer bytes, Handler handler) override;
    void close() override;
    std::string localAddress() const override;
    net::ip::tcp::socket& socket() { return socket_; }

private:
    net::ip::tcp::socket socket_;
};

class WebSocketTransport : public Transport {
public:
    explicit WebSocketTransport(
        std::unique_ptr<boost::beast::websocket::stream<net::ip::tcp::socket>> ws,
        std::size_t maxMessageBytes);
    void readSome(net::mutable_buffer into, Handler handler) override;
    void write(net::const_buffer bytes, Handler handler) override;
    void close() override;
    std::string localAddress() const override;

private:
    std::unique_ptr<boost::beast::websocket::stream<net::ip::tcp::socket>> ws_;
    boost::beast::flat_buffer pending_; // the rest of the last message, not yet handed out
};

} // namespace innograph::server::bolt
