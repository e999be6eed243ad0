#include "innograph/interchange/interchange.h"

namespace innograph::interchange {

Result<Format> parseFormat(std::string_view name) {
    if (name == "jsonl" || name == "json")
        return Format::Jsonl;
    if (name == "csv")
        return Format::Csv;
    if (name == "graphml")
        return Format::GraphMl;
    return Status::invalidArgument("unknown format '" + std::string(name) +
                                   "' (expected jsonl, csv or graphml)");
}

} // namespace innograph::interchange
