#pragma once
// JsonLinesExport: a trace as JSON Lines, one event per line, for
// `coroscope-cli trace --format jsonl` and for scripts.
//
// Every line is an object whose first fields are
//   "index": the event's index, "time": the loop's virtual clock (ns) once
//   the event has happened, "kind": the EventKind name ("task-state"...),
// followed by the kind's fields, named, with enums as names and text
// resolved from the string pool:
//   task-created    task, taskKind, parent, line, name
//   task-state      task, state, wait, target, line
//   switch          to, from, why
//   line            task, line
//   frame-push      task, line, depth, function
//   frame-pop       task, depth
//   frame-locals    task, depth, locals
//   output          task, stream, text
//   timer-scheduled timer, owner, handle, deadline
//   timer-fired     timer, owner
//   timer-cancelled timer, owner
//   future-created  future, futureKind, owner
//   future-resolved future, outcome, summary
//   future-waiter   future, task, added (true / false)
//   ready-push      handle, task, label
//   ready-pop       handle, task
//   clock-advance   why, lane, to
//   io              task, op, bytes, latencyUs, host
//   exception       task, text
//   warning         task, warning, message
//   run-end         status, message
// An enum value outside its range is written as "?<number>"; an unknown
// event kind as "kind": "?<number>" with the raw fields a, b, subject, x, y, v.
// Output is a pure function of the trace.

#include <iosfwd>
#include <string>

namespace coroscope {

class Trace;

class JsonLinesExport {
public:
    explicit JsonLinesExport(const Trace& trace);

    void write(std::ostream& out) const;
    std::string toJsonLines() const;

private:
    void writeTo(std::ostream* sink, std::string* text) const;

    const Trace& m_trace;
};

} // namespace coroscope
