#include "common/temporal.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>
#include <tuple>

namespace innograph::query {
namespace {

using graph::Temporal;
using graph::TemporalType;
using TT = TemporalType;

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kNanosPerSecond = 1000000000;
// openCypher's average month (365.2425 / 12 days), for fractions of months.
constexpr double kDaysPerMonth = 30.436875;

[[noreturn]] void badValue(const std::string& what, SourcePos pos) {
    throw QueryError(ErrorCode::ArgumentError, what, pos, "InvalidArgumentValue");
}

bool hasDate(TT t) {
    return t == TT::Date || t == TT::LocalDateTime || t == TT::DateTime;
}
bool hasTime(TT t) {
    return t == TT::LocalTime || t == TT::Time || t == TT::LocalDateTime || t == TT::DateTime;
}
bool hasOffset(TT t) {
    return t == TT::Time || t == TT::DateTime;
}

Temporal durationOf(std::int64_t months, std::int64_t days, std::int64_t seconds,
                    std::int64_t nanos) {
    Temporal d;
    d.type = TT::Duration;
    d.months = months;
    d.days = days;
    d.seconds = seconds;
    d.nanos = static_cast<std::int32_t>(nanos);
    return d;
}

// ---- calendar ----

std::optional<std::int64_t> daysFromCivil(std::int64_t y, std::int64_t m, std::int64_t d) {
    if (y < -999999 || y > 999999 || m < 1 || m > 12 || d < 1 || d > 31)
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(y)},
                                    std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

struct Civil {
    std::int64_t year, month, day;
};

Civil civil(std::int64_t days) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day())};
}

std::int64_t daysInMonth(std::int64_t y, std::int64_t m) {
    std::chrono::year_month_day_last last{
        std::chrono::year{static_cast<int>(y)},
        std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(m)}}};
    return static_cast<unsigned>(last.day());
}

// ISO day of week: Monday 1 ... Sunday 7 (1970-01-01 was a Thursday).
std::int64_t dayOfWeek(std::int64_t days) {
    return ((days % 7 + 7 + 3) % 7) + 1;
}

// The Monday of ISO week 1 of a week-based year (the week holding January 4th).
std::int64_t weekOneMonday(std::int64_t weekYear) {
    std::int64_t jan4 = *daysFromCivil(weekYear, 1, 4);
    return jan4 - (dayOfWeek(jan4) - 1);
}

struct IsoWeek {
    std::int64_t weekYear, week;
};

IsoWeek isoWeek(std::int64_t days) {
    std::int64_t thursday = days - (dayOfWeek(days) - 1) + 3;
    std::int64_t y = civil(thursday).year;
    return {y, (thursday - weekOneMonday(y)) / 7 + 1};
}

std::int64_t addMonths(std::int64_t days, std::int64_t months) {
    Civil c = civil(days);
    std::int64_t total = c.year * 12 + (c.month - 1) + months;
    std::int64_t y = total >= 0 ? total / 12 : -((-total + 11) / 12);
    std::int64_t m = total - y * 12 + 1;
    std::int64_t d = std::min(c.day, daysInMonth(y, m));
    auto r = daysFromCivil(y, m, d);
    if (!r)
        throw QueryError(ErrorCode::ArgumentError, "Date out of range", {}, "InvalidArgumentValue");
    return *r;
}

// ---- text ----

class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}
    bool done() const { return i_ >= s_.size(); }
    char peek() const { return done() ? '\0' : s_[i_]; }
    bool eat(char c) {
        if (peek() != c)
            return false;
        ++i_;
        return true;
    }
    // Exactly n digits.
    std::optional<std::int64_t> digits(std::size_t n) {
        if (i_ + n > s_.size())
            return std::nullopt;
        std::int64_t v = 0;
        for (std::size_t k = 0; k < n; ++k) {
            char c = s_[i_ + k];
            if (c < '0' || c > '9')
                return std::nullopt;
            v = v * 10 + (c - '0');
        }
        i_ += n;
        return v;
    }
    std::size_t digitRun() const {
        std::size_t n = 0;
        while (i_ + n < s_.size() && s_[i_ + n] >= '0' && s_[i_ + n] <= '9')
            ++n;
        return n;
    }
    std::string_view rest() const { return s_.substr(std::min(i_, s_.size())); }
    void skip(std::size_t n) { i_ += n; }

private:
    std::string_view s_;
    std::size_t i_ = 0;
};

std::optional<std::int64_t> parseDate(Scanner& in) {
    std::int64_t sign = 1;
    std::optional<std::int64_t> year;
    if (in.peek() == '+' || in.peek() == '-') {
        sign = in.peek() == '-' ? -1 : 1;
        in.skip(1);
        std::size_t n = in.digitRun();
        if (n < 4 || n > 9)
            return std::nullopt;
        year = in.digits(n);
    } else {
        year = in.digits(4);
    }
    if (!year)
        return std::nullopt;
    std::int64_t y = sign * *year;
    if (in.done() || in.peek() == 'T')
        return daysFromCivil(y, 1, 1);
    bool dashed = in.eat('-');
    if (in.eat('W')) {
        auto week = in.digits(2);
        if (!week || *week < 1 || *week > 53)
            return std::nullopt;
        std::int64_t dow = 1;
        if (!in.done() && in.peek() != 'T') {
            if (dashed && !in.eat('-'))
                return std::nullopt;
            auto d = in.digits(1);
            if (!d || *d < 1 || *d > 7)
                return std::nullopt;
            dow = *d;
        }
        std::int64_t r = weekOneMonday(y) + (*week - 1) * 7 + (dow - 1);
        if (isoWeek(r).weekYear != y)
            return std::nullopt;
        return r;
    }
    std::size_t n = in.digitRun();
    if (n == 3 || n == 7) { // ordinal day: 2015-202 / 2015202
        if (n == 7 && dashed)
            return std::nullopt;
        auto ord = in.digits(3);
        auto start = daysFromCivil(y, 1, 1);
        if (!ord || !start || *ord < 1 || *ord > (daysInMonth(y, 2) == 29 ? 366 : 365))
            return std::nullopt;
        return *start + *ord - 1;
    }
    auto month = in.digits(2);
    if (!month)
        return std::nullopt;
    std::int64_t day = 1;
    if (!in.done() && in.peek() != 'T') {
        if (dashed && !in.eat('-'))
            return std::nullopt;
        auto d = in.digits(2);
        if (!d)
            return std::nullopt;
        day = *d;
    }
    return daysFromCivil(y, *month, day);
}

// HH[:MM[:SS[.fffffffff]]] or HH[MM[SS[.fff]]]; seconds of the day and nanoseconds.
bool parseTime(Scanner& in, std::int64_t* seconds, std::int32_t* nanos) {
    auto h = in.digits(2);
    if (!h || *h > 23)
        return false;
    std::int64_t m = 0, s = 0;
    std::int64_t frac = 0;
    bool colon = in.eat(':');
    if (colon || in.digitRun() >= 2) {
        auto mm = in.digits(2);
        if (!mm || *mm > 59)
            return false;
        m = *mm;
        bool colon2 = in.eat(':');
        if ((colon2 && colon) || (!colon && !colon2 && in.digitRun() >= 2)) {
            auto ss = in.digits(2);
            if (!ss || *ss > 59)
                return false;
            s = *ss;
            if (in.eat('.') || in.eat(',')) {
                std::size_t n = in.digitRun();
                if (n == 0 || n > 9)
                    return false;
                frac = *in.digits(n);
                for (std::size_t k = n; k < 9; ++k)
                    frac *= 10;
            }
        } else if (colon2) {
            return false;
        }
    }
    *seconds = *h * 3600 + m * 60 + s;
    *nanos = static_cast<std::int32_t>(frac);
    return true;
}

// Z, +HH, +HHMM, +HH:MM (and seconds); a [Zone/Name] suffix is refused.
bool parseOffset(Scanner& in, std::int32_t* offset, SourcePos pos) {
    if (in.eat('Z')) {
        *offset = 0;
    } else if (in.peek() == '+' || in.peek() == '-') {
        int sign = in.peek() == '-' ? -1 : 1;
        in.skip(1);
        auto h = in.digits(2);
        if (!h || *h > 18)
            return false;
        std::int64_t m = 0, s = 0;
        bool colon = in.eat(':');
        if (colon || in.digitRun() >= 2) {
            auto mm = in.digits(2);
            if (!mm || *mm > 59)
                return false;
            m = *mm;
            if ((colon && in.eat(':')) || (!colon && in.digitRun() == 2)) {
                auto ss = in.digits(2);
                if (!ss || *ss > 59)
                    return false;
                s = *ss;
            }
        }
        *offset = static_cast<std::int32_t>(sign * (*h * 3600 + m * 60 + s));
    } else {
        return false;
    }
    if (in.peek() == '[')
        badValue("Named time zones are not supported (use an offset such as +08:00): " +
                     std::string(in.rest()),
                 pos);
    return true;
}

std::int32_t zoneOffset(const Value& v, SourcePos pos) {
    if (!v.isString())
        badValue(std::string("A timezone must be a STRING, not ") + v.typeName(), pos);
    Scanner in(v.asString());
    std::int32_t offset = 0;
    if (!parseOffset(in, &offset, pos) || !in.done())
        badValue("Named time zones are not supported (use an offset such as +08:00): '" +
                     v.asString() + "'",
                 pos);
    return offset;
}

// P[nY][nM][nW][nD][T[nH][nM][n[.n]S]], numbers possibly negative or (the last) fractional.
std::optional<Temporal> parseDuration(std::string_view text) {
    Scanner in(text);
    int sign = 1;
    if (in.eat('-'))
        sign = -1;
    if (!in.eat('P'))
        return std::nullopt;
    double months = 0, days = 0, seconds = 0;
    bool inTime = false, any = false;
    while (!in.done()) {
        if (!inTime && in.eat('T')) {
            inTime = true;
            continue;
        }
        std::string_view rest = in.rest();
        std::size_t n = 0;
        if (n < rest.size() && (rest[n] == '-' || rest[n] == '+'))
            ++n;
        while (n < rest.size() &&
               ((rest[n] >= '0' && rest[n] <= '9') || rest[n] == '.' || rest[n] == ','))
            ++n;
        if (n == 0 || n >= rest.size())
            return std::nullopt;
        std::string number(rest.substr(0, n));
        for (auto& c : number)
            if (c == ',')
                c = '.';
        char* end = nullptr;
        double x = std::strtod(number.c_str(), &end);
        if (end != number.c_str() + number.size())
            return std::nullopt;
        char unit = rest[n];
        in.skip(n + 1);
        any = true;
        if (!inTime) {
            if (unit == 'Y')
                months += x * 12;
            else if (unit == 'M')
                months += x;
            else if (unit == 'W')
                days += x * 7;
            else if (unit == 'D')
                days += x;
            else
                return std::nullopt;
        } else {
            if (unit == 'H')
                seconds += x * 3600;
            else if (unit == 'M')
                seconds += x * 60;
            else if (unit == 'S')
                seconds += x;
            else
                return std::nullopt;
        }
    }
    if (!any)
        return std::nullopt;
    // Fractions cascade down: months to days, days to seconds.
    double wholeMonths = std::trunc(months);
    days += (months - wholeMonths) * kDaysPerMonth;
    double wholeDays = std::trunc(days);
    seconds += (days - wholeDays) * kSecondsPerDay;
    long double totalNanos = std::roundl(static_cast<long double>(seconds) * kNanosPerSecond);
    auto secs = static_cast<std::int64_t>(std::floor(totalNanos / kNanosPerSecond));
    Temporal t = durationOf(
        sign * static_cast<std::int64_t>(wholeMonths), sign * static_cast<std::int64_t>(wholeDays),
        secs,
        static_cast<std::int64_t>(totalNanos - static_cast<long double>(secs) * kNanosPerSecond));
    if (sign < 0) {
        t.seconds = -t.seconds - (t.nanos ? 1 : 0);
        t.nanos = t.nanos ? kNanosPerSecond - t.nanos : 0;
    }
    return t;
}

Temporal fromText(TT type, const std::string& text, SourcePos pos) {
    auto fail = [&]() -> Temporal {
        badValue(std::string("Text cannot be parsed to a ") + graph::temporalTypeName(type) +
                     ": '" + text + "'",
                 pos);
    };
    if (type == TT::Duration) {
        auto d = parseDuration(text);
        return d ? *d : fail();
    }
    Temporal t;
    t.type = type;
    Scanner in(text);
    if (hasDate(type)) {
        auto days = parseDate(in);
        if (!days)
            return fail();
        t.days = *days;
        if (in.done())
            return t;
        if (!in.eat('T') || type == TT::Date)
            return fail();
    }
    if (!parseTime(in, &t.seconds, &t.nanos))
        return fail();
    if (!in.done()) {
        std::int32_t offset = 0;
        if (!parseOffset(in, &offset, pos) || !in.done())
            return fail();
        if (hasOffset(type))
            t.offsetSeconds = offset;
    }
    return t;
}

// ---- maps ----

const Value* field(const Map& m, std::string_view key) {
    auto it = m.find(key);
    return it == m.end() || it->second.isNull() ? nullptr : &it->second;
}

std::int64_t integerField(const Map& m, std::string_view key, std::int64_t fallback,
                          std::int64_t lo, std::int64_t hi, SourcePos pos) {
    const Value* v = field(m, key);
    if (!v)
        return fallback;
    if (!v->isInt())
        badValue(std::string(key) + " must be an INTEGER, not " + v->typeName(), pos);
    if (v->asInt() < lo || v->asInt() > hi)
        badValue(std::string("Invalid value for ") + std::string(key) + ": " +
                     std::to_string(v->asInt()),
                 pos);
    return v->asInt();
}

std::int64_t dateFromMap(const Map& m, SourcePos pos) {
    if (const Value* d = field(m, "date")) {
        if (!d->isTemporal() || !hasDate(d->asTemporal().type))
            badValue("date must be a temporal value with a date", pos);
        // Components given beside it replace the date's own.
        const std::int64_t days = d->asTemporal().days;
        Civil c = civil(days);
        Map copy = m;
        copy.erase("date");
        if (field(copy, "week")) {
            // A week date: the date's week-based year and day of the week unless given.
            if (!field(copy, "year"))
                copy["year"] = Value(isoWeek(days).weekYear);
            if (!field(copy, "dayOfWeek"))
                copy["dayOfWeek"] = Value(dayOfWeek(days));
        } else if (field(copy, "quarter")) {
            if (!field(copy, "year"))
                copy["year"] = Value(c.year);
            if (!field(copy, "dayOfQuarter")) {
                std::int64_t q = (c.month - 1) / 3 + 1;
                copy["dayOfQuarter"] = Value(days - *daysFromCivil(c.year, (q - 1) * 3 + 1, 1) + 1);
            }
        } else {
            if (!field(copy, "year"))
                copy["year"] = Value(c.year);
            if (!field(copy, "month") && !field(copy, "ordinalDay"))
                copy["month"] = Value(c.month);
            if (!field(copy, "day") && field(copy, "month"))
                copy["day"] = Value(c.day);
        }
        return dateFromMap(copy, pos);
    }
    if (!field(m, "year"))
        badValue("A date needs at least a year", pos);
    std::int64_t y = integerField(m, "year", 0, -999999, 999999, pos);
    if (field(m, "week")) {
        std::int64_t w = integerField(m, "week", 1, 1, 53, pos);
        std::int64_t dow = integerField(m, "dayOfWeek", 1, 1, 7, pos);
        std::int64_t r = weekOneMonday(y) + (w - 1) * 7 + (dow - 1);
        if (isoWeek(r).weekYear != y)
            badValue("Invalid week " + std::to_string(w) + " of " + std::to_string(y), pos);
        return r;
    }
    if (field(m, "ordinalDay")) {
        std::int64_t o = integerField(m, "ordinalDay", 1, 1, 366, pos);
        if (o == 366 && daysInMonth(y, 2) != 29)
            badValue("Invalid ordinal day 366 of " + std::to_string(y), pos);
        return *daysFromCivil(y, 1, 1) + o - 1;
    }
    if (field(m, "quarter")) {
        std::int64_t q = integerField(m, "quarter", 1, 1, 4, pos);
        std::int64_t dq = integerField(m, "dayOfQuarter", 1, 1, 92, pos);
        std::int64_t start = *daysFromCivil(y, (q - 1) * 3 + 1, 1);
        std::int64_t next = q == 4 ? *daysFromCivil(y + 1, 1, 1) : *daysFromCivil(y, q * 3 + 1, 1);
        if (start + dq - 1 >= next)
            badValue("Invalid day " + std::to_string(dq) + " of quarter " + std::to_string(q), pos);
        return start + dq - 1;
    }
    std::int64_t mo = integerField(m, "month", 1, 1, 12, pos);
    std::int64_t d = integerField(m, "day", 1, 1, 31, pos);
    auto r = daysFromCivil(y, mo, d);
    if (!r)
        badValue("Invalid date: " + std::to_string(y) + "-" + std::to_string(mo) + "-" +
                     std::to_string(d),
                 pos);
    return *r;
}

void timeFromMap(const Map& m, std::int64_t* seconds, std::int32_t* nanos, SourcePos pos) {
    std::int64_t base = 0, baseNanos = 0;
    if (const Value* t = field(m, "time")) {
        if (!t->isTemporal() || !hasTime(t->asTemporal().type))
            badValue("time must be a temporal value with a time", pos);
        base = t->asTemporal().seconds;
        baseNanos = t->asTemporal().nanos;
    }
    std::int64_t h = integerField(m, "hour", base / 3600, 0, 23, pos);
    std::int64_t mi = integerField(m, "minute", base / 60 % 60, 0, 59, pos);
    std::int64_t s = integerField(m, "second", base % 60, 0, 59, pos);
    std::int64_t ns = 0;
    bool sub = field(m, "millisecond") || field(m, "microsecond") || field(m, "nanosecond");
    if (sub) {
        ns += integerField(m, "millisecond", 0, 0, 999, pos) * 1000000;
        ns += integerField(m, "microsecond", 0, 0, field(m, "millisecond") ? 999 : 999999, pos) *
              1000;
        ns += integerField(m, "nanosecond", 0, 0,
                           field(m, "microsecond")   ? 999
                           : field(m, "millisecond") ? 999999
                                                     : 999999999,
                           pos);
    } else {
        ns = baseNanos;
    }
    *seconds = h * 3600 + mi * 60 + s;
    *nanos = static_cast<std::int32_t>(ns);
}

Temporal durationFromMap(const Map& m, SourcePos pos) {
    static const char* const kUnits[] = {"years",        "quarters",     "months",     "weeks",
                                         "days",         "hours",        "minutes",    "seconds",
                                         "milliseconds", "microseconds", "nanoseconds"};
    for (const auto& [k, v] : m) {
        bool known = false;
        for (const char* u : kUnits)
            known = known || k == u;
        if (!known)
            badValue("No such duration component: " + k, pos);
        if (!v.isNull() && !v.isNumber())
            badValue("Duration component " + k + " must be a number, not " + v.typeName(), pos);
    }
    auto whole = [&](const char* k) -> std::int64_t {
        const Value* v = field(m, k);
        return v && v->isInt() ? v->asInt() : 0;
    };
    auto frac = [&](const char* k) {
        const Value* v = field(m, k);
        return v && v->isDouble() ? v->asDouble() : 0.0;
    };
    // Integral components are added exactly; fractional ones cascade to the smaller units.
    double monthsF = frac("years") * 12 + frac("quarters") * 3 + frac("months");
    std::int64_t months = whole("years") * 12 + whole("quarters") * 3 + whole("months") +
                          static_cast<std::int64_t>(std::trunc(monthsF));
    double daysF =
        (monthsF - std::trunc(monthsF)) * kDaysPerMonth + frac("weeks") * 7 + frac("days");
    std::int64_t days =
        whole("weeks") * 7 + whole("days") + static_cast<std::int64_t>(std::trunc(daysF));
    double secondsF = (daysF - std::trunc(daysF)) * kSecondsPerDay + frac("hours") * 3600 +
                      frac("minutes") * 60 + frac("seconds") + frac("milliseconds") / 1e3 +
                      frac("microseconds") / 1e6 + frac("nanoseconds") / 1e9;
    std::int64_t wholeSeconds = whole("hours") * 3600 + whole("minutes") * 60 + whole("seconds");
    std::int64_t wholeNanos =
        whole("milliseconds") * 1000000 + whole("microseconds") * 1000 + whole("nanoseconds");
    auto extra = static_cast<std::int64_t>(std::llround(secondsF * 1e9));
    std::int64_t totalNanos = wholeNanos + extra;
    std::int64_t secs = wholeSeconds + totalNanos / kNanosPerSecond;
    std::int64_t ns = totalNanos % kNanosPerSecond;
    if (ns < 0) {
        ns += kNanosPerSecond;
        secs -= 1;
    }
    return durationOf(months, days, secs, ns);
}

Temporal fromMap(TT type, const Map& m, SourcePos pos) {
    if (type == TT::Duration)
        return durationFromMap(m, pos);
    // {datetime: x, ...}: x's date and time (and offset) are the base the other keys change.
    if (const Value* dt = field(m, "datetime")) {
        if (!dt->isTemporal() || dt->asTemporal().type == TT::Duration)
            badValue("datetime must be a temporal value", pos);
        Map copy = m;
        copy.erase("datetime");
        if (hasDate(dt->asTemporal().type) && !field(copy, "date"))
            copy["date"] = *dt;
        if (hasTime(dt->asTemporal().type) && !field(copy, "time"))
            copy["time"] = *dt;
        return fromMap(type, copy, pos);
    }
    Temporal t;
    t.type = type;
    if (hasDate(type))
        t.days = dateFromMap(m, pos);
    if (hasTime(type))
        timeFromMap(m, &t.seconds, &t.nanos, pos);
    if (hasOffset(type)) {
        const Value* tv = field(m, "time");
        const bool zonedTime = tv && tv->isTemporal() && hasOffset(tv->asTemporal().type);
        if (const Value* z = field(m, "timezone")) {
            t.offsetSeconds = zoneOffset(*z, pos);
            // A zoned time moved to another offset keeps its instant: 12:00+01:00 is 16:00+05:00.
            if (zonedTime) {
                std::int64_t secs = t.seconds + t.offsetSeconds - tv->asTemporal().offsetSeconds;
                std::int64_t shift = secs >= 0 ? secs / kSecondsPerDay
                                               : -((-secs + kSecondsPerDay - 1) / kSecondsPerDay);
                t.seconds = secs - shift * kSecondsPerDay;
                if (hasDate(type))
                    t.days += shift;
            }
        } else if (zonedTime) {
            t.offsetSeconds = tv->asTemporal().offsetSeconds;
        }
    }
    return t;
}

// date(datetime), localtime(time), datetime(date) ...: keep what both types have.
Temporal convert(TT type, const Temporal& from, SourcePos pos) {
    if (from.type == TT::Duration || type == TT::Duration)
        badValue(std::string("Cannot make a ") + graph::temporalTypeName(type) + " of a " +
                     graph::temporalTypeName(from.type),
                 pos);
    if ((hasDate(type) && !hasDate(from.type)) ||
        (hasTime(type) && !hasTime(from.type) && type != TT::DateTime && type != TT::LocalDateTime))
        badValue(std::string("Cannot make a ") + graph::temporalTypeName(type) + " of a " +
                     graph::temporalTypeName(from.type),
                 pos);
    Temporal t;
    t.type = type;
    if (hasDate(type))
        t.days = from.days;
    if (hasTime(type) && hasTime(from.type)) {
        t.seconds = from.seconds;
        t.nanos = from.nanos;
    }
    if (hasOffset(type))
        t.offsetSeconds = hasOffset(from.type) ? from.offsetSeconds : 0;
    return t;
}

// ---- arithmetic ----

Temporal negate(const Temporal& d) {
    Temporal n = d;
    n.months = -d.months;
    n.days = -d.days;
    n.seconds = -d.seconds - (d.nanos ? 1 : 0);
    n.nanos = d.nanos ? static_cast<std::int32_t>(kNanosPerSecond - d.nanos) : 0;
    return n;
}

Temporal plusDuration(const Temporal& t, const Temporal& d) {
    Temporal r = t;
    if (t.type == TT::Duration) {
        r.months += d.months;
        r.days += d.days;
        r.seconds += d.seconds;
        r.nanos += d.nanos;
        if (r.nanos >= kNanosPerSecond) {
            r.nanos -= static_cast<std::int32_t>(kNanosPerSecond);
            r.seconds += 1;
        }
        return r;
    }
    if (hasDate(t.type)) {
        r.days = addMonths(r.days, d.months) + d.days;
        if (!hasTime(t.type)) {
            // A date moves by whole days of the duration's time part.
            r.days += (d.seconds + (d.seconds < 0 && d.nanos ? 1 : 0)) / kSecondsPerDay;
            return r;
        }
    }
    std::int64_t nanos = static_cast<std::int64_t>(t.nanos) + d.nanos;
    std::int64_t secs = t.seconds + d.seconds + nanos / kNanosPerSecond;
    r.nanos = static_cast<std::int32_t>(nanos % kNanosPerSecond);
    std::int64_t dayShift =
        secs >= 0 ? secs / kSecondsPerDay : -((-secs + kSecondsPerDay - 1) / kSecondsPerDay);
    r.seconds = secs - dayShift * kSecondsPerDay;
    if (hasDate(t.type))
        r.days += dayShift;
    return r;
}

Temporal scaleDuration(const Temporal& d, double factor, SourcePos pos) {
    if (!std::isfinite(factor))
        badValue("Cannot scale a DURATION by " + std::to_string(factor), pos);
    Map m;
    m["months"] = Value(static_cast<double>(d.months) * factor);
    m["days"] = Value(static_cast<double>(d.days) * factor);
    m["seconds"] = Value((static_cast<double>(d.seconds) + d.nanos / 1e9) * factor);
    return durationFromMap(m, pos);
}

// ---- comparison ----

int cmp(std::int64_t a, std::int64_t b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// An instant-like key: (seconds, nanos) on the UTC line where there is one.
std::pair<std::int64_t, std::int32_t> key(const Temporal& t) {
    switch (t.type) {
    case TT::Date:
        return {t.days, 0};
    case TT::LocalTime:
        return {t.seconds, t.nanos};
    case TT::Time:
        return {t.seconds - t.offsetSeconds, t.nanos};
    case TT::LocalDateTime:
        return {t.days * kSecondsPerDay + t.seconds, t.nanos};
    case TT::DateTime:
        return {t.days * kSecondsPerDay + t.seconds - t.offsetSeconds, t.nanos};
    case TT::Duration:
        break;
    }
    // Durations order by their approximate length.
    long double approx = static_cast<long double>(t.months) * kDaysPerMonth * kSecondsPerDay +
                         static_cast<long double>(t.days) * kSecondsPerDay + t.seconds;
    return {static_cast<std::int64_t>(std::floor(approx)), t.nanos};
}

// The rank of each type in ORDER BY (openCypher: datetime, local datetime, date, time, local
// time, duration).
int typeRank(TT t) {
    switch (t) {
    case TT::DateTime:
        return 0;
    case TT::LocalDateTime:
        return 1;
    case TT::Date:
        return 2;
    case TT::Time:
        return 3;
    case TT::LocalTime:
        return 4;
    case TT::Duration:
        return 5;
    }
    return 6;
}

} // namespace

// ---- truncate, between, epoch ----

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Seconds and nanoseconds from a to b on one line: local values read in the offset of a zoned
// other; values without a date count their time of day only.
struct Span {
    std::int64_t seconds = 0;
    std::int64_t nanos = 0; // 0..999,999,999
};

Span spanBetween(const Temporal& a, const Temporal& b, bool withDates) {
    std::int64_t offA = hasOffset(a.type) ? a.offsetSeconds : 0;
    std::int64_t offB = hasOffset(b.type) ? b.offsetSeconds : 0;
    if (!hasOffset(a.type) || !hasOffset(b.type))
        offA = offB = 0;
    std::int64_t sa = (withDates ? a.days * kSecondsPerDay : 0) + a.seconds - offA;
    std::int64_t sb = (withDates ? b.days * kSecondsPerDay : 0) + b.seconds - offB;
    Span s;
    s.seconds = sb - sa;
    s.nanos = static_cast<std::int64_t>(b.nanos) - a.nanos;
    if (s.nanos < 0) {
        s.nanos += kNanosPerSecond;
        s.seconds -= 1;
    }
    return s;
}

// Whole days in a span, toward zero.
std::int64_t wholeDays(const Span& s) {
    if (s.seconds >= 0)
        return s.seconds / kSecondsPerDay;
    std::int64_t negSeconds = -s.seconds - (s.nanos ? 1 : 0);
    return -(negSeconds / kSecondsPerDay);
}

// b as a local date-time in a's offset (when both are zoned), for counting months.
Temporal inOffsetOf(const Temporal& b, const Temporal& a) {
    if (!hasOffset(a.type) || !hasOffset(b.type) || a.offsetSeconds == b.offsetSeconds)
        return b;
    Temporal r = b;
    std::int64_t secs = b.seconds - b.offsetSeconds + a.offsetSeconds;
    std::int64_t shift = floorDiv(secs, kSecondsPerDay);
    r.days += shift;
    r.seconds = secs - shift * kSecondsPerDay;
    r.offsetSeconds = a.offsetSeconds;
    return r;
}

std::int64_t wholeMonths(const Temporal& a, const Temporal& bIn) {
    Temporal b = inOffsetOf(bIn, a);
    Civil ca = civil(a.days), cb = civil(b.days);
    std::int64_t months = (cb.year * 12 + cb.month) - (ca.year * 12 + ca.month);
    auto rest = [](const Civil& c, const Temporal& t) {
        return std::make_tuple(c.day, hasTime(t.type) ? t.seconds : 0,
                               hasTime(t.type) ? t.nanos : 0);
    };
    if (months > 0 && rest(cb, b) < rest(ca, a))
        --months;
    else if (months < 0 && rest(cb, b) > rest(ca, a))
        ++months;
    return months;
}

const Temporal& temporalArgument(const Value& v, const char* what, SourcePos pos) {
    if (!v.isTemporal() || v.asTemporal().type == TT::Duration)
        throw QueryError(ErrorCode::TypeError,
                         std::string(what) + " expects a temporal instant, not " + v.typeName(),
                         pos, "InvalidArgumentType");
    return v.asTemporal();
}

} // namespace

Value durationBetween(char units, const Value& from, const Value& to, SourcePos pos) {
    if (from.isNull() || to.isNull())
        return Value();
    const Temporal& a = temporalArgument(from, "duration.between", pos);
    const Temporal& b = temporalArgument(to, "duration.between", pos);
    const bool dates = hasDate(a.type) && hasDate(b.type);
    if (units == 'M')
        return Value(durationOf(dates ? wholeMonths(a, b) : 0, 0, 0, 0));
    if (units == 'S') {
        Span s = spanBetween(a, b, dates);
        return Value(durationOf(0, 0, s.seconds, s.nanos));
    }
    if (units == 'D')
        return Value(durationOf(0, dates ? wholeDays(spanBetween(a, b, true)) : 0, 0, 0));
    // Whole months first, then whole days, then the rest.
    std::int64_t months = dates ? wholeMonths(a, b) : 0;
    Temporal shifted = a;
    if (months)
        shifted.days = addMonths(a.days, months);
    Span s = spanBetween(shifted, b, dates);
    std::int64_t days = dates ? wholeDays(s) : 0;
    s.seconds -= days * kSecondsPerDay;
    return Value(durationOf(months, days, s.seconds, s.nanos));
}

Value truncateTemporal(TT type, const Value& unitValue, const Value& value, const Value* components,
                       SourcePos pos) {
    if (value.isNull())
        return Value();
    if (!unitValue.isString())
        throw QueryError(ErrorCode::TypeError, "truncate expects a unit name (STRING)", pos,
                         "InvalidArgumentType");
    std::string unit = unitValue.asString();
    const Temporal& from = temporalArgument(value, "truncate", pos);
    Temporal t = convert(type, from, pos);
    if (hasOffset(type) && !hasOffset(from.type))
        t.offsetSeconds = 0;
    static const char* const kDateUnits[] = {"millennium", "century", "decade", "year",
                                             "weekYear",   "quarter", "month",  "week"};
    bool dateUnit = false;
    for (const char* u : kDateUnits)
        dateUnit = dateUnit || unit == u;
    if (dateUnit || unit == "day") {
        if (dateUnit && !hasDate(type))
            badValue("Cannot truncate a " + std::string(graph::temporalTypeName(type)) +
                         " to the " + unit,
                     pos);
        if (hasDate(type)) {
            Civil c = civil(t.days);
            auto first = [&](std::int64_t y, std::int64_t m) { return *daysFromCivil(y, m, 1); };
            if (unit == "millennium")
                t.days = first(floorDiv(c.year, 1000) * 1000, 1);
            else if (unit == "century")
                t.days = first(floorDiv(c.year, 100) * 100, 1);
            else if (unit == "decade")
                t.days = first(floorDiv(c.year, 10) * 10, 1);
            else if (unit == "year")
                t.days = first(c.year, 1);
            else if (unit == "weekYear")
                t.days = weekOneMonday(isoWeek(t.days).weekYear);
            else if (unit == "quarter")
                t.days = first(c.year, (c.month - 1) / 3 * 3 + 1);
            else if (unit == "month")
                t.days = first(c.year, c.month);
            else if (unit == "week")
                t.days -= dayOfWeek(t.days) - 1;
        }
        t.seconds = 0;
        t.nanos = 0;
    } else if (unit == "hour") {
        t.seconds -= t.seconds % 3600;
        t.nanos = 0;
    } else if (unit == "minute") {
        t.seconds -= t.seconds % 60;
        t.nanos = 0;
    } else if (unit == "second") {
        t.nanos = 0;
    } else if (unit == "millisecond") {
        t.nanos -= t.nanos % 1000000;
    } else if (unit == "microsecond") {
        t.nanos -= t.nanos % 1000;
    } else {
        badValue("Unknown unit for truncate: '" + unit + "'", pos);
    }
    if (!components || components->isNull())
        return Value(t);
    if (!components->isMap())
        throw QueryError(ErrorCode::TypeError, "truncate expects a MAP of components", pos,
                         "InvalidArgumentType");
    const Map& over = components->asMap();
    // The truncated value's components, in the form the given ones complete.
    Map m;
    if (hasDate(type)) {
        Civil c = civil(t.days);
        if (field(over, "dayOfWeek") || field(over, "week")) {
            IsoWeek w = isoWeek(t.days);
            m["year"] = Value(w.weekYear);
            m["week"] = Value(w.week);
            m["dayOfWeek"] = Value(dayOfWeek(t.days));
        } else if (field(over, "dayOfQuarter") || field(over, "quarter")) {
            std::int64_t q = (c.month - 1) / 3 + 1;
            m["year"] = Value(c.year);
            m["quarter"] = Value(q);
            m["dayOfQuarter"] = Value(t.days - *daysFromCivil(c.year, (q - 1) * 3 + 1, 1) + 1);
        } else if (field(over, "ordinalDay")) {
            m["year"] = Value(c.year);
            m["ordinalDay"] = Value(t.days - *daysFromCivil(c.year, 1, 1) + 1);
        } else {
            m["year"] = Value(c.year);
            m["month"] = Value(c.month);
            m["day"] = Value(c.day);
        }
    }
    if (hasTime(type)) {
        m["hour"] = Value(t.seconds / 3600);
        m["minute"] = Value(t.seconds / 60 % 60);
        m["second"] = Value(t.seconds % 60);
        auto given = [&](const char* k) -> std::optional<std::int64_t> {
            const Value* v = field(over, k);
            if (!v)
                return std::nullopt;
            return v->isInt() ? v->asInt() : 0;
        };
        auto ms = given("millisecond"), us = given("microsecond"), ns = given("nanosecond");
        if (!ms && !us && !ns) {
            m["nanosecond"] = Value(static_cast<std::int64_t>(t.nanos));
        } else {
            // The truncated value's other sub-second digits stay unless a given component
            // spans them (microsecond: 645876 covers the milliseconds too).
            if (!ms && !(us && *us > 999) && !(!us && ns && *ns > 999999))
                m["millisecond"] = Value(static_cast<std::int64_t>(t.nanos / 1000000));
            if (!us && !(ns && *ns > 999))
                m["microsecond"] = Value(static_cast<std::int64_t>(t.nanos / 1000 % 1000));
            if (!ns)
                m["nanosecond"] = Value(static_cast<std::int64_t>(t.nanos % 1000));
        }
    }
    for (const auto& [k, v] : over)
        m[k] = v;
    Temporal r = fromMap(type, m, pos);
    if (hasOffset(type) && !field(over, "timezone"))
        r.offsetSeconds = t.offsetSeconds;
    return Value(r);
}

Value dateTimeFromEpoch(const Value& seconds, const Value& nanos, SourcePos pos) {
    if (seconds.isNull() || nanos.isNull())
        return Value();
    if (!seconds.isInt() || !nanos.isInt())
        throw QueryError(ErrorCode::TypeError, "datetime.fromepoch expects INTEGER arguments", pos,
                         "InvalidArgumentType");
    std::int64_t secs = seconds.asInt() + floorDiv(nanos.asInt(), kNanosPerSecond);
    std::int64_t ns = nanos.asInt() - floorDiv(nanos.asInt(), kNanosPerSecond) * kNanosPerSecond;
    Temporal t;
    t.type = TT::DateTime;
    t.days = floorDiv(secs, kSecondsPerDay);
    t.seconds = secs - t.days * kSecondsPerDay;
    t.nanos = static_cast<std::int32_t>(ns);
    return Value(t);
}

Value constructTemporal(TT type, const Value& argument, SourcePos pos) {
    switch (argument.kind()) {
    case Value::Kind::Null:
        return Value();
    case Value::Kind::String:
        return Value(fromText(type, argument.asString(), pos));
    case Value::Kind::Map:
        return Value(fromMap(type, argument.asMap(), pos));
    case Value::Kind::Temporal:
        if (type == TT::Duration || argument.asTemporal().type == TT::Duration) {
            if (type == argument.asTemporal().type)
                return argument;
            break;
        }
        return Value(convert(type, argument.asTemporal(), pos));
    default:
        break;
    }
    throw QueryError(ErrorCode::TypeError,
                     std::string(graph::temporalTypeName(type)) +
                         " expects a STRING, a MAP or a temporal value, not " + argument.typeName(),
                     pos, "InvalidArgumentType");
}

Value currentTemporal(TT type, std::chrono::system_clock::time_point at) {
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count();
    Temporal t;
    t.type = type;
    std::int64_t secs = ns / kNanosPerSecond;
    if (hasDate(type))
        t.days = secs / kSecondsPerDay;
    if (hasTime(type)) {
        t.seconds = secs % kSecondsPerDay;
        t.nanos = static_cast<std::int32_t>(ns % kNanosPerSecond);
    }
    if (type == TT::Duration)
        t = Temporal{TT::Duration, 0, 0, 0, 0, 0};
    return Value(t);
}

std::optional<Value> temporalComponent(const Temporal& t, std::string_view name) {
    auto I = [](std::int64_t v) { return std::optional<Value>(Value(v)); };
    if (t.type == TT::Duration) {
        const std::int64_t totalNanosOfSecond = t.nanos;
        if (name == "years")
            return I(t.months / 12);
        if (name == "quarters")
            return I(t.months / 3);
        if (name == "months")
            return I(t.months);
        if (name == "weeks")
            return I(t.days / 7);
        if (name == "days")
            return I(t.days);
        if (name == "hours")
            return I(t.seconds / 3600);
        if (name == "minutes")
            return I(t.seconds / 60);
        if (name == "seconds")
            return I(t.seconds);
        if (name == "milliseconds")
            return I(t.seconds * 1000 + totalNanosOfSecond / 1000000);
        if (name == "microseconds")
            return I(t.seconds * 1000000 + totalNanosOfSecond / 1000);
        if (name == "nanoseconds")
            return I(t.seconds * kNanosPerSecond + totalNanosOfSecond);
        if (name == "quartersOfYear")
            return I(t.months / 3 % 4);
        if (name == "monthsOfQuarter")
            return I(t.months % 3);
        if (name == "monthsOfYear")
            return I(t.months % 12);
        if (name == "daysOfWeek")
            return I(t.days % 7);
        if (name == "minutesOfHour")
            return I(t.seconds / 60 % 60);
        if (name == "secondsOfMinute")
            return I(t.seconds % 60);
        if (name == "millisecondsOfSecond")
            return I(totalNanosOfSecond / 1000000);
        if (name == "microsecondsOfSecond")
            return I(totalNanosOfSecond / 1000);
        if (name == "nanosecondsOfSecond")
            return I(totalNanosOfSecond);
        return std::nullopt;
    }
    if (hasDate(t.type)) {
        Civil c = civil(t.days);
        if (name == "year")
            return I(c.year);
        if (name == "quarter")
            return I((c.month - 1) / 3 + 1);
        if (name == "month")
            return I(c.month);
        if (name == "day")
            return I(c.day);
        if (name == "week")
            return I(isoWeek(t.days).week);
        if (name == "weekYear")
            return I(isoWeek(t.days).weekYear);
        if (name == "dayOfWeek" || name == "weekDay")
            return I(dayOfWeek(t.days));
        if (name == "ordinalDay")
            return I(t.days - *daysFromCivil(c.year, 1, 1) + 1);
        if (name == "dayOfQuarter")
            return I(t.days - *daysFromCivil(c.year, (c.month - 1) / 3 * 3 + 1, 1) + 1);
    }
    if (hasTime(t.type)) {
        if (name == "hour")
            return I(t.seconds / 3600);
        if (name == "minute")
            return I(t.seconds / 60 % 60);
        if (name == "second")
            return I(t.seconds % 60);
        if (name == "millisecond")
            return I(t.nanos / 1000000);
        if (name == "microsecond")
            return I(t.nanos / 1000);
        if (name == "nanosecond")
            return I(t.nanos);
    }
    if (hasOffset(t.type)) {
        if (name == "timezone" || name == "offset") {
            Temporal z;
            z.type = TT::Time;
            z.offsetSeconds = t.offsetSeconds;
            std::string s = graph::formatTemporal(z); // "00:00" + offset
            s = s.substr(5);
            if (s == "Z" && name == "offset")
                s = "+00:00";
            return std::optional<Value>(Value(s));
        }
        if (name == "offsetMinutes")
            return I(t.offsetSeconds / 60);
        if (name == "offsetSeconds")
            return I(t.offsetSeconds);
    }
    if (t.type == TT::DateTime) {
        std::int64_t epoch = t.days * kSecondsPerDay + t.seconds - t.offsetSeconds;
        if (name == "epochSeconds")
            return I(epoch);
        if (name == "epochMillis")
            return I(epoch * 1000 + t.nanos / 1000000);
    }
    return std::nullopt;
}

std::optional<Value> temporalArithmetic(char op, const Value& a, const Value& b, SourcePos pos) {
    const bool at = a.isTemporal(), bt = b.isTemporal();
    const bool ad = at && a.asTemporal().type == TT::Duration;
    const bool bd = bt && b.asTemporal().type == TT::Duration;
    switch (op) {
    case '+':
        if (at && bd)
            return Value(plusDuration(a.asTemporal(), b.asTemporal()));
        if (ad && bt)
            return Value(plusDuration(b.asTemporal(), a.asTemporal()));
        return std::nullopt;
    case '-':
        if (at && bd)
            return Value(plusDuration(a.asTemporal(), negate(b.asTemporal())));
        return std::nullopt;
    case '*':
        if (ad && b.isNumber())
            return Value(scaleDuration(a.asTemporal(), b.asNumber(), pos));
        if (bd && a.isNumber())
            return Value(scaleDuration(b.asTemporal(), a.asNumber(), pos));
        return std::nullopt;
    case '/':
        if (ad && b.isNumber()) {
            if (b.asNumber() == 0)
                throw QueryError(ErrorCode::ArgumentError, "Division by zero", pos);
            return Value(scaleDuration(a.asTemporal(), 1.0 / b.asNumber(), pos));
        }
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<int> compareTemporal(const Temporal& a, const Temporal& b) {
    if (a.type != b.type || a.type == TT::Duration)
        return std::nullopt;
    auto ka = key(a), kb = key(b);
    if (ka.first != kb.first)
        return cmp(ka.first, kb.first);
    return cmp(ka.second, kb.second);
}

int orderTemporal(const Temporal& a, const Temporal& b) {
    if (a.type != b.type)
        return cmp(typeRank(a.type), typeRank(b.type));
    auto ka = key(a), kb = key(b);
    if (int c = cmp(ka.first, kb.first))
        return c;
    if (int c = cmp(ka.second, kb.second))
        return c;
    if (a.type == TT::Duration) {
        if (int c = cmp(a.months, b.months))
            return c;
        if (int c = cmp(a.days, b.days))
            return c;
        return cmp(a.seconds, b.seconds);
    }
    return cmp(a.offsetSeconds, b.offsetSeconds);
}

} // namespace innograph::query
