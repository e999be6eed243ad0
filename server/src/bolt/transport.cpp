#include "transport.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

namespace innograph::server::bolt {
namespace {

std::string addressOf(const net::ip::tcp::socket& socket) {
    boost::system::error_code ec;
    auto local = socket.local_endpoint(ec);
    if (ec)
        return "127.0.0.1:7687";
    return local.address().to_string() + ":" + std::to_string(local.port());
}

void closeSocket(net::ip::tcp::socket& socket) {
    boost::system::error_code ec;
    socket.shutdown(net::ip::tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

} // namespace

void TcpTransport::readSome(net::mutable_buffer into, Handler handler) {
    socket_.async_read_some(into, std::move(handler));
}

void TcpTransport::write(net::const_buffer bytes, Handler handler) {
    net::async_write(socket_, bytes, std::move(handler));
}

void TcpTransport::close() {
    closeSocket(socket_);
}

std::string TcpTransport::localAddress() const {
    return addressOf(socket_);
}

WebSocketTransport::WebSocketTransport(
    std::unique_ptr<boost::beast::websocket::stream<net::ip::tcp::socket>> ws,
    std::size_t maxMessageBytes)
    : ws_(std::move(ws)) {
    ws_->binary(true);
    ws_->read_message_max(maxMessageBytes);
}

void WebSocketTransport::readSome(net::mutable_buffer into, Handler handler) {
    auto handOut = [this, into](Handler& h) {
        std::size_t n = net::buffer_copy(into, pending_.data());
        pending_.consume(n);
        h({}, n);
    };
    if (pending_.size() > 0) {
        net::post(ws_->get_executor(),
                  [handOut, handler = std::move(handler)]() mutable { handOut(handler); });
        return;
    }
    ws_->async_read(pending_, [handOut, handler = std::move(handler)](boost::system::error_code ec,
                                                                      std::size_t) mutable {
        if (ec)
            return handler(ec, 0);
        handOut(handler);
    });
}

void WebSocketTransport::write(net::const_buffer bytes, Handler handler) {
    ws_->async_write(bytes, std::move(handler));
}

void WebSocketTransport::close() {
    closeSocket(ws_->next_layer());
}

std::string WebSocketTransport::localAddress() const {
    return addressOf(ws_->next_layer());
}

} // namespace innograph::server::bolt
