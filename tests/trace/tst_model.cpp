#include "core/trace/Model.h"
#include "core/trace/Trace.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QtTest>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

constexpr Nanos kMs = 1000000;

void appendWord(std::string& s, const std::string& word)
{
    if (!s.empty())
        s += ' ';
    s += word;
}

QString readyString(const Model& m)
{
    std::string s;
    for (const ReadyEntry& r : m.readyQueue())
        appendWord(s, std::to_string(r.task));
    return QString::fromStdString(s);
}

QString idsString(const std::vector<TaskId>& ids)
{
    std::string s;
    for (const TaskId id : ids)
        appendWord(s, std::to_string(id));
    return QString::fromStdString(s);
}

QString timersString(const Model& m)
{
    std::string s;
    for (const TimerInfo& t : m.timers())
        appendWord(s, std::to_string(t.id) + "@" + std::to_string(t.deadline / kMs));
    return QString::fromStdString(s);
}

/// Enums compare by name: QTest would pick coroscope::toString (string_view) for them.
template <typename Enum>
QString name(Enum e)
{
    const std::string_view n = toString(e);
    return QString::fromLatin1(n.data(), qsizetype(n.size()));
}

QString text(const Trace& trace, StrRef ref)
{
    return QString::fromUtf8(trace.text(ref).data(), qsizetype(trace.text(ref).size()));
}

/// main (1) starts three tasks, which run one pass: 2 sleeps 10 ms, 3 yields,
/// 4 awaits task 2. Returns positions of interest through the out-params.
void buildThreeTasks(TraceBuilder& b, std::size_t& afterSpawn, std::size_t& afterPass)
{
    b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
    for (TaskId t = 2; t <= 4; ++t) {
        std::string name = "t";
        name += std::to_string(t);
        b.created(t, TaskKind::CoroutineTask, 1, 10 * t, name).future(t, FutureKind::Task, t);
        b.readyPush(t - 1, t, "Task.__step").state(t, TaskState::Ready);
    }
    b.future(10, FutureKind::Gather, 1).waiter(10, 1).state(1, TaskState::Waiting, WaitKind::Future, 10);
    b.switchTo(0, 1, SwitchWhy::Await);
    afterSpawn = b.size();
    // task 2: await asyncio.sleep(0.01)
    b.readyPop(1, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running);
    b.future(11, FutureKind::Plain, 2).timer(1, 2, 100, 10 * kMs).waiter(11, 2);
    b.state(2, TaskState::Waiting, WaitKind::Timer, 1).switchTo(0, 2, SwitchWhy::Await);
    // task 3: await asyncio.sleep(0)
    b.readyPop(2, 3).switchTo(3, 0, SwitchWhy::Start).state(3, TaskState::Running);
    b.readyPush(5, 3, "Task.__step").state(3, TaskState::Ready).switchTo(0, 3, SwitchWhy::Yield);
    // task 4: await t2
    b.readyPop(3, 4).switchTo(4, 0, SwitchWhy::Start).state(4, TaskState::Running);
    b.waiter(2, 4).state(4, TaskState::Waiting, WaitKind::Task, 2).switchTo(0, 4, SwitchWhy::Await);
    afterPass = b.size();
}

} // namespace

class tst_Model : public QObject {
    Q_OBJECT
private slots:
    void positionZeroIsTheEmptyWorldAndEachApplyAdvancesByOne()
    {
        Trace trace;
        TraceBuilder b(trace);
        std::size_t a, p;
        buildThreeTasks(b, a, p);
        Model m;
        QCOMPARE(m.position(), std::size_t(0));
        QVERIFY(m.taskIds().empty());
        QCOMPARE(m.running(), TaskId(0));
        m.apply(trace[0], trace);
        QCOMPARE(m.position(), std::size_t(1));
        QCOMPARE(name(m.task(1)->state), name(TaskState::Created));
        m.apply(trace[1], trace);
        QCOMPARE(m.running(), TaskId(1));
        QCOMPARE(Model::fold(trace, 2), m);
        QCOMPARE(Model::fold(trace, trace.size() + 50).position(), trace.size());
    }

    void readyQueueIsFifoAndRunningTaskFollowsSwitches()
    {
        Trace trace;
        TraceBuilder b(trace);
        std::size_t afterSpawn, afterPass;
        buildThreeTasks(b, afterSpawn, afterPass);
        const Model spawned = Model::fold(trace, afterSpawn);
        QCOMPARE(readyString(spawned), QStringLiteral("2 3 4"));
        QCOMPARE(spawned.running(), TaskId(0));
        QCOMPARE(name(spawned.lastSwitchWhy()), name(SwitchWhy::Await));

        const Model passed = Model::fold(trace, afterPass);
        QCOMPARE(readyString(passed), QStringLiteral("3"));
        QCOMPARE(passed.readyQueue().front().handle, HandleId(5));
        QCOMPARE(text(trace, passed.readyQueue().front().label), QStringLiteral("Task.__step"));
        QCOMPARE(passed.task(1)->switches, 1u);
        QCOMPARE(passed.task(3)->switches, 1u);
        QCOMPARE(name(passed.task(3)->state), name(TaskState::Ready));

        // In the middle of task 3's step: it holds the thread.
        const Model mid = Model::fold(trace, afterSpawn + 11);
        QCOMPARE(mid.running(), TaskId(3));
        QCOMPARE(name(mid.task(3)->state), name(TaskState::Running));
        QCOMPARE(mid.anomalyCount(), std::size_t(0));
        QCOMPARE(passed.anomalyCount(), std::size_t(0));
    }

    void aPopFromTheMiddleRemovesThatHandleOnly()
    {
        Trace trace;
        TraceBuilder b(trace);
        for (HandleId h = 1; h <= 5; ++h)
            b.readyPush(h, h * 10, "cb");
        b.readyPop(3, 30).readyPop(1, 10).readyPush(6, 60, "cb").readyPop(9, 90);
        const Model m = Model::fold(trace, trace.size());
        QCOMPARE(readyString(m), QStringLiteral("20 40 50 60"));
        QCOMPARE(m.readyCount(), std::size_t(4));
        QCOMPARE(m.anomalyCount(), std::size_t(1)); // handle 9 was never queued
        QCOMPARE(m.anomaly(0).event, std::uint32_t(trace.size() - 1));
    }

    void waitingTasksAreGroupedByWhatTheyWaitOn()
    {
        Trace trace;
        TraceBuilder b(trace);
        std::size_t afterSpawn, afterPass;
        buildThreeTasks(b, afterSpawn, afterPass);
        const Model m = Model::fold(trace, afterPass);
        QCOMPARE(idsString(m.tasksWaitingOn(WaitKind::Timer, 1)), QStringLiteral("2"));
        QCOMPARE(idsString(m.tasksWaitingOn(WaitKind::Task, 2)), QStringLiteral("4"));
        QCOMPARE(idsString(m.tasksWaitingOn(WaitKind::Future, 10)), QStringLiteral("1"));
        QCOMPARE(idsString(m.waitersOf(2)), QStringLiteral("4"));
        QCOMPARE(idsString(m.waitersOf(11)), QStringLiteral("2"));
        QCOMPARE(m.future(2)->waiters, 1u);
        QCOMPARE(name(m.task(4)->waitKind), name(WaitKind::Task));
        QCOMPARE(m.task(4)->waitTarget, 2u);
    }

    void timersArePendingInDeadlineThenSchedulingOrder()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.timer(1, 2, 1, 30 * kMs).timer(2, 3, 2, 10 * kMs).timer(3, 4, 3, 30 * kMs).timer(4, 5, 4, 10 * kMs);
        QCOMPARE(timersString(Model::fold(trace, trace.size())), QStringLiteral("2@10 4@10 1@30 3@30"));
        b.timerCancelled(4, 5).clock(10 * kMs).timerFired(2, 3);
        const Model m = Model::fold(trace, trace.size());
        QCOMPARE(timersString(m), QStringLiteral("1@30 3@30"));
        QCOMPARE(m.timersFired(), 1u);
        QCOMPARE(m.now(), 10 * kMs);
        QCOMPARE(m.timers().front().owner, TaskId(2));
        QCOMPARE(m.anomalyCount(), std::size_t(0));
    }

    void aResolvedFutureDropsItsWaitersAndGivesTheTaskItsOutcome()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(7, TaskKind::CoroutineTask, 1, 3, "fetch").future(7, FutureKind::Task, 7);
        b.future(8, FutureKind::Plain, 0).waiter(8, 2).waiter(8, 4).waiter(8, 3).waiter(8, 4, false);
        Model m = Model::fold(trace, trace.size());
        QCOMPARE(idsString(m.waitersOf(8)), QStringLiteral("2 3"));
        QVERIFY(!m.future(8)->done);
        b.resolved(8, FutureOutcome::Result, "42").resolved(7, FutureOutcome::Exception, "KeyError('k')");
        b.waiter(8, 2, false); // a late removal after resolution is harmless
        b.waiter(8, 9);        // awaiting a finished future does not wait
        m = Model::fold(trace, trace.size());
        QVERIFY(m.future(8)->done);
        QCOMPARE(text(trace, m.future(8)->summary), QStringLiteral("42"));
        QCOMPARE(idsString(m.waitersOf(8)), QString());
        QVERIFY(m.task(7)->hasOutcome);
        QCOMPARE(name(m.task(7)->outcomeKind), name(FutureOutcome::Exception));
        QCOMPARE(text(trace, m.task(7)->outcome), QStringLiteral("KeyError('k')"));
        QCOMPARE(m.anomalyCount(), std::size_t(0));
    }

    void virtualTimeIsAccountedPerStateAndBlockingCallsAreBlocked()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(2, TaskKind::CoroutineTask, 0, 1, "t").readyPush(1, 2, "s").state(2, TaskState::Ready);
        b.clock(5 * kMs, ClockWhy::Idle);                                   // ready 5 ms (loop idle 5)
        b.readyPop(1, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running);
        b.clock(8 * kMs, ClockWhy::Blocking);                               // time.sleep(0.003)
        b.state(2, TaskState::Waiting, WaitKind::Timer, 1).switchTo(0, 2, SwitchWhy::Await);
        b.clock(20 * kMs, ClockWhy::Idle);
        const Model m = Model::fold(trace, trace.size());
        QCOMPARE(m.now(), 20 * kMs);
        QCOMPARE(m.timeIn(2, Activity::Ready), 5 * kMs);
        QCOMPARE(m.timeIn(2, Activity::Running), Nanos(0));
        QCOMPARE(m.timeIn(2, Activity::Blocked), 3 * kMs);
        QCOMPARE(m.timeIn(2, Activity::Waiting), 12 * kMs); // still waiting: the open state counts
        QCOMPARE(m.task(2)->spent[std::size_t(Activity::Waiting)], Nanos(0));
        QCOMPARE(m.timeIn(0, Activity::Idle), 17 * kMs);
        QCOMPARE(m.timeIn(0, Activity::Blocked), Nanos(0));
    }

    void aWorkerLaneHasItsOwnClock()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(5, TaskKind::Thread, 1, 0, "worker-0").state(5, TaskState::Running);
        b.clock(2 * kMs, ClockWhy::Worker, 5); // the worker sleeps 2 ms; the loop clock does not move
        Model m = Model::fold(trace, trace.size());
        QCOMPARE(m.now(), Nanos(0));
        QCOMPARE(m.clockOf(5), 2 * kMs);
        QCOMPARE(m.timeIn(5, Activity::Blocked), 2 * kMs);
        b.state(5, TaskState::Done).clock(3 * kMs);
        m = Model::fold(trace, trace.size());
        QCOMPARE(m.clockOf(5), 3 * kMs);
        QCOMPARE(name(m.task(5)->state), name(TaskState::Done));
        QCOMPARE(m.anomalyCount(), std::size_t(0));
    }

    void framesFollowPushPopAndLocalsAndTheTopFrameHasTheCurrentLine()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").framePush(1, 1, 1, "<module>").line(1, 4);
        b.framePush(1, 10, 2, "outer").locals(1, 2, "x=1").line(1, 12);
        b.framePush(1, 20, 3, "inner").line(1, 21).locals(1, 1, "a=[1, 2]");
        auto framesString = [&](const Model& m) {
            std::string s;
            for (const FrameInfo& f : m.frames(1))
                s += std::string(trace.text(f.function)) + "@" + std::to_string(f.line) + "{"
                    + std::string(trace.text(f.locals)) + "} ";
            return QString::fromStdString(s);
        };
        Model m = Model::fold(trace, trace.size());
        QCOMPARE(framesString(m), QStringLiteral("<module>@4{a=[1, 2]} outer@12{x=1} inner@21{} "));
        QCOMPARE(m.task(1)->line, 21u);
        QCOMPARE(m.task(1)->depth, std::uint16_t(3));
        b.framePop(1, 2).line(1, 13);
        m = Model::fold(trace, trace.size());
        QCOMPARE(framesString(m), QStringLiteral("<module>@4{a=[1, 2]} outer@13{x=1} "));
        b.framePop(1, 0); // an exception unwinds both frames at once
        m = Model::fold(trace, trace.size());
        QCOMPARE(framesString(m), QString());
        QCOMPARE(m.task(1)->depth, std::uint16_t(0));
        b.framePush(1, 30, 1, "again");
        m = Model::fold(trace, trace.size());
        QCOMPARE(framesString(m), QStringLiteral("again@30{} "));
        QCOMPARE(m.anomalyCount(), std::size_t(0));
    }

    void outputAndWarningsReferToTheTracesText()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.output(2, "hello\n").output(3, "oops\n", Stream::Stderr).warning(2, WarningKind::NeverAwaited, "never awaited");
        b.exception(3, "ValueError: x").end(RunStatus::Exception, "ValueError: x");
        const Model before = Model::fold(trace, 1);
        QCOMPARE(before.outputCount(), std::size_t(1));
        const Model m = Model::fold(trace, trace.size());
        QCOMPARE(m.outputCount(), std::size_t(2));
        QCOMPARE(m.output(1).task, TaskId(3));
        QCOMPARE(name(m.output(1).stream), name(Stream::Stderr));
        QCOMPARE(m.output(1).event, 1u);
        QCOMPARE(text(trace, m.output(0).text), QStringLiteral("hello\n"));
        QCOMPARE(m.warningCount(), std::size_t(1));
        QCOMPARE(name(m.warning(0).kind), name(WarningKind::NeverAwaited));
        QCOMPARE(text(trace, m.task(3)->exception), QStringLiteral("ValueError: x"));
        QVERIFY(!before.ended());
        QVERIFY(m.ended());
        QCOMPARE(name(m.endStatus()), name(RunStatus::Exception));
        QCOMPARE(text(trace, m.endMessage()), QStringLiteral("ValueError: x"));
    }

    void theFoldKeepsTheLatestMemoryPerTask()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").created(2, TaskKind::Greenlet, 1, 3, "g");
        b.created(3, TaskKind::Generator, 1, 5, "gen");
        b.memory(2, MemoryKind::Stack, 9000, 400).memory(3, MemoryKind::Frames, 200, 112);
        b.memory(2, MemoryKind::Stack, 9600, 800);
        const Model before = Model::fold(trace, 3);
        QVERIFY(!before.task(2)->hasMemory);
        const Model first = Model::fold(trace, 5);
        QCOMPARE(first.task(2)->memoryBytes, std::uint64_t(9400));
        const Model m = Model::fold(trace, trace.size());
        QVERIFY(m.task(2)->hasMemory);
        QCOMPARE(name(m.task(2)->memoryKind), name(MemoryKind::Stack));
        QCOMPARE(m.task(2)->memoryBytes, std::uint64_t(10400));
        QCOMPARE(m.task(2)->memoryPart, 9600u);
        QCOMPARE(name(m.task(3)->memoryKind), name(MemoryKind::Frames));
        QCOMPARE(m.task(3)->memoryBytes, std::uint64_t(312));
        QVERIFY(!m.task(1)->hasMemory);
        QCOMPARE(m.anomalyCount(), std::size_t(0));
        b.raw(Event{EventKind::Memory, 7, 0, 2, 0, 0, 5});
        QCOMPARE(Model::fold(trace, trace.size()).anomalyCount(), std::size_t(1));
    }

    void aCopyIsUnchangedByWritesToTheOriginal()
    {
        Trace trace;
        coroscope::testing::TraceSynth(trace, {20000, 8, 3}).run();
        Model m = Model::fold(trace, 10000);
        const Model copy = m;
        const std::string before = copy.describe(trace);
        m.applyUntil(trace, trace.size());
        QVERIFY(!(m == copy));
        QCOMPARE(copy.describe(trace), before);
        QCOMPARE(copy, Model::fold(trace, 10000));
    }

    void contradictoryOrCorruptEventsAreCountedNotFatal()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.state(9, TaskState::Running);                          // never created
        b.created(9, TaskKind::Greenlet, 0, 1, "g").state(9, TaskState::Done).state(9, TaskState::Running);
        b.framePop(9, 0).locals(9, 4, "x=1").timerFired(77, 9).switchTo(9, 5, SwitchWhy::Switch);
        b.raw(Event{EventKind::TaskState, 200, 300, 9, 0, 0, 0});
        b.raw(Event{EventKind(250), 1, 2, 3, 4, 5, 6});
        b.created(4000000000u, TaskKind::Main, 0, 0, "far");
        b.raw(Event{EventKind::Output, 9, 0, 9, 0, 0, StrRef{0xFFFFFFF0u, 5}.packed()}); // text out of range
        b.clock(5 * kMs).clock(1 * kMs);
        const Model m = Model::fold(trace, trace.size());
        QCOMPARE(m.position(), trace.size());
        QCOMPARE(name(m.task(9)->state), name(TaskState::Running));
        QCOMPARE(m.now(), 5 * kMs);
        QVERIFY(m.task(4000000000u) == nullptr);
        QVERIFY(m.taskSlots() < 100);
        QCOMPARE(trace.text(m.output(0).text), std::string_view());
        QCOMPARE(m.anomalyCount(), std::size_t(11));
        QVERIFY(!m.describe(trace).empty());
    }

    void randomEventSoupNeverCrashesAndStaysSmall()
    {
        Trace trace;
        std::uint64_t s = 12345;
        auto rnd = [&] {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            return std::uint32_t(s >> 33);
        };
        const StrRef ref = trace.intern("x");
        for (int i = 0; i < 200000; ++i) {
            const std::uint32_t r = rnd();
            Event e{EventKind(rnd() % 23), std::uint8_t(rnd() % 10), std::uint16_t(rnd() % 14), r % 7 == 0 ? rnd() : rnd() % 64,
                    rnd() % 64, rnd() % 6, (r & 1) ? ref.packed() : std::uint64_t(rnd()) * 1000};
            trace.append(e);
        }
        const Model m = Model::fold(trace, trace.size());
        QCOMPARE(m.position(), trace.size());
        QVERIFY(m.taskSlots() < (1u << 20));
        QVERIFY(m.futureSlots() < (1u << 20));
        QVERIFY(m.anomalyCount() > 0);
    }

    void aSynthesizedRunFoldsWithoutAnomaliesAndConsistentState()
    {
        Trace trace;
        coroscope::testing::TraceSynth(trace, {60000, 12, 7}).run();
        Model m;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            m.apply(trace[i], trace);
            // Check where the loop is about to pop the next handle: every task has settled.
            if (i + 1 == trace.size() || trace[i + 1].kind != EventKind::ReadyPop || i % 7 != 0)
                continue;
            QCOMPARE(m.running(), TaskId(0));
            for (const TimerInfo& t : m.timers())
                QCOMPARE(name(m.task(t.owner)->state), name(TaskState::Waiting));
            for (const ReadyEntry& r : m.readyQueue())
                if (r.task)
                    QCOMPARE(name(m.task(r.task)->state), name(TaskState::Ready));
            for (const TaskId id : m.taskIds())
                QVERIFY(m.task(id)->state != TaskState::Running);
        }
        QCOMPARE(m.anomalyCount(), std::size_t(0));
        QVERIFY(m.ended());
        QVERIFY(m.taskIds().size() > 50);
        QVERIFY(m.outputCount() > 100);
        QVERIFY(m.now() > 0);
        std::size_t failed = 0;
        for (const TaskId id : m.taskIds()) {
            const TaskInfo* t = m.task(id);
            if (t->state == TaskState::Failed) {
                ++failed;
                QVERIFY(t->hasOutcome);
                QCOMPARE(name(t->outcomeKind), name(FutureOutcome::Exception));
            }
        }
        QVERIFY(failed > 0);
    }
};

QTEST_APPLESS_MAIN(tst_Model)
#include "tst_model.moc"
