// printf-style formatting: `format % values`, after CPython's
// PyUnicode_Format (Objects/unicodeobject.c).

#include "core/script/value/Format.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Utf8.h"

#include <charconv>
#include <cstdio>

namespace coroscope::pylite {

namespace {

enum Flag : unsigned { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

class PercentFormatter {
public:
    PercentFormatter(ObjectSpace& space, StrObject* format, Value values) : m_space(space), m_format(format->view())
    {
        TypeObject* t = space.typeOf(values);
        if (isTuple(space, values)) {
            m_tuple = asTuple(values);
            m_argCount = m_tuple->m_size;
        } else {
            m_single = values;
            m_argCount = -1;
            m_argIndex = -2;
        }
        if (t->m_slots.getItem && !isTuple(space, values) && !isStr(space, values)) m_dict = values;
    }

    Ref run()
    {
        std::string out;
        std::size_t i = 0;
        std::int64_t cpIndex = 0; // code point index of i, for error messages
        while (i < m_format.size()) {
            const char c = m_format[i];
            if (c != '%') {
                const std::size_t at = i;
                utf8::next(m_format, i);
                out.append(m_format.substr(at, i - at));
                ++cpIndex;
                continue;
            }
            ++i;
            ++cpIndex;
            if (!spec(i, cpIndex, out)) return Ref();
        }
        if (m_argIndex < m_argCount && !m_dict)
            return m_space.raise(m_space.types().TypeError, "not all arguments converted during string formatting");
        return newStr(m_space, out);
    }

private:
    Ref typeError(const std::string& msg) { return m_space.raise(m_space.types().TypeError, msg); }

    Value nextArg()
    {
        if (m_argCount < 0) {
            if (m_argIndex == -2) {
                m_argIndex = -1;
                return m_single;
            }
        } else if (m_argIndex < m_argCount) {
            return m_tuple->item(m_argIndex++);
        }
        typeError("not enough arguments for format string");
        return Value();
    }

    bool starArg(std::int64_t& out)
    {
        Value v = nextArg();
        if (!v) return false;
        if (!isIntValue(m_space, v)) {
            typeError("* wants int");
            return false;
        }
        out = intValueOf(v);
        return true;
    }

    bool spec(std::size_t& i, std::int64_t& cpIndex, std::string& out)
    {
        const std::size_t n = m_format.size();
        auto incomplete = [&] {
            m_space.raise(m_space.types().ValueError, "incomplete format");
            return false;
        };
        if (i >= n) return incomplete();
        if (m_format[i] == '%') {
            out += '%';
            ++i;
            ++cpIndex;
            return true;
        }
        Ref fromKey;
        if (m_format[i] == '(') {
            int depth = 1;
            const std::size_t start = ++i;
            while (i < n && depth > 0) {
                if (m_format[i] == '(') ++depth;
                else if (m_format[i] == ')') --depth;
                ++i;
            }
            if (depth > 0) {
                m_space.raise(m_space.types().ValueError, "incomplete format key");
                return false;
            }
            cpIndex += utf8::countCodePoints(m_format.substr(start - 1, i - start + 1));
            if (!m_dict) {
                typeError("format requires a mapping");
                return false;
            }
            Ref key = newStr(m_space, m_format.substr(start, i - 1 - start));
            if (!key) return false;
            fromKey = getItem(m_space, m_dict, key.get());
            if (!fromKey) return false;
            m_argIndex = -2;
            m_argCount = -1;
        }
        unsigned flags = 0;
        for (; i < n; ++i, ++cpIndex) {
            const char f = m_format[i];
            if (f == '-') flags |= kLeft;
            else if (f == '+') flags |= kSign;
            else if (f == ' ') flags |= kBlank;
            else if (f == '#') flags |= kAlt;
            else if (f == '0') flags |= kZero;
            else break;
        }
        std::int64_t width = -1, precision = -1;
        if (i < n && m_format[i] == '*') {
            ++i;
            ++cpIndex;
            if (!starArg(width)) return false;
            if (width < 0) {
                flags |= kLeft;
                width = -width;
            }
        } else {
            while (i < n && m_format[i] >= '0' && m_format[i] <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (m_format[i] - '0');
                ++i;
                ++cpIndex;
            }
        }
        if (i < n && m_format[i] == '.') {
            ++i;
            ++cpIndex;
            precision = 0;
            if (i < n && m_format[i] == '*') {
                ++i;
                ++cpIndex;
                if (!starArg(precision)) return false;
                if (precision < 0) precision = 0;
            } else {
                while (i < n && m_format[i] >= '0' && m_format[i] <= '9') {
                    precision = precision * 10 + (m_format[i] - '0');
                    ++i;
                    ++cpIndex;
                }
            }
        }
        while (i < n && (m_format[i] == 'h' || m_format[i] == 'l' || m_format[i] == 'L')) {
            ++i;
            ++cpIndex;
        }
        if (i >= n) return incomplete();
        const std::int64_t charIndex = cpIndex;
        std::size_t after = i;
        const char32_t conv = utf8::next(m_format, after);
        i = after;
        ++cpIndex;
        Value v = fromKey ? fromKey.get() : nextArg();
        if (!v) return false;
        return convert(conv, charIndex, v, flags, width, precision, out);
    }

    bool convert(char32_t conv, std::int64_t charIndex, Value v, unsigned flags, std::int64_t width, std::int64_t precision,
                 std::string& out)
    {
        switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            Ref text = conv == 's' ? str(m_space, v) : repr(m_space, v);
            if (!text) return false;
            std::string body(strView(text.get()));
            if (conv == 'a') body = asciiEscape(body);
            if (precision >= 0 && utf8::countCodePoints(body) > precision) {
                std::size_t p = 0;
                for (std::int64_t k = 0; k < precision; ++k) utf8::next(body, p);
                body.resize(p);
            }
            pad(out, "", "", body, flags & ~unsigned(kZero), width);
            return true;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': return formatInteger(char(conv), v, flags, width, precision, out);
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d;
            if (!toDouble(m_space, v, d)) return false;
            FloatFormatFlags ff;
            ff.alternate = (flags & kAlt) != 0;
            std::string text = formatDouble(d, char(conv), precision < 0 ? 6 : int(precision), ff);
            std::string_view body = text;
            std::string sign;
            if (!body.empty() && body[0] == '-') {
                sign = "-";
                body.remove_prefix(1);
            } else if (flags & kSign) {
                sign = "+";
            } else if (flags & kBlank) {
                sign = " ";
            }
            pad(out, sign, "", body, flags, width);
            return true;
        }
        case 'c': {
            std::string ch;
            if (isStr(m_space, v)) {
                if (asStr(v)->m_length != 1) return typeError("%c requires int or char"), false;
                ch = std::string(strView(v));
            } else if (isIntValue(m_space, v) || m_space.typeOf(v)->m_slots.index) {
                std::int64_t c;
                if (!indexValue(m_space, v, c)) return false;
                if (c < 0 || c > 0x10ffff) {
                    m_space.raise(m_space.types().OverflowError, "%c arg not in range(0x110000)");
                    return false;
                }
                utf8::append(ch, char32_t(c));
            } else {
                return typeError("%c requires int or char"), false;
            }
            pad(out, "", "", ch, flags & ~unsigned(kZero), width);
            return true;
        }
        default: {
            char buf[96];
            std::string shown;
            if (conv >= 32 && conv < 127) shown = std::string(1, char(conv));
            else utf8::append(shown, conv);
            std::snprintf(buf, sizeof buf, "' (0x%x) at index %lld", unsigned(conv), static_cast<long long>(charIndex));
            m_space.raise(m_space.types().ValueError, "unsupported format character '" + shown + buf);
            return false;
        }
        }
    }

    bool formatInteger(char conv, Value v, unsigned flags, std::int64_t width, std::int64_t precision, std::string& out)
    {
        std::int64_t i;
        TypeObject* t = m_space.typeOf(v);
        if (isIntValue(m_space, v)) {
            i = intValueOf(v);
        } else if (conv == 'o' || conv == 'x' || conv == 'X') {
            if (!t->m_slots.index) {
                typeError(std::string("%") + conv + " format: an integer is required, not " + std::string(t->name()));
                return false;
            }
            if (!indexValue(m_space, v, i)) return false;
        } else {
            if (!t->m_slots.index && !t->m_slots.toInt && !t->m_slots.toFloat) {
                typeError(std::string("%") + conv + " format: a real number is required, not " + std::string(t->name()));
                return false;
            }
            if (isFloatValue(m_space, v)) {
                if (!doubleToInt64(m_space, floatValueOf(v), i)) return false;
            } else {
                Ref r = t->m_slots.toInt ? t->m_slots.toInt(m_space, v) : t->m_slots.index ? t->m_slots.index(m_space, v) : Ref();
                if (!r && !m_space.hasError() && t->m_slots.toFloat) r = t->m_slots.toFloat(m_space, v);
                if (!r) return false;
                if (isFloatValue(m_space, r.get())) {
                    if (!doubleToInt64(m_space, floatValueOf(r.get()), i)) return false;
                } else if (!asInt64(m_space, r.get(), i)) {
                    return typeError("__int__ returned non-int"), false;
                }
            }
        }
        const bool negative = i < 0;
        const std::uint64_t magnitude = negative ? std::uint64_t(0) - std::uint64_t(i) : std::uint64_t(i);
        const int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
        char buf[72];
        auto r = std::to_chars(buf, buf + sizeof buf, magnitude, base);
        std::string digits(buf, r.ptr);
        if (conv == 'X')
            for (char& c : digits) c = char(c >= 'a' && c <= 'f' ? c - 32 : c);
        if (precision >= 0 && std::int64_t(digits.size()) < precision) digits.insert(0, std::size_t(precision - std::int64_t(digits.size())), '0');
        std::string prefix;
        if ((flags & kAlt) && base != 10) {
            prefix.push_back('0');
            prefix.push_back(conv == 'o' ? 'o' : conv);
        }
        std::string sign = negative ? "-" : (flags & kSign) ? "+" : (flags & kBlank) ? " " : "";
        pad(out, sign, prefix, digits, flags, width);
        return true;
    }

    /// Lays out sign + prefix + body in `width` (code points) with the
    /// flags' justification: '-' pads right, '0' pads zeros after the sign.
    static void pad(std::string& out, std::string_view sign, std::string_view prefix, std::string_view body, unsigned flags,
                    std::int64_t width)
    {
        const std::int64_t len = std::int64_t(sign.size() + prefix.size()) + utf8::countCodePoints(body);
        const std::int64_t fill = width > len ? width - len : 0;
        if (flags & kLeft) {
            out.append(sign).append(prefix).append(body).append(std::size_t(fill), ' ');
        } else if (flags & kZero) {
            out.append(sign).append(prefix).append(std::size_t(fill), '0').append(body);
        } else {
            out.append(std::size_t(fill), ' ').append(sign).append(prefix).append(body);
        }
    }

    ObjectSpace& m_space;
    std::string_view m_format;
    TupleObject* m_tuple = nullptr;
    Value m_single;
    Value m_dict;
    std::int64_t m_argCount = 0;
    std::int64_t m_argIndex = 0;
};

} // namespace

Ref strPercentFormat(ObjectSpace& space, StrObject* format, Value values)
{
    PercentFormatter f(space, format, values);
    return f.run();
}

} // namespace coroscope::pylite
