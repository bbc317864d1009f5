// TimelineView: a lane per task with bars by activity, a playhead, click and
// drag to seek (time axis and event axis), zoom around the pointer, and a
// level of detail that keeps a long trace's bars bounded by the pixels.

#include "app/gui/views/TimelineView.h"
#include "core/trace/Seeker.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace coroscope;
using coroscope::testing::TraceBuilder;
using coroscope::testing::TraceSynth;

namespace {

constexpr Nanos kS = 1000000000;

/// Two tasks on a clock that jumps 0 -> 1 s -> 3 s: Task-1 runs, waits on a
/// timer, is woken and runs again; Task-2 waits in the ready queue first.
/// Event indices of the clock jumps are kept for the seek tests.
struct ClockRun {
    Trace trace;
    std::size_t firstJump = 0;  ///< index of the ClockAdvance to 1 s
    std::size_t secondJump = 0; ///< index of the ClockAdvance to 3 s

    ClockRun()
    {
        TraceBuilder b(trace);
        b.created(1, TaskKind::CoroutineTask, 0, 1, "Task-1").created(2, TaskKind::CoroutineTask, 0, 1, "Task-2");
        b.readyPush(1, 1, "step").state(1, TaskState::Ready).readyPush(2, 2, "step").state(2, TaskState::Ready);
        b.readyPop(1, 1).switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
        b.timer(1, 1, 3, 1 * kS).state(1, TaskState::Waiting, WaitKind::Timer, 1).switchTo(0, 1, SwitchWhy::Await);
        b.readyPop(2, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running);
        b.timer(2, 2, 4, 3 * kS).state(2, TaskState::Waiting, WaitKind::Timer, 2).switchTo(0, 2, SwitchWhy::Await);
        firstJump = b.size();
        b.clock(1 * kS).timerFired(1, 1).readyPush(3, 1, "step").state(1, TaskState::Ready);
        b.readyPop(3, 1).switchTo(1, 0, SwitchWhy::Resume).state(1, TaskState::Running).state(1, TaskState::Done);
        b.switchTo(0, 1, SwitchWhy::Return);
        secondJump = b.size();
        b.clock(3 * kS).timerFired(2, 2).readyPush(4, 2, "step").state(2, TaskState::Ready);
        b.readyPop(4, 2).switchTo(2, 0, SwitchWhy::Resume).state(2, TaskState::Running).state(2, TaskState::Done);
        b.switchTo(0, 2, SwitchWhy::Return).end(RunStatus::Ok);
    }
};

QString activities(const TimelineLayout::Lane& lane)
{
    QStringList out;
    for (const TimelineLayout::Bar& b : lane.bars)
        out << QString::fromLatin1(toString(b.activity).data());
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_TimelineView : public QObject {
    Q_OBJECT
private slots:
    void everyTaskGetsALaneAndTheLoopComesFirst()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.setSource(&run.trace, &seeker);
        const TimelineLayout l = view.layoutFor(QSizeF(1200, 400));
        QVERIFY(l.axis == TimelineAxis::Time);
        QCOMPARE(l.lanes.size(), std::size_t(3));
        QCOMPARE(l.lanes[0].label, QStringLiteral("event loop"));
        QCOMPARE(l.lanes[1].label, QStringLiteral("Task-1"));
        QCOMPARE(l.lanes[2].label, QStringLiteral("Task-2"));
        QCOMPARE(l.lanes[1].marker, view.viewStyle().taskFill(1));
        QCOMPARE(l.from, std::int64_t(0));
        QCOMPARE(l.to, std::int64_t(3 * kS));
    }

    void barsFollowEachTasksActivitiesInOrder()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.setSource(&run.trace, &seeker);
        view.setAxisMode(TimelineView::AxisMode::Events);
        const TimelineLayout l = view.layoutFor(QSizeF(2000, 400));
        QCOMPARE(activities(l.lanes[1]), QStringLiteral("ready running waiting ready running"));
        QCOMPARE(activities(l.lanes[2]), QStringLiteral("ready running waiting ready running"));
        QVERIFY(l.lanes[1].bars[2].waitKind == WaitKind::Timer);
        QCOMPARE(activities(l.lanes[0]), QStringLiteral("idle idle"));
        // On the time axis Task-2's wait covers 0 s to 3 s.
        view.setAxisMode(TimelineView::AxisMode::Time);
        const TimelineLayout t = view.layoutFor(QSizeF(2000, 400));
        const TimelineLayout::Bar* wait = nullptr;
        for (const TimelineLayout::Bar& b : t.lanes[2].bars) {
            if (b.activity == Activity::Waiting)
                wait = &b;
        }
        QVERIFY(wait);
        QVERIFY(std::abs(wait->rect.left() - t.xOf(0)) < 1.5);
        QVERIFY(std::abs(wait->rect.right() - t.xOf(3.0 * kS)) < 1.5);
    }

    void clickingOnTheTimeAxisSeeksToWhenTheClockReachesThatTime()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.resize(1200, 400);
        view.setSource(&run.trace, &seeker);
        QSignalSpy seek(&view, &TimelineView::seekRequested);
        const TimelineLayout l = view.layoutFor(QSizeF(view.size()));
        // 0.5 s: the clock reaches it with the jump to 1 s; the state right after that event.
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(qRound(l.xOf(0.5 * kS)), qRound(l.plot.center().y())));
        QCOMPARE(seek.count(), 1);
        QCOMPARE(seek.at(0).at(0).value<std::size_t>(), run.firstJump + 1);
        QCOMPARE(Model::fold(run.trace, run.firstJump + 1).now(), 1 * kS);
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(qRound(l.xOf(2.0 * kS)), qRound(l.plot.center().y())));
        QCOMPARE(seek.at(1).at(0).value<std::size_t>(), run.secondJump + 1);
        QCOMPARE(view.positionAt(l.plot.left(), QSizeF(view.size())), std::size_t(0));
    }

    void clickingOnTheEventAxisSeeksToThatEvent()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.resize(1000, 300);
        view.setSource(&run.trace, &seeker);
        view.setAxisMode(TimelineView::AxisMode::Events);
        const TimelineLayout l = view.layoutFor(QSizeF(view.size()));
        for (const std::size_t target : {std::size_t(0), std::size_t(7), std::size_t(20), run.trace.size()})
            QCOMPARE(view.positionAt(l.xOf(double(target)), QSizeF(view.size())), target);
        QCOMPARE(view.positionAt(l.plot.right() + 50, QSizeF(view.size())), run.trace.size());
    }

    void draggingSeeksContinuously()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.resize(1000, 300);
        view.setSource(&run.trace, &seeker);
        view.setAxisMode(TimelineView::AxisMode::Events);
        QSignalSpy seek(&view, &TimelineView::seekRequested);
        const TimelineLayout l = view.layoutFor(QSizeF(view.size()));
        const int y = qRound(l.plot.center().y());
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(qRound(l.xOf(2)), y));
        for (const int e : {5, 10, 15}) {
            QMouseEvent move(QEvent::MouseMove, QPointF(l.xOf(e), y), view.mapToGlobal(QPointF(l.xOf(e), y)),
                             Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&view, &move);
        }
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(qRound(l.xOf(15)), y));
        QStringList got;
        for (const auto& args : seek)
            got << QString::number(args.at(0).value<std::size_t>());
        QCOMPARE(got.join(QLatin1Char(' ')), QStringLiteral("2 5 10 15"));
    }

    void thePlayheadSitsAtTheClockAndSlidesByTheAnimationClock()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.setSource(&run.trace, &seeker);
        view.setPlayhead(run.secondJump + 1, 3 * kS, run.firstJump + 1, 1 * kS);
        view.clock()->setProgress(0.5);
        const TimelineLayout l = view.layoutFor(QSizeF(1200, 400));
        QVERIFY(std::abs(l.playheadX - l.xOf(2.0 * kS)) < 0.01);
        view.clock()->setProgress(1.0);
        QVERIFY(std::abs(view.layoutFor(QSizeF(1200, 400)).playheadX - l.xOf(3.0 * kS)) < 0.01);
    }

    void zoomKeepsTheValueUnderThePointerAndZeroFitsTheRun()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.resize(1200, 400);
        view.setSource(&run.trace, &seeker);
        const TimelineLayout before = view.layoutFor(QSizeF(view.size()));
        const qreal x = before.xOf(1.0 * kS);
        view.zoomBy(4.0, x);
        QVERIFY(!view.isFitted());
        const TimelineLayout after = view.layoutFor(QSizeF(view.size()));
        QVERIFY(std::abs(after.valueAt(x) - 1.0 * kS) < 1e-3 * kS);
        QVERIFY(std::abs(double(after.to - after.from) - 0.75 * kS) < 1e3);
        QTest::keyClick(&view, Qt::Key_0);
        QVERIFY(view.isFitted());
        QCOMPARE(view.rangeTo(), std::int64_t(3 * kS));
        QWheelEvent wheel(QPointF(x, 100), view.mapToGlobal(QPointF(x, 100)), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&view, &wheel);
        QVERIFY(!view.isFitted());
        QVERIFY(view.rangeTo() - view.rangeFrom() < 3 * kS);
    }

    void autoAxisLaysOutOverEventsWhileTheClockNeverMoves()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
        b.created(2, TaskKind::Greenlet, 1, 2, "g").state(1, TaskState::Suspended).switchTo(2, 1, SwitchWhy::Switch);
        b.state(2, TaskState::Running);
        Seeker seeker(trace);
        seeker.update();
        TimelineView view;
        view.setSource(&trace, &seeker);
        QVERIFY(view.axis() == TimelineAxis::Events);
        QCOMPARE(view.rangeTo(), std::int64_t(trace.size()));
        view.setAxisMode(TimelineView::AxisMode::Time);
        QVERIFY(view.axis() == TimelineAxis::Time);
    }

    void levelOfDetailKeepsBarsBoundedOnALongTrace()
    {
        Trace trace;
        TraceSynth(trace, {300000, 12, 7}).run();
        Seeker seeker(trace);
        seeker.update();
        TimelineView view;
        view.setSource(&trace, &seeker);
        for (const auto mode : {TimelineView::AxisMode::Time, TimelineView::AxisMode::Events}) {
            view.setAxisMode(mode);
            const TimelineLayout l = view.layoutFor(QSizeF(1600, 900));
            QVERIFY(!l.lanes.empty());
            const double pixels = l.plot.width();
            for (const TimelineLayout::Lane& lane : l.lanes)
                QVERIFY2(lane.bars.size() <= std::size_t(2 * pixels + 4),
                         qPrintable(QStringLiteral("%1 bars in %2 px").arg(lane.bars.size()).arg(pixels)));
            // Some lanes really are longer than the pixels they are drawn in.
            std::size_t segments = 0;
            for (const TimelineLayout::Lane& lane : l.lanes)
                segments += seeker.timeline().segmentCount(lane.task);
            QVERIFY(segments > l.barCount());
        }
    }

    void aZoomedLongRunShowsTheLanesAliveInTheVisibleRange()
    {
        Trace trace;
        TraceSynth(trace, {200000, 12, 5}).run();
        Seeker seeker(trace);
        seeker.update();
        TimelineView view;
        view.setSource(&trace, &seeker);
        view.setAxisMode(TimelineView::AxisMode::Events);
        view.setRange(150000, 151000);
        const TimelineLayout l = view.layoutFor(QSizeF(1600, 900));
        QVERIFY(l.lanes.size() > 5);
        for (const TimelineLayout::Lane& lane : l.lanes)
            QVERIFY2(!lane.bars.empty(), qPrintable(lane.label));
        // Early workers finished long before: their lanes are not listed.
        QVERIFY(l.laneTotal < seeker.head().taskIds().size() / 2);
    }

    void clickingALaneNameSelectsItsTask()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView view;
        view.resize(1000, 300);
        view.setSource(&run.trace, &seeker);
        QSignalSpy selected(&view, &TimelineView::taskSelected);
        const TimelineLayout l = view.layoutFor(QSizeF(view.size()));
        QTest::mouseClick(&view, Qt::LeftButton, {}, l.lanes[2].rect.topLeft().toPoint() + QPoint(20, 5));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<TaskId>(), TaskId(2));
        QVERIFY(view.layoutFor(QSizeF(view.size())).lanes[2].selected);
    }

    void renderingIsDeterministic()
    {
        ClockRun run;
        Seeker seeker(run.trace);
        seeker.update();
        TimelineView a;
        TimelineView b;
        for (TimelineView* v : {&a, &b}) {
            v->setSource(&run.trace, &seeker);
            v->setPlayhead(run.firstJump + 1, 1 * kS);
        }
        const QImage img = a.renderImage(QSize(1200, 400));
        QCOMPARE(img, b.renderImage(QSize(1200, 400)));
        a.setPlayhead(run.secondJump + 1, 3 * kS);
        QVERIFY(img != a.renderImage(QSize(1200, 400)));
    }
};

QTEST_MAIN(tst_TimelineView)
#include "tst_timelineview.moc"
