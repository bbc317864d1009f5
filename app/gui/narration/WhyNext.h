#pragma once
// WhyNext: answers the student's question "why does this task run next?"
// from the Model at the playhead (issue 5, narration): who holds the thread
// and why it got it, which task is first in the ready queue and what put it
// there (a timer that fired, a future that resolved, create_task, call_soon),
// or why nothing can run (the loop sleeps until a timer; a deadlock).

#include "core/trace/Event.h"

#include <QCoreApplication>
#include <QString>

namespace coroscope {

class Model;
class Trace;

class WhyNext {
    Q_DECLARE_TR_FUNCTIONS(coroscope::WhyNext)
public:
    /// Events looked at backwards from the playhead to find a cause.
    static constexpr std::size_t kScanLimit = 200'000;

    /// One or two plain sentences about `model` (a fold of `trace`).
    static QString explain(const Model& model, const Trace& trace);

    /// What put the ready-queue handle `handle` there, as the end of the
    /// sentence "... because <cause>"; empty when the trace does not say.
    static QString readyCause(const Model& model, const Trace& trace, HandleId handle, TaskId task);
    /// "Task-2", "main", "task 7", "the event loop" (id 0).
    static QString taskName(const Model& model, const Trace& trace, TaskId task);
    /// "2.000" for 2 s.
    static QString seconds(Nanos time);
};

} // namespace coroscope
