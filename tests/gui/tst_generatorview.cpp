// GeneratorView: suspended generators and coroutines drawn frozen at their
// yield / await with their locals, each linked to whoever resumes it — the
// tutorial's `yield from` example (1.2) and an asyncio task.

#include "app/gui/views/GeneratorView.h"
#include "trace/TraceBuilder.h"

#include <QTest>

#include <map>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

const QSizeF kSize(1600, 900);

/// yield from 1.2: main iterates func1(); func1 yields 1, then delegates to
/// func2() with `yield from`, which yields 3 with a=3 in its frame.
struct YieldFromRun {
    Trace trace;
    std::map<std::string, std::size_t> marks;
    ViewStyle style;

    YieldFromRun()
    {
        TraceBuilder b(trace);
        auto mark = [&](const char* name) { marks[name] = b.size(); };
        b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
        b.framePush(1, 10, 1, "<module>").created(2, TaskKind::Generator, 1, 10, "func1");
        mark("created");
        b.state(1, TaskState::Suspended).switchTo(2, 1, SwitchWhy::Resume).state(2, TaskState::Running);
        b.framePush(2, 1, 1, "func1").line(2, 2).locals(2, 1, "item=None");
        mark("func1 runs");
        b.state(2, TaskState::Suspended).switchTo(1, 2, SwitchWhy::Yield).state(1, TaskState::Running).line(1, 12);
        mark("func1 yielded");
        b.state(1, TaskState::Suspended).switchTo(2, 1, SwitchWhy::Resume).state(2, TaskState::Running).line(2, 3);
        b.created(3, TaskKind::Generator, 2, 3, "func2").state(2, TaskState::Suspended).switchTo(3, 2, SwitchWhy::Resume);
        b.state(3, TaskState::Running).framePush(3, 6, 1, "func2").line(3, 7).locals(3, 1, "a=3, b=[1, 2]");
        b.state(3, TaskState::Suspended).switchTo(1, 3, SwitchWhy::Yield).state(1, TaskState::Running).line(1, 12);
        mark("func2 yielded");
        b.state(1, TaskState::Suspended).switchTo(3, 1, SwitchWhy::Resume).state(3, TaskState::Running);
        b.framePop(3, 0).state(3, TaskState::Done).switchTo(2, 3, SwitchWhy::Return).state(2, TaskState::Running);
        mark("func2 finished");
        b.end(RunStatus::Ok);
    }

    Scene scene(const char* mark) const
    {
        const Model m = Model::fold(trace, marks.at(mark));
        return GeneratorView::layout(LayoutInput{trace, m, style, kSize});
    }
};

const SceneArrow* arrowWithKey(const Scene& s, quint64 key)
{
    for (const SceneArrow& a : s.arrows) {
        if (a.key == key)
            return &a;
    }
    return nullptr;
}

} // namespace

class tst_GeneratorView : public QObject {
    Q_OBJECT
private slots:
    void suspendedGeneratorsAreDrawnFrozenAtTheirYieldWithTheirLocals()
    {
        YieldFromRun run;
        const Scene s = run.scene("func2 yielded");
        QCOMPARE(s.chipsIn(QStringLiteral("frozen")), QStringLiteral("func1 func2"));
        const auto frames = s.inGroup(QStringLiteral("frames 3"), ItemRole::Frame);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0]->text, QStringLiteral("func2()  line 7"));
        QCOMPARE(s.inGroup(QStringLiteral("locals 3"), ItemRole::Text).front()->text, QStringLiteral("a=3, b=[1, 2]"));
        QCOMPARE(s.inGroup(QStringLiteral("locals 2"), ItemRole::Text).front()->text, QStringLiteral("item=None"));
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 3, 4))->text, QStringLiteral("frozen at yield \u00b7 line 7"));
    }

    void frozenCardsAreGreyedAndLiveOnesAreNot()
    {
        YieldFromRun run;
        const Scene s = run.scene("func2 yielded");
        const SceneItem* frozen = s.find(GeneratorView::cardKey(3));
        const SceneItem* live = s.find(GeneratorView::cardKey(1));
        QVERIFY(frozen && live);
        QVERIFY(frozen->fill != run.style.theme().base);
        QVERIFY(frozen->stroke != run.style.taskFill(3));
        QCOMPARE(s.chipOf(3)->ink, run.style.theme().text);
        QCOMPARE(live->stroke, run.style.taskFill(1));
        QCOMPARE(live->fill, run.style.theme().base);
        QCOMPARE(s.chipOf(1)->fill, run.style.taskFill(1));
        QCOMPARE(s.chipsIn(QStringLiteral("resumers")), QStringLiteral("main"));
    }

    void eachFrozenFrameIsLinkedToWhoeverResumesIt()
    {
        YieldFromRun run;
        const Scene s = run.scene("func2 yielded");
        const SceneArrow* outer = arrowWithKey(s, GeneratorView::resumeArrow(2));
        const SceneArrow* inner = arrowWithKey(s, GeneratorView::resumeArrow(3));
        QVERIFY(outer && inner);
        QCOMPARE(outer->from, GeneratorView::cardKey(1));
        QCOMPARE(outer->label, QStringLiteral("next() / send()"));
        QCOMPARE(inner->from, GeneratorView::cardKey(2));
        QCOMPARE(inner->label, QStringLiteral("yield from"));
    }

    void aRunningGeneratorIsLiveAndAFinishedOneLeaves()
    {
        YieldFromRun run;
        const Scene running = run.scene("func1 runs");
        QCOMPARE(running.chipsIn(QStringLiteral("live")), QStringLiteral("func1"));
        QCOMPARE(running.chipsIn(QStringLiteral("frozen")), QString());
        const Scene after = run.scene("func2 finished");
        QVERIFY(!after.chipOf(3));
        QCOMPARE(after.chipsIn(QStringLiteral("live")), QStringLiteral("func1"));
    }

    void asyncioTasksAreResumedByTheEventLoop()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::CoroutineTask, 0, 3, "Task-1").switchTo(1, 0, SwitchWhy::Start);
        b.state(1, TaskState::Running).framePush(1, 3, 1, "fetch").locals(1, 1, "url='http://a/'");
        b.framePush(1, 8, 2, "read").timer(1, 1, 1, 1000000).state(1, TaskState::Waiting, WaitKind::Timer, 1, 9);
        b.switchTo(0, 1, SwitchWhy::Await);
        const Model m = Model::fold(trace, trace.size());
        const Scene s = GeneratorView::layout(LayoutInput{trace, m, ViewStyle(), kSize});
        QCOMPARE(s.chipsIn(QStringLiteral("frozen")), QStringLiteral("Task-1"));
        QCOMPARE(s.chipsIn(QStringLiteral("resumers")), QStringLiteral("event loop"));
        const SceneArrow* a = arrowWithKey(s, GeneratorView::resumeArrow(1));
        QVERIFY(a);
        QCOMPARE(a->from, GeneratorView::cardKey(0));
        QCOMPARE(a->label, QStringLiteral("loop resumes"));
        // Frames top first: the await is in read(), called by fetch().
        const auto frames = s.inGroup(QStringLiteral("frames 1"), ItemRole::Frame);
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames[0]->text, QStringLiteral("read()  line 9"));
        QCOMPARE(frames[1]->text, QStringLiteral("fetch()  line 3"));
        QVERIFY(s.find(sceneKey(KeyKind::Text, 1, 4))->text.contains(QStringLiteral("await")));
    }

    void manyTasksResumedByTheLoopShareOneSentenceInsteadOfArrows()
    {
        Trace trace;
        TraceBuilder b(trace);
        for (TaskId id = 1; id <= 12; ++id) {
            b.created(id, TaskKind::CoroutineTask, 0, 3, std::string("t").append(std::to_string(id))).switchTo(id, 0, SwitchWhy::Start);
            b.state(id, TaskState::Running).framePush(id, 3, 1, "work").state(id, TaskState::Waiting, WaitKind::Future, id);
            b.switchTo(0, id, SwitchWhy::Await);
        }
        const Model m = Model::fold(trace, trace.size());
        const Scene s = GeneratorView::layout(LayoutInput{trace, m, ViewStyle(), kSize});
        QVERIFY(s.inGroup(QStringLiteral("frozen")).size() > 4);
        QVERIFY(s.arrows.isEmpty());
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 0, 4))->text,
                 QStringLiteral("resumes each frozen task when what it awaits is done"));
    }

    void nothingAliveSaysSo()
    {
        YieldFromRun run;
        const Scene s = run.scene("created");
        bool said = false;
        for (const SceneItem& item : s.items)
            said = said || item.text.contains(QStringLiteral("No generator or coroutine is alive"));
        QVERIFY(!said); // func1 exists, not started: it is frozen before its first line
        QCOMPARE(s.chipsIn(QStringLiteral("frozen")), QStringLiteral("func1"));
        Trace empty;
        const Model m;
        const Scene none = GeneratorView::layout(LayoutInput{empty, m, ViewStyle(), kSize});
        for (const SceneItem& item : none.items)
            said = said || item.text.contains(QStringLiteral("No generator or coroutine is alive"));
        QVERIFY(said);
    }

    void renderingIsDeterministic()
    {
        YieldFromRun run;
        const Model now = Model::fold(run.trace, run.marks.at("func2 yielded"));
        const Model before = Model::fold(run.trace, run.marks.at("func1 yielded"));
        GeneratorView a;
        GeneratorView b;
        for (GeneratorView* v : {&a, &b}) {
            v->showModels(run.trace, now, before);
            v->clock()->setProgress(0.5);
        }
        QCOMPARE(a.renderImage(QSize(1200, 700)), b.renderImage(QSize(1200, 700)));
    }
};

QTEST_MAIN(tst_GeneratorView)
#include "tst_generatorview.moc"
