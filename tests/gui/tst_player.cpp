// Player: stepping a synthesized trace by event, line and switch, and the
// play clock, driven directly instead of waiting in real time.

#include "app/gui/player/Player.h"
#include "trace/TraceBuilder.h"

#include <QSignalSpy>
#include <QTest>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

constexpr Nanos kS = 1'000'000'000;
constexpr Nanos kMs = 1'000'000;

/// A run with two tasks:
///   index: 0 line(1,1) 1 push 2 line(1,2) 3 switch(2<-1) 4 line(2,5)
///          5 clock 1s 6 line(2,6) 7 switch(1<-2) 8 line(1,3) 9 end
TraceBuilder twoTaskRun()
{
    TraceBuilder b;
    b.line(1, 1).readyPush(1, 2, {}).line(1, 2).switchTo(2, 1).line(2, 5).clock(kS).line(2, 6).switchTo(1, 2)
        .line(1, 3).end();
    return b;
}

/// Steps forward until the end; the positions visited, space-separated.
QString walkForward(Player& p)
{
    QStringList log;
    while (!p.atEnd()) {
        p.stepForward();
        log << QString::number(p.position());
    }
    return log.join(QLatin1Char(' '));
}

QString walkBack(Player& p)
{
    QStringList log;
    while (!p.atStart()) {
        p.stepBack();
        log << QString::number(p.position());
    }
    return log.join(QLatin1Char(' '));
}

} // namespace

class tst_Player : public QObject {
    Q_OBJECT
private slots:
    void startsAtTheBeginningWithTheWholeRecordingAvailable()
    {
        Player p;
        QVERIFY(!p.hasTrace());
        p.setTrace(twoTaskRun().trace());
        QCOMPARE(p.position(), 0);
        QCOMPARE(p.length(), 10);
        QVERIFY(p.atStart());
        QVERIFY(p.isFinished());
        QVERIFY(!p.isPlaying());
    }

    void steppingByEventVisitsEveryPositionBothWays()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Event);
        QCOMPARE(walkForward(p), QStringLiteral("1 2 3 4 5 6 7 8 9 10"));
        QCOMPARE(walkBack(p), QStringLiteral("9 8 7 6 5 4 3 2 1 0"));
    }

    void steppingByLineStopsRightAfterEachLineEvent()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Line);
        // Line events sit at 0, 2, 4, 6, 8; after the last comes the end.
        QCOMPARE(walkForward(p), QStringLiteral("1 3 5 7 9 10"));
        QCOMPARE(walkBack(p), QStringLiteral("9 7 5 3 1 0"));
    }

    void steppingBySwitchStopsRightAfterEachSwitchEvent()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Switch);
        QCOMPARE(walkForward(p), QStringLiteral("4 8 10"));
        QCOMPARE(walkBack(p), QStringLiteral("8 4 0"));
    }

    void changingGranularityMidwayStepsFromWhereThePlayheadIs()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Event);
        p.seek(5);
        p.setGranularity(Granularity::Line);
        p.stepForward();
        QCOMPARE(p.position(), 7);
        p.setGranularity(Granularity::Switch);
        p.stepBack();
        QCOMPARE(p.position(), 4);
    }

    void currentLineIsTheLastLineEventBeforeThePlayhead()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        QCOMPARE(p.currentLine(), (StepIndex::LineMark{}));
        p.seek(1);
        QCOMPARE(p.currentLine(), (StepIndex::LineMark{1, 1}));
        p.seek(4);
        QCOMPARE(p.currentLine(), (StepIndex::LineMark{1, 2}));
        p.seek(5);
        QCOMPARE(p.currentLine(), (StepIndex::LineMark{2, 5}));
        p.seek(10);
        QCOMPARE(p.currentLine(), (StepIndex::LineMark{1, 3}));
    }

    void virtualTimeFollowsTheLoopClockAndIgnoresWorkerLanes()
    {
        TraceBuilder b;
        b.line(1, 1).clock(kS / 2).clock(3 * kS, ClockWhy::Idle, /*lane*/ 7).clock(2 * kS).end();
        Player p;
        p.setTrace(b.trace());
        QCOMPARE(p.virtualTime(), 0);
        p.seek(2);
        QCOMPARE(p.virtualTime(), Nanos(500'000'000));
        p.seek(3);
        QCOMPARE(p.virtualTime(), Nanos(500'000'000));
        p.seek(4);
        QCOMPARE(p.virtualTime(), Nanos(2'000'000'000));
        p.seek(1);
        QCOMPARE(p.virtualTime(), 0);
    }

    void seekIsClampedToTheRecording()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.seek(-4);
        QCOMPARE(p.position(), 0);
        p.seek(1000);
        QCOMPARE(p.position(), 10);
    }

    void positionChangedIsEmittedOncePerMoveAndNeverForAStandstill()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        QSignalSpy spy(&p, &Player::positionChanged);
        p.stepBack(); // already at the start
        p.seek(0);
        QCOMPARE(spy.count(), 0);
        p.stepForward();
        p.runToEnd();
        p.runToEnd();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toLongLong(), 10);
    }

    void resetAndRunToEndJumpToTheEndsAndPause()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.play();
        QVERIFY(p.isPlaying());
        p.runToEnd();
        QVERIFY(!p.isPlaying());
        QVERIFY(p.atEnd());
        p.play();
        p.reset();
        QVERIFY(!p.isPlaying());
        QVERIFY(p.atStart());
    }

    void playTakesAStepAtOnceThenOnePerIntervalAtTheSetSpeed_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<double>("ms");
        QTest::addColumn<int>("steps");
        // At 1x one step takes Player::kBaseStepMs = 500 ms of wall time.
        QTest::newRow("quarter speed, 1 s: no further step") << 0.25 << 1000.0 << 0;
        QTest::newRow("quarter speed, 2 s: one step") << 0.25 << 2000.0 << 1;
        QTest::newRow("1x, 1 s: two steps") << 1.0 << 1000.0 << 2;
        QTest::newRow("1x, 499 ms: not yet") << 1.0 << 499.0 << 0;
        QTest::newRow("2x, 1 s: four steps") << 2.0 << 1000.0 << 4;
        QTest::newRow("8x, 1 s: sixteen steps") << 8.0 << 1000.0 << 16;
    }

    void playTakesAStepAtOnceThenOnePerIntervalAtTheSetSpeed()
    {
        QFETCH(double, speed);
        QFETCH(double, ms);
        QFETCH(int, steps);
        TraceBuilder b;
        b.filler(100).end();
        Player p;
        p.setTrace(b.trace());
        p.setGranularity(Granularity::Event);
        p.setSpeed(speed);
        p.play();
        QCOMPARE(p.position(), 1);
        p.advancePlayClock(ms);
        QCOMPARE(p.position(), 1 + steps);
        QVERIFY(p.isPlaying());
    }

    void playClockCreditsCarryOverBetweenFrames()
    {
        TraceBuilder b;
        b.filler(20).end();
        Player p;
        p.setTrace(b.trace());
        p.setGranularity(Granularity::Event);
        p.play();
        for (int i = 0; i < 62; ++i)
            p.advancePlayClock(16.0); // 992 ms in frames of 16 ms
        QCOMPARE(p.position(), 1 + 1);
        p.advancePlayClock(8.0);
        QCOMPARE(p.position(), 1 + 2);
    }

    void playStepsByTheChosenGranularity()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Switch);
        p.play();
        QCOMPARE(p.position(), 4);
        p.advancePlayClock(Player::kBaseStepMs);
        QCOMPARE(p.position(), 8);
    }

    void playStopsAtTheEndOfAFinishedRun()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Event);
        QSignalSpy playing(&p, &Player::playingChanged);
        p.play();
        p.advancePlayClock(60'000.0);
        QVERIFY(p.atEnd());
        QVERIFY(!p.isPlaying());
        QCOMPARE(playing.count(), 2);
        QVERIFY(!p.frameTimer().isActive());
    }

    void playingAFinishedRunFromItsEndStartsAgainFromTheTop()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Line);
        p.runToEnd();
        p.play();
        QCOMPARE(p.position(), 1);
    }

    void playWaitsAtTheEndOfAStreamingRunUntilEventsArrive()
    {
        auto trace = std::make_shared<Trace>();
        trace->append(Event{.kind = EventKind::Line, .subject = 1, .x = 1});
        Player p;
        p.setTrace(trace);
        p.setGranularity(Granularity::Event);
        p.play();
        QCOMPARE(p.position(), 1);
        p.advancePlayClock(2000.0);
        QVERIFY(p.isPlaying());
        QVERIFY(!p.isFinished());

        QSignalSpy grew(&p, &Player::lengthChanged);
        trace->append(Event{.kind = EventKind::Line, .subject = 1, .x = 2});
        trace->append(Event{.kind = EventKind::RunEnd});
        p.traceAppended();
        QCOMPARE(grew.count(), 1);
        QCOMPARE(p.length(), 3);
        p.advancePlayClock(Player::kBaseStepMs);
        QCOMPARE(p.position(), 2);
        QCOMPARE(p.currentLine().line, 2);
        p.advancePlayClock(Player::kBaseStepMs);
        QVERIFY(p.atEnd());
        QVERIFY(!p.isPlaying());
    }

    void theFrameTimerRunsOnlyWhilePlaying()
    {
        Player p;
        QVERIFY(!p.frameTimer().isActive());
        p.play(); // nothing loaded: nothing to play
        QVERIFY(!p.isPlaying());
        p.setTrace(twoTaskRun().trace());
        p.play();
        QVERIFY(p.frameTimer().isActive());
        p.pause();
        QVERIFY(!p.frameTimer().isActive());
    }

    void aManualStepPausesPlayback()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.play();
        p.stepForward();
        QVERIFY(!p.isPlaying());
        p.togglePlay();
        QVERIFY(p.isPlaying());
        p.stepBack();
        QVERIFY(!p.isPlaying());
    }

    void speedIsClampedAndFasterAndSlowerWalkTheLadder()
    {
        Player p;
        QStringList log;
        for (int i = 0; i < 6; ++i) {
            p.faster();
            log << QString::number(p.speed());
        }
        for (int i = 0; i < 7; ++i) {
            p.slower();
            log << QString::number(p.speed());
        }
        QCOMPARE(log.join(QLatin1Char(' ')), QStringLiteral("2 4 8 8 8 8 4 2 1 0.5 0.25 0.25 0.25"));
        p.setSpeed(100.0);
        QCOMPARE(p.speed(), Player::kMaxSpeed);
        p.setSpeed(0.01);
        QCOMPARE(p.speed(), Player::kMinSpeed);
        p.setSpeed(3.0); // off the ladder: faster goes to the next rung up
        p.faster();
        QCOMPARE(p.speed(), 4.0);
    }

    void loadingANewTraceRewindsAndStops()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.seek(6);
        p.play();
        QSignalSpy changed(&p, &Player::traceChanged);
        p.setTrace(twoTaskRun().trace());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(p.position(), 0);
        QVERIFY(!p.isPlaying());
        p.setTrace(nullptr);
        QVERIFY(!p.hasTrace());
        QCOMPARE(p.length(), 0);
    }

    void stepsStayCheapOnAMillionEventTrace()
    {
        TraceBuilder b;
        for (int i = 0; i < 250'000; ++i)
            b.line(1 + i % 3, 1 + i % 40).readyPush(1, 1, {}).switchTo(1 + (i + 1) % 3, 1 + i % 3).clock(i * kMs);
        b.end();
        Player p;
        QElapsedTimer t;
        t.start();
        p.setTrace(b.trace());
        const qint64 indexMs = t.elapsed();
        p.setGranularity(Granularity::Switch);
        p.seek(500'001);
        t.restart();
        for (int i = 0; i < 10'000; ++i) {
            p.stepForward();
            p.stepBack();
        }
        const qint64 stepMs = t.elapsed();
        QCOMPARE(p.position(), 499'999);
        QVERIFY2(stepMs < 200, qPrintable(QStringLiteral("20000 steps took %1 ms").arg(stepMs)));
        qInfo("indexing 1,000,001 events: %lld ms; 20,000 switch steps: %lld ms", indexMs, stepMs);
    }
    void aBarrierStopsPlayStepAndRunToEndButNotASeek()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setGranularity(Granularity::Switch);
        p.setBarriers({6, 2});
        QCOMPARE(p.barriers(), (std::vector<std::size_t>{2, 6}));
        QSignalSpy reached(&p, &Player::barrierReached);
        QStringList log;
        p.stepForward(); // the next switch stop is 4: the barrier at 2 comes first
        log << QString::number(p.position());
        p.stepForward(); // starting on a barrier passes it
        log << QString::number(p.position());
        p.runToEnd();
        log << QString::number(p.position());
        p.play();
        p.advancePlayClock(1e6);
        log << QString::number(p.position());
        QCOMPARE(log.join(QLatin1Char(' ')), QStringLiteral("2 4 6 10"));
        QCOMPARE(reached.size(), 2);
        QCOMPARE(reached[1][0].toLongLong(), 6);
        QCOMPARE(int(p.lastMoveCause()), int(Player::MoveCause::Play));
        p.seek(0);
        p.seek(9); // jumps over both
        QCOMPARE(p.position(), 9);
        QCOMPARE(reached.size(), 2);
        p.removeBarrier(2);
        QCOMPARE(p.barriers(), std::vector<std::size_t>{6});
        p.setTrace(twoTaskRun().trace());
        QVERIFY(p.barriers().empty());
    }

    void playStopsAndPausesAtABarrier()
    {
        Player p;
        p.setTrace(twoTaskRun().trace());
        p.setBarriers({5});
        p.play();
        p.advancePlayClock(1e6);
        QCOMPARE(p.position(), 5);
        QVERIFY(!p.isPlaying());
    }

    void theStepIndexCountsStepsAndFindsALineOccurrenceAgain()
    {
        TraceBuilder b;
        b.line(1, 3).line(1, 4).line(1, 3).line(2, 3).line(1, 4).end();
        Player p;
        p.setTrace(b.trace());
        const StepIndex& index = p.index();
        QCOMPARE(index.stopsUpTo(Granularity::Line, 0), std::size_t(0));
        QCOMPARE(index.stopsUpTo(Granularity::Line, 3), std::size_t(3));
        QCOMPARE(index.stopsUpTo(Granularity::Event, 4), std::size_t(4));
        QVERIFY(index.lineOccurrenceAt(0) == StepIndex::LineOccurrence{});
        QVERIFY((index.lineOccurrenceAt(4) == StepIndex::LineOccurrence{3, 3}));
        QVERIFY((index.lineOccurrenceAt(5) == StepIndex::LineOccurrence{4, 2}));
        QCOMPARE(index.positionOfLine(3, 3), std::size_t(4));
        QCOMPARE(index.positionOfLine(4, 1), std::size_t(2));
        QCOMPARE(index.positionOfLine(4, 3), std::size_t(0));
    }

    void aStreamingTraceIsReadNoFurtherThanAnnounced()
    {
        auto trace = twoTaskRun().trace();
        Player q;
        q.setTrace(trace);
        q.traceAppended(3);
        QCOMPARE(q.length(), 10); // never shrinks below what it had
        Player r;
        auto growing = std::make_shared<Trace>();
        r.setTrace(growing);
        for (std::size_t i = 0; i < trace->size(); ++i)
            growing->append((*trace)[i]);
        r.traceAppended(4);
        QCOMPARE(r.length(), 4);
        QVERIFY(!r.isFinished());
        r.traceAppended();
        QCOMPARE(r.length(), 10);
        QVERIFY(r.isFinished());
    }
};

QTEST_GUILESS_MAIN(tst_Player)
#include "tst_player.moc"
