// str.format(): the replacement-field grammar of CPython's
// Objects/stringlib/unicode_format.h, with its error messages.

#include "core/script/value/Args.h"
#include "core/script/value/Format.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Utf8.h"

#include <cstdio>

namespace coroscope::pylite {

std::string asciiEscape(std::string_view reprText)
{
    std::string out;
    char buf[16];
    for (std::size_t i = 0; i < reprText.size();) {
        const std::size_t at = i;
        const char32_t c = utf8::next(reprText, i);
        if (c < 0x80) {
            out.append(reprText.substr(at, i - at));
        } else {
            if (c <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
            else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
            else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
            out += buf;
        }
    }
    return out;
}

namespace {

class Formatter {
public:
    Formatter(ObjectSpace& space, const CallArgs& args) : m_space(space), m_args(args) {}

    bool render(std::string_view text, int depth, std::string& out)
    {
        if (depth <= 0) return fail("Max string recursion exceeded");
        std::size_t i = 0;
        const std::size_t n = text.size();
        while (i < n) {
            const char c = text[i];
            if (c == '}') {
                if (i + 1 < n && text[i + 1] == '}') {
                    out += '}';
                    i += 2;
                    continue;
                }
                return fail("Single '}' encountered in format string");
            }
            if (c != '{') {
                out += c;
                ++i;
                continue;
            }
            if (i + 1 >= n) return fail("Single '{' encountered in format string");
            if (text[i + 1] == '{') {
                out += '{';
                i += 2;
                continue;
            }
            ++i;
            if (!field(text, i, depth, out)) return false;
        }
        return true;
    }

private:
    bool fail(const std::string& msg)
    {
        m_space.raise(m_space.types().ValueError, msg);
        return false;
    }

    /// Parses one replacement field starting after '{'; `i` ends after '}'.
    bool field(std::string_view text, std::size_t& i, int depth, std::string& out)
    {
        const std::size_t n = text.size();
        const std::size_t nameStart = i;
        char c = 0;
        while (i < n) {
            c = text[i++];
            if (c == '{') return fail("unexpected '{' in field name");
            if (c == '[') {
                while (i < n && text[i] != ']') ++i;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        if (c != '}' && c != ':' && c != '!') return fail("expected '}' before end of string");
        std::string_view name = text.substr(nameStart, i - 1 - nameStart);
        char32_t conversion = 0;
        std::string_view spec;
        bool expand = false;
        if (c == '!' || c == ':') {
            if (c == '!') {
                if (i >= n) return fail("end of string while looking for conversion specifier");
                conversion = utf8::next(text, i);
                if (i < n) {
                    const char d = text[i++];
                    if (d == '}') return emit(name, conversion, {}, false, depth, out);
                    if (d != ':') return fail("expected ':' after conversion specifier");
                }
            }
            const std::size_t specStart = i;
            int count = 1;
            bool closed = false;
            while (i < n) {
                const char d = text[i++];
                if (d == '{') {
                    expand = true;
                    ++count;
                } else if (d == '}' && --count == 0) {
                    spec = text.substr(specStart, i - 1 - specStart);
                    closed = true;
                    break;
                }
            }
            if (!closed) return fail("unmatched '{' in format spec");
        }
        return emit(name, conversion, spec, expand, depth, out);
    }

    bool emit(std::string_view name, char32_t conversion, std::string_view spec, bool expand, int depth, std::string& out)
    {
        Ref obj = resolve(name);
        if (!obj) return false;
        if (conversion) {
            if (conversion == 'r' || conversion == 'a') {
                obj = repr(m_space, obj.get());
                if (obj && conversion == 'a') obj = newStr(m_space, asciiEscape(strView(obj.get())));
            } else if (conversion == 's') {
                obj = str(m_space, obj.get());
            } else {
                char buf[32];
                if (conversion > 32 && conversion < 127) std::snprintf(buf, sizeof buf, "%c", char(conversion));
                else std::snprintf(buf, sizeof buf, "\\x%x", unsigned(conversion));
                return fail(std::string("Unknown conversion specifier ") + buf);
            }
            if (!obj) return false;
        }
        std::string expanded;
        if (expand) {
            if (!render(spec, depth - 1, expanded)) return false;
            spec = expanded;
        }
        Ref text = formatValue(m_space, obj.get(), spec);
        if (!text) return false;
        out += strView(text.get());
        return true;
    }

    static bool allDigits(std::string_view s)
    {
        if (s.empty()) return false;
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    }

    bool parseIndex(std::string_view s, std::int64_t& out)
    {
        std::int64_t v = 0;
        for (char c : s) {
            if (v > (INT64_MAX - 9) / 10) return fail("Too many decimal digits in format string");
            v = v * 10 + (c - '0');
        }
        out = v;
        return true;
    }

    Ref positional(std::int64_t index)
    {
        if (index < 0 || std::size_t(index) >= m_args.positional) {
            return m_space.raise(m_space.types().IndexError,
                                 "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
        }
        return Ref::borrow(m_args[std::size_t(index)]);
    }

    Ref keyword(std::string_view key)
    {
        for (std::size_t k = 0; k < m_args.keywordCount(); ++k)
            if (strView(m_args.keywordName(k)) == key) return Ref::borrow(m_args.keywordValue(k));
        Ref keyStr = newStr(m_space, key);
        if (!keyStr) return Ref();
        return m_space.raiseWith(m_space.types().KeyError, keyStr.get());
    }

    Ref resolve(std::string_view name)
    {
        std::size_t end = 0;
        while (end < name.size() && name[end] != '.' && name[end] != '[') ++end;
        std::string_view first = name.substr(0, end);
        Ref obj;
        if (first.empty()) {
            if (m_manual) return fail("cannot switch from manual field specification to automatic field numbering"), Ref();
            m_auto = true;
            obj = positional(m_next++);
        } else if (allDigits(first)) {
            if (m_auto) return fail("cannot switch from automatic field numbering to manual field specification"), Ref();
            m_manual = true;
            std::int64_t index;
            if (!parseIndex(first, index)) return Ref();
            obj = positional(index);
        } else {
            obj = keyword(first);
        }
        if (!obj) return Ref();
        std::size_t i = end;
        while (i < name.size()) {
            if (name[i] == '.') {
                const std::size_t s = ++i;
                while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
                if (i == s) return fail("Empty attribute in format string"), Ref();
                obj = getAttr(m_space, obj.get(), m_space.intern(name.substr(s, i - s)));
            } else if (name[i] == '[') {
                const std::size_t s = ++i;
                while (i < name.size() && name[i] != ']') ++i;
                if (i >= name.size()) return fail("Missing ']' in format string"), Ref();
                std::string_view key = name.substr(s, i - s);
                ++i;
                if (key.empty()) return fail("Empty attribute in format string"), Ref();
                Ref k;
                if (allDigits(key)) {
                    std::int64_t index;
                    if (!parseIndex(key, index)) return Ref();
                    k = newInt(m_space, index);
                } else {
                    k = newStr(m_space, key);
                }
                if (!k) return Ref();
                obj = getItem(m_space, obj.get(), k.get());
                if (i < name.size() && name[i] != '.' && name[i] != '[')
                    return fail("Only '.' or '[' may follow ']' in format field specifier"), Ref();
            } else {
                return fail("Only '.' or '[' may follow ']' in format field specifier"), Ref();
            }
            if (!obj) return Ref();
        }
        return obj;
    }

    ObjectSpace& m_space;
    const CallArgs& m_args;
    bool m_auto = false;
    bool m_manual = false;
    std::int64_t m_next = 0;
};

} // namespace

Ref strFormat(ObjectSpace& space, StrObject* format, const CallArgs& args)
{
    Formatter f(space, args);
    std::string out;
    if (!f.render(format->view(), 2, out)) return Ref();
    return newStr(space, out);
}

} // namespace coroscope::pylite
