#include "u32.h"

namespace innograph::extract::u32 {

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

} // namespace innograph::extract::u32
