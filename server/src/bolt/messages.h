#pragma once

// Bolt's messages: a request is one PackStream structure whose tag says what it is; responses
// are SUCCESS, RECORD, IGNORED and FAILURE structures. This file decodes requests and encodes
// responses, each as one chunked message appended to an output buffer.

#include "packstream.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace innograph::server::bolt {

namespace sig {
constexpr std::uint8_t kHello = 0x01;
constexpr std::uint8_t kGoodbye = 0x02;
constexpr std::uint8_t kReset = 0x0F;
constexpr std::uint8_t kRun = 0x10;
constexpr std::uint8_t kBegin = 0x11;
constexpr std::uint8_t kCommit = 0x12;
constexpr std::uint8_t kRollback = 0x13;
constexpr std::uint8_t kDiscard = 0x2F;
constexpr std::uint8_t kPull = 0x3F;
constexpr std::uint8_t kTelemetry = 0x54;
constexpr std::uint8_t kRoute = 0x66;
constexpr std::uint8_t kLogon = 0x6A;
constexpr std::uint8_t kLogoff = 0x6B;

constexpr std::uint8_t kSuccess = 0x70;
constexpr std::uint8_t kRecord = 0x71;
constexpr std::uint8_t kIgnored = 0x7E;
constexpr std::uint8_t kFailure = 0x7F;
} // namespace sig

struct Request {
    std::uint8_t signature = 0;
    std::vector<PackValue> fields;
};

// The name of a request signature ("RUN"), or nullptr when Bolt has no such request.
const char* requestName(std::uint8_t signature);

// Decodes one message: exactly one structure of a known request signature and nothing after it.
// Throws ProtocolError otherwise.
Request decodeRequest(std::string_view message, const UnpackLimits& limits = {});

void writeSuccess(std::string& out, const PackMap& metadata);
void writeIgnored(std::string& out);
void writeFailure(std::string& out, std::string_view code, std::string_view message);

} // namespace innograph::server::bolt
