#pragma once
// Trace: the append-only record of one run. Events are stored in fixed-size
// chunks (no allocation per event, no copying on growth); text is interned
// into one string pool. A Trace is written by one thread; readers may read
// events [0, size()) published before the last append.

#include "core/trace/Event.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope {

class Trace {
public:
    static constexpr std::size_t kChunkEvents = 4096;

    Trace();
    ~Trace();
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    void append(const Event& e);
    StrRef intern(std::string_view text);
    std::string_view text(StrRef ref) const;
    std::string_view text(std::uint64_t packed) const { return text(StrRef::unpack(packed)); }

    std::size_t size() const { return m_size; }
    const Event& operator[](std::size_t i) const { return m_chunks[i / kChunkEvents][i % kChunkEvents]; }

    /// Bytes held for events and strings, for the bytes-per-event report.
    std::size_t bytesUsed() const;
    /// A stable binary image (events and string pool) used to compare runs byte for byte.
    std::string serialize() const;

private:
    std::vector<std::unique_ptr<Event[]>> m_chunks; ///< each holds kChunkEvents events
    std::size_t m_size = 0;                         ///< events appended so far
    std::string m_strings;                          ///< the string pool
};

} // namespace coroscope
