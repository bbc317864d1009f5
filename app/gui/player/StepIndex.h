#pragma once
// StepIndex: where each granularity stops, indexed incrementally over a Trace
// that may still be growing. Lookups are binary searches, so stepping and
// seeking stay O(log n) on a trace of millions of events.

#include "app/gui/player/Granularity.h"
#include "core/trace/Event.h"

#include <cstddef>
#include <vector>

namespace coroscope {

class Trace;

/// Positions count events played: 0 = nothing has happened yet, N = events
/// [0, N) have been applied. A Line or Switch event at index i is the stop
/// position i + 1, the state right after that event.
class StepIndex {
public:
    /// Where the most recent Line event sends the program.
    struct LineMark {
        TaskId task = 0; ///< the task that reached the line (0 = none yet)
        int line = 0;    ///< 1-based source line (0 = none yet)
        bool operator==(const LineMark&) const = default;
    };

    /// Indexes events [indexed(), length) of `trace`; `length` never exceeds
    /// trace.size(). Cheap when nothing new arrived.
    void update(const Trace& trace, std::size_t length);
    void clear();
    /// Events indexed so far.
    std::size_t indexed() const { return m_indexed; }

    /// The first stop of `g` strictly after `position`, or `end` when none.
    std::size_t nextStop(Granularity g, std::size_t position, std::size_t end) const;
    /// The last stop of `g` strictly before `position`, or 0 when none.
    std::size_t previousStop(Granularity g, std::size_t position) const;

    /// The loop's virtual clock after `position` events (0 before any ClockAdvance).
    Nanos timeAt(std::size_t position) const;
    /// The last Line event among the first `position` events.
    LineMark lineAt(std::size_t position) const;
    /// Stops of one granularity; Event granularity has every position and no list.
    std::size_t stopCount(Granularity g) const;
    /// Stops of `g` at or before `position` (the 3 of "step 3 of 12").
    std::size_t stopsUpTo(Granularity g, std::size_t position) const;

    /// The last Line event at or before `position` as "the nth time any
    /// task reached line L", so a re-run can find the same moment again.
    struct LineOccurrence {
        int line = 0; ///< 0: no Line event yet
        int nth = 0;  ///< 1-based
        bool operator==(const LineOccurrence&) const = default;
    };
    LineOccurrence lineOccurrenceAt(std::size_t position) const;
    /// The stop position of the nth Line event reaching `line`; 0 if there
    /// is none among the indexed events.
    std::size_t positionOfLine(int line, int nth) const;

private:
    struct LineStop {
        std::size_t position; ///< index of the Line event + 1
        LineMark mark;
    };
    struct ClockStop {
        std::size_t position; ///< index of the ClockAdvance event + 1
        Nanos time;           ///< the loop's clock from then on
    };

    std::size_t m_indexed = 0;              ///< events [0, m_indexed) are indexed
    std::vector<LineStop> m_lines;          ///< ascending by position
    std::vector<std::size_t> m_switches;    ///< ascending stop positions of Switch events
    std::vector<ClockStop> m_clock;         ///< ascending by position; loop clock only
};

} // namespace coroscope
