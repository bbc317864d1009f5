#pragma once
// Anchor: where in a run a narration step or a checkpoint belongs. An anchor
// is a source line, an event of the trace, or a moment of virtual time; the
// AnchorResolver turns it into the index of one event of a recorded Trace.
// The event vocabulary below is defined in terms of core/trace/Event.h; the
// table in docs/LESSONS.md repeats it for instructors.

#include "core/trace/Event.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace coroscope::lessons {

enum class AnchorKind : std::uint8_t {
    Line,  ///< {"line": N}: the nth time a task reaches source line N (a Line event with x == N)
    Event, ///< {"event": name}: the nth trace event matching the AnchorEvent's definition
    Time,  ///< {"time": s}: the first loop ClockAdvance (x == 0) reaching s seconds
};

/// The event names an anchor may use. "The task" of each kind is what the
/// anchor's `task` filter is compared with (the name from its TaskCreated).
enum class AnchorEvent : std::uint8_t {
    FirstSwitch,    ///< "first-switch": the first "switch" event (same as switch, nth 1)
    Switch,         ///< "switch": Switch with subject != 0, control enters a task; task = subject.
                    ///< The Start switch into a TaskKind::Main task (the program beginning) does not count.
    Await,          ///< "await": Switch with a == SwitchWhy::Await, a task suspends at await; task = x
    Yield,          ///< "yield": Switch with a == SwitchWhy::Yield, a generator or task yields; task = x
    TaskCreated,    ///< "task-created": TaskCreated; task = subject
    TaskReady,      ///< "task-ready": TaskState with a == Ready; task = subject
    TaskWaiting,    ///< "task-waiting": TaskState with a == Waiting; task = subject
    TaskDone,       ///< "task-done": TaskState with a == Done (finished with a result); task = subject
    TaskFailed,     ///< "task-failed": TaskState with a == Failed (finished by an exception); task = subject
    TaskCancelled,  ///< "task-cancelled": TaskState with a == Cancelled; task = subject
    TimerScheduled, ///< "timer-scheduled": TimerScheduled; task = owner (x)
    TimerFired,     ///< "timer-fired": TimerFired; task = owner (x)
    TimerCancelled, ///< "timer-cancelled": TimerCancelled; task = owner (x)
    FutureResolved, ///< "future-resolved": FutureResolved; task = the future's owner from its FutureCreated
    Output,         ///< "output": the stdout Output event that ends the nth line of stdout; task = subject
    Stderr,         ///< "stderr": the same for stderr
    Io,             ///< "io": Io; task = subject
    Block,          ///< "block": ClockAdvance with a == ClockWhy::Blocking on the loop (x == 0); task = the running task
    Warning,        ///< "warning": Warning, optionally of one WarningKind; task = subject
    Exception,      ///< "exception": Exception; task = subject
    RunEnd,         ///< "run-end": RunEnd
};

/// Every AnchorEvent, in declaration order.
std::span<const AnchorEvent> allAnchorEvents();
std::string_view toString(AnchorEvent event);
std::optional<AnchorEvent> anchorEventFromString(std::string_view name);
/// True for the events whose `match` filter is compared with a text
/// (output and stderr lines, warning and exception messages).
bool anchorEventHasText(AnchorEvent event);

/// The inverse of coroscope::toString(WarningKind).
std::optional<WarningKind> warningKindFromString(std::string_view name);

struct Anchor {
    AnchorKind kind = AnchorKind::Line;
    int line = 0;                            ///< Line: 1-based source line of the program
    AnchorEvent event = AnchorEvent::Switch; ///< Event: which event
    int nth = 1;                             ///< Line/Event: 1-based occurrence among the matching events
    QString task;                            ///< Line/Event: only events of the task with this name (empty: any)
    QString match;                           ///< Event with text: only lines/messages containing this (empty: any)
    std::optional<WarningKind> warning;      ///< Event warning: only warnings of this kind
    double seconds = 0;                      ///< Time: virtual seconds since the run started (> 0)

    /// A one-line description for messages and tooltips ("event timer-fired #2 (task 'n1')").
    QString describe() const;
    bool operator==(const Anchor&) const = default;
};

} // namespace coroscope::lessons
