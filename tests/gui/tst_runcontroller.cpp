// RunController: programs run on worker threads with tracing on; the trace
// streams to the GUI thread while it grows; a new run abandons the old one;
// a program that never ends stops at its budget while the event loop of
// the GUI thread keeps turning.

#include "app/gui/run/RunController.h"
#include "app/gui/run/detail/RunWorker.h"
#include "core/trace/Trace.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace coroscope;

namespace {

RunRequest request(const QString& source, std::uint64_t maxSteps = RunLimits::kDefaultMaxSteps)
{
    RunRequest r;
    r.source = source;
    r.limits.maxSteps = maxSteps;
    return r;
}

/// Every Output event of the trace, concatenated per stream.
QString outputOf(const Trace& trace, Stream stream = Stream::Stdout)
{
    std::string text;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Event& e = trace[i];
        if (e.kind == EventKind::Output && Stream(e.a) == stream)
            text += trace.text(e.v);
    }
    return QString::fromStdString(text);
}

/// Runs `source` to its end and returns the result and its trace.
std::pair<RunResult, std::shared_ptr<const Trace>> runToEnd(const QString& source,
                                                            std::uint64_t maxSteps = RunLimits::kDefaultMaxSteps)
{
    RunController controller;
    std::shared_ptr<const Trace> trace;
    QObject::connect(&controller, &RunController::started, [&](quint64, std::shared_ptr<const Trace> t) { trace = t; });
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(request(source, maxSteps));
    if (!controller.waitForFinished(30000))
        return {};
    return {finished.constFirst().constFirst().value<RunResult>(), trace};
}

} // namespace

class tst_RunController : public QObject {
    Q_OBJECT
private slots:
    void runningASmallProgramRecordsItsTraceAndOutput()
    {
        const auto [result, trace] = runToEnd(QStringLiteral("print('hello')\nprint(1 + 2)\n"));
        QVERIFY(trace);
        QCOMPARE(int(result.outcome), int(RunOutcome::Ok));
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(outputOf(*trace), QStringLiteral("hello\n3\n"));
        QCOMPARE(result.events, trace->size());
        QCOMPARE(int((*trace)[trace->size() - 1].kind), int(EventKind::RunEnd));
        QCOMPARE(int(RunStatus((*trace)[trace->size() - 1].a)), int(RunStatus::Ok));
    }

    void theRunEndsWithItsStatusAndTheStartedSignalComesFirst()
    {
        RunController controller;
        QString log;
        connect(&controller, &RunController::started, this, [&](quint64 run) { log += QStringLiteral("started%1 ").arg(run); });
        connect(&controller, &RunController::finished, this,
                [&](const RunResult& r) { log += QStringLiteral("finished%1").arg(r.run); });
        const quint64 id = controller.start(request(QStringLiteral("x = 1\n")));
        QCOMPARE(id, quint64(1));
        QVERIFY(controller.isRunning());
        QVERIFY(controller.waitForFinished(30000));
        QVERIFY(!controller.isRunning());
        QCOMPARE(log, QStringLiteral("started1 finished1"));
    }

    void anUncaughtExceptionIsReportedWithItsTraceback()
    {
        const auto [result, trace] = runToEnd(QStringLiteral("def f():\n    return 1 / 0\nf()\n"));
        QCOMPARE(int(result.outcome), int(RunOutcome::Exception));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.stderrText.contains(QStringLiteral("ZeroDivisionError: division by zero")),
                 qPrintable(result.stderrText));
        QVERIFY(outputOf(*trace, Stream::Stderr).contains(QStringLiteral("Traceback")));
    }

    void aSyntaxErrorReportsItsLineColumnAndMessage()
    {
        const auto [result, trace] = runToEnd(QStringLiteral("x = 1\nif x\n    pass\n"));
        QCOMPARE(int(result.outcome), int(RunOutcome::SyntaxError));
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.syntaxLine, 2);
        QCOMPARE(result.syntaxColumn, 5);
        QCOMPARE(result.syntaxMessage, QStringLiteral("SyntaxError: expected ':'"));
        QVERIFY(trace->size() > 0);
    }

    void aCompilerErrorIsLocatedOnItsLine()
    {
        const auto [result, trace] = runToEnd(QStringLiteral("x = 1\n\n\nreturn x\n"));
        QCOMPARE(int(result.outcome), int(RunOutcome::SyntaxError));
        QCOMPARE(result.syntaxLine, 4);
        QCOMPARE(result.syntaxMessage, QStringLiteral("SyntaxError: 'return' outside function"));
    }

    void anInfiniteLoopEndsAtItsBudgetWhileTheGuiThreadStaysResponsive()
    {
        RunController controller;
        controller.setPublishInterval(10);
        QSignalSpy progressed(&controller, &RunController::progressed);
        QSignalSpy finished(&controller, &RunController::finished);
        // The event loop of this thread must keep turning: a 5 ms timer
        // records the longest wait between two of its ticks.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer probe;
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, sinceTick.restart());
            ++ticks;
        });
        QElapsedTimer wall;
        wall.start();
        controller.start(request(QStringLiteral("while True:\n    pass\n")));
        sinceTick.start();
        probe.start();
        QVERIFY(controller.waitForFinished(60000));
        probe.stop();
        const RunResult result = finished.constFirst().constFirst().value<RunResult>();
        QCOMPARE(int(result.outcome), int(RunOutcome::Limit));
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.maxSteps, RunLimits::kDefaultMaxSteps);
        QVERIFY(result.events <= 2'500'000);
        qInfo("infinite loop: %lld ms, %zu events, %d ticks, longest gap %lld ms", wall.elapsed(), result.events,
              ticks, longestGap);
        QVERIFY2(longestGap < 100, qPrintable(QString::number(longestGap)));
        // Playback could start before the end: events were published on the way.
        QVERIFY(progressed.size() >= 2);
        QVERIFY(progressed.constFirst().at(1).toLongLong() < qint64(result.events));
        const std::shared_ptr<const Trace> trace = controller.trace();
        QCOMPARE(int(RunStatus((*trace)[trace->size() - 1].a)), int(RunStatus::Limit));
    }

    void startingANewRunAbandonsTheOldOne()
    {
        RunController controller;
        QList<quint64> finishedRuns;
        connect(&controller, &RunController::finished, this, [&](const RunResult& r) { finishedRuns << r.run; });
        QList<quint64> progressedRuns;
        connect(&controller, &RunController::progressed, this, [&](quint64 run) {
            if (!progressedRuns.contains(run))
                progressedRuns << run;
        });
        std::shared_ptr<const Trace> first;
        connect(&controller, &RunController::started, this, [&](quint64 run, std::shared_ptr<const Trace> t) {
            if (run == 1)
                first = t;
        });
        controller.start(request(QStringLiteral("while True:\n    pass\n")));
        const quint64 second = controller.start(request(QStringLiteral("print('second')\n")));
        QCOMPARE(controller.currentRun(), second);
        QVERIFY(controller.waitForFinished(30000));
        QTRY_COMPARE_WITH_TIMEOUT(controller.liveWorkers(), 0, 30000);
        QTest::qWait(50);
        QCOMPARE(finishedRuns, QList<quint64>{second});
        QCOMPARE(progressedRuns, QList<quint64>{second});
        // The abandoned run's trace lived on for whoever still holds it.
        QVERIFY(first);
        QVERIFY(first->size() > 0);
        QCOMPARE(int((*first)[first->size() - 1].kind), int(EventKind::RunEnd));
    }

    void runsQueueBehindTheWorkerLimitAndTheLastOneWins()
    {
        RunController controller;
        QList<quint64> finishedRuns;
        connect(&controller, &RunController::finished, this, [&](const RunResult& r) { finishedRuns << r.run; });
        int mostWorkers = 0;
        QTimer probe;
        probe.setInterval(2);
        connect(&probe, &QTimer::timeout, this, [&] { mostWorkers = std::max(mostWorkers, controller.liveWorkers()); });
        probe.start();
        for (int i = 0; i < 4; ++i)
            controller.start(request(QStringLiteral("while True:\n    pass\n")));
        QVERIFY(!controller.trace()); // the fourth waits for a worker
        const quint64 last = controller.start(request(QStringLiteral("print('last')\n")));
        QVERIFY(controller.waitForFinished(60000));
        probe.stop();
        QVERIFY2(mostWorkers <= RunController::kMaxWorkers, qPrintable(QString::number(mostWorkers)));
        QCOMPARE(finishedRuns, QList<quint64>{last});
        QCOMPARE(outputOf(*controller.trace()), QStringLiteral("last\n"));
    }

    void abandoningStopsTheSignals()
    {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start(request(QStringLiteral("print(1)\n")));
        controller.abandon();
        QCOMPARE(controller.currentRun(), quint64(0));
        QVERIFY(!controller.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(controller.liveWorkers(), 0, 30000);
        QTest::qWait(50);
        QCOMPARE(finished.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_RunController)
#include "tst_runcontroller.moc"
