// ViewFeed: the playhead moves every view at once, from the state they were
// showing; one clock animates them all and stops; selection is shared; the
// timeline's clicks come back out as seek requests.

#include "app/gui/run/PlayheadModel.h"
#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/InspectorView.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/TimelineView.h"
#include "app/gui/views/ViewFeed.h"
#include "core/trace/Seeker.h"
#include "trace/TraceSynth.h"

#include <QSignalSpy>
#include <QTest>

using namespace coroscope;
using coroscope::testing::TraceSynth;

class tst_ViewFeed : public QObject {
    Q_OBJECT
private slots:
    void followingThePlayheadShowsTheModelThereFromTheOneBefore()
    {
        Trace trace;
        TraceSynth(trace, {3000, 5, 2}).run();
        ViewFeed feed;
        LoopView loop;
        feed.addView(&loop);
        feed.setTrace(&trace);
        feed.follow(100);
        feed.follow(140);
        QCOMPARE(loop.model().position(), std::size_t(140));
        QCOMPARE(loop.previousModel().position(), std::size_t(100));
        QVERIFY(loop.model() == Model::fold(trace, 140));
        QVERIFY(feed.clock()->isRunning());
        QCOMPARE(loop.clock(), feed.clock());
        feed.clock()->finish();
        QVERIFY(!feed.clock()->isRunning());
    }

    void steppingBackThroughTheFeedRestoresTheSceneExactly()
    {
        Trace trace;
        TraceSynth(trace, {5000, 8, 4}).run();
        ViewFeed feed;
        LoopView loop;
        feed.addView(&loop);
        feed.setTrace(&trace);
        feed.follow(2500);
        feed.clock()->finish();
        const Scene at = loop.sceneAt(QSizeF(1400, 900));
        feed.follow(2501);
        feed.follow(2500);
        feed.clock()->finish();
        QVERIFY(loop.sceneAt(QSizeF(1400, 900)) == at);
    }

    void selectingATaskInOneViewSelectsItEverywhere()
    {
        Trace trace;
        TraceSynth(trace, {2000, 4, 9}).run();
        ViewFeed feed;
        LoopView loop;
        InspectorView inspector;
        TimelineView timeline;
        feed.addView(&loop);
        feed.addView(&inspector);
        feed.setTimeline(&timeline);
        feed.setTrace(&trace);
        feed.follow(800);
        QSignalSpy selected(&feed, &ViewFeed::taskSelected);
        emit loop.taskSelected(3);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(inspector.selectedTask(), TaskId(3));
        QCOMPARE(loop.selectedTask(), TaskId(3));
        QVERIFY(timeline.layoutFor(QSizeF(1200, 600)).lanes.size() > 3);
        bool marked = false;
        for (const auto& lane : timeline.layoutFor(QSizeF(1200, 600)).lanes)
            marked = marked || (lane.task == 3 && lane.selected);
        QVERIFY(marked);
    }

    void timelineClicksBecomeSeekRequests()
    {
        Trace trace;
        TraceSynth(trace, {2000, 4, 9}).run();
        ViewFeed feed;
        TimelineView timeline;
        timeline.resize(1000, 300);
        feed.setTimeline(&timeline);
        feed.setTrace(&trace);
        timeline.setAxisMode(TimelineView::AxisMode::Events);
        QSignalSpy seek(&feed, &ViewFeed::seekRequested);
        const TimelineLayout l = timeline.layoutFor(QSizeF(timeline.size()));
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, QPoint(qRound(l.xOf(1000)), qRound(l.plot.center().y())));
        QCOMPARE(seek.count(), 1);
        const qint64 p = seek.at(0).at(0).toLongLong();
        QVERIFY2(std::abs(p - 1000) <= 2, qPrintable(QString::number(p)));
        feed.follow(p);
        QCOMPARE(timeline.playheadPosition(), std::size_t(p));
    }

    void aNewTraceRewindsEveryView()
    {
        Trace first;
        TraceSynth(first, {1000, 3, 1}).run();
        Trace second;
        TraceSynth(second, {1500, 3, 2}).run();
        ViewFeed feed;
        LoopView loop;
        feed.addView(&loop);
        feed.setTrace(&first);
        feed.follow(900);
        feed.setTrace(&second);
        QCOMPARE(loop.trace(), &second);
        QCOMPARE(loop.model().position(), std::size_t(0));
        feed.follow(1400);
        QCOMPARE(loop.model().position(), std::size_t(1400));
        feed.setTrace(nullptr);
        QVERIFY(!loop.hasModel());
    }

    void aSharedTraceStaysAliveWhileTheFeedShowsIt()
    {
        auto trace = std::make_shared<Trace>();
        TraceSynth(*trace, {1000, 3, 1}).run();
        std::weak_ptr<const Trace> watch = trace;
        ViewFeed feed;
        LoopView loop;
        feed.addView(&loop);
        feed.setSharedTrace(std::move(trace));
        QVERIFY(!watch.expired());
        feed.follow(500);
        QCOMPARE(loop.model().position(), std::size_t(500));
        feed.setSharedTrace(nullptr);
        QVERIFY(watch.expired());
        QVERIFY(!loop.hasModel());
    }

    void aFeedOnThePlayheadModelSharesItsSeekerAndFollowsItsSeeks()
    {
        auto trace = std::make_shared<Trace>();
        TraceSynth(*trace, {3000, 5, 2}).run();
        PlayheadModel playhead;
        ViewFeed feed(&playhead);
        LoopView loop;
        TimelineView timeline;
        feed.addView(&loop);
        feed.setTimeline(&timeline);
        playhead.setTrace(trace);
        playhead.traceAppended();
        // One index over the run: the feed's, the timeline's and the panes' are the same object.
        QVERIFY(playhead.seeker());
        QCOMPARE(feed.seeker(), playhead.seeker());
        QCOMPARE(feed.trace(), trace.get());
        // The panes' seek moves the views, animating from where they were.
        playhead.seek(1200);
        QCOMPARE(loop.model().position(), std::size_t(1200));
        QCOMPARE(loop.previousModel().position(), std::size_t(0));
        QCOMPARE(timeline.playheadPosition(), std::size_t(1200));
        QVERIFY(feed.clock()->isRunning());
        // The feed's own seek goes through the playhead: there is one position.
        feed.follow(1300);
        QCOMPARE(playhead.position(), qint64(1300));
        QVERIFY(loop.model() == Model::fold(*trace, 1300));
        QCOMPARE(loop.previousModel().position(), std::size_t(1200));
        // A new run rewinds the views and drops the old index.
        auto next = std::make_shared<Trace>();
        TraceSynth(*next, {800, 3, 4}).run();
        playhead.setTrace(next);
        QCOMPARE(loop.trace(), next.get());
        QCOMPARE(loop.model().position(), std::size_t(0));
        QCOMPARE(feed.seeker(), playhead.seeker());
    }
};

QTEST_MAIN(tst_ViewFeed)
#include "tst_viewfeed.moc"
