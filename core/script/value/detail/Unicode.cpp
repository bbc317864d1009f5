#include "core/script/value/detail/Unicode.h"

#include "core/script/value/detail/Utf8.h"

#include <algorithm>
#include <iterator>

namespace coroscope::pylite::unicode {

namespace {

struct Range {
    char32_t first;
    char32_t last;
    int stride;
};
struct Mapping {
    char32_t first;
    char32_t last;
    int stride;
    int delta;
};
struct MultiMapping {
    char32_t from;
    char32_t to[3];
};

#include "core/script/value/detail/UnicodeTables.inc"

template <std::size_t N> bool inRanges(const Range (&table)[N], char32_t c)
{
    auto it = std::upper_bound(std::begin(table), std::end(table), c,
                               [](char32_t v, const Range& r) { return v < r.first; });
    if (it == std::begin(table)) return false;
    --it;
    return c <= it->last && (c - it->first) % it->stride == 0;
}

template <std::size_t N, std::size_t M>
void appendMapped(std::string& out, char32_t c, const Mapping (&singles)[N], const MultiMapping (&multi)[M])
{
    auto mit = std::lower_bound(std::begin(multi), std::end(multi), c,
                                [](const MultiMapping& m, char32_t v) { return m.from < v; });
    if (mit != std::end(multi) && mit->from == c) {
        for (char32_t t : mit->to)
            if (t) utf8::append(out, t);
        return;
    }
    auto it = std::upper_bound(std::begin(singles), std::end(singles), c,
                               [](char32_t v, const Mapping& m) { return v < m.first; });
    if (it != std::begin(singles)) {
        --it;
        if (c <= it->last && (c - it->first) % it->stride == 0) {
            utf8::append(out, char32_t(std::int64_t(c) + it->delta));
            return;
        }
    }
    utf8::append(out, c);
}

} // namespace

bool isPrintable(char32_t c) { return inRanges(kPrintable, c); }
bool isAlpha(char32_t c)
{
    if (c < 128) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return inRanges(kAlpha, c);
}
bool isDecimal(char32_t c)
{
    if (c < 128) return c >= '0' && c <= '9';
    return inRanges(kDecimal, c);
}
bool isDigit(char32_t c)
{
    if (c < 128) return c >= '0' && c <= '9';
    return inRanges(kDigit, c);
}
bool isNumeric(char32_t c)
{
    if (c < 128) return c >= '0' && c <= '9';
    return inRanges(kNumeric, c);
}
bool isSpace(char32_t c)
{
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    return inRanges(kSpace, c);
}
bool isLower(char32_t c) { return inRanges(kLower, c); }
bool isUpper(char32_t c) { return inRanges(kUpper, c); }
bool isTitle(char32_t c) { return inRanges(kTitle, c); }
bool isCased(char32_t c) { return isLower(c) || isUpper(c) || isTitle(c); }
bool isCaseIgnorable(char32_t c) { return inRanges(kCaseIgnorable, c); }

bool isLineBreak(char32_t c)
{
    switch (c) {
    case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x1C: case 0x1D: case 0x1E:
    case 0x85: case 0x2028: case 0x2029:
        return true;
    default:
        return false;
    }
}

int decimalValue(char32_t c)
{
    if (c < 128) return (c >= '0' && c <= '9') ? int(c - '0') : -1;
    if (!isDecimal(c)) return -1;
    auto it = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), c);
    if (it == std::begin(kDecimalZeros)) return -1;
    --it;
    return c - *it <= 9 ? int(c - *it) : -1;
}

void appendLower(std::string& out, char32_t c)
{
    if (c < 128) {
        out += char((c >= 'A' && c <= 'Z') ? c + 32 : c);
        return;
    }
    appendMapped(out, c, kToLower, kToLowerMulti);
}

void appendUpper(std::string& out, char32_t c)
{
    if (c < 128) {
        out += char((c >= 'a' && c <= 'z') ? c - 32 : c);
        return;
    }
    appendMapped(out, c, kToUpper, kToUpperMulti);
}

void appendTitle(std::string& out, char32_t c)
{
    if (c < 128) {
        out += char((c >= 'a' && c <= 'z') ? c - 32 : c);
        return;
    }
    appendMapped(out, c, kToTitle, kToTitleMulti);
}

void appendCaseFold(std::string& out, char32_t c)
{
    if (c < 128) {
        out += char((c >= 'A' && c <= 'Z') ? c + 32 : c);
        return;
    }
    appendMapped(out, c, kCaseFold, kCaseFoldMulti);
}

} // namespace coroscope::pylite::unicode
