// InspectorView: one task in full — state and what it waits on, frames with
// locals, switch count, time per activity, who awaits it, how it ended.

#include "app/gui/views/InspectorView.h"
#include "trace/TraceBuilder.h"

#include <QTest>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

constexpr Nanos kMs = 1000000;
const QSizeF kSize(420, 700);

/// main awaits worker; worker runs twice (two switches), sleeps on a timer
/// for 250 ms inside fetch(), then fails.
struct WorkerRun {
    Trace trace;
    std::size_t sleeping = 0;
    std::size_t failed = 0;

    WorkerRun()
    {
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
        b.created(2, TaskKind::CoroutineTask, 1, 5, "worker").future(7, FutureKind::Task, 2);
        b.readyPush(1, 2, "Task.__step").state(2, TaskState::Ready);
        b.waiter(7, 1).state(1, TaskState::Waiting, WaitKind::Task, 2, 3).switchTo(0, 1, SwitchWhy::Await);
        b.readyPop(1, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running).framePush(2, 5, 1, "worker");
        b.locals(2, 1, "n=3").framePush(2, 9, 2, "fetch").locals(2, 2, "url='http://example.com/', tries=1");
        b.timer(1, 2, 2, 250 * kMs).state(2, TaskState::Waiting, WaitKind::Timer, 1, 10).switchTo(0, 2, SwitchWhy::Await);
        b.clock(100 * kMs);
        sleeping = b.size();
        b.clock(250 * kMs).timerFired(1, 2).readyPush(2, 2, "Task.__step").state(2, TaskState::Ready);
        b.readyPop(2, 2).switchTo(2, 0, SwitchWhy::Resume).state(2, TaskState::Running).line(2, 11);
        b.exception(2, "Traceback (most recent call last):\n  File \"x.py\", line 11, in fetch\nKeyError: 'k'");
        b.framePop(2, 0).resolved(7, FutureOutcome::Exception, "KeyError('k')").state(2, TaskState::Failed);
        b.switchTo(0, 2, SwitchWhy::Return);
        failed = b.size();
    }

    Scene scene(std::size_t position, TaskId selected, bool hasSelection = true) const
    {
        const Model m = Model::fold(trace, position);
        return InspectorView::layout(LayoutInput{trace, m, style, kSize, selected, hasSelection});
    }

    ViewStyle style;
};

QString frames(const Scene& s)
{
    QStringList out;
    for (const SceneItem* f : s.inGroup(QStringLiteral("frames"), ItemRole::Frame))
        out << f->text;
    return out.join(QStringLiteral(" | "));
}

} // namespace

class tst_InspectorView : public QObject {
    Q_OBJECT
private slots:
    void aWaitingTaskShowsWhatItWaitsOnAndItsFramesTopFirst()
    {
        WorkerRun run;
        const Scene s = run.scene(run.sleeping, 2);
        QCOMPARE(s.chipsIn(QStringLiteral("subject")), QStringLiteral("worker"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("State")), QStringLiteral("waiting since 0 s (event 18)"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Waits on")),
                 QStringLiteral("timer #1, fires at 0.250 s (in 0.150 s)"));
        QCOMPARE(frames(s), QStringLiteral("fetch()  line 10 | worker()  line 5"));
        QCOMPARE(s.inGroup(QStringLiteral("locals"), ItemRole::Text).front()->text,
                 QStringLiteral("url='http://example.com/', tries=1"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Awaited by")), QStringLiteral("main"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Parent")), QStringLiteral("main"));
    }

    void timingsAndSwitchCountComeFromTheModel()
    {
        WorkerRun run;
        const Scene s = run.scene(run.failed, 2);
        QCOMPARE(InspectorView::value(s, QStringLiteral("Switches")), QStringLiteral("2 time(s) given the thread"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Waiting")), QStringLiteral("0.250 s"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Running")), QStringLiteral("0 s"));
    }

    void aGreenletShowsTheStackItKeptAndAGeneratorItsSuspendedFrame()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
        b.created(2, TaskKind::Greenlet, 1, 4, "producer").created(3, TaskKind::Generator, 1, 9, "consumer");
        const std::size_t before = b.size();
        b.memory(2, MemoryKind::Stack, 9216, 420).memory(3, MemoryKind::Frames, 200, 112);
        b.memory(1, MemoryKind::Stack, 700, 0);
        const ViewStyle style;
        auto sceneAt = [&](std::size_t position, TaskId selected) {
            const Model m = Model::fold(trace, position);
            return InspectorView::layout(LayoutInput{trace, m, style, kSize, selected, true});
        };
        QCOMPARE(InspectorView::value(sceneAt(before, 2), QStringLiteral("Memory")), QString());
        QCOMPARE(InspectorView::value(sceneAt(trace.size(), 2), QStringLiteral("Memory")),
                 QStringLiteral("machine stack in use: 9.0 KB, plus 420 B of interpreter frames"));
        QCOMPARE(InspectorView::value(sceneAt(trace.size(), 3), QStringLiteral("Memory")),
                 QStringLiteral("suspended frame: 312 B"));
        QCOMPARE(InspectorView::value(sceneAt(trace.size(), 1), QStringLiteral("Memory")),
                 QStringLiteral("machine stack in use: 700 B"));
    }

    void aFailedTaskShowsItsExceptionInTheErrorColour()
    {
        WorkerRun run;
        const Scene s = run.scene(run.failed, 2);
        QCOMPARE(InspectorView::value(s, QStringLiteral("Exception")), QStringLiteral("raised KeyError('k')"));
        QVERIFY(InspectorView::value(s, QStringLiteral("Traceback")).endsWith(QStringLiteral("KeyError: 'k'")));
        for (const SceneItem& item : s.items) {
            if (item.group == QStringLiteral("value Exception"))
                QCOMPARE(item.ink, run.style.theme().error);
        }
        QCOMPARE(InspectorView::value(s, QStringLiteral("Result")), QString());
        QCOMPARE(frames(s), QString());
    }

    void withoutASelectionItShowsTheRunningTask()
    {
        WorkerRun run;
        const Model m = Model::fold(run.trace, 12);
        QCOMPARE(m.running(), TaskId(2));
        const LayoutInput in{run.trace, m, run.style, kSize};
        QCOMPARE(InspectorView::subject(in), TaskId(2));
        const Scene s = InspectorView::layout(in);
        QCOMPARE(s.chipsIn(QStringLiteral("subject")), QStringLiteral("worker"));
        bool hint = false;
        for (const SceneItem& item : s.items)
            hint = hint || item.text.contains(QStringLiteral("click a task"));
        QVERIFY(hint);
    }

    void theEventLoopItselfCanBeInspected()
    {
        WorkerRun run;
        const Scene s = run.scene(run.sleeping, 0);
        QCOMPARE(s.chipsIn(QStringLiteral("subject")), QStringLiteral("event loop"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Clock")), QStringLiteral("0.100 s"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Timers")), QStringLiteral("1 pending, next at 0.250 s"));
        QCOMPARE(InspectorView::value(s, QStringLiteral("Idle")), QStringLiteral("0.100 s"));
    }

    void longTextsWrapAndTheHeightFollowsTheContent()
    {
        WorkerRun run;
        InspectorView view;
        view.showModel(run.trace, Model::fold(run.trace, run.failed));
        view.setSelectedTask(2);
        const int narrow = view.heightForWidth(220);
        const int wide = view.heightForWidth(900);
        QVERIFY2(narrow > wide, qPrintable(QStringLiteral("%1 <= %2").arg(narrow).arg(wide)));
        const Scene s = view.targetScene(QSizeF(220, 100));
        for (const SceneItem& item : s.items)
            QVERIFY(item.rect.right() <= 220 + 0.5);
        QVERIFY(s.size.height() > 100);
    }

    void renderingIsDeterministic()
    {
        WorkerRun run;
        InspectorView a;
        InspectorView b;
        for (InspectorView* v : {&a, &b}) {
            v->showModel(run.trace, Model::fold(run.trace, run.sleeping));
            v->setSelectedTask(2);
        }
        QCOMPARE(a.renderImage(QSize(400, 600)), b.renderImage(QSize(400, 600)));
    }
};

QTEST_MAIN(tst_InspectorView)
#include "tst_inspectorview.moc"
