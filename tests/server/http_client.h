#pragma once

// A minimal blocking HTTP/1.1 client for the tests: one connection, requests written raw or
// built, responses read with Beast's parser.

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace innograph::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct Reply {
    unsigned status = 0;
    std::string body;
    http::response<http::string_body> raw;
    nlohmann::json json() const { return nlohmann::json::parse(body); }
};

class Client {
public:
    explicit Client(unsigned short port) : socket_(ioc_) {
        socket_.connect({net::ip::make_address("127.0.0.1"), port});
    }
    void writeRaw(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }
    Reply read() {
        Reply r;
        http::read(socket_, buffer_, r.raw);
        r.status = r.raw.result_int();
        r.body = r.raw.body();
        return r;
    }
    Reply request(http::verb method, const std::string& target, const std::string& body = "",
                  const std::string& token = "") {
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "localhost");
        if (!token.empty())
            req.set(http::field::authorization, "Bearer " + token);
        if (!body.empty() || method == http::verb::post) {
            req.set(http::field::content_type, "application/json");
            req.body() = body;
            req.prepare_payload();
        }
        http::write(socket_, req);
        return read();
    }
    Reply get(const std::string& target) { return request(http::verb::get, target); }
    Reply post(const std::string& target, const std::string& body, const std::string& token = "") {
        return request(http::verb::post, target, body, token);
    }
    // True when the server has closed the connection (a read sees end of stream or reset).
    bool closedByPeer() {
        char c;
        beast::error_code ec;
        socket_.read_some(net::buffer(&c, 1), ec);
        return ec == net::error::eof || ec == net::error::connection_reset;
    }
    net::ip::tcp::socket& socket() { return socket_; }

private:
    net::io_context ioc_;
    net::ip::tcp::socket socket_;
    beast::flat_buffer buffer_;
};

inline std::string urlEncode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace innograph::testing
