#include "u32.h"

namespace innograph::extract::u32 {

std::u32string fromUtf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        char32_t c;
        int n;
        if (b < 0x80) {
            c = b;
            n = 1;
        } else if ((b >> 5) == 6) {
            c = b & 0x1f;
            n = 2;
        } else if ((b >> 4) == 14) {
            c = b & 0x0f;
            n = 3;
        } else {
            c = b & 0x07;
            n = 4;
        }
        for (int k = 1; k < n && i + k < s.size(); ++k) {
            c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        }
        out.push_back(c);
        i += n;
    }
    return out;
}

std::string toUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xc0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xe0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
        } else {
            out.push_back(static_cast<char>(0xf0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
        }
    }
    return out;
}

bool isHan(char32_t c) {
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
           (c >= 0x20000 && c <= 0x2ffff) || (c >= 0xf900 && c <= 0xfaff) || c == U'〇';
}

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v' ||
           c == 0xa0 || c == 0x3000 || c == 0x200b || c == 0xfeff;
}

bool isNameBreak(char32_t c) {
    if (isSpace(c))
        return true;
    static const std::u32string_view breaks =
        U",.;:!?、。,;:!?“”\"'‘’《》〈〉【】〔〕[]{}<>|/\\—…·•*#=+~`@$^%-";
    return breaks.find(c) != std::u32string_view::npos;
}

bool isChineseNumeral(char32_t c) {
    static const std::u32string_view nums = U"一二三四五六七八九十百零两";
    return nums.find(c) != std::u32string_view::npos;
}

std::u32string_view trim(std::u32string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace innograph::extract::u32
