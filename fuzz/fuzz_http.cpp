// Fuzz target: any bytes as what a client sends on one connection. They go through Beast's
// request parser with the limits a session uses, and every complete request (pipelined ones
// too) through Service::handle, which must answer every one without throwing.

#include "fuzz_support.h"

#include "service.h"

#include "innograph/query/query_engine.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

namespace http = boost::beast::http;

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
    o.maxHeaderBytes = 8 * 1024;
    return o;
}

// The service over the current scratch store; dropped before that store is.
std::unique_ptr<innograph::server::Service> service;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static innograph::fuzz::ScratchStore store("http", fixture, 300, [] { service.reset(); });
    auto& current = store.get();
    if (!service)
        service = std::make_unique<innograph::server::Service>(current, options());
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (int n = 0; n < 4 && !rest.empty(); ++n) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(service->options().maxBodyBytes);
        parser.header_limit(service->options().maxHeaderBytes);
        parser.eager(true);
        boost::beast::error_code ec;
        auto used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
        if (!ec && !parser.is_done()) {
            // The client closed: what a session sees as end of stream.
            parser.put_eof(ec);
        }
        if (ec || !parser.is_done())
            return 0;
        rest.remove_prefix(std::min(used, rest.size()));
        auto response = service->handle(parser.release());
        // A response must be well-formed enough to be sent.
        if (response.result_int() < 100 || response.result_int() > 599)
            std::abort();
    }
    return 0;
}
