// The main window's views: the loop, greenlet, generator, inspector and
// timeline views sit in their panes and follow the Player through one
// ViewFeed; the timeline seeks the Player; a task picked in the loop view is
// the one the inspector shows; theme and type scale reach every view.

#include "app/gui/editor/DocumentSession.h"
#include "app/gui/player/Player.h"
#include "app/gui/run/RunController.h"
#include "app/gui/run/RunSession.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/views/GeneratorView.h"
#include "app/gui/views/GreenletView.h"
#include "app/gui/views/InspectorView.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/TimelineView.h"
#include "app/gui/views/ViewFeed.h"
#include "app/gui/window/MainWindow.h"
#include "app/gui/window/PaneSet.h"
#include "core/trace/Seeker.h"

#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope;

namespace {

const QString kGenerators = QStringLiteral("def g():\n    yield 1\n    yield 2\nfor x in g(): print(x)\n");

/// A window with its own settings and data directory.
struct Fixture {
    explicit Fixture(const QTemporaryDir& dir)
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , window(AppEnvironment{&settings, dir.path()})
    {
    }
    bool openAndRun(const QString& code)
    {
        window.document()->openDocument(QStringLiteral("test:1"), QStringLiteral("test.py"), code);
        if (!window.runSession()->controller()->waitForFinished(30000))
            return false;
        return window.runSession()->lastResult().has_value();
    }
    QSettings settings;
    MainWindow window;
};

/// The ids of the tasks of `kind` in `model`, space-separated.
QString tasksOfKind(const Model& model, TaskKind kind)
{
    QStringList out;
    for (TaskId id : model.taskIds()) {
        if (model.task(id)->kind == kind)
            out << QString::number(id);
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_ViewWiring : public QObject {
    Q_OBJECT
private slots:
    void everyViewSitsInItsPane()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        PaneSet* panes = f.window.panes();
        QCOMPARE(panes->widget(PaneId::LoopView), static_cast<QWidget*>(f.window.loopView()));
        QCOMPARE(panes->widget(PaneId::Greenlets), static_cast<QWidget*>(f.window.greenletView()));
        QCOMPARE(panes->widget(PaneId::Generators), static_cast<QWidget*>(f.window.generatorView()));
        QCOMPARE(panes->widget(PaneId::Timeline), static_cast<QWidget*>(f.window.timelineView()));
        // The inspector scrolls when a task has more frames than fit.
        QVERIFY(panes->widget(PaneId::Inspector)->isAncestorOf(f.window.inspectorView()));
    }

    void aViewReplacedWithInstallViewIsForgotten()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        auto* other = new QWidget;
        f.window.installView(PaneId::Greenlets, other);
        QTRY_VERIFY(!f.window.greenletView());
        QCOMPARE(f.window.panes()->widget(PaneId::Greenlets), other);
        QVERIFY(f.openAndRun(kGenerators)); // the feed carries on with the views left
        f.window.player()->stepForward();
        QCOMPARE(f.window.loopView()->model().position(), std::size_t(f.window.player()->position()));
    }

    void greenletsAndGeneratorsAreTabsBehindTheLoopView()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        PaneSet* panes = f.window.panes();
        const QList<QDockWidget*> tabs = f.window.tabifiedDockWidgets(panes->dock(PaneId::LoopView));
        QVERIFY(tabs.contains(panes->dock(PaneId::Greenlets)));
        QVERIFY(tabs.contains(panes->dock(PaneId::Generators)));
        QCOMPARE(f.window.dockWidgetArea(panes->dock(PaneId::Generators)), Qt::RightDockWidgetArea);
        QVERIFY(panes->isShown(PaneId::Greenlets));
        QCOMPARE(PaneSet::objectName(PaneId::Generators), QStringLiteral("generatorsDock"));
    }

    void steppingShowsTheModelAtThePlayheadInTheViews()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(kGenerators));
        Player* player = f.window.player();
        QCOMPARE(f.window.loopView()->model().position(), std::size_t(0));
        // At line stops the generator runs; by events it is also seen frozen.
        // (This file includes both Player.h and Seeker.h: one Granularity.)
        player->setGranularity(Granularity::Event);
        // Step until the generator exists and is frozen at a yield.
        for (int i = 0; i < 200 && !player->atEnd(); ++i) {
            player->stepForward();
            const Model& now = f.window.generatorView()->model();
            const QString generators = tasksOfKind(now, TaskKind::Generator);
            if (!generators.isEmpty()
                && now.task(TaskId(generators.split(QLatin1Char(' ')).first().toUInt()))->state
                       == TaskState::Suspended)
                break;
        }
        QVERIFY(!player->atEnd());
        const std::size_t position = std::size_t(player->position());
        QVERIFY(position > 0);
        for (VisualView* view : std::initializer_list<VisualView*>{
                 f.window.loopView(), f.window.greenletView(), f.window.generatorView(), f.window.inspectorView()})
            QCOMPARE(view->model().position(), position);
        QCOMPARE(f.window.timelineView()->playheadPosition(), position);

        // The generator view draws the generator frozen at its yield.
        const Model& now = f.window.generatorView()->model();
        const QString generators = tasksOfKind(now, TaskKind::Generator);
        QVERIFY(!generators.isEmpty());
        const Scene scene = f.window.generatorView()->targetScene(QSizeF(800, 600));
        QVERIFY(scene.find(GeneratorView::cardKey(TaskId(generators.split(QLatin1Char(' ')).first().toUInt()))));

        // Back again: the views follow backwards too.
        player->stepBack();
        QVERIFY(std::size_t(player->position()) < position);
        QCOMPARE(f.window.loopView()->model().position(), std::size_t(player->position()));
        QCOMPARE(f.window.generatorView()->model().position(), std::size_t(player->position()));
    }

    void aTimelineSeekMovesThePlayer()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(kGenerators));
        Player* player = f.window.player();
        QVERIFY(player->length() > 6);
        emit f.window.timelineView()->seekRequested(5);
        QCOMPARE(player->position(), qint64(5));
        QCOMPARE(f.window.loopView()->model().position(), std::size_t(5));
        QCOMPARE(f.window.timelineView()->playheadPosition(), std::size_t(5));
    }

    void theInspectorShowsTheTaskSelectedInTheLoopView()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(kGenerators));
        f.window.player()->runToEnd();
        const Model& model = f.window.loopView()->model();
        const QString generators = tasksOfKind(model, TaskKind::Generator);
        QVERIFY(!generators.isEmpty());
        const TaskId task = TaskId(generators.split(QLatin1Char(' ')).first().toUInt());
        emit f.window.loopView()->taskSelected(task);
        QCOMPARE(f.window.inspectorView()->selectedTask(), task);
        QCOMPARE(f.window.generatorView()->selectedTask(), task);
        QVERIFY(f.window.inspectorView()->hasSelection());
    }

    void themeAndTypeScaleReachTheViews()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.window.themeManager()->setTheme(ThemeKind::Dark);
        QCOMPARE(int(f.window.loopView()->viewStyle().theme().kind), int(ThemeKind::Dark));
        QCOMPARE(int(f.window.timelineView()->viewStyle().theme().kind), int(ThemeKind::Dark));
        QCOMPARE(int(f.window.inspectorView()->viewStyle().theme().kind), int(ThemeKind::Dark));
        f.window.themeManager()->setFontScale(2.0);
        QCOMPARE(f.window.generatorView()->viewStyle().scale(), 2.0);
        QCOMPARE(f.window.timelineView()->viewStyle().scale(), 2.0);
        QCOMPARE(int(f.window.greenletView()->viewStyle().theme().kind), int(ThemeKind::Dark));
        f.window.themeManager()->setFontScale(1.0);
        f.window.themeManager()->setTheme(ThemeKind::Light);
        QCOMPARE(f.window.loopView()->viewStyle().scale(), 1.0);
    }

    void ctrlPlusZoomsTheTimelineAndPlainPlusStaysTheSpeedKey()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(kGenerators));
        f.window.show();
        f.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        TimelineView* timeline = f.window.timelineView();
        timeline->setFocus();
        const std::int64_t span = timeline->rangeTo() - timeline->rangeFrom();
        const double speed = f.window.player()->speed();
        QTest::keyClick(timeline, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(timeline->rangeTo() - timeline->rangeFrom() < span);
        QCOMPARE(f.window.player()->speed(), speed);
        QTest::keyClick(timeline, Qt::Key_Plus);
        QVERIFY(f.window.player()->speed() > speed);
    }
};

QTEST_MAIN(tst_ViewWiring)
#include "tst_viewwiring.moc"
