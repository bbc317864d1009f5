#pragma once
// ViewText: the words every view uses for the same things — a task's name,
// a virtual time, what a task waits on, how it finished — so the loop view,
// the inspector and the timeline never describe one state two ways.

#include "core/trace/Model.h"

#include <QCoreApplication>
#include <QString>

namespace coroscope {

class Trace;

class ViewText {
    Q_DECLARE_TR_FUNCTIONS(coroscope::ViewText)
public:
    /// A trace string as a QString (the trace stores UTF-8).
    static QString text(const Trace& trace, StrRef ref);
    /// The task's name; "task N" when it has none; "event loop" for 0.
    static QString taskName(const Trace& trace, const Model& model, TaskId task);
    /// Virtual time for people: "0 s", "1.250 s", "12.5 ms", "350 µs".
    static QString time(Nanos t);
    /// A duration with its sign dropped, same format as time().
    static QString duration(Nanos d) { return time(d < 0 ? -d : d); }
    /// "running", "ready", "waiting", "suspended"...
    static QString stateName(TaskState state);
    static QString activityName(Activity activity);
    static QString kindName(TaskKind kind);
    /// What kind of thing is waited on: "timer", "future", "lock"...
    static QString waitKindName(WaitKind kind);
    /// What the task waits on, in words: "timer #3, fires at 1.250 s (in 0.250 s)".
    static QString waitDescription(const Trace& trace, const Model& model, const TaskInfo& task);
    /// The wait target alone: "timer #3", "future #12 (gather)", "task worker-4"...
    static QString waitTarget(const Trace& trace, const Model& model, WaitKind kind, std::uint32_t target);
    /// How a finished task ended: "= 42", "raised ValueError('x')", "cancelled".
    static QString outcome(const Trace& trace, const TaskInfo& task);
    /// The first line of a possibly multi-line text.
    static QString firstLine(const QString& s);
};

} // namespace coroscope
