#pragma once

// Request counters and latency histograms per route, rendered in Prometheus' text format.
// Thread-safe.

#include "innograph/graph/graph_store.h"

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace innograph::server {

class Metrics {
public:
    void observe(const std::string& route, const std::string& method, unsigned status,
                 double seconds);
    void queryTimedOut() { ++queryTimeouts_; }
    void connectionOpened() { ++openConnections_; }
    void connectionClosed() { --openConnections_; }
    void connectionRejected() { ++rejectedConnections_; }
    long openConnections() const { return openConnections_.load(); }
    // Bolt: connections (also counted above, under the same limit), requests by message name,
    // and malformed messages (each closed its connection).
    void boltConnectionOpened() {
        ++boltOpen_;
        ++boltTotal_;
    }
    void boltConnectionClosed() { --boltOpen_; }
    void boltMessage(const char* name);
    void boltMalformed() { ++boltMalformed_; }
    void boltWebSocket() { ++boltWebSockets_; }

    // Appends the store's counts per label and type as gauges.
    std::string render(const graph::GraphStats* stats) const;

private:
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mu_;
    std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
    std::atomic<std::uint64_t> queryTimeouts_{0};
    std::atomic<long> openConnections_{0};
    std::atomic<std::uint64_t> rejectedConnections_{0};
    std::map<std::string, std::uint64_t> boltMessages_; // under mu_
    std::atomic<long> boltOpen_{0};
    std::atomic<std::uint64_t> boltTotal_{0};
    std::atomic<std::uint64_t> boltMalformed_{0};
    std::atomic<std::uint64_t> boltWebSockets_{0};
};

} // namespace innograph::server
