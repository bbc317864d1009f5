// LoopView: the scene says what the Model says — who runs, the ready queue
// in order, who waits on what, who finished how — at every step, forwards
// and back; chips slide by the animation clock; rendering is deterministic.

#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/SceneTween.h"
#include "app/gui/views/ViewText.h"
#include "core/trace/Seeker.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QFontMetricsF>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace coroscope;
using coroscope::testing::TraceBuilder;
using coroscope::testing::TraceSynth;

namespace {

constexpr Nanos kS = 1000000000;
const QSizeF kSize(1600, 900);

/// An asyncio run as CPython would record it: main starts Task-2 and
/// Task-3 and awaits gather(); Task-2 sleeps 1 s and returns 'a', Task-3
/// sleeps 2 s and raises. `marks` names positions (events applied).
struct SleepRun {
    Trace trace;
    std::map<std::string, std::size_t> marks;

    SleepRun()
    {
        TraceBuilder b(trace);
        auto mark = [&](const char* name) { marks[name] = b.size(); };
        b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start);
        b.state(1, TaskState::Running, WaitKind::None, 0, 10).framePush(1, 10, 1, "main");
        mark("main runs");
        b.created(2, TaskKind::CoroutineTask, 1, 11, "Task-2").future(2, FutureKind::Task, 2);
        b.readyPush(1, 2, "Task.__step").state(2, TaskState::Ready);
        b.created(3, TaskKind::CoroutineTask, 1, 12, "Task-3").future(3, FutureKind::Task, 3);
        b.readyPush(2, 3, "Task.__step").state(3, TaskState::Ready);
        mark("both queued");
        b.future(10, FutureKind::Gather, 1).waiter(10, 1).state(1, TaskState::Waiting, WaitKind::Future, 10, 13);
        b.switchTo(0, 1, SwitchWhy::Await);
        mark("main awaits");
        b.readyPop(1, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running).framePush(2, 3, 1, "work");
        mark("task2 runs");
        b.timer(1, 2, 11, 1 * kS).state(2, TaskState::Waiting, WaitKind::Timer, 1, 4).switchTo(0, 2, SwitchWhy::Await);
        mark("task2 sleeps");
        b.readyPop(2, 3).switchTo(3, 0, SwitchWhy::Start).state(3, TaskState::Running).framePush(3, 3, 1, "work");
        b.timer(2, 3, 12, 2 * kS).state(3, TaskState::Waiting, WaitKind::Timer, 2, 4).switchTo(0, 3, SwitchWhy::Await);
        mark("both sleep");
        b.clock(kS / 2, ClockWhy::Idle);
        mark("half a second");
        b.clock(1 * kS, ClockWhy::Idle).timerFired(1, 2).readyPush(11, 2, "Task.__step").state(2, TaskState::Ready);
        mark("task2 woken");
        b.readyPop(11, 2).switchTo(2, 0, SwitchWhy::Resume).state(2, TaskState::Running).line(2, 5);
        b.framePop(2, 0).resolved(2, FutureOutcome::Result, "'a'").state(2, TaskState::Done).switchTo(0, 2, SwitchWhy::Return);
        mark("task2 done");
        b.clock(2 * kS, ClockWhy::Idle).timerFired(2, 3).readyPush(12, 3, "Task.__step").state(3, TaskState::Ready);
        b.readyPop(12, 3).switchTo(3, 0, SwitchWhy::Resume).state(3, TaskState::Running).line(3, 5);
        b.framePop(3, 0).exception(3, "Traceback (most recent call last):\nValueError: no").
            resolved(3, FutureOutcome::Exception, "ValueError('no')").state(3, TaskState::Failed);
        b.resolved(10, FutureOutcome::Exception, "ValueError('no')").readyPush(13, 1, "Task.__step");
        b.state(1, TaskState::Ready).switchTo(0, 3, SwitchWhy::Return);
        mark("task3 failed");
        b.end(RunStatus::Exception);
    }
    std::size_t at(const char* name) const { return marks.at(name); }
};

Scene sceneAt(const Trace& trace, std::size_t position, QSizeF size = kSize, ViewStyle style = ViewStyle())
{
    const Model m = Model::fold(trace, position);
    return LoopView::layout(LayoutInput{trace, m, style, size});
}

/// The names of the ready queue's tasks as the Model has them.
QString modelReadyNames(const Trace& trace, const Model& m)
{
    QStringList names;
    for (const ReadyEntry& e : m.readyQueue())
        names << (e.task ? ViewText::taskName(trace, m, e.task) : ViewText::text(trace, e.label));
    return names.join(QLatin1Char(' '));
}

} // namespace

class tst_LoopView : public QObject {
    Q_OBJECT
private slots:
    void theRunningSlotHoldsTheRunningTaskOrTheLoop_data()
    {
        QTest::addColumn<QString>("mark");
        QTest::addColumn<QString>("running");
        QTest::newRow("main at start") << "main runs" << "main";
        QTest::newRow("loop after main awaits") << "main awaits" << "event loop";
        QTest::newRow("task2 started") << "task2 runs" << "Task-2";
        QTest::newRow("loop while both sleep") << "both sleep" << "event loop";
    }
    void theRunningSlotHoldsTheRunningTaskOrTheLoop()
    {
        QFETCH(QString, mark);
        QFETCH(QString, running);
        SleepRun run;
        const Scene scene = sceneAt(run.trace, run.at(mark.toStdString().c_str()));
        QCOMPARE(scene.chipsIn(QStringLiteral("running")), running);
    }

    void theRunningChipShowsTheWholeNameOfTheLoopInANarrowPane()
    {
        // A docked pane of a 1366x768 window: chips are at their narrowest.
        SleepRun run;
        const ViewStyle style;
        const Scene s = sceneAt(run.trace, run.at("both sleep"), QSizeF(420, 350), style);
        const SceneItem* chip = s.chipOf(0);
        QVERIFY(chip);
        QCOMPARE(chip->text, QStringLiteral("event loop"));
        const qreal textW = QFontMetricsF(style.font(1.0, true)).horizontalAdvance(chip->text);
        const qreal inside = chip->rect.width() - 2 * 0.55 * style.unit(); // the pill's padding (ScenePainter)
        QVERIFY2(inside >= textW, qPrintable(QStringLiteral("%1 < %2").arg(inside).arg(textW)));
        QVERIFY2(chip->rect.right() < 420 / 2, "the text beside it keeps most of the width");
    }

    void readyQueueChipsAreInFifoOrder()
    {
        SleepRun run;
        QCOMPARE(sceneAt(run.trace, run.at("main runs")).chipsIn(QStringLiteral("ready")), QString());
        QCOMPARE(sceneAt(run.trace, run.at("both queued")).chipsIn(QStringLiteral("ready")), QStringLiteral("Task-2 Task-3"));
        QCOMPARE(sceneAt(run.trace, run.at("task2 runs")).chipsIn(QStringLiteral("ready")), QStringLiteral("Task-3"));
        // The front of the queue is leftmost.
        const Scene s = sceneAt(run.trace, run.at("both queued"));
        QVERIFY(s.chipOf(2)->rect.left() < s.chipOf(3)->rect.left());
    }

    void waitingTasksAreGroupedByWhatTheyWaitOn()
    {
        SleepRun run;
        const Scene s = sceneAt(run.trace, run.at("both sleep"));
        QCOMPARE(s.chipsIn(LoopView::waitingGroup(WaitKind::Timer, 1)), QStringLiteral("Task-2"));
        QCOMPARE(s.chipsIn(LoopView::waitingGroup(WaitKind::Timer, 2)), QStringLiteral("Task-3"));
        QCOMPARE(s.chipsIn(LoopView::waitingGroup(WaitKind::Future, 10)), QStringLiteral("main"));
        QCOMPARE(s.chipGroups().join(QLatin1Char('|')),
                 QStringLiteral("running|waiting timer 1|waiting timer 2|waiting future 10"));
        // Each waiter points at what it waits on.
        QVERIFY(s.arrowBetween(sceneKey(KeyKind::Chip, 2), sceneKey(KeyKind::Port, 2)));
        const SceneItem* port = s.find(sceneKey(KeyKind::Port, 2));
        const SceneItem* node = s.find(sceneKey(KeyKind::Node, 1, quint32(WaitKind::Timer) + 1));
        QVERIFY(port && node);
        QCOMPARE(port->rect.bottom(), node->rect.bottom());
        QVERIFY(node->text.contains(QStringLiteral("timer #1")));
    }

    void timersAreListedInFiringOrderWithACountdownOnTheVirtualClock()
    {
        SleepRun run;
        const Scene s = sceneAt(run.trace, run.at("half a second"));
        const SceneItem* first = s.find(sceneKey(KeyKind::Node, 1, quint32(WaitKind::Timer) + 1));
        const SceneItem* second = s.find(sceneKey(KeyKind::Node, 2, quint32(WaitKind::Timer) + 1));
        QVERIFY(first && second);
        QVERIFY(first->rect.left() < second->rect.left() || first->rect.top() < second->rect.top());
        QVERIFY2(first->text.contains(QStringLiteral("in 0.500 s")), qPrintable(first->text));
        QVERIFY2(second->text.contains(QStringLiteral("in 1.500 s")), qPrintable(second->text));
        const SceneItem* bar = s.find(sceneKey(KeyKind::Bar, 1));
        QVERIFY(bar);
        QCOMPARE(bar->progress, 0.5f);
    }

    void finishedTasksShowTheirResultOrException()
    {
        SleepRun run;
        const Scene s = sceneAt(run.trace, run.at("task3 failed"));
        QCOMPARE(s.chipsIn(QStringLiteral("finished")), QStringLiteral("Task-3 Task-2"));
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 2, 1))->text, QStringLiteral("= 'a'"));
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 3, 1))->text, QStringLiteral("raised ValueError('no')"));
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 3, 1))->ink, ViewStyle().theme().error);
    }

    void theSceneMatchesTheModelAtEveryStepOfASynthesizedRun()
    {
        Trace trace;
        TraceSynth(trace, {4000, 6, 3}).run();
        Seeker seeker(trace);
        seeker.update();
        const ViewStyle style;
        for (std::size_t p = 0; p <= trace.size(); p += 3) {
            const Model& m = seeker.seek(p);
            const Scene s = LoopView::layout(LayoutInput{trace, m, style, QSizeF(2400, 2400)});
            const QString where = QStringLiteral("at position %1").arg(p);
            QCOMPARE(s.chipsIn(QStringLiteral("running")), ViewText::taskName(trace, m, m.running()));
            QCOMPARE(s.chipsIn(QStringLiteral("ready")), modelReadyNames(trace, m));
            for (const TaskId id : m.taskIds()) {
                const TaskInfo& t = *m.task(id);
                const SceneItem* chip = s.chipOf(id);
                if (t.state == TaskState::Waiting && id != m.running() && t.kind == TaskKind::CoroutineTask) {
                    bool queued = false;
                    for (const ReadyEntry& e : m.readyQueue())
                        queued = queued || e.task == id;
                    if (queued)
                        continue;
                    QVERIFY2(chip, qPrintable(where));
                    QCOMPARE(chip->group, LoopView::waitingGroup(t.waitKind, t.waitTarget));
                }
            }
            // One chip per task: keys are unique.
            QSet<quint64> keys;
            for (const SceneItem& item : s.items) {
                if (item.role == ItemRole::Chip) {
                    QVERIFY2(!keys.contains(item.key), qPrintable(where));
                    keys.insert(item.key);
                }
            }
        }
    }

    void steppingBackRestoresThePreviousSceneExactly()
    {
        Trace trace;
        TraceSynth(trace, {6000, 8, 5}).run();
        Seeker seeker(trace);
        seeker.update();
        LoopView view;
        for (const std::size_t p : {std::size_t(1200), std::size_t(4100), std::size_t(5999)}) {
            const Model here = seeker.seek(p);
            const Model later = seeker.seek(p + 7);
            view.showModel(trace, here);
            const Scene before = view.targetScene(kSize);
            view.showModels(trace, later, here);
            QVERIFY(!(view.targetScene(kSize) == before));
            view.showModels(trace, seeker.seek(p), later);
            QVERIFY2(view.targetScene(kSize) == before, qPrintable(QStringLiteral("position %1").arg(p)));
        }
    }

    void halfwayThroughTheAnimationChipsAreHalfwayBetweenSlots()
    {
        SleepRun run;
        const Model from = Model::fold(run.trace, run.at("main awaits"));
        const Model to = Model::fold(run.trace, run.at("task2 runs"));
        LoopView view;
        view.showModels(run.trace, to, from);
        view.clock()->setProgress(0.5);
        const QRectF a = view.startScene(kSize).chipOf(2)->rect;  // in the ready queue
        const QRectF b = view.targetScene(kSize).chipOf(2)->rect; // in the running slot
        QVERIFY(a.center() != b.center());
        const QRectF mid = view.sceneAt(kSize).chipOf(2)->rect;
        QCOMPARE(mid.center(), (a.center() + b.center()) / 2);
        view.clock()->setProgress(0.0);
        QCOMPARE(view.sceneAt(kSize).chipOf(2)->rect, a);
        view.clock()->setProgress(1.0);
        QCOMPARE(view.sceneAt(kSize).chipOf(2)->rect, b);
        QVERIFY(view.sceneAt(kSize) == view.targetScene(kSize));
    }

    void chipsThatAppearFadeInAndChipsThatLeaveFadeOut()
    {
        SleepRun run;
        const Model from = Model::fold(run.trace, run.at("main runs"));
        const Model to = Model::fold(run.trace, run.at("both queued"));
        const ViewStyle style;
        const Scene a = LoopView::layout(LayoutInput{run.trace, from, style, kSize});
        const Scene b = LoopView::layout(LayoutInput{run.trace, to, style, kSize});
        const Scene mid = SceneTween::blend(a, b, 0.25);
        QCOMPARE(mid.chipOf(2)->opacity, 0.25f);
        const Scene back = SceneTween::blend(b, a, 0.25);
        QCOMPARE(back.chipOf(2)->opacity, 0.75f);
    }

    void theFrameTimerRunsOnlyWhileSomethingMoves()
    {
        AnimationClock clock;
        clock.setDurationMs(60);
        QVERIFY(!clock.isRunning());
        QSignalSpy finished(&clock, &AnimationClock::finished);
        clock.restart();
        QVERIFY(clock.isRunning());
        QCOMPARE(clock.progress(), 0.0);
        QTRY_VERIFY_WITH_TIMEOUT(!clock.isRunning(), 2000);
        QCOMPARE(clock.progress(), 1.0);
        QCOMPARE(finished.count(), 1);
        clock.restart();
        clock.setProgress(0.3);
        QVERIFY(!clock.isRunning());
        QCOMPARE(clock.eased(), SceneTween::ease(0.3));
    }

    void renderingTheSameStateTwiceGivesIdenticalImages()
    {
        SleepRun run;
        const Model from = Model::fold(run.trace, run.at("both queued"));
        const Model to = Model::fold(run.trace, run.at("task2 runs"));
        LoopView a;
        LoopView b;
        for (LoopView* v : {&a, &b}) {
            v->showModels(run.trace, to, from);
            v->clock()->setProgress(0.4);
        }
        const QImage first = a.renderImage(QSize(1600, 900));
        QCOMPARE(first, b.renderImage(QSize(1600, 900)));
        QCOMPARE(first, a.renderImage(QSize(1600, 900)));
        a.clock()->setProgress(1.0);
        QVERIFY(first != a.renderImage(QSize(1600, 900)));
    }

    void aSleepingTaskThatDoesNotNameItsTimerWaitsUnderTheTimerItScheduled()
    {
        // asyncio.sleep awaits a future its timer resolves: the task's wait
        // names no timer (0), and the timer is owned by the task.
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::CoroutineTask, 0, 1, "Task-1").created(2, TaskKind::CoroutineTask, 0, 1, "Task-2");
        b.timer(7, 1, 11, 2 * kS).state(1, TaskState::Waiting, WaitKind::Timer, 0);
        b.timer(9, 2, 12, 3 * kS).state(2, TaskState::Waiting, WaitKind::Timer, 0);
        const Scene s = sceneAt(trace, trace.size());
        QCOMPARE(s.chipsIn(LoopView::waitingGroup(WaitKind::Timer, 7)), QStringLiteral("Task-1"));
        QCOMPARE(s.chipsIn(LoopView::waitingGroup(WaitKind::Timer, 9)), QStringLiteral("Task-2"));
        QCOMPARE(s.chipsIn(LoopView::waitingGroup(WaitKind::Timer, 0)), QString());
    }

    void plainCallbacksInTheQueueAreDrawnWithTheirLabel()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::CoroutineTask, 0, 1, "t").readyPush(7, 0, "print_later").readyPush(8, 1, "Task.__step");
        const Scene s = sceneAt(trace, trace.size());
        QCOMPARE(s.chipsIn(QStringLiteral("ready")), QStringLiteral("print_later t"));
        QVERIFY(s.find(sceneKey(KeyKind::Callback, 7)));
        QVERIFY(!s.find(sceneKey(KeyKind::Callback, 7))->hasTask);
    }

    void executorThreadsAndServersGetLanes()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").created(2, TaskKind::Thread, 1, 5, "worker-0");
        b.created(3, TaskKind::Server, 0, 1, "redis").switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running);
        b.framePush(2, 5, 1, "blocking_io").switchTo(0, 2, SwitchWhy::Switch).clock(3 * kS, ClockWhy::Worker, 2);
        const Scene s = sceneAt(trace, trace.size());
        QCOMPARE(s.chipsIn(QStringLiteral("lane 2")), QStringLiteral("worker-0"));
        QCOMPARE(s.chipsIn(QStringLiteral("lane 3")), QStringLiteral("redis"));
        QVERIFY(s.find(sceneKey(KeyKind::Text, 2, 2))->text.contains(QStringLiteral("blocking_io")));
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 2, 5))->text, QStringLiteral("lane clock 3.000 s"));
    }

    void aRunTooLargeToDrawIsSummarised()
    {
        Trace trace;
        TraceBuilder b(trace);
        for (TaskId id = 1; id <= 10000; ++id) {
            b.created(id, TaskKind::CoroutineTask, 0, 1, std::string("t").append(std::to_string(id)));
            b.timer(id, id, id, Nanos(id) * 1000000).state(id, TaskState::Waiting, WaitKind::Timer, id);
        }
        const Scene s = sceneAt(trace, trace.size(), QSizeF(1920, 1080));
        QVERIFY2(s.items.size() < 1500, qPrintable(QString::number(s.items.size())));
        QCOMPARE(s.chipsIn(LoopView::waitingGroup(WaitKind::Timer, 1)), QStringLiteral("t1"));
        bool summary = false;
        for (const SceneItem& item : s.items)
            summary = summary || (item.role == ItemRole::More && item.text.contains(QStringLiteral("more group")));
        QVERIFY(summary);
        for (const SceneItem& item : s.items)
            QVERIFY2(item.rect.bottom() <= 1080 + 0.5, qPrintable(s.dump()));
    }

    void thePresenterScaleEnlargesThePicture()
    {
        SleepRun run;
        const Model m = Model::fold(run.trace, run.at("both sleep"));
        const Scene normal = LoopView::layout(LayoutInput{run.trace, m, ViewStyle::forTheme(ThemeKind::Light), kSize});
        const Scene big = LoopView::layout(LayoutInput{run.trace, m, ViewStyle::forTheme(ThemeKind::Light, 2.0), kSize});
        const qreal ratio = big.chipOf(2)->rect.height() / normal.chipOf(2)->rect.height();
        QVERIFY2(ratio > 1.7 && ratio < 2.3, qPrintable(QString::number(ratio)));
        QCOMPARE(big.chipsIn(LoopView::waitingGroup(WaitKind::Timer, 1)), QStringLiteral("Task-2"));
    }

    void clickingAChipSelectsItsTask()
    {
        SleepRun run;
        LoopView view;
        view.resize(1200, 800);
        view.showModel(run.trace, Model::fold(run.trace, run.at("both queued")));
        QSignalSpy selected(&view, &LoopView::taskSelected);
        const QPointF c = view.targetScene(QSizeF(view.size())).chipOf(3)->rect.center();
        QTest::mouseClick(&view, Qt::LeftButton, {}, c.toPoint());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<TaskId>(), TaskId(3));
        QCOMPARE(view.targetScene(QSizeF(view.size())).chipOf(3)->stroke, view.viewStyle().theme().highlight);
    }
};

QTEST_MAIN(tst_LoopView)
#include "tst_loopview.moc"
