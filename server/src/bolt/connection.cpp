#include "connection.h"

#include "chunking.h"
#include "status_codes.h"
#include "values.h"

#include "../http_util.h"
#include "../service.h"

#include "innograph/query/query_engine.h"
#include "innograph/query/result_json.h"

namespace innograph::server::bolt {
namespace {

// Queries this long are generated, rarely repeated, and parse slower than they plan anyway (the
// HTTP handler's rule).
constexpr std::size_t kMaxCachedQueryBytes = 16 * 1024;

std::atomic<std::uint64_t> bookmarkCounter{0};

// Bookmarks are opaque to clients; one server with one store has nothing to wait for, so they
// only need to be distinct.
std::string nextBookmark() {
    return "innograph:" + std::to_string(++bookmarkCounter);
}

const PackMap kEmpty;

const PackValue* field(const Request& r, std::size_t i) {
    return i < r.fields.size() ? &r.fields[i] : nullptr;
}

const PackValue* mapField(const Request& r, std::size_t i, const char* what) {
    const PackValue* v = field(r, i);
    if (!v || !v->isMap())
        throw ProtocolError(std::string(requestName(r.signature)) + " needs " + what +
                            " (a map) as field " + std::to_string(i + 1));
    return v;
}

double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

const char* stateName(Connection::State state) {
    switch (state) {
    case Connection::State::Connected:
        return "CONNECTED";
    case Connection::State::Authentication:
        return "AUTHENTICATION";
    case Connection::State::Ready:
        return "READY";
    case Connection::State::Streaming:
        return "STREAMING";
    case Connection::State::TxReady:
        return "TX_READY";
    case Connection::State::TxStreaming:
        return "TX_STREAMING";
    case Connection::State::Failed:
        return "FAILED";
    case Connection::State::Defunct:
        return "DEFUNCT";
    }
    return "?";
}

Connection::Connection(Service& service, BoltVersion version, std::string id, std::string address)
    : service_(service), version_(version), id_(std::move(id)), address_(std::move(address)) {}

Connection::~Connection() {
    // A dropped connection leaves nothing: an open transaction rolls back.
    if (tx_)
        tx_->rollback();
}

bool Connection::blocking(const Request& r) const {
    // Rolling back (ROLLBACK, RESET, GOODBYE) only drops a write batch: quick enough here.
    return r.signature == sig::kRun || r.signature == sig::kCommit;
}

void Connection::interrupt() {
    ++pendingResets_;
    cancel_ = true;
}

std::optional<std::chrono::steady_clock::time_point> Connection::transactionDeadline() const {
    if (!tx_)
        return std::nullopt;
    return txStarted_ + service_.options().queryTimeout;
}

void Connection::expireTransaction() {
    if (!tx_)
        return;
    tx_->rollback();
    tx_.reset();
    streams_.clear();
    txExpired_ = true;
}

void Connection::handle(Request& r, std::string& out) {
    try {
        dispatch(r, out);
    } catch (const ProtocolError& e) {
        writeFailure(out, status::kRequestInvalid, e.what());
        reset();
        state_ = State::Defunct;
    } catch (const std::exception& e) {
        fail(out, status::kUnknown, std::string("internal error: ") + e.what());
    }
}

void Connection::fail(std::string& out, const char* code, const std::string& message) {
    writeFailure(out, code, message);
    // A failure ends the transaction: nothing of it may be committed later.
    if (tx_)
        tx_->rollback();
    tx_.reset();
    streams_.clear();
    state_ = State::Failed;
}

void Connection::reset() {
    if (tx_)
        tx_->rollback();
    tx_.reset();
    streams_.clear();
    txExpired_ = false;
    txReadOnly_ = false;
}

void Connection::dispatch(Request& r, std::string& out) {
    if (r.signature == sig::kGoodbye) {
        reset();
        state_ = State::Defunct;
        return;
    }
    if (state_ == State::Defunct)
        return;
    if (r.signature == sig::kReset) {
        // The session counted it in interrupt() when it read it; a RESET handed in directly
        // (tests, the fuzz target) counts here.
        int pending = pendingResets_.load();
        if (pending > 0)
            pending = --pendingResets_;
        if (pending == 0)
            cancel_ = false;
        if (state_ == State::Connected || state_ == State::Authentication) {
            writeSuccess(out, kEmpty);
            return;
        }
        reset();
        state_ = State::Ready;
        writeSuccess(out, kEmpty);
        return;
    }
    if (pendingResets_.load() > 0) { // INTERRUPTED
        writeIgnored(out);
        return;
    }
    const char* name = requestName(r.signature);
    auto invalid = [&] {
        fail(out, status::kRequestInvalid,
             std::string(name) + " is not allowed in state " + stateName(state_));
    };
    switch (state_) {
    case State::Connected:
        if (r.signature != sig::kHello) {
            writeFailure(out, status::kRequestInvalid,
                         std::string("the first message must be HELLO, not ") + name);
            state_ = State::Defunct;
            return;
        }
        return hello(r, out);
    case State::Authentication:
        if (r.signature != sig::kLogon) {
            writeFailure(out, status::kRequestInvalid,
                         std::string("LOGON must come before ") + name);
            state_ = State::Defunct;
            return;
        }
        if (authenticate(mapField(r, 0, "the authentication"), out)) {
            state_ = State::Ready;
            writeSuccess(out, kEmpty);
        }
        return;
    case State::Failed:
        writeIgnored(out);
        return;
    case State::Ready:
        switch (r.signature) {
        case sig::kRun:
            return run(r, out);
        case sig::kBegin:
            return begin(r, out);
        case sig::kRoute:
            return route(r, out);
        case sig::kTelemetry:
            writeSuccess(out, kEmpty);
            return;
        case sig::kLogoff:
            if (!version_.atLeast(5, 1))
                return invalid();
            writer_ = false;
            state_ = State::Authentication;
            writeSuccess(out, kEmpty);
            return;
        default:
            return invalid();
        }
    case State::Streaming:
        if (r.signature == sig::kPull)
            return pull(r, out, false);
        if (r.signature == sig::kDiscard)
            return pull(r, out, true);
        return invalid();
    case State::TxReady:
    case State::TxStreaming:
        if (auto deadline = transactionDeadline();
            deadline && std::chrono::steady_clock::now() > *deadline)
            expireTransaction();
        if (txExpired_ && r.signature != sig::kRollback)
            return fail(out, status::kTransactionTimedOut,
                        "the transaction was open longer than the service's time limit of " +
                            std::to_string(service_.options().queryTimeout.count()) +
                            " ms and was rolled back");
        switch (r.signature) {
        case sig::kRun:
            return run(r, out);
        case sig::kPull:
            if (state_ != State::TxStreaming)
                return invalid();
            return pull(r, out, false);
        case sig::kDiscard:
            if (state_ != State::TxStreaming)
                return invalid();
            return pull(r, out, true);
        case sig::kCommit:
            return commit(out);
        case sig::kRollback:
            return rollback(out);
        default:
            return invalid();
        }
    case State::Defunct:
        return;
    }
}

bool Connection::authenticate(const PackValue* auth, std::string& out) {
    const auto& token = service_.options().token;
    std::string scheme = "none";
    if (const PackValue* s = auth->find("scheme"); s && s->isString())
        scheme = s->asString();
    writer_ = false;
    if (scheme == "none")
        return true;
    if (scheme != "basic" && scheme != "bearer") {
        writeFailure(out, status::kUnauthorized,
                     "unsupported authentication scheme \"" + scheme +
                         "\"; use \"basic\" (any user, the service's token as password), "
                         "\"bearer\" (the token) or \"none\" (read-only)");
        state_ = State::Defunct;
        return false;
    }
    if (token.empty())
        return true; // a read-only service: credentials grant nothing more
    const PackValue* credentials = auth->find("credentials");
    if (credentials && credentials->isString() &&
        constantTimeEquals(credentials->asString(), token)) {
        writer_ = true;
        return true;
    }
    writeFailure(out, status::kUnauthorized,
                 "the credentials are not valid: the password (basic) or token (bearer) must be "
                 "the service's token");
    state_ = State::Defunct;
    return false;
}

void Connection::hello(Request& r, std::string& out) {
    const PackValue* extra = mapField(r, 0, "the client's metadata");
    // Before 5.1 the credentials come with HELLO; from 5.1 in a separate LOGON.
    if (!version_.atLeast(5, 1) && !authenticate(extra, out))
        return;
    PackMap meta{{"server", PackValue("Neo4j/5.4.0")},
                 {"connection_id", PackValue(id_)},
                 {"hints", PackValue(PackMap{})}};
    writeSuccess(out, meta);
    state_ = version_.atLeast(5, 1) ? State::Authentication : State::Ready;
}

bool Connection::checkDatabase(const PackValue* extra, std::string& out) {
    const PackValue* db = extra ? extra->find("db") : nullptr;
    if (!db || db->isNull())
        return true;
    if (db->isString() && (db->asString() == "innograph" || db->asString() == "neo4j"))
        return true;
    fail(out, status::kDatabaseNotFound,
         "this server has one database, \"innograph\" (\"neo4j\" names it too)");
    return false;
}

query::QueryResult Connection::execute(const std::string& text, const query::Parameters& params,
                                       bool inTransaction) {
    const auto& opts = service_.options();
    query::QueryOptions qo;
    qo.timeout = opts.queryTimeout;
    qo.maxRows = opts.maxRows;
    qo.cancel = &cancel_;
    qo.usePlanCache = text.size() <= kMaxCachedQueryBytes;
    qo.readOnly = !writer_;
    auto& engine = service_.engine();
    if (inTransaction && tx_) {
        qo.transaction = tx_.get();
        return engine.execute(text, params, qo);
    }
    if (inTransaction && writer_ && !txReadOnly_) {
        // Take the store's writer slot only once the transaction writes: try as a read, which
        // the engine refuses before touching the store if the query writes.
        qo.readOnly = true;
        try {
            return engine.execute(text, params, qo);
        } catch (const query::QueryError& e) {
            if (e.code() != query::ErrorCode::AccessDenied)
                throw;
        }
        auto w = service_.store().beginWrite();
        if (!w.isOk())
            throw query::QueryError(query::ErrorCode::StorageError, w.status().toString());
        tx_ = std::move(w.value());
        txStarted_ = std::chrono::steady_clock::now();
        qo.readOnly = false;
        qo.transaction = tx_.get();
    }
    return engine.execute(text, params, qo);
}

void Connection::run(Request& r, std::string& out) {
    const PackValue* text = field(r, 0);
    if (!text || !text->isString())
        throw ProtocolError("RUN needs the query (a string) as field 1");
    const PackValue* params = mapField(r, 1, "the parameters");
    const PackValue* extra = version_.atLeast(4, 0) ? mapField(r, 2, "extra metadata") : nullptr;
    const bool inTx = state_ == State::TxReady || state_ == State::TxStreaming;
    if (!inTx && !checkDatabase(extra, out))
        return;
    auto started = std::chrono::steady_clock::now();
    Stream stream;
    try {
        query::Parameters p;
        for (const auto& [k, v] : params->asMap())
            p.insert_or_assign(k, toQueryValue(v));
        stream.result = execute(text->asString(), p, inTx);
    } catch (const query::QueryError& e) {
        if (e.code() == query::ErrorCode::Timeout)
            service_.metrics().queryTimedOut();
        if (pendingResets_.load() > 0) {
            // Stopped by a RESET: the spec's INTERRUPTED state answers IGNORED.
            writeIgnored(out);
            return;
        }
        std::string message = e.describe();
        if (e.code() == query::ErrorCode::AccessDenied)
            message = service_.options().token.empty()
                          ? "this service is read-only: start it with --token-file to allow "
                            "writes"
                          : "writes need the service's token: authenticate with scheme basic "
                            "(any user, the token as password) or bearer";
        return fail(out, neo4jCode(e.code()), message);
    }
    PackList fields;
    for (const auto& c : stream.result.columns)
        fields.emplace_back(c);
    PackMap meta{{"fields", PackValue(std::move(fields))},
                 {"t_first", PackValue(static_cast<std::int64_t>(msSince(started)))}};
    std::int64_t qid = inTx ? nextQid_++ : 0;
    if (inTx)
        meta.emplace_back("qid", PackValue(qid));
    streams_[qid] = std::move(stream);
    lastQid_ = qid;
    state_ = inTx ? State::TxStreaming : State::Streaming;
    writeSuccess(out, meta);
}

PackMap Connection::summary(const Stream& s, bool autoCommit) const {
    const auto& w = s.result.stats.writes;
    const char* type = w.any() ? (s.result.columns.empty() ? "w" : "rw") : "r";
    PackMap meta{{"t_last", PackValue(static_cast<std::int64_t>(0))},
                 {"type", PackValue(type)},
                 {"db", PackValue("innograph")}};
    if (autoCommit)
        meta.emplace_back("bookmark", PackValue(nextBookmark()));
    if (w.any()) {
        PackMap stats;
        auto put = [&](const char* key, std::uint64_t n) {
            if (n)
                stats.emplace_back(key, PackValue(static_cast<std::int64_t>(n)));
        };
        put("nodes-created", w.nodesCreated);
        put("nodes-deleted", w.nodesDeleted);
        put("relationships-created", w.relationshipsCreated);
        put("relationships-deleted", w.relationshipsDeleted);
        put("properties-set", w.propertiesSet);
        put("labels-added", w.labelsAdded);
        put("labels-removed", w.labelsRemoved);
        stats.emplace_back("contains-updates", PackValue(true));
        meta.emplace_back("stats", PackValue(std::move(stats)));
    }
    PackList notifications;
    for (const auto& q : s.result.notifications)
        notifications.emplace_back(PackMap{
            {"code", PackValue(q.code)},
            {"title", PackValue(q.title)},
            {"description", PackValue(q.description)},
            {"severity", PackValue(q.severity)},
            {"category", PackValue(query::notificationCategory(q))},
            {"position",
             PackValue(PackMap{{"line", PackValue(static_cast<std::int64_t>(q.pos.line))},
                               {"column", PackValue(static_cast<std::int64_t>(q.pos.column))}})}});
    if (s.result.stats.truncated) {
        PackMap n{{"code", PackValue("Innograph.ClientNotification.Statement.RowLimitReached")},
                  {"title", PackValue("The result was cut at the service's row limit")},
                  {"description", PackValue("More rows matched than the service returns (" +
                                            std::to_string(service_.options().maxRows) +
                                            "); add LIMIT or narrow the query")},
                  {"severity", PackValue("WARNING")},
                  {"category", PackValue("GENERIC")}};
        notifications.emplace_back(std::move(n));
    }
    if (!notifications.empty())
        meta.emplace_back("notifications", PackValue(std::move(notifications)));
    return meta;
}

void Connection::pull(Request& r, std::string& out, bool discard) {
    const PackValue* extra = mapField(r, 0, "n and qid");
    std::int64_t n = -1;
    std::int64_t qid = -1;
    if (const PackValue* v = extra->find("n"); v && v->isInt())
        n = v->asInt();
    if (const PackValue* v = extra->find("qid"); v && v->isInt())
        qid = v->asInt();
    if (n == 0 || n < -1)
        return fail(out, status::kRequestInvalid, "n must be -1 (all) or a positive number");
    if (qid == -1)
        qid = lastQid_;
    auto it = streams_.find(qid);
    if (it == streams_.end())
        return fail(out, status::kRequestInvalid, "no open result with qid " + std::to_string(qid));
    Stream& s = it->second;
    const auto& rows = s.result.rows;
    std::size_t remaining = rows.size() - s.next;
    std::size_t take = n == -1 ? remaining : std::min<std::size_t>(remaining, n);
    if (discard) {
        s.next += take;
    } else {
        std::string message;
        for (std::size_t i = 0; i < take; ++i, ++s.next) {
            message.clear();
            Packer p(message);
            p.structHeader(1, sig::kRecord);
            const auto& row = rows[s.next];
            p.listHeader(row.size());
            for (const auto& v : row)
                packValue(p, v, version_);
            writeChunked(out, message);
        }
    }
    if (s.next < rows.size()) {
        writeSuccess(out, PackMap{{"has_more", PackValue(true)}});
        return;
    }
    const bool autoCommit = state_ == State::Streaming;
    PackMap meta = summary(s, autoCommit);
    streams_.erase(it);
    if (autoCommit)
        state_ = State::Ready;
    else if (streams_.empty())
        state_ = State::TxReady;
    writeSuccess(out, meta);
}

void Connection::begin(Request& r, std::string& out) {
    const PackValue* extra = mapField(r, 0, "extra metadata");
    if (!checkDatabase(extra, out))
        return;
    const PackValue* mode = extra->find("mode");
    txReadOnly_ = mode && mode->isString() && mode->asString() == "r";
    txExpired_ = false;
    streams_.clear();
    state_ = State::TxReady;
    writeSuccess(out, kEmpty);
}

void Connection::commit(std::string& out) {
    streams_.clear();
    if (tx_) {
        auto s = tx_->commit();
        tx_.reset();
        if (!s.isOk())
            return fail(out, status::kCommitFailed, "the commit failed: " + s.toString());
    }
    state_ = State::Ready;
    writeSuccess(out, PackMap{{"bookmark", PackValue(nextBookmark())}});
}

void Connection::rollback(std::string& out) {
    reset();
    state_ = State::Ready;
    writeSuccess(out, kEmpty);
}

void Connection::route(Request& r, std::string& out) {
    const PackValue* routing = field(r, 0);
    std::string address = address_;
    if (routing && routing->isMap())
        if (const PackValue* a = routing->find("address");
            a && a->isString() && !a->asString().empty())
            address = a->asString();
    auto servers = [&](const char* role) {
        return PackValue(PackMap{{"addresses", PackValue(PackList{PackValue(address)})},
                                 {"role", PackValue(role)}});
    };
    PackMap rt{
        {"ttl", PackValue(static_cast<std::int64_t>(300))},
        {"db", PackValue("innograph")},
        {"servers", PackValue(PackList{servers("ROUTE"), servers("READ"), servers("WRITE")})}};
    writeSuccess(out, PackMap{{"rt", PackValue(std::move(rt))}});
}

} // namespace innograph::server::bolt
