#include "core/script/value/Str.h"

#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Range.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Unicode.h"
#include "core/script/value/detail/Utf8.h"

#include <cstring>

namespace coroscope::pylite {

// --- construction ---------------------------------------------------------

namespace {

std::size_t strSize(const Object* o)
{
    return sizeof(StrObject) + std::size_t(static_cast<const StrObject*>(o)->m_byteLength) + 1;
}

} // namespace

StrObject* allocStr(ObjectSpace& space, std::size_t bytes, std::int64_t length, bool ascii)
{
    if (bytes > (std::size_t(1) << 48)) {
        space.raiseMemoryError();
        return nullptr;
    }
    auto* s = space.heap().alloc<StrObject>(space.types().strType, sizeof(StrObject) + bytes + 1);
    if (!s) return nullptr;
    s->m_hash = -1;
    s->m_length = length;
    s->m_byteLength = std::int64_t(bytes);
    s->m_ascii = ascii;
    return s;
}

Ref newStr(ObjectSpace& space, std::string_view utf8)
{
    if (utf8.empty() && space.emptyStr()) return Ref::borrow(space.emptyStr());
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 128 && space.latin1Char(0))
        return Ref::borrow(space.latin1Char(static_cast<unsigned char>(utf8[0])));
    const bool ascii = utf8::isAscii(utf8);
    StrObject* s = allocStr(space, utf8.size(), ascii ? std::int64_t(utf8.size()) : utf8::countCodePoints(utf8), ascii);
    if (!s) return Ref();
    std::memcpy(s->mutableData(), utf8.data(), utf8.size());
    return Ref::steal(s);
}

Ref newStrFromCodePoint(ObjectSpace& space, char32_t c)
{
    if (c < 256 && space.latin1Char(c)) return Ref::borrow(space.latin1Char(c));
    std::string tmp;
    utf8::append(tmp, c);
    const bool ascii = c < 128;
    StrObject* s = allocStr(space, tmp.size(), 1, ascii);
    if (!s) return Ref();
    std::memcpy(s->mutableData(), tmp.data(), tmp.size());
    return Ref::steal(s);
}

std::int64_t strHash(StrObject* s)
{
    if (s->m_hash != -1) return s->m_hash;
    // FNV-1a over the UTF-8 bytes, finished with a mixer. CPython randomizes
    // str hashes per process, so no program can depend on their values.
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char b : s->view()) {
        h ^= b;
        h *= 1099511628211ull;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    auto r = std::int64_t(h);
    if (s->m_byteLength == 0) r = 0;
    if (r == -1) r = -2;
    s->m_hash = r;
    return r;
}

bool strEquals(StrObject* a, StrObject* b)
{
    if (a == b) return true;
    if (a->m_byteLength != b->m_byteLength) return false;
    if (a->m_hash != -1 && b->m_hash != -1 && a->m_hash != b->m_hash) return false;
    return std::memcmp(a->data(), b->data(), std::size_t(a->m_byteLength)) == 0;
}

std::size_t strByteOffset(StrObject* s, std::int64_t index)
{
    if (s->m_ascii) return std::size_t(index);
    std::string_view v = s->view();
    std::size_t i = 0;
    for (std::int64_t k = 0; k < index; ++k) i += utf8::sequenceLength(static_cast<unsigned char>(v[i]));
    return i;
}

char32_t strCodePointAt(StrObject* s, std::int64_t index)
{
    if (s->m_ascii) return static_cast<unsigned char>(s->data()[index]);
    std::size_t i = strByteOffset(s, index);
    return utf8::next(s->view(), i);
}

std::string strRepr(std::string_view text)
{
    bool hasSingle = false;
    bool hasDouble = false;
    for (char c : text) {
        hasSingle |= c == '\'';
        hasDouble |= c == '"';
    }
    const char quote = (hasSingle && !hasDouble) ? '"' : '\'';
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 2);
    out += quote;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        char32_t c = utf8::next(text, i);
        if (c == char32_t(quote) || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else if (c < 0x7f) {
            out += char(c);
        } else if (unicode::isPrintable(c)) {
            out.append(text.substr(start, i - start));
        } else if (c <= 0xff) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else if (c <= 0xffff) {
            out += "\\u";
            for (int s = 12; s >= 0; s -= 4) out += hex[(c >> s) & 15];
        } else {
            out += "\\U";
            for (int s = 28; s >= 0; s -= 4) out += hex[(c >> s) & 15];
        }
    }
    out += quote;
    return out;
}

// --- slots ----------------------------------------------------------------

namespace {

Ref strReprSlot(ObjectSpace& space, Value self) { return newStr(space, strRepr(strView(self))); }
Ref strStrSlot(ObjectSpace& space, Value self) { return Ref::borrow(self); }
std::int64_t strHashSlot(ObjectSpace&, Value self) { return strHash(asStr(self)); }
std::int64_t strLen(ObjectSpace&, Value self) { return asStr(self)->m_length; }

Ref strRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isStr(space, a) || !isStr(space, b)) return Ref::notImplemented();
    StrObject* x = asStr(a);
    StrObject* y = asStr(b);
    if (op == CompareOp::Eq) return Ref::boolean(strEquals(x, y));
    if (op == CompareOp::Ne) return Ref::boolean(!strEquals(x, y));
    const int c = x->view().compare(y->view());
    switch (op) {
    case CompareOp::Lt: return Ref::boolean(c < 0);
    case CompareOp::Le: return Ref::boolean(c <= 0);
    case CompareOp::Gt: return Ref::boolean(c > 0);
    default: return Ref::boolean(c >= 0);
    }
}

int strIsTrue(ObjectSpace&, Value self) { return asStr(self)->m_length != 0; }

/// s[start:stop:step] on code points.
Ref strSlice(ObjectSpace& space, StrObject* s, const SliceBounds& b)
{
    if (b.length <= 0) return Ref::borrow(space.emptyStr());
    if (b.step == 1 && b.start == 0 && b.length == s->m_length) return Ref::borrow(Value::fromObject(s));
    std::string_view v = s->view();
    if (b.step == 1) {
        const std::size_t from = strByteOffset(s, b.start);
        std::size_t to = from;
        if (s->m_ascii) {
            to = from + std::size_t(b.length);
        } else {
            for (std::int64_t k = 0; k < b.length; ++k) to += utf8::sequenceLength(static_cast<unsigned char>(v[to]));
        }
        return newStr(space, v.substr(from, to - from));
    }
    std::string out;
    if (s->m_ascii) {
        for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) out += v[std::size_t(i)];
    } else {
        // Decode once into code points; slicing with a step touches them all.
        std::u32string cps;
        cps.reserve(std::size_t(s->m_length));
        for (std::size_t i = 0; i < v.size();) cps += utf8::next(v, i);
        for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) utf8::append(out, cps[std::size_t(i)]);
    }
    return newStr(space, out);
}

Ref strGetItem(ObjectSpace& space, Value self, Value key)
{
    StrObject* s = asStr(self);
    if (isSlice(space, key)) {
        SliceBounds b;
        if (!resolveSlice(space, static_cast<SliceObject*>(key.object()), s->m_length, b)) return Ref();
        return strSlice(space, s, b);
    }
    std::int64_t i;
    if (!sequenceIndex(space, key, s->m_length, SeqKind::Str, i)) return Ref();
    return newStrFromCodePoint(space, strCodePointAt(s, i));
}

int strContains(ObjectSpace& space, Value self, Value item)
{
    if (!isStr(space, item)) {
        std::string msg = "'in <string>' requires string as left operand, not ";
        msg += typeName(space, item);
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    return strView(self).find(strView(item)) != std::string_view::npos;
}

Ref strIter(ObjectSpace& space, Value self)
{
    TypeObject* t = asStr(self)->m_ascii ? space.types().strAsciiIteratorType : space.types().strIteratorType;
    return newSeqIter(space, t, self, 0);
}

Ref strConcatStr(ObjectSpace& space, Value a, Value b)
{
    StrObject* x = asStr(a);
    StrObject* y = asStr(b);
    if (x->m_byteLength == 0) return Ref::borrow(b);
    if (y->m_byteLength == 0) return Ref::borrow(a);
    StrObject* r = allocStr(space, std::size_t(x->m_byteLength + y->m_byteLength), x->m_length + y->m_length,
                            x->m_ascii && y->m_ascii);
    if (!r) return Ref();
    std::memcpy(r->mutableData(), x->data(), std::size_t(x->m_byteLength));
    std::memcpy(r->mutableData() + x->m_byteLength, y->data(), std::size_t(y->m_byteLength));
    return Ref::steal(r);
}

Ref strConcat(ObjectSpace& space, Value a, Value b)
{
    if (isStr(space, b)) return strConcatStr(space, a, b);
    std::string msg = "can only concatenate str (not \"";
    msg += typeName(space, b);
    msg += "\") to str";
    return space.raise(space.types().TypeError, msg);
}

Ref strRepeat(ObjectSpace& space, Value self, Value count)
{
    std::int64_t n;
    if (!isIntValue(space, count)) {
        std::string msg = "can't multiply sequence by non-int of type '";
        msg += typeName(space, count);
        msg += "'";
        return space.raise(space.types().TypeError, msg);
    }
    n = intValueOf(count);
    StrObject* s = asStr(self);
    if (n <= 0 || s->m_byteLength == 0) return Ref::borrow(space.emptyStr());
    if (n == 1) return Ref::borrow(self);
    if (n > std::int64_t(space.heap().budget()) / s->m_byteLength) return space.raiseMemoryError();
    StrObject* r = allocStr(space, std::size_t(s->m_byteLength * n), s->m_length * n, s->m_ascii);
    if (!r) return Ref();
    char* p = r->mutableData();
    for (std::int64_t k = 0; k < n; ++k, p += s->m_byteLength) std::memcpy(p, s->data(), std::size_t(s->m_byteLength));
    return Ref::steal(r);
}

Ref strMod(ObjectSpace& space, Value a, Value b)
{
    if (!isStr(space, a)) return Ref::notImplemented();
    return strPercentFormat(space, asStr(a), b);
}

Ref strNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"str", {"object", "encoding", "errors"}, 0}, a)) return Ref();
    if (!a[0]) return Ref::borrow(space.emptyStr());
    if (!a[1] && !a[2]) return str(space, a[0]);
    std::string_view encoding = "utf-8";
    std::string_view errors = "strict";
    for (int k = 1; k < 3; ++k) {
        if (a[k] && !isStr(space, a[k])) {
            std::string msg = "str() argument '";
            msg += k == 1 ? "encoding" : "errors";
            msg += "' must be str, not ";
            msg += typeName(space, a[k]);
            return space.raise(space.types().TypeError, msg);
        }
    }
    if (a[1]) encoding = strView(a[1]);
    if (a[2]) errors = strView(a[2]);
    if (isBytes(space, a[0])) return decodeBytes(space, asBytes(a[0])->view(), encoding, errors);
    if (isStr(space, a[0])) return space.raise(space.types().TypeError, "decoding str is not supported");
    std::string msg = "decoding to str: need a bytes-like object, ";
    msg += typeName(space, a[0]);
    msg += " found";
    return space.raise(space.types().TypeError, msg);
}

} // namespace

namespace detail {

void createStrType(ObjectSpace& space)
{
    TypeObject* t = space.createBuiltinType(&BuiltinTypes::strType, "str",
                                            space.types().objectType, sizeof(StrObject), 0);
    TypeSlots& s = t->m_slots;
    s.sizeOf = strSize;
    s.destroy = nullptr;
    s.repr = strReprSlot;
    s.str = strStrSlot;
    s.hash = strHashSlot;
    s.richCompare = strRichCompare;
    s.isTrue = strIsTrue;
    s.len = strLen;
    s.getItem = strGetItem;
    s.contains = strContains;
    s.iter = strIter;
    s.numeric[std::size_t(NumOp::Mod)] = strMod;
    s.concat = strConcat;
    s.repeat = strRepeat;
    s.newInstance = strNew;
    s.init = nullptr;
}

} // namespace detail

} // namespace coroscope::pylite
