#include "packstream.h"

#include "innograph/text/unicode.h"

#include <bit>
#include <cstdio>

namespace innograph::server::bolt {

const PackValue* PackValue::find(std::string_view key) const {
    if (kind() != Kind::Map)
        return nullptr;
    const PackValue* found = nullptr;
    for (const auto& [k, v] : asMap())
        if (k == key)
            found = &v; // the last one wins, as in a JSON object
    return found;
}

// ---- decoding --------------------------------------------------------------------------------

std::uint8_t Unpacker::byte() {
    if (pos_ >= data_.size())
        throw ProtocolError("PackStream: the message ends inside a value");
    return static_cast<std::uint8_t>(data_[pos_++]);
}

std::uint64_t Unpacker::bigEndian(int bytes) {
    auto s = take(static_cast<std::uint64_t>(bytes));
    std::uint64_t v = 0;
    for (char c : s)
        v = (v << 8) | static_cast<std::uint8_t>(c);
    return v;
}

std::string_view Unpacker::take(std::uint64_t n) {
    if (n > data_.size() - pos_)
        throw ProtocolError("PackStream: a value declares " + std::to_string(n) +
                            " bytes but only " + std::to_string(data_.size() - pos_) +
                            " are left in the message");
    auto s = data_.substr(pos_, n);
    pos_ += n;
    return s;
}

void Unpacker::count() {
    if (++values_ > limits_.maxValues)
        throw ProtocolError("PackStream: more than " + std::to_string(limits_.maxValues) +
                            " values in one message");
}

PackValue Unpacker::read() {
    return read(0);
}

PackValue Unpacker::read(int depth) {
    count();
    const std::uint8_t m = byte();
    auto nested = [&] {
        if (depth + 1 > limits_.maxDepth)
            throw ProtocolError("PackStream: values nested deeper than " +
                                std::to_string(limits_.maxDepth) + " levels");
    };
    // Each element takes at least one byte, so a size larger than what is left is a lie that
    // must not reach reserve().
    auto checkCount = [&](std::uint64_t n, std::uint64_t bytesEach) {
        if (n > (data_.size() - pos_) / bytesEach)
            throw ProtocolError("PackStream: a container declares " + std::to_string(n) +
                                " entries, more than the message can hold");
    };
    // PackStream's strings are UTF-8; ill-formed text is refused here, as the HTTP service refuses
    // a body that is not UTF-8, so no layer behind meets it.
    auto utf8 = [&](std::string_view bytes) {
        if (auto bad = text::firstInvalidUtf8(bytes); bad != text::npos)
            throw ProtocolError("PackStream: a string is not valid UTF-8 (byte " +
                                std::to_string(bad) + " of " + std::to_string(bytes.size()) + ")");
        return PackValue(std::string(bytes));
    };
    auto list = [&](std::uint64_t n) {
        nested();
        checkCount(n, 1);
        PackList l;
        l.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i)
            l.push_back(read(depth + 1));
        return PackValue(std::move(l));
    };
    auto map = [&](std::uint64_t n) {
        nested();
        checkCount(n, 2);
        PackMap mp;
        mp.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i) {
            PackValue key = read(depth + 1);
            if (!key.isString())
                throw ProtocolError("PackStream: a map key is not a string");
            PackValue v = read(depth + 1);
            mp.emplace_back(key.asString(), std::move(v));
        }
        return PackValue(std::move(mp));
    };

    if (m < 0x80)
        return PackValue(static_cast<std::int64_t>(m));
    if (m >= 0xF0)
        return PackValue(static_cast<std::int64_t>(static_cast<std::int8_t>(m)));
    if (m >= 0x80 && m <= 0x8F)
        return utf8(take(m & 0x0F));
    if (m >= 0x90 && m <= 0x9F)
        return list(m & 0x0F);
    if (m >= 0xA0 && m <= 0xAF)
        return map(m & 0x0F);
    if (m >= 0xB0 && m <= 0xBF) {
        nested();
        std::size_t n = m & 0x0F;
        checkCount(n, 1);
        PackStruct s;
        s.tag = byte();
        for (std::size_t i = 0; i < n; ++i)
            s.fields.push_back(read(depth + 1));
        return PackValue(std::move(s));
    }
    switch (m) {
    case 0xC0:
        return PackValue();
    case 0xC1: {
        auto bits = bigEndian(8);
        return PackValue(std::bit_cast<double>(bits));
    }
    case 0xC2:
        return PackValue(false);
    case 0xC3:
        return PackValue(true);
    case 0xC8:
        return PackValue(static_cast<std::int64_t>(static_cast<std::int8_t>(bigEndian(1))));
    case 0xC9:
        return PackValue(static_cast<std::int64_t>(static_cast<std::int16_t>(bigEndian(2))));
    case 0xCA:
        return PackValue(static_cast<std::int64_t>(static_cast<std::int32_t>(bigEndian(4))));
    case 0xCB:
        return PackValue(static_cast<std::int64_t>(bigEndian(8)));
    case 0xCC:
        return PackValue(PackBytes{std::string(take(bigEndian(1)))});
    case 0xCD:
        return PackValue(PackBytes{std::string(take(bigEndian(2)))});
    case 0xCE:
        return PackValue(PackBytes{std::string(take(bigEndian(4)))});
    case 0xD0:
        return utf8(take(bigEndian(1)));
    case 0xD1:
        return utf8(take(bigEndian(2)));
    case 0xD2:
        return utf8(take(bigEndian(4)));
    case 0xD4:
        return list(bigEndian(1));
    case 0xD5:
        return list(bigEndian(2));
    case 0xD6:
        return list(bigEndian(4));
    case 0xD8:
        return map(bigEndian(1));
    case 0xD9:
        return map(bigEndian(2));
    case 0xDA:
        return map(bigEndian(4));
    default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", m);
        throw ProtocolError(std::string("PackStream: unknown marker ") + hex);
    }
    }
}

// ---- encoding --------------------------------------------------------------------------------

void Packer::raw(std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i)
        out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void Packer::sized(std::size_t size, std::uint8_t tiny, std::uint8_t m8, std::uint8_t m16,
                   std::uint8_t m32) {
    if (tiny && size < 16) {
        out_.push_back(static_cast<char>(tiny | size));
    } else if (size <= 0xFF) {
        out_.push_back(static_cast<char>(m8));
        raw(size, 1);
    } else if (size <= 0xFFFF) {
        out_.push_back(static_cast<char>(m16));
        raw(size, 2);
    } else {
        out_.push_back(static_cast<char>(m32));
        raw(size, 4);
    }
}

void Packer::null() {
    out_.push_back(static_cast<char>(0xC0));
}

void Packer::boolean(bool b) {
    out_.push_back(static_cast<char>(b ? 0xC3 : 0xC2));
}

void Packer::integer(std::int64_t i) {
    if (i >= -16 && i <= 127) {
        out_.push_back(static_cast<char>(static_cast<std::int8_t>(i)));
    } else if (i >= INT8_MIN && i <= INT8_MAX) {
        out_.push_back(static_cast<char>(0xC8));
        raw(static_cast<std::uint8_t>(i), 1);
    } else if (i >= INT16_MIN && i <= INT16_MAX) {
        out_.push_back(static_cast<char>(0xC9));
        raw(static_cast<std::uint16_t>(i), 2);
    } else if (i >= INT32_MIN && i <= INT32_MAX) {
        out_.push_back(static_cast<char>(0xCA));
        raw(static_cast<std::uint32_t>(i), 4);
    } else {
        out_.push_back(static_cast<char>(0xCB));
        raw(static_cast<std::uint64_t>(i), 8);
    }
}

void Packer::floating(double d) {
    out_.push_back(static_cast<char>(0xC1));
    raw(std::bit_cast<std::uint64_t>(d), 8);
}

void Packer::string(std::string_view s) {
    sized(s.size(), 0x80, 0xD0, 0xD1, 0xD2);
    out_.append(s);
}

void Packer::bytes(std::string_view b) {
    sized(b.size(), 0, 0xCC, 0xCD, 0xCE);
    out_.append(b);
}

void Packer::listHeader(std::size_t size) {
    sized(size, 0x90, 0xD4, 0xD5, 0xD6);
}

void Packer::mapHeader(std::size_t size) {
    sized(size, 0xA0, 0xD8, 0xD9, 0xDA);
}

void Packer::structHeader(std::size_t fields, std::uint8_t tag) {
    out_.push_back(static_cast<char>(0xB0 | (fields & 0x0F)));
    out_.push_back(static_cast<char>(tag));
}

void Packer::value(const PackValue& v) {
    switch (v.kind()) {
    case PackValue::Kind::Null:
        return null();
    case PackValue::Kind::Bool:
        return boolean(v.asBool());
    case PackValue::Kind::Int:
        return integer(v.asInt());
    case PackValue::Kind::Float:
        return floating(v.asFloat());
    case PackValue::Kind::String:
        return string(v.asString());
    case PackValue::Kind::Bytes:
        return bytes(v.asBytes().data);
    case PackValue::Kind::List:
        listHeader(v.asList().size());
        for (const auto& item : v.asList())
            value(item);
        return;
    case PackValue::Kind::Map:
        mapHeader(v.asMap().size());
        for (const auto& [k, item] : v.asMap()) {
            string(k);
            value(item);
        }
        return;
    case PackValue::Kind::Struct:
        structHeader(v.asStruct().fields.size(), v.asStruct().tag);
        for (const auto& item : v.asStruct().fields)
            value(item);
        return;
    }
}

} // namespace innograph::server::bolt
