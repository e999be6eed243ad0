#pragma once

// PackStream, the binary value format of the Bolt protocol: a decoded value (PackValue), a
// decoder with limits (Unpacker) and an encoder (Packer). Big-endian, self-describing; see
// https://neo4j.com/docs/bolt/current/packstream/.
//
// The decoder trusts nothing: every declared size is checked against the bytes left before
// anything is allocated, nesting is bounded, and so is the number of values in one message, so
// a hostile message costs at most a bounded multiple of its own size.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace innograph::server::bolt {

// Malformed PackStream or a message the protocol cannot take: the connection is closed.
class ProtocolError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class PackValue;
using PackList = std::vector<PackValue>;
// Entries in the order they were sent. A repeated key is kept (checking would cost quadratic
// time on hostile maps); lookups and conversions take its last value, as a JSON object would.
using PackMap = std::vector<std::pair<std::string, PackValue>>;
struct PackBytes {
    std::string data;
};
struct PackStruct {
    std::uint8_t tag = 0;
    std::vector<PackValue> fields;
};

class PackValue {
public:
    enum class Kind : std::uint8_t { Null = 0, Bool, Int, Float, String, Bytes, List, Map, Struct };

    PackValue() = default;
    PackValue(std::nullptr_t) {}
    PackValue(bool b) : v_(b) {}
    PackValue(int i) : v_(static_cast<std::int64_t>(i)) {}
    PackValue(std::int64_t i) : v_(i) {}
    PackValue(double d) : v_(d) {}
    PackValue(const char* s) : v_(std::string(s)) {}
    PackValue(std::string s) : v_(std::move(s)) {}
    PackValue(PackBytes b) : v_(std::move(b)) {}
    PackValue(PackList l) : v_(std::move(l)) {}
    PackValue(PackMap m) : v_(std::move(m)) {}
    PackValue(PackStruct s) : v_(std::move(s)) {}

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool isNull() const { return kind() == Kind::Null; }
    bool isString() const { return kind() == Kind::String; }
    bool isInt() const { return kind() == Kind::Int; }
    bool isMap() const { return kind() == Kind::Map; }
    bool isList() const { return kind() == Kind::List; }

    bool asBool() const { return std::get<bool>(v_); }
    std::int64_t asInt() const { return std::get<std::int64_t>(v_); }
    double asFloat() const { return std::get<double>(v_); }
    const std::string& asString() const { return std::get<std::string>(v_); }
    const PackBytes& asBytes() const { return std::get<PackBytes>(v_); }
    const PackList& asList() const { return std::get<PackList>(v_); }
    const PackMap& asMap() const { return std::get<PackMap>(v_); }
    const PackStruct& asStruct() const { return std::get<PackStruct>(v_); }
    PackStruct& asStruct() { return std::get<PackStruct>(v_); }

    // The map entry with this key, or nullptr (also when this is not a map).
    const PackValue* find(std::string_view key) const;

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, PackBytes, PackList,
                 PackMap, PackStruct>
        v_;
};

struct UnpackLimits {
    int maxDepth = 64;               // lists, maps and structures inside each other
    std::size_t maxValues = 1 << 20; // values in one message, all levels together
};

class Unpacker {
public:
    Unpacker(std::string_view data, UnpackLimits limits = {}) : data_(data), limits_(limits) {}
    // The next value; throws ProtocolError when the bytes are not PackStream or break a limit.
    PackValue read();
    bool atEnd() const { return pos_ == data_.size(); }

private:
    PackValue read(int depth);
    std::uint8_t byte();
    std::uint64_t bigEndian(int bytes);
    std::string_view take(std::uint64_t n);
    void count();

    std::string_view data_;
    UnpackLimits limits_;
    std::size_t pos_ = 0;
    std::size_t values_ = 0;
};

// Appends PackStream to a string. Sizes past what PackStream can say (4 GiB) are the caller's
// bug; the service's limits keep every message far below.
class Packer {
public:
    explicit Packer(std::string& out) : out_(out) {}
    void null();
    void boolean(bool b);
    void integer(std::int64_t i);
    void floating(double d);
    void string(std::string_view s);
    void bytes(std::string_view b);
    void listHeader(std::size_t size);
    void mapHeader(std::size_t size);
    void structHeader(std::size_t fields, std::uint8_t tag);
    void value(const PackValue& v);

private:
    void sized(std::size_t size, std::uint8_t tiny, std::uint8_t m8, std::uint8_t m16,
               std::uint8_t m32);
    void raw(std::uint64_t v, int bytes);
    std::string& out_;
};

} // namespace innograph::server::bolt
