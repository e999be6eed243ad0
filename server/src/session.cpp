#include "session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

namespace innograph::server {

Session::Session(net::ip::tcp::socket&& socket, SessionContext& ctx)
    : stream_(std::move(socket)), ctx_(ctx) {
    ctx_.service->metrics().connectionOpened();
}

Session::~Session() {
    ctx_.service->metrics().connectionClosed();
}

void Session::start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::readRequest, shared_from_this()));
}

void Session::reject() {
    ctx_.service->metrics().connectionRejected();
    Response res{http::status::service_unavailable, 11};
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.set(http::field::retry_after, "1");
    res.body() = dumpJson(errorBody("Unavailable", "too many connections; try again shortly"));
    res.keep_alive(false);
    res.prepare_payload();
    write(std::move(res), false);
}

void Session::readRequest() {
    if (ctx_.draining)
        return close();
    const auto& opts = ctx_.service->options();
    parser_ = std::make_unique<http::request_parser<http::string_body>>();
    parser_->body_limit(opts.maxBodyBytes);
    parser_->header_limit(opts.maxHeaderBytes);
    // The whole request, headers and body, must arrive within the read timeout.
    stream_.expires_after(opts.readTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::onRead, shared_from_this()));
}

void Session::sendError(http::status status, const std::string& code, const std::string& message) {
    Response res{status, 11};
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.set(http::field::server, "innograph");
    res.body() = dumpJson(errorBody(code, message));
    res.keep_alive(false);
    res.prepare_payload();
    ctx_.service->metrics().observe("malformed", "-", res.result_int(), 0);
    lingerAfterWrite_ = true;
    write(std::move(res), false);
}

void Session::linger() {
    // The client may still be sending what was refused (an oversized header or body). Closing
    // with unread bytes makes the kernel send a reset that can destroy the error response before
    // the client reads it, so half-close and discard input for a bounded time and amount first.
    beast::error_code ec;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
    if (ec)
        return close();
    stream_.expires_after(std::chrono::seconds(2));
    lingerMore();
}

void Session::lingerMore() {
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                self->lingered_ += n;
                                if (ec || self->lingered_ > (1u << 20))
                                    return self->close();
                                self->lingerMore();
                            });
}

void Session::onRead(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::error::eof)
        return close();
    if (ec == http::error::body_limit)
        return sendError(http::status::payload_too_large, "PayloadTooLarge",
                         "the request body is over the limit of " +
                             std::to_string(ctx_.service->options().maxBodyBytes) + " bytes");
    if (ec == http::error::header_limit)
        return sendError(http::status::request_header_fields_too_large, "HeaderTooLarge",
                         "the request headers are over the limit");
    if (ec)
        return sendError(http::status::bad_request, "BadRequest",
                         "malformed HTTP request: " + ec.message());

    auto request = std::make_shared<Request>(parser_->release());
    ++ctx_.inFlight;
    auto self = shared_from_this();
    net::post(*ctx_.workers, [self, request] {
        Response res = self->ctx_.service->handle(*request);
        net::post(self->stream_.get_executor(),
                  [self, res = std::move(res)]() mutable { self->write(std::move(res), true); });
    });
}

void Session::write(Response response, bool countedInFlight) {
    if (ctx_.draining)
        response.keep_alive(false);
    bool close = !response.keep_alive();
    response_ = std::make_shared<Response>(std::move(response));
    stream_.expires_after(std::chrono::seconds(30));
    http::async_write(
        stream_, *response_,
        beast::bind_front_handler(&Session::onWrite, shared_from_this(), close, countedInFlight));
}

void Session::onWrite(bool closeAfter, bool countedInFlight, beast::error_code ec, std::size_t) {
    if (countedInFlight)
        --ctx_.inFlight;
    response_.reset();
    if (!ec && closeAfter && lingerAfterWrite_)
        return linger();
    if (ec || closeAfter)
        return close();
    readRequest();
}

void Session::close() {
    beast::error_code ec;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
}

} // namespace innograph::server
