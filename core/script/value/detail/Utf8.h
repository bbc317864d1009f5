#pragma once
// UTF-8 helpers for str. Text is well-formed UTF-8 except that surrogate
// code points (U+D800..U+DFFF) may appear, encoded like any other 3-byte
// sequence (WTF-8), because Python strings can hold lone surrogates.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coroscope::pylite::utf8 {

inline bool isContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

/// Number of bytes of the sequence starting with lead byte `b`.
inline int sequenceLength(unsigned char b)
{
    if (b < 0x80) return 1;
    if (b < 0xE0) return 2;
    if (b < 0xF0) return 3;
    return 4;
}

/// Decodes the code point at byte offset `i` and advances `i` past it.
inline char32_t next(std::string_view s, std::size_t& i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    const int n = sequenceLength(b0);
    char32_t c = n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return c;
}

/// Decodes the code point ending just before byte offset `i`; moves `i` back.
inline char32_t previous(std::string_view s, std::size_t& i)
{
    std::size_t j = i - 1;
    while (j > 0 && isContinuation(static_cast<unsigned char>(s[j]))) --j;
    std::size_t k = j;
    char32_t c = next(s, k);
    i = j;
    return c;
}

inline int encodedLength(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

inline void append(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

/// Writes the encoding of `c` at `p`; returns bytes written.
inline int write(char* p, char32_t c)
{
    std::string tmp;
    append(tmp, c);
    for (std::size_t k = 0; k < tmp.size(); ++k) p[k] = tmp[k];
    return int(tmp.size());
}

/// Number of code points in `s`.
inline std::int64_t countCodePoints(std::string_view s)
{
    std::int64_t n = 0;
    for (unsigned char b : s) n += !isContinuation(b);
    return n;
}

inline bool isAscii(std::string_view s)
{
    for (unsigned char b : s)
        if (b >= 0x80) return false;
    return true;
}

/// Strict validation for bytes.decode('utf-8'): returns the offset of the
/// first invalid byte and the length of the invalid run and reason, or
/// npos when valid. Surrogates are invalid here (as in CPython).
struct DecodeError {
    std::size_t start = std::string_view::npos;
    std::size_t end = 0;
    const char* reason = nullptr;
};
DecodeError validate(std::string_view s);

} // namespace coroscope::pylite::utf8
