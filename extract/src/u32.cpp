#include "u32.h"

#include "innograph/extract/lexicon.h"

namespace innograph::extract::u32 {

bool isNameBreak(char32_t c) {
    if (isSpace(c))
        return true;
    static const std::u32string_view breaks =
        U",.;:!?、。,;:!?“”\"'‘’《》〈〉【】〔〕[]{}<>|/\\—…·•*#=+~`@$^%-";
    return breaks.find(c) != std::u32string_view::npos;
}

bool isChineseNumeral(char32_t c) {
    // The numerals are words of the language: the built-in lexicon's list, read once.
    static const std::u32string nums = [] {
        std::u32string all;
        if (auto lex = Lexicon::builtin(); lex.isOk())
            for (const auto& w : lex.value()->words("chinese-numerals"))
                all += w;
        return all;
    }();
    return nums.find(c) != std::u32string::npos;
}

} // namespace innograph::extract::u32
