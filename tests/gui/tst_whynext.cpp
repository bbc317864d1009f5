// WhyNext: "why does this task run next?" answered from the Model at the
// playhead, for each way a task gets the thread: a timer that fired, a
// future that resolved, create_task, call_soon, a generator resumed; and
// why nothing runs: the loop sleeps until a timer, or a deadlock.

#include "app/gui/narration/WhyNext.h"
#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <QTest>

using namespace coroscope;

namespace {

/// Builds a trace event by event, as the runtime would emit it.
class Run {
public:
    Run& created(TaskId task, TaskKind kind, std::string_view name, TaskId parent = 0)
    {
        return add({.kind = EventKind::TaskCreated, .a = std::uint8_t(kind), .subject = task, .x = parent,
                    .v = m_trace.intern(name).packed()});
    }
    Run& state(TaskId task, TaskState s, WaitKind wait = WaitKind::None, std::uint32_t target = 0)
    {
        return add({.kind = EventKind::TaskState, .a = std::uint8_t(s), .b = std::uint16_t(wait), .subject = task,
                    .x = target});
    }
    Run& switchTo(TaskId to, TaskId from, SwitchWhy why)
    {
        return add({.kind = EventKind::Switch, .a = std::uint8_t(why), .subject = to, .x = from});
    }
    Run& timer(TimerId id, TaskId owner, HandleId handle, double seconds)
    {
        return add({.kind = EventKind::TimerScheduled, .subject = id, .x = owner, .y = handle,
                    .v = std::uint64_t(Nanos(seconds * 1e9))});
    }
    Run& fired(TimerId id, TaskId owner) { return add({.kind = EventKind::TimerFired, .subject = id, .x = owner}); }
    Run& clock(double seconds)
    {
        return add({.kind = EventKind::ClockAdvance, .v = std::uint64_t(Nanos(seconds * 1e9))});
    }
    Run& push(HandleId handle, TaskId task, std::string_view label = {})
    {
        return add({.kind = EventKind::ReadyPush, .subject = handle, .x = task,
                    .v = label.empty() ? 0 : m_trace.intern(label).packed()});
    }
    Run& future(FutureId id, FutureKind kind, TaskId owner)
    {
        return add({.kind = EventKind::FutureCreated, .a = std::uint8_t(kind), .subject = id, .x = owner});
    }
    Run& resolved(FutureId id, FutureOutcome outcome)
    {
        return add({.kind = EventKind::FutureResolved, .a = std::uint8_t(outcome), .subject = id});
    }
    Run& line(TaskId task, int line) { return add({.kind = EventKind::Line, .subject = task, .x = std::uint32_t(line)}); }

    /// The explanation at the end of what was built.
    QString why() const { return WhyNext::explain(Model::fold(m_trace, m_trace.size()), m_trace); }

private:
    Run& add(const Event& e)
    {
        m_trace.append(e);
        return *this;
    }
    Trace m_trace;
};

} // namespace

class tst_WhyNext : public QObject {
    Q_OBJECT
private slots:
    void beforeTheFirstEventNothingHasRun()
    {
        QCOMPARE(Run().why(), QStringLiteral("Nothing has run yet. Press Step to watch the first event."));
    }

    void aTaskWhoseTimerFiredIsFirstInTheReadyQueue()
    {
        Run run;
        run.created(1, TaskKind::CoroutineTask, "Task-1").timer(1, 1, 5, 2.0).clock(2.0).fired(1, 1).push(5, 1);
        QCOMPARE(run.why(), QStringLiteral("The loop runs the ready queue in order. Task-1 is first in the ready "
                                           "queue because its timer fired at t=2.000 s."));
    }

    void aTaskWhoseFutureResolvedIsFirstInTheReadyQueue()
    {
        Run run;
        run.created(2, TaskKind::CoroutineTask, "Task-2").future(3, FutureKind::Plain, 0)
            .resolved(3, FutureOutcome::Result).push(7, 2).state(2, TaskState::Ready);
        QVERIFY2(run.why().endsWith(QStringLiteral("Task-2 is first in the ready queue because the future it "
                                                   "awaited got its result.")),
                 qPrintable(run.why()));
    }

    void aTaskWaitingForAnotherTaskWakesWhenThatTaskFinishes()
    {
        Run run;
        run.created(2, TaskKind::CoroutineTask, "Task-2").created(3, TaskKind::CoroutineTask, "Task-3")
            .future(3, FutureKind::Task, 3).resolved(3, FutureOutcome::Result).push(9, 2);
        QVERIFY2(run.why().endsWith(QStringLiteral("because the task it awaited, Task-3, finished.")),
                 qPrintable(run.why()));
    }

    void aNewTaskWaitsForItsFirstStep()
    {
        Run run;
        run.created(1, TaskKind::Main, "main").switchTo(1, 0, SwitchWhy::Start).line(1, 3)
            .created(2, TaskKind::CoroutineTask, "Task-2", 1).push(4, 2);
        QCOMPARE(run.why(), QStringLiteral("main holds the thread now; it runs until its next await. Then: Task-2 "
                                           "is first in the ready queue because it was just created "
                                           "(asyncio.create_task) and waits for its first step."));
    }

    void aCallbackScheduledByTheRunningTaskNamesIt()
    {
        Run run;
        run.created(1, TaskKind::Main, "main").switchTo(1, 0, SwitchWhy::Start).line(1, 3).push(4, 0, "greet");
        QVERIFY2(run.why().endsWith(QStringLiteral("greet is first in the ready queue because main scheduled it "
                                                   "with call_soon.")),
                 qPrintable(run.why()));
    }

    void aGeneratorRunsBecauseItsCallerResumedIt()
    {
        Run run;
        run.created(1, TaskKind::Main, "main").switchTo(1, 0, SwitchWhy::Start).created(2, TaskKind::Generator, "gen", 1)
            .switchTo(2, 1, SwitchWhy::Resume);
        QCOMPARE(run.why(), QStringLiteral("gen runs because main resumed it (next(), send() or a for loop)."));
        run.switchTo(1, 2, SwitchWhy::Yield);
        QCOMPARE(run.why(), QStringLiteral("main runs again because gen yielded a value back to it."));
    }

    void theMainFlowRunsFirst()
    {
        Run run;
        run.created(1, TaskKind::Main, "main").switchTo(1, 0, SwitchWhy::Start);
        QCOMPARE(run.why(), QStringLiteral("main runs: it is the program's main flow, where every run starts."));
    }

    void withNothingReadyTheLoopSleepsUntilTheNextTimer()
    {
        Run run;
        run.created(2, TaskKind::CoroutineTask, "Task-2").timer(1, 2, 5, 1.5).state(2, TaskState::Waiting, WaitKind::Timer, 1);
        QCOMPARE(run.why(), QStringLiteral("Nothing is ready, so the loop sleeps until the next timer: Task-2's, "
                                           "at t=1.500 s."));
    }

    void withNothingReadyAndNoTimerAWaitingTaskIsADeadlock()
    {
        Run run;
        run.created(2, TaskKind::CoroutineTask, "Task-2").future(4, FutureKind::Plain, 2)
            .state(2, TaskState::Waiting, WaitKind::Future, 4);
        QVERIFY2(run.why().contains(QStringLiteral("a deadlock")), qPrintable(run.why()));
        QVERIFY(run.why().contains(QStringLiteral("Task-2 still waits")));
    }

    void anUnnamedTaskIsCalledByItsNumber()
    {
        Run run;
        run.state(5, TaskState::Ready).push(1, 5);
        QVERIFY2(run.why().contains(QStringLiteral("task 5 is first in the ready queue")), qPrintable(run.why()));
    }
};

QTEST_APPLESS_MAIN(tst_WhyNext)
#include "tst_whynext.moc"
