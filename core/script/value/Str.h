#pragma once
// str: immutable text stored as UTF-8 (surrogates encoded like any other
// code point). Length and indexing are in code points; an ASCII flag makes
// indexing O(1) for ASCII text (other text is scanned).

#include "core/script/value/Ref.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace coroscope::pylite {

struct StrObject : Object {
    std::int64_t m_hash;       ///< cached hash; -1 = not computed yet
    std::int64_t m_length;     ///< code points
    std::int64_t m_byteLength; ///< UTF-8 bytes, without the trailing NUL
    bool m_ascii;              ///< every code point < 128 (then bytes == code points)
    // m_byteLength + 1 bytes of UTF-8 follow, NUL-terminated.

    const char* data() const { return reinterpret_cast<const char*>(this + 1); }
    char* mutableData() { return reinterpret_cast<char*>(this + 1); }
    std::string_view view() const { return {data(), std::size_t(m_byteLength)}; }
};

/// New str from UTF-8 (the caller guarantees well-formed (WTF-)8).
Ref newStr(ObjectSpace& space, std::string_view utf8);
/// New str of one code point.
Ref newStrFromCodePoint(ObjectSpace& space, char32_t c);
/// Allocates an uninitialized str of `bytes` bytes and `length` code points
/// to be filled through mutableData(); hash is recomputed lazily.
StrObject* allocStr(ObjectSpace& space, std::size_t bytes, std::int64_t length, bool ascii);

inline bool isStr(ObjectSpace& space, Value v);
/// The text of a str value (precondition: v is a str).
inline std::string_view strView(Value v) { return static_cast<StrObject*>(v.object())->view(); }
inline StrObject* asStr(Value v) { return static_cast<StrObject*>(v.object()); }

std::int64_t strHash(StrObject* s);
bool strEquals(StrObject* a, StrObject* b);
/// CPython's repr of a str: quote choice, escapes, non-printables as \x/\u/\U.
std::string strRepr(std::string_view utf8);
/// Byte offset of code point `index` (0 <= index <= length).
std::size_t strByteOffset(StrObject* s, std::int64_t index);
/// Code point at `index` (0 <= index < length).
char32_t strCodePointAt(StrObject* s, std::int64_t index);

/// ascii(): a repr with every non-ASCII code point as \x, \u or \U.
std::string asciiEscape(std::string_view reprText);

/// str.format(*args, **kwargs) with `format` the template (Format.cpp).
Ref strFormat(ObjectSpace& space, StrObject* format, const struct CallArgs& args);
/// `format % values` (PercentFormat.cpp).
Ref strPercentFormat(ObjectSpace& space, StrObject* format, Value values);


} // namespace coroscope::pylite

#include "core/script/value/ObjectSpace.h"

namespace coroscope::pylite {
inline bool isStr(ObjectSpace& space, Value v) { return v.isObject() && v.object()->m_type == space.types().strType; }
} // namespace coroscope::pylite
