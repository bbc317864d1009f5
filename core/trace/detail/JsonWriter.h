#pragma once
// JsonWriter: a small streaming JSON text builder for the exporters. Output
// is a pure function of the calls made: numbers are formatted without the C
// locale (a GUI may have called setlocale), strings are escaped and invalid
// UTF-8 is replaced by U+FFFD so the result always parses.
//
// Text goes into a byte buffer whose size is its capacity (m_len bytes are
// used): every write reserves its worst case once and then stores through a
// pointer, so a field costs one bounds check instead of one per character.

#include "core/trace/Event.h"

#include <charconv>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace coroscope::detail {

class JsonWriter {
public:
    /// Writes into an internal buffer that is flushed to `sink` as it grows
    /// (and on flush()); with no sink, text() holds everything.
    explicit JsonWriter(std::ostream* sink = nullptr);

    void beginObject();
    void beginObject(std::string_view key);
    void endObject();
    void beginArray(std::string_view key);
    void endArray();

    void field(std::string_view key, std::int64_t value);
    void field(std::string_view key, std::uint32_t value) { field(key, std::int64_t(value)); }
    void field(std::string_view key, std::string_view text);
    void field(std::string_view key, const char* text) { field(key, std::string_view(text)); }
    void fieldBool(std::string_view key, bool value);
    /// Nanoseconds written as microseconds ("1.5" for 1500 ns).
    void fieldMicros(std::string_view key, Nanos ns);

    /// Ends a top-level value with a newline (JSON Lines) and resets nesting.
    void newline();
    void flush();
    /// Everything written since the last flush to a sink (all of it with no sink).
    const std::string& text() const;

    /// Whole records at once, for exporters' hot loops: rawBegin(n) gives
    /// room for n bytes, the caller stores through the pointer (with the
    /// write*At helpers below) and rawCommit(end) takes the bytes up to
    /// `end`. Bypasses object nesting: use between top-level values only.
    char* rawBegin(std::size_t n) { return reserve(n); }
    void rawCommit(char* end)
    {
        m_len = std::size_t(end - m_out.data());
        maybeFlush();
    }
    /// Room writeStringAt needs for `text`.
    static std::size_t maxStringBytes(std::string_view text) { return text.size() * 6 + 10; }
    static constexpr std::size_t kMaxIntegerBytes = 24;
    /// `text` quoted and escaped at `d` (room: maxStringBytes); returns the end.
    static char* writeStringAt(char* d, std::string_view text);
    /// `value` in decimal at `d` (room: kMaxIntegerBytes); returns the end.
    static char* writeIntegerAt(char* d, std::int64_t value)
    {
        if (value >= 0 && value < 10) {
            *d = char('0' + value);
            return d + 1;
        }
        return std::to_chars(d, d + kMaxIntegerBytes, value).ptr;
    }

    static void appendString(std::string& out, std::string_view text);
    static void appendInteger(std::string& out, std::int64_t value);
    static void appendMicros(std::string& out, Nanos ns);

private:
    void separator();
    void key(std::string_view k);
    void maybeFlush();
    /// Room for `n` more bytes at m_out.data() + m_len.
    char* reserve(std::size_t n)
    {
        if (m_len + n > m_out.size())
            grow(n);
        return m_out.data() + m_len;
    }
    void grow(std::size_t n);
    void put(char c) { *reserve(1) = c; ++m_len; }
    void put(std::string_view s);
    void putString(std::string_view text);
    void putInteger(std::int64_t value);

    static constexpr int kMaxDepth = 16;
    std::ostream* m_sink;
    mutable std::string m_out; ///< m_out.size() is the capacity; text() trims it to m_len
    std::size_t m_len = 0;
    bool m_needComma[kMaxDepth] = {}; ///< per open container: an element was written
    int m_depth = 0;
};

} // namespace coroscope::detail
