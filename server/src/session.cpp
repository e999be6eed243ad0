#include "session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/rfc7230.hpp>

#include <string_view>
#include <vector>

namespace innograph::server {
namespace {

std::string_view pathOf(const Request& r) {
    std::string_view target(r.target().data(), r.target().size());
    return target.substr(0, target.find('?'));
}

// Cheap, bounded handlers that must answer however busy the workers are.
bool isProbe(const Request& r) {
    if (r.method() != http::verb::get && r.method() != http::verb::head)
        return false;
    auto path = pathOf(r);
    return path == "/healthz" || path == "/readyz";
}

bool mayWrite(const Request& r) {
    if (r.method() != http::verb::post)
        return false;
    auto path = pathOf(r);
    return path.starts_with("/v1/documents") ||
           (path.starts_with("/v1/query") && r.find(http::field::authorization) != r.end());
}

} // namespace

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
    // The header first: its framing is checked before a byte of the body is read (see
    // checkFraming), then the body.
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::onHeader, shared_from_this()));
}

void Session::onHeader(beast::error_code ec, std::size_t) {
    if (readError(ec) || !checkFraming())
        return;
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::onRead, shared_from_this()));
}

bool Session::checkFraming() {
    // RFC 9112 section 6: a request whose framing two parties could read differently (a proxy
    // by one header, this server by the other) would let the rest of its bytes pass as a second,
    // smuggled request. Such requests are refused and the connection closed.
    const auto& h = parser_->get();
    auto te = h.find(http::field::transfer_encoding);
    if (te != h.end()) {
        if (h.find(http::field::content_length) != h.end()) {
            sendError(http::status::bad_request, "BadRequest",
                      "a request must not carry both Transfer-Encoding and Content-Length");
            return false;
        }
        // Every Transfer-Encoding field, as one comma-separated list of codings.
        std::vector<std::string> codings;
        auto fields = h.equal_range(http::field::transfer_encoding);
        for (auto field = fields.first; field != fields.second; ++field)
            for (const auto& coding : http::token_list(field->value()))
                codings.emplace_back(beast::iequals(coding, "chunked") ? "chunked"
                                                                       : std::string(coding));
        if (codings.empty() || codings.back() != "chunked") {
            sendError(http::status::bad_request, "BadRequest",
                      "the last transfer coding must be chunked, or the body has no length");
            return false;
        }
        for (std::size_t i = 0; i + 1 < codings.size(); ++i) {
            if (codings[i] == "chunked") {
                sendError(http::status::bad_request, "BadRequest",
                          "chunked may be applied only once");
                return false;
            }
            sendError(http::status::not_implemented, "NotImplemented",
                      "transfer coding '" + codings[i] + "' is not supported; only chunked is");
            return false;
        }
    }
    auto auth = h.equal_range(http::field::authorization);
    if (auth.first != auth.second && std::next(auth.first) != auth.second) {
        sendError(http::status::bad_request, "BadRequest",
                  "a request must carry at most one Authorization header");
        return false;
    }
    return true;
}

bool Session::readError(beast::error_code ec) {
    if (!ec)
        return false;
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::error::eof)
        close();
    else if (ec == http::error::body_limit)
        sendError(http::status::payload_too_large, "PayloadTooLarge",
                  "the request body is over the limit of " +
                      std::to_string(ctx_.service->options().maxBodyBytes) + " bytes");
    else if (ec == http::error::header_limit)
        sendError(http::status::request_header_fields_too_large, "HeaderTooLarge",
                  "the request headers are over the limit");
    else
        sendError(http::status::bad_request, "BadRequest",
                  "malformed HTTP request: " + ec.message());
    return true;
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
    if (readError(ec))
        return;

    auto request = std::make_shared<Request>(parser_->release());
    ++ctx_.inFlight;
    if (isProbe(*request))
        return write(ctx_.service->handle(*request), true);
    auto self = shared_from_this();
    auto run = [self, request](WorkerLoad* load) {
        Response res = self->ctx_.service->handle(*request);
        if (load)
            --load->pending;
        net::post(self->stream_.get_executor(),
                  [self, res = std::move(res)]() mutable { self->write(std::move(res), true); });
    };
    if (mayWrite(*request)) {
        net::post(*ctx_.writers, [run] { run(nullptr); });
    } else {
        auto* load = &ctx_.service->workerLoad();
        ++load->pending;
        net::post(*ctx_.workers, [run, load] { run(load); });
    }
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
