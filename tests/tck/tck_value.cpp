#include "tck_value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace innograph::tck {

namespace {

class Reader {
public:
    explicit Reader(const std::string& text) : t_(text) {}

    TckValue parseAll() {
        TckValue v = value();
        ws();
        if (p_ != t_.size())
            fail("unexpected text after the value");
        return v;
    }

private:
    const std::string& t_;
    std::size_t p_ = 0;

    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("TCK value '" + t_ + "' at " + std::to_string(p_) + ": " + what);
    }
    void ws() {
        while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\t' || t_[p_] == '\n'))
            ++p_;
    }
    bool peek(char c) {
        ws();
        return p_ < t_.size() && t_[p_] == c;
    }
    bool accept(char c) {
        if (!peek(c))
            return false;
        ++p_;
        return true;
    }
    void expect(char c) {
        if (!accept(c))
            fail(std::string("expected '") + c + "'");
    }
    bool acceptWord(const std::string& w) {
        ws();
        if (t_.compare(p_, w.size(), w) != 0)
            return false;
        std::size_t e = p_ + w.size();
        if (e < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[e])) || t_[e] == '_'))
            return false;
        p_ = e;
        return true;
    }

    std::string name() {
        ws();
        if (p_ < t_.size() && t_[p_] == '`') {
            auto e = t_.find('`', p_ + 1);
            if (e == std::string::npos)
                fail("unterminated `name`");
            std::string n = t_.substr(p_ + 1, e - p_ - 1);
            p_ = e + 1;
            return n;
        }
        std::size_t b = p_;
        while (p_ < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[p_])) ||
                                  t_[p_] == '_' || static_cast<unsigned char>(t_[p_]) >= 0x80))
            ++p_;
        if (b == p_)
            fail("expected a name");
        return t_.substr(b, p_ - b);
    }

    std::map<std::string, TckValue> mapBody() {
        std::map<std::string, TckValue> m;
        expect('{');
        if (accept('}'))
            return m;
        do {
            std::string k = name();
            expect(':');
            m[k] = value();
        } while (accept(','));
        expect('}');
        return m;
    }

    TckValue node() {
        TckValue v;
        v.kind = TckValue::Kind::Node;
        expect('(');
        while (accept(':'))
            v.labels.push_back(name());
        if (peek('{'))
            v.map = mapBody();
        expect(')');
        return v;
    }

    TckValue rel() {
        TckValue v;
        v.kind = TckValue::Kind::Rel;
        expect('[');
        if (accept(':'))
            v.s = name();
        if (peek('{'))
            v.map = mapBody();
        expect(']');
        return v;
    }

    TckValue path() {
        TckValue v;
        v.kind = TckValue::Kind::Path;
        expect('<');
        v.items.push_back(node());
        while (!accept('>')) {
            bool backward = accept('<');
            expect('-');
            TckValue r = rel();
            expect('-');
            bool forward = accept('>');
            if (backward == forward)
                fail("a path relationship needs one direction");
            r.flag = forward;
            v.items.push_back(std::move(r));
            v.items.push_back(node());
        }
        return v;
    }

    TckValue string() {
        char q = t_[p_++];
        std::string s;
        while (true) {
            if (p_ >= t_.size())
                fail("unterminated string");
            char c = t_[p_++];
            if (c == q)
                break;
            if (c == '\\' && p_ < t_.size()) {
                char e = t_[p_++];
                switch (e) {
                case 'n':
                    s += '\n';
                    break;
                case 't':
                    s += '\t';
                    break;
                case 'r':
                    s += '\r';
                    break;
                case 'b':
                    s += '\b';
                    break;
                case 'f':
                    s += '\f';
                    break;
                default:
                    s += e;
                }
                continue;
            }
            s += c;
        }
        TckValue v;
        v.kind = TckValue::Kind::String;
        v.s = std::move(s);
        return v;
    }

    TckValue number() {
        std::size_t b = p_;
        if (t_[p_] == '-' || t_[p_] == '+')
            ++p_;
        if (t_.compare(p_, 8, "Infinity") == 0) {
            p_ += 8;
            TckValue v;
            v.kind = TckValue::Kind::Float;
            v.d = t_[b] == '-' ? -std::numeric_limits<double>::infinity()
                               : std::numeric_limits<double>::infinity();
            return v;
        }
        bool isFloat = false;
        while (p_ < t_.size()) {
            char c = t_[p_];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++p_;
            } else if (c == '.' || c == 'e' || c == 'E') {
                isFloat = true;
                ++p_;
                if ((c == 'e' || c == 'E') && p_ < t_.size() && (t_[p_] == '-' || t_[p_] == '+'))
                    ++p_;
            } else {
                break;
            }
        }
        std::string text = t_.substr(b, p_ - b);
        TckValue v;
        try {
            if (isFloat) {
                v.kind = TckValue::Kind::Float;
                v.d = std::stod(text);
            } else {
                v.kind = TckValue::Kind::Int;
                v.i = std::stoll(text);
            }
        } catch (const std::exception&) {
            fail("bad number");
        }
        return v;
    }

public:
    TckValue value() {
        ws();
        if (p_ >= t_.size())
            fail("expected a value");
        char c = t_[p_];
        TckValue v;
        if (acceptWord("null"))
            return v;
        if (acceptWord("true")) {
            v.kind = TckValue::Kind::Bool;
            v.flag = true;
            return v;
        }
        if (acceptWord("false")) {
            v.kind = TckValue::Kind::Bool;
            return v;
        }
        if (acceptWord("NaN")) {
            v.kind = TckValue::Kind::Float;
            v.d = std::numeric_limits<double>::quiet_NaN();
            return v;
        }
        if (c == '\'' || c == '"')
            return string();
        if (c == '-' || c == '+' || std::isdigit(static_cast<unsigned char>(c)) ||
            t_.compare(p_, 8, "Infinity") == 0)
            return number();
        if (c == '(')
            return node();
        if (c == '<')
            return path();
        if (c == '{') {
            v.kind = TckValue::Kind::Map;
            v.map = mapBody();
            return v;
        }
        if (c == '[') {
            std::size_t save = p_;
            ++p_;
            ws();
            if (p_ < t_.size() && t_[p_] == ':') {
                p_ = save;
                return rel();
            }
            v.kind = TckValue::Kind::List;
            if (accept(']'))
                return v;
            do
                v.items.push_back(value());
            while (accept(','));
            expect(']');
            return v;
        }
        fail("unexpected character");
    }
};

std::string formatDouble(double d) {
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d < 0 ? "-Infinity" : "Infinity";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
}

std::string quote(const std::string& s) {
    std::string o = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\')
            o += '\\';
        o += c;
    }
    return o + "'";
}

std::string canonicalMap(const std::map<std::string, TckValue>& m, bool unordered) {
    std::string o = "{";
    bool first = true;
    for (const auto& [k, v] : m) {
        if (!first)
            o += ", ";
        first = false;
        o += quote(k) + ": " + canonical(v, unordered);
    }
    return o + "}";
}

TckValue fromProperties(const graph::PropertyMap& props) {
    TckValue m;
    m.kind = TckValue::Kind::Map;
    for (const auto& [k, v] : props)
        m.map[k] = fromEngine(query::Value::fromStored(v));
    return m;
}

} // namespace

TckValue parseTckValue(const std::string& text) {
    return Reader(text).parseAll();
}

TckValue fromEngine(const query::Value& value) {
    using K = query::Value::Kind;
    TckValue v;
    switch (value.kind()) {
    case K::Null:
        return v;
    case K::Bool:
        v.kind = TckValue::Kind::Bool;
        v.flag = value.asBool();
        return v;
    case K::Int:
        v.kind = TckValue::Kind::Int;
        v.i = value.asInt();
        return v;
    case K::Double:
        v.kind = TckValue::Kind::Float;
        v.d = value.asDouble();
        return v;
    case K::String:
        v.kind = TckValue::Kind::String;
        v.s = value.asString();
        return v;
    case K::List:
        v.kind = TckValue::Kind::List;
        for (const auto& e : value.asList())
            v.items.push_back(fromEngine(e));
        return v;
    case K::Map:
        v.kind = TckValue::Kind::Map;
        for (const auto& [k, e] : value.asMap())
            v.map[k] = fromEngine(e);
        return v;
    case K::Node: {
        v.kind = TckValue::Kind::Node;
        const auto& n = value.asNode();
        if (!n.data)
            throw std::runtime_error("a node was returned without its labels and properties");
        v.labels = n.data->labels;
        v.map = fromProperties(n.data->properties).map;
        return v;
    }
    case K::Rel: {
        v.kind = TckValue::Kind::Rel;
        const auto& r = value.asRel();
        if (!r.data)
            throw std::runtime_error("a relationship was returned without its properties");
        v.s = r.data->type;
        v.map = fromProperties(r.data->properties).map;
        return v;
    }
    case K::Path: {
        v.kind = TckValue::Kind::Path;
        const auto& p = value.asPath();
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            v.items.push_back(fromEngine(query::Value(p.nodes[i])));
            if (i < p.relationships.size()) {
                TckValue r = fromEngine(query::Value(p.relationships[i]));
                r.flag = p.relationships[i].start == p.nodes[i].id;
                v.items.push_back(std::move(r));
            }
        }
        return v;
    }
    case K::Temporal: // the TCK writes temporal values as their ISO 8601 text
        v.kind = TckValue::Kind::String;
        v.s = graph::formatTemporal(value.asTemporal());
        return v;
    }
    return v;
}

query::Value toEngine(const TckValue& v) {
    switch (v.kind) {
    case TckValue::Kind::Null:
        return query::Value();
    case TckValue::Kind::Bool:
        return query::Value(v.flag);
    case TckValue::Kind::Int:
        return query::Value(v.i);
    case TckValue::Kind::Float:
        return query::Value(v.d);
    case TckValue::Kind::String:
        return query::Value(v.s);
    case TckValue::Kind::List: {
        query::List l;
        for (const auto& e : v.items)
            l.push_back(toEngine(e));
        return query::Value(std::move(l));
    }
    case TckValue::Kind::Map: {
        query::Map m;
        for (const auto& [k, e] : v.map)
            m[k] = toEngine(e);
        return query::Value(std::move(m));
    }
    default:
        throw std::runtime_error("a node, relationship or path cannot be a parameter");
    }
}

std::string canonical(const TckValue& v, bool unordered) {
    switch (v.kind) {
    case TckValue::Kind::Null:
        return "null";
    case TckValue::Kind::Bool:
        return v.flag ? "true" : "false";
    case TckValue::Kind::Int:
        return std::to_string(v.i);
    case TckValue::Kind::Float:
        return "f" + formatDouble(v.d);
    case TckValue::Kind::String:
        return quote(v.s);
    case TckValue::Kind::List: {
        std::vector<std::string> items;
        for (const auto& e : v.items)
            items.push_back(canonical(e, unordered));
        if (unordered)
            std::sort(items.begin(), items.end());
        std::string o = "[";
        for (std::size_t i = 0; i < items.size(); ++i)
            o += (i ? ", " : "") + items[i];
        return o + "]";
    }
    case TckValue::Kind::Map:
        return canonicalMap(v.map, unordered);
    case TckValue::Kind::Node: {
        std::vector<std::string> labels = v.labels;
        std::sort(labels.begin(), labels.end());
        std::string o = "(";
        for (const auto& l : labels)
            o += ":" + quote(l);
        return o + " " + canonicalMap(v.map, unordered) + ")";
    }
    case TckValue::Kind::Rel:
        return "[:" + quote(v.s) + " " + canonicalMap(v.map, unordered) + "]";
    case TckValue::Kind::Path: {
        std::string o = "<";
        for (const auto& e : v.items) {
            if (e.kind == TckValue::Kind::Rel)
                o += (e.flag ? "-" : "<-") + canonical(e, unordered) + (e.flag ? "->" : "-");
            else
                o += canonical(e, unordered);
        }
        return o + ">";
    }
    }
    return "?";
}

std::string canonicalStored(const graph::Value& value) {
    return canonical(fromEngine(query::Value::fromStored(value)), false);
}

} // namespace innograph::tck
