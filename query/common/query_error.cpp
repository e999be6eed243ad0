#include "innograph/query/query_error.h"

#include "innograph/text/unicode.h"

namespace innograph::query {

const char* errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::SyntaxError:
        return "SyntaxError";
    case ErrorCode::SemanticError:
        return "SemanticError";
    case ErrorCode::ParameterMissing:
        return "ParameterMissing";
    case ErrorCode::TypeError:
        return "TypeError";
    case ErrorCode::ArgumentError:
        return "ArgumentError";
    case ErrorCode::Timeout:
        return "Timeout";
    case ErrorCode::LimitExceeded:
        return "LimitExceeded";
    case ErrorCode::Cancelled:
        return "Cancelled";
    case ErrorCode::StorageError:
        return "StorageError";
    case ErrorCode::AccessDenied:
        return "AccessDenied";
    case ErrorCode::MemoryLimitExceeded:
        return "MemoryLimitExceeded";
    }
    return "Error";
}

QueryError::QueryError(ErrorCode code, std::string message, SourcePos pos)
    : std::runtime_error(message), code_(code), message_(std::move(message)), pos_(pos) {}

QueryError::QueryError(ErrorCode code, std::string message, SourcePos pos, std::string detail)
    : std::runtime_error(message), code_(code), detail_(std::move(detail)),
      message_(std::move(message)), pos_(pos) {}

void QueryError::attachSource(std::string_view text) {
    excerpt_.clear();
    if (pos_.line <= 0)
        return;
    int line = 1;
    std::size_t start = 0;
    while (line < pos_.line) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos)
            return;
        start = nl + 1;
        ++line;
    }
    auto end = text.find('\n', start);
    std::string_view lineText =
        text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
    if (!lineText.empty() && lineText.back() == '\r')
        lineText.remove_suffix(1);
    auto cps = text::decodeUtf8(lineText);
    std::size_t col = static_cast<std::size_t>(std::max(pos_.column, 1) - 1);
    if (col > cps.size())
        col = cps.size();
    // Tabs keep their width on the caret line so the caret lands under the right character.
    std::string pad;
    for (std::size_t i = 0; i < col; ++i) {
        if (cps[i] == U'\t')
            pad += '\t';
        else
            pad.append(text::displayWidth(std::u32string_view(&cps[i], 1)), ' ');
    }
    excerpt_ = std::string(lineText) + "\n" + pad + "^";
}

std::string QueryError::describe() const {
    std::string out = errorCodeName(code_);
    if (pos_.line > 0)
        out += " at line " + std::to_string(pos_.line) + ", column " + std::to_string(pos_.column);
    out += ": " + message_;
    if (!excerpt_.empty())
        out += "\n" + excerpt_;
    return out;
}

} // namespace innograph::query
