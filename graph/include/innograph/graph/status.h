#pragma once

// Errors as values. Every fallible operation of the graph layer returns a Status, or a
// Result<T> that holds either a T or a non-OK Status. Nothing in graph/ throws across its API.

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace innograph::graph {

class Status {
public:
    enum class Code {
        Ok = 0,
        NotFound,        // the node, relationship or store does not exist
        InvalidArgument, // the caller asked for something malformed
        Constraint,      // the change would break the graph (e.g. delete a node with edges)
        Corruption,      // stored bytes do not decode
        IOError,         // the file system or RocksDB failed
        ReadOnly,        // a write on a store opened read-only or as a secondary
        Busy,            // the store is locked by another process
        Aborted,         // the operation was cancelled; nothing was written
    };

    Status() = default;
    static Status ok() { return Status(); }
    static Status notFound(std::string msg) { return {Code::NotFound, std::move(msg)}; }
    static Status invalidArgument(std::string msg) {
        return {Code::InvalidArgument, std::move(msg)};
    }
    static Status constraint(std::string msg) { return {Code::Constraint, std::move(msg)}; }
    static Status corruption(std::string msg) { return {Code::Corruption, std::move(msg)}; }
    static Status ioError(std::string msg) { return {Code::IOError, std::move(msg)}; }
    static Status readOnly(std::string msg) { return {Code::ReadOnly, std::move(msg)}; }
    static Status busy(std::string msg) { return {Code::Busy, std::move(msg)}; }
    static Status aborted(std::string msg) { return {Code::Aborted, std::move(msg)}; }

    bool isOk() const { return code_ == Code::Ok; }
    bool isNotFound() const { return code_ == Code::NotFound; }
    Code code() const { return code_; }
    const std::string& message() const { return message_; }
    std::string toString() const;

private:
    Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
    Code code_ = Code::Ok;
    std::string message_;
};

const char* codeName(Status::Code code);

// Either a value or the Status that explains why there is none.
template <typename T> class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Status status) : status_(std::move(status)) { assert(!status_.isOk()); }

    bool isOk() const { return status_.isOk(); }
    const Status& status() const { return status_; }
    T& value() & { return *value_; }
    const T& value() const& { return *value_; }
    // By value: `for (auto& x : f().value())` must not dangle when f() returns a temporary.
    T value() && { return std::move(*value_); }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }

private:
    Status status_;
    std::optional<T> value_;
};

} // namespace innograph::graph
