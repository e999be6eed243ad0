#pragma once

// Errors a query can fail with. Every stage reports failure by throwing QueryError; the engine
// lets it reach the caller unchanged. The code is stable (clients switch on it); the message is
// for people and says what was expected and, when a name is misspelled, what was probably meant.

#include <stdexcept>
#include <string>
#include <string_view>

namespace innograph::query {

enum class ErrorCode {
    SyntaxError,
    SemanticError,
    ParameterMissing,
    TypeError,
    ArgumentError,
    Timeout,
    LimitExceeded,
    Cancelled,
    StorageError,
    AccessDenied,        // a write under QueryOptions::readOnly
    MemoryLimitExceeded, // QueryOptions::memoryLimit or EngineOptions::totalMemoryLimit
};

const char* errorCodeName(ErrorCode code);

// When the error was found: while compiling (parse, bind, plan) or while running the plan. The
// openCypher TCK and Neo4j classify errors by both.
enum class ErrorPhase { Compile, Runtime };

// A place in the query text. Lines count from 1; columns count code points from 1. Zero means
// "unknown" (e.g. an error found while executing a plan built from several places).
struct SourcePos {
    int line = 0;
    int column = 0;
};

class QueryError : public std::runtime_error {
public:
    QueryError(ErrorCode code, std::string message, SourcePos pos = {});
    QueryError(ErrorCode code, std::string message, SourcePos pos, std::string detail);

    ErrorCode code() const { return code_; }
    ErrorPhase phase() const { return phase_; }
    void setPhase(ErrorPhase phase) { phase_ = phase; }
    // The openCypher classification within the code ("UndefinedVariable", "InvalidArgumentType",
    // ...), or empty when the error has none.
    const std::string& detail() const { return detail_; }
    void setDetail(std::string detail) { detail_ = std::move(detail); }
    const std::string& message() const { return message_; }
    SourcePos pos() const { return pos_; }
    // The offending query line followed by a caret under the column, or empty when unknown.
    const std::string& excerpt() const { return excerpt_; }

    // Fills excerpt() from the query text; the engine calls it once the text is known.
    void attachSource(std::string_view queryText);
    // "SyntaxError at line 1, column 1: ...", then the excerpt.
    std::string describe() const;

private:
    ErrorCode code_;
    ErrorPhase phase_ = ErrorPhase::Compile;
    std::string detail_;
    std::string message_;
    SourcePos pos_;
    std::string excerpt_;
};

} // namespace innograph::query
