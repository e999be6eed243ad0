#pragma once

// Small HTTP pieces shared by the handlers: request/response types, query strings, JSON
// responses and the error body every failure uses.

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// A failure a handler reports; the service renders it as
// {"error":{"code","message",...extra}} with the status.
class HttpError : public std::runtime_error {
public:
    HttpError(http::status status, std::string code, std::string message,
              nlohmann::json extra = nlohmann::json::object())
        : std::runtime_error(message), status_(status), code_(std::move(code)),
          extra_(std::move(extra)) {}
    http::status status() const { return status_; }
    const std::string& code() const { return code_; }
    const nlohmann::json& extra() const { return extra_; }

private:
    http::status status_;
    std::string code_;
    nlohmann::json extra_;
};

// Percent-decoding; '+' is a space in query strings only. nullopt on a malformed escape.
std::optional<std::string> urlDecode(std::string_view in, bool plusIsSpace);

struct Target {
    std::string path;
    std::map<std::string, std::string> query;
};
// Throws HttpError 400 on malformed escapes or invalid UTF-8.
Target parseTarget(std::string_view target);

// JSON text that never throws: invalid UTF-8 is replaced.
std::string dumpJson(const nlohmann::json& j);

nlohmann::json errorBody(const std::string& code, const std::string& message,
                         const nlohmann::json& extra = nlohmann::json::object());

// Compares in time independent of where the strings differ (tokens).
bool constantTimeEquals(std::string_view a, std::string_view b);

// Query parameter helpers; throw HttpError 400 naming the parameter.
std::string param(const Target& t, const std::string& name, const std::string& fallback = "");
std::uint64_t uintParam(const Target& t, const std::string& name, std::uint64_t fallback,
                        std::uint64_t max);

} // namespace innograph::server
