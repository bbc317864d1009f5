// NarrationPane: the lesson's narration follows the playhead of a real run
// of the first lesson, step k of n, next/previous seek, both languages; a
// checkpoint stops playback, asks, reveals and scores the answer.

#include "app/gui/lessons/LessonProgress.h"
#include "app/gui/narration/CheckpointCard.h"
#include "app/gui/narration/NarrationPane.h"
#include "app/gui/player/Player.h"
#include "app/gui/run/PlayheadModel.h"
#include "app/gui/run/RunController.h"
#include "lessons/loader/LessonLibrary.h"

#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope;

namespace {

/// The panes' wiring of MainWindow, without the window.
struct Fixture {
    explicit Fixture(const QTemporaryDir& dir)
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , progress(&settings)
        , pane(&player, &model, &progress)
    {
        library.loadBundled();
        QObject::connect(&player, &Player::traceChanged, &model, [this] { model.setTrace(player.sharedTrace()); });
        QObject::connect(&player, &Player::lengthChanged, &model, &PlayheadModel::traceAppended);
        QObject::connect(&player, &Player::positionChanged, &model, &PlayheadModel::seek);
    }

    /// Narrates program `program` of the lesson and records its run.
    bool run(const lessons::Lesson& lesson, int program = 0)
    {
        pane.setLesson(&lesson, program);
        RunController controller;
        QObject::connect(&controller, &RunController::started, &player,
                         [this](quint64, std::shared_ptr<const Trace> trace) { player.setTrace(trace); });
        RunRequest request;
        request.source = lesson.programs[program].source;
        controller.start(request);
        if (!controller.waitForFinished(30000))
            return false;
        player.traceAppended();
        pane.runFinished();
        return player.isFinished();
    }

    const lessons::Lesson& first() const { return library.lessons().constFirst(); }

    QSettings settings;
    lessons::LessonLibrary library;
    LessonProgress progress;
    Player player;
    PlayheadModel model;
    NarrationPane pane;
};

} // namespace

class tst_NarrationPane : public QObject {
    Q_OBJECT
private slots:
    void theNarrationFollowsThePlayhead()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        const lessons::Lesson& lesson = f.first();
        QVERIFY(f.run(lesson));
        const auto& stops = f.pane.track().stops();
        QCOMPARE(int(stops.size()), int(lesson.narration.size()));
        // Before the first anchor: the lesson's summary.
        QCOMPARE(f.pane.shownStop(), -1);
        QVERIFY(f.pane.narrationText().startsWith(lesson.summary.en));
        QCOMPARE(f.pane.stepText(), QStringLiteral("Step 0 of %1").arg(stops.size()));
        // Step by line: the first step shows once its line has been reached.
        while (f.pane.shownStop() < 0 && !f.player.atEnd())
            f.player.stepForward();
        QCOMPARE(f.player.position(), qint64(stops[0].position));
        QCOMPARE(f.pane.stepText(), QStringLiteral("Step 1 of %1").arg(stops.size()));
        QCOMPARE(f.pane.narrationText(), lesson.narration[stops[0].step].text.en);
        // Each step stays until the next one's anchor.
        f.player.seek(qint64(stops[2].position) - 1);
        QCOMPARE(f.pane.shownStop(), 1);
        f.player.seek(qint64(stops[2].position));
        QCOMPARE(f.pane.narrationText(), lesson.narration[stops[2].step].text.en);
        f.player.seek(f.player.length());
        QCOMPARE(f.pane.stepText(), QStringLiteral("Step %1 of %1").arg(stops.size()));
        f.player.stepBack();
        QVERIFY(f.pane.shownStop() < int(stops.size()) - 1);
    }

    void nextAndPreviousSeekToTheNarrationSteps()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.run(f.first()));
        const auto& stops = f.pane.track().stops();
        QStringList log;
        auto note = [&] { log << QString::number(f.pane.shownStop()); };
        f.pane.nextStep();
        note();
        QCOMPARE(f.player.position(), qint64(stops[0].position));
        f.pane.nextStep();
        note();
        f.pane.nextStep();
        note();
        f.pane.previousStep();
        note();
        f.pane.previousStep();
        note();
        f.pane.previousStep();
        note();
        QCOMPARE(log.join(QLatin1Char(' ')), QStringLiteral("0 1 2 1 0 -1"));
        QCOMPARE(f.player.position(), 0);
    }

    void theTextIsInTheUiLanguage()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        const lessons::Lesson& lesson = f.first();
        QVERIFY(f.run(lesson));
        f.pane.nextStep();
        f.pane.setLanguage(lessons::Language::Chinese);
        QCOMPARE(f.pane.narrationText(), lesson.narration[f.pane.track().stops()[0].step].text.zh);
        f.pane.setLanguage(lessons::Language::English);
        QCOMPARE(f.pane.narrationText(), lesson.narration[f.pane.track().stops()[0].step].text.en);
    }

    void theWhyLineExplainsWhoRunsFromTheModel()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.run(f.first()));
        QCOMPARE(f.pane.whyText(), QStringLiteral("Nothing has run yet. Press Step to watch the first event."));
        f.player.stepForward();
        QCOMPARE(f.pane.whyText(), QStringLiteral("main runs: it is the program's main flow, where every run starts."));
        f.player.seek(f.player.length());
        QCOMPARE(f.pane.whyText(), QStringLiteral("The run is over: no task will run again."));
    }

    void aCheckpointPausesPlaybackAndScoresTheAnswer()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        const lessons::Lesson& lesson = f.first();
        QCOMPARE(lesson.checkpoints.size(), 1);
        QVERIFY(f.run(lesson));
        const lessons::CheckpointAnswer* answer = f.pane.answerFor(0);
        QVERIFY(answer && answer->resolved);
        QCOMPARE(answer->answer, QStringLiteral("2"));
        QVERIFY(!f.pane.isAsking());
        f.player.play();
        f.player.advancePlayClock(1e9); // far more than the whole run needs
        QVERIFY(!f.player.isPlaying());
        QCOMPARE(f.player.position(), qint64(answer->pause));
        QVERIFY(f.pane.isAsking());
        CheckpointCard* card = f.pane.checkpointCard();
        QVERIFY(card->choices().contains(QStringLiteral("2")));
        QVERIFY(card->choices().contains(CheckpointCard::nothingChoice()));
        card->choose(QStringLiteral("2"));
        QVERIFY(card->isAnswered());
        QVERIFY(card->wasRight());
        QVERIFY(card->resultText().contains(QStringLiteral("Right!")));
        QCOMPARE(f.progress.answer(lesson.id, 0), std::optional<bool>(true));
        // Playing on does not stop there again.
        f.player.play();
        f.player.advancePlayClock(1e9);
        QVERIFY(f.player.atEnd());
    }

    void aWrongAnswerRevealsTheRightOneAndShowMeGoesThere()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        const lessons::Lesson& lesson = f.first();
        QVERIFY(f.run(lesson));
        const std::size_t reveal = f.pane.answerFor(0)->reveal;
        f.player.runToEnd(); // stops at the question too
        QVERIFY(f.pane.isAsking());
        QVERIFY(!f.player.atEnd());
        CheckpointCard* card = f.pane.checkpointCard();
        QPushButton* three = nullptr;
        for (QPushButton* b : card->findChildren<QPushButton*>()) {
            if (b->text() == QStringLiteral("3") && !b->isHidden())
                three = b;
        }
        QVERIFY(three);
        QTest::mouseClick(three, Qt::LeftButton);
        QVERIFY(card->isAnswered());
        QVERIFY(!card->wasRight());
        QVERIFY2(card->resultText().contains(QStringLiteral("The answer is: 2")), qPrintable(card->resultText()));
        QVERIFY(card->resultText().contains(lesson.checkpoints[0].explain.en.toHtmlEscaped()));
        QCOMPARE(f.progress.answer(lesson.id, 0), std::optional<bool>(false));
        QTest::mouseClick(card->findChild<QPushButton*>(QStringLiteral("checkpointShow")), Qt::LeftButton);
        QCOMPARE(f.player.position(), qint64(reveal));
        QVERIFY(!card->isHidden()); // the explanation stays while the answer happens
        f.player.stepForward();
        QVERIFY(card->isHidden());
    }

    void aProgramOutsideALessonHasNoLessonText()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.pane.setLesson(nullptr, 0);
        QVERIFY(!f.pane.hasLesson());
        QVERIFY(f.pane.narrationText().contains(QStringLiteral("not part of a lesson")));
        QCOMPARE(f.pane.stepText(), QString());
        QVERIFY(f.player.barriers().empty());
    }
};

QTEST_MAIN(tst_NarrationPane)
#include "tst_narrationpane.moc"
