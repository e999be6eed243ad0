// Fuzz target: any bytes as what a client sends on one Bolt connection. They go through the
// handshake, the chunk reader with a session's limits, the message decoder, and every decoded
// request through the connection's state machine, as a session would feed them (a RESET
// interrupts the requests read before it). Every answer must be well-formed chunked PackStream.

#include "fuzz_support.h"

#include "bolt/chunking.h"
#include "bolt/connection.h"
#include "bolt/handshake.h"
#include "bolt/messages.h"
#include "service.h"

#include "innograph/query/query_engine.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string_view>

namespace {

namespace bolt = innograph::server::bolt;

// Matches the token in the seeds, so that writes are reachable.
const char* kToken = "fuzz-token-0123456789abcdef";

void fixture(innograph::graph::GraphStore& store) {
    innograph::query::QueryEngine engine(store);
    engine.execute("CREATE (a:Park {name: '大连高新区'})-[:HOSTS {sources: ['d1']}]->"
                   "(i:Industry {name: '精细化工'}), (d:Document {docId: 'd1', name: 'd1', "
                   "text: '大连高新区重点发展精细化工。'})-[:MENTIONS]->(a)");
}

innograph::server::ServerOptions options() {
    innograph::server::ServerOptions o;
    o.token = kToken;
    o.accessLog = false;
    o.queryTimeout = std::chrono::milliseconds(200);
    o.maxRows = 1000;
    o.maxBodyBytes = 64 * 1024;
    return o;
}

std::unique_ptr<innograph::server::Service> service;

// Every response must parse back: chunks that add up, one PackStream structure per message.
void checkOutput(std::string_view out) {
    bolt::ChunkReader reader(1u << 30);
    std::deque<std::string> messages;
    reader.feed(out, messages);
    if (reader.inMessage())
        std::abort();
    for (const auto& m : messages) {
        bolt::Unpacker in(m, {1000, 1u << 30});
        auto v = in.read();
        if (v.kind() != bolt::PackValue::Kind::Struct || !in.atEnd())
            std::abort();
        auto tag = v.asStruct().tag;
        if (tag != bolt::sig::kSuccess && tag != bolt::sig::kRecord && tag != bolt::sig::kIgnored &&
            tag != bolt::sig::kFailure)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static innograph::fuzz::ScratchStore store("bolt", fixture, 300, [] { service.reset(); });
    auto& current = store.get();
    if (!service)
        service = std::make_unique<innograph::server::Service>(current, options());
    if (size < bolt::kHandshakeBytes)
        return 0;
    std::array<std::uint8_t, bolt::kHandshakeBytes> hs{};
    std::memcpy(hs.data(), data, hs.size());
    auto negotiated = bolt::negotiate(hs);
    if (!negotiated.magicOk || !negotiated.version)
        return 0;
    bolt::ChunkReader reader(service->options().maxBodyBytes);
    std::deque<std::string> messages;
    std::string_view rest(reinterpret_cast<const char*>(data) + hs.size(), size - hs.size());
    try {
        reader.feed(rest, messages);
    } catch (const bolt::ProtocolError&) {
        // The session answers the messages before it, then closes: the same here.
    }
    bolt::Connection conn(*service, *negotiated.version, "bolt-fuzz", "127.0.0.1:7687");
    std::vector<bolt::Request> requests;
    for (const auto& m : messages) {
        try {
            requests.push_back(bolt::decodeRequest(m, {64, 256 * 1024}));
        } catch (const bolt::ProtocolError&) {
            break;
        }
        if (requests.back().signature == bolt::sig::kReset)
            conn.interrupt();
    }
    std::string out;
    for (auto& r : requests) {
        conn.handle(r, out);
        if (conn.closing())
            break;
    }
    checkOutput(out);
    return 0;
}
