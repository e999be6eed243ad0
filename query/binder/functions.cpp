#include "binder/functions.h"

#include <array>
#include <cctype>

namespace innograph::query {
namespace {

constexpr std::array kFunctions = {
    FunctionInfo{FunctionId::Id, "id", 1, 1, false},
    FunctionInfo{FunctionId::Labels, "labels", 1, 1, false},
    FunctionInfo{FunctionId::Type, "type", 1, 1, false},
    FunctionInfo{FunctionId::Properties, "properties", 1, 1, false},
    FunctionInfo{FunctionId::Keys, "keys", 1, 1, false},
    FunctionInfo{FunctionId::Size, "size", 1, 1, false},
    FunctionInfo{FunctionId::Length, "length", 1, 1, false},
    FunctionInfo{FunctionId::Nodes, "nodes", 1, 1, false},
    FunctionInfo{FunctionId::Relationships, "relationships", 1, 1, false},
    FunctionInfo{FunctionId::StartNode, "startNode", 1, 1, false},
    FunctionInfo{FunctionId::EndNode, "endNode", 1, 1, false},
    FunctionInfo{FunctionId::Coalesce, "coalesce", 1, 64, false},
    FunctionInfo{FunctionId::ToString, "toString", 1, 1, false},
    FunctionInfo{FunctionId::ToInteger, "toInteger", 1, 1, false},
    FunctionInfo{FunctionId::ToFloat, "toFloat", 1, 1, false},
    FunctionInfo{FunctionId::ToBoolean, "toBoolean", 1, 1, false},
    FunctionInfo{FunctionId::ToLower, "toLower", 1, 1, false},
    FunctionInfo{FunctionId::ToUpper, "toUpper", 1, 1, false},
    FunctionInfo{FunctionId::Substring, "substring", 2, 3, false},
    FunctionInfo{FunctionId::Trim, "trim", 1, 1, false},
    FunctionInfo{FunctionId::LTrim, "ltrim", 1, 1, false},
    FunctionInfo{FunctionId::RTrim, "rtrim", 1, 1, false},
    FunctionInfo{FunctionId::Split, "split", 2, 2, false},
    FunctionInfo{FunctionId::Head, "head", 1, 1, false},
    FunctionInfo{FunctionId::Last, "last", 1, 1, false},
    FunctionInfo{FunctionId::Tail, "tail", 1, 1, false},
    FunctionInfo{FunctionId::Range, "range", 2, 3, false},
    FunctionInfo{FunctionId::Reverse, "reverse", 1, 1, false},
    FunctionInfo{FunctionId::Abs, "abs", 1, 1, false},
    FunctionInfo{FunctionId::Ceil, "ceil", 1, 1, false},
    FunctionInfo{FunctionId::Floor, "floor", 1, 1, false},
    FunctionInfo{FunctionId::Round, "round", 1, 1, false},
    FunctionInfo{FunctionId::Sqrt, "sqrt", 1, 1, false},
    FunctionInfo{FunctionId::Sign, "sign", 1, 1, false},
    FunctionInfo{FunctionId::Replace, "replace", 3, 3, false},
    FunctionInfo{FunctionId::Left, "left", 2, 2, false},
    FunctionInfo{FunctionId::Right, "right", 2, 2, false},
    FunctionInfo{FunctionId::Exists, "exists", 1, 1, false},
    FunctionInfo{FunctionId::Rand, "rand", 0, 0, false},
    FunctionInfo{FunctionId::Date, "date", 0, 1, false},
    FunctionInfo{FunctionId::LocalTime, "localtime", 0, 1, false},
    FunctionInfo{FunctionId::Time, "time", 0, 1, false},
    FunctionInfo{FunctionId::LocalDateTime, "localdatetime", 0, 1, false},
    FunctionInfo{FunctionId::DateTime, "datetime", 0, 1, false},
    FunctionInfo{FunctionId::Duration, "duration", 1, 1, false},
    // The clock of the statement, the transaction and the wall are one here: the current instant.
    FunctionInfo{FunctionId::Date, "date.statement", 0, 1, false},
    FunctionInfo{FunctionId::Date, "date.transaction", 0, 1, false},
    FunctionInfo{FunctionId::Date, "date.realtime", 0, 1, false},
    FunctionInfo{FunctionId::LocalTime, "localtime.statement", 0, 1, false},
    FunctionInfo{FunctionId::LocalTime, "localtime.transaction", 0, 1, false},
    FunctionInfo{FunctionId::LocalTime, "localtime.realtime", 0, 1, false},
    FunctionInfo{FunctionId::Time, "time.statement", 0, 1, false},
    FunctionInfo{FunctionId::Time, "time.transaction", 0, 1, false},
    FunctionInfo{FunctionId::Time, "time.realtime", 0, 1, false},
    FunctionInfo{FunctionId::LocalDateTime, "localdatetime.statement", 0, 1, false},
    FunctionInfo{FunctionId::LocalDateTime, "localdatetime.transaction", 0, 1, false},
    FunctionInfo{FunctionId::LocalDateTime, "localdatetime.realtime", 0, 1, false},
    FunctionInfo{FunctionId::DateTime, "datetime.statement", 0, 1, false},
    FunctionInfo{FunctionId::DateTime, "datetime.transaction", 0, 1, false},
    FunctionInfo{FunctionId::DateTime, "datetime.realtime", 0, 1, false},
    FunctionInfo{FunctionId::TruncateDate, "date.truncate", 2, 3, false},
    FunctionInfo{FunctionId::TruncateLocalTime, "localtime.truncate", 2, 3, false},
    FunctionInfo{FunctionId::TruncateTime, "time.truncate", 2, 3, false},
    FunctionInfo{FunctionId::TruncateLocalDateTime, "localdatetime.truncate", 2, 3, false},
    FunctionInfo{FunctionId::TruncateDateTime, "datetime.truncate", 2, 3, false},
    FunctionInfo{FunctionId::DurationBetween, "duration.between", 2, 2, false},
    FunctionInfo{FunctionId::DurationInMonths, "duration.inMonths", 2, 2, false},
    FunctionInfo{FunctionId::DurationInDays, "duration.inDays", 2, 2, false},
    FunctionInfo{FunctionId::DurationInSeconds, "duration.inSeconds", 2, 2, false},
    FunctionInfo{FunctionId::DateTimeFromEpoch, "datetime.fromepoch", 2, 2, false},
    FunctionInfo{FunctionId::DateTimeFromEpochMillis, "datetime.fromepochmillis", 1, 1, false},
    FunctionInfo{FunctionId::Count, "count", 1, 1, true},
    FunctionInfo{FunctionId::Sum, "sum", 1, 1, true},
    FunctionInfo{FunctionId::Avg, "avg", 1, 1, true},
    FunctionInfo{FunctionId::Min, "min", 1, 1, true},
    FunctionInfo{FunctionId::Max, "max", 1, 1, true},
    FunctionInfo{FunctionId::Collect, "collect", 1, 1, true},
    FunctionInfo{FunctionId::PercentileCont, "percentileCont", 2, 2, true},
    FunctionInfo{FunctionId::PercentileDisc, "percentileDisc", 2, 2, true},
    FunctionInfo{FunctionId::StDev, "stDev", 1, 1, true},
    FunctionInfo{FunctionId::StDevP, "stDevP", 1, 1, true},
};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

} // namespace

const FunctionInfo* findFunction(std::string_view name) {
    for (const auto& f : kFunctions)
        if (iequals(f.name, name))
            return &f;
    return nullptr;
}

std::vector<std::string> functionNames() {
    std::vector<std::string> out;
    for (const auto& f : kFunctions)
        out.emplace_back(f.name);
    return out;
}

} // namespace innograph::query
