#include "innograph/server/server.h"

#include "bolt/bolt_session.h"
#include "session.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <thread>

namespace innograph::server {

struct Server::Impl {
    Impl(graph::GraphStore& store, ServerOptions opts)
        : options(std::move(opts)), service(store, options),
          workerCount(options.workerThreads > 0
                          ? options.workerThreads
                          : static_cast<int>(std::max(2u, std::thread::hardware_concurrency()))),
          workers(static_cast<std::size_t>(workerCount)), writers(kWriterThreads),
          acceptor(net::make_strand(ioc)), boltAcceptor(net::make_strand(ioc)) {
        ctx.service = &service;
        ctx.workers = &workers;
        ctx.writers = &writers;
        service.workerLoad().workers = workerCount;
    }

    void accept() {
        acceptor.async_accept(
            net::make_strand(ioc), [this](beast::error_code ec, net::ip::tcp::socket socket) {
                if (ec) {
                    if (ec == net::error::operation_aborted || !acceptor.is_open())
                        return;
                    spdlog::warn("accept failed: {}", ec.message());
                } else {
                    auto session = std::make_shared<Session>(std::move(socket), ctx);
                    if (static_cast<std::size_t>(service.metrics().openConnections()) >
                        options.maxConnections)
                        session->reject();
                    else
                        session->start();
                }
                if (acceptor.is_open())
                    accept();
            });
    }

    void acceptBolt() {
        boltAcceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec,
                                                                net::ip::tcp::socket socket) {
            if (ec) {
                if (ec == net::error::operation_aborted || !boltAcceptor.is_open())
                    return;
                spdlog::warn("bolt accept failed: {}", ec.message());
            } else {
                auto session =
                    std::make_shared<bolt::BoltSession>(std::move(socket), ctx, ++boltConnections);
                if (static_cast<std::size_t>(service.metrics().openConnections()) >
                    options.maxConnections)
                    session->reject();
                else
                    session->start();
            }
            if (boltAcceptor.is_open())
                acceptBolt();
        });
    }

    ServerOptions options;
    Service service;
    net::io_context ioc;
    // Keeps run() going while no socket operation is pending, e.g. when the acceptor is closed
    // and the only connection waits for a worker: the worker's post must still find a thread.
    net::executor_work_guard<net::io_context::executor_type> keepRunning{ioc.get_executor()};
    int workerCount;
    net::thread_pool workers;
    // Writes are serialised by the store; two threads let a read with credentials (which may
    // write, so it goes here) pass one long write while another waits for its turn.
    static constexpr std::size_t kWriterThreads = 2;
    net::thread_pool writers;
    net::ip::tcp::acceptor acceptor;
    net::ip::tcp::acceptor boltAcceptor;
    std::uint64_t boltConnections = 0; // on boltAcceptor's strand
    SessionContext ctx;
    std::vector<std::thread> ioThreads;
    std::mutex mu;
    std::condition_variable stopped;
    bool running = false;
    bool done = false;
};

Server::Server(graph::GraphStore& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}

Server::~Server() {
    stop();
}

graph::Status Server::start() {
    auto& i = *impl_;
    beast::error_code ec;
    auto address = net::ip::make_address(i.options.host, ec);
    if (ec)
        return graph::Status::invalidArgument("bad --host " + i.options.host + ": " + ec.message());
    net::ip::tcp::endpoint endpoint(address, i.options.port);
    i.acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        i.acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        i.acceptor.bind(endpoint, ec);
    if (!ec)
        i.acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return graph::Status::ioError("cannot listen on " + i.options.host + ":" +
                                      std::to_string(i.options.port) + ": " + ec.message());
    if (i.options.boltPort >= 0) {
        net::ip::tcp::endpoint boltEndpoint(address,
                                            static_cast<std::uint16_t>(i.options.boltPort));
        i.boltAcceptor.open(boltEndpoint.protocol(), ec);
        if (!ec)
            i.boltAcceptor.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec)
            i.boltAcceptor.bind(boltEndpoint, ec);
        if (!ec)
            i.boltAcceptor.listen(net::socket_base::max_listen_connections, ec);
        if (ec) {
            std::string message = "cannot listen for Bolt on " + i.options.host + ":" +
                                  std::to_string(i.options.boltPort) + ": " + ec.message();
            beast::error_code ignored;
            i.boltAcceptor.close(ignored);
            if (!i.options.boltOptional) {
                i.acceptor.close(ignored);
                return graph::Status::ioError(message);
            }
            spdlog::warn("{}; serving no Bolt", message);
        } else {
            i.acceptBolt();
        }
    }
    i.accept();
    i.running = true;
    for (int t = 0; t < std::max(1, i.options.ioThreads); ++t)
        i.ioThreads.emplace_back([&i] { i.ioc.run(); });
    return graph::Status::ok();
}

std::uint16_t Server::port() const {
    beast::error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

std::uint16_t Server::boltPort() const {
    beast::error_code ec;
    if (!impl_->boltAcceptor.is_open())
        return 0;
    auto ep = impl_->boltAcceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

void Server::stop() {
    auto& i = *impl_;
    {
        std::lock_guard lock(i.mu);
        if (!i.running || i.done)
            return;
    }
    // Stop accepting, then let what is in flight finish within the bound.
    i.ctx.draining = true;
    net::post(i.acceptor.get_executor(), [&i] {
        beast::error_code ec;
        i.acceptor.close(ec);
    });
    net::post(i.boltAcceptor.get_executor(), [&i] {
        beast::error_code ec;
        i.boltAcceptor.close(ec);
    });
    // A request whose bytes are still arriving is not counted yet, so wait for a quiet spell
    // with nothing in flight rather than for the first moment the count is zero.
    auto deadline = std::chrono::steady_clock::now() + i.options.drainTimeout;
    auto quietSince = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() < deadline) {
        auto now = std::chrono::steady_clock::now();
        if (i.ctx.inFlight.load() > 0)
            quietSince = now;
        else if (now - quietSince >= std::chrono::milliseconds(100))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    // What is still running past the drain is cancelled: its writes roll back, and the worker
    // threads can then be joined.
    i.service.cancelAll();
    i.keepRunning.reset();
    i.ioc.stop();
    for (auto& t : i.ioThreads)
        t.join();
    i.ioThreads.clear();
    i.workers.join();
    i.writers.join();
    {
        std::lock_guard lock(i.mu);
        i.done = true;
    }
    i.stopped.notify_all();
}

void Server::wait() {
    std::unique_lock lock(impl_->mu);
    impl_->stopped.wait(lock, [this] { return impl_->done || !impl_->running; });
}

} // namespace innograph::server
