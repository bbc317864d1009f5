#pragma once
// bytes: an immutable byte string stored inline after the header.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace coroscope::pylite {

struct BytesObject : Object {
    std::int64_t m_hash; ///< -1 = not computed
    std::int64_t m_size;
    // m_size + 1 bytes follow (NUL-terminated).
    const char* data() const { return reinterpret_cast<const char*>(this + 1); }
    char* mutableData() { return reinterpret_cast<char*>(this + 1); }
    std::string_view view() const { return {data(), std::size_t(m_size)}; }
};

Ref newBytes(ObjectSpace& space, std::string_view data);
BytesObject* allocBytes(ObjectSpace& space, std::size_t size);
/// repr(b): b'...' with CPython's quote choice and \x escapes.
std::string bytesRepr(std::string_view data);

/// Codecs: utf-8, ascii, latin-1 (with aliases) and the errors handlers
/// strict, ignore, replace. Raise LookupError / UnicodeEncodeError /
/// UnicodeDecodeError as CPython does.
Ref encodeStr(ObjectSpace& space, Value str, std::string_view encoding, std::string_view errors);
Ref decodeBytes(ObjectSpace& space, std::string_view data, std::string_view encoding, std::string_view errors);

inline bool isBytes(ObjectSpace& space, Value v) { return v.isObject() && v.object()->m_type == space.types().bytesType; }
inline BytesObject* asBytes(Value v) { return static_cast<BytesObject*>(v.object()); }


} // namespace coroscope::pylite
