#include "codec.h"

#include "keys.h"

#include <algorithm>
#include <cstring>

namespace innograph::graph::codec {
namespace {

// Deep enough for any real document; bounds recursion on hostile bytes.
constexpr int kMaxDepth = 64;

void putFixed64(std::string* out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        out->push_back(static_cast<char>(v >> (8 * i)));
}

bool getFixed64(std::string_view* in, std::uint64_t* v) {
    if (in->size() < 8)
        return false;
    std::uint64_t r = 0;
    for (int i = 7; i >= 0; --i)
        r = (r << 8) | static_cast<unsigned char>((*in)[i]);
    in->remove_prefix(8);
    *v = r;
    return true;
}

bool getString(std::string_view* in, std::string_view* s) {
    std::uint64_t len;
    if (!getVarint(in, &len) || len > in->size())
        return false;
    *s = in->substr(0, len);
    in->remove_prefix(len);
    return true;
}

void putString(std::string* out, std::string_view s) {
    putVarint(out, s.size());
    out->append(s);
}

Status bad(const char* what) {
    return Status::corruption(std::string("bad stored ") + what);
}

Status decodeValueAt(std::string_view* in, Value* out, int depth);

Status decodeMapAt(std::string_view* in, ValueMap* out, int depth) {
    std::uint64_t n;
    if (!getVarint(in, &n) || n > in->size())
        return bad("map");
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string_view key;
        if (!getString(in, &key))
            return bad("map key");
        Value v;
        if (auto s = decodeValueAt(in, &v, depth + 1); !s.isOk())
            return s;
        out->emplace(std::string(key), std::move(v));
    }
    return Status::ok();
}

Status skipValue(std::string_view* in, int depth) {
    Value ignored;
    return decodeValueAt(in, &ignored, depth);
}

Status decodeValueAt(std::string_view* in, Value* out, int depth) {
    if (depth > kMaxDepth)
        return bad("value (nested too deep)");
    if (in->empty())
        return bad("value (truncated)");
    auto tag = static_cast<Value::Kind>(static_cast<unsigned char>((*in)[0]));
    in->remove_prefix(1);
    switch (tag) {
    case Value::Kind::Null:
        *out = Value();
        return Status::ok();
    case Value::Kind::Bool:
        if (in->empty())
            return bad("bool");
        *out = Value((*in)[0] != 0);
        in->remove_prefix(1);
        return Status::ok();
    case Value::Kind::Int: {
        std::uint64_t v;
        if (!getFixed64(in, &v))
            return bad("integer");
        *out = Value(static_cast<std::int64_t>(v));
        return Status::ok();
    }
    case Value::Kind::Double: {
        std::uint64_t bits;
        if (!getFixed64(in, &bits))
            return bad("float");
        double d;
        std::memcpy(&d, &bits, sizeof d);
        *out = Value(d);
        return Status::ok();
    }
    case Value::Kind::String: {
        std::string_view s;
        if (!getString(in, &s))
            return bad("string");
        *out = Value(std::string(s));
        return Status::ok();
    }
    case Value::Kind::List: {
        std::uint64_t n;
        if (!getVarint(in, &n) || n > in->size())
            return bad("list");
        ValueList list;
        list.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i) {
            Value v;
            if (auto s = decodeValueAt(in, &v, depth + 1); !s.isOk())
                return s;
            list.push_back(std::move(v));
        }
        *out = Value(std::move(list));
        return Status::ok();
    }
    case Value::Kind::Map: {
        ValueMap map;
        if (auto s = decodeMapAt(in, &map, depth); !s.isOk())
            return s;
        *out = Value(std::move(map));
        return Status::ok();
    }
    case Value::Kind::Temporal: {
        std::uint64_t months, days, seconds, rest;
        if (in->empty() || static_cast<unsigned char>((*in)[0]) >
                               static_cast<unsigned char>(TemporalType::Duration))
            return bad("temporal type");
        Temporal t;
        t.type = static_cast<TemporalType>((*in)[0]);
        in->remove_prefix(1);
        if (!getFixed64(in, &months) || !getFixed64(in, &days) || !getFixed64(in, &seconds) ||
            !getFixed64(in, &rest))
            return bad("temporal");
        t.months = static_cast<std::int64_t>(months);
        t.days = static_cast<std::int64_t>(days);
        t.seconds = static_cast<std::int64_t>(seconds);
        t.nanos = static_cast<std::int32_t>(static_cast<std::uint32_t>(rest & 0xffffffffu));
        t.offsetSeconds = static_cast<std::int32_t>(static_cast<std::uint32_t>(rest >> 32));
        *out = Value(t);
        return Status::ok();
    }
    }
    return bad("value tag");
}

} // namespace

void putVarint(std::string* out, std::uint64_t v) {
    while (v >= 0x80) {
        out->push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out->push_back(static_cast<char>(v));
}

bool getVarint(std::string_view* in, std::uint64_t* v) {
    std::uint64_t r = 0;
    for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
        auto b = static_cast<unsigned char>((*in)[0]);
        in->remove_prefix(1);
        r |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = r;
            return true;
        }
    }
    return false;
}

void encodeValue(std::string* out, const Value& v) {
    out->push_back(static_cast<char>(v.kind()));
    switch (v.kind()) {
    case Value::Kind::Null:
        break;
    case Value::Kind::Bool:
        out->push_back(v.asBool() ? 1 : 0);
        break;
    case Value::Kind::Int:
        putFixed64(out, static_cast<std::uint64_t>(v.asInt()));
        break;
    case Value::Kind::Double: {
        std::uint64_t bits;
        double d = v.asDouble();
        std::memcpy(&bits, &d, sizeof bits);
        putFixed64(out, bits);
        break;
    }
    case Value::Kind::String:
        putString(out, v.asString());
        break;
    case Value::Kind::List:
        putVarint(out, v.asList().size());
        for (const auto& item : v.asList())
            encodeValue(out, item);
        break;
    case Value::Kind::Map:
        encodeProperties(out, v.asMap());
        break;
    case Value::Kind::Temporal: {
        const Temporal& t = v.asTemporal();
        out->push_back(static_cast<char>(t.type));
        putFixed64(out, static_cast<std::uint64_t>(t.months));
        putFixed64(out, static_cast<std::uint64_t>(t.days));
        putFixed64(out, static_cast<std::uint64_t>(t.seconds));
        putFixed64(out, static_cast<std::uint64_t>(static_cast<std::uint32_t>(t.nanos)) |
                            static_cast<std::uint64_t>(static_cast<std::uint32_t>(t.offsetSeconds))
                                << 32);
        break;
    }
    }
}

Status decodeValue(std::string_view* in, Value* out) {
    return decodeValueAt(in, out, 0);
}

void encodeProperties(std::string* out, const PropertyMap& props) {
    std::size_t n = 0;
    for (const auto& [k, v] : props)
        n += !v.isNull();
    putVarint(out, n);
    for (const auto& [k, v] : props) {
        if (v.isNull())
            continue; // a null property is an absent one
        putString(out, k);
        encodeValue(out, v);
    }
}

Status decodeProperties(std::string_view in, PropertyMap* out) {
    out->clear();
    if (auto s = decodeMapAt(&in, out, 0); !s.isOk())
        return s;
    return in.empty() ? Status::ok() : bad("properties (trailing bytes)");
}

Status findProperty(std::string_view in, std::string_view key, Value* out) {
    std::uint64_t n;
    if (!getVarint(&in, &n) || n > in.size())
        return bad("properties");
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string_view k;
        if (!getString(&in, &k))
            return bad("property key");
        if (k == key)
            return decodeValue(&in, out);
        if (auto s = skipValue(&in, 1); !s.isOk())
            return s;
    }
    *out = Value();
    return Status::ok();
}

std::string encodeNode(const std::vector<LabelId>& labels, const PropertyMap& props) {
    std::string out;
    putVarint(&out, labels.size());
    for (auto l : labels)
        putVarint(&out, l);
    encodeProperties(&out, props);
    return out;
}

Status splitNode(std::string_view in, std::vector<LabelId>* labels, std::string_view* props) {
    std::uint64_t n;
    if (!getVarint(&in, &n) || n > in.size())
        return bad("node labels");
    labels->clear();
    labels->reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint64_t l;
        if (!getVarint(&in, &l) || l > UINT32_MAX)
            return bad("node label");
        labels->push_back(static_cast<LabelId>(l));
    }
    *props = in;
    return Status::ok();
}

Status decodeNode(std::string_view in, NodeRecord* out) {
    std::string_view props;
    if (auto s = splitNode(in, &out->labels, &props); !s.isOk())
        return s;
    return decodeProperties(props, &out->properties);
}

std::string encodeRel(TypeId type, NodeId start, NodeId end, const PropertyMap& props) {
    std::string out;
    keys::putBe32(&out, type);
    keys::putBe64(&out, start);
    keys::putBe64(&out, end);
    encodeProperties(&out, props);
    return out;
}

Status decodeRelHeader(std::string_view in, TypeId* type, NodeId* start, NodeId* end) {
    if (in.size() < 20)
        return bad("relationship");
    *type = keys::getBe32(in.data());
    *start = keys::getBe64(in.data() + 4);
    *end = keys::getBe64(in.data() + 12);
    return Status::ok();
}

Status decodeRel(std::string_view in, RelRecord* out) {
    if (auto s = decodeRelHeader(in, &out->type, &out->start, &out->end); !s.isOk())
        return s;
    return decodeProperties(in.substr(20), &out->properties);
}

std::vector<std::string> indexedNames(const PropertyMap& props,
                                      std::string (*normalize)(std::string_view)) {
    // Sorted and distinct, as a set would give them, without a tree node per name: most nodes
    // have one name and no alias, and a load prepares millions.
    std::vector<std::string> names;
    auto add = [&](const Value& v) {
        if (!v.isString())
            return;
        if (auto n = normalize(v.asString()); !n.empty())
            names.push_back(std::move(n));
    };
    if (auto it = props.find("name"); it != props.end())
        add(it->second);
    if (auto it = props.find("aliases"); it != props.end()) {
        if (it->second.isList()) {
            for (const auto& a : it->second.asList())
                add(a);
        } else {
            add(it->second);
        }
    }
    if (names.size() > 1) {
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
    }
    return names;
}

} // namespace innograph::graph::codec
