#pragma once

// What the subcommands share: opening the store named by --db, progress lines on a terminal,
// and turning a Status into the program's exit.

#include "command.h"

#include "innograph/graph/graph_store.h"
#include "innograph/query/query_result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace innograph::app {

// Throws CommandFailed when the store cannot be opened.
std::unique_ptr<graph::GraphStore> openStore(const std::string& dir, graph::OpenMode mode,
                                             bool createIfMissing = false);

// Throws CommandFailed with the status's message unless it is OK.
void check(const graph::Status& status, const std::string& context = {});

// A progress callback that redraws one line on standard error when it is a terminal, and does
// nothing otherwise (logs and CI output stay clean).
std::function<void(std::uint64_t, std::uint64_t)> terminalProgress(std::string what);
void endProgress();

// A query's warnings (unknown labels, types, property keys with their did-you-mean) on standard
// error, each with the line of `queryText` it points at and a caret, as cypher-shell shows them.
void printNotifications(const query::QueryResult& result, std::string_view queryText);

} // namespace innograph::app
