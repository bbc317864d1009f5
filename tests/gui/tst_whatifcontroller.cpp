// WhatIfController: turning a what-if on records the original and the
// variant in the background and opens the comparison dock; turning it off,
// closing the dock or opening another program clears it.

#include "app/gui/whatif/WhatIfController.h"
#include "app/gui/whatif/WhatIfChart.h"
#include "app/gui/whatif/WhatIfComparison.h"
#include "app/gui/whatif/WhatIfRunner.h"
#include "app/gui/whatif/WhatIfToggles.h"
#include "app/gui/lessons/LessonsPane.h"
#include "app/gui/player/Player.h"
#include "app/gui/run/RunController.h"
#include "app/gui/run/PlayheadModel.h"
#include "app/gui/run/RunSession.h"
#include "app/gui/window/MainWindow.h"
#include "lessons/loader/LessonLibrary.h"

#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace coroscope;

class tst_WhatIfController : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_library.loadBundled();
        QVERIFY(m_library.find(QStringLiteral("async-await")));
    }

    void turningAWhatIfOnRecordsBothRunsAndOpensTheComparison()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        controller.setProgram(lesson, 0);
        QVERIFY(controller.dock()->isHidden());
        controller.toggles()->button(QStringLiteral("blocking-sleep"))->click();
        QCOMPARE(controller.active(), QStringLiteral("blocking-sleep"));
        QVERIFY(!controller.dock()->isHidden());
        QCOMPARE(int(controller.comparison()->state()), int(WhatIfComparison::State::Running));
        QVERIFY(controller.runner()->waitForFinished(60000));
        QCOMPARE(int(controller.comparison()->state()), int(WhatIfComparison::State::Ready));
        // The variant is the lesson's what-if, the original its program as written.
        QCOMPARE(controller.runner()->spec(WhatIfRunner::Side::Original).source, lesson->programs[0].source);
        QVERIFY(controller.runner()->spec(WhatIfRunner::Side::Variant).source.contains(QStringLiteral("time.sleep(2)")));
        QCOMPARE(controller.comparison()->variantLabel(), QStringLiteral("Swap asyncio.sleep for time.sleep"));
        QCOMPARE(controller.comparison()->chart()->result(), controller.runner()->result().get());
    }

    void aComparisonWithAnotherProgramNamesBothRunsByTheirTitles()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("why-coroutines"));
        QVERIFY(lesson);
        controller.setProgram(lesson, 0);
        controller.setActive(QStringLiteral("compare-aiohttp"));
        QVERIFY(controller.runner()->waitForFinished(60000));
        QCOMPARE(controller.runner()->spec(WhatIfRunner::Side::Original).file, QStringLiteral("download_requests.py"));
        QCOMPARE(controller.runner()->spec(WhatIfRunner::Side::Variant).file, QStringLiteral("download_aiohttp.py"));
        QCOMPARE(controller.runner()->spec(WhatIfRunner::Side::Variant).source, lesson->programs[1].source);
        QCOMPARE(controller.comparison()->originalLabel(), QStringLiteral("Synchronous: requests"));
        QCOMPARE(controller.comparison()->variantLabel(), QStringLiteral("Asynchronous: aiohttp"));
        controller.setLanguage(lessons::Language::Chinese);
        QCOMPARE(controller.comparison()->variantLabel(), QStringLiteral("异步:aiohttp"));
        QCOMPARE(controller.comparison()->chart()->variantLabel(), QStringLiteral("异步:aiohttp"));
        // A what-if of the usual kind is named "original" and by its label again.
        controller.setActive(QStringLiteral("slow-first-sync"));
        QCOMPARE(controller.comparison()->originalLabel(), QStringLiteral("original"));
        QCOMPARE(controller.comparison()->variantLabel(), QStringLiteral("第二张图片变慢(5 秒)"));
    }

    void hidingTheDockFromThePanesMenuTurnsTheWhatIfOff()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        window.show();
        controller.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        controller.setActive(QStringLiteral("blocking-sleep"));
        QAction* toggle = controller.dock()->toggleViewAction();
        QVERIFY(toggle->isChecked());
        toggle->trigger();
        QVERIFY(controller.dock()->isHidden());
        QVERIFY(controller.active().isEmpty());
        QVERIFY(!controller.runner()->isRunning());
    }

    void theLabelsFollowTheLanguage()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        controller.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        controller.setActive(QStringLiteral("blocking-sleep"));
        QVERIFY(controller.runner()->waitForFinished(60000));
        controller.setLanguage(lessons::Language::Chinese);
        QCOMPARE(controller.comparison()->variantLabel(), QStringLiteral("把 asyncio.sleep 换成 time.sleep"));
        QCOMPARE(controller.comparison()->chart()->variantLabel(), QStringLiteral("把 asyncio.sleep 换成 time.sleep"));
        QCOMPARE(int(controller.comparison()->state()), int(WhatIfComparison::State::Ready));
    }

    void togglingTheWhatIfOffClosesAndClearsTheComparison()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        controller.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        controller.toggles()->button(QStringLiteral("blocking-sleep"))->click();
        QVERIFY(controller.runner()->waitForFinished(60000));
        controller.toggles()->button(QStringLiteral("blocking-sleep"))->click();
        QVERIFY(controller.active().isEmpty());
        QVERIFY(controller.dock()->isHidden());
        QCOMPARE(int(controller.comparison()->state()), int(WhatIfComparison::State::Empty));
        QVERIFY(!controller.comparison()->result());
        QVERIFY(!controller.comparison()->chart()->result());
        QVERIFY(!controller.runner()->isReady());
        QVERIFY(!controller.runner()->isRunning());
    }

    void turningOffWhileRecordingAbandonsTheRuns()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        controller.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        controller.setActive(QStringLiteral("blocking-sleep"));
        controller.setActive(QString());
        QTest::qWait(300);
        QCOMPARE(int(controller.comparison()->state()), int(WhatIfComparison::State::Empty));
        QVERIFY(controller.dock()->isHidden());
        QVERIFY(!controller.runner()->isReady());
    }

    void theComparisonsTurnOffButtonAndClosingTheDockTurnTheWhatIfOff()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        window.show();
        controller.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        controller.setActive(QStringLiteral("uvloop"));
        QVERIFY(controller.runner()->waitForFinished(60000));
        controller.comparison()->findChild<QToolButton*>(QStringLiteral("whatIfTurnOff"))->click();
        QVERIFY(controller.active().isEmpty());
        QVERIFY(!controller.toggles()->button(QStringLiteral("uvloop"))->isChecked());

        controller.setActive(QStringLiteral("uvloop"));
        QVERIFY(controller.dock()->isVisible());
        controller.dock()->close();
        QVERIFY(controller.active().isEmpty());
        QCOMPARE(int(controller.comparison()->state()), int(WhatIfComparison::State::Empty));
    }

    void openingAnotherProgramTurnsTheWhatIfOff()
    {
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        const lessons::Lesson* mistakes = m_library.find(QStringLiteral("common-mistakes"));
        QVERIFY(mistakes);
        controller.setProgram(mistakes, 0);
        controller.setActive(QStringLiteral("await-it"));
        QCOMPARE(controller.active(), QStringLiteral("await-it"));
        controller.setProgram(mistakes, 1);
        QVERIFY(controller.active().isEmpty());
        QVERIFY(controller.dock()->isHidden());
        QCOMPARE(controller.toggles()->ids(), QStringList{QStringLiteral("asyncio-sleep")});
        controller.setProgram(nullptr, -1);
        QVERIFY(controller.toggles()->ids().isEmpty());
    }

    void aWhatIfWhoseEditDoesNotApplySaysWhy()
    {
        lessons::Lesson lesson = *m_library.find(QStringLiteral("async-await"));
        lesson.whatIfs[0].replacements[1].from = QStringLiteral("await asyncio.sleep(9)");
        QMainWindow window;
        WhatIfController controller(&window, nullptr);
        controller.setProgram(&lesson, 0);
        controller.setActive(lesson.whatIfs[0].id);
        QCOMPARE(int(controller.comparison()->state()), int(WhatIfComparison::State::Failed));
        QVERIFY(!controller.runner()->isRunning());
        QVERIFY(!controller.dock()->isHidden());
    }

    void theComparisonDockIsListedInViewPanes()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(AppEnvironment{&settings, dir.path()});
        QAction* toggle = window.whatIf()->dock()->toggleViewAction();
        QMenu* panes = nullptr;
        for (QMenu* menu : window.findChildren<QMenu*>()) {
            if (menu->actions().contains(toggle))
                panes = menu;
        }
        QVERIFY(panes);
        QVERIFY(panes->actions().contains(window.findChild<QDockWidget*>(QStringLiteral("timelineDock"))->toggleViewAction()));
        QCOMPARE(toggle->text(), QStringLiteral("What-if comparison"));
    }

    void theMainWindowOffersTheWhatIfsInTheLessonPaneAndKeepsItsPlayhead()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(AppEnvironment{&settings, dir.path()});
        QVERIFY(window.openLesson(QStringLiteral("async-await")));
        QVERIFY(window.runSession()->controller()->waitForFinished(30000));
        WhatIfController* whatIf = window.whatIf();
        QVERIFY(whatIf);
        QVERIFY(window.lessonsPane()->isAncestorOf(whatIf->toggles()));
        QCOMPARE(whatIf->toggles()->ids(), (QStringList{QStringLiteral("blocking-sleep"), QStringLiteral("uvloop")}));

        window.player()->seek(10);
        const qint64 length = window.player()->length();
        whatIf->toggles()->button(QStringLiteral("blocking-sleep"))->click();
        QVERIFY(whatIf->runner()->waitForFinished(60000));
        QCOMPARE(int(whatIf->comparison()->state()), int(WhatIfComparison::State::Ready));
        // The window's own run is untouched: same recording, same playhead.
        QCOMPARE(window.player()->position(), qint64(10));
        QCOMPARE(window.player()->length(), length);
        window.player()->seek(20);
        QCOMPARE(window.player()->position(), qint64(20));

        // The window plays the original: its playhead shows on the comparison,
        // and the comparison's cursor moves it to the moment it points at.
        WhatIfChart* chart = whatIf->comparison()->chart();
        QVERIFY(whatIf->playsOriginal());
        QCOMPARE(chart->playheadTime(), window.playheadModel()->model().now());
        constexpr Nanos kSecond = 1'000'000'000;
        chart->setCursor(kSecond);
        // Both tasks sleep from 0 s to 2 s: at 1 s the clock still reads 0 and
        // the next event is the jump to 2 s.
        QVERIFY(window.player()->position() > 20);
        QCOMPARE(window.playheadModel()->model().now(), Nanos(0));
        QCOMPARE(int(window.playheadModel()->model().task(window.playheadModel()->model().taskIds().back())->state),
                 int(TaskState::Suspended));
        chart->setCursor(3 * kSecond);
        QCOMPARE(window.player()->position(), window.player()->length());
        QCOMPARE(chart->playheadTime(), 2 * kSecond);

        // An edited program is not the original any more: the link is off.
        window.runSession()->rerun(window.runSession()->source() + QStringLiteral("\nprint(5)\n"));
        QVERIFY(window.runSession()->controller()->waitForFinished(30000));
        QVERIFY(!whatIf->playsOriginal());
        QCOMPARE(chart->playheadTime(), Nanos(-1));

        // Another lesson: its own what-ifs, and the comparison is gone.
        QVERIFY(window.openLesson(QStringLiteral("common-mistakes")));
        QVERIFY(whatIf->active().isEmpty());
        QCOMPARE(int(whatIf->comparison()->state()), int(WhatIfComparison::State::Empty));
        QCOMPARE(whatIf->toggles()->ids(), QStringList{QStringLiteral("await-it")});
    }

private:
    lessons::LessonLibrary m_library;
};

QTEST_MAIN(tst_WhatIfController)
#include "tst_whatifcontroller.moc"
