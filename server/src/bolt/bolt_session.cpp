#include "bolt_session.h"

#include "../service.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

namespace innograph::server::bolt {
namespace {

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
    : socket_(std::move(socket)), ctx_(ctx), id_(id), deadline_(socket_.get_executor()),
      txTimer_(socket_.get_executor()), writeTimer_(socket_.get_executor()),
      reader_(ctx.service->options().maxBodyBytes) {
    ctx_.service->metrics().connectionOpened();
    ctx_.service->metrics().boltConnectionOpened();
}

BoltSession::~BoltSession() {
    ctx_.service->metrics().boltConnectionClosed();
    ctx_.service->metrics().connectionClosed();
}

void BoltSession::reject() {
    ctx_.service->metrics().connectionRejected();
    net::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void BoltSession::start() {
    // Answers are small and a client waits for each (RUN and PULL go out together, their
    // answers in one write): Nagle's algorithm would hold them for the client's delayed ACK.
    boost::system::error_code ec;
    socket_.set_option(net::ip::tcp::no_delay(true), ec);
    net::dispatch(socket_.get_executor(), [self = shared_from_this()] {
        // A handshake that never completes is cut off like a slow HTTP request.
        self->armDeadline(self->ctx_.service->options().readTimeout);
        net::async_read(
            self->socket_, net::buffer(self->handshake_),
            [self](boost::system::error_code ec, std::size_t n) { self->onHandshake(ec, n); });
    });
}

void BoltSession::armDeadline(std::chrono::steady_clock::duration d) {
    deadline_.expires_after(d);
    deadline_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (!ec)
            self->close();
    });
}

void BoltSession::onHandshake(boost::system::error_code ec, std::size_t) {
    if (ec)
        return close();
    auto result = negotiate(handshake_);
    if (!result.magicOk)
        return close();
    answer_ = handshakeAnswer(result.version);
    if (!result.version) {
        // No version in common: answer zeros, then close.
        net::async_write(
            socket_, net::buffer(answer_),
            [self = shared_from_this()](boost::system::error_code, std::size_t) { self->close(); });
        return;
    }
    boost::system::error_code epEc;
    auto local = socket_.local_endpoint(epEc);
    std::string address = epEc ? std::string("127.0.0.1:7687")
                               : local.address().to_string() + ":" + std::to_string(local.port());
    conn_ = std::make_unique<Connection>(*ctx_.service, *result.version,
                                         "bolt-" + std::to_string(id_), address);
    out_.assign(answer_.begin(), answer_.end());
    flush();
    readMore();
}

void BoltSession::readMore() {
    if (closed_ || reading_ || stopReading_)
        return;
    // Stop reading while much is queued: a client that sends faster than its queries run must
    // not fill the server's memory.
    if (inboxBytes_ > ctx_.service->options().maxBodyBytes)
        return;
    reading_ = true;
    armDeadline(reader_.inMessage()
                    ? std::chrono::steady_clock::duration(ctx_.service->options().readTimeout)
                    : std::chrono::steady_clock::duration(kIdleTimeout));
    socket_.async_read_some(net::buffer(readBuf_),
                            [self = shared_from_this()](boost::system::error_code ec,
                                                        std::size_t n) { self->onRead(ec, n); });
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
    std::deque<std::string> messages;
    std::string error;
    try {
        reader_.feed(std::string_view(readBuf_.data(), n), messages);
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
    pump();
    readMore();
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
                net::post(self->socket_.get_executor(), [self, out = std::move(out)] {
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
    net::async_write(socket_, net::buffer(writing_),
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
    boost::system::error_code ec;
    deadline_.cancel();
    txTimer_.cancel();
    writeTimer_.cancel();
    socket_.shutdown(net::ip::tcp::socket::shutdown_both, ec);
    socket_.close(ec);
}

} // namespace innograph::server::bolt
