// innograph serve: the HTTP service. With no store at --db it first builds one from the corpus.

#include "cli_support.h"

#include "innograph/extract/extractor.h"
#include "innograph/extract/store_writer.h"
#include "innograph/server/server.h"
#include "innograph/text/unicode.h"

#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace innograph::app {
namespace {

// Bolt's port when --bolt-port is not given: Neo4j's 7687, or a free one beside an HTTP port
// of 0 (so that servers started for tests never contend for 7687); taken if it is free.
constexpr int kBoltPortDefault = -2;

struct ServeArgs {
    std::string db = kDefaultDb;
    std::string corpus = "data/corpus";
    std::string follow;
    std::string tokenFile;
    bool readOnly = false;
    std::uint64_t queryTimeoutMs = 10000;
    int boltPort = kBoltPortDefault;
    std::uint64_t ingestTimeoutMs = 60000;
    std::uint64_t queryMemoryMb = 1024;
    std::uint64_t totalQueryMemoryMb = 4096;
    std::uint64_t drainTimeoutMs = 10000;
    server::ServerOptions server;
};

void buildFromCorpus(graph::GraphStore& store, const std::string& corpus) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(corpus, ec))
        if (e.is_regular_file() && e.path().extension() == ".txt")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::cerr << "innograph: no corpus documents in " << corpus
                  << "; starting with an empty graph\n";
        return;
    }
    auto extractor = extract::Extractor::create();
    check(extractor.status(), "loading the lexicon");
    for (const auto& f : files) {
        auto doc = (*extractor)->extractFile(f);
        check(doc.status(), f);
        check(extract::writeDocument(store, *doc).status(), f);
    }
    std::cerr << "innograph: built the graph from " << files.size() << " documents in " << corpus
              << "\n";
}

std::string readToken(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CommandFailed{1, "cannot read --token-file " + path};
    std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    token = std::string(text::trim(std::string_view(token)));
    if (token.size() < 16)
        throw CommandFailed{1, "the token in " + path + " is too short (16 characters at least)"};
    return token;
}

std::string defaultStaticDir() {
    // The visualizer is built next to the program: <build>/web/dist.
    namespace fs = std::filesystem;
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto dist = exe.parent_path().parent_path() / "web" / "dist";
        if (fs::exists(dist / "index.html", ec))
            return dist.string();
    }
    return {};
}

void runServe(ServeArgs& a) {
    // Signals are taken synchronously by this thread (sigwait), never by a handler that could
    // interrupt the server's threads: every thread started below inherits the blocked set.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    std::unique_ptr<graph::GraphStore> store;
    if (!a.follow.empty()) {
        graph::Options o;
        o.mode = graph::OpenMode::Secondary;
        o.secondaryPath = (std::filesystem::temp_directory_path() /
                           ("innograph-follower-" + std::to_string(getpid())))
                              .string();
        auto s = graph::GraphStore::open(o, a.follow);
        if (!s.isOk())
            throw CommandFailed{1, "cannot follow " + a.follow + ": " + s.status().message()};
        store = std::move(*s);
    } else if (a.readOnly) {
        store = openStore(a.db, graph::OpenMode::ReadOnly);
    } else {
        bool fresh = !std::filesystem::exists(std::filesystem::path(a.db) / "CURRENT");
        store = openStore(a.db, graph::OpenMode::ReadWrite, /*createIfMissing=*/true);
        if (fresh)
            buildFromCorpus(*store, a.corpus);
    }
    if (!a.tokenFile.empty()) {
        if (store->options().mode != graph::OpenMode::ReadWrite)
            throw CommandFailed{
                2, "--token-file enables writes, which --read-only and --follow cannot take"};
        a.server.token = readToken(a.tokenFile);
        a.server.buildExtractorAtStart = true;
    }
    a.server.queryTimeout = std::chrono::milliseconds(a.queryTimeoutMs);
    if (a.boltPort == kBoltPortDefault) {
        a.server.boltPort = a.server.port == 0 ? 0 : 7687;
        a.server.boltOptional = true;
    } else if (a.boltPort < -1 || a.boltPort > 65535) {
        throw CommandFailed{2, "--bolt-port must be a port, 0 (a free one) or -1 (no Bolt)"};
    } else {
        a.server.boltPort = a.boltPort;
    }
    a.server.ingestTimeout = std::chrono::milliseconds(a.ingestTimeoutMs);
    a.server.queryMemory = a.queryMemoryMb << 20;
    a.server.totalQueryMemory = a.totalQueryMemoryMb << 20;
    a.server.drainTimeout = std::chrono::milliseconds(a.drainTimeoutMs);
    if (a.server.staticDir.empty())
        a.server.staticDir = defaultStaticDir();
    server::Server srv(*store, a.server);
    check(srv.start(), "starting the server");
    auto stats = store->stats();
    std::cerr << "innograph: serving http://" << a.server.host << ":" << srv.port() << " ("
              << (stats.isOk() ? stats->nodes : 0) << " nodes, "
              << (stats.isOk() ? stats->relationships : 0) << " relationships; "
              << (a.server.token.empty() ? "read-only" : "writes need the token") << ")"
              << std::endl;
    if (srv.boltPort())
        std::cerr << "innograph: serving bolt://" << a.server.host << ":" << srv.boltPort()
                  << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "innograph: " << (sig == SIGTERM ? "SIGTERM" : "SIGINT")
              << ", finishing in-flight requests" << std::endl;
    srv.stop();
}

CommandRegistration reg{
    10, [](CLI::App& app) {
        auto a = std::make_shared<ServeArgs>();
        auto* cmd =
            app.add_subcommand("serve", "Serve the graph over HTTP (and the visualizer at /)");
        cmd->add_option("--db", a->db, "store directory; built from --corpus when missing")
            ->capture_default_str();
        cmd->add_option("--corpus", a->corpus, "documents to build a missing store from")
            ->capture_default_str();
        cmd->add_option("--host", a->server.host, "address to bind")->capture_default_str();
        cmd->add_option("--port", a->server.port, "port (0 picks a free one)")
            ->capture_default_str();
        cmd->add_option("--bolt-port", a->boltPort,
                        "Bolt port for Neo4j drivers (default 7687, or a free one with --port 0; "
                        "0: a free one; -1: no Bolt)");
        cmd->add_option("--threads", a->server.workerThreads,
                        "query worker threads (0: one per core)")
            ->capture_default_str();
        cmd->add_flag("--read-only", a->readOnly, "open the store read-only");
        cmd->add_option("--follow", a->follow,
                        "follow a primary store that another process writes (RocksDB secondary)");
        cmd->add_option("--token-file", a->tokenFile, "file holding the bearer token writes need");
        cmd->add_option("--query-timeout-ms", a->queryTimeoutMs,
                        "default and ceiling of a query's time")
            ->capture_default_str();
        cmd->add_option("--query-memory-mb", a->queryMemoryMb,
                        "default and ceiling of the memory one query may buffer")
            ->capture_default_str();
        cmd->add_option("--total-query-memory-mb", a->totalQueryMemoryMb,
                        "what all running queries together may buffer")
            ->capture_default_str();
        cmd->add_option("--ingest-timeout-ms", a->ingestTimeoutMs,
                        "time limit of one document ingestion (POST /v1/documents)")
            ->capture_default_str();
        cmd->add_option("--drain-timeout-ms", a->drainTimeoutMs,
                        "on SIGTERM, how long requests in flight may finish before they are "
                        "cancelled")
            ->capture_default_str();
        cmd->add_option("--max-rows", a->server.maxRows, "default and ceiling of a query's rows")
            ->capture_default_str();
        cmd->add_option("--max-body-bytes", a->server.maxBodyBytes, "larger request bodies get 413")
            ->capture_default_str();
        cmd->add_option("--max-connections", a->server.maxConnections, "past it, 503")
            ->capture_default_str();
        cmd->add_option("--cors-origin", a->server.corsOrigin,
                        "Access-Control-Allow-Origin to send");
        cmd->add_option("--static-dir", a->server.staticDir,
                        "the visualizer's files (default: the built one, if any)");
        cmd->callback([a] { runServe(*a); });
    }};

} // namespace
} // namespace innograph::app
