#include "parser/string_literal.h"

#include "innograph/text/unicode.h"

#include <optional>

namespace innograph::query {
namespace {

// The four hex digits at body[at..at+3], or nullopt.
std::optional<char32_t> hex4(std::string_view body, std::size_t at) {
    if (at + 4 > body.size())
        return std::nullopt;
    char32_t v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
        char c = body[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return std::nullopt;
        v = v * 16 + static_cast<char32_t>(d);
    }
    return v;
}

} // namespace

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
        case 'u': {
            auto cp = hex4(body, i + 1);
            if (!cp) {
                out.push_back(e);
                break;
            }
            i += 4;
            // A surrogate is only a character as the first half of a pair; UTF-8 has no
            // encoding for one alone, so a lone half becomes U+FFFD rather than invalid text.
            if (*cp >= 0xD800 && *cp <= 0xDBFF && i + 2 < body.size() && body[i + 1] == '\\' &&
                body[i + 2] == 'u') {
                auto low = hex4(body, i + 3);
                if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                    text::appendUtf8(out, 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00));
                    i += 6;
                    break;
                }
            }
            text::appendUtf8(out, *cp >= 0xD800 && *cp <= 0xDFFF ? 0xFFFD : *cp);
            break;
        }
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
