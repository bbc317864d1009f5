#include "core/trace/detail/JsonWriter.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <ostream>

namespace coroscope::detail {

namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

/// Length of the well-formed UTF-8 sequence at s[i], or 0 if it is invalid.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = byte(i);
    std::size_t n;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return n;
}

constexpr std::size_t kMaxIntegerBytes = JsonWriter::kMaxIntegerBytes;

// Bytes writeString may need for `text` (JsonWriter::maxStringBytes): an
// input byte becomes at most six ("\\u001f"), plus the quotes and eight bytes
// of slack for whole-word stores.
std::size_t maxStringBytes(std::string_view text) { return JsonWriter::maxStringBytes(text); }

/// The `n` (1..8) bytes at `p` as one little-endian word, padded with
/// spaces. Built from whole loads, never byte stores into the word (a word
/// load after byte stores stalls on store forwarding).
std::uint64_t loadPadded(const char* p, std::size_t n)
{
    const auto byte = [&](std::size_t k) { return std::uint64_t(static_cast<unsigned char>(p[k])); };
    std::uint64_t w;
    if (n == 8) {
        std::memcpy(&w, p, 8);
        return w;
    }
    if (n >= 4) {
        std::uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        w = std::uint64_t(lo) | (std::uint64_t(hi) << (8 * (n - 4)));
    } else {
        w = byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
    }
    const std::uint64_t used = (std::uint64_t(1) << (8 * n)) - 1;
    return w | (0x2020202020202020ull & ~used);
}

/// Writes `text` quoted and escaped at `d` (room for maxStringBytes(text));
/// returns the end.
char* writeString(char* d, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    *d++ = '"';
    for (std::size_t i = 0; i < text.size();) {
        // Eight bytes at a time while none of them is a control character,
        // non-ASCII, a quote or a backslash (bit tricks on one word).
        // A tail shorter than eight bytes is padded with spaces and written
        // whole (the room has eight bytes of slack); only its length counts.
        while (i < text.size()) {
            constexpr std::uint64_t kOnes = 0x0101010101010101ull;
            constexpr std::uint64_t kHigh = 0x8080808080808080ull;
            const std::size_t n = std::min<std::size_t>(8, text.size() - i);
            const std::uint64_t w = loadPadded(text.data() + i, n);
            const auto zeroByte = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
            const std::uint64_t special =
                (w | zeroByte(w & ~kHigh & (kOnes * 0x60)) | zeroByte(w ^ (kOnes * '"')) | zeroByte(w ^ (kOnes * '\\'))) &
                kHigh;
            if (special)
                break;
            std::memcpy(d, &w, 8);
            d += n;
            i += n;
        }
        if (i == text.size())
            break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            *d++ = char(c);
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t n = utf8Length(text, i);
            if (n == 0) {
                std::memcpy(d, "\xEF\xBF\xBD", 3); // U+FFFD REPLACEMENT CHARACTER
                d += 3;
                ++i;
            } else {
                std::memcpy(d, text.data() + i, n);
                d += n;
                i += n;
            }
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        default:
            *d++ = 'u';
            *d++ = '0';
            *d++ = '0';
            *d++ = kHex[c >> 4];
            *d++ = kHex[c & 0xF];
        }
        ++i;
    }
    *d++ = '"';
    return d;
}

constexpr std::size_t kMaxMicrosBytes = kMaxIntegerBytes + 5;

/// Writes nanoseconds as microseconds ("1.5" for 1500) at `d` (room for
/// kMaxMicrosBytes); returns the end.
char* writeMicros(char* d, Nanos ns)
{
    if (ns < 0) {
        *d++ = '-';
        // -(INT64_MIN) overflows; virtual time is never that negative, clamp.
        ns = ns == INT64_MIN ? INT64_MAX : -ns;
    }
    d = std::to_chars(d, d + kMaxIntegerBytes, ns / 1000).ptr;
    const std::int64_t frac = ns % 1000;
    if (frac == 0)
        return d;
    *d++ = '.';
    const char digits[3] = {char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10)};
    std::size_t n = 3;
    while (digits[n - 1] == '0')
        --n;
    std::memcpy(d, digits, n);
    return d + n;
}

} // namespace

JsonWriter::JsonWriter(std::ostream* sink)
    : m_sink(sink)
{
}

char* JsonWriter::writeStringAt(char* d, std::string_view text)
{
    return writeString(d, text);
}

void JsonWriter::appendString(std::string& out, std::string_view text)
{
    const std::size_t old = out.size();
    out.resize(old + maxStringBytes(text));
    char* end = writeString(out.data() + old, text);
    out.resize(std::size_t(end - out.data()));
}

void JsonWriter::appendInteger(std::string& out, std::int64_t value)
{
    char buf[kMaxIntegerBytes];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, result.ptr);
}

void JsonWriter::appendMicros(std::string& out, Nanos ns)
{
    char buf[kMaxMicrosBytes];
    out.append(buf, writeMicros(buf, ns));
}

void JsonWriter::grow(std::size_t n)
{
    m_out.resize(std::max(m_out.size() * 2, std::max(m_len + n, m_sink ? kFlushBytes + 4096 : 4096)));
}

void JsonWriter::put(std::string_view s)
{
    std::memcpy(reserve(s.size()), s.data(), s.size());
    m_len += s.size();
}

void JsonWriter::putString(std::string_view text)
{
    char* d = reserve(maxStringBytes(text));
    m_len = std::size_t(writeString(d, text) - m_out.data());
}

void JsonWriter::putInteger(std::int64_t value)
{
    char* d = reserve(kMaxIntegerBytes);
    m_len = std::size_t(std::to_chars(d, d + kMaxIntegerBytes, value).ptr - m_out.data());
}

void JsonWriter::separator()
{
    if (m_depth > 0 && m_depth <= kMaxDepth) {
        if (m_needComma[m_depth - 1])
            put(',');
        m_needComma[m_depth - 1] = true;
    }
}

void JsonWriter::key(std::string_view k)
{
    separator();
    putString(k);
    put(':');
}

void JsonWriter::beginObject()
{
    separator();
    put('{');
    if (m_depth < kMaxDepth)
        m_needComma[m_depth] = false;
    ++m_depth;
}

void JsonWriter::beginObject(std::string_view k)
{
    key(k);
    put('{');
    if (m_depth < kMaxDepth)
        m_needComma[m_depth] = false;
    ++m_depth;
}

void JsonWriter::endObject()
{
    put('}');
    --m_depth;
    maybeFlush();
}

void JsonWriter::beginArray(std::string_view k)
{
    key(k);
    put('[');
    if (m_depth < kMaxDepth)
        m_needComma[m_depth] = false;
    ++m_depth;
}

void JsonWriter::endArray()
{
    put(']');
    --m_depth;
}

void JsonWriter::field(std::string_view k, std::int64_t value)
{
    key(k);
    putInteger(value);
}

void JsonWriter::field(std::string_view k, std::string_view text)
{
    key(k);
    putString(text);
}

void JsonWriter::fieldBool(std::string_view k, bool value)
{
    key(k);
    put(value ? std::string_view("true") : std::string_view("false"));
}

void JsonWriter::fieldMicros(std::string_view k, Nanos ns)
{
    key(k);
    char* d = reserve(kMaxMicrosBytes);
    m_len = std::size_t(writeMicros(d, ns) - m_out.data());
}

void JsonWriter::newline()
{
    put('\n');
    m_depth = 0;
    maybeFlush();
}

void JsonWriter::maybeFlush()
{
    if (m_sink && m_len >= kFlushBytes)
        flush();
}

void JsonWriter::flush()
{
    if (!m_sink)
        return;
    m_sink->write(m_out.data(), std::streamsize(m_len));
    m_len = 0;
}

const std::string& JsonWriter::text() const
{
    m_out.resize(m_len);
    return m_out;
}

} // namespace coroscope::detail
