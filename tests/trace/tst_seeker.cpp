#include "core/trace/Seeker.h"
#include "core/trace/Trace.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QtTest>

#include <algorithm>
#include <random>

using namespace coroscope;
using coroscope::testing::TraceBuilder;
using coroscope::testing::TraceSynth;

namespace {

constexpr Nanos kMs = 1000000;

/// Reference Models at the given positions, from one forward fold (Model
/// copies share storage, so keeping many is cheap).
std::vector<Model> referenceModels(const Trace& trace, std::vector<std::size_t> positions)
{
    std::sort(positions.begin(), positions.end());
    std::vector<Model> out;
    Model m;
    for (const std::size_t p : positions) {
        m.applyUntil(trace, p);
        out.push_back(m);
    }
    return out;
}

/// A small run: lines of two tasks interleaved by switches, one clock jump.
void buildSteps(TraceBuilder& b)
{
    b.created(1, TaskKind::Main, 0, 1, "main");             // 0
    b.switchTo(1, 0, SwitchWhy::Start);                      // 1
    b.line(1, 1);                                            // 2
    b.line(1, 2);                                            // 3
    b.output(1, "a\n");                                      // 4
    b.switchTo(0, 1, SwitchWhy::Await);                      // 5
    b.clock(10 * kMs);                                       // 6
    b.created(2, TaskKind::CoroutineTask, 1, 7, "t");        // 7
    b.switchTo(2, 0, SwitchWhy::Start);                      // 8
    b.line(2, 7);                                            // 9
    b.clock(30 * kMs, ClockWhy::Blocking);                   // 10
    b.line(2, 8);                                            // 11
    b.switchTo(0, 2, SwitchWhy::Return);                     // 12
}

QString positions(const Seeker& s, std::size_t from, Granularity g, bool forward)
{
    std::string out;
    std::size_t p = from;
    for (int i = 0; i < 20; ++i) {
        const std::size_t next = forward ? s.stepForward(p, g) : s.stepBackward(p, g);
        if (!out.empty())
            out += ' ';
        out += std::to_string(next);
        if (next == p)
            break;
        p = next;
    }
    return QString::fromStdString(out);
}

} // namespace

class tst_Seeker : public QObject {
    Q_OBJECT
private slots:
    void seekEqualsFoldingFromScratchForRandomPositionsBothWays()
    {
        Trace trace;
        TraceSynth(trace, {100000, 16, 11}).run();
        Seeker seeker(trace);
        QCOMPARE(seeker.update(), trace.size());

        std::mt19937 rng(42);
        std::vector<std::size_t> targets;
        for (int i = 0; i < 300; ++i)
            targets.push_back(rng() % (trace.size() + 1));
        // Short hops both ways, across checkpoint boundaries and to the ends.
        const std::size_t k = seeker.interval();
        for (const std::size_t p : {k - 1, k, k + 1, std::size_t(1), std::size_t(0), k * 3 + 5, k * 3 + 4, k * 3 + 6,
                                    trace.size(), trace.size() - 1, std::size_t(0)})
            targets.push_back(p);
        const std::vector<Model> refs = referenceModels(trace, targets);
        std::vector<std::size_t> sorted = targets;
        std::sort(sorted.begin(), sorted.end());

        for (const std::size_t p : targets) {
            const Model& ref = refs[std::size_t(std::lower_bound(sorted.begin(), sorted.end(), p) - sorted.begin())];
            const Model& got = seeker.seek(p);
            QCOMPARE(got.position(), p);
            if (!(got == ref))
                QCOMPARE(QString::fromStdString(got.describe(trace)), QString::fromStdString(ref.describe(trace)));
        }
        // The canonical description agrees as well (a second, independent comparison).
        for (const std::size_t p : {std::size_t(77777), std::size_t(5), std::size_t(50001)})
            QCOMPARE(QString::fromStdString(seeker.seek(p).describe(trace)),
                     QString::fromStdString(Model::fold(trace, p).describe(trace)));
        QCOMPARE(seeker.checkpointCount(), trace.size() / k + 1);
    }

    void stepwiseBackwardSeeksMatchForwardFolding()
    {
        Trace trace;
        TraceSynth(trace, {12000, 6, 5}).run();
        Seeker seeker(trace, 1000);
        seeker.update();
        std::vector<std::size_t> all(trace.size() + 1);
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = i;
        const std::vector<Model> refs = referenceModels(trace, all);
        for (std::size_t p = trace.size() + 1; p-- > 0;)
            QVERIFY2(seeker.seek(p) == refs[p], std::to_string(p).c_str());
    }

    void seekingWhileTheTraceGrowsIndexesOnlyWhatExists()
    {
        Trace full;
        TraceSynth(full, {30000, 8, 9}).run();
        Trace growing;
        Seeker seeker(growing, 512);
        QCOMPARE(seeker.seek(100).position(), std::size_t(0));
        for (std::size_t i = 0; i < full.size(); ++i) {
            Event e = full[i];
            growing.append(e);
            if (i % 4999 == 0 || i + 1 == full.size()) {
                // The text stays in `full`: the Model keeps StrRefs and never reads text.
                const std::size_t want = (i * 7919) % (i + 2);
                QCOMPARE(seeker.seek(want).position(), std::min(want, i + 1));
                QVERIFY(seeker.current() == Model::fold(growing, std::min(want, i + 1)));
            }
        }
        QCOMPARE(seeker.update(), full.size());
        QVERIFY(seeker.seek(full.size()) == seeker.head());
        QCOMPARE(seeker.checkpointCount(), full.size() / 512 + 1);
    }

    void stepsMoveOverEventsLinesOrSwitches()
    {
        Trace trace;
        TraceBuilder b(trace);
        buildSteps(b);
        Seeker s(trace);
        s.update();
        QCOMPARE(positions(s, 0, Granularity::Line, true), QStringLiteral("3 4 10 12 13 13"));
        QCOMPARE(positions(s, 0, Granularity::Switch, true), QStringLiteral("2 6 9 13 13"));
        QCOMPARE(positions(s, 10, Granularity::Event, true), QStringLiteral("11 12 13 13"));
        QCOMPARE(positions(s, 13, Granularity::Line, false), QStringLiteral("12 10 4 3 0 0"));
        QCOMPARE(positions(s, 13, Granularity::Switch, false), QStringLiteral("9 6 2 0 0"));
        QCOMPARE(positions(s, 3, Granularity::Event, false), QStringLiteral("2 1 0 0"));
        QCOMPARE(s.nextMatch(4, Granularity::Line), std::size_t(9));
        QCOMPARE(s.nextMatch(12, Granularity::Line), Seeker::npos);
        QCOMPARE(s.previousMatch(9, Granularity::Line), std::size_t(3));
        QCOMPARE(s.previousMatch(2, Granularity::Line), Seeker::npos);
        QCOMPARE(s.nextMatch(13, Granularity::Event), Seeker::npos);
    }

    void timeLookupFindsTheEventThatReachesTheTime()
    {
        Trace trace;
        TraceBuilder b(trace);
        buildSteps(b);
        Seeker s(trace);
        QCOMPARE(s.firstIndexAtTime(0), Seeker::npos); // nothing indexed yet
        s.update();
        QCOMPARE(s.firstIndexAtTime(0), std::size_t(0));
        QCOMPARE(s.firstIndexAtTime(-5), std::size_t(0));
        QCOMPARE(s.firstIndexAtTime(1), std::size_t(6));
        QCOMPARE(s.firstIndexAtTime(10 * kMs), std::size_t(6));
        QCOMPARE(s.firstIndexAtTime(10 * kMs + 1), std::size_t(10));
        QCOMPARE(s.firstIndexAtTime(30 * kMs), std::size_t(10));
        QCOMPARE(s.firstIndexAtTime(30 * kMs + 1), Seeker::npos);
        QCOMPARE(s.seek(s.firstIndexAtTime(20 * kMs) + 1).now(), 30 * kMs);
    }

    void segmentsOfATaskIncludeTheStateItIsInAtTheHead()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(2, TaskKind::CoroutineTask, 0, 1, "t").readyPush(1, 2, "s").state(2, TaskState::Ready);
        b.clock(4 * kMs).readyPop(1, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running);
        b.state(2, TaskState::Waiting, WaitKind::Timer, 3).switchTo(0, 2, SwitchWhy::Await).clock(9 * kMs);
        Seeker s(trace);
        s.update();
        std::string log;
        for (const Span& span : s.segments(2, 0, 100 * kMs, 0)) {
            log += std::string(toString(span.activity)) + ' ' + std::to_string(span.begin / kMs) + '-'
                + std::to_string(span.end / kMs) + ' ';
        }
        QCOMPARE(QString::fromStdString(log), QStringLiteral("ready 0-4 running 4-4 waiting 4-9 "));
        const std::vector<Span> waiting = s.segments(2, 5 * kMs, 6 * kMs, 0);
        QCOMPARE(waiting.size(), std::size_t(1));
        QVERIFY(waiting[0].waitKind == WaitKind::Timer);
        QCOMPARE(waiting[0].target, 3u);
        QCOMPARE(waiting[0].beginEvent, 7u);
        QCOMPARE(waiting[0].endEvent, std::uint32_t(trace.size()));
    }

    void checkpointsShareStorageAndStayBounded()
    {
        Trace trace;
        TraceSynth(trace, {200000, 24, 13}).run();
        Seeker s(trace);
        s.update();
        const std::size_t perCheckpoint = s.checkpointBytes() / s.checkpointCount();
        // A checkpoint costs about what its interval's events cost, not a whole Model.
        QVERIFY2(perCheckpoint < 4 * Seeker::kDefaultInterval * sizeof(Event), std::to_string(perCheckpoint).c_str());
    }
};

QTEST_APPLESS_MAIN(tst_Seeker)
#include "tst_seeker.moc"
