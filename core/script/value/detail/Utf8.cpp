#include "core/script/value/detail/Utf8.h"

namespace coroscope::pylite::utf8 {

DecodeError validate(std::string_view s)
{
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        int len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            if (b0 == 0xE0) lo = 0xA0;
            if (b0 == 0xED) hi = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            if (b0 == 0xF0) lo = 0x90;
            if (b0 == 0xF4) hi = 0x8F;
        } else {
            return {i, i + 1, "invalid start byte"};
        }
        for (int k = 1; k < len; ++k) {
            if (i + std::size_t(k) >= n) return {i, n, "unexpected end of data"};
            const auto b = static_cast<unsigned char>(s[i + std::size_t(k)]);
            const unsigned char l = k == 1 ? lo : 0x80;
            const unsigned char h = k == 1 ? hi : 0xBF;
            if (b < l || b > h) return {i, i + std::size_t(k), "invalid continuation byte"};
        }
        i += std::size_t(len);
    }
    return {};
}

} // namespace coroscope::pylite::utf8
