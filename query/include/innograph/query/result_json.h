#pragma once

// JSON and text renderings of results, shared by the CLI and the HTTP server.
//
// A result is {"columns":[...],"rows":[[...],...],"stats":{...}} (plus "plan" for EXPLAIN and
// PROFILE). A node is {"id","labels","properties"}, a relationship
// {"id","type","start","end","properties"}, a path {"nodes":[...],"relationships":[...]}.
// An error is {"error":{"code","message","line","column"}}.

#include "innograph/query/query_error.h"
#include "innograph/query/query_result.h"
#include "innograph/query/value.h"

#include <nlohmann/json.hpp>

#include <string>

namespace innograph::query {

nlohmann::json valueToJson(const Value& value);
nlohmann::json resultToJson(const QueryResult& result);
nlohmann::json statsToJson(const QueryStatistics& stats);
nlohmann::json planToJson(const PlanNode& plan);
nlohmann::json errorToJson(const QueryError& error);
// Neo4j 5's shape: code, title, description, severity, category, position {line, column}.
nlohmann::json notificationToJson(const Notification& notification);
// "UNRECOGNIZED" for an unknown label, relationship type or property key, else "GENERIC".
std::string notificationCategory(const Notification& notification);

// Parameters arrive as JSON: objects become maps, arrays lists, integers stay integers.
Value valueFromJson(const nlohmann::json& json);
Parameters parametersFromJson(const nlohmann::json& object);

// Human renderings.
std::string formatTable(const QueryResult& result);
std::string formatCsv(const QueryResult& result);
std::string formatPlan(const PlanNode& plan);
std::string formatStats(const QueryStatistics& stats);

} // namespace innograph::query
