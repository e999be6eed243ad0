#pragma once

// One HTTP connection: reads a request, hands it to a worker pool, writes the response on the
// connection's strand, then reads the next. Requests on one connection are thus answered in
// the order they arrived, pipelined or not. Health probes (/healthz, /readyz) are answered on
// the I/O thread at once; requests that may write (POST /v1/documents, POST /v1/query with
// credentials) go to their own small pool, so that writers waiting for their turn behind one
// long write never take every worker from the readers.

#include "service.h"

#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>

#include <atomic>
#include <memory>

namespace innograph::server {

namespace beast = boost::beast;
namespace net = boost::asio;

// What every session shares with the server.
struct SessionContext {
    Service* service = nullptr;
    net::thread_pool* workers = nullptr; // reads
    net::thread_pool* writers = nullptr; // requests that may write
    std::atomic<int> inFlight{0};        // requests read and not yet answered
    std::atomic<bool> draining{false};   // stopping: answer what is in flight, read nothing new
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(net::ip::tcp::socket&& socket, SessionContext& ctx);
    ~Session();
    void start();
    // Answers 503 and closes: the connection limit was reached.
    void reject();

private:
    void readRequest();
    void onHeader(beast::error_code ec, std::size_t bytes);
    // Whether the header can be trusted to frame the body; answers the error itself if not.
    bool checkFraming();
    bool readError(beast::error_code ec);
    void onRead(beast::error_code ec, std::size_t bytes);
    void sendError(http::status status, const std::string& code, const std::string& message);
    void write(Response response, bool countedInFlight);
    void onWrite(bool close, bool countedInFlight, beast::error_code ec, std::size_t bytes);
    void close();
    void linger();
    void lingerMore();

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::unique_ptr<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<Response> response_;
    SessionContext& ctx_;
    bool lingerAfterWrite_ = false; // a refused request: drain the client's input before closing
    std::size_t lingered_ = 0;
};

} // namespace innograph::server
