// WhatIfDiff over two real runs: the lessons' what-ifs change what the
// tasks do on virtual time, when the run ends and what it prints; two runs
// of the same program differ in nothing.

#include "app/gui/whatif/WhatIfDiff.h"
#include "app/gui/whatif/WhatIfRunner.h"
#include "app/gui/views/ViewText.h"
#include "core/trace/Trace.h"
#include "trace/TraceBuilder.h"
#include "lessons/loader/LessonLibrary.h"

#include <QTest>

using namespace coroscope;

namespace {

constexpr Nanos kSecond = 1'000'000'000;

/// Runs a lesson program and one of its what-ifs and returns the runner, done.
struct Compared {
    std::unique_ptr<WhatIfRunner> runner;
    bool ok = false;
};

Compared compare(const lessons::Lesson& lesson, const QString& whatIfId)
{
    Compared c;
    c.runner = std::make_unique<WhatIfRunner>();
    const lessons::WhatIf* variant = lesson.whatIf(whatIfId);
    if (!variant)
        return c;
    const std::optional<lessons::RunSpec> spec = lesson.runSpec(*variant);
    if (!spec)
        return c;
    c.runner->start(lesson.runSpec(variant->program), *spec);
    c.ok = c.runner->waitForFinished(60000);
    return c;
}

/// "running", or where the moment falls outside the lane's stretches.
QString activityName(const LaneActivity& a)
{
    switch (a.presence) {
    case LanePresence::Missing: return QStringLiteral("missing");
    case LanePresence::NotStarted: return QStringLiteral("not-started");
    case LanePresence::Gap: return QStringLiteral("gap");
    case LanePresence::Finished: return QStringLiteral("finished");
    case LanePresence::Present: break;
    }
    return QString::fromLatin1(toString(a.activity).data(), qsizetype(toString(a.activity).size()));
}

/// "waiting(timer)->blocked" style names of the kinds that changed, sorted.
QString kindChangeNames(const WhatIfDiff& diff)
{
    auto name = [](const LaneActivity& a) {
        QString s = activityName(a);
        if (a.present() && a.activity == Activity::Waiting)
            s += QStringLiteral("(%1)").arg(QString::fromLatin1(toString(a.waitKind).data()));
        return s;
    };
    QStringList names;
    for (const KindChange& k : diff.kindChanges())
        names << name(k.original) + QStringLiteral("->") + name(k.variant);
    names.sort();
    return names.join(QLatin1Char(' '));
}

/// How one lane's changes read: "0-2 waiting(timer)->blocked, ..." in seconds.
QString laneChanges(const LaneDiff& lane)
{
    QStringList parts;
    for (const LaneChange& c : lane.changes) {
        parts << QStringLiteral("%1-%2 %3->%4")
                     .arg(double(c.begin) / kSecond)
                     .arg(double(c.end) / kSecond)
                     .arg(activityName(c.original), activityName(c.variant));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

class tst_WhatIfDiff : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_library.loadBundled();
        QVERIFY(m_library.find(QStringLiteral("async-await")));
    }

    void theBlockingSleepWhatIfMovesTheEndAndTurnsSuspendedIntoBlocked()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        const Compared c = compare(*lesson, QStringLiteral("blocking-sleep"));
        QVERIFY(c.ok);
        const WhatIfDiff& diff = c.runner->diff();
        const RunDigest& original = c.runner->digest(WhatIfRunner::Side::Original);
        const RunDigest& variant = c.runner->digest(WhatIfRunner::Side::Variant);
        // The diff reports the ends the runs themselves reached.
        QCOMPARE(diff.originalEnd(), original.endTime());
        QCOMPARE(diff.variantEnd(), variant.endTime());
        // Two awaited sleeps of 2 s overlap; two blocking ones add up.
        QCOMPARE(diff.originalEnd(), 2 * kSecond);
        QCOMPARE(diff.variantEnd(), 4 * kSecond);
        QCOMPARE(diff.endDelta(), 2 * kSecond);
        QVERIFY(!diff.isEmpty());

        // Each coroutine waited at its await (its frame suspended, its Task
        // waiting on the timer); now the coroutine blocks the thread inside
        // time.sleep while its Task holds the thread, and the other Task waits
        // in the ready queue.
        const QString kinds = kindChangeNames(diff);
        QVERIFY2(kinds.contains(QStringLiteral("suspended->blocked")), qPrintable(kinds));
        QVERIFY2(kinds.contains(QStringLiteral("waiting(timer)->running")), qPrintable(kinds));
        QVERIFY2(kinds.contains(QStringLiteral("waiting(timer)->ready")), qPrintable(kinds));
        int blockedLanes = 0;
        for (const LaneDiff& lane : diff.lanes()) {
            const bool suspended = lane.originalSpent[std::size_t(Activity::Suspended)] == 2 * kSecond;
            const bool blocked = lane.variantSpent[std::size_t(Activity::Blocked)] == 2 * kSecond;
            if (suspended && blocked) {
                ++blockedLanes;
                QVERIFY2(lane.differs(), qPrintable(lane.key));
                QVERIFY2(!lane.changes.empty(), qPrintable(lane.key));
            }
        }
        QCOMPARE(blockedLanes, 2);

        // 1 3 2 4 became 1 2 3 4 (stdout; stderr holds the same implicit-loop warning in both).
        QStringList o, v;
        for (const DigestLine& line : original.output())
            if (line.stream == Stream::Stdout) o << line.text;
        for (const DigestLine& line : variant.output())
            if (line.stream == Stream::Stdout) v << line.text;
        QCOMPARE(o.join(QLatin1Char(' ')), QStringLiteral("1 3 2 4"));
        QCOMPARE(v.join(QLatin1Char(' ')), QStringLiteral("1 2 3 4"));
        QCOMPARE(diff.changedOutputLines(), 2);
        QString sides;
        for (const OutputDiffLine& line : diff.output())
            sides += (line.side == OutputDiffLine::Side::Both ? QStringLiteral("=") :
                      line.side == OutputDiffLine::Side::Original ? QStringLiteral("-") : QStringLiteral("+"))
                     + line.text.left(12) + QLatin1Char('|');
        QCOMPARE(sides, QStringLiteral("=main.py:18: |=  asyncio.en|=1|-3|=2|+3|=4|"));
    }

    void theSecondTaskIsReadyWhileTheFirstBlocksAndRunsAfterIt()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        const Compared c = compare(*lesson, QStringLiteral("blocking-sleep"));
        QVERIFY(c.ok);
        // Task-2 waits in the ready queue while Task-1's time.sleep holds
        // the loop, then holds the thread itself for the next 2 s.
        const RunDigest& variant = c.runner->digest(WhatIfRunner::Side::Variant);
        const DigestLane* second = nullptr;
        int readyTasks = 0;
        for (const DigestLane& lane : variant.lanes()) {
            if (lane.kind == TaskKind::CoroutineTask && lane.spent[std::size_t(Activity::Ready)] == 2 * kSecond) {
                second = &lane;
                ++readyTasks;
            }
        }
        QCOMPARE(readyTasks, 1);
        QVERIFY(second->name.startsWith(QStringLiteral("Task-")));
        const LaneActivity atOne = WhatIfDiff::activityAt(*second, kSecond);
        QVERIFY(atOne.present());
        QCOMPARE(int(atOne.activity), int(Activity::Ready));
        const LaneActivity atThree = WhatIfDiff::activityAt(*second, 3 * kSecond);
        QCOMPARE(int(atThree.activity), int(Activity::Running));
        QCOMPARE(int(WhatIfDiff::activityAt(*second, 5 * kSecond).presence), int(LanePresence::Finished));
        const LaneDiff* lane = c.runner->diff().lane(second->key);
        QVERIFY(lane);
        QCOMPARE(laneChanges(*lane), QStringLiteral("0-2 waiting->ready, 2-4 finished->running"));
    }

    void addingTheForgottenAwaitMakesMainWaitAndReordersTheOutput()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("common-mistakes"));
        QVERIFY(lesson);
        const Compared c = compare(*lesson, QStringLiteral("await-it"));
        QVERIFY(c.ok);
        const WhatIfDiff& diff = c.runner->diff();
        QCOMPARE(diff.originalEnd(), c.runner->digest(WhatIfRunner::Side::Original).endTime());
        QVERIFY2(diff.variantEnd() > diff.originalEnd(),
                 qPrintable(ViewText::time(diff.originalEnd()) + QStringLiteral(" -> ") + ViewText::time(diff.variantEnd())));
        QVERIFY(diff.changedOutputLines() > 0);
        QVERIFY2(kindChangeNames(diff).contains(QStringLiteral("waiting(timer)")), qPrintable(kindChangeNames(diff)));
    }

    void aSlowerHostInTheWorldMovesTheEndOfTheAsyncDownloads()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("why-coroutines"));
        QVERIFY(lesson);
        const Compared c = compare(*lesson, QStringLiteral("slow-first"));
        QVERIFY(c.ok);
        QCOMPARE(int(c.runner->runResult(WhatIfRunner::Side::Original).outcome), int(RunOutcome::Ok));
        QCOMPARE(int(c.runner->runResult(WhatIfRunner::Side::Variant).outcome), int(RunOutcome::Ok));
        const WhatIfDiff& diff = c.runner->diff();
        // The world the what-if merges in makes one image take 5 s: the
        // downloads overlap, so the run now lasts as long as that one.
        QCOMPARE(diff.variantEnd(), 5 * kSecond);
        QVERIFY(diff.endDelta() > 0);
        QVERIFY2(kindChangeNames(diff).contains(QStringLiteral("finished->waiting")), qPrintable(kindChangeNames(diff)));
    }

    void runningTheSameProgramTwiceGivesAnEmptyDiff()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        WhatIfRunner runner;
        runner.start(lesson->runSpec(0), lesson->runSpec(0));
        QVERIFY(runner.waitForFinished(60000));
        const WhatIfDiff& diff = runner.diff();
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.changedLanes(), 0);
        QCOMPARE(diff.changedOutputLines(), 0);
        QCOMPARE(diff.endDelta(), Nanos(0));
        QVERIFY(diff.kindChanges().empty());
        QCOMPARE(diff.lanes().size(), runner.digest(WhatIfRunner::Side::Original).lanes().size());
    }

    void theUvloopWhatIfKeepsTheOutputAndTheEnd()
    {
        // uvloop is the same loop, faster: what the program prints and when
        // it ends do not change (how much of it is recorded may).
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        const Compared c = compare(*lesson, QStringLiteral("uvloop"));
        QVERIFY(c.ok);
        QVERIFY(c.runner->spec(WhatIfRunner::Side::Variant).uvloop);
        QCOMPARE(c.runner->diff().changedOutputLines(), 0);
        QCOMPARE(c.runner->diff().endDelta(), Nanos(0));
        // 1 3 2 4 on stdout after the two lines of the implicit-loop DeprecationWarning.
        QCOMPARE(c.runner->digest(WhatIfRunner::Side::Variant).output().size(), 6);
    }

    void aTaskOnlyOneRunHasIsALaneThatDiffers()
    {
        // Without create_task the two funcs run inside main: their Task lanes vanish.
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("task"));
        QVERIFY(lesson);
        const Compared c = compare(*lesson, QStringLiteral("await-directly"));
        QVERIFY(c.ok);
        const WhatIfDiff& diff = c.runner->diff();
        int onlyOriginal = 0;
        for (const LaneDiff& lane : diff.lanes()) {
            if (lane.inOriginal && !lane.inVariant) {
                ++onlyOriginal;
                QVERIFY(lane.differs());
            }
        }
        QCOMPARE(onlyOriginal, 2);
        QCOMPARE(diff.endDelta(), c.runner->digest(WhatIfRunner::Side::Variant).endTime()
                                      - c.runner->digest(WhatIfRunner::Side::Original).endTime());
        QVERIFY(diff.endDelta() > 0);
    }

    void outputLinesAreComparedAsACommonSubsequence()
    {
        // "a b c d" against "a c x d" written in pieces: b only in the
        // original, x only in the variant, the rest in both.
        testing::TraceBuilder original;
        original.output(0, "a\nb").output(0, "\nc\n").output(0, "d\n").end();
        testing::TraceBuilder variant;
        variant.output(0, "a\nc\nx\n").output(0, "d").end();
        const WhatIfDiff diff = WhatIfDiff::compute(RunDigest::fromTrace(*original.trace()),
                                                    RunDigest::fromTrace(*variant.trace()));
        QString sides;
        for (const OutputDiffLine& line : diff.output())
            sides += (line.side == OutputDiffLine::Side::Both ? QStringLiteral("=") :
                      line.side == OutputDiffLine::Side::Original ? QStringLiteral("-") : QStringLiteral("+"))
                     + line.text + QLatin1Char(' ');
        QCOMPARE(sides.trimmed(), QStringLiteral("=a -b =c +x =d"));
        QCOMPARE(diff.changedOutputLines(), 2);
        QCOMPARE(diff.originalLineDiffers(), (std::vector<bool>{false, true, false, false}));
        QCOMPARE(diff.variantLineDiffers(), (std::vector<bool>{false, false, true, false}));
        QVERIFY(!diff.isEmpty());
    }

    void twoEmptyRunsDoNotDiffer()
    {
        const WhatIfDiff diff = WhatIfDiff::compute(RunDigest(), RunDigest());
        QVERIFY(diff.isEmpty());
        QVERIFY(diff.output().empty());
        QCOMPARE(diff.stops(), std::vector<Nanos>{0});
    }

    void stopsAreTheBoundariesOfEveryChange()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        const Compared c = compare(*lesson, QStringLiteral("blocking-sleep"));
        QVERIFY(c.ok);
        const std::vector<Nanos> stops = c.runner->diff().stops();
        QVERIFY(std::is_sorted(stops.begin(), stops.end()));
        QCOMPARE(stops.front(), Nanos(0));
        QCOMPARE(stops.back(), 4 * kSecond);
        QVERIFY(std::find(stops.begin(), stops.end(), 2 * kSecond) != stops.end());
    }

private:
    lessons::LessonLibrary m_library;
};

QTEST_GUILESS_MAIN(tst_WhatIfDiff)
#include "tst_whatifdiff.moc"
