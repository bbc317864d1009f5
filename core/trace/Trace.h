#pragma once
// Trace: the append-only record of one run. Events live in fixed-size chunks
// and text in fixed-size string chunks; both chunk tables are reserved up
// front and never reallocate, so one writer thread may append while reader
// threads read everything published before the size they loaded (size() is
// an acquire load, append() a release store). No allocation per event.

#include "core/trace/Event.h"

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope {

class Trace {
public:
    static constexpr std::size_t kChunkEvents = 4096;
    static constexpr std::size_t kMaxChunks = 1 << 16;       ///< 268M events at most
    static constexpr std::size_t kStringChunk = 1 << 20;     ///< bytes per string chunk
    static constexpr std::size_t kMaxStringChunks = 1 << 12; ///< 4 GiB of text at most

    Trace();
    ~Trace();
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    /// Appends e; returns false (and drops it) once the trace is full.
    bool append(const Event& e);
    /// Stores text for events. A text longer than kStringChunk is cut to it.
    StrRef intern(std::string_view text);
    std::string_view text(StrRef ref) const;
    std::string_view text(std::uint64_t packed) const { return text(StrRef::unpack(packed)); }

    /// Events published so far; safe to call from a reader thread.
    std::size_t size() const { return m_size.load(std::memory_order_acquire); }
    const Event& operator[](std::size_t i) const { return m_chunks[i / kChunkEvents][i % kChunkEvents]; }
    /// True once an append was refused: the run must stop with a limit.
    bool full() const { return m_full; }

    /// Bytes held for events and strings, for the bytes-per-event report.
    std::size_t bytesUsed() const;
    /// A stable binary image (events and text) used to compare runs byte for byte.
    std::string serialize() const;

private:
    std::vector<std::unique_ptr<Event[]>> m_chunks;  ///< reserved to kMaxChunks; never reallocates
    std::atomic<std::size_t> m_size{0};              ///< events published
    std::vector<std::unique_ptr<char[]>> m_strings;  ///< reserved to kMaxStringChunks
    std::size_t m_stringUsed = 0;                    ///< bytes used in the last string chunk
    std::size_t m_stringBytes = 0;                   ///< total text bytes interned
    bool m_full = false;                             ///< an append or intern was refused
};

} // namespace coroscope
