#pragma once
// JsonWriter: a small streaming JSON text builder for the exporters. Output
// is a pure function of the calls made: numbers are formatted without the C
// locale (a GUI may have called setlocale), strings are escaped and invalid
// UTF-8 is replaced by U+FFFD so the result always parses.

#include "core/trace/Event.h"

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
    const std::string& text() const { return m_out; }

    static void appendString(std::string& out, std::string_view text);
    static void appendInteger(std::string& out, std::int64_t value);
    static void appendMicros(std::string& out, Nanos ns);

private:
    void separator();
    void key(std::string_view k);
    void maybeFlush();

    static constexpr int kMaxDepth = 16;
    std::ostream* m_sink;
    std::string m_out;
    bool m_needComma[kMaxDepth] = {}; ///< per open container: an element was written
    int m_depth = 0;
};

} // namespace coroscope::detail
