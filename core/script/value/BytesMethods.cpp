// Methods of bytes (the subset tutorials use; whitespace is ASCII).

#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

namespace coroscope::pylite {

namespace {

bool isAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool bytesArg(ObjectSpace& space, Value v, std::string_view& out, const char* what)
{
    if (isBytes(space, v)) {
        out = asBytes(v)->view();
        return true;
    }
    std::string msg = what;
    msg += "a bytes-like object is required, not '";
    msg += typeName(space, v);
    msg += "'";
    space.raise(space.types().TypeError, msg);
    return false;
}

Ref bytesDecode(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"decode", {"encoding", "errors"}, 0}, a)) return Ref();
    for (int k = 0; k < 2; ++k) {
        if (a[k] && !isStr(space, a[k])) {
            std::string msg = "decode() argument '";
            msg += k == 0 ? "encoding" : "errors";
            msg += "' must be str, not ";
            msg += typeName(space, a[k]);
            return space.raise(space.types().TypeError, msg);
        }
    }
    return decodeBytes(space, asBytes(self)->view(), a[0] ? strView(a[0]) : "utf-8", a[1] ? strView(a[1]) : "strict");
}

Ref bytesHex(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "bytes.hex")) return Ref();
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : asBytes(self)->view()) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return newStr(space, out);
}

Ref bytesFromHex(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "fromhex")) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "fromhex() argument must be str, not ";
        msg += typeName(space, args[0]);
        return space.raise(space.types().TypeError, msg);
    }
    std::string_view s = strView(args[0]);
    std::string out;
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        if (isAsciiSpace(s[i])) {
            ++i;
            continue;
        }
        const int hi = digit(s[i]);
        const int lo = i + 1 < s.size() ? digit(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            const std::size_t at = hi < 0 ? i : i + 1;
            return space.raise(space.types().ValueError,
                               "non-hexadecimal number found in fromhex() arg at position " + std::to_string(at));
        }
        out += char(hi * 16 + lo);
        i += 2;
    }
    return newBytes(space, out);
}

/// Shared by startswith/endswith: prefix may be bytes or a tuple of bytes.
Ref affix(ObjectSpace& space, Value self, const CallArgs& args, bool starts)
{
    const char* name = starts ? "startswith" : "endswith";
    Value a[3];
    if (!parseArgs(space, args, {name, {"prefix", "start", "end"}, 1, 3}, a)) return Ref();
    std::string_view v = asBytes(self)->view();
    std::int64_t start = 0, end = std::int64_t(v.size());
    for (int k = 1; k < 3; ++k) {
        if (!a[k] || a[k].isNone()) continue;
        std::int64_t x;
        if (!indexValue(space, a[k], x)) return Ref();
        if (x < 0) x = std::max<std::int64_t>(0, x + std::int64_t(v.size()));
        x = std::min<std::int64_t>(x, std::int64_t(v.size()));
        (k == 1 ? start : end) = x;
    }
    if (start > end) return Ref::boolean(false);
    std::string_view window = v.substr(std::size_t(start), std::size_t(end - start));
    auto test = [&](std::string_view p) {
        return starts ? window.substr(0, p.size()) == p : (window.size() >= p.size() && window.substr(window.size() - p.size()) == p);
    };
    if (isTuple(space, a[0])) {
        TupleObject* t = asTuple(a[0]);
        for (std::int64_t i = 0; i < t->m_size; ++i) {
            std::string_view p;
            if (!bytesArg(space, t->item(i), p, "")) return Ref();
            if (test(p)) return Ref::boolean(true);
        }
        return Ref::boolean(false);
    }
    if (!isBytes(space, a[0])) {
        std::string msg = name;
        msg += " first arg must be bytes or a tuple of bytes, not ";
        msg += typeName(space, a[0]);
        return space.raise(space.types().TypeError, msg);
    }
    return Ref::boolean(test(asBytes(a[0])->view()));
}

Ref bytesStartsWith(ObjectSpace& space, Value self, const CallArgs& args) { return affix(space, self, args, true); }
Ref bytesEndsWith(ObjectSpace& space, Value self, const CallArgs& args) { return affix(space, self, args, false); }

bool needle(ObjectSpace& space, Value v, std::string& out)
{
    if (isBytes(space, v)) {
        out = std::string(asBytes(v)->view());
        return true;
    }
    std::int64_t c;
    if (!isIntValue(space, v)) {
        std::string msg = "argument should be integer or bytes-like object, not '";
        msg += typeName(space, v);
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return false;
    }
    c = intValueOf(v);
    if (c < 0 || c > 255) {
        space.raise(space.types().ValueError, "byte must be in range(0, 256)");
        return false;
    }
    out = std::string(1, char(c));
    return true;
}

enum class FindKind { Find, RFind, Index, Count };

Ref bytesFindImpl(ObjectSpace& space, Value self, const CallArgs& args, FindKind kind)
{
    static const char* names[] = {"find", "rfind", "index", "count"};
    Value a[3];
    if (!parseArgs(space, args, {names[int(kind)], {"sub", "start", "end"}, 1, 3}, a)) return Ref();
    std::string sub;
    if (!needle(space, a[0], sub)) return Ref();
    std::string_view v = asBytes(self)->view();
    std::int64_t start = 0, end = std::int64_t(v.size());
    for (int k = 1; k < 3; ++k) {
        if (!a[k] || a[k].isNone()) continue;
        std::int64_t x;
        if (!indexValue(space, a[k], x)) return Ref();
        if (x < 0) x = std::max<std::int64_t>(0, x + std::int64_t(v.size()));
        x = std::min<std::int64_t>(x, std::int64_t(v.size()));
        (k == 1 ? start : end) = x;
    }
    if (kind == FindKind::Count) {
        if (start > end) return newInt(space, 0);
        std::string_view w = v.substr(std::size_t(start), std::size_t(end - start));
        if (sub.empty()) return newInt(space, std::int64_t(w.size()) + 1);
        std::int64_t n = 0;
        for (std::size_t p = w.find(sub); p != std::string_view::npos; p = w.find(sub, p + sub.size())) ++n;
        return newInt(space, n);
    }
    std::int64_t found = -1;
    if (start <= end) {
        std::string_view w = v.substr(std::size_t(start), std::size_t(end - start));
        const std::size_t p = kind == FindKind::RFind ? w.rfind(sub) : w.find(sub);
        if (p != std::string_view::npos) found = start + std::int64_t(p);
    }
    if (found < 0 && kind == FindKind::Index) return space.raise(space.types().ValueError, "subsection not found");
    return newInt(space, found);
}

Ref bytesFind(ObjectSpace& space, Value self, const CallArgs& args) { return bytesFindImpl(space, self, args, FindKind::Find); }
Ref bytesRFind(ObjectSpace& space, Value self, const CallArgs& args) { return bytesFindImpl(space, self, args, FindKind::RFind); }
Ref bytesIndex(ObjectSpace& space, Value self, const CallArgs& args) { return bytesFindImpl(space, self, args, FindKind::Index); }
Ref bytesCount(ObjectSpace& space, Value self, const CallArgs& args) { return bytesFindImpl(space, self, args, FindKind::Count); }

Ref bytesJoin(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "bytes.join")) return Ref();
    std::string_view sep = asBytes(self)->view();
    std::string out;
    std::int64_t index = 0;
    if (!forEach(space, args[0], [&](Value item) {
            if (!isBytes(space, item)) {
                std::string msg = "sequence item " + std::to_string(index) + ": expected a bytes-like object, ";
                msg += typeName(space, item);
                msg += " found";
                space.raise(space.types().TypeError, msg);
                return false;
            }
            if (index++) out += sep;
            out += asBytes(item)->view();
            return true;
        }))
        return Ref();
    return newBytes(space, out);
}

Ref bytesSplit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"split", {"sep", "maxsplit"}, 0}, a)) return Ref();
    std::int64_t maxsplit = -1;
    if (a[1] && !indexValue(space, a[1], maxsplit)) return Ref();
    std::string_view v = asBytes(self)->view();
    Ref list = newList(space);
    if (!list) return Ref();
    auto push = [&](std::string_view piece) {
        Ref b = newBytes(space, piece);
        return b && listAppend(space, list.as<ListObject>(), b.get());
    };
    if (!a[0] || a[0].isNone()) {
        std::size_t i = 0;
        std::int64_t splits = 0;
        while (true) {
            while (i < v.size() && isAsciiSpace(v[i])) ++i;
            if (i >= v.size()) break;
            if (maxsplit >= 0 && splits == maxsplit) {
                std::size_t e = v.size();
                while (e > i && isAsciiSpace(v[e - 1])) --e;
                if (!push(v.substr(i, e - i))) return Ref();
                break;
            }
            std::size_t j = i;
            while (j < v.size() && !isAsciiSpace(v[j])) ++j;
            if (!push(v.substr(i, j - i))) return Ref();
            ++splits;
            i = j;
        }
        return list;
    }
    std::string_view sep;
    if (!bytesArg(space, a[0], sep, "")) return Ref();
    if (sep.empty()) return space.raise(space.types().ValueError, "empty separator");
    std::size_t start = 0;
    std::int64_t splits = 0;
    while (maxsplit < 0 || splits < maxsplit) {
        const std::size_t p = v.find(sep, start);
        if (p == std::string_view::npos) break;
        if (!push(v.substr(start, p - start))) return Ref();
        start = p + sep.size();
        ++splits;
    }
    if (!push(v.substr(start))) return Ref();
    return list;
}

enum class StripSide { Left = 1, Right = 2, Both = 3 };

Ref bytesStripImpl(ObjectSpace& space, Value self, const CallArgs& args, StripSide side, const char* name)
{
    Value a[1];
    if (!parseArgs(space, args, {name, {"bytes"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    std::string_view v = asBytes(self)->view();
    std::string_view chars;
    const bool whitespace = !a[0] || a[0].isNone();
    if (!whitespace && !bytesArg(space, a[0], chars, "")) return Ref();
    auto strip = [&](char c) { return whitespace ? isAsciiSpace(c) : chars.find(c) != std::string_view::npos; };
    std::size_t b = 0, e = v.size();
    if (int(side) & 1)
        while (b < e && strip(v[b])) ++b;
    if (int(side) & 2)
        while (e > b && strip(v[e - 1])) --e;
    return newBytes(space, v.substr(b, e - b));
}

Ref bytesStrip(ObjectSpace& space, Value self, const CallArgs& args) { return bytesStripImpl(space, self, args, StripSide::Both, "strip"); }
Ref bytesLStrip(ObjectSpace& space, Value self, const CallArgs& args) { return bytesStripImpl(space, self, args, StripSide::Left, "lstrip"); }
Ref bytesRStrip(ObjectSpace& space, Value self, const CallArgs& args) { return bytesStripImpl(space, self, args, StripSide::Right, "rstrip"); }

Ref bytesReplace(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"replace", {"old", "new", "count"}, 2, 3, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    std::string_view from, to;
    if (!bytesArg(space, a[0], from, "") || !bytesArg(space, a[1], to, "")) return Ref();
    std::int64_t count = -1;
    if (a[2] && !indexValue(space, a[2], count)) return Ref();
    std::string_view v = asBytes(self)->view();
    std::string out;
    std::size_t pos = 0;
    std::int64_t done = 0;
    if (from.empty()) {
        for (std::size_t i = 0; i <= v.size(); ++i) {
            if (count < 0 || done < count) {
                out += to;
                ++done;
            }
            if (i < v.size()) out += v[i];
        }
        return newBytes(space, out);
    }
    while (count < 0 || done < count) {
        const std::size_t p = v.find(from, pos);
        if (p == std::string_view::npos) break;
        out.append(v.substr(pos, p - pos));
        out.append(to);
        pos = p + from.size();
        ++done;
    }
    out.append(v.substr(pos));
    return newBytes(space, out);
}

Ref bytesCase(ObjectSpace& space, Value self, const CallArgs& args, bool upper)
{
    if (!checkNoArgs(space, args, upper ? "bytes.upper" : "bytes.lower")) return Ref();
    std::string out(asBytes(self)->view());
    for (char& c : out) {
        if (upper && c >= 'a' && c <= 'z') c = char(c - 32);
        if (!upper && c >= 'A' && c <= 'Z') c = char(c + 32);
    }
    return newBytes(space, out);
}

Ref bytesUpper(ObjectSpace& space, Value self, const CallArgs& args) { return bytesCase(space, self, args, true); }
Ref bytesLower(ObjectSpace& space, Value self, const CallArgs& args) { return bytesCase(space, self, args, false); }

} // namespace

namespace detail {

void addBytesMethods(ObjectSpace& space)
{
    addMethods(space, space.types().bytesType, {{"decode", bytesDecode},
                                                 {"hex", bytesHex},
                                                 {"fromhex", bytesFromHex, MethodKind::ClassMethod},
                                                 {"startswith", bytesStartsWith},
                                                 {"endswith", bytesEndsWith},
                                                 {"find", bytesFind},
                                                 {"rfind", bytesRFind},
                                                 {"index", bytesIndex},
                                                 {"count", bytesCount},
                                                 {"join", bytesJoin},
                                                 {"split", bytesSplit},
                                                 {"strip", bytesStrip},
                                                 {"lstrip", bytesLStrip},
                                                 {"rstrip", bytesRStrip},
                                                 {"replace", bytesReplace},
                                                 {"upper", bytesUpper},
                                                 {"lower", bytesLower}});
}

} // namespace detail

} // namespace coroscope::pylite
