// The built-in scalar functions. Strings are measured and cut in code points; case mapping is
// the text layer's (ICU's), so it is right beyond ASCII, and so is trimming's white space.

#include "executor/expression_evaluator.h"

#include "common/temporal.h"
#include "common/value_ops.h"
#include "innograph/text/unicode.h"

#include <charconv>
#include <cmath>
#include <random>

namespace innograph::query {

namespace {

// The details are openCypher's: a value of the wrong type is InvalidArgumentType, a value of the
// right type that cannot be used (converted, looked up) InvalidArgumentValue.
[[noreturn]] void argError(const BoundExpression& e, const std::string& what,
                           const char* detail = "InvalidArgumentValue") {
    throw QueryError(ErrorCode::ArgumentError, what, e.pos, detail);
}
[[noreturn]] void typeError(const BoundExpression& e, const std::string& what,
                            const char* detail = "InvalidArgumentType") {
    throw QueryError(ErrorCode::TypeError, what, e.pos, detail);
}

std::string fname(const BoundExpression& e) {
    auto it = e.text.find('(');
    return it == std::string::npos ? e.text : e.text.substr(0, it);
}

const std::string& needString(const BoundExpression& e, const Value& v) {
    if (!v.isString())
        typeError(e, fname(e) + "() expects a STRING, not " + v.typeName());
    return v.asString();
}
std::int64_t needInt(const BoundExpression& e, const Value& v) {
    if (!v.isInt())
        typeError(e, fname(e) + "() expects an INTEGER, not " + v.typeName());
    return v.asInt();
}

// Numbers in text may be padded with white space (the text layer's: ASCII, ideographic, no-break).
Value parseInteger(const std::string& s) {
    const std::string t(text::trim(std::string_view(s)));
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec == std::errc() && p == t.data() + t.size())
        return Value(v);
    char* end = nullptr;
    double d = std::strtod(t.c_str(), &end);
    if (!t.empty() && end == t.c_str() + t.size() && std::isfinite(d) && std::fabs(d) < 9.2e18)
        return Value(static_cast<std::int64_t>(d));
    return Value();
}

Value parseFloat(const std::string& padded) {
    const std::string s(text::trim(std::string_view(padded)));
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size())
        return Value();
    return Value(d);
}

std::string caseMap(const std::string& s, bool upper) {
    return upper ? text::toUpper(s) : text::toLower(s);
}

// The temporal type a constructor (date(), duration(), …) or truncation (date.truncate(), …)
// makes.
graph::TemporalType temporalTypeOf(FunctionId f) {
    using TT = graph::TemporalType;
    switch (f) {
    case FunctionId::Date:
    case FunctionId::TruncateDate:
        return TT::Date;
    case FunctionId::LocalTime:
    case FunctionId::TruncateLocalTime:
        return TT::LocalTime;
    case FunctionId::Time:
    case FunctionId::TruncateTime:
        return TT::Time;
    case FunctionId::LocalDateTime:
    case FunctionId::TruncateLocalDateTime:
        return TT::LocalDateTime;
    case FunctionId::DateTime:
    case FunctionId::TruncateDateTime:
        return TT::DateTime;
    default:
        return TT::Duration;
    }
}

} // namespace

Value callFunction(const BoundExpression& e, std::vector<Value>& args, ExecContext& ctx) {
    if (e.function == FunctionId::MatchesProperties) {
        const Value& n = args[0];
        const Value& p = args[1];
        if (n.isNull() || p.isNull())
            return Value(false);
        if (!n.isNode())
            return Value(false);
        auto id = n.asNode().id;
        if (p.isString()) {
            auto want = graph::normalizeName(p.asString());
            Value name = ctx.nodeProperty(id, "name");
            if (name.isString() && graph::normalizeName(name.asString()) == want)
                return Value(true);
            Value aliases = ctx.nodeProperty(id, "aliases");
            if (aliases.isList())
                for (const auto& a : aliases.asList())
                    if (a.isString() && graph::normalizeName(a.asString()) == want)
                        return Value(true);
            return Value(false);
        }
        if (p.isMap()) {
            for (const auto& [k, v] : p.asMap())
                if (!passes(equalsTernary(ctx.nodeProperty(id, k), v)))
                    return Value(false);
            return Value(true);
        }
        typeError(e, std::string("A node pattern parameter must be a MAP or a STRING, not ") +
                         p.typeName());
    }

    static const Value kNull;
    const Value& a0 = args.empty() ? kNull : args[0];
    switch (e.function) {
    case FunctionId::Coalesce:
        for (auto& a : args)
            if (!a.isNull())
                return a;
        return Value();
    case FunctionId::Exists:
        return Value(!a0.isNull());
    case FunctionId::Date:
    case FunctionId::LocalTime:
    case FunctionId::Time:
    case FunctionId::LocalDateTime:
    case FunctionId::DateTime:
    case FunctionId::Duration: {
        auto type = temporalTypeOf(e.function);
        if (args.empty())
            return currentTemporal(type, ctx.statementTime);
        return constructTemporal(type, a0, e.pos);
    }
    case FunctionId::TruncateDate:
    case FunctionId::TruncateLocalTime:
    case FunctionId::TruncateTime:
    case FunctionId::TruncateLocalDateTime:
    case FunctionId::TruncateDateTime: {
        return truncateTemporal(temporalTypeOf(e.function), a0, args.at(1),
                                args.size() > 2 ? &args[2] : nullptr, e.pos);
    }
    case FunctionId::DurationBetween:
        return durationBetween('B', a0, args.at(1), e.pos);
    case FunctionId::DurationInMonths:
        return durationBetween('M', a0, args.at(1), e.pos);
    case FunctionId::DurationInDays:
        return durationBetween('D', a0, args.at(1), e.pos);
    case FunctionId::DurationInSeconds:
        return durationBetween('S', a0, args.at(1), e.pos);
    case FunctionId::DateTimeFromEpoch:
        return dateTimeFromEpoch(a0, args.at(1), e.pos);
    case FunctionId::DateTimeFromEpochMillis:
        if (a0.isNull())
            return Value();
        if (!a0.isInt())
            throw QueryError(ErrorCode::TypeError,
                             std::string("datetime.fromepochmillis expects an INTEGER, not ") +
                                 a0.typeName(),
                             e.pos, "InvalidArgumentType");
        return dateTimeFromEpoch(Value(a0.asInt() / 1000 - (a0.asInt() % 1000 < 0 ? 1 : 0)),
                                 Value((a0.asInt() % 1000 + 1000) % 1000 * 1000000), e.pos);
    case FunctionId::Rand: {
        thread_local std::mt19937_64 engine{std::random_device{}()};
        return Value(std::uniform_real_distribution<double>(0.0, 1.0)(engine));
    }
    default:
        break;
    }
    // Every other function returns null for a null first argument.
    if (a0.isNull())
        return Value();

    switch (e.function) {
    case FunctionId::Id:
        if (a0.isNode())
            return Value(static_cast<std::int64_t>(a0.asNode().id));
        if (a0.isRel())
            return Value(static_cast<std::int64_t>(a0.asRel().id));
        typeError(e, std::string("id() expects a NODE or RELATIONSHIP, not ") + a0.typeName());
    case FunctionId::Labels: {
        if (!a0.isNode())
            typeError(e, std::string("labels() expects a NODE, not ") + a0.typeName());
        List out;
        for (const auto& l : ctx.nodeLabels(a0.asNode().id))
            out.emplace_back(l);
        return Value(std::move(out));
    }
    case FunctionId::Type:
        if (!a0.isRel())
            typeError(e, std::string("type() expects a RELATIONSHIP, not ") + a0.typeName(),
                      "InvalidArgumentValue");
        return Value(ctx.typeName(a0.asRel().type));
    case FunctionId::Properties:
    case FunctionId::Keys: {
        Map props;
        if (a0.isMap()) {
            props = a0.asMap();
        } else if (a0.isNode()) {
            auto n = ctx.node(a0.asNode().id);
            if (n)
                for (const auto& [k, v] : n->properties)
                    props.emplace(k, Value::fromStored(v));
        } else if (a0.isRel()) {
            auto r = ctx.relationship(a0.asRel().id);
            if (r)
                for (const auto& [k, v] : r->properties)
                    props.emplace(k, Value::fromStored(v));
        } else {
            typeError(e, fname(e) + "() expects a NODE, RELATIONSHIP or MAP, not " + a0.typeName());
        }
        if (e.function == FunctionId::Properties)
            return Value(std::move(props));
        List keys;
        for (const auto& [k, v] : props)
            keys.emplace_back(k);
        return Value(std::move(keys));
    }
    case FunctionId::Size:
        if (a0.isList())
            return Value(static_cast<std::int64_t>(a0.asList().size()));
        if (a0.isString())
            return Value(static_cast<std::int64_t>(text::codePointCount(a0.asString())));
        if (a0.isMap())
            return Value(static_cast<std::int64_t>(a0.asMap().size()));
        typeError(e, std::string("size() expects a LIST or STRING, not ") + a0.typeName());
    case FunctionId::Length:
        if (a0.isPath())
            return Value(static_cast<std::int64_t>(a0.asPath().relationships.size()));
        if (a0.isString())
            return Value(static_cast<std::int64_t>(text::codePointCount(a0.asString())));
        if (a0.isList())
            return Value(static_cast<std::int64_t>(a0.asList().size()));
        typeError(e, std::string("length() expects a PATH, not ") + a0.typeName());
    case FunctionId::Nodes: {
        if (!a0.isPath())
            typeError(e, std::string("nodes() expects a PATH, not ") + a0.typeName());
        List out;
        for (const auto& n : a0.asPath().nodes)
            out.emplace_back(n);
        return Value(std::move(out));
    }
    case FunctionId::Relationships: {
        if (!a0.isPath())
            typeError(e, std::string("relationships() expects a PATH, not ") + a0.typeName());
        List out;
        for (const auto& r : a0.asPath().relationships)
            out.emplace_back(r);
        return Value(std::move(out));
    }
    case FunctionId::StartNode:
    case FunctionId::EndNode:
        if (!a0.isRel())
            typeError(e, fname(e) + "() expects a RELATIONSHIP, not " + a0.typeName());
        return Value(NodeRef{
            e.function == FunctionId::StartNode ? a0.asRel().start : a0.asRel().end, nullptr});
    case FunctionId::ToString:
        if (a0.isString())
            return a0;
        if (a0.isNumber() || a0.isBool() || a0.isTemporal())
            return Value(toDisplayString(a0));
        typeError(e, std::string("toString() cannot convert a ") + a0.typeName(),
                  "InvalidArgumentValue");
    case FunctionId::ToInteger:
        if (a0.isInt())
            return a0;
        if (a0.isDouble()) {
            double d = a0.asDouble();
            if (!std::isfinite(d) || std::fabs(d) >= 9.2e18)
                return Value();
            return Value(static_cast<std::int64_t>(d));
        }
        if (a0.isBool())
            return Value(static_cast<std::int64_t>(a0.asBool() ? 1 : 0));
        if (a0.isString())
            return parseInteger(a0.asString());
        typeError(e, std::string("toInteger() cannot convert a ") + a0.typeName(),
                  "InvalidArgumentValue");
    case FunctionId::ToFloat:
        if (a0.isDouble())
            return a0;
        if (a0.isInt())
            return Value(static_cast<double>(a0.asInt()));
        if (a0.isString())
            return parseFloat(a0.asString());
        typeError(e, std::string("toFloat() cannot convert a ") + a0.typeName(),
                  "InvalidArgumentValue");
    case FunctionId::ToBoolean:
        if (a0.isBool())
            return a0;
        if (a0.isString()) {
            auto s = caseMap(a0.asString(), false);
            if (s == "true")
                return Value(true);
            if (s == "false")
                return Value(false);
            return Value();
        }
        if (a0.isInt())
            return Value(a0.asInt() != 0);
        typeError(e, std::string("toBoolean() cannot convert a ") + a0.typeName(),
                  "InvalidArgumentValue");
    case FunctionId::ToLower:
        return Value(caseMap(needString(e, a0), false));
    case FunctionId::ToUpper:
        return Value(caseMap(needString(e, a0), true));
    case FunctionId::Substring: {
        auto s = text::decodeUtf8(needString(e, a0));
        if (args[1].isNull() || (args.size() > 2 && args[2].isNull()))
            return Value();
        auto start = needInt(e, args[1]);
        if (start < 0)
            argError(e, "substring() start must not be negative");
        auto len = args.size() > 2 ? needInt(e, args[2]) : static_cast<std::int64_t>(s.size());
        if (len < 0)
            argError(e, "substring() length must not be negative");
        if (static_cast<std::size_t>(start) >= s.size())
            return Value(std::string());
        return Value(text::encodeUtf8(std::u32string_view(s).substr(
            static_cast<std::size_t>(start), static_cast<std::size_t>(len))));
    }
    case FunctionId::Left:
    case FunctionId::Right: {
        auto s = text::decodeUtf8(needString(e, a0));
        if (args[1].isNull())
            argError(e, fname(e) + "() length must not be null");
        auto n = needInt(e, args[1]);
        if (n < 0)
            argError(e, fname(e) + "() length must not be negative");
        auto k = std::min<std::size_t>(static_cast<std::size_t>(n), s.size());
        return Value(text::encodeUtf8(e.function == FunctionId::Left ? s.substr(0, k)
                                                                     : s.substr(s.size() - k)));
    }
    case FunctionId::Trim:
    case FunctionId::LTrim:
    case FunctionId::RTrim: {
        auto s = text::decodeUtf8(needString(e, a0));
        std::size_t b = 0, t = s.size();
        if (e.function != FunctionId::RTrim)
            while (b < t && text::isWhiteSpace(s[b]))
                ++b;
        if (e.function != FunctionId::LTrim)
            while (t > b && text::isWhiteSpace(s[t - 1]))
                --t;
        return Value(text::encodeUtf8(s.substr(b, t - b)));
    }
    case FunctionId::Replace: {
        if (args[1].isNull() || args[2].isNull())
            return Value();
        std::string s = needString(e, a0);
        const auto& from = needString(e, args[1]);
        const auto& to = needString(e, args[2]);
        if (from.empty())
            return Value(s);
        std::string out;
        std::size_t pos = 0;
        for (auto hit = s.find(from); hit != std::string::npos; hit = s.find(from, pos)) {
            out.append(s, pos, hit - pos);
            out += to;
            pos = hit + from.size();
        }
        out.append(s, pos);
        return Value(out);
    }
    case FunctionId::Split: {
        if (args[1].isNull())
            return Value();
        const auto& s = needString(e, a0);
        const auto& d = needString(e, args[1]);
        List out;
        if (d.empty()) {
            for (char32_t c : text::decodeUtf8(s))
                out.emplace_back(text::encodeUtf8(std::u32string(1, c)));
            return Value(std::move(out));
        }
        std::size_t pos = 0;
        for (auto hit = s.find(d); hit != std::string::npos; hit = s.find(d, pos)) {
            out.emplace_back(s.substr(pos, hit - pos));
            pos = hit + d.size();
        }
        out.emplace_back(s.substr(pos));
        return Value(std::move(out));
    }
    case FunctionId::Head:
    case FunctionId::Last:
    case FunctionId::Tail: {
        if (!a0.isList())
            typeError(e, fname(e) + "() expects a LIST, not " + a0.typeName());
        const auto& l = a0.asList();
        if (e.function == FunctionId::Tail)
            return Value(l.empty() ? List{} : List(l.begin() + 1, l.end()));
        if (l.empty())
            return Value();
        return e.function == FunctionId::Head ? l.front() : l.back();
    }
    case FunctionId::Reverse:
        if (a0.isList())
            return Value(List(a0.asList().rbegin(), a0.asList().rend()));
        if (a0.isString()) {
            auto s = text::decodeUtf8(a0.asString());
            return Value(text::encodeUtf8(std::u32string(s.rbegin(), s.rend())));
        }
        typeError(e, std::string("reverse() expects a LIST or STRING, not ") + a0.typeName());
    case FunctionId::Range: {
        if (args[1].isNull() || (args.size() > 2 && args[2].isNull()))
            argError(e, "range() bounds must not be null");
        for (const auto& a : args)
            if (!a.isInt())
                argError(e, std::string("range() expects INTEGERs, not ") + a.typeName(),
                         "InvalidArgumentType");
        auto from = needInt(e, a0), to = needInt(e, args[1]);
        auto step = args.size() > 2 ? needInt(e, args[2]) : 1;
        if (step == 0)
            argError(e, "range() step must not be zero", "NumberOutOfRange");
        // Division, not a loop count, so huge ranges are refused before allocating.
        double n = std::floor((static_cast<double>(to) - static_cast<double>(from)) /
                              static_cast<double>(step)) +
                   1;
        if (n > 10'000'000)
            throw QueryError(ErrorCode::LimitExceeded,
                             "range() would produce more than 10000000 elements", e.pos);
        List out;
        if (n > 0) {
            out.reserve(static_cast<std::size_t>(n));
            for (std::int64_t i = from; step > 0 ? i <= to : i >= to; i += step) {
                out.emplace_back(i);
                if ((step > 0 && i > to - step) || (step < 0 && i < to - step))
                    break;
            }
        }
        return Value(std::move(out));
    }
    case FunctionId::Abs:
        if (a0.isInt()) {
            if (a0.asInt() == std::numeric_limits<std::int64_t>::min())
                argError(e, "Integer overflow");
            return Value(a0.asInt() < 0 ? -a0.asInt() : a0.asInt());
        }
        if (a0.isDouble())
            return Value(std::fabs(a0.asDouble()));
        typeError(e, std::string("abs() expects a number, not ") + a0.typeName());
    case FunctionId::Sign:
        if (!a0.isNumber())
            typeError(e, std::string("sign() expects a number, not ") + a0.typeName());
        return Value(static_cast<std::int64_t>(a0.asNumber() > 0 ? 1 : a0.asNumber() < 0 ? -1 : 0));
    case FunctionId::Ceil:
    case FunctionId::Floor:
    case FunctionId::Round:
    case FunctionId::Sqrt: {
        if (!a0.isNumber())
            typeError(e, fname(e) + "() expects a number, not " + a0.typeName());
        double d = a0.asNumber();
        switch (e.function) {
        case FunctionId::Ceil:
            return Value(std::ceil(d));
        case FunctionId::Floor:
            return Value(std::floor(d));
        case FunctionId::Round:
            return Value(std::floor(d + 0.5));
        default:
            return Value(std::sqrt(d));
        }
    }
    default:
        break;
    }
    throw QueryError(ErrorCode::SemanticError, "Function not available here: " + e.text, e.pos);
}

} // namespace innograph::query
