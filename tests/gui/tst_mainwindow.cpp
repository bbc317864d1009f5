// MainWindow: every control is an action with a shortcut, a tooltip and an
// icon; keys drive the Player; the layout and the theme survive a restart.

#include "TraceBuilder.h"
#include "app/gui/editor/CodeEditor.h"
#include "app/gui/panes/ClockDisplay.h"
#include "app/gui/player/Player.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/window/LanguageSwitcher.h"
#include "app/gui/window/MainWindow.h"
#include "app/gui/window/PaneSet.h"
#include "app/gui/window/PlaybackActions.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope;
using coroscope::test::TraceBuilder;

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
    QSettings settings;
    MainWindow window;
};

/// 12 Line events of task 1, then the end.
std::shared_ptr<Trace> twelveLines()
{
    TraceBuilder b;
    for (int i = 1; i <= 12; ++i)
        b.line(1, i).clock(i * 0.25);
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
