#pragma once
// Seeker: random access to the Model at any position of a (growing) trace.
//
// update() folds the events appended since the last call into the head
// Model, keeping a checkpoint (a copy of the Model) every kInterval events,
// the Timeline, and indexes of Line and Switch events and of clock advances.
// seek(N) restores the nearest checkpoint at or below N (unless the current
// Model is already between it and N) and applies at most kInterval - 1
// events, so a seek costs the same forwards and backwards.
//
// Why kInterval = 4096: a Model copy shares its storage (CowVector), so a
// checkpoint costs the chunks written during its interval: a few tens of KB
// for a busy loop, about what the interval's events take in the Trace
// (4096 * 24 bytes). Replaying 4096 events takes ~0.1 ms, far below a frame.
//
// Threads: the Trace may be appended to while the run streams; call
// update() (and anything that reads the trace) only where reading the trace
// is safe, e.g. on the GUI thread under the lock the run publishes with.

#include "core/trace/Model.h"
#include "core/trace/Timeline.h"

#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace coroscope {

class Trace;

/// What one step of the player moves over.
enum class Granularity : std::uint8_t {
    Event,  ///< any event
    Line,   ///< a Line event
    Switch, ///< a Switch event
};

class Seeker {
public:
    static constexpr std::size_t kDefaultInterval = 4096;
    static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

    explicit Seeker(const Trace& trace, std::size_t interval = kDefaultInterval);
    Seeker(const Seeker&) = delete;
    Seeker& operator=(const Seeker&) = delete;

    /// Indexes the events appended since the last call; returns indexed().
    std::size_t update();
    /// Events indexed so far (positions 0..indexed() can be sought).
    std::size_t indexed() const { return m_head.position(); }
    std::size_t interval() const { return m_interval; }

    /// The Model at `position` (the fold of events [0, position)); indexes new
    /// events first if needed. Positions past the trace end are clamped.
    /// The reference stays valid until the next seek or update.
    const Model& seek(std::size_t position);
    const Model& current() const { return m_current; }
    /// The Model after every indexed event.
    const Model& head() const { return m_head; }

    /// Smallest event index >= `from` matching `g`, or npos.
    std::size_t nextMatch(std::size_t from, Granularity g) const;
    /// Largest event index < `before` matching `g`, or npos.
    std::size_t previousMatch(std::size_t before, Granularity g) const;
    /// The position one step after `position`: just past the next matching
    /// event; indexed() if there is none.
    std::size_t stepForward(std::size_t position, Granularity g) const;
    /// The position one step before `position`: just past the previous
    /// matching event that is already applied at `position - 1`; 0 if none.
    std::size_t stepBackward(std::size_t position, Granularity g) const;

    /// Index of the first event that happens at or after virtual time `t`
    /// (an event happens at the loop clock after it is applied), or npos.
    std::size_t firstIndexAtTime(Nanos t) const;

    const Timeline& timeline() const { return m_timeline; }
    /// Spans of `task`'s lane over virtual time [from, to], merged below
    /// `minDuration`, including the state it is in at the head.
    std::vector<Span> segments(TaskId task, Nanos from, Nanos to, Nanos minDuration) const;

    std::size_t checkpointCount() const { return m_checkpoints.size(); }
    /// Heap bytes held by checkpoints, counting storage they share once.
    std::size_t checkpointBytes() const;
    /// Heap bytes of the indexes and the timeline.
    std::size_t indexBytes() const;

private:
    const std::vector<std::uint32_t>* indexFor(Granularity g) const;

    const Trace& m_trace;
    std::size_t m_interval;
    Model m_head;                       ///< state after every indexed event
    Model m_current;                    ///< the last Model returned by seek
    std::vector<Model> m_checkpoints;   ///< m_checkpoints[k] is at position k * m_interval
    Timeline m_timeline;
    std::vector<std::uint32_t> m_lines;    ///< indices of Line events
    std::vector<std::uint32_t> m_switches; ///< indices of Switch events
    std::vector<std::pair<std::uint32_t, Nanos>> m_clock; ///< (index, time) where the loop clock rose
};

} // namespace coroscope
