// AnchorResolver: each anchor of the vocabulary names the event the lesson
// format says it does, in a recorded run.
#include "lessons/loader/AnchorResolver.h"

#include "LessonTraces.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::lessons;

namespace {

Anchor eventAnchor(AnchorEvent kind, int nth = 1, const char* task = "", const char* match = "")
{
    Anchor a;
    a.kind = AnchorKind::Event;
    a.event = kind;
    a.nth = nth;
    a.task = QString::fromUtf8(task);
    a.match = QString::fromUtf8(match);
    return a;
}

Anchor lineAnchor(int n, int nth = 1, const char* task = "")
{
    Anchor a;
    a.kind = AnchorKind::Line;
    a.line = n;
    a.nth = nth;
    a.task = QString::fromUtf8(task);
    return a;
}

Anchor timeAnchor(double seconds)
{
    Anchor a;
    a.kind = AnchorKind::Time;
    a.seconds = seconds;
    return a;
}

/// -1 when the anchor does not resolve, so tables can say "not found".
int resolved(const Trace& trace, const Anchor& anchor)
{
    const std::optional<std::size_t> index = AnchorResolver(trace).resolve(anchor);
    return index ? int(*index) : -1;
}

} // namespace

Q_DECLARE_METATYPE(coroscope::lessons::Anchor)

class tst_AnchorResolver : public QObject {
    Q_OBJECT

private slots:
    void greenletAnchorsNameTheirEvents_data()
    {
        QTest::addColumn<Anchor>("anchor");
        QTest::addColumn<int>("index");
        QTest::newRow("the program start is not the first switch") << eventAnchor(AnchorEvent::FirstSwitch) << 5;
        QTest::newRow("switch 1 is main to gr1") << eventAnchor(AnchorEvent::Switch, 1) << 5;
        QTest::newRow("switch 2 is gr1 to gr2") << eventAnchor(AnchorEvent::Switch, 2) << 9;
        QTest::newRow("switch 3 is gr2 back to gr1") << eventAnchor(AnchorEvent::Switch, 3) << 14;
        QTest::newRow("switch 5 returns to main") << eventAnchor(AnchorEvent::Switch, 5) << 21;
        QTest::newRow("there is no switch 6") << eventAnchor(AnchorEvent::Switch, 6) << -1;
        QTest::newRow("the second switch into gr1") << eventAnchor(AnchorEvent::Switch, 2, "gr1") << 14;
        QTest::newRow("a line counts when it completes") << eventAnchor(AnchorEvent::Output, 2) << 12;
        QTest::newRow("output 3 is the line 2") << eventAnchor(AnchorEvent::Output, 3) << 16;
        QTest::newRow("output matching 4") << eventAnchor(AnchorEvent::Output, 1, "", "4") << 20;
        QTest::newRow("output of gr2, second") << eventAnchor(AnchorEvent::Output, 2, "gr2") << 20;
        QTest::newRow("no stderr at all") << eventAnchor(AnchorEvent::Stderr) << -1;
        QTest::newRow("task created gr2") << eventAnchor(AnchorEvent::TaskCreated, 1, "gr2") << 3;
        QTest::newRow("line 12") << lineAnchor(12) << 10;
        QTest::newRow("line 6 of gr1") << lineAnchor(6, 1, "gr1") << 8;
        QTest::newRow("line 6 is never reached by gr2") << lineAnchor(6, 1, "gr2") << -1;
        QTest::newRow("line 5 once only") << lineAnchor(5, 2) << -1;
        QTest::newRow("run end") << eventAnchor(AnchorEvent::RunEnd) << 22;
        QTest::newRow("no await in a greenlet run") << eventAnchor(AnchorEvent::Await) << -1;
    }

    void greenletAnchorsNameTheirEvents()
    {
        QFETCH(Anchor, anchor);
        QFETCH(int, index);
        Trace trace;
        testing::recordGreenletRun(trace);
        QCOMPARE(resolved(trace, anchor), index);
    }

    void asyncioAnchorsNameTheirEvents_data()
    {
        QTest::addColumn<Anchor>("anchor");
        QTest::addColumn<int>("index");
        QTest::newRow("the loop starts Task-1") << eventAnchor(AnchorEvent::FirstSwitch) << 3;
        QTest::newRow("switches into tasks only") << eventAnchor(AnchorEvent::Switch, 2) << 13;
        QTest::newRow("await 1 is Task-1 suspending") << eventAnchor(AnchorEvent::Await) << 11;
        QTest::newRow("await of Task-3") << eventAnchor(AnchorEvent::Await, 1, "Task-3") << 21;
        QTest::newRow("a return is no await") << eventAnchor(AnchorEvent::Await, 4) << -1;
        QTest::newRow("timer scheduled by Task-3") << eventAnchor(AnchorEvent::TimerScheduled, 1, "Task-3") << 19;
        QTest::newRow("timer fired twice") << eventAnchor(AnchorEvent::TimerFired, 2) << 25;
        QTest::newRow("timer fired for Task-2") << eventAnchor(AnchorEvent::TimerFired, 1, "Task-2") << 23;
        QTest::newRow("task waiting") << eventAnchor(AnchorEvent::TaskWaiting, 2) << 15;
        QTest::newRow("task done") << eventAnchor(AnchorEvent::TaskDone) << 31;
        QTest::newRow("no task failed") << eventAnchor(AnchorEvent::TaskFailed) << -1;
        QTest::newRow("future resolved, owned by Task-2") << eventAnchor(AnchorEvent::FutureResolved, 1, "Task-2") << 30;
        QTest::newRow("future of another task") << eventAnchor(AnchorEvent::FutureResolved, 1, "Task-3") << -1;
        QTest::newRow("blocking call while the loop runs") << eventAnchor(AnchorEvent::Block) << 33;
        QTest::newRow("any warning") << eventAnchor(AnchorEvent::Warning, 2) << 35;
        QTest::newRow("warning text") << eventAnchor(AnchorEvent::Warning, 1, "", "deadlock") << 35;
        QTest::newRow("time 1 s is reached by the jump to 2 s") << timeAnchor(1.0) << 22;
        QTest::newRow("time 2 s exactly") << timeAnchor(2.0) << 22;
        QTest::newRow("a blocking advance moves the loop clock too") << timeAnchor(2.5) << 33;
        QTest::newRow("time after the end") << timeAnchor(4.0) << -1;
    }

    void asyncioAnchorsNameTheirEvents()
    {
        QFETCH(Anchor, anchor);
        QFETCH(int, index);
        Trace trace;
        testing::recordAsyncioRun(trace);
        QCOMPARE(resolved(trace, anchor), index);
    }

    void aWarningAnchorCanNameItsKind()
    {
        Trace trace;
        testing::recordAsyncioRun(trace);
        Anchor anchor = eventAnchor(AnchorEvent::Warning);
        anchor.warning = WarningKind::Deadlock;
        QCOMPARE(resolved(trace, anchor), 35);
        anchor.warning = WarningKind::NeverAwaited;
        QCOMPARE(resolved(trace, anchor), -1);
    }

    void thePositionIsRightAfterTheEvent()
    {
        Trace trace;
        testing::recordGreenletRun(trace);
        QCOMPARE(AnchorResolver(trace).position(eventAnchor(AnchorEvent::Switch, 2)), std::optional<std::size_t>(10));
        QCOMPARE(AnchorResolver(trace).position(eventAnchor(AnchorEvent::Switch, 9)), std::nullopt);
    }

    void anAnchorResolvesOnceAGrowingTraceReachesIt()
    {
        Trace trace;
        testing::TraceBuilder b(trace);
        const AnchorResolver resolver(trace);
        b.created(1, TaskKind::CoroutineTask, 0, 0, "Task-1").output(1, "par");
        QCOMPARE(resolver.resolve(eventAnchor(AnchorEvent::Output)), std::nullopt);
        b.output(1, "tial");
        QCOMPARE(resolver.resolve(eventAnchor(AnchorEvent::Output)), std::nullopt);
        b.end(RunStatus::Ok);
        // Text without a final line break is a line once the run has ended.
        QCOMPARE(resolver.resolve(eventAnchor(AnchorEvent::Output, 1, "", "partial")), std::optional<std::size_t>(3));
    }

    void everyEventNameRoundTrips()
    {
        QStringList names;
        for (AnchorEvent kind : allAnchorEvents()) {
            const std::string_view name = toString(kind);
            QCOMPARE(anchorEventFromString(name), std::optional<AnchorEvent>(kind));
            names.append(QString::fromLatin1(name.data(), qsizetype(name.size())));
        }
        QCOMPARE(names.size(), 21);
        QCOMPARE(anchorEventFromString("swich"), std::nullopt);
        QCOMPARE(warningKindFromString("deadlock"), std::optional<WarningKind>(WarningKind::Deadlock));
        QCOMPARE(warningKindFromString("dead-lock"), std::nullopt);
    }

    void anAnchorDescribesItself()
    {
        QCOMPARE(eventAnchor(AnchorEvent::TimerFired, 2, "n1").describe(), QStringLiteral("event timer-fired #2 of task 'n1'"));
        QCOMPARE(lineAnchor(7).describe(), QStringLiteral("line 7"));
        QCOMPARE(timeAnchor(1.5).describe(), QStringLiteral("time 1.5 s"));
    }
};

QTEST_APPLESS_MAIN(tst_AnchorResolver)
#include "tst_anchorresolver.moc"
