#pragma once

// What running a query gives back: columns, rows (a multiset unless the query ordered it),
// statistics, and for EXPLAIN/PROFILE the plan.

#include "innograph/query/query_error.h"
#include "innograph/query/value.h"

#include <cstdint>
#include <string>
#include <vector>

namespace innograph::query {

struct WriteStatistics {
    std::uint64_t nodesCreated = 0;
    std::uint64_t nodesDeleted = 0;
    std::uint64_t relationshipsCreated = 0;
    std::uint64_t relationshipsDeleted = 0;
    std::uint64_t propertiesSet = 0;
    std::uint64_t labelsAdded = 0;
    std::uint64_t labelsRemoved = 0;
    bool any() const {
        return nodesCreated || nodesDeleted || relationshipsCreated || relationshipsDeleted ||
               propertiesSet || labelsAdded || labelsRemoved;
    }
};

struct QueryStatistics {
    WriteStatistics writes;
    std::uint64_t rows = 0;
    // The row limit cut the result short: more rows existed than were returned.
    bool truncated = false;
    std::uint64_t storageReads = 0;
    bool planCached = false;
    double planningMs = 0;
    double executionMs = 0;
};

// One operator of an EXPLAIN/PROFILE plan; PROFILE fills the measured fields.
struct PlanNode {
    std::string op;
    std::string details;
    double estimatedRows = 0;
    bool profiled = false;
    std::uint64_t rows = 0;
    std::uint64_t storageReads = 0; // by this operator alone
    double timeMs = 0;              // by this operator alone
    std::vector<PlanNode> children;
};

// A warning about a query that ran anyway, as Neo4j reports it: an unknown label, relationship
// type or property key (which simply matches nothing or reads null), with the name probably
// meant in the description.
struct Notification {
    std::string code; // "Neo.ClientNotification.Statement.UnknownLabelWarning", ...
    std::string title;
    std::string description;
    std::string severity = "WARNING";
    SourcePos pos;
};

struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    QueryStatistics stats;
    std::vector<Notification> notifications;
    bool hasPlan = false; // EXPLAIN or PROFILE
    PlanNode plan;
};

} // namespace innograph::query
