#include "messages.h"

#include "chunking.h"

#include <cstdio>

namespace innograph::server::bolt {

const char* requestName(std::uint8_t signature) {
    switch (signature) {
    case sig::kHello:
        return "HELLO";
    case sig::kGoodbye:
        return "GOODBYE";
    case sig::kReset:
        return "RESET";
    case sig::kRun:
        return "RUN";
    case sig::kBegin:
        return "BEGIN";
    case sig::kCommit:
        return "COMMIT";
    case sig::kRollback:
        return "ROLLBACK";
    case sig::kDiscard:
        return "DISCARD";
    case sig::kPull:
        return "PULL";
    case sig::kTelemetry:
        return "TELEMETRY";
    case sig::kRoute:
        return "ROUTE";
    case sig::kLogon:
        return "LOGON";
    case sig::kLogoff:
        return "LOGOFF";
    default:
        return nullptr;
    }
}

Request decodeRequest(std::string_view message, const UnpackLimits& limits) {
    Unpacker in(message, limits);
    PackValue v = in.read();
    if (v.kind() != PackValue::Kind::Struct)
        throw ProtocolError("a Bolt message must be a structure");
    if (!in.atEnd())
        throw ProtocolError("bytes after the end of a Bolt message");
    auto& s = v.asStruct();
    if (!requestName(s.tag)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", s.tag);
        throw ProtocolError(std::string("unknown Bolt message signature ") + hex);
    }
    return Request{s.tag, std::move(s.fields)};
}

namespace {

void writeStruct(std::string& out, std::uint8_t tag, const PackMap* fields) {
    std::string message;
    Packer p(message);
    p.structHeader(fields ? 1 : 0, tag);
    if (fields)
        p.value(PackValue(*fields));
    writeChunked(out, message);
}

} // namespace

void writeSuccess(std::string& out, const PackMap& metadata) {
    writeStruct(out, sig::kSuccess, &metadata);
}

void writeIgnored(std::string& out) {
    writeStruct(out, sig::kIgnored, nullptr);
}

void writeFailure(std::string& out, std::string_view code, std::string_view message) {
    PackMap meta{{"code", PackValue(std::string(code))},
                 {"message", PackValue(std::string(message))}};
    writeStruct(out, sig::kFailure, &meta);
}

} // namespace innograph::server::bolt
