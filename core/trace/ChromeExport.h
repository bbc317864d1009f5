#pragma once
// ChromeExport: a run as Chrome trace-event JSON, which Perfetto
// (ui.perfetto.dev) and chrome://tracing open.
//
// Layout: process 1 "coroscope run"; one thread track per task (tid = task
// id, named "<name> (<kind> #<id>)", sorted by id) and one track for the
// event loop itself (tid kLoopTid, first). Each Timeline segment is a
// complete "X" slice named after the activity ("running", "ready",
// "waiting: timer", "suspended", "blocked"; the loop track has "idle" and
// "blocked"); args carry the state, what it waits on and the event range.
// Instant "i" events mark output (args.text), warnings, exceptions, timers
// fired, I/O and the run's end; a "ready queue" counter tracks the queue
// length. Timestamps are microseconds of virtual time (or, with
// TimelineAxis::Events, one microsecond per event, so zero-time steps
// become visible).
//
// Output is a pure function of the trace and the options: same trace, same
// bytes (events are written in trace order, lanes in id order).

#include "core/trace/Timeline.h"

#include <iosfwd>
#include <string>

namespace coroscope {

class Trace;

struct ChromeExportOptions {
    TimelineAxis axis = TimelineAxis::Time; ///< what "ts" measures
    bool output = true;                     ///< program output as instant events
    bool counters = true;                   ///< the ready-queue length and per-task memory counters
};

class ChromeExport {
public:
    /// tid of the event loop's own track (not 0: viewers treat tid 0 as the idle thread).
    static constexpr std::int64_t kLoopTid = 2147483647;

    explicit ChromeExport(const Trace& trace, ChromeExportOptions options = {});

    /// Writes the whole document to `out`.
    void write(std::ostream& out) const;
    std::string toJson() const;

private:
    void writeTo(std::ostream* sink, std::string* text) const;

    const Trace& m_trace;
    ChromeExportOptions m_options;
};

} // namespace coroscope
