// Methods of str (searching, splitting, joining, padding, formatting), with
// CPython's semantics and messages. Indices are code
// points; searching works on the UTF-8 bytes (UTF-8 is self-synchronizing,
// so a byte match is a code point match) and converts offsets back.

#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Format.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Unicode.h"
#include "core/script/value/detail/Utf8.h"

#include <climits>

namespace coroscope::pylite {

namespace {

StrObject* self_(Value v) { return asStr(v); }

Ref typeError(ObjectSpace& space, const std::string& msg) { return space.raise(space.types().TypeError, msg); }

std::u32string decode(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out += utf8::next(s, i);
    return out;
}

/// Code point index of byte offset `byte` in `s`.
std::int64_t cpIndex(StrObject* s, std::size_t byte)
{
    if (s->m_ascii) return std::int64_t(byte);
    return utf8::countCodePoints(s->view().substr(0, byte));
}

/// CPython's ADJUST_INDICES for optional start/end arguments.
bool sliceArgs(ObjectSpace& space, Value startV, Value endV, std::int64_t len, std::int64_t& start, std::int64_t& end)
{
    start = 0;
    end = INT64_MAX;
    for (int k = 0; k < 2; ++k) {
        Value v = k == 0 ? startV : endV;
        if (!v || v.isNone()) continue;
        std::int64_t x;
        if (!isIntValue(space, v) && !space.typeOf(v)->m_slots.index) {
            typeError(space, "slice indices must be integers or None or have an __index__ method");
            return false;
        }
        if (!indexValue(space, v, x)) return false;
        (k == 0 ? start : end) = x;
    }
    if (end > len) end = len;
    else if (end < 0) {
        end += len;
        if (end < 0) end = 0;
    }
    if (start < 0) {
        start += len;
        if (start < 0) start = 0;
    }
    return true;
}

bool strArg(ObjectSpace& space, Value v, const char* prefix)
{
    if (isStr(space, v)) return true;
    std::string msg = prefix;
    msg += "must be str, not ";
    msg += typeName(space, v);
    typeError(space, msg);
    return false;
}

Ref makeStr(ObjectSpace& space, std::string_view s) { return newStr(space, s); }

// --- searching --------------------------------------------------------------------

enum class Find { Find, RFind, Index, RIndex, Count };

Ref findImpl(ObjectSpace& space, Value self, const CallArgs& args, Find kind)
{
    static const char* names[] = {"find", "rfind", "index", "rindex", "count"};
    Value a[3];
    if (!parseArgs(space, args, {names[int(kind)], {"sub", "start", "end"}, 1, 3}, a)) return Ref();
    if (!strArg(space, a[0], "")) return Ref();
    StrObject* s = self_(self);
    StrObject* sub = asStr(a[0]);
    std::int64_t start, end;
    if (!sliceArgs(space, a[1], a[2], s->m_length, start, end)) return Ref();
    if (kind == Find::Count) {
        if (start > s->m_length || end < start) return newInt(space, 0);
        if (sub->m_length == 0) return newInt(space, std::min(end, s->m_length) - start + 1);
        const std::size_t b0 = strByteOffset(s, start), b1 = strByteOffset(s, end);
        std::string_view w = s->view().substr(b0, b1 - b0);
        std::int64_t n = 0;
        for (std::size_t p = w.find(sub->view()); p != std::string_view::npos; p = w.find(sub->view(), p + sub->view().size())) ++n;
        return newInt(space, n);
    }
    std::int64_t found = -1;
    if (end - start >= sub->m_length && start <= s->m_length) {
        const std::size_t b0 = strByteOffset(s, start), b1 = strByteOffset(s, end);
        std::string_view w = s->view().substr(b0, b1 - b0);
        const bool reverse = kind == Find::RFind || kind == Find::RIndex;
        const std::size_t p = reverse ? w.rfind(sub->view()) : w.find(sub->view());
        if (p != std::string_view::npos) found = cpIndex(s, b0 + p);
    }
    if (found < 0 && (kind == Find::Index || kind == Find::RIndex))
        return space.raise(space.types().ValueError, "substring not found");
    return newInt(space, found);
}

Ref strFind(ObjectSpace& space, Value self, const CallArgs& args) { return findImpl(space, self, args, Find::Find); }
Ref strRFind(ObjectSpace& space, Value self, const CallArgs& args) { return findImpl(space, self, args, Find::RFind); }
Ref strIndex(ObjectSpace& space, Value self, const CallArgs& args) { return findImpl(space, self, args, Find::Index); }
Ref strRIndex(ObjectSpace& space, Value self, const CallArgs& args) { return findImpl(space, self, args, Find::RIndex); }
Ref strCount(ObjectSpace& space, Value self, const CallArgs& args) { return findImpl(space, self, args, Find::Count); }

Ref affix(ObjectSpace& space, Value self, const CallArgs& args, bool starts)
{
    const char* name = starts ? "startswith" : "endswith";
    Value a[3];
    if (!parseArgs(space, args, {name, {"prefix", "start", "end"}, 1, 3, 3}, a)) return Ref();
    StrObject* s = self_(self);
    std::int64_t start, end;
    if (!sliceArgs(space, a[1], a[2], s->m_length, start, end)) return Ref();
    auto match = [&](StrObject* p) {
        if (end - p->m_length < start) return false;
        if (p->m_length == 0) return true;
        const std::size_t b0 = strByteOffset(s, start), b1 = strByteOffset(s, end);
        std::string_view w = s->view().substr(b0, b1 - b0);
        std::string_view pv = p->view();
        if (w.size() < pv.size()) return false;
        return starts ? w.substr(0, pv.size()) == pv : w.substr(w.size() - pv.size()) == pv;
    };
    if (isTuple(space, a[0])) {
        TupleObject* t = asTuple(a[0]);
        for (std::int64_t i = 0; i < t->m_size; ++i) {
            if (!isStr(space, t->item(i))) {
                std::string msg = "tuple for ";
                msg += name;
                msg += " must only contain str, not ";
                msg += typeName(space, t->item(i));
                return typeError(space, msg);
            }
            if (match(asStr(t->item(i)))) return Ref::boolean(true);
        }
        return Ref::boolean(false);
    }
    if (!isStr(space, a[0])) {
        std::string msg = name;
        msg += " first arg must be str or a tuple of str, not ";
        msg += typeName(space, a[0]);
        return typeError(space, msg);
    }
    return Ref::boolean(match(asStr(a[0])));
}

Ref strStartsWith(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.hasKeywords()) return typeError(space, "str.startswith() takes no keyword arguments");
    return affix(space, self, args, true);
}
Ref strEndsWith(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.hasKeywords()) return typeError(space, "str.endswith() takes no keyword arguments");
    return affix(space, self, args, false);
}

// --- splitting ----------------------------------------------------------------------

Ref splitImpl(ObjectSpace& space, Value self, const CallArgs& args, bool right)
{
    Value a[2];
    if (!parseArgs(space, args, {right ? "rsplit" : "split", {"sep", "maxsplit"}, 0}, a)) return Ref();
    std::int64_t maxsplit = -1;
    if (a[1] && !indexValue(space, a[1], maxsplit)) return Ref();
    if (maxsplit < 0) maxsplit = INT64_MAX;
    StrObject* s = self_(self);
    Ref list = newList(space);
    if (!list) return Ref();
    auto push = [&](std::string_view piece) {
        Ref p = makeStr(space, piece);
        return p && listAppend(space, list.as<ListObject>(), p.get());
    };
    std::string_view v = s->view();
    if (!a[0] || a[0].isNone()) {
        // Runs of whitespace separate fields; no empty fields.
        auto spaceAt = [&](std::size_t i, std::size_t& next) {
            next = i;
            return unicode::isSpace(utf8::next(v, next));
        };
        if (!right) {
            std::size_t i = 0, next;
            std::int64_t splits = 0;
            for (;;) {
                while (i < v.size() && spaceAt(i, next)) i = next;
                if (i >= v.size()) break;
                if (splits == maxsplit) {
                    if (!push(v.substr(i))) return Ref();
                    break;
                }
                std::size_t j = i;
                while (j < v.size() && !spaceAt(j, next)) j = next;
                if (!push(v.substr(i, j - i))) return Ref();
                ++splits;
                i = j;
            }
            return list;
        }
        std::vector<std::string_view> pieces;
        std::size_t e = v.size();
        std::int64_t splits = 0;
        for (;;) {
            while (e > 0) {
                std::size_t p = e;
                if (!unicode::isSpace(utf8::previous(v, p))) break;
                e = p;
            }
            if (e == 0) break;
            if (splits == maxsplit) {
                pieces.push_back(v.substr(0, e));
                break;
            }
            std::size_t b = e;
            while (b > 0) {
                std::size_t p = b;
                if (unicode::isSpace(utf8::previous(v, p))) break;
                b = p;
            }
            pieces.push_back(v.substr(b, e - b));
            ++splits;
            e = b;
        }
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
            if (!push(*it)) return Ref();
        return list;
    }
    if (!isStr(space, a[0])) {
        std::string msg = "must be str or None, not ";
        msg += typeName(space, a[0]);
        return typeError(space, msg);
    }
    std::string_view sep = strView(a[0]);
    if (sep.empty()) return space.raise(space.types().ValueError, "empty separator");
    if (!right) {
        std::size_t start = 0;
        std::int64_t splits = 0;
        while (splits < maxsplit) {
            const std::size_t p = v.find(sep, start);
            if (p == std::string_view::npos) break;
            if (!push(v.substr(start, p - start))) return Ref();
            start = p + sep.size();
            ++splits;
        }
        if (!push(v.substr(start))) return Ref();
        return list;
    }
    std::vector<std::string_view> pieces;
    std::size_t end = v.size();
    std::int64_t splits = 0;
    while (splits < maxsplit && end >= sep.size()) {
        const std::size_t p = v.rfind(sep, end - sep.size());
        if (p == std::string_view::npos) break;
        pieces.push_back(v.substr(p + sep.size(), end - p - sep.size()));
        end = p;
        ++splits;
    }
    pieces.push_back(v.substr(0, end));
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
        if (!push(*it)) return Ref();
    return list;
}

Ref strSplit(ObjectSpace& space, Value self, const CallArgs& args) { return splitImpl(space, self, args, false); }
Ref strRSplit(ObjectSpace& space, Value self, const CallArgs& args) { return splitImpl(space, self, args, true); }

Ref strSplitLines(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"splitlines", {"keepends"}, 0}, a)) return Ref();
    bool keep = false;
    if (a[0]) {
        std::int64_t k;
        if (!indexValue(space, a[0], k)) return Ref();
        keep = k != 0;
    }
    std::string_view v = strView(self);
    Ref list = newList(space);
    if (!list) return Ref();
    std::size_t i = 0, lineStart = 0;
    while (i < v.size()) {
        std::size_t next = i;
        const char32_t c = utf8::next(v, next);
        if (!unicode::isLineBreak(c)) {
            i = next;
            continue;
        }
        std::size_t eol = next;
        if (c == '\r' && eol < v.size() && v[eol] == '\n') ++eol;
        Ref line = makeStr(space, v.substr(lineStart, (keep ? eol : i) - lineStart));
        if (!line || !listAppend(space, list.as<ListObject>(), line.get())) return Ref();
        i = lineStart = eol;
    }
    if (lineStart < v.size()) {
        Ref line = makeStr(space, v.substr(lineStart));
        if (!line || !listAppend(space, list.as<ListObject>(), line.get())) return Ref();
    }
    return list;
}

Ref partitionImpl(ObjectSpace& space, Value self, const CallArgs& args, bool right)
{
    if (!checkOneArg(space, args, right ? "str.rpartition" : "str.partition")) return Ref();
    if (!strArg(space, args[0], "")) return Ref();
    std::string_view v = strView(self);
    std::string_view sep = strView(args[0]);
    if (sep.empty()) return space.raise(space.types().ValueError, "empty separator");
    const std::size_t p = right ? v.rfind(sep) : v.find(sep);
    if (p == std::string_view::npos) {
        Value e = space.emptyStr();
        return right ? newTupleOf(space, {e, e, self}) : newTupleOf(space, {self, e, e});
    }
    Ref head = makeStr(space, v.substr(0, p));
    Ref tail = makeStr(space, v.substr(p + sep.size()));
    if (!head || !tail) return Ref();
    return newTupleOf(space, {head.get(), args[0], tail.get()});
}

Ref strPartition(ObjectSpace& space, Value self, const CallArgs& args) { return partitionImpl(space, self, args, false); }
Ref strRPartition(ObjectSpace& space, Value self, const CallArgs& args) { return partitionImpl(space, self, args, true); }

// --- joining / replacing / stripping --------------------------------------------------

Ref strJoin(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "str.join")) return Ref();
    Value iterable = args[0];
    TypeObject* t = space.typeOf(iterable);
    if (!t->m_slots.iter && !t->m_slots.getItem) return typeError(space, "can only join an iterable");
    Ref seq = isExactList(space, iterable) || isTuple(space, iterable) ? Ref::borrow(iterable) : listFromIterable(space, iterable);
    if (!seq) return Ref();
    const bool isL = isExactList(space, seq.get());
    const std::int64_t n = isL ? asList(seq.get())->m_size : asTuple(seq.get())->m_size;
    std::string_view sep = strView(self);
    std::string out;
    for (std::int64_t i = 0; i < n; ++i) {
        Value item = isL ? asList(seq.get())->m_items[i] : asTuple(seq.get())->item(i);
        if (!isStr(space, item)) {
            std::string msg = "sequence item " + std::to_string(i) + ": expected str instance, ";
            msg += typeName(space, item);
            msg += " found";
            return typeError(space, msg);
        }
        if (i) out += sep;
        out += strView(item);
        if (out.size() > space.heap().budget()) return space.raiseMemoryError();
    }
    if (n == 1 && isStr(space, isL ? asList(seq.get())->m_items[0] : asTuple(seq.get())->item(0)))
        return Ref::borrow(isL ? asList(seq.get())->m_items[0] : asTuple(seq.get())->item(0));
    return makeStr(space, out);
}

Ref strReplace(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.hasKeywords()) return typeError(space, "str.replace() takes no keyword arguments");
    Value a[3];
    if (!parseArgs(space, args, {"replace", {"old", "new", "count"}, 2, 3, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    for (int k = 0; k < 2; ++k) {
        if (!isStr(space, a[k])) {
            std::string msg = "replace() argument " + std::to_string(k + 1) + " must be str, not ";
            msg += typeName(space, a[k]);
            return typeError(space, msg);
        }
    }
    std::int64_t count = -1;
    if (a[2] && !indexValue(space, a[2], count)) return Ref();
    if (count < 0) count = INT64_MAX;
    std::string_view v = strView(self), from = strView(a[0]), to = strView(a[1]);
    std::string out;
    std::int64_t done = 0;
    if (from.empty()) {
        std::size_t i = 0;
        while (true) {
            if (done < count) {
                out += to;
                ++done;
            }
            if (i >= v.size()) break;
            const std::size_t at = i;
            utf8::next(v, i);
            out.append(v.substr(at, i - at));
        }
        return makeStr(space, out);
    }
    std::size_t pos = 0;
    while (done < count) {
        const std::size_t p = v.find(from, pos);
        if (p == std::string_view::npos) break;
        out.append(v.substr(pos, p - pos)).append(to);
        pos = p + from.size();
        ++done;
        if (out.size() > space.heap().budget()) return space.raiseMemoryError();
    }
    if (done == 0) return Ref::borrow(self);
    out.append(v.substr(pos));
    return makeStr(space, out);
}

enum class Side { Left = 1, Right = 2, Both = 3 };

Ref stripImpl(ObjectSpace& space, Value self, const CallArgs& args, Side side, const char* name)
{
    Value a[1];
    if (!parseArgs(space, args, {name, {"chars"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    std::u32string chars;
    const bool whitespace = !a[0] || a[0].isNone();
    if (!whitespace) {
        if (!isStr(space, a[0])) return typeError(space, std::string(name) + " arg must be None or str");
        chars = decode(strView(a[0]));
    }
    auto strip = [&](char32_t c) { return whitespace ? unicode::isSpace(c) : chars.find(c) != std::u32string::npos; };
    std::string_view v = strView(self);
    std::size_t b = 0, e = v.size();
    if (int(side) & 1) {
        while (b < e) {
            std::size_t n = b;
            if (!strip(utf8::next(v, n))) break;
            b = n;
        }
    }
    if (int(side) & 2) {
        while (e > b) {
            std::size_t p = e;
            if (!strip(utf8::previous(v, p))) break;
            e = p;
        }
    }
    if (b == 0 && e == v.size()) return Ref::borrow(self);
    return makeStr(space, v.substr(b, e - b));
}

Ref strStrip(ObjectSpace& space, Value self, const CallArgs& args) { return stripImpl(space, self, args, Side::Both, "strip"); }
Ref strLStrip(ObjectSpace& space, Value self, const CallArgs& args) { return stripImpl(space, self, args, Side::Left, "lstrip"); }
Ref strRStrip(ObjectSpace& space, Value self, const CallArgs& args) { return stripImpl(space, self, args, Side::Right, "rstrip"); }

Ref fixImpl(ObjectSpace& space, Value self, const CallArgs& args, bool prefix)
{
    if (!checkOneArg(space, args, prefix ? "str.removeprefix" : "str.removesuffix")) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = prefix ? "removeprefix() argument must be str, not " : "removesuffix() argument must be str, not ";
        msg += typeName(space, args[0]);
        return typeError(space, msg);
    }
    std::string_view v = strView(self), f = strView(args[0]);
    if (f.empty() || v.size() < f.size()) return Ref::borrow(self);
    if (prefix && v.substr(0, f.size()) == f) return makeStr(space, v.substr(f.size()));
    if (!prefix && v.substr(v.size() - f.size()) == f) return makeStr(space, v.substr(0, v.size() - f.size()));
    return Ref::borrow(self);
}

Ref strRemovePrefix(ObjectSpace& space, Value self, const CallArgs& args) { return fixImpl(space, self, args, true); }
Ref strRemoveSuffix(ObjectSpace& space, Value self, const CallArgs& args) { return fixImpl(space, self, args, false); }

// --- padding ------------------------------------------------------------------------------

enum class Just { Left, Right, Center };

Ref justImpl(ObjectSpace& space, Value self, const CallArgs& args, Just how, const char* name)
{
    Value a[2];
    if (!parseArgs(space, args, {name, {"width", "fillchar"}, 1, 2, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    std::int64_t width;
    if (!indexValue(space, a[0], width)) return Ref();
    std::string fill = " ";
    if (a[1]) {
        if (!isStr(space, a[1])) {
            std::string msg = "The fill character must be a unicode character, not ";
            msg += typeName(space, a[1]);
            return typeError(space, msg);
        }
        if (asStr(a[1])->m_length != 1) return typeError(space, "The fill character must be exactly one character long");
        fill = std::string(strView(a[1]));
    }
    StrObject* s = self_(self);
    if (width <= s->m_length) return Ref::borrow(self);
    const std::int64_t marg = width - s->m_length;
    std::int64_t left = 0;
    if (how == Just::Right) left = marg;
    else if (how == Just::Center) left = marg / 2 + (marg & width & 1);
    const std::int64_t right = marg - left;
    if (std::uint64_t(width) * fill.size() > space.heap().budget()) return space.raiseMemoryError();
    std::string out;
    for (std::int64_t k = 0; k < left; ++k) out += fill;
    out += s->view();
    for (std::int64_t k = 0; k < right; ++k) out += fill;
    return makeStr(space, out);
}

Ref strLJust(ObjectSpace& space, Value self, const CallArgs& args) { return justImpl(space, self, args, Just::Left, "ljust"); }
Ref strRJust(ObjectSpace& space, Value self, const CallArgs& args) { return justImpl(space, self, args, Just::Right, "rjust"); }
Ref strCenter(ObjectSpace& space, Value self, const CallArgs& args) { return justImpl(space, self, args, Just::Center, "center"); }

Ref strZFill(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "str.zfill")) return Ref();
    std::int64_t width;
    if (!indexValue(space, args[0], width)) return Ref();
    StrObject* s = self_(self);
    if (width <= s->m_length) return Ref::borrow(self);
    std::string_view v = s->view();
    std::string out;
    std::size_t start = 0;
    if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
        out += v[0];
        start = 1;
    }
    out.append(std::size_t(width - s->m_length), '0');
    out.append(v.substr(start));
    return makeStr(space, out);
}

Ref strExpandTabs(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"expandtabs", {"tabsize"}, 0}, a)) return Ref();
    std::int64_t tab = 8;
    if (a[0] && !indexValue(space, a[0], tab)) return Ref();
    std::string_view v = strView(self);
    std::string out;
    std::int64_t column = 0;
    for (std::size_t i = 0; i < v.size();) {
        const std::size_t at = i;
        const char32_t c = utf8::next(v, i);
        if (c == '\t') {
            if (tab > 0) {
                const std::int64_t n = tab - column % tab;
                out.append(std::size_t(n), ' ');
                column += n;
            }
        } else {
            out.append(v.substr(at, i - at));
            ++column;
            if (c == '\n' || c == '\r') column = 0;
        }
    }
    return makeStr(space, out);
}

// --- format / encode --------------------------------------------------------------------------------

Ref strFormatMethod(ObjectSpace& space, Value self, const CallArgs& args) { return strFormat(space, self_(self), args); }

Ref strFormatMap(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "str.format_map")) return Ref();
    // Named fields are looked up in the mapping: pass its str keys as
    // keyword arguments.
    Ref keys = listFromIterable(space, args[0]);
    if (!keys) return Ref();
    ListObject* k = keys.as<ListObject>();
    std::vector<Value> names;
    std::vector<Ref> values;
    std::vector<Value> raw;
    for (std::int64_t i = 0; i < k->m_size; ++i) {
        if (!isStr(space, k->m_items[i])) continue;
        Ref v = getItem(space, args[0], k->m_items[i]);
        if (!v) return Ref();
        names.push_back(k->m_items[i]);
        raw.push_back(v.get());
        values.push_back(std::move(v));
    }
    Ref kwnames = newTupleFrom(space, names.data(), std::int64_t(names.size()));
    if (!kwnames) return Ref();
    return strFormat(space, self_(self), CallArgs(raw.data(), 0, kwnames.as<TupleObject>()));
}

Ref strEncode(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"encode", {"encoding", "errors"}, 0}, a)) return Ref();
    for (int k = 0; k < 2; ++k) {
        if (a[k] && !isStr(space, a[k])) {
            std::string msg = "encode() argument '";
            msg += k == 0 ? "encoding" : "errors";
            msg += "' must be str, not ";
            msg += typeName(space, a[k]);
            return typeError(space, msg);
        }
    }
    return encodeStr(space, self, a[0] ? strView(a[0]) : "utf-8", a[1] ? strView(a[1]) : "strict");
}

Ref strFormatDunder(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "__format__")) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "__format__() argument must be str, not ";
        msg += typeName(space, args[0]);
        return typeError(space, msg);
    }
    return formatValue(space, self, args[0]);
}

} // namespace

namespace detail {

void addStrMethods(ObjectSpace& space)
{
    addMethods(space, space.types().strType,
               {{"find", strFind},           {"rfind", strRFind},         {"index", strIndex},
                {"rindex", strRIndex},       {"count", strCount},         {"startswith", strStartsWith},
                {"endswith", strEndsWith},   {"split", strSplit},         {"rsplit", strRSplit},
                {"splitlines", strSplitLines}, {"partition", strPartition}, {"rpartition", strRPartition},
                {"join", strJoin},           {"replace", strReplace},     {"strip", strStrip},
                {"lstrip", strLStrip},       {"rstrip", strRStrip},       {"removeprefix", strRemovePrefix},
                {"removesuffix", strRemoveSuffix}, {"ljust", strLJust},   {"rjust", strRJust},
                {"center", strCenter},       {"zfill", strZFill},         {"expandtabs", strExpandTabs},
                {"format", strFormatMethod}, {"format_map", strFormatMap}, {"encode", strEncode},
                {"__format__", strFormatDunder}});
    addStrCaseMethods(space);
}

} // namespace detail

} // namespace coroscope::pylite
