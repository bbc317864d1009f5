// MainWindow: every control is an action with a shortcut, a tooltip and an
// icon; keys drive the Player; the layout and the theme survive a restart.
// The code in the editor is what plays: opening and editing run it, the
// panes follow the playhead, a hostile program leaves the window responsive.

#include "app/gui/editor/CodeEditor.h"
#include "app/gui/editor/DocumentSession.h"
#include "app/gui/lessons/LessonsPane.h"
#include "app/gui/narration/NarrationPane.h"
#include "app/gui/panes/ClockDisplay.h"
#include "app/gui/panes/ConsolePane.h"
#include "app/gui/panes/WarningsBanner.h"
#include "app/gui/player/Player.h"
#include "app/gui/run/RunController.h"
#include "app/gui/run/RunSession.h"
#include "lessons/loader/LessonLibrary.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/window/LanguageSwitcher.h"
#include "app/gui/window/MainWindow.h"
#include "app/gui/window/PaneSet.h"
#include "app/gui/window/PlaybackActions.h"
#include "trace/TraceBuilder.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

/// A window with its own settings and data directory, shown and active.
struct Fixture {
    explicit Fixture(const QTemporaryDir& dir)
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , window(AppEnvironment{&settings, dir.path()})
    {
    }
    bool showActive()
    {
        window.show();
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }
    /// Keyboard focus away from the editor, as after clicking a pane.
    void focusOffEditor() { window.setFocus(); }
    /// Shows `code` as a new document and waits for its run to end.
    bool openAndRun(const QString& code)
    {
        window.document()->openDocument(QStringLiteral("test:") + QString::number(++documents),
                                        QStringLiteral("test.py"), code);
        return waitForRun();
    }
    bool waitForRun(int timeoutMs = 30000)
    {
        if (!window.runSession()->controller()->waitForFinished(timeoutMs))
            return false;
        return window.runSession()->lastResult().has_value();
    }
    /// Types over the whole text as the user would, then lets the debounce fire.
    bool edit(const QString& code)
    {
        QTextCursor cursor(window.editor()->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(code);
        window.editor()->flushPendingEdit();
        return waitForRun();
    }
    QSettings settings;
    MainWindow window;
    int documents = 0;
};

/// To the end of the run, past every checkpoint on the way (each stops Run to end once).
void playToEnd(Player* player)
{
    for (int i = 0; i < 100 && !player->atEnd(); ++i)
        player->runToEnd();
}

/// Steps by line until `line` is the executing line; false if never.
bool stepToLine(Player* player, CodeEditor* editor, int line)
{
    while (!player->atEnd()) {
        player->stepForward();
        if (editor->executingLine().line == line)
            return true;
    }
    return false;
}

constexpr Nanos kS = 1'000'000'000;

/// 12 Line events of task 1, then the end.
std::shared_ptr<Trace> twelveLines()
{
    TraceBuilder b;
    for (int i = 1; i <= 12; ++i)
        b.line(1, i).clock(i * kS / 4);
    b.end();
    return b.trace();
}

} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("CoroscopeTests"));
    }

    void everyControlHasAShortcutATooltipAndAnIcon_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QKeySequence>("key");
        QTest::newRow("reset") << QStringLiteral("actionReset") << QKeySequence(Qt::Key_Home);
        QTest::newRow("step back") << QStringLiteral("actionStepBack") << QKeySequence(Qt::Key_Left);
        QTest::newRow("play/pause") << QStringLiteral("actionPlayPause") << QKeySequence(Qt::Key_Space);
        QTest::newRow("step") << QStringLiteral("actionStep") << QKeySequence(Qt::Key_Right);
        QTest::newRow("run to end") << QStringLiteral("actionRunToEnd") << QKeySequence(Qt::Key_End);
        QTest::newRow("faster") << QStringLiteral("actionFaster") << QKeySequence(Qt::Key_Plus);
        QTest::newRow("slower") << QStringLiteral("actionSlower") << QKeySequence(Qt::Key_Minus);
        QTest::newRow("presenter") << QStringLiteral("actionPresenterMode") << QKeySequence(Qt::Key_F5);
        QTest::newRow("open") << QStringLiteral("actionOpen") << QKeySequence(QKeySequence::Open);
        QTest::newRow("open lesson") << QStringLiteral("actionOpenLesson") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    }

    void everyControlHasAShortcutATooltipAndAnIcon()
    {
        QFETCH(QString, name);
        QFETCH(QKeySequence, key);
        QTemporaryDir dir;
        Fixture f(dir);
        auto* action = f.window.findChild<QAction*>(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY(action->shortcuts().contains(key));
        QVERIFY(!action->toolTip().isEmpty());
        QVERIFY2(action->toolTip().contains(key.toString(QKeySequence::NativeText)), qPrintable(action->toolTip()));
        QVERIFY(!action->icon().isNull());
        QVERIFY(!action->icon().pixmap(QSize(22, 22)).isNull());
        QVERIFY(f.window.actions().contains(action)); // works with menus and toolbars hidden
    }

    void theToolbarHasTheSpeedAndGranularityPickersAndTheClock()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        auto* speed = f.window.findChild<QComboBox*>(QStringLiteral("speedCombo"));
        QVERIFY(speed);
        QCOMPARE(speed->count(), 6);
        QCOMPARE(speed->itemData(0).toDouble(), 0.25);
        QCOMPARE(speed->itemData(5).toDouble(), 8.0);
        QCOMPARE(f.window.findChild<QComboBox*>(QStringLiteral("granularityCombo"))->count(), 3);
        QCOMPARE(f.window.playback()->clock()->text(), QStringLiteral("t = 0.000 s"));
    }

    void controlsWaitForARun()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(!f.window.playback()->step()->isEnabled());
        QVERIFY(!f.window.playback()->playPause()->isEnabled());
        f.window.player()->setTrace(twelveLines());
        QVERIFY(f.window.playback()->step()->isEnabled());
        QVERIFY(f.window.playback()->playPause()->isEnabled());
        QVERIFY(!f.window.playback()->stepBack()->isEnabled()); // at the start
    }

    void spaceTogglesPlay()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.window.player()->setTrace(twelveLines());
        QVERIFY(f.showActive());
        f.focusOffEditor();
        QTest::keyClick(&f.window, Qt::Key_Space);
        QVERIFY(f.window.player()->isPlaying());
        QCOMPARE(f.window.playback()->playPause()->text(), QStringLiteral("&Pause"));
        QTest::keyClick(&f.window, Qt::Key_Space);
        QVERIFY(!f.window.player()->isPlaying());
    }

    void arrowsStepByTheChosenGranularityAndHomeEndJump()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.window.player()->setTrace(twelveLines());
        QVERIFY(f.showActive());
        f.focusOffEditor();
        QStringList log;
        auto press = [&](Qt::Key k) {
            QTest::keyClick(&f.window, k);
            log << QString::number(f.window.player()->position());
        };
        press(Qt::Key_Right); // by line (the default): right after line 1
        press(Qt::Key_Right);
        f.window.playback()->granularityAction(Granularity::Event)->trigger();
        press(Qt::Key_Right);
        press(Qt::Key_Left);
        press(Qt::Key_End);
        press(Qt::Key_Home);
        QCOMPARE(log.join(QLatin1Char(' ')), QStringLiteral("1 3 4 3 25 0"));
    }

    void plusAndMinusChangeTheSpeed()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.focusOffEditor();
        QTest::keyClick(&f.window, Qt::Key_Plus);
        QCOMPARE(f.window.player()->speed(), 2.0);
        QCOMPARE(f.window.playback()->speedCombo()->currentText(), QStringLiteral("2\u00D7"));
        QTest::keyClick(&f.window, Qt::Key_Minus);
        QTest::keyClick(&f.window, Qt::Key_Minus);
        QCOMPARE(f.window.player()->speed(), 0.5);
    }

    void aSpeedBetweenTheRungsShowsInThePicker()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.window.player()->setSpeed(3.0);
        QCOMPARE(f.window.playback()->speedCombo()->currentText(), QStringLiteral("3\u00D7"));
        QCOMPARE(f.window.playback()->speedCombo()->currentIndex(), 4); // after 2x, before 4x
    }

    void keysTypeIntoTheEditorWhenItHasTheFocus()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.window.player()->setTrace(twelveLines());
        QVERIFY(f.showActive());
        f.window.editor()->setFocus();
        f.window.editor()->setCode(QStringLiteral("ab"));
        f.window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClick(f.window.editor(), Qt::Key_Space);
        QTest::keyClick(f.window.editor(), Qt::Key_Left);
        QCOMPARE(f.window.editor()->code(), QStringLiteral("ab "));
        QVERIFY(!f.window.player()->isPlaying());
        QCOMPARE(f.window.player()->position(), 0);
    }

    void theEditorAndTheClockFollowThePlayhead()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.window.editor()->setCode(QStringLiteral("a\nb\nc\nd\n"));
        f.window.player()->setTrace(twelveLines());
        f.window.player()->stepForward();
        f.window.player()->stepForward();
        QCOMPARE(f.window.editor()->executingLine(), (CodeEditor::TaskLine{1, 2}));
        QCOMPARE(f.window.playback()->clock()->text(), QStringLiteral("t = 0.250 s"));
        f.window.player()->runToEnd();
        QCOMPARE(f.window.playback()->clock()->text(), QStringLiteral("t = 3.000 s"));
        f.window.player()->reset();
        QCOMPARE(f.window.editor()->executingLine(), CodeEditor::TaskLine{});
    }

    void theLayoutSurvivesARestart()
    {
        QTemporaryDir dir;
        {
            Fixture f(dir);
            QVERIFY(f.showActive());
            QDockWidget* console = f.window.panes()->dock(PaneId::Console);
            f.window.removeDockWidget(console);
            f.window.addDockWidget(Qt::LeftDockWidgetArea, console);
            console->show();
            f.window.panes()->setShown(PaneId::Inspector, false);
            f.window.close();
        }
        Fixture again(dir);
        QVERIFY(again.showActive());
        QCOMPARE(again.window.dockWidgetArea(again.window.panes()->dock(PaneId::Console)), Qt::LeftDockWidgetArea);
        QVERIFY(!again.window.panes()->isShown(PaneId::Inspector));
        QVERIFY(again.window.panes()->isShown(PaneId::Timeline));
    }

    void resetLayoutPutsEveryPaneBack()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        const QByteArray fresh = f.window.panes()->saveLayout();
        f.window.panes()->setShown(PaneId::LoopView, false);
        f.window.panes()->dock(PaneId::Timeline)->setFloating(true);
        f.window.addDockWidget(Qt::TopDockWidgetArea, f.window.panes()->dock(PaneId::Lessons));
        f.window.resetLayoutAction()->trigger();
        QVERIFY(f.window.panes()->isShown(PaneId::LoopView));
        QVERIFY(!f.window.panes()->dock(PaneId::Timeline)->isFloating());
        QCOMPARE(f.window.dockWidgetArea(f.window.panes()->dock(PaneId::Lessons)), Qt::LeftDockWidgetArea);
        QCOMPARE(f.window.dockWidgetArea(f.window.panes()->dock(PaneId::Timeline)), Qt::BottomDockWidgetArea);
        QCOMPARE(f.window.dockWidgetArea(f.window.panes()->dock(PaneId::Inspector)), Qt::RightDockWidgetArea);
        QVERIFY(!fresh.isEmpty());
    }

    void aStaleLayoutIsIgnored()
    {
        QTemporaryDir dir;
        {
            QSettings s(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("window/layout"), QByteArray("garbage"));
        }
        Fixture f(dir);
        QCOMPARE(f.window.dockWidgetArea(f.window.panes()->dock(PaneId::LoopView)), Qt::RightDockWidgetArea);
    }

    void theChosenThemeRecoloursThePanesAndIsRemembered()
    {
        QTemporaryDir dir;
        {
            Fixture f(dir);
            f.window.findChild<QAction*>(QStringLiteral("actionTheme_dark"))->trigger();
            QCOMPARE(f.window.themeManager()->theme(), ThemeKind::Dark);
            QCOMPARE(f.window.editor()->colors().kind, ThemeKind::Dark);
            QCOMPARE(QApplication::palette().color(QPalette::Base), ThemeColors::forTheme(ThemeKind::Dark).base);
        }
        Fixture again(dir);
        QCOMPARE(again.window.themeManager()->theme(), ThemeKind::Dark);
        again.window.findChild<QAction*>(QStringLiteral("actionTheme_light"))->trigger();
    }

    void switchingToChineseTranslatesQtsOwnStringsAndIsRemembered()
    {
        QTemporaryDir dir;
        {
            Fixture f(dir);
            const QString english = QCoreApplication::translate("QPlatformTheme", "Cancel");
            f.window.findChild<QAction*>(QStringLiteral("actionLanguage_zh_CN"))->trigger();
            QCOMPARE(f.window.languages()->language(), QStringLiteral("zh_CN"));
            QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != english);
            QVERIFY(f.window.findChild<QAction*>(QStringLiteral("actionLanguage_zh_CN"))->isChecked());
        }
        Fixture again(dir);
        QCOMPARE(again.window.languages()->language(), QStringLiteral("zh_CN"));
        again.window.findChild<QAction*>(QStringLiteral("actionLanguage_en"))->trigger();
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void runningAProgramShowsItsOutputInTheConsole()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(QStringLiteral("print('hello')\nprint('world')\n")));
        QCOMPARE(int(f.window.runSession()->lastResult()->outcome), int(RunOutcome::Ok));
        QVERIFY(f.window.player()->isFinished());
        QCOMPARE(f.window.player()->position(), 0);
        QCOMPARE(f.window.console()->toPlainText(), QString());
        f.window.player()->runToEnd();
        QCOMPARE(f.window.console()->toPlainText(), QStringLiteral("hello\nworld\n"));
        QVERIFY(f.window.statusText().contains(QStringLiteral("finished: exit 0")));
        f.window.player()->reset();
        QVERIFY(stepToLine(f.window.player(), f.window.editor(), 2));
        QCOMPARE(f.window.console()->toPlainText(), QStringLiteral("hello\n"));
        QVERIFY2(f.window.statusText().startsWith(QStringLiteral("Line step 2 / 2")), qPrintable(f.window.statusText()));
    }

    void editingReRunsAndKeepsThePlayheadOnTheSameLine()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(QStringLiteral("a = 1\nb = 2\nfor i in range(3):\n    print(i)\nprint('end')\n")));
        // The second time line 4 runs.
        QVERIFY(stepToLine(f.window.player(), f.window.editor(), 4));
        QVERIFY(stepToLine(f.window.player(), f.window.editor(), 4));
        QCOMPARE(f.window.console()->toPlainText(), QStringLiteral("0\n"));
        // Line 1 changes, so the run is new, but line 4 reads the same.
        QSignalSpy started(f.window.runSession(), &RunSession::runStarted);
        QVERIFY(f.edit(QStringLiteral("a = 100\nb = 2\nfor i in range(3):\n    print(i)\nprint('end')\n")));
        QCOMPARE(started.size(), 1);
        QCOMPARE(f.window.editor()->executingLine().line, 4);
        QCOMPARE(f.window.console()->toPlainText(), QStringLiteral("0\n"));
        // A line inserted above moves every line: the playhead keeps its event index.
        const qint64 before = f.window.player()->position();
        QVERIFY(f.edit(QStringLiteral("x = 0\na = 100\nb = 2\nfor i in range(3):\n    print(i)\nprint('end')\n")));
        QVERIFY(qAbs(f.window.player()->position() - before) <= 4);
        QVERIFY(f.window.player()->position() > 0);
    }

    void aSyntaxErrorUnderlinesTheRightLineAndTheNextRunComesBackToThePlace()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(QStringLiteral("x = 1\nif x:\n    print('yes')\nprint('done')\n")));
        QVERIFY(stepToLine(f.window.player(), f.window.editor(), 3));
        QVERIFY(f.edit(QStringLiteral("x = 1\nif x\n    print('yes')\nprint('done')\n")));
        QCOMPARE(int(f.window.runSession()->lastResult()->outcome), int(RunOutcome::SyntaxError));
        QVERIFY(f.window.editor()->hasSyntaxError());
        QCOMPARE(f.window.editor()->syntaxErrorLine(), 2);
        QCOMPARE(f.window.editor()->syntaxErrorMessage(), QStringLiteral("SyntaxError: expected ':'"));
        QVERIFY(!f.window.warningsBanner()->isHidden());
        QCOMPARE(f.window.warningsBanner()->items().constFirst().line, 2);
        QVERIFY(f.window.console()->toPlainText().contains(QStringLiteral("SyntaxError")));
        // Fixed again: the underline goes and the playhead returns to line 3.
        QVERIFY(f.edit(QStringLiteral("x = 1\nif x:\n    print('yes')\nprint('done')\n")));
        QVERIFY(!f.window.editor()->hasSyntaxError());
        QVERIFY(f.window.warningsBanner()->isHidden());
        QCOMPARE(f.window.editor()->executingLine().line, 3);
    }

    void anInfiniteLoopLeavesTheWindowResponsiveAndEndsWithTheLimitBanner_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("counting") << QStringLiteral("i = 0\nwhile True:\n    i += 1\n");
        QTest::newRow("two events a step") << QStringLiteral("while True:\n    pass\n");
        QTest::newRow("printing") << QStringLiteral("i = 0\nwhile True:\n    print(i)\n    i += 1\n");
        QTest::newRow("calling") << QStringLiteral("def f(a):\n    b = a + 1\n    return b\nx = 0\nwhile True:\n    x = f(x)\n");
    }

    void anInfiniteLoopLeavesTheWindowResponsiveAndEndsWithTheLimitBanner()
    {
        QFETCH(QString, code);
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer probe;
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        QElapsedTimer wall;
        wall.start();
        f.window.document()->openDocument(QStringLiteral("test:loop"), QStringLiteral("loop.py"), code);
        sinceTick.start();
        probe.start();
        // Playback starts while the run is still recording.
        f.window.player()->play();
        QVERIFY(f.waitForRun(60000));
        probe.stop();
        qInfo("infinite loop in the window: %lld ms, %lld events, longest wait of the event loop %lld ms",
              wall.elapsed(), f.window.player()->length(), longestGap);
        QVERIFY2(longestGap < 100, qPrintable(QString::number(longestGap)));
        QCOMPARE(int(f.window.runSession()->lastResult()->outcome), int(RunOutcome::Limit));
        QVERIFY(!f.window.warningsBanner()->isHidden());
        QVERIFY2(f.window.warningsBanner()->html().contains(QStringLiteral("Limit reached")),
                 qPrintable(f.window.warningsBanner()->html()));
        QVERIFY(f.window.statusText().contains(QStringLiteral("stopped by the step limit")));
        // The banner's link goes to the end of what was recorded, at once.
        QElapsedTimer jump;
        jump.start();
        f.window.warningsBanner()->activateLink(QStringLiteral("seek:%1").arg(f.window.player()->length()));
        QVERIFY(f.window.player()->atEnd());
        QCoreApplication::processEvents();
        qInfo("jumping to the end: %lld ms", jump.elapsed());
        QVERIFY2(jump.elapsed() < 1000, qPrintable(QString::number(jump.elapsed())));
    }

    void theFirstLessonOpensAtStartUp()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.window.openFirstLesson());
        const lessons::Lesson& first = f.window.library().lessons().constFirst();
        QCOMPARE(f.window.currentLesson()->id, first.id);
        QCOMPARE(f.window.currentProgram(), 0);
        QCOMPARE(f.window.editor()->code(), first.programs.constFirst().source);
        QCOMPARE(f.window.lessonsPane()->currentLessonId(), first.id);
        QVERIFY(f.window.narrationPane()->hasLesson());
        QVERIFY(f.waitForRun());
        QCOMPARE(int(f.window.runSession()->lastResult()->outcome), int(RunOutcome::Ok));
        QVERIFY(f.window.player()->isFinished());
        QVERIFY(f.window.windowTitle().startsWith(first.programs.constFirst().file));
    }

    void selectingALessonProgramLoadsAndRunsIt()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        const lessons::Lesson* yield = f.window.library().find(QStringLiteral("yield"));
        QVERIFY(yield);
        QTreeWidgetItem* item = f.window.lessonsPane()->itemFor(yield->id);
        QVERIFY(item);
        QTreeWidget* tree = f.window.lessonsPane()->tree();
        tree->scrollToItem(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
        QCOMPARE(f.window.currentLesson()->id, yield->id);
        QCOMPARE(f.window.editor()->code(), yield->programs.constFirst().source);
        QVERIFY(f.waitForRun());
        QCOMPARE(int(f.window.runSession()->lastResult()->outcome), int(RunOutcome::Ok));
        playToEnd(f.window.player());
        QCOMPARE(f.window.console()->toPlainText(), yield->programs.constFirst().expectedOutput.value_or(QString()));
        // Played to its end: the lesson is marked completed.
        QVERIFY(f.window.lessonsPane()->tree()->currentItem());
        QCOMPARE(item->toolTip(0), QStringLiteral("Completed"));
    }

    void editsOfALessonAreAutosavedAndCanBeReverted()
    {
        QTemporaryDir dir;
        const QString edited = QStringLiteral("print('mine')\n");
        {
            Fixture f(dir);
            QVERIFY(f.window.openFirstLesson());
            QVERIFY(f.waitForRun());
            QVERIFY(f.edit(edited));
            QVERIFY(f.window.isWindowModified());
            f.window.player()->runToEnd();
            QCOMPARE(f.window.console()->toPlainText(), QStringLiteral("mine\n"));
            f.window.close();
        }
        Fixture again(dir);
        QVERIFY(again.window.openFirstLesson());
        QCOMPARE(again.window.editor()->code(), edited);
        QVERIFY(again.waitForRun());
        again.window.findChild<QAction*>(QStringLiteral("actionRevert"))->trigger();
        QCOMPARE(again.window.editor()->code(), again.window.currentLesson()->programs.constFirst().source);
        QVERIFY(again.waitForRun());
        playToEnd(again.window.player());
        QCOMPARE(again.window.console()->toPlainText(),
                 again.window.currentLesson()->programs.constFirst().expectedOutput.value_or(QString()));
    }

    void eachTaskLineIsMarkedFromTheModelAtThePlayhead()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(QStringLiteral("def gen():\n    yield 1\n    yield 2\n\ng = gen()\nprint(next(g))\nprint('between')\nprint(next(g))\n")));
        // Right after the generator's first yield, main prints the value while
        // the generator waits at line 2: two tasks, two lines.
        QVERIFY(stepToLine(f.window.player(), f.window.editor(), 7));
        const QList<CodeEditor::TaskLine> lines = f.window.editor()->taskLines();
        QStringList marks;
        for (const CodeEditor::TaskLine& t : lines)
            marks << QString::number(t.line);
        marks.sort();
        QCOMPARE(marks.join(QLatin1Char(' ')), QStringLiteral("2 7"));
        QVERIFY(lines[0].task != lines[1].task);
    }

    void aLessonFolderOpensFromDiskAndJoinsTheBrowser()
    {
        QTemporaryDir dir;
        // A copy of the first bundled lesson under another id, as an instructor would write one.
        const QString folder = dir.filePath(QStringLiteral("my-lesson"));
        QVERIFY(QDir().mkpath(folder));
        QFile json(QStringLiteral(":/lessons/01-coroutine-intro/lesson.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QJsonObject lesson = QJsonDocument::fromJson(json.readAll()).object();
        lesson[QStringLiteral("id")] = QStringLiteral("my-lesson");
        lesson[QStringLiteral("chapter")] = QStringLiteral("A.9");
        QFile out(folder + QStringLiteral("/lesson.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(lesson).toJson());
        out.close();
        for (const QString& file : {QStringLiteral("functions.py"), QStringLiteral("functions.out")})
            QVERIFY(QFile::copy(QStringLiteral(":/lessons/01-coroutine-intro/") + file, folder + QLatin1Char('/') + file));

        Fixture f(dir);
        const int before = f.window.lessonsPane()->tree()->topLevelItemCount();
        QString error;
        QVERIFY2(f.window.openPath(folder, &error), qPrintable(error));
        QCOMPARE(f.window.currentLesson()->id, QStringLiteral("my-lesson"));
        QCOMPARE(f.window.lessonsPane()->tree()->topLevelItemCount(), before + 1);
        QVERIFY(f.window.lessonsPane()->itemFor(QStringLiteral("my-lesson")));
        QVERIFY(f.waitForRun());
        QCOMPARE(int(f.window.runSession()->lastResult()->outcome), int(RunOutcome::Ok));
        // Opening it again is the same lesson, not a second one.
        QVERIFY(f.window.openPath(folder + QStringLiteral("/lesson.json"), &error));
        QCOMPARE(f.window.lessonsPane()->tree()->topLevelItemCount(), before + 1);
    }

    void aMalformedLessonIsRefusedWithTheFileAndField()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("broken"));
        QVERIFY(QDir().mkpath(folder));
        QFile out(folder + QStringLiteral("/lesson.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"id": "broken", "chapter": "9", "programs": []})");
        out.close();
        Fixture f(dir);
        QVERIFY(f.window.openFirstLesson());
        QString error;
        QVERIFY(!f.window.openPath(folder, &error));
        QVERIFY2(error.contains(QStringLiteral("lesson.json")), qPrintable(error));
        QCOMPARE(f.window.currentLesson()->id, f.window.library().lessons().constFirst().id);
    }

    void aPythonFileLeavesTheLesson()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.py"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("print('mine')\n");
        out.close();
        Fixture f(dir);
        QVERIFY(f.window.openFirstLesson());
        QVERIFY(f.window.openPath(path));
        QVERIFY(!f.window.currentLesson());
        QVERIFY(!f.window.narrationPane()->hasLesson());
        QVERIFY(f.window.lessonsPane()->currentLessonId().isEmpty());
        QVERIFY(f.waitForRun());
        playToEnd(f.window.player());
        QCOMPARE(f.window.console()->toPlainText(), QStringLiteral("mine\n"));
    }

    void lessonsAndNarrationFollowTheUiLanguage()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.window.openFirstLesson());
        const lessons::Lesson& first = f.window.library().lessons().constFirst();
        f.window.findChild<QAction*>(QStringLiteral("actionLanguage_zh_CN"))->trigger();
        QCOMPARE(int(f.window.lessonsPane()->language()), int(lessons::Language::Chinese));
        QVERIFY(f.window.narrationPane()->narrationText().startsWith(first.summary.zh));
        f.window.findChild<QAction*>(QStringLiteral("actionLanguage_en"))->trigger();
        QVERIFY(f.window.narrationPane()->narrationText().startsWith(first.summary.en));
    }

    void aReRunWhilePlayingKeepsPlaying()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.openAndRun(QStringLiteral("a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n")));
        f.window.player()->stepForward();
        f.window.player()->stepForward();
        f.window.player()->play();
        QVERIFY(f.edit(QStringLiteral("a = 1\nb = 2\nc = 30\nd = 4\ne = 5\n")));
        QVERIFY(f.window.player()->isPlaying());
        QVERIFY(f.window.player()->position() > 0);
        f.window.player()->pause();
    }

    void aViewInstalledInAPaneReplacesItsEmptyState()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        auto* view = new QLabel(QStringLiteral("loop"));
        f.window.installView(PaneId::LoopView, view);
        QCOMPARE(f.window.panes()->widget(PaneId::LoopView), view);
        f.window.installView(PaneId::Code, new QLabel(&f.window));
        QCOMPARE(f.window.panes()->widget(PaneId::Code)->objectName(), QStringLiteral("codePane"));
    }

    void theTitleShowsTheDocumentAndWhetherItWasEdited()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.window.windowTitle().startsWith(QLatin1String("untitled.py")));
        QVERIFY(!f.window.isWindowModified());
        f.window.editor()->insertPlainText(QStringLiteral("x"));
        f.window.editor()->flushPendingEdit();
        QVERIFY(f.window.isWindowModified());
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
