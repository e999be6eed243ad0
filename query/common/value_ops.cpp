#include "common/value_ops.h"

#include "common/temporal.h"

#include <cmath>
#include <cstdio>
#include <functional>

namespace innograph::query {
namespace {

using K = Value::Kind;

// Rank of each type in ORDER BY's total order (openCypher): map, node, relationship, list,
// path, the temporal types (ordered among themselves by orderTemporal), string, boolean, number,
// then null.
int orderRank(const Value& v) {
    switch (v.kind()) {
    case K::Map:
        return 0;
    case K::Node:
        return 1;
    case K::Rel:
        return 2;
    case K::List:
        return 3;
    case K::Path:
        return 4;
    case K::Temporal:
        return 5;
    case K::String:
        return 6;
    case K::Bool:
        return 7;
    case K::Int:
    case K::Double:
        return 8;
    case K::Null:
        return 9;
    }
    return 10;
}

int compareNumbers(const Value& a, const Value& b) {
    if (a.isInt() && b.isInt())
        return a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
    double x = a.asNumber(), y = b.asNumber();
    // NaN sorts above every number.
    bool xn = std::isnan(x), yn = std::isnan(y);
    if (xn || yn)
        return xn == yn ? 0 : xn ? 1 : -1;
    if (a.isInt() && b.isDouble()) {
        // Compare exactly when the double is integral and in range, so 2^53+1 vs 2^53.0 is right.
        if (y == std::floor(y) && std::fabs(y) < 9.2e18) {
            auto yi = static_cast<std::int64_t>(y);
            return a.asInt() < yi ? -1 : a.asInt() > yi ? 1 : 0;
        }
    } else if (a.isDouble() && b.isInt()) {
        return -compareNumbers(b, a);
    }
    return x < y ? -1 : x > y ? 1 : 0;
}

int comparePathLike(const PathValue& a, const PathValue& b) {
    std::size_t n = std::min(a.nodes.size(), b.nodes.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a.nodes[i].id != b.nodes[i].id)
            return a.nodes[i].id < b.nodes[i].id ? -1 : 1;
        if (i < a.relationships.size() && i < b.relationships.size() &&
            a.relationships[i].id != b.relationships[i].id)
            return a.relationships[i].id < b.relationships[i].id ? -1 : 1;
    }
    return a.nodes.size() < b.nodes.size() ? -1 : a.nodes.size() > b.nodes.size() ? 1 : 0;
}

} // namespace

Value equalsTernary(const Value& a, const Value& b) {
    if (a.isNull() || b.isNull())
        return Value();
    if (a.isNumber() && b.isNumber()) {
        if ((a.isDouble() && std::isnan(a.asDouble())) ||
            (b.isDouble() && std::isnan(b.asDouble())))
            return Value(false);
        return Value(compareNumbers(a, b) == 0);
    }
    if (a.kind() != b.kind())
        return Value(false);
    switch (a.kind()) {
    case K::Bool:
        return Value(a.asBool() == b.asBool());
    case K::String:
        return Value(a.asString() == b.asString());
    case K::Node:
        return Value(a.asNode().id == b.asNode().id);
    case K::Rel:
        return Value(a.asRel().id == b.asRel().id);
    case K::Path:
        return Value(comparePathLike(a.asPath(), b.asPath()) == 0);
    case K::Temporal: {
        // Durations are equal component by component (P1D is not PT24H); instants when they
        // are the same instant.
        const auto& x = a.asTemporal();
        const auto& y = b.asTemporal();
        if (x.type != y.type)
            return Value(false);
        if (x.type == graph::TemporalType::Duration)
            return Value(x == y);
        return Value(compareTemporal(x, y) == 0);
    }
    case K::List: {
        const auto& x = a.asList();
        const auto& y = b.asList();
        if (x.size() != y.size())
            return Value(false);
        bool sawNull = false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            Value e = equalsTernary(x[i], y[i]);
            if (e.isNull())
                sawNull = true;
            else if (!e.asBool())
                return Value(false);
        }
        return sawNull ? Value() : Value(true);
    }
    case K::Map: {
        const auto& x = a.asMap();
        const auto& y = b.asMap();
        if (x.size() != y.size())
            return Value(false);
        bool sawNull = false;
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
            if (i->first != j->first)
                return Value(false);
            Value e = equalsTernary(i->second, j->second);
            if (e.isNull())
                sawNull = true;
            else if (!e.asBool())
                return Value(false);
        }
        return sawNull ? Value() : Value(true);
    }
    default:
        return Value(false);
    }
}

std::optional<int> compareTernary(const Value& a, const Value& b) {
    if (a.isNull() || b.isNull())
        return std::nullopt;
    if (a.isNumber() && b.isNumber()) {
        if ((a.isDouble() && std::isnan(a.asDouble())) ||
            (b.isDouble() && std::isnan(b.asDouble())))
            return std::nullopt;
        return compareNumbers(a, b);
    }
    if (a.kind() != b.kind())
        return std::nullopt;
    switch (a.kind()) {
    case K::String: {
        int c = a.asString().compare(b.asString()); // UTF-8 byte order is code point order
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case K::Bool:
        return static_cast<int>(a.asBool()) - static_cast<int>(b.asBool());
    case K::Temporal:
        return compareTemporal(a.asTemporal(), b.asTemporal());
    case K::List: {
        const auto& x = a.asList();
        const auto& y = b.asList();
        for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
            auto c = compareTernary(x[i], y[i]);
            if (!c)
                return std::nullopt;
            if (*c != 0)
                return c;
        }
        return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    default:
        return std::nullopt;
    }
}

int orderCompare(const Value& a, const Value& b) {
    int ra = orderRank(a), rb = orderRank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    switch (a.kind()) {
    case K::Null:
        return 0;
    case K::Int:
    case K::Double:
        return compareNumbers(a, b);
    case K::Bool:
        return static_cast<int>(a.asBool()) - static_cast<int>(b.asBool());
    case K::String: {
        int c = a.asString().compare(b.asString());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case K::Node:
        return a.asNode().id < b.asNode().id ? -1 : a.asNode().id > b.asNode().id ? 1 : 0;
    case K::Rel:
        return a.asRel().id < b.asRel().id ? -1 : a.asRel().id > b.asRel().id ? 1 : 0;
    case K::Path:
        return comparePathLike(a.asPath(), b.asPath());
    case K::Temporal:
        return orderTemporal(a.asTemporal(), b.asTemporal());
    case K::List: {
        const auto& x = a.asList();
        const auto& y = b.asList();
        for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
            int c = orderCompare(x[i], y[i]);
            if (c)
                return c;
        }
        return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    case K::Map: {
        const auto& x = a.asMap();
        const auto& y = b.asMap();
        for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end(); ++i, ++j) {
            int c = i->first.compare(j->first);
            if (c)
                return c < 0 ? -1 : 1;
            c = orderCompare(i->second, j->second);
            if (c)
                return c;
        }
        return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    }
    return 0;
}

bool equivalent(const Value& a, const Value& b) {
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    if (a.isNumber() && b.isNumber()) {
        bool an = a.isDouble() && std::isnan(a.asDouble());
        bool bn = b.isDouble() && std::isnan(b.asDouble());
        if (an || bn)
            return an && bn;
        return compareNumbers(a, b) == 0;
    }
    if (a.kind() != b.kind())
        return false;
    if (a.isList()) {
        const auto& x = a.asList();
        const auto& y = b.asList();
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!equivalent(x[i], y[i]))
                return false;
        return true;
    }
    if (a.isMap()) {
        const auto& x = a.asMap();
        const auto& y = b.asMap();
        if (x.size() != y.size())
            return false;
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
            if (i->first != j->first || !equivalent(i->second, j->second))
                return false;
        return true;
    }
    return orderCompare(a, b) == 0;
}

std::size_t hashValue(const Value& v) {
    auto mix = [](std::size_t h, std::size_t x) {
        return h ^ (x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
    };
    switch (v.kind()) {
    case K::Null:
        return 0x51;
    case K::Bool:
        return v.asBool() ? 0x77 : 0x78;
    case K::Int:
    case K::Double: {
        // Equivalent numbers (1 and 1.0) must hash alike.
        double d = v.asNumber();
        if (d == std::floor(d) && std::fabs(d) < 9.2e18)
            return std::hash<std::int64_t>{}(v.isInt() ? v.asInt() : static_cast<std::int64_t>(d));
        return std::hash<double>{}(d);
    }
    case K::String:
        return std::hash<std::string>{}(v.asString());
    case K::Node:
        return mix(0x4e, v.asNode().id);
    case K::Rel:
        return mix(0x52, v.asRel().id);
    case K::Path: {
        std::size_t h = 0x50;
        for (const auto& n : v.asPath().nodes)
            h = mix(h, n.id);
        for (const auto& r : v.asPath().relationships)
            h = mix(h, r.id);
        return h;
    }
    case K::List: {
        std::size_t h = 0x4c;
        for (const auto& x : v.asList())
            h = mix(h, hashValue(x));
        return h;
    }
    case K::Map: {
        std::size_t h = 0x4d;
        for (const auto& [k, x] : v.asMap())
            h = mix(mix(h, std::hash<std::string>{}(k)), hashValue(x));
        return h;
    }
    case K::Temporal: {
        const auto& t = v.asTemporal();
        std::size_t h = mix(0x54, static_cast<std::size_t>(t.type));
        for (std::int64_t x :
             {t.months, t.days, t.seconds, std::int64_t{t.nanos}, std::int64_t{t.offsetSeconds}})
            h = mix(h, std::hash<std::int64_t>{}(x));
        return h;
    }
    }
    return 0;
}

std::size_t RowHash::operator()(const std::vector<Value>& r) const {
    std::size_t h = r.size();
    for (const auto& v : r)
        h = h * 31 + hashValue(v);
    return h;
}

bool RowEquivalent::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!equivalent(a[i], b[i]))
            return false;
    return true;
}

std::string formatDouble(double d) {
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", d);
    std::string s = buf;
    if (std::strtod(s.c_str(), nullptr) != d) {
        std::snprintf(buf, sizeof buf, "%.17g", d);
        s = buf;
    }
    if (s.find_first_of(".eEn") == std::string::npos)
        s += ".0";
    return s;
}

std::string toLiteralString(const Value& v) {
    if (v.isString()) {
        std::string out = "\"";
        for (char c : v.asString()) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + "\"";
    }
    return toDisplayString(v);
}

std::string toDisplayString(const Value& v) {
    switch (v.kind()) {
    case K::Null:
        return "null";
    case K::Bool:
        return v.asBool() ? "true" : "false";
    case K::Int:
        return std::to_string(v.asInt());
    case K::Double:
        return formatDouble(v.asDouble());
    case K::String:
        return v.asString();
    case K::Temporal:
        return graph::formatTemporal(v.asTemporal());
    case K::List: {
        std::string out = "[";
        bool first = true;
        for (const auto& x : v.asList()) {
            if (!first)
                out += ", ";
            first = false;
            out += toLiteralString(x);
        }
        return out + "]";
    }
    case K::Map: {
        std::string out = "{";
        bool first = true;
        for (const auto& [k, x] : v.asMap()) {
            if (!first)
                out += ", ";
            first = false;
            out += k + ": " + toLiteralString(x);
        }
        return out + "}";
    }
    case K::Node: {
        const auto& n = v.asNode();
        std::string out = "(" + std::to_string(n.id);
        if (n.data) {
            for (const auto& l : n.data->labels)
                out += ":" + l;
            if (!n.data->properties.empty()) {
                Map m;
                for (const auto& [k, x] : n.data->properties)
                    m.emplace(k, Value::fromStored(x));
                out += " " + toDisplayString(Value(std::move(m)));
            }
        }
        return out + ")";
    }
    case K::Rel: {
        const auto& r = v.asRel();
        std::string out = "[" + std::to_string(r.id);
        if (r.data) {
            out += ":" + r.data->type;
            if (!r.data->properties.empty()) {
                Map m;
                for (const auto& [k, x] : r.data->properties)
                    m.emplace(k, Value::fromStored(x));
                out += " " + toDisplayString(Value(std::move(m)));
            }
        }
        return out + "]";
    }
    case K::Path: {
        const auto& p = v.asPath();
        std::string out;
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            out += toDisplayString(Value(p.nodes[i]));
            if (i < p.relationships.size()) {
                const auto& r = p.relationships[i];
                bool forward = r.start == p.nodes[i].id;
                out += forward ? "-" : "<-";
                out += toDisplayString(Value(r));
                out += forward ? "->" : "-";
            }
        }
        return out;
    }
    }
    return "";
}

} // namespace innograph::query
