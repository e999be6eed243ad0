#include "bolt_session.h"

#include "../service.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <cstring>

namespace innograph::server::bolt {
namespace {

namespace websocket = boost::beast::websocket;

// Between messages a driver keeps pooled connections open and quiet for long spells; inside a
// message (and in the handshake) the service's read timeout applies, as for an HTTP request.
constexpr auto kIdleTimeout = std::chrono::minutes(10);
constexpr auto kWriteTimeout = std::chrono::seconds(30);

UnpackLimits unpackLimits() {
    UnpackLimits l;
    l.maxDepth = 64;
    l.maxValues = 256 * 1024;
    return l;
}

} // namespace

BoltSession::BoltSession(net::ip::tcp::socket&& socket, SessionContext& ctx, std::uint64_t id)
    : executor_(socket.get_executor()), ctx_(ctx), id_(id), deadline_(executor_),
      txTimer_(executor_), writeTimer_(executor_), reader_(ctx.service->options().maxBodyBytes) {
    // Answers are small and a client waits for each (RUN and PULL go out together, their
    // answers in one write): Nagle's algorithm would hold them for the client's delayed ACK.
    boost::system::error_code ec;
    socket.set_option(net::ip::tcp::no_delay(true), ec);
    auto tcp = std::make_unique<TcpTransport>(std::move(socket));
    tcp_ = tcp.get();
    transport_ = std::move(tcp);
    ctx_.service->metrics().connectionOpened();
    ctx_.service->metrics().boltConnectionOpened();
}

BoltSession::~BoltSession() {
    ctx_.service->metrics().boltConnectionClosed();
    ctx_.service->metrics().connectionClosed();
}

void BoltSession::reject() {
    ctx_.service->metrics().connectionRejected();
    net::dispatch(executor_, [self = shared_from_this()] { self->close(); });
}

void BoltSession::start() {
    net::dispatch(executor_, [self = shared_from_this()] {
        // A handshake that never completes is cut off like a slow HTTP request.
        self->armDeadline(self->ctx_.service->options().readTimeout);
        self->readHandshake();
    });
}

void BoltSession::armDeadline(std::chrono::steady_clock::duration d) {
    deadline_.expires_after(d);
    deadline_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (!ec)
            self->close();
    });
}

void BoltSession::readHandshake() {
    transport_->readSome(net::buffer(readBuf_),
                         [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                             if (ec)
                                 return self->close();
                             self->handshakeBytes_.append(self->readBuf_.data(), n);
                             self->onHandshakeBytes();
                         });
}

void BoltSession::onHandshakeBytes() {
    const std::string& b = handshakeBytes_;
    static constexpr char kMagic[] = {'\x60', '\x60', '\xB0', '\x17'};
    // A browser (Neo4j's browser driver) opens a WebSocket first and speaks Bolt inside it.
    if (tcp_ && b.size() >= 4 && b.compare(0, 4, "GET ") == 0)
        return upgradeToWebSocket();
    for (std::size_t i = 0; i < std::min<std::size_t>(b.size(), 4); ++i)
        if (b[i] != kMagic[i])
            return close(); // neither Bolt nor a WebSocket
    if (b.size() < kHandshakeBytes)
        return readHandshake();
    std::array<std::uint8_t, kHandshakeBytes> hs{};
    std::memcpy(hs.data(), b.data(), hs.size());
    std::string rest = b.substr(kHandshakeBytes);
    handshakeBytes_.clear();
    auto result = negotiate(hs);
    answer_ = handshakeAnswer(result.version);
    if (!result.version) {
        // No version in common: answer zeros, then close.
        transport_->write(
            net::buffer(answer_),
            [self = shared_from_this()](boost::system::error_code, std::size_t) { self->close(); });
        return;
    }
    conn_ = std::make_unique<Connection>(*ctx_.service, *result.version,
                                         "bolt-" + std::to_string(id_), transport_->localAddress());
    out_.assign(answer_.begin(), answer_.end());
    consume(rest);
    pump();
    readMore();
}

void BoltSession::upgradeToWebSocket() {
    auto ws = std::make_unique<websocket::stream<net::ip::tcp::socket>>(std::move(tcp_->socket()));
    tcp_ = nullptr;
    ws->set_option(websocket::stream_base::decorator([](websocket::response_type& res) {
        res.set(boost::beast::http::field::server, "innograph");
    }));
    auto* raw = ws.get();
    transport_ =
        std::make_unique<WebSocketTransport>(std::move(ws), ctx_.service->options().maxBodyBytes);
    ctx_.service->metrics().boltWebSocket();
    // The bytes read so far are the start of the upgrade request; Beast reads the rest.
    auto request = std::make_shared<std::string>(std::move(handshakeBytes_));
    handshakeBytes_.clear();
    raw->async_accept(net::buffer(*request),
                      [self = shared_from_this(), request](boost::system::error_code ec) {
                          if (ec)
                              return self->close();
                          self->readHandshake();
                      });
}

void BoltSession::readMore() {
    if (closed_ || reading_ || stopReading_ || !conn_)
        return;
    // Stop reading while much is queued: a client that sends faster than its queries run must
    // not fill the server's memory.
    if (inboxBytes_ > ctx_.service->options().maxBodyBytes)
        return;
    reading_ = true;
    armDeadline(reader_.inMessage()
                    ? std::chrono::steady_clock::duration(ctx_.service->options().readTimeout)
                    : std::chrono::steady_clock::duration(kIdleTimeout));
    transport_->readSome(net::buffer(readBuf_),
                         [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                             self->onRead(ec, n);
                         });
}

void BoltSession::onRead(boost::system::error_code ec, std::size_t n) {
    reading_ = false;
    if (ec) {
        // The client is gone: stop what runs for it; the connection's transaction, if any,
        // rolls back when the last reference goes.
        if (conn_)
            conn_->cancel();
        return close();
    }
    consume(std::string_view(readBuf_.data(), n));
    pump();
    readMore();
}

void BoltSession::consume(std::string_view bytes) {
    if (stopReading_)
        return;
    std::deque<std::string> messages;
    std::string error;
    try {
        reader_.feed(bytes, messages);
    } catch (const ProtocolError& e) {
        error = e.what();
    }
    for (auto& m : messages) {
        Inbound in;
        in.bytes = m.size();
        try {
            in.request = decodeRequest(m, unpackLimits());
            ctx_.service->metrics().boltMessage(requestName(in.request.signature));
            if (in.request.signature == sig::kReset)
                conn_->interrupt();
        } catch (const ProtocolError& e) {
            in.error = e.what();
        }
        bool bad = !in.error.empty();
        inboxBytes_ += in.bytes;
        inbox_.push_back(std::move(in));
        if (bad) {
            stopReading_ = true;
            break;
        }
    }
    if (!error.empty() && !stopReading_) {
        Inbound in;
        in.error = std::move(error);
        inbox_.push_back(std::move(in));
        stopReading_ = true;
    }
}

void BoltSession::pump() {
    // Handle nothing more while much output waits for a client that does not read it.
    while (!busy_ && !closed_ && !closeAfterWrite_ && !inbox_.empty() &&
           out_.size() < ctx_.service->options().maxBodyBytes) {
        Inbound in = std::move(inbox_.front());
        inbox_.pop_front();
        inboxBytes_ -= in.bytes;
        if (!in.error.empty()) {
            ctx_.service->metrics().boltMalformed();
            writeFailure(out_, "Neo.ClientError.Request.Invalid",
                         "malformed Bolt message: " + in.error);
            closeAfterWrite_ = true;
            break;
        }
        if (conn_->blocking(in.request)) {
            busy_ = true;
            ++ctx_.inFlight;
            auto request = std::make_shared<Request>(std::move(in.request));
            net::post(*ctx_.workers, [self = shared_from_this(), request] {
                std::string out;
                self->conn_->handle(*request, out);
                net::post(self->executor_, [self, out = std::move(out)] {
                    --self->ctx_.inFlight;
                    self->busy_ = false;
                    self->out_ += out;
                    self->afterHandled();
                    self->pump();
                    self->readMore();
                });
            });
            break;
        }
        conn_->handle(in.request, out_);
        afterHandled();
    }
    flush();
}

void BoltSession::afterHandled() {
    if (conn_->closing())
        closeAfterWrite_ = true;
    armTransactionTimer();
}

void BoltSession::armTransactionTimer() {
    auto deadline = conn_->transactionDeadline();
    if (!deadline) {
        txTimer_.cancel();
        return;
    }
    txTimer_.expires_at(*deadline);
    txTimer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        // An idle transaction must not keep the store's writer slot: roll it back. A busy one
        // is checked by the connection before its next request.
        if (!ec && !self->busy_ && self->conn_)
            self->conn_->expireTransaction();
    });
}

void BoltSession::flush() {
    if (closed_)
        return;
    if (writeActive_)
        return;
    if (out_.empty()) {
        if (closeAfterWrite_ && !busy_)
            close();
        return;
    }
    writing_.swap(out_);
    out_.clear();
    writeActive_ = true;
    // A client that stops reading its answers is cut off.
    writeTimer_.expires_after(kWriteTimeout);
    writeTimer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (!ec && self->writeActive_)
            self->close();
    });
    transport_->write(net::buffer(writing_),
                      [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                          self->writeActive_ = false;
                          self->writing_.clear();
                          self->writeTimer_.cancel();
                          if (ec) {
                              if (self->conn_)
                                  self->conn_->cancel();
                              return self->close();
                          }
                          self->pump();
                          self->readMore();
                      });
}

void BoltSession::close() {
    if (closed_)
        return;
    closed_ = true;
    if (conn_)
        conn_->cancel();
    deadline_.cancel();
    txTimer_.cancel();
    writeTimer_.cancel();
    transport_->close();
}

} // namespace innograph::server::bolt
