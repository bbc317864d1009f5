#pragma once
// JsonLinesStream: the JSON Lines export (format: JsonLinesExport.h) written
// piece by piece while a trace is still recording. Each writeUpTo() writes
// the events from where the previous call stopped; the pieces joined are
// byte for byte JsonLinesExport's text of the whole trace, since a record
// depends only on its event and the loop clock of the events before it.
// After writeUpTo(end) returns, the events before `end` are not read again,
// so the caller may Trace::release() them.

#include "core/trace/Event.h"
#include "core/trace/detail/DecimalText.h"
#include "core/trace/detail/JsonWriter.h"

#include <cstddef>
#include <iosfwd>
#include <string>

namespace coroscope {

class Trace;

class JsonLinesStream {
public:
    /// Writes to `sink` as text accumulates (and on flush()); with no sink,
    /// text() holds everything.
    explicit JsonLinesStream(const Trace& trace, std::ostream* sink);

    /// Writes the events [next, end): `end` <= trace.size(), and every
    /// event from the first not yet written must still be held.
    void writeUpTo(std::size_t end);
    /// Hands buffered text to the sink.
    void flush();
    /// Everything written since the last flush to a sink (all of it with no sink).
    const std::string& text() const;
    /// The first event not written yet.
    std::size_t next() const { return m_next; }
    /// Events written so far whose text was released before they were
    /// (written as ""): 0 unless an emitter broke Trace::release()'s rule.
    std::size_t missingText() const { return m_missingText; }

private:
    const Trace& m_trace;
    detail::JsonWriter m_writer;
    std::size_t m_next = 0; ///< first event not written
    Nanos m_now = 0;        ///< the loop clock after event m_next - 1
    detail::DecimalText m_nowText;   ///< m_now as text
    detail::DecimalText m_indexText; ///< the index of the event being written, as text
    std::string m_scratch;  ///< enum and kind names outside their range
    std::size_t m_missingText = 0;
};

} // namespace coroscope
