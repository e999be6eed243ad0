// ISO 8601 text of temporal values, in the shape Neo4j prints (java.time's): seconds shown only
// when not zero, fractions in groups of three digits, "Z" for UTC.

#include "innograph/graph/value.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace innograph::graph {
namespace {

std::string twoDigits(long long v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02lld", v);
    return buf;
}

std::string date(std::int64_t days) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    int y = static_cast<int>(ymd.year());
    char buf[32];
    if (y >= 0 && y <= 9999)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day()));
    else
        std::snprintf(buf, sizeof buf, "%+05d-%02u-%02u", y, static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day()));
    return buf;
}

// 123000000 -> ".123", 12 -> ".000000012", 0 -> "".
std::string fraction(std::int32_t nanos) {
    if (nanos == 0)
        return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%09d", nanos);
    std::string s(buf);
    if (nanos % 1000000 == 0)
        s.resize(3);
    else if (nanos % 1000 == 0)
        s.resize(6);
    return "." + s;
}

std::string timeOfDay(std::int64_t seconds, std::int32_t nanos) {
    std::string out = twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60);
    if (seconds % 60 != 0 || nanos != 0)
        out += ":" + twoDigits(seconds % 60) + fraction(nanos);
    return out;
}

std::string offset(std::int32_t seconds) {
    if (seconds == 0)
        return "Z";
    std::string out = seconds < 0 ? "-" : "+";
    long long a = std::llabs(seconds);
    out += twoDigits(a / 3600) + ":" + twoDigits(a / 60 % 60);
    if (a % 60 != 0)
        out += ":" + twoDigits(a % 60);
    return out;
}

std::string duration(const Temporal& t) {
    std::string out = "P";
    if (t.months / 12 != 0)
        out += std::to_string(t.months / 12) + "Y";
    if (t.months % 12 != 0)
        out += std::to_string(t.months % 12) + "M";
    if (t.days != 0)
        out += std::to_string(t.days) + "D";
    // seconds + nanos/1e9 with nanos in [0, 1e9): print the signed total.
    std::int64_t secs = t.seconds;
    std::int32_t nanos = t.nanos;
    bool negative = secs < 0;
    if (negative && nanos > 0) {
        secs += 1;
        nanos = 1000000000 - nanos;
    }
    std::int64_t hours = secs / 3600, minutes = secs / 60 % 60, rest = secs % 60;
    if (hours != 0 || minutes != 0 || rest != 0 || nanos != 0) {
        out += "T";
        if (hours != 0)
            out += std::to_string(hours) + "H";
        if (minutes != 0)
            out += std::to_string(minutes) + "M";
        if (rest != 0 || nanos != 0) {
            if (negative && rest == 0)
                out += "-";
            out += std::to_string(rest);
            if (nanos != 0) {
                std::string f = fraction(nanos);
                while (f.back() == '0')
                    f.pop_back();
                out += f;
            }
            out += "S";
        }
    }
    return out == "P" ? "PT0S" : out;
}

} // namespace

std::string formatTemporal(const Temporal& t) {
    switch (t.type) {
    case TemporalType::Date:
        return date(t.days);
    case TemporalType::LocalTime:
        return timeOfDay(t.seconds, t.nanos);
    case TemporalType::Time:
        return timeOfDay(t.seconds, t.nanos) + offset(t.offsetSeconds);
    case TemporalType::LocalDateTime:
        return date(t.days) + "T" + timeOfDay(t.seconds, t.nanos);
    case TemporalType::DateTime:
        return date(t.days) + "T" + timeOfDay(t.seconds, t.nanos) + offset(t.offsetSeconds);
    case TemporalType::Duration:
        return duration(t);
    }
    return "";
}

const char* temporalTypeName(TemporalType type) {
    switch (type) {
    case TemporalType::Date:
        return "DATE";
    case TemporalType::LocalTime:
        return "LOCAL TIME";
    case TemporalType::Time:
        return "ZONED TIME";
    case TemporalType::LocalDateTime:
        return "LOCAL DATETIME";
    case TemporalType::DateTime:
        return "ZONED DATETIME";
    case TemporalType::Duration:
        return "DURATION";
    }
    return "TEMPORAL";
}

} // namespace innograph::graph
