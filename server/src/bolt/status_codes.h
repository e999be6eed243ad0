#pragma once

// Neo4j status codes (Neo.<classification>.<category>.<title>) for innograph's query errors, so
// that drivers raise the error class and retry policy a Neo4j server would cause.

#include "innograph/query/query_error.h"

namespace innograph::server::bolt {

const char* neo4jCode(query::ErrorCode code);

namespace status {
constexpr const char* kRequestInvalid = "Neo.ClientError.Request.Invalid";
constexpr const char* kUnauthorized = "Neo.ClientError.Security.Unauthorized";
constexpr const char* kForbidden = "Neo.ClientError.Security.Forbidden";
constexpr const char* kDatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound";
constexpr const char* kTransactionTimedOut = "Neo.ClientError.Transaction.TransactionTimedOut";
constexpr const char* kCommitFailed = "Neo.DatabaseError.Transaction.TransactionCommitFailed";
constexpr const char* kUnknown = "Neo.DatabaseError.General.UnknownError";
} // namespace status

} // namespace innograph::server::bolt
