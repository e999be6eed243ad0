#include "metrics.h"

#include <sstream>

namespace innograph::server {
namespace {

std::string escapeLabel(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace

void Metrics::observe(const std::string& route, const std::string& method, unsigned status,
                      double seconds) {
    std::lock_guard lock(mu_);
    ++requests_[{route, method, status}];
    auto& h = latency_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
    ++h.count;
    h.sum += seconds;
}

void Metrics::boltMessage(const char* name) {
    std::lock_guard lock(mu_);
    ++boltMessages_[name];
}

std::string Metrics::render(const graph::GraphStats* stats) const {
    std::ostringstream out;
    {
        std::lock_guard lock(mu_);
        out << "# HELP innograph_http_requests_total HTTP requests by route, method and status.\n"
               "# TYPE innograph_http_requests_total counter\n";
        for (const auto& [key, n] : requests_) {
            const auto& [route, method, status] = key;
            out << "innograph_http_requests_total{route=\"" << escapeLabel(route) << "\",method=\""
                << method << "\",status=\"" << status << "\"} " << n << "\n";
        }
        out << "# HELP innograph_http_request_duration_seconds Time from request to response.\n"
               "# TYPE innograph_http_request_duration_seconds histogram\n";
        for (const auto& [route, h] : latency_) {
            auto r = escapeLabel(route);
            for (std::size_t i = 0; i < kBuckets.size(); ++i)
                out << "innograph_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\""
                    << kBuckets[i] << "\"} " << h.buckets[i] << "\n";
            out << "innograph_http_request_duration_seconds_bucket{route=\"" << r
                << "\",le=\"+Inf\"} " << h.count << "\n";
            out << "innograph_http_request_duration_seconds_sum{route=\"" << r << "\"} " << h.sum
                << "\n";
            out << "innograph_http_request_duration_seconds_count{route=\"" << r << "\"} "
                << h.count << "\n";
        }
    }
    out << "# HELP innograph_query_timeouts_total Queries stopped by their time limit.\n"
           "# TYPE innograph_query_timeouts_total counter\n"
           "innograph_query_timeouts_total "
        << queryTimeouts_.load() << "\n";
    out << "# HELP innograph_open_connections Connections open now.\n"
           "# TYPE innograph_open_connections gauge\n"
           "innograph_open_connections "
        << openConnections_.load() << "\n";
    out << "# HELP innograph_rejected_connections_total Connections refused at the limit.\n"
           "# TYPE innograph_rejected_connections_total counter\n"
           "innograph_rejected_connections_total "
        << rejectedConnections_.load() << "\n";
    out << "# HELP innograph_bolt_open_connections Bolt connections open now.\n"
           "# TYPE innograph_bolt_open_connections gauge\n"
           "innograph_bolt_open_connections "
        << boltOpen_.load() << "\n";
    out << "# HELP innograph_bolt_connections_total Bolt connections accepted.\n"
           "# TYPE innograph_bolt_connections_total counter\n"
           "innograph_bolt_connections_total "
        << boltTotal_.load() << "\n";
    out << "# HELP innograph_bolt_websocket_connections_total Bolt connections over WebSocket.\n"
           "# TYPE innograph_bolt_websocket_connections_total counter\n"
           "innograph_bolt_websocket_connections_total "
        << boltWebSockets_.load() << "\n";
    out << "# HELP innograph_bolt_malformed_messages_total Malformed Bolt messages (each closed "
           "its connection).\n"
           "# TYPE innograph_bolt_malformed_messages_total counter\n"
           "innograph_bolt_malformed_messages_total "
        << boltMalformed_.load() << "\n";
    {
        std::lock_guard lock(mu_);
        out << "# HELP innograph_bolt_messages_total Bolt requests by message.\n"
               "# TYPE innograph_bolt_messages_total counter\n";
        for (const auto& [name, n] : boltMessages_)
            out << "innograph_bolt_messages_total{message=\"" << name << "\"} " << n << "\n";
    }
    if (stats) {
        out << "# HELP innograph_nodes Nodes in the graph by label.\n"
               "# TYPE innograph_nodes gauge\n";
        for (const auto& [label, n] : stats->nodesPerLabel)
            out << "innograph_nodes{label=\"" << escapeLabel(label) << "\"} " << n << "\n";
        out << "# HELP innograph_relationships Relationships in the graph by type.\n"
               "# TYPE innograph_relationships gauge\n";
        for (const auto& [type, n] : stats->relationshipsPerType)
            out << "innograph_relationships{type=\"" << escapeLabel(type) << "\"} " << n << "\n";
    }
    return out.str();
}

} // namespace innograph::server
