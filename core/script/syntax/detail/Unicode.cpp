#include "core/script/syntax/detail/Unicode.h"

#include <algorithm>
#include <iterator>

namespace coroscope::syntax::detail {
namespace {

struct CodeRange {
    std::uint32_t first;
    std::uint32_t last;
};

struct NamedCodePoint {
    std::string_view name;
    std::uint32_t cp;
};

#include "core/script/syntax/detail/UnicodeTables.inc"

template <std::size_t N>
bool inRanges(const CodeRange (&table)[N], std::uint32_t cp)
{
    // First range whose last >= cp; cp is inside when first <= cp.
    const CodeRange* it = std::lower_bound(std::begin(table), std::end(table), cp,
                                           [](const CodeRange& r, std::uint32_t v) { return r.last < v; });
    return it != std::end(table) && it->first <= cp;
}

} // namespace

int decodeUtf8(std::string_view s, std::size_t i, std::uint32_t& cp)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    int len;
    std::uint32_t min;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (int k = 1; k < len; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isIdStart(std::uint32_t cp) { return inRanges(kIdStart, cp); }
bool isIdContinue(std::uint32_t cp) { return inRanges(kIdContinue, cp); }

bool isPrintable(std::uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    return inRanges(kPrintable, cp);
}

bool lookupCharacterName(std::string_view name, std::uint32_t& cp)
{
    std::string upper(name);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    const NamedCodePoint* it =
        std::lower_bound(std::begin(kNames), std::end(kNames), std::string_view(upper),
                         [](const NamedCodePoint& n, std::string_view v) { return n.name < v; });
    if (it == std::end(kNames) || it->name != upper)
        return false;
    cp = it->cp;
    return true;
}

std::size_t findInvalidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::uint32_t cp;
        const int n = decodeUtf8(s, i, cp);
        if (n == 0)
            return i;
        i += n;
    }
    return std::string_view::npos;
}

} // namespace coroscope::syntax::detail
