#pragma once

// openCypher's temporal values inside the engine: construction from ISO 8601 text and from maps
// of components, component access (d.year, t.hour, dur.days, ...), arithmetic with durations,
// comparison and ordering. The values themselves are graph::Temporal (numbers), printed by
// graph::formatTemporal. Calendar arithmetic is std::chrono's (proleptic Gregorian). Time zones
// are offsets; named zones (Europe/Berlin) are refused with an ArgumentError.

#include "innograph/query/query_error.h"
#include "innograph/query/value.h"

#include <chrono>
#include <optional>
#include <string_view>

namespace innograph::query {

// date(x), localtime(x), time(x), localdatetime(x), datetime(x), duration(x): x is a string, a
// map of components, or (not for duration) another temporal value to convert. Null gives null.
Value constructTemporal(graph::TemporalType type, const Value& argument, SourcePos pos);
// The same functions without an argument: `now` (the statement's clock, so that every call in
// one statement agrees), in UTC.
Value currentTemporal(graph::TemporalType type,
                      std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// date.truncate(unit, value[, map]) and the other types' truncate: `value` converted to `type`
// and cut to `unit` (millennium, century, decade, year, weekYear, quarter, month, week, day,
// hour, minute, second, millisecond, microsecond), then the map's components set.
Value truncateTemporal(graph::TemporalType type, const Value& unit, const Value& value,
                       const Value* components, SourcePos pos);
// duration.between(a, b) ('B'), duration.inMonths ('M'), inDays ('D'), inSeconds ('S'): the
// duration from a to b in those units (whole months, then whole days, then the rest). A value
// without a date counts its time of day only; a local value is read in the other's offset.
Value durationBetween(char units, const Value& from, const Value& to, SourcePos pos);
// datetime.fromepoch(seconds, nanoseconds) and datetime.fromepochmillis(milliseconds), in UTC.
Value dateTimeFromEpoch(const Value& seconds, const Value& nanos, SourcePos pos);

// A component (year, month, ..., offset; years, days, ... of a duration), or nullopt when the
// value's type has no such component.
std::optional<Value> temporalComponent(const graph::Temporal& t, std::string_view name);

// a + b, a - b, a * b, a / b where one side is temporal; nullopt when the operator is not
// defined for these types (the caller reports the TypeError).
std::optional<Value> temporalArithmetic(char op, const Value& a, const Value& b, SourcePos pos);

// <0, 0, >0 for two values of one comparable type (durations are not), else nullopt.
std::optional<int> compareTemporal(const graph::Temporal& a, const graph::Temporal& b);
// A total order among all temporal values, for ORDER BY and DISTINCT: by type, then by value
// (instants first, then their offsets, so only identical values tie).
int orderTemporal(const graph::Temporal& a, const graph::Temporal& b);

} // namespace innograph::query
