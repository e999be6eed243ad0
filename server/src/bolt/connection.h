#pragma once

// One Bolt connection's protocol state after the handshake: the server state machine of the
// Bolt specification (CONNECTED, AUTHENTICATION, READY, STREAMING, TX_READY, TX_STREAMING,
// FAILED, INTERRUPTED, DEFUNCT), answering each request with SUCCESS, RECORD, IGNORED or FAILURE.
// Knows nothing of sockets, so it is tested and fuzzed without any.
//
// Rules are the HTTP service's: without the service's token every query is read-only; a client
// that authenticates with the token (scheme "basic" with it as password, or "bearer") may write.
// An explicit transaction that writes is one store transaction, opened by its first writing
// query, holding the store's single writer slot until COMMIT, ROLLBACK, RESET, a failure, the
// connection's end or the service's query time limit, whichever comes first.
//
// Thread-safety: handle() and expireTransaction() are called one at a time (from the I/O strand
// or a worker it waits for); interrupt() and cancel() may be called from the I/O strand while a
// worker is inside handle().

#include "handshake.h"
#include "messages.h"

#include "innograph/graph/graph_store.h"
#include "innograph/query/query_result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace innograph::server {
class Service;
}

namespace innograph::server::bolt {

class Connection {
public:
    enum class State {
        Connected, // waiting for HELLO
        Authentication,
        Ready,
        Streaming,
        TxReady,
        TxStreaming,
        Failed,
        Defunct,
    };

    // `address` is host:port as clients reach this server, for ROUTE.
    Connection(Service& service, BoltVersion version, std::string id, std::string address);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Whether handling the request may block (runs a query, opens or commits a store
    // transaction): the session hands those to the worker pool.
    bool blocking(const Request& request) const;
    // Handles one request, appending its chunked responses to `out`. Never throws.
    void handle(Request& request, std::string& out);
    // As soon as a RESET has been read, before the requests ahead of it are handled: stops a
    // running query; those requests are IGNORED (the INTERRUPTED state) until the RESET.
    void interrupt();
    // The client has gone: stops a running query.
    void cancel() { cancel_ = true; }
    // GOODBYE or a protocol violation: the session closes once the output is written.
    bool closing() const { return state_ == State::Defunct; }
    State state() const { return state_; }

    // When an open store transaction must end, if one is open.
    std::optional<std::chrono::steady_clock::time_point> transactionDeadline() const;
    // Rolls back an open store transaction whose deadline has passed; the transaction's next
    // request fails with TransactionTimedOut.
    void expireTransaction();

private:
    struct Stream {
        query::QueryResult result;
        std::size_t next = 0;
        bool discarded = false;
    };

    void dispatch(Request& r, std::string& out);
    void fail(std::string& out, const char* code, const std::string& message);
    bool authenticate(const PackValue* auth, std::string& out);
    void hello(Request& r, std::string& out);
    void run(Request& r, std::string& out);
    void pull(Request& r, std::string& out, bool discard);
    void begin(Request& r, std::string& out);
    void commit(std::string& out);
    void rollback(std::string& out);
    void route(Request& r, std::string& out);
    void reset();
    bool checkDatabase(const PackValue* extra, std::string& out);
    query::QueryResult execute(const std::string& text, const query::Parameters& params,
                               bool inTransaction);
    PackMap summary(const Stream& s, bool autoCommit) const;

    Service& service_;
    BoltVersion version_;
    std::string id_;
    std::string address_;
    State state_ = State::Connected;
    bool writer_ = false; // authenticated with the service's token
    std::atomic<int> pendingResets_{0};
    std::atomic<bool> cancel_{false};

    // Result streams: one for an auto-commit query, any number (by qid) in a transaction.
    std::map<std::int64_t, Stream> streams_;
    std::int64_t lastQid_ = -1;
    std::int64_t nextQid_ = 0;

    std::unique_ptr<graph::WriteTransaction> tx_;
    bool txReadOnly_ = false; // BEGIN with mode "r"
    bool txExpired_ = false;
    std::chrono::steady_clock::time_point txStarted_{};
};

const char* stateName(Connection::State state);

} // namespace innograph::server::bolt
