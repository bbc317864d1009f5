// Number conversions shared by int and float: text parsing, rounding,
// modular pow, exact int/float comparison and the numeric hash.

#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/detail/Unicode.h"
#include "core/script/value/detail/Utf8.h"

#include <charconv>
#include <climits>
#include <cmath>

namespace coroscope::pylite {

std::int64_t hashDouble(ObjectSpace&, double v, Value identity)
{
    constexpr int kBits = 61;
    constexpr std::uint64_t kModulus = (std::uint64_t(1) << kBits) - 1;
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? 314159 : -314159;
        auto y = std::uint64_t(identity.bits());
        y = (y >> 4) | (y << 60);
        auto h = std::int64_t(y);
        return h == -1 ? -2 : h;
    }
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    std::uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & kModulus) | x >> (kBits - 28);
        m *= 268435456.0;
        e -= 28;
        const auto y = std::uint64_t(m);
        m -= double(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
    x = ((x << e) & kModulus) | x >> (kBits - e);
    x = x * std::uint64_t(std::int64_t(sign));
    if (x == std::uint64_t(-1)) x = std::uint64_t(-2);
    return std::int64_t(x);
}

int compareIntDouble(std::int64_t i, double d)
{
    if (std::isnan(d)) return 2;
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    const double t = std::trunc(d);
    const auto ti = std::int64_t(t);
    if (i < ti) return -1;
    if (i > ti) return 1;
    const double frac = d - t;
    if (frac > 0) return -1;
    if (frac < 0) return 1;
    return 0;
}

bool doubleToInt64(ObjectSpace& space, double d, std::int64_t& out)
{
    if (std::isnan(d)) {
        space.raise(space.types().ValueError, "cannot convert float NaN to integer");
        return false;
    }
    if (std::isinf(d)) {
        space.raise(space.types().OverflowError, "cannot convert float infinity to integer");
        return false;
    }
    const double t = std::trunc(d);
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) {
        space.raise(space.types().OverflowError, kIntOverflowMessage);
        return false;
    }
    out = std::int64_t(t);
    return true;
}

namespace {

/// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII plus strip: other
/// scripts' decimal digits become ASCII, Unicode spaces become ' '.
std::string normalizeNumberText(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = utf8::next(text, i);
        if (c < 128) {
            out += char(c);
        } else if (unicode::isSpace(c)) {
            out += ' ';
        } else if (int dv = unicode::decimalValue(c); dv >= 0) {
            out += char('0' + dv);
        } else {
            out += '?';
        }
    }
    const std::size_t first = out.find_first_not_of(" \t\n\r\v\f\x1c\x1d\x1e\x1f");
    if (first == std::string::npos) return std::string();
    const std::size_t last = out.find_last_not_of(" \t\n\r\v\f\x1c\x1d\x1e\x1f");
    return out.substr(first, last - first + 1);
}

int digitValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Ref invalidInt(ObjectSpace& space, std::string_view text, int base)
{
    std::string shown = strRepr(text);
    if (utf8::countCodePoints(text) > 200) {
        std::size_t cut = strByteOffset(asStr(newStr(space, text).get()), 200);
        shown = strRepr(text.substr(0, cut));
    }
    std::string msg = "invalid literal for int() with base " + std::to_string(base) + ": " + shown;
    return space.raise(space.types().ValueError, msg);
}

} // namespace

Ref parseInt(ObjectSpace& space, std::string_view text, int base)
{
    const std::string s = normalizeNumberText(text);
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    int b = base;
    bool sawPrefix = false;
    if (i + 1 < s.size() && s[i] == '0') {
        const char p = char(s[i + 1] | 0x20);
        if ((p == 'x' && (b == 16 || b == 0)) || (p == 'o' && (b == 8 || b == 0)) || (p == 'b' && (b == 2 || b == 0))) {
            b = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            i += 2;
            sawPrefix = true;
        }
    }
    if (b == 0) {
        // Base 0 without prefix: decimal, and a leading zero allows only zeros.
        b = 10;
        if (i < s.size() && s[i] == '0') {
            for (std::size_t k = i; k < s.size(); ++k)
                if (s[k] != '0' && s[k] != '_') return invalidInt(space, text, base);
        }
    }
    unsigned __int128 acc = 0;
    bool anyDigit = false;
    bool prevUnderscore = false;
    bool allowUnderscore = sawPrefix; // one underscore may follow the prefix
    bool overflowed = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (!allowUnderscore) return invalidInt(space, text, base);
            allowUnderscore = false;
            prevUnderscore = true;
            continue;
        }
        const int dv = digitValue(c);
        if (dv >= b) return invalidInt(space, text, base);
        acc = acc * unsigned(b) + unsigned(dv);
        if (acc > (unsigned __int128)(1) << 64) {
            overflowed = true;
            acc = (unsigned __int128)(1) << 64;
        }
        anyDigit = true;
        prevUnderscore = false;
        allowUnderscore = true;
    }
    if (!anyDigit || prevUnderscore) return invalidInt(space, text, base);
    const unsigned __int128 limit = negative ? (unsigned __int128)(1) << 63 : ((unsigned __int128)(1) << 63) - 1;
    if (overflowed || acc > limit) return space.raise(space.types().OverflowError, kIntOverflowMessage);
    const std::int64_t v = negative ? std::int64_t(0 - std::uint64_t(acc)) : std::int64_t(acc);
    return newInt(space, v);
}

Ref parseFloat(ObjectSpace& space, std::string_view text)
{
    auto fail = [&]() {
        std::string msg = "could not convert string to float: " + strRepr(text);
        return space.raise(space.types().ValueError, msg);
    };
    const std::string s = normalizeNumberText(text);
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::string rest = s.substr(i);
    std::string lower;
    for (char c : rest) lower += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (lower == "inf" || lower == "infinity") return newFloat(space, negative ? -INFINITY : INFINITY);
    if (lower == "nan") return newFloat(space, negative ? -NAN : NAN);
    // digits [. digits] [e [sign] digits], underscores only between digits.
    std::string clean;
    std::size_t k = 0;
    auto digitRun = [&](bool& any) {
        bool prevDigit = false;
        while (k < rest.size()) {
            char c = rest[k];
            if (c >= '0' && c <= '9') {
                clean += c;
                prevDigit = true;
                any = true;
                ++k;
            } else if (c == '_' && prevDigit && k + 1 < rest.size() && rest[k + 1] >= '0' && rest[k + 1] <= '9') {
                prevDigit = false;
                ++k;
            } else {
                break;
            }
        }
    };
    bool intDigits = false, fracDigits = false, expDigits = false;
    digitRun(intDigits);
    if (k < rest.size() && rest[k] == '.') {
        clean += '.';
        ++k;
        digitRun(fracDigits);
    }
    if (!intDigits && !fracDigits) return fail();
    if (k < rest.size() && (rest[k] == 'e' || rest[k] == 'E')) {
        clean += 'e';
        ++k;
        if (k < rest.size() && (rest[k] == '+' || rest[k] == '-')) clean += rest[k++];
        digitRun(expDigits);
        if (!expDigits) return fail();
    }
    if (k != rest.size()) return fail();
    double value = 0;
    auto r = std::from_chars(clean.data(), clean.data() + clean.size(), value, std::chars_format::general);
    if (r.ec == std::errc::result_out_of_range) {
        // Decide overflow or underflow from the decimal exponent of the
        // first significant digit.
        long exp10 = 0;
        const std::size_t e = clean.find('e');
        if (e != std::string::npos) exp10 = std::strtol(clean.c_str() + e + 1, nullptr, 10);
        std::string mant = clean.substr(0, e);
        const std::size_t dot = mant.find('.');
        const long intLen = long(dot == std::string::npos ? mant.size() : dot);
        const std::size_t firstNonZero = mant.find_first_not_of("0.");
        long pos = 0;
        if (firstNonZero != std::string::npos) pos = firstNonZero < std::size_t(intLen) ? intLen - long(firstNonZero) : -long(firstNonZero - intLen - 1);
        value = (exp10 + pos > 0) ? INFINITY : 0.0;
    } else if (r.ec != std::errc()) {
        return fail();
    }
    return newFloat(space, negative ? -value : value);
}

// --- round / pow ------------------------------------------------------------

namespace {

/// round(x, ndigits) for a finite nonzero double, correctly rounded with
/// ties to even, as CPython's double_round.
double roundDouble(double x, std::int64_t ndigits)
{
    if (ndigits > 323) return x;
    if (ndigits < -308) return 0.0 * x;
    if (ndigits >= 0) {
        std::string buf(400, '\0');
        auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed, int(ndigits));
        double out = 0;
        std::from_chars(buf.data(), r.ptr, out);
        return out;
    }
    const std::size_t k = std::size_t(-ndigits);
    const double ax = std::fabs(x);
    const double ip = std::trunc(ax);
    const bool fraction = ax != ip;
    std::string buf(400, '\0');
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), ip, std::chars_format::fixed, 0);
    std::string digits(buf.data(), r.ptr);
    if (digits.size() < k + 1) digits.insert(0, k + 1 - digits.size(), '0');
    std::string keep = digits.substr(0, digits.size() - k);
    const std::string rest = digits.substr(digits.size() - k);
    std::string half(k, '0');
    half[0] = '5';
    bool up;
    if (rest > half) up = true;
    else if (rest < half) up = false;
    else up = fraction || ((keep.back() - '0') & 1);
    if (up) {
        int pos = int(keep.size()) - 1;
        while (pos >= 0 && keep[std::size_t(pos)] == '9') keep[std::size_t(pos--)] = '0';
        if (pos < 0) keep.insert(keep.begin(), '1');
        else ++keep[std::size_t(pos)];
    }
    std::string text = keep + "e" + std::to_string(k);
    double out = 0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return std::copysign(out, x);
}

} // namespace

Ref roundNumber(ObjectSpace& space, Value number, Value ndigits)
{
    if (isIntValue(space, number)) {
        const std::int64_t x = intValueOf(number);
        if (!ndigits) return newInt(space, x);
        std::int64_t n;
        if (!indexValue(space, ndigits, n)) return Ref();
        if (n >= 0) return newInt(space, x);
        if (n < -18) return newInt(space, 0);
        std::int64_t p = 1;
        for (std::int64_t k = 0; k < -n; ++k) p *= 10;
        std::int64_t q = x / p;
        std::int64_t r = x % p;
        if (r < 0) {
            r += p;
            --q;
        }
        const std::int64_t twice = r * 2; // r < p <= 1e18: no overflow
        if (twice > p || (twice == p && (q & 1))) ++q;
        std::int64_t out;
        if (__builtin_mul_overflow(q, p, &out)) return space.raise(space.types().OverflowError, kIntOverflowMessage);
        return newInt(space, out);
    }
    if (isFloatValue(space, number)) {
        const double x = floatValueOf(number);
        if (!ndigits) {
            const double r = std::nearbyint(x);
            std::int64_t i;
            if (!doubleToInt64(space, r, i)) return Ref();
            return newInt(space, i);
        }
        std::int64_t n;
        if (!indexValue(space, ndigits, n)) return Ref();
        if (!std::isfinite(x) || x == 0.0) return newFloat(space, x);
        const double r = roundDouble(x, n);
        if (std::isinf(r)) return space.raise(space.types().OverflowError, "rounded value too large to represent");
        return newFloat(space, r);
    }
    Ref method = Ref::borrow(lookupInMro(space.typeOf(number), space.name(Name::Round)));
    if (!method) {
        std::string msg = "type ";
        msg += typeName(space, number);
        msg += " doesn't define __round__ method";
        return space.raise(space.types().TypeError, msg);
    }
    if (ndigits) return callMethod(space, number, "__round__", {ndigits});
    return callMethod(space, number, "__round__", {});
}

Ref powMod(ObjectSpace& space, Value base, Value exp, Value mod)
{
    if (!isIntValue(space, base) || !isIntValue(space, exp) || !isIntValue(space, mod))
        return space.raise(space.types().TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    std::int64_t b = intValueOf(base);
    std::int64_t e = intValueOf(exp);
    const std::int64_t m = intValueOf(mod);
    if (m == 0) return space.raise(space.types().ValueError, "pow() 3rd argument cannot be 0");
    const __int128 am = m < 0 ? -__int128(m) : __int128(m);
    __int128 x = __int128(b) % am;
    if (x < 0) x += am;
    if (e < 0) {
        // Modular inverse by the extended Euclidean algorithm.
        __int128 r0 = am, r1 = x, t0 = 0, t1 = 1;
        while (r1 != 0) {
            const __int128 q = r0 / r1;
            __int128 tmp = r0 - q * r1;
            r0 = r1;
            r1 = tmp;
            tmp = t0 - q * t1;
            t0 = t1;
            t1 = tmp;
        }
        if (r0 != 1) return space.raise(space.types().ValueError, "base is not invertible for the given modulus");
        x = t0 % am;
        if (x < 0) x += am;
        e = -e;
    }
    __int128 result = 1 % am;
    while (e > 0) {
        if (e & 1) result = result * x % am;
        x = x * x % am;
        e >>= 1;
    }
    if (m < 0 && result != 0) result -= am;
    return newInt(space, std::int64_t(result));
}

} // namespace coroscope::pylite
