// GB18030 (and so GBK and GB2312) through ICU's converter, strictly: the first byte that is not
// part of a GB18030 character stops the decoding.

#include "innograph/text/unicode.h"

#include <unicode/ucnv.h>

#include <memory>

namespace innograph::text {

Decoding decodeGb18030WithOffsets(std::string_view s) {
    Decoding d;
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open("GB18030", &err), ucnv_close);
    if (U_FAILURE(err)) {
        d.badAt = 0;
        return d;
    }
    ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    const char* base = s.data();
    const char* src = base;
    const char* limit = base + s.size();
    d.chars.reserve(s.size());
    d.begin.reserve(s.size());
    d.end.reserve(s.size());
    while (src < limit) {
        const char* at = src;
        err = U_ZERO_ERROR;
        const UChar32 c = ucnv_getNextUChar(cnv.get(), &src, limit, &err);
        if (U_FAILURE(err) || src == at) {
            d.badAt = static_cast<std::size_t>(at - base);
            return d;
        }
        d.chars.push_back(static_cast<char32_t>(c));
        d.begin.push_back(static_cast<std::uint32_t>(at - base));
        d.end.push_back(static_cast<std::uint32_t>(src - base));
    }
    return d;
}

} // namespace innograph::text
