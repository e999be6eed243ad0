#include "status_codes.h"

namespace innograph::server::bolt {

const char* neo4jCode(query::ErrorCode code) {
    switch (code) {
    case query::ErrorCode::SyntaxError:
        return "Neo.ClientError.Statement.SyntaxError";
    case query::ErrorCode::SemanticError:
        return "Neo.ClientError.Statement.SemanticError";
    case query::ErrorCode::ParameterMissing:
        return "Neo.ClientError.Statement.ParameterMissing";
    case query::ErrorCode::TypeError:
        return "Neo.ClientError.Statement.TypeError";
    case query::ErrorCode::ArgumentError:
        return "Neo.ClientError.Statement.ArgumentError";
    case query::ErrorCode::Timeout:
        // Not a TransientError: drivers would retry it, and it would time out again.
        return "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration";
    case query::ErrorCode::LimitExceeded:
        return "Neo.ClientError.Statement.ArgumentError";
    case query::ErrorCode::Cancelled:
        return "Neo.ClientError.Transaction.Terminated";
    case query::ErrorCode::StorageError:
        return status::kUnknown;
    case query::ErrorCode::AccessDenied:
        return status::kForbidden;
    case query::ErrorCode::MemoryLimitExceeded:
        // Not a TransientError: a retry would need the same memory again.
        return "Neo.ClientError.Statement.ArgumentError";
    }
    return status::kUnknown;
}

} // namespace innograph::server::bolt
