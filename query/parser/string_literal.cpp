#include "parser/string_literal.h"

#include "common/utf8.h"

namespace innograph::query {

std::string unquoteString(std::string_view quoted) {
    std::string out;
    if (quoted.size() < 2)
        return out;
    std::string_view body = quoted.substr(1, quoted.size() - 2);
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out.push_back(c);
            continue;
        }
        char e = body[++i];
        switch (e) {
        case 'n':
            out.push_back('\n');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 'b':
            out.push_back('\b');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'u':
            if (i + 4 < body.size()) {
                unsigned cp = std::stoul(std::string(body.substr(i + 1, 4)), nullptr, 16);
                appendUtf8(out, cp);
                i += 4;
            }
            break;
        default:
            out.push_back(e);
            break;
        }
    }
    return out;
}

std::string unquoteIdentifier(std::string_view quoted) {
    std::string out;
    if (quoted.size() < 2)
        return std::string(quoted);
    std::string_view body = quoted.substr(1, quoted.size() - 2);
    for (std::size_t i = 0; i < body.size(); ++i) {
        out.push_back(body[i]);
        if (body[i] == '`' && i + 1 < body.size() && body[i + 1] == '`')
            ++i;
    }
    return out;
}

} // namespace innograph::query
