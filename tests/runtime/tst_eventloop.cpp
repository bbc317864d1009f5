// EventLoop: ready-queue order, timers, passes, the virtual clock, stopping,
// closing, deadlock, errors from callbacks and the trace of all of it.
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"

#include <QtTest>

#include <memory>
#include <string>

using namespace coroscope;

namespace {

constexpr Nanos kSecond = 1'000'000'000;

void append(std::string& log, const std::string& word)
{
    if (!log.empty())
        log += ' ';
    log += word;
}

/// A capture whose destruction is observable.
struct Counted {
    explicit Counted(int* alive)
        : alive(alive)
    {
        ++*alive;
    }
    Counted(const Counted& o)
        : alive(o.alive)
    {
        ++*alive;
    }
    ~Counted() { --*alive; }
    int* alive;
};

QString name(EventKind k)
{
    const std::string_view s = toString(k);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string kinds(const Trace& trace, std::initializer_list<EventKind> wanted)
{
    std::string out;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Event& e = trace[i];
        for (EventKind k : wanted)
            if (e.kind == k)
                append(out, std::string(toString(k)) + ":" + std::to_string(e.subject));
    }
    return out;
}

} // namespace

class tst_EventLoop : public QObject {
    Q_OBJECT
private slots:
    void callSoonRunsCallbacksInFifoOrder()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        for (int i = 1; i <= 5; ++i)
            loop.callSoon([&log, i] { append(log, std::to_string(i)); });
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("1 2 3 4 5"));
    }

    void timersWithEqualDeadlinesFireInSchedulingOrder()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callLater(kSecond, [&] { append(log, "a"); });
        loop.callLater(2 * kSecond, [&] { append(log, "x"); });
        loop.callLater(kSecond, [&] { append(log, "b"); });
        loop.callAt(kSecond, [&] { append(log, "c"); });
        loop.callLater(kSecond / 2, [&] { append(log, "early"); });
        loop.callAt(2 * kSecond, [&] { append(log, "y"); loop.stop(); });
        loop.runForever();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("early a b c x y"));
        QCOMPARE(loop.now(), 2 * kSecond);
    }

    void callbacksScheduledDuringAPassRunInTheNextPass()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callSoon([&] {
            append(log, "1");
            loop.callSoon([&] { append(log, "3"); });
        });
        loop.callSoon([&] { append(log, "2"); });
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("1 2"));
        QCOMPARE(loop.readyCount(), std::size_t(1));
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("1 2 3"));
    }

    void aDueTimerRunsAfterCallbacksThatWereAlreadyReady()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callLater(0, [&] { append(log, "timer"); });
        loop.callSoon([&] { append(log, "soon"); });
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("soon timer"));
    }

    void cancelledHandlesNeverRun()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        HandleRef soon = loop.callSoon([&] { append(log, "soon"); });
        HandleRef timer = loop.callLater(kSecond, [&] { append(log, "timer"); });
        HandleRef later;
        loop.callSoon([&] {
            append(log, "1");
            later->cancel(); // cancelled by an earlier callback of the same pass
        });
        later = loop.callSoon([&] { append(log, "later"); });
        loop.callLater(2 * kSecond, [&] { append(log, "2"); });
        soon->cancel();
        timer->cancel();
        QVERIFY(soon->cancelled());
        loop.runOnce();
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("1 2"));
        QCOMPARE(loop.now(), 2 * kSecond);
    }

    void cancellingAHandleReleasesItsCapturesAtOnce()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        int alive = 0;
        HandleRef h = loop.callLater(kSecond, [c = Counted(&alive)] {});
        QCOMPARE(alive, 1);
        h->cancel();
        QCOMPARE(alive, 0);
        h->cancel();
        QVERIFY(h->cancelled());
    }

    void theClockJumpsOnlyWhenNothingIsReady()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callLater(kSecond, [&] {
            append(log, "timer@" + std::to_string(loop.time()).substr(0, 3));
            loop.stop();
        });
        int chain = 0;
        std::function<void()> step = [&] {
            append(log, "step@" + std::to_string(loop.time()).substr(0, 3));
            if (++chain < 3)
                loop.callSoon(step);
        };
        loop.callSoon(step);
        loop.runForever();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("step@0.0 step@0.0 step@0.0 timer@1.0"));
    }

    void blockHoldsTheLoopAndDelaysTimers()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callLater(kSecond, [&] { append(log, "timer@" + std::to_string(loop.now() / (kSecond / 10))); });
        loop.callSoon([&] {
            loop.block(3 * kSecond);
            append(log, "blocked@" + std::to_string(loop.now() / (kSecond / 10)));
        });
        loop.runOnce();
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("blocked@30 timer@30"));
    }

    void stopEndsRunForeverAfterTheCurrentPass()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callSoon([&] {
            append(log, "1");
            loop.stop();
            loop.callSoon([&] { append(log, "next"); });
        });
        loop.callSoon([&] { append(log, "2"); });
        loop.runForever();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("1 2"));
        QVERIFY(!loop.isRunning());
        loop.callSoon([&] { loop.stop(); });
        loop.runForever(); // the stop flag was reset: this run goes on until stopped again
        QCOMPARE(QString::fromStdString(log), QStringLiteral("1 2 next"));
    }

    void stopBeforeRunForeverRunsExactlyOnePass()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callSoon([&] {
            append(log, "1");
            loop.callSoon([&] { append(log, "2"); });
        });
        loop.stop();
        loop.runForever();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("1"));
    }

    void runUntilCompleteStopsInThePassAfterTheFutureResolves()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<int>::create(loop);
        loop.callLater(kSecond, [&] {
            append(log, "resolve");
            f->setResult(42);
            loop.callSoon([&] { append(log, "same-pass-as-stop"); });
        });
        loop.callLater(2 * kSecond, [&] { append(log, "never"); });
        loop.runUntilComplete(*f);
        QCOMPARE(f->result(), 42);
        QCOMPARE(QString::fromStdString(log), QStringLiteral("resolve same-pass-as-stop"));
        QCOMPARE(loop.now(), kSecond);
        QVERIFY(!loop.isRunning());
    }

    void runUntilCompleteRefusesToRunInsideARunningLoop()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto f = Future<void>::create(loop);
        QString message;
        loop.callSoon([&] {
            try {
                loop.runUntilComplete(*f);
            } catch (const RuntimeError& e) {
                message = QString::fromUtf8(e.what());
            }
            f->setResult();
        });
        loop.runUntilComplete(*f);
        QCOMPARE(message, QStringLiteral("This event loop is already running"));
    }

    void runUntilCompleteReportsAStopBeforeTheFutureCompleted()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto f = Future<void>::create(loop);
        loop.callSoon([&] { loop.stop(); });
        try {
            loop.runUntilComplete(*f);
            QFAIL("expected RuntimeError");
        } catch (const RuntimeError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("Event loop stopped before Future completed."));
        }
        QCOMPARE(f->doneCallbackCount(), std::size_t(0));
    }

    void aFutureThatCanNeverResolveIsReportedAsADeadlock()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        EventLoop loop(ctx);
        auto f = Future<int>::create(loop);
        loop.callLater(kSecond, [] {});
        try {
            loop.runUntilComplete(*f);
            QFAIL("expected Deadlock");
        } catch (const Deadlock& d) {
            QVERIFY(std::string(d.what()).find("deadlock") != std::string::npos);
            QVERIFY(d.waiting().empty());
        }
        QCOMPARE(loop.now(), kSecond);
        QVERIFY(!loop.isRunning());
        const Event& last = trace[trace.size() - 1];
        QCOMPARE(name(last.kind), QStringLiteral("warning"));
        QCOMPARE(last.a, std::uint8_t(WarningKind::Deadlock));
    }

    void errorsEscapingACallbackGoToTheExceptionHandler()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callSoon([] { throw std::runtime_error("boom"); });
        loop.callSoon([&] { append(log, "still-running"); });
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("still-running"));
        QCOMPARE(loop.unhandledErrors().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(loop.unhandledErrors()[0]), QStringLiteral("std::runtime_error: boom"));

        std::string seen;
        loop.setExceptionHandler([&](const std::exception_ptr& e) { seen = describeException(e); });
        loop.callSoon([] { throw ValueError("bad value"); });
        loop.runOnce();
        QCOMPARE(QString::fromStdString(seen), QStringLiteral("ValueError: bad value"));
    }

    void aClosedLoopRefusesWorkAndReleasesWhatWasPending()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        int alive = 0;
        loop.callSoon([c = Counted(&alive)] {});
        loop.callLater(kSecond, [c = Counted(&alive)] {});
        QCOMPARE(alive, 2);
        loop.close();
        QVERIFY(loop.isClosed());
        QCOMPARE(alive, 0);
        QCOMPARE(loop.readyCount() + loop.timerCount(), std::size_t(0));
        try {
            loop.callSoon([] {});
            QFAIL("expected RuntimeError");
        } catch (const RuntimeError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("Event loop is closed"));
        }
        loop.close(); // a second close is a no-op
    }

    void aRunningLoopCannotBeClosed()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        QString message;
        loop.callSoon([&] {
            try {
                loop.close();
            } catch (const RuntimeError& e) {
                message = QString::fromUtf8(e.what());
            }
            loop.stop();
        });
        loop.runForever();
        QCOMPARE(message, QStringLiteral("Cannot close a running event loop"));
        QVERIFY(!loop.isClosed());
    }

    void manyCancelledTimersAreDroppedFromTheHeap()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::vector<HandleRef> handles;
        int ran = 0;
        for (int i = 0; i < 300; ++i)
            handles.push_back(loop.callLater(kSecond + i, [&] { ++ran; }));
        for (int i = 0; i < 300; i += 3) {
            handles[i + 1]->cancel();
            handles[i + 2]->cancel();
        }
        loop.callSoon([] {});
        loop.runOnce();
        QCOMPARE(loop.timerCount(), std::size_t(100));
        handles.clear();
        while (loop.timerCount() > 0)
            loop.runOnce();
        QCOMPARE(ran, 100);
    }

    void handlesOutliveTheirLoopSafely()
    {
        RunContext ctx;
        HandleRef h;
        {
            EventLoop loop(ctx);
            h = loop.callLater(kSecond, [] {});
        }
        h->cancel();
        QVERIFY(h->cancelled());
    }

    void theTraceRecordsQueueTimersAndClock()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        EventLoop loop(ctx);
        loop.callSoon([] {});                                 // handle 1
        HandleRef t = loop.callLater(kSecond, [] {});         // handle 2, timer 1
        loop.callLater(2 * kSecond, [&] { loop.stop(); });    // handle 3, timer 2
        t->cancel();
        loop.runForever();
        QCOMPARE(QString::fromStdString(kinds(trace, {EventKind::ReadyPush, EventKind::ReadyPop, EventKind::TimerScheduled,
                                                      EventKind::TimerFired, EventKind::TimerCancelled,
                                                      EventKind::ClockAdvance})),
                 QStringLiteral("ready-push:1 timer-scheduled:1 timer-scheduled:2 timer-cancelled:1 ready-pop:1 "
                                "clock-advance:0 timer-fired:2 ready-push:3 ready-pop:3"));
    }

    void aUserCallbackGetsItsOwnLaneInTheTrace()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        EventLoop loop(ctx);
        const TaskId lane = loop.createCallbackTask("print");
        loop.callSoonAs(lane, [] {});
        loop.runOnce();
        QCOMPARE(name(trace[0].kind), QStringLiteral("task-created"));
        QCOMPARE(trace[0].a, std::uint8_t(TaskKind::Callback));
        QVERIFY(trace.text(trace[0].v) == "print");
        QCOMPARE(QString::fromStdString(kinds(trace, {EventKind::Switch, EventKind::TaskState})),
                 QStringLiteral("switch:%1 task-state:%1 task-state:%1 switch:0").arg(lane));
    }

    void tracingOffEmitsNothingAndTracingOnIsDeterministic()
    {
        auto scenario = [](RunContext& ctx) {
            EventLoop loop(ctx);
            for (int i = 0; i < 10; ++i)
                loop.callLater((i % 3) * kSecond, [&loop, i] {
                    if (i % 2)
                        loop.callSoon([] {});
                });
            loop.callLater(5 * kSecond, [&] { loop.stop(); });
            loop.runForever();
        };
        Trace a, b;
        RunContext ca, cb, off;
        ca.trace = &a;
        cb.trace = &b;
        scenario(ca);
        scenario(cb);
        scenario(off);
        QVERIFY(a.size() > 20);
        QVERIFY(a.serialize() == b.serialize());
    }
};

QTEST_APPLESS_MAIN(tst_EventLoop)
#include "tst_eventloop.moc"
