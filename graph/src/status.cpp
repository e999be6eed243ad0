#include "innograph/graph/status.h"

namespace innograph::graph {

const char* codeName(Status::Code code) {
    switch (code) {
    case Status::Code::Ok:
        return "OK";
    case Status::Code::NotFound:
        return "NotFound";
    case Status::Code::InvalidArgument:
        return "InvalidArgument";
    case Status::Code::Constraint:
        return "Constraint";
    case Status::Code::Corruption:
        return "Corruption";
    case Status::Code::IOError:
        return "IOError";
    case Status::Code::ReadOnly:
        return "ReadOnly";
    case Status::Code::Busy:
        return "Busy";
    case Status::Code::Aborted:
        return "Aborted";
    }
    return "Unknown";
}

std::string Status::toString() const {
    if (isOk())
        return "OK";
    return std::string(codeName(code_)) + ": " + message_;
}

} // namespace innograph::graph
