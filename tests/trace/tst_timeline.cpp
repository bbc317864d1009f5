#include "core/trace/Seeker.h"
#include "core/trace/Timeline.h"
#include "core/trace/Trace.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QtTest>

#include <limits>

using namespace coroscope;
using coroscope::testing::TraceBuilder;
using coroscope::testing::TraceSynth;

namespace {

constexpr Nanos kMs = 1000000;
constexpr std::int64_t kAll = std::numeric_limits<std::int64_t>::max();

/// "activity[:wait] begin-end[xMERGED] ..." in ms of virtual time or in events.
QString spansString(const std::vector<Span>& spans, TimelineAxis axis = TimelineAxis::Time)
{
    const bool time = axis == TimelineAxis::Time;
    std::string s;
    for (const Span& span : spans) {
        if (!s.empty())
            s += ' ';
        s += toString(span.activity);
        if (span.waitKind != WaitKind::None) {
            s += ':';
            s += toString(span.waitKind);
        }
        s += ' ';
        s += std::to_string(time ? span.begin / kMs : span.beginEvent);
        s += '-';
        s += std::to_string(time ? span.end / kMs : span.endEvent);
        if (span.merged > 1)
            s += 'x' + std::to_string(span.merged);
    }
    return QString::fromStdString(s);
}

struct Folded {
    Trace trace;
    Model model;
    Timeline timeline;
    void fold() { model.applyUntil(trace, trace.size(), &timeline); }
    QString lane(TaskId id, std::int64_t from = std::numeric_limits<std::int64_t>::min(), std::int64_t to = kAll,
                 std::int64_t min = 0, TimelineAxis axis = TimelineAxis::Time)
    {
        std::vector<Span> spans;
        timeline.query(id, from, to, min, axis, spans, &model);
        return spansString(spans, axis);
    }
};

} // namespace

class tst_Timeline : public QObject {
    Q_OBJECT
private slots:
    void eachTaskGetsContiguousSegmentsForItsStates()
    {
        Folded f;
        TraceBuilder b(f.trace);
        b.created(2, TaskKind::CoroutineTask, 0, 1, "a").state(2, TaskState::Ready);
        b.created(3, TaskKind::CoroutineTask, 0, 1, "b").state(3, TaskState::Ready);
        b.clock(1 * kMs).state(2, TaskState::Running).state(2, TaskState::Waiting, WaitKind::Timer, 1);
        b.state(3, TaskState::Running).state(3, TaskState::Waiting, WaitKind::Future, 9);
        b.clock(5 * kMs).state(2, TaskState::Ready).clock(6 * kMs).state(2, TaskState::Running);
        b.state(2, TaskState::Done).state(3, TaskState::Ready).clock(8 * kMs);
        f.fold();
        QCOMPARE(f.lane(2), QStringLiteral("ready 0-1 running 1-1 waiting:timer 1-5 ready 5-6 running 6-6"));
        QCOMPARE(f.lane(3), QStringLiteral("ready 0-1 running 1-1 waiting:future 1-6 ready 6-8"));
        QCOMPARE(f.lane(0), QStringLiteral("idle 0-1 idle 1-5 idle 5-6 idle 6-8"));
        QCOMPARE(f.timeline.segmentCount(2), std::size_t(5));
        QCOMPARE(f.timeline.segmentCount(3), std::size_t(3)); // the open "ready" comes from the Model
        QCOMPARE(f.timeline.segment(3, 2).target, 9u);
    }

    void aBlockingCallSplitsTheRunningSegment()
    {
        Folded f;
        TraceBuilder b(f.trace);
        b.created(2, TaskKind::CoroutineTask, 0, 1, "a").switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running);
        b.clock(3 * kMs, ClockWhy::Blocking).clock(4 * kMs, ClockWhy::Blocking);
        b.state(2, TaskState::Waiting, WaitKind::Io, 1).switchTo(0, 2, SwitchWhy::Await);
        b.clock(9 * kMs, ClockWhy::Blocking); // nobody runs: the loop itself is blocked
        f.fold();
        QCOMPARE(f.lane(2), QStringLiteral("running 0-0 blocked 0-3 running 3-3 blocked 3-4 running 4-4 waiting:io 4-9"));
        QCOMPARE(f.lane(0), QStringLiteral("blocked 4-9"));
    }

    void aRangeQueryReturnsOnlyOverlappingSegments()
    {
        Folded f;
        TraceBuilder b(f.trace);
        b.created(2, TaskKind::CoroutineTask, 0, 1, "a");
        for (int i = 0; i < 10; ++i) {
            b.state(2, i % 2 ? TaskState::Ready : TaskState::Waiting, WaitKind::None);
            b.clock((i + 1) * 10 * kMs);
        }
        f.fold();
        QCOMPARE(f.lane(2, 25 * kMs, 41 * kMs), QStringLiteral("waiting 20-30 ready 30-40 waiting 40-50"));
        QCOMPARE(f.lane(2, 30 * kMs, 30 * kMs), QStringLiteral("waiting 20-30 ready 30-40"));
        QCOMPARE(f.lane(2, 95 * kMs, kAll), QStringLiteral("ready 90-100"));
        QCOMPARE(f.lane(2, 200 * kMs, 300 * kMs), QString());
        QCOMPARE(f.lane(7), QString());
    }

    void shortSegmentsMergeIntoSpansOfAboutTheMinimumLength()
    {
        Timeline t;
        // 1000 cycles of running 1 ns + waiting 3 ns, then one long ready.
        Nanos now = 0;
        std::uint32_t ev = 0;
        for (int i = 0; i < 1000; ++i) {
            t.onInterval(Interval{5, Activity::Running, WaitKind::None, 0, now, now + 1, ev, ev + 1});
            t.onInterval(Interval{5, Activity::Waiting, WaitKind::Timer, 1, now + 1, now + 4, ev + 1, ev + 2});
            now += 4;
            ev += 2;
        }
        t.onInterval(Interval{5, Activity::Ready, WaitKind::None, 0, now, now + 500, ev, ev + 1});
        std::vector<Span> spans;
        t.query(5, 0, kAll, 100, TimelineAxis::Time, spans);
        QVERIFY2(spans.size() <= 2 * 4000 / 100 + 3, std::to_string(spans.size()).c_str());
        QVERIFY(spans.size() >= 4000 / 100);
        std::uint32_t covered = 0;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            covered += spans[i].merged;
            if (i > 0)
                QCOMPARE(spans[i].begin, spans[i - 1].end); // no gaps, no overlaps
        }
        QCOMPARE(covered, 2001u);
        QCOMPARE(spans.front().begin, Nanos(0));
        QVERIFY(spans.front().merged > 1);
        QVERIFY(spans.front().activity == Activity::Waiting); // 3 of every 4 ns
        QVERIFY(spans.back().activity == Activity::Ready);
        QCOMPARE(spans.back().merged, 1u);
        QCOMPARE(spans.back().end, now + 500);

        // On the event axis running and waiting tie in length; zero-length
        // time segments would still be counted.
        spans.clear();
        t.query(5, 0, kAll, 50, TimelineAxis::Events, spans);
        QVERIFY(spans.size() <= 2 * 2001 / 50 + 3);
        QCOMPARE(spans.back().endEvent, ev + 1);
    }

    void mergedSpansStandForExactlyTheSegmentsOfASynthesizedRun()
    {
        Trace trace;
        TraceSynth(trace, {80000, 12, 21}).run();
        Seeker seeker(trace);
        seeker.update();
        const Model& head = seeker.head();
        const Nanos end = head.now();
        QVERIFY(end > 100 * kMs);
        std::size_t lanes = 0;
        for (const TaskId lane : seeker.timeline().lanes()) {
            const std::vector<Span> exact = seeker.segments(lane, 0, end, 0);
            const std::vector<Span> coarse = seeker.segments(lane, 0, end, end / 200);
            if (exact.empty())
                continue;
            ++lanes;
            std::uint32_t merged = 0;
            for (const Span& s : coarse)
                merged += s.merged;
            QCOMPARE(std::size_t(merged), exact.size());
            QCOMPARE(coarse.front().begin, exact.front().begin);
            QCOMPARE(coarse.back().end, exact.back().end);
            QVERIFY(coarse.size() <= 3 * 200 + 3);
        }
        QVERIFY(lanes > 20);
    }

    void theEventAxisMeasuresSegmentsInEvents()
    {
        Folded f;
        TraceBuilder b(f.trace);
        b.created(2, TaskKind::CoroutineTask, 0, 1, "a").state(2, TaskState::Ready); // 0 1
        b.line(2, 1).line(2, 2).state(2, TaskState::Running);                          // 2 3 4
        b.line(2, 3).state(2, TaskState::Done);                                        // 5 6
        f.fold();
        QCOMPARE(f.lane(2, 0, kAll, 0, TimelineAxis::Events), QStringLiteral("ready 1-4 running 4-6"));
        QCOMPARE(f.lane(2, 5, 5, 0, TimelineAxis::Events), QStringLiteral("running 4-6"));
    }
};

QTEST_APPLESS_MAIN(tst_Timeline)
#include "tst_timeline.moc"
