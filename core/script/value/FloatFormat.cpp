// Float to text exactly as CPython's PyOS_double_to_string: digits come from
// std::to_chars (shortest round-trip, or correctly rounded to a precision),
// then are laid out with CPython's rules for each presentation type.

#include "core/script/value/Number.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace coroscope::pylite {

namespace {

/// Decimal digits of |d| without leading/trailing zeros, and the position
/// of the decimal point: |d| = 0.DIGITS * 10**decpt ("0" / decpt 1 for 0).
struct Digits {
    std::string digits;
    int decpt = 1;
};

void trim(Digits& out)
{
    std::size_t first = out.digits.find_first_not_of('0');
    if (first == std::string::npos) {
        out.digits.assign(1, '0');
        out.decpt = 1;
        return;
    }
    out.decpt -= int(first);
    out.digits.erase(0, first);
    out.digits.erase(out.digits.find_last_not_of('0') + 1);
}

/// From a scientific to_chars result "d.ddde+XX".
Digits fromScientific(std::string_view s)
{
    Digits out;
    const std::size_t e = s.find('e');
    int exponent = 0;
    std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exponent);
    for (char c : s.substr(0, e))
        if (c != '.') out.digits += c;
    out.decpt = exponent + 1;
    trim(out);
    return out;
}

/// Shortest digits that round-trip (dtoa mode 0).
Digits shortestDigits(double x)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    return fromScientific(std::string_view(buf, std::size_t(r.ptr - buf)));
}

/// `n` significant digits, correctly rounded (dtoa mode 2).
Digits significantDigits(double x, int n)
{
    char buf[512];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific, n - 1);
    return fromScientific(std::string_view(buf, std::size_t(r.ptr - buf)));
}

/// Correctly rounded to `n` digits after the point (dtoa mode 3).
Digits fixedDigits(double x, int n)
{
    std::string buf(std::size_t(330 + n), '\0');
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(x), std::chars_format::fixed, n);
    std::string_view s(buf.data(), std::size_t(r.ptr - buf.data()));
    Digits out;
    const std::size_t dot = s.find('.');
    out.decpt = int(dot == std::string_view::npos ? s.size() : dot);
    for (char c : s)
        if (c != '.') out.digits += c;
    trim(out);
    return out;
}

std::string specialValue(double d, bool upper, const FloatFormatFlags& f)
{
    std::string out;
    if (std::isnan(d)) {
        if (f.alwaysSign) out += '+';
        else if (f.spaceSign) out += ' ';
        out += upper ? "NAN" : "nan";
        return out;
    }
    if (std::signbit(d)) out += '-';
    else if (f.alwaysSign) out += '+';
    else if (f.spaceSign) out += ' ';
    out += upper ? "INF" : "inf";
    return out;
}

} // namespace

std::string formatDouble(double d, char code, int precision, const FloatFormatFlags& flags)
{
    const bool upper = code == 'E' || code == 'F' || code == 'G';
    char mode = char(upper ? code + ('a' - 'A') : code);
    if (!std::isfinite(d)) return specialValue(d, upper, flags);
    if (precision < 0) precision = 6;

    Digits dg;
    switch (mode) {
    case 'e':
        dg = significantDigits(d, precision + 1);
        break;
    case 'f':
        dg = fixedDigits(d, precision);
        break;
    case 'g':
        if (precision == 0) precision = 1;
        dg = significantDigits(d, precision);
        break;
    default: // 'r'
        dg = shortestDigits(d);
        break;
    }
    const bool zero = dg.digits == "0";
    if (d == 0.0 && mode != 'f') {
        dg.digits.assign(1, '0');
        dg.decpt = 1;
    }
    bool negative = std::signbit(d);
    if (negative && flags.noNegativeZero && zero) negative = false;

    const int digitsLen = int(dg.digits.size());
    int decpt = dg.decpt;
    int vdigitsEnd = digitsLen;
    bool useExp = false;
    switch (mode) {
    case 'e':
        useExp = true;
        vdigitsEnd = precision + 1;
        break;
    case 'f':
        vdigitsEnd = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (flags.addDot0 ? precision - 1 : precision)) useExp = true;
        if (flags.alternate) vdigitsEnd = precision;
        break;
    default:
        if (decpt <= -4 || decpt > 16) useExp = true;
        break;
    }
    int exponent = 0;
    if (useExp) {
        exponent = decpt - 1;
        decpt = 1;
    }
    const int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
    if (!useExp && flags.addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
    else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

    std::string out;
    if (negative) out += '-';
    else if (flags.alwaysSign) out += '+';
    else if (flags.spaceSign) out += ' ';

    if (decpt <= 0) {
        out.append(std::size_t(decpt - vdigitsStart), '0');
        out += '.';
        out.append(std::size_t(-decpt), '0');
    } else {
        out.append(std::size_t(-vdigitsStart), '0');
    }
    if (0 < decpt && decpt <= digitsLen) {
        out.append(dg.digits, 0, std::size_t(decpt));
        out += '.';
        out.append(dg.digits, std::size_t(decpt), std::string::npos);
    } else {
        out += dg.digits;
    }
    if (digitsLen < decpt) {
        out.append(std::size_t(decpt - digitsLen), '0');
        out += '.';
        out.append(std::size_t(vdigitsEnd - decpt), '0');
    } else {
        out.append(std::size_t(vdigitsEnd - digitsLen), '0');
    }
    if (out.back() == '.' && !flags.alternate) out.pop_back();
    if (useExp) {
        out += upper ? 'E' : 'e';
        out += exponent < 0 ? '-' : '+';
        const int ae = exponent < 0 ? -exponent : exponent;
        if (ae < 10) out += '0';
        out += std::to_string(ae);
    }
    return out;
}

std::string floatRepr(double d)
{
    FloatFormatFlags flags;
    flags.addDot0 = true;
    return formatDouble(d, 'r', 0, flags);
}

} // namespace coroscope::pylite
