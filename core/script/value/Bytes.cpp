#include "core/script/value/Bytes.h"

#include "core/script/value/Args.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Range.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Sequence.h"
#include "core/script/value/detail/Utf8.h"

#include <cstring>

namespace coroscope::pylite {

BytesObject* allocBytes(ObjectSpace& space, std::size_t size)
{
    if (size > (std::size_t(1) << 48)) {
        space.raiseMemoryError();
        return nullptr;
    }
    auto* b = space.heap().alloc<BytesObject>(space.types().bytesType, sizeof(BytesObject) + size + 1);
    if (!b) return nullptr;
    b->m_hash = -1;
    b->m_size = std::int64_t(size);
    return b;
}

Ref newBytes(ObjectSpace& space, std::string_view data)
{
    BytesObject* b = allocBytes(space, data.size());
    if (!b) return Ref();
    std::memcpy(b->mutableData(), data.data(), data.size());
    return Ref::steal(b);
}

std::string bytesRepr(std::string_view data)
{
    const bool single = data.find('\'') != std::string_view::npos;
    const bool dbl = data.find('"') != std::string_view::npos;
    const char quote = single && !dbl ? '"' : '\'';
    static const char* hex = "0123456789abcdef";
    std::string out = "b";
    out += quote;
    for (char ch : data) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c >= 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += char(c);
        }
    }
    out += quote;
    return out;
}

// --- codecs -------------------------------------------------------------------

namespace {

enum class Codec { Utf8, Ascii, Latin1, Unknown };

Codec codecFor(std::string_view name, std::string& canonical)
{
    std::string n;
    for (char c : name) n += c == '_' ? '-' : char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") {
        canonical = "utf-8";
        return Codec::Utf8;
    }
    if (n == "ascii" || n == "us-ascii" || n == "646") {
        canonical = "ascii";
        return Codec::Ascii;
    }
    if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "8859" || n == "cp819" ||
        n == "latin" || n == "l1") {
        canonical = "latin-1";
        return Codec::Latin1;
    }
    return Codec::Unknown;
}

Ref unknownEncoding(ObjectSpace& space, std::string_view name)
{
    return space.raise(space.types().LookupError, "unknown encoding: " + std::string(name));
}

bool checkErrorsName(ObjectSpace& space, std::string_view errors)
{
    if (errors == "strict" || errors == "ignore" || errors == "replace") return true;
    space.raise(space.types().LookupError, "unknown error handler name '" + std::string(errors) + "'");
    return false;
}

Ref raiseUnicodeError(ObjectSpace& space, TypeObject* type, std::string_view encoding, Value object, std::int64_t start,
                      std::int64_t end, std::string_view reason)
{
    Ref enc = newStr(space, encoding);
    Ref s = newInt(space, start);
    Ref e = newInt(space, end);
    Ref r = newStr(space, reason);
    if (!enc || !s || !e || !r) return Ref();
    Ref args = newTupleOf(space, {enc.get(), object, s.get(), e.get(), r.get()});
    if (!args) return Ref();
    Ref exc = newException(space, type, args.get());
    if (exc) space.raise(std::move(exc));
    return Ref();
}

} // namespace

Ref encodeStr(ObjectSpace& space, Value str, std::string_view encoding, std::string_view errors)
{
    std::string canonical;
    const Codec codec = codecFor(encoding, canonical);
    if (codec == Codec::Unknown) return unknownEncoding(space, encoding);
    std::string_view text = strView(str);
    std::string out;
    out.reserve(text.size());
    const char32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
    std::int64_t index = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const char32_t c = utf8::next(text, i);
        const bool surrogate = c >= 0xD800 && c <= 0xDFFF;
        if (c < limit && !(codec == Codec::Utf8 && surrogate)) {
            if (codec == Codec::Utf8) out.append(text.substr(at, i - at));
            else out += char(c);
            ++index;
            continue;
        }
        // Run of unencodable characters, reported as one error.
        std::int64_t end = index + 1;
        std::size_t j = i;
        while (j < text.size()) {
            std::size_t k = j;
            const char32_t d = utf8::next(text, k);
            const bool bad = codec == Codec::Utf8 ? (d >= 0xD800 && d <= 0xDFFF) : d >= limit;
            if (!bad) break;
            j = k;
            ++end;
        }
        if (errors == "ignore") {
        } else if (errors == "replace") {
            out.append(std::size_t(end - index), '?');
        } else {
            if (errors != "strict" && !checkErrorsName(space, errors)) return Ref();
            const char* reason = codec == Codec::Utf8 ? "surrogates not allowed"
                                 : codec == Codec::Ascii ? "ordinal not in range(128)"
                                                         : "ordinal not in range(256)";
            return raiseUnicodeError(space, space.types().UnicodeEncodeError, canonical, str, index, end, reason);
        }
        index = end;
        i = j;
    }
    return newBytes(space, out);
}

Ref decodeBytes(ObjectSpace& space, std::string_view data, std::string_view encoding, std::string_view errors)
{
    std::string canonical;
    const Codec codec = codecFor(encoding, canonical);
    if (codec == Codec::Unknown) return unknownEncoding(space, encoding);
    std::string out;
    out.reserve(data.size());
    if (codec == Codec::Latin1) {
        for (char c : data) utf8::append(out, static_cast<unsigned char>(c));
        return newStr(space, out);
    }
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t badStart, badEnd;
        const char* reason;
        if (codec == Codec::Ascii) {
            std::size_t k = pos;
            while (k < data.size() && static_cast<unsigned char>(data[k]) < 0x80) ++k;
            out.append(data.substr(pos, k - pos));
            if (k == data.size()) break;
            badStart = k;
            badEnd = k + 1;
            reason = "ordinal not in range(128)";
        } else {
            utf8::DecodeError err = utf8::validate(data.substr(pos));
            if (err.start == std::string_view::npos) {
                out.append(data.substr(pos));
                break;
            }
            out.append(data.substr(pos, err.start));
            badStart = pos + err.start;
            badEnd = pos + err.end;
            reason = err.reason;
        }
        if (errors == "ignore") {
        } else if (errors == "replace") {
            utf8::append(out, 0xFFFD);
        } else {
            if (errors != "strict" && !checkErrorsName(space, errors)) return Ref();
            Ref object = newBytes(space, data);
            if (!object) return Ref();
            return raiseUnicodeError(space, space.types().UnicodeDecodeError, canonical, object.get(),
                                     std::int64_t(badStart), std::int64_t(badEnd), reason);
        }
        pos = badEnd;
    }
    return newStr(space, out);
}

// --- slots ----------------------------------------------------------------------

namespace {

std::size_t bytesSize(const Object* o) { return sizeof(BytesObject) + std::size_t(static_cast<const BytesObject*>(o)->m_size) + 1; }

Ref bytesReprSlot(ObjectSpace& space, Value self) { return newStr(space, bytesRepr(asBytes(self)->view())); }

std::int64_t bytesHash(ObjectSpace&, Value self)
{
    BytesObject* b = asBytes(self);
    if (b->m_hash != -1) return b->m_hash;
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : b->view()) {
        h ^= c;
        h *= 1099511628211ull;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    auto r = std::int64_t(h);
    if (b->m_size == 0) r = 0;
    if (r == -1) r = -2;
    b->m_hash = r;
    return r;
}

Ref bytesRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isBytes(space, a) || !isBytes(space, b)) return Ref::notImplemented();
    const int c = asBytes(a)->view().compare(asBytes(b)->view());
    switch (op) {
    case CompareOp::Lt: return Ref::boolean(c < 0);
    case CompareOp::Le: return Ref::boolean(c <= 0);
    case CompareOp::Eq: return Ref::boolean(c == 0);
    case CompareOp::Ne: return Ref::boolean(c != 0);
    case CompareOp::Gt: return Ref::boolean(c > 0);
    default: return Ref::boolean(c >= 0);
    }
}

std::int64_t bytesLen(ObjectSpace&, Value self) { return asBytes(self)->m_size; }

Ref bytesGetItem(ObjectSpace& space, Value self, Value key)
{
    BytesObject* b = asBytes(self);
    if (isSlice(space, key)) {
        SliceBounds sb;
        if (!resolveSlice(space, static_cast<SliceObject*>(key.object()), b->m_size, sb)) return Ref();
        std::string out;
        for (std::int64_t k = 0, i = sb.start; k < sb.length; ++k, i += sb.step) out += b->data()[i];
        return newBytes(space, out);
    }
    std::int64_t i;
    if (!sequenceIndex(space, key, b->m_size, SeqKind::Bytes, i)) return Ref();
    return newInt(space, static_cast<unsigned char>(b->data()[i]));
}

int bytesContains(ObjectSpace& space, Value self, Value item)
{
    std::string_view v = asBytes(self)->view();
    if (isBytes(space, item)) return v.find(asBytes(item)->view()) != std::string_view::npos;
    std::int64_t c;
    if (!isIntValue(space, item) && !space.typeOf(item)->m_slots.index) {
        std::string msg = "a bytes-like object is required, not '";
        msg += typeName(space, item);
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    if (!indexValue(space, item, c)) return -1;
    if (c < 0 || c > 255) {
        space.raise(space.types().ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return v.find(char(c)) != std::string_view::npos;
}

Ref bytesIter(ObjectSpace& space, Value self) { return newSeqIter(space, space.types().bytesIteratorType, self, 0); }

Ref bytesConcat(ObjectSpace& space, Value a, Value b)
{
    if (!isBytes(space, b)) {
        std::string msg = "can't concat ";
        msg += typeName(space, b);
        msg += " to bytes";
        return space.raise(space.types().TypeError, msg);
    }
    std::string out(asBytes(a)->view());
    out += asBytes(b)->view();
    return newBytes(space, out);
}

Ref bytesRepeat(ObjectSpace& space, Value self, Value count)
{
    BytesObject* b = asBytes(self);
    const std::int64_t n = intValueOf(count);
    if (n <= 0 || b->m_size == 0) return newBytes(space, "");
    if (n > std::int64_t(space.heap().budget()) / b->m_size) return space.raiseMemoryError();
    BytesObject* r = allocBytes(space, std::size_t(b->m_size * n));
    if (!r) return Ref();
    for (std::int64_t k = 0; k < n; ++k) std::memcpy(r->mutableData() + k * b->m_size, b->data(), std::size_t(b->m_size));
    return Ref::steal(r);
}

Ref bytesNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"bytes", {"source", "encoding", "errors"}, 0}, a)) return Ref();
    if (!a[0]) {
        if (a[1] || a[2]) return space.raise(space.types().TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
        return newBytes(space, "");
    }
    if (isStr(space, a[0])) {
        if (!a[1]) return space.raise(space.types().TypeError, "string argument without an encoding");
        if (!isStr(space, a[1]) || (a[2] && !isStr(space, a[2])))
            return space.raise(space.types().TypeError, "bytes() argument 'encoding' must be str");
        return encodeStr(space, a[0], strView(a[1]), a[2] ? strView(a[2]) : "strict");
    }
    if (a[1]) return space.raise(space.types().TypeError, "encoding without a string argument");
    if (a[2]) return space.raise(space.types().TypeError, "errors without a string argument");
    if (isBytes(space, a[0])) return Ref::borrow(a[0]);
    if (isIntValue(space, a[0]) || (space.typeOf(a[0])->m_slots.index && !space.typeOf(a[0])->m_slots.iter)) {
        std::int64_t n;
        if (!indexValue(space, a[0], n)) return Ref();
        if (n < 0) return space.raise(space.types().ValueError, "negative count");
        BytesObject* r = allocBytes(space, std::size_t(n));
        if (!r) return Ref();
        std::memset(r->mutableData(), 0, std::size_t(n));
        return Ref::steal(r);
    }
    if (!space.typeOf(a[0])->m_slots.iter && !space.typeOf(a[0])->m_slots.getItem) {
        std::string msg = "cannot convert '";
        msg += typeName(space, a[0]);
        msg += "' object to bytes";
        return space.raise(space.types().TypeError, msg);
    }
    std::string out;
    if (!forEach(space, a[0], [&](Value item) {
            std::int64_t c;
            if (!isIntValue(space, item) && !space.typeOf(item)->m_slots.index) {
                std::string msg = "'";
                msg += typeName(space, item);
                msg += "' object cannot be interpreted as an integer";
                space.raise(space.types().TypeError, msg);
                return false;
            }
            if (!indexValue(space, item, c)) return false;
            if (c < 0 || c > 255) {
                space.raise(space.types().ValueError, "bytes must be in range(0, 256)");
                return false;
            }
            out += char(c);
            return true;
        }))
        return Ref();
    return newBytes(space, out);
}

} // namespace

namespace detail {

void createBytesType(ObjectSpace& space)
{
    TypeObject* t = space.createBuiltinType(&BuiltinTypes::bytesType, "bytes", space.types().objectType,
                                            sizeof(BytesObject), 0);
    TypeSlots& s = t->m_slots;
    s.sizeOf = bytesSize;
    s.repr = bytesReprSlot;
    s.str = bytesReprSlot;
    s.hash = bytesHash;
    s.richCompare = bytesRichCompare;
    s.len = bytesLen;
    s.getItem = bytesGetItem;
    s.contains = bytesContains;
    s.iter = bytesIter;
    s.concat = bytesConcat;
    s.repeat = bytesRepeat;
    s.newInstance = bytesNew;
    s.init = nullptr;
}

} // namespace detail

} // namespace coroscope::pylite
