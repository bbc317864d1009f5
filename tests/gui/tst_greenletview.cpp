// GreenletView: one column per greenlet with its own stack, the last switch
// as an arrow between stacks, parent links, dead greenlets greyed — the
// tutorial's greenlet example (1.1) step by step.

#include "app/gui/views/GreenletView.h"
#include "core/trace/Seeker.h"
#include "trace/TraceBuilder.h"

#include <QTest>

#include <map>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

const QSizeF kSize(1600, 900);

/// greenlet 1.1: gr1 prints 1, switches to gr2 which prints 3 and switches
/// back; gr1 prints 2 and switches to gr2; gr2 prints 4 and dies, so control
/// returns to its parent, main.
struct GreenletRun {
    Trace trace;
    std::map<std::string, std::size_t> marks;

    GreenletRun()
    {
        TraceBuilder b(trace);
        auto mark = [&](const char* name) { marks[name] = b.size(); };
        b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
        b.framePush(1, 14, 1, "<module>").created(2, TaskKind::Greenlet, 1, 14, "gr1");
        b.created(3, TaskKind::Greenlet, 1, 15, "gr2").line(1, 16);
        mark("created");
        b.state(1, TaskState::Suspended).switchTo(2, 1, SwitchWhy::Switch).state(2, TaskState::Running);
        b.framePush(2, 3, 1, "func1").line(2, 4).output(2, "1\n").framePush(2, 5, 2, "helper");
        b.locals(2, 2, "x=1, label='first'");
        mark("gr1 in helper");
        b.state(2, TaskState::Suspended).switchTo(3, 2, SwitchWhy::Switch).state(3, TaskState::Running);
        b.framePush(3, 9, 1, "func2").line(3, 10).locals(3, 1, "y=3").output(3, "3\n").line(3, 11);
        mark("gr2 runs");
        b.state(3, TaskState::Suspended).switchTo(2, 3, SwitchWhy::Switch).state(2, TaskState::Running);
        b.framePop(2, 1).line(2, 6).output(2, "2\n").line(2, 7);
        mark("back in gr1");
        b.state(2, TaskState::Suspended).switchTo(3, 2, SwitchWhy::Switch).state(3, TaskState::Running);
        b.line(3, 12).output(3, "4\n").framePop(3, 0).state(3, TaskState::Done).switchTo(1, 3, SwitchWhy::Return);
        b.state(1, TaskState::Running);
        mark("gr2 died");
        b.end(RunStatus::Ok);
    }

    Scene scene(const char* mark, QSizeF size = kSize) const
    {
        const Model m = Model::fold(trace, marks.at(mark));
        return GreenletView::layout(LayoutInput{trace, m, style, size});
    }

    ViewStyle style;
};

QString frameTexts(const Scene& s, TaskId id)
{
    QStringList out;
    for (const SceneItem* f : s.inGroup(QStringLiteral("stack %1").arg(id), ItemRole::Frame))
        out << f->text;
    return out.join(QStringLiteral(" | "));
}

} // namespace

class tst_GreenletView : public QObject {
    Q_OBJECT
private slots:
    void threeGreenletsFitSideBySideInHalfAProjectorScreenAtPresenterScale()
    {
        // Presenter mode: type at 200 %, the view in half of a 1600-pixel-wide screen.
        GreenletRun run;
        run.style = ViewStyle::forTheme(ThemeKind::HighContrast, 2.0);
        const Scene s = run.scene("back in gr1", QSizeF(780, 700));
        QCOMPARE(s.chipsIn(QStringLiteral("greenlets")), QStringLiteral("main gr1 gr2"));
        for (const SceneItem& item : s.items)
            QVERIFY2(!item.text.startsWith(QLatin1Char('+')), qPrintable(item.text));
    }

    void eachGreenletGetsAColumnInIdOrder()
    {
        GreenletRun run;
        const Scene s = run.scene("created");
        QCOMPARE(s.chipsIn(QStringLiteral("greenlets")), QStringLiteral("main gr1 gr2"));
        QVERIFY(s.chipOf(1)->rect.left() < s.chipOf(2)->rect.left());
        QVERIFY(s.chipOf(2)->rect.left() < s.chipOf(3)->rect.left());
        QVERIFY(s.find(sceneKey(KeyKind::Text, 2, 3))->text.contains(QStringLiteral("not started")));
    }

    void tasksThatAreNotGreenletsGetNoColumn()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").created(2, TaskKind::CoroutineTask, 1, 2, "Task-2");
        b.created(3, TaskKind::Generator, 1, 3, "gen");
        const Model m = Model::fold(trace, trace.size());
        const Scene s = GreenletView::layout(LayoutInput{trace, m, ViewStyle(), kSize});
        QCOMPARE(s.chipsIn(QStringLiteral("greenlets")), QStringLiteral("main"));
    }

    void framesAreStackedWithTheTopFrameAboveTheOthers()
    {
        GreenletRun run;
        const Scene s = run.scene("gr1 in helper");
        QCOMPARE(frameTexts(s, 2), QStringLiteral("\u25b6 helper()  line 5 | func1()  line 4"));
        const auto frames = s.inGroup(QStringLiteral("stack 2"), ItemRole::Frame);
        QVERIFY(frames[0]->rect.bottom() < frames[1]->rect.top());
        // The bottom frame sits at the bottom of the column.
        const SceneItem* column = s.find(sceneKey(KeyKind::Column, 2));
        QVERIFY(column->rect.bottom() - frames[1]->rect.bottom() < run.style.unit());
        const auto locals = s.inGroup(QStringLiteral("locals 2"), ItemRole::Text);
        QCOMPARE(locals.front()->text, QStringLiteral("x=1, label='first'"));
    }

    void theLastSwitchIsAnArrowFromTheSwitchingFrameToTheResumedOne_data()
    {
        QTest::addColumn<QString>("mark");
        QTest::addColumn<quint64>("from");
        QTest::addColumn<quint64>("to");
        QTest::addColumn<QString>("label");
        QTest::newRow("main to gr1") << "gr1 in helper" << sceneKey(KeyKind::Frame, 1, 1) << sceneKey(KeyKind::Frame, 2, 2)
                                     << "switch()";
        QTest::newRow("gr1 to gr2") << "gr2 runs" << sceneKey(KeyKind::Frame, 2, 2) << sceneKey(KeyKind::Frame, 3, 1)
                                    << "switch()";
        QTest::newRow("gr2 back to gr1") << "back in gr1" << sceneKey(KeyKind::Frame, 3, 1) << sceneKey(KeyKind::Frame, 2, 1)
                                         << "switch()";
        QTest::newRow("dead gr2 returns to its parent") << "gr2 died" << sceneKey(KeyKind::Chip, 3)
                                                        << sceneKey(KeyKind::Frame, 1, 1) << "returned to parent";
    }
    void theLastSwitchIsAnArrowFromTheSwitchingFrameToTheResumedOne()
    {
        QFETCH(QString, mark);
        QFETCH(quint64, from);
        QFETCH(quint64, to);
        QFETCH(QString, label);
        GreenletRun run;
        const Scene s = run.scene(mark.toStdString().c_str());
        const SceneItem* a = s.find(from);
        QVERIFY(a);
        const SceneArrow* arrow = nullptr;
        for (const SceneArrow& x : s.arrows) {
            if (x.key == GreenletView::kSwitchArrow)
                arrow = &x;
        }
        QVERIFY(arrow);
        QCOMPARE(arrow->from, from);
        QCOMPARE(arrow->to, to);
        QCOMPARE(arrow->label, label);
    }

    void parentLinksPointFromEachGreenletToItsParent()
    {
        GreenletRun run;
        const Scene s = run.scene("gr2 runs");
        for (const TaskId child : {TaskId(2), TaskId(3)}) {
            const SceneArrow* link = s.arrowBetween(sceneKey(KeyKind::Chip, child), sceneKey(KeyKind::Chip, 1));
            QVERIFY(link);
            QCOMPARE(link->key, GreenletView::parentArrow(child));
            QVERIFY(link->dashed);
        }
        QVERIFY(!s.arrowBetween(sceneKey(KeyKind::Chip, 1), sceneKey(KeyKind::Chip, 0)));
    }

    void deadGreenletsAreGreyedAndTheirStackIsGone()
    {
        GreenletRun run;
        const Scene alive = run.scene("gr2 runs");
        const Scene dead = run.scene("gr2 died");
        QCOMPARE(alive.chipOf(3)->fill, run.style.taskFill(3));
        QVERIFY(dead.chipOf(3)->fill != run.style.taskFill(3));
        QCOMPARE(dead.chipOf(3)->ink, run.style.theme().mutedText);
        QVERIFY(dead.find(sceneKey(KeyKind::Text, 3, 3))->text.startsWith(QStringLiteral("dead")));
        QCOMPARE(frameTexts(dead, 3), QString());
        QVERIFY(dead.find(sceneKey(KeyKind::Column, 3))->dashed);
    }

    void theRunningGreenletsColumnIsOutlinedInItsColour()
    {
        GreenletRun run;
        const Scene s = run.scene("gr2 runs");
        QCOMPARE(s.find(sceneKey(KeyKind::Column, 3))->stroke, run.style.taskFill(3));
        QVERIFY(s.find(sceneKey(KeyKind::Column, 2))->stroke != run.style.taskFill(2));
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 3, 3))->text, QStringLiteral("running"));
        QCOMPARE(s.find(sceneKey(KeyKind::Text, 2, 3))->text, QStringLiteral("suspended at line 5"));
    }

    void manyGreenletsKeepTheRunningOneAndTheSwitchInView()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main");
        for (TaskId id = 2; id <= 200; ++id)
            b.created(id, TaskKind::Greenlet, 1, 2, std::string("g").append(std::to_string(id)));
        b.switchTo(150, 0, SwitchWhy::Start).state(150, TaskState::Running).switchTo(190, 150, SwitchWhy::Switch);
        b.state(190, TaskState::Running).state(150, TaskState::Suspended);
        const Model m = Model::fold(trace, trace.size());
        const Scene s = GreenletView::layout(LayoutInput{trace, m, ViewStyle(), QSizeF(1366, 768)});
        QVERIFY(s.chipOf(190));
        QVERIFY(s.chipOf(150));
        QVERIFY(s.inGroup(QStringLiteral("greenlets")).size() < 20);
        for (const SceneItem& item : s.items)
            QVERIFY2(item.rect.right() <= 1366 + 0.5, qPrintable(item.text));
        bool more = false;
        for (const SceneItem& item : s.items)
            more = more || item.role == ItemRole::More;
        QVERIFY(more);
    }

    void renderingIsDeterministic()
    {
        GreenletRun run;
        const Model m = Model::fold(run.trace, run.marks.at("back in gr1"));
        GreenletView a;
        GreenletView b;
        a.showModel(run.trace, m);
        b.showModel(run.trace, m);
        const QImage img = a.renderImage(QSize(1200, 700));
        QCOMPARE(img, b.renderImage(QSize(1200, 700)));
        QCOMPARE(img, a.renderImage(QSize(1200, 700)));
    }
};

QTEST_MAIN(tst_GreenletView)
#include "tst_greenletview.moc"
