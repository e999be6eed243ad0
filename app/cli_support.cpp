#include "cli_support.h"

#include "innograph/query/query_error.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace innograph::app {
namespace {
bool progressShown = false;
}

std::unique_ptr<graph::GraphStore> openStore(const std::string& dir, graph::OpenMode mode,
                                             bool createIfMissing) {
    graph::Options options;
    options.mode = mode;
    options.createIfMissing = createIfMissing;
    auto store = graph::GraphStore::open(options, dir);
    if (!store.isOk())
        throw CommandFailed{1, "cannot open store " + dir + ": " + store.status().message()};
    return std::move(*store);
}

void check(const graph::Status& status, const std::string& context) {
    if (status.isOk())
        return;
    throw CommandFailed{1, context.empty() ? status.message() : context + ": " + status.message()};
}

std::function<void(std::uint64_t, std::uint64_t)> terminalProgress(std::string what) {
    if (!isatty(STDERR_FILENO))
        return {};
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    return [what = std::move(what), last](std::uint64_t done, std::uint64_t total) {
        auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(200) && done != total)
            return;
        *last = now;
        progressShown = true;
        if (total)
            std::fprintf(stderr, "\r%s: %llu / %llu (%.0f%%)   ", what.c_str(),
                         static_cast<unsigned long long>(done),
                         static_cast<unsigned long long>(total), 100.0 * done / total);
        else
            std::fprintf(stderr, "\r%s: %llu   ", what.c_str(),
                         static_cast<unsigned long long>(done));
    };
}

void endProgress() {
    if (progressShown)
        std::fputc('\n', stderr);
    progressShown = false;
}

void printNotifications(const query::QueryResult& result, std::string_view queryText) {
    for (const auto& n : result.notifications) {
        std::string title = n.title;
        if (!title.empty() && title.back() != '.')
            title += '.';
        std::cerr << "innograph: warning at line " << n.pos.line << ", column " << n.pos.column
                  << ": " << title << " " << n.description << "\n";
        // QueryError knows how to point at a position (display widths, tabs).
        query::QueryError where(query::ErrorCode::SemanticError, n.title, n.pos);
        where.attachSource(queryText);
        if (!where.excerpt().empty())
            std::cerr << where.excerpt() << "\n";
    }
}

} // namespace innograph::app
