#pragma once
// Trace: the append-only record of one run. Events live in fixed-size chunks
// and text in fixed-size string chunks; both chunk tables are reserved up
// front and never reallocate, so one writer thread may append while reader
// threads read everything published before the size they loaded (size() is
// an acquire load, append() a release store). No allocation per event.
//
// Streaming (coroscope-cli trace): a consumer registered with onChunk() is
// called by the writer each time a chunk of events is complete; it handles
// the events published so far and may release() them, whose memory then
// holds later events and text, so a long run needs bounded memory. Released
// events must not be read, and a trace that releases has no reader threads.

#include "core/trace/Event.h"

#include <atomic>
#include <functional>
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
    /// Inline so that the caller's Event is stored field by field where it
    /// was built: copying a just-built Event through memory as two wide
    /// loads stalls on store forwarding.
    bool append(const Event& e)
    {
        const std::size_t n = m_size.load(std::memory_order_relaxed);
        const std::size_t slot = n % kChunkEvents;
        if (slot == 0 && n / kChunkEvents == m_chunks.size()) [[unlikely]] {
            if (!startChunk(n))
                return false;
        }
        m_chunks[n / kChunkEvents][slot] = e;
        m_size.store(n + 1, std::memory_order_release);
        return true;
    }
    /// Stores text for events. A text longer than kStringChunk is cut to it.
    StrRef intern(std::string_view text);
    std::string_view text(StrRef ref) const;
    std::string_view text(std::uint64_t packed) const { return text(StrRef::unpack(packed)); }

    /// Events published so far; safe to call from a reader thread.
    std::size_t size() const { return m_size.load(std::memory_order_acquire); }
    const Event& operator[](std::size_t i) const { return m_chunks[i / kChunkEvents][i % kChunkEvents]; }
    /// True once an append was refused: the run must stop with a limit.
    bool full() const { return m_full; }

    /// Bytes of all events and text recorded (released ones included),
    /// for the bytes-per-event report.
    std::size_t bytesUsed() const;
    /// A stable binary image (events and text) used to compare runs byte for
    /// byte. Only for a trace that never released anything.
    std::string serialize() const;

    /// Streaming: `consumer` runs inside append() whenever the last chunk is
    /// full (size() a multiple of kChunkEvents), before the next event is
    /// stored; it may read events and text and call release(). Empty: none.
    void onChunk(std::function<void()> consumer) { m_onChunk = std::move(consumer); }
    /// Gives back the memory of every event before `end` (whole chunks only;
    /// end <= size()) and of all text but the two newest text chunks: text
    /// is interned right before the event that refers to it is appended, so
    /// a consumer that has handled every published event loses none it
    /// still needs. text() of released text is empty.
    void release(std::size_t end);
    /// The first event that may still be read: 0 until release().
    std::size_t firstHeld() const { return m_firstHeldChunk * kChunkEvents; }

private:
    /// Adds the chunk event n goes into (after the streaming consumer ran);
    /// false when the trace is full.
    bool startChunk(std::size_t n);

    std::vector<std::unique_ptr<Event[]>> m_chunks;  ///< reserved to kMaxChunks; never reallocates
    std::atomic<std::size_t> m_size{0};              ///< events published
    std::vector<std::unique_ptr<char[]>> m_strings;  ///< reserved to kMaxStringChunks
    std::size_t m_stringUsed = 0;                    ///< bytes used in the last string chunk
    std::size_t m_stringBytes = 0;                   ///< total text bytes interned
    bool m_full = false;                             ///< an append or intern was refused
    std::function<void()> m_onChunk;                 ///< streaming consumer, or empty
    std::size_t m_firstHeldChunk = 0;                ///< chunks before it are released (null)
    std::size_t m_firstHeldString = 0;               ///< text chunks before it are released (null)
    std::vector<std::unique_ptr<Event[]>> m_spareChunks; ///< released event chunks, reused first
    std::vector<std::unique_ptr<char[]>> m_spareStrings; ///< released text chunks, reused first
};

} // namespace coroscope
