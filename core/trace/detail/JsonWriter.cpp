#include "core/trace/detail/JsonWriter.h"

#include <charconv>
#include <cstdint>
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

} // namespace

JsonWriter::JsonWriter(std::ostream* sink)
    : m_sink(sink)
{
}

void JsonWriter::appendString(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8Length(text, i);
            if (n == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else {
                out.append(text.substr(i, n));
                i += n;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += char(c);
            }
        }
        ++i;
    }
    out += '"';
}

void JsonWriter::appendInteger(std::string& out, std::int64_t value)
{
    char buf[24];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, result.ptr);
}

void JsonWriter::appendMicros(std::string& out, Nanos ns)
{
    if (ns < 0) {
        out += '-';
        // -(INT64_MIN) overflows; virtual time is never that negative, clamp.
        ns = ns == INT64_MIN ? INT64_MAX : -ns;
    }
    appendInteger(out, ns / 1000);
    std::int64_t frac = ns % 1000;
    if (frac == 0)
        return;
    out += '.';
    char digits[3] = {char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10)};
    std::size_t n = 3;
    while (digits[n - 1] == '0')
        --n;
    out.append(digits, n);
}

void JsonWriter::separator()
{
    if (m_depth > 0 && m_depth <= kMaxDepth) {
        if (m_needComma[m_depth - 1])
            m_out += ',';
        m_needComma[m_depth - 1] = true;
    }
}

void JsonWriter::key(std::string_view k)
{
    separator();
    appendString(m_out, k);
    m_out += ':';
}

void JsonWriter::beginObject()
{
    separator();
    m_out += '{';
    if (m_depth < kMaxDepth)
        m_needComma[m_depth] = false;
    ++m_depth;
}

void JsonWriter::beginObject(std::string_view k)
{
    key(k);
    m_out += '{';
    if (m_depth < kMaxDepth)
        m_needComma[m_depth] = false;
    ++m_depth;
}

void JsonWriter::endObject()
{
    m_out += '}';
    --m_depth;
    maybeFlush();
}

void JsonWriter::beginArray(std::string_view k)
{
    key(k);
    m_out += '[';
    if (m_depth < kMaxDepth)
        m_needComma[m_depth] = false;
    ++m_depth;
}

void JsonWriter::endArray()
{
    m_out += ']';
    --m_depth;
}

void JsonWriter::field(std::string_view k, std::int64_t value)
{
    key(k);
    appendInteger(m_out, value);
}

void JsonWriter::field(std::string_view k, std::string_view text)
{
    key(k);
    appendString(m_out, text);
}

void JsonWriter::fieldBool(std::string_view k, bool value)
{
    key(k);
    m_out += value ? "true" : "false";
}

void JsonWriter::fieldMicros(std::string_view k, Nanos ns)
{
    key(k);
    appendMicros(m_out, ns);
}

void JsonWriter::newline()
{
    m_out += '\n';
    m_depth = 0;
    maybeFlush();
}

void JsonWriter::maybeFlush()
{
    if (m_sink && m_out.size() >= kFlushBytes)
        flush();
}

void JsonWriter::flush()
{
    if (!m_sink)
        return;
    m_sink->write(m_out.data(), std::streamsize(m_out.size()));
    m_out.clear();
}

} // namespace coroscope::detail
