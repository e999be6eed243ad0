#pragma once

// The built-in functions: resolved by name at bind time so that execution switches on an enum.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innograph::query {

enum class FunctionId {
    Id,
    Labels,
    Type,
    Properties,
    Keys,
    Size,
    Length,
    Nodes,
    Relationships,
    StartNode,
    EndNode,
    Coalesce,
    ToString,
    ToInteger,
    ToFloat,
    ToBoolean,
    ToLower,
    ToUpper,
    Substring,
    Trim,
    LTrim,
    RTrim,
    Split,
    Head,
    Last,
    Tail,
    Range,
    Reverse,
    Abs,
    Ceil,
    Floor,
    Round,
    Sqrt,
    Sign,
    Replace,
    Left,
    Right,
    Exists,
    Rand,
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
    // date.truncate(unit, value[, map]) ... datetime.truncate
    TruncateDate,
    TruncateLocalTime,
    TruncateTime,
    TruncateLocalDateTime,
    TruncateDateTime,
    DurationBetween,
    DurationInMonths,
    DurationInDays,
    DurationInSeconds,
    DateTimeFromEpoch,
    DateTimeFromEpochMillis,
    // Not callable by name: the planner's test that a node matches `(n $param)` (a map of
    // properties, or a name/alias string).
    MatchesProperties,
    // Aggregates
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Collect,
    PercentileCont,
    PercentileDisc,
    StDev,
    StDevP,
};

struct FunctionInfo {
    FunctionId id;
    const char* name; // canonical spelling
    int minArgs;
    int maxArgs;
    bool aggregate;
};

// Case-insensitive lookup.
const FunctionInfo* findFunction(std::string_view name);
std::vector<std::string> functionNames();

} // namespace innograph::query
