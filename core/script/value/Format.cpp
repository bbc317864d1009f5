// The format-spec mini-language, after CPython's Python/formatter_unicode.c.

#include "core/script/value/Format.h"

#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/detail/Utf8.h"

#include <charconv>
#include <climits>
#include <cstdio>

namespace coroscope::pylite {

namespace {

bool isAlign(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

Ref valueError(ObjectSpace& space, const std::string& msg) { return space.raise(space.types().ValueError, msg); }

std::string typeChar(char t)
{
    if (t > 32 && t < 127) return std::string(1, t);
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%x", unsigned(static_cast<unsigned char>(t)));
    return buf;
}

bool badGrouping(ObjectSpace& space, const FormatSpec& spec)
{
    std::string msg = "Cannot specify '";
    msg += spec.grouping;
    msg += "' with '" + typeChar(spec.type) + "'.";
    valueError(space, msg);
    return false;
}

/// Inserts separators every `group` digits (from the right), zero-padding
/// the digits up to `minWidth` characters as CPython does for '0' fill.
std::string groupDigits(std::string_view digits, int group, char sep, std::int64_t minWidth)
{
    std::string out; // built reversed
    std::int64_t remaining = std::int64_t(digits.size());
    std::size_t pos = digits.size();
    bool useSep = false;
    bool broken = false;
    auto emit = [&](std::int64_t groupLen) {
        const std::int64_t len = std::min(groupLen, std::max<std::int64_t>(std::max(remaining, minWidth), 1));
        const std::int64_t zeros = std::max<std::int64_t>(0, len - remaining);
        const std::int64_t chars = std::max<std::int64_t>(0, std::min(remaining, len));
        if (useSep) out += sep;
        for (std::int64_t k = 0; k < chars; ++k) out += digits[--pos];
        out.append(std::size_t(zeros), '0');
        remaining -= chars;
    };
    if (group > 0) {
        for (;;) {
            emit(group);
            useSep = true;
            minWidth -= group;
            if (remaining <= 0 && minWidth <= 0) {
                broken = true;
                break;
            }
            minWidth -= 1;
        }
    }
    if (!broken) emit(std::max<std::int64_t>(std::max(remaining, minWidth), 1));
    return std::string(out.rbegin(), out.rend());
}

void appendFill(std::string& out, char32_t fill, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i) utf8::append(out, fill);
}

/// CPython's calc_number_widths + fill_number: lays out sign, prefix,
/// (grouped) digits, remainder (".5e+10", "%"...), with padding.
void layoutNumber(std::string& out, const FormatSpec& spec, bool negative, std::string_view prefix, std::string_view digits,
                  std::string_view remainder, bool hasDecimal, int group, char sep)
{
    char sign = 0;
    if (spec.sign == '+') sign = negative ? '-' : '+';
    else if (spec.sign == ' ') sign = negative ? '-' : ' ';
    else if (negative) sign = '-';
    const std::int64_t nonDigits = (sign ? 1 : 0) + std::int64_t(prefix.size()) + (hasDecimal ? 1 : 0) + std::int64_t(remainder.size());
    const char align = spec.align ? spec.align : spec.zeroPad ? '=' : '>';
    const std::int64_t minWidth = (spec.fill == U'0' && align == '=') ? spec.width - nonDigits : 0;
    std::string grouped = digits.empty() ? std::string() : groupDigits(digits, group, sep, minWidth);
    const std::int64_t padding = spec.width - (nonDigits + std::int64_t(grouped.size()));
    std::int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (align) {
        case '<': rpad = padding; break;
        case '^':
            lpad = padding / 2;
            rpad = padding - lpad;
            break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    appendFill(out, spec.fill, lpad);
    if (sign) out += sign;
    out += prefix;
    appendFill(out, spec.fill, spad);
    out += grouped;
    if (hasDecimal) out += '.';
    out += remainder;
    appendFill(out, spec.fill, rpad);
}

} // namespace

bool parseFormatSpec(ObjectSpace& space, std::string_view spec, FormatSpec& out)
{
    out = FormatSpec();
    std::size_t i = 0;
    std::size_t j = 0;
    // [[fill]align]
    char32_t first = 0;
    if (!spec.empty()) {
        j = 0;
        first = utf8::next(spec, j);
    }
    bool fillSpecified = false;
    bool alignSpecified = false;
    if (j < spec.size() && isAlign(char32_t(static_cast<unsigned char>(spec[j])))) {
        out.fill = first;
        out.align = spec[j];
        i = j + 1;
        fillSpecified = alignSpecified = true;
    } else if (!spec.empty() && isAlign(char32_t(static_cast<unsigned char>(spec[0])))) {
        out.align = spec[0];
        i = 1;
        alignSpecified = true;
    }
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) out.sign = spec[i++];
    if (i < spec.size() && spec[i] == 'z') {
        out.noNegZero = true;
        ++i;
    }
    if (i < spec.size() && spec[i] == '#') {
        out.alternate = true;
        ++i;
    }
    if (!fillSpecified && i < spec.size() && spec[i] == '0') {
        // Sign-aware zero padding: numbers default to '=' alignment then
        // (decided by the formatter, which knows the type's default).
        out.fill = U'0';
        out.zeroPad = !alignSpecified;
        ++i;
    }
    auto readInt = [&](std::int64_t& value) -> int {
        std::size_t start = i;
        std::int64_t v = 0;
        while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
            if (v > (INT64_MAX - 9) / 10) {
                valueError(space, "Too many decimal digits in format string");
                return -1;
            }
            v = v * 10 + (spec[i] - '0');
            ++i;
        }
        if (i == start) return 0;
        value = v;
        return 1;
    };
    if (readInt(out.width) < 0) return false;
    if (i < spec.size() && spec[i] == ',') {
        out.grouping = ',';
        ++i;
    }
    if (i < spec.size() && spec[i] == '_') {
        if (out.grouping) {
            valueError(space, "Cannot specify both ',' and '_'.");
            return false;
        }
        out.grouping = '_';
        ++i;
    }
    if (i < spec.size() && spec[i] == ',' && out.grouping == '_') {
        valueError(space, "Cannot specify both ',' and '_'.");
        return false;
    }
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        const int r = readInt(out.precision);
        if (r < 0) return false;
        if (r == 0) {
            valueError(space, "Format specifier missing precision");
            return false;
        }
    }
    if (spec.size() - i > 1) {
        out.type = char(0x7f); // marks "invalid": the caller names the type
        out.invalid = std::string(spec);
        return true;
    }
    if (i < spec.size()) out.type = spec[i];
    return true;
}

namespace {

bool invalidSpec(ObjectSpace& space, const FormatSpec& spec, std::string_view typeName)
{
    if (spec.invalid.empty()) return true;
    valueError(space, "Invalid format specifier '" + spec.invalid + "' for object of type '" + std::string(typeName) + "'");
    return false;
}

/// PEP 378/515 rules on ',' and '_', checked with the type's default
/// presentation type filled in (as CPython's spec parser does).
bool checkGrouping(ObjectSpace& space, const FormatSpec& spec, char defaultType)
{
    if (!spec.grouping) return true;
    FormatSpec s = spec;
    if (!s.type) s.type = defaultType;
    switch (s.type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: return true;
    case 'b': case 'o': case 'x': case 'X':
        if (s.grouping == '_') return true;
        return badGrouping(space, s);
    default: return badGrouping(space, s);
    }
}

bool unknownCode(ObjectSpace& space, char type, std::string_view typeName)
{
    valueError(space, "Unknown format code '" + typeChar(type) + "' for object of type '" + std::string(typeName) + "'");
    return false;
}

} // namespace

void padTo(std::string& out, std::string_view body, const FormatSpec& spec, char defaultAlign)
{
    const std::int64_t len = utf8::countCodePoints(body);
    const char align = spec.align ? spec.align : defaultAlign;
    std::int64_t lpad = 0, rpad = 0;
    if (spec.width > len) {
        const std::int64_t total = spec.width - len;
        if (align == '>') lpad = total;
        else if (align == '^') lpad = total / 2;
        rpad = total - lpad;
    }
    appendFill(out, spec.fill, lpad);
    out += body;
    appendFill(out, spec.fill, rpad);
}

bool formatStrTo(ObjectSpace& space, std::string_view text, const FormatSpec& spec, std::string& out)
{
    if (!invalidSpec(space, spec, "str") || !checkGrouping(space, spec, 's')) return false;
    if (spec.type && spec.type != 's') return unknownCode(space, spec.type, "str");
    if (spec.sign) return valueError(space, "Sign not allowed in string format specifier"), false;
    if (spec.noNegZero) return valueError(space, "Negative zero coercion (z) not allowed in string format specifier"), false;
    if (spec.alternate) return valueError(space, "Alternate form (#) not allowed in string format specifier"), false;
    if (spec.align == '=') return valueError(space, "'=' alignment not allowed in string format specifier"), false;
    std::string_view body = text;
    if (spec.precision >= 0 && utf8::countCodePoints(text) > spec.precision) {
        std::size_t p = 0;
        for (std::int64_t k = 0; k < spec.precision; ++k) utf8::next(text, p);
        body = text.substr(0, p);
    }
    padTo(out, body, spec, '<');
    return true;
}

bool formatFloatTo(ObjectSpace& space, double v, const FormatSpec& spec, std::string& out)
{
    if (!invalidSpec(space, spec, "float") || !checkGrouping(space, spec, 0)) return false;
    char type = spec.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': case 'n': break;
    default: return unknownCode(space, type, "float");
    }
    FloatFormatFlags flags;
    flags.alternate = spec.alternate;
    flags.noNegativeZero = spec.noNegZero;
    int precision = spec.precision < 0 ? -1 : int(std::min<std::int64_t>(spec.precision, INT_MAX));
    if (spec.precision > INT_MAX) return valueError(space, "precision too big"), false;
    int defaultPrecision = 6;
    if (type == 0) {
        flags.addDot0 = true;
        type = 'r';
        defaultPrecision = 0;
    }
    if (type == 'n') type = 'g';
    bool percent = false;
    if (type == '%') {
        type = 'f';
        v *= 100;
        percent = true;
    }
    if (precision < 0) precision = defaultPrecision;
    else if (type == 'r') type = 'g';
    std::string buf = formatDouble(v, type, precision, flags);
    if (percent) buf += '%';
    std::string_view s = buf;
    bool negative = false;
    if (!s.empty() && s[0] == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    std::size_t d = 0;
    while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
    const bool hasDecimal = d < s.size() && s[d] == '.';
    std::string_view remainder = s.substr(d + (hasDecimal ? 1 : 0));
    const int group = spec.grouping ? 3 : 0;
    layoutNumber(out, spec, negative, {}, s.substr(0, d), remainder, hasDecimal, group, spec.grouping);
    return true;
}

bool formatIntTo(ObjectSpace& space, std::int64_t v, const FormatSpec& spec, std::string& out)
{
    if (!invalidSpec(space, spec, "int") || !checkGrouping(space, spec, 'd')) return false;
    const char type = spec.type ? spec.type : 'd';
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return formatFloatTo(space, double(v), spec, out);
    case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c': break;
    default: return unknownCode(space, type, "int");
    }
    if (spec.precision >= 0) return valueError(space, "Precision not allowed in integer format specifier"), false;
    if (spec.noNegZero) return valueError(space, "Negative zero coercion (z) not allowed in integer format specifier"), false;
    if (type == 'c') {
        if (spec.sign) return valueError(space, "Sign not allowed with integer format specifier 'c'"), false;
        if (spec.alternate) return valueError(space, "Alternate form (#) not allowed with integer format specifier 'c'"), false;
        if (v < 0 || v > 0x10ffff) {
            space.raise(space.types().OverflowError, "%c arg not in range(0x110000)");
            return false;
        }
        std::string ch;
        utf8::append(ch, char32_t(v));
        layoutNumber(out, spec, false, {}, {}, ch, false, 0, 0);
        return true;
    }
    const int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    const bool negative = v < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t(0) - std::uint64_t(v) : std::uint64_t(v);
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, magnitude, base);
    std::string digits(buf, r.ptr);
    if (type == 'X')
        for (char& c : digits) c = char(c >= 'a' && c <= 'f' ? c - 32 : c);
    std::string prefix;
    if (spec.alternate && base != 10) {
        prefix = "0";
        prefix += type == 'b' ? 'b' : type == 'o' ? 'o' : type == 'x' ? 'x' : 'X';
    }
    const int group = !spec.grouping ? 0 : base == 10 ? 3 : 4;
    layoutNumber(out, spec, negative, prefix, digits, {}, false, group, spec.grouping);
    return true;
}

Ref formatValue(ObjectSpace& space, Value value, std::string_view specText)
{
    TypeObject* t = space.typeOf(value);
    const BuiltinTypes& T = space.types();
    if (specText.empty() && (t == T.strType || t == T.intType || t == T.boolType || t == T.floatType)) return str(space, value);
    if (t == T.strType || t == T.intType || t == T.boolType || t == T.floatType) {
        FormatSpec spec;
        if (!parseFormatSpec(space, specText, spec)) return Ref();
        std::string out;
        bool ok;
        if (t == T.strType) ok = formatStrTo(space, strView(value), spec, out);
        else if (t == T.floatType) ok = formatFloatTo(space, floatValueOf(value), spec, out);
        else ok = formatIntTo(space, intValueOf(value), spec, out);
        if (!ok) return Ref();
        return newStr(space, out);
    }
    Ref specStr = newStr(space, specText);
    if (!specStr) return Ref();
    return formatValue(space, value, specStr.get());
}

Ref formatValue(ObjectSpace& space, Value value, Value spec)
{
    TypeObject* t = space.typeOf(value);
    const BuiltinTypes& T = space.types();
    if (!spec) spec = space.emptyStr();
    if (t == T.strType || t == T.intType || t == T.boolType || t == T.floatType) return formatValue(space, value, strView(spec));
    Ref method = Ref::borrow(lookupInMro(t, space.name(Name::Format)));
    if (!method) {
        std::string msg = "Type ";
        msg += t->name();
        msg += " doesn't define __format__";
        return space.raise(T.TypeError, msg);
    }
    Ref r = callMethod(space, value, "__format__", {spec});
    if (r && !isStr(space, r.get())) {
        std::string msg = "__format__ must return a str, not ";
        msg += typeName(space, r.get());
        return space.raise(T.TypeError, msg);
    }
    return r;
}

} // namespace coroscope::pylite
