#include "core/trace/JsonLinesExport.h"
#include "core/trace/JsonLinesStream.h"
#include "core/trace/Trace.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QtTest>

#include <sstream>

using namespace coroscope;
using coroscope::testing::TraceBuilder;
using coroscope::testing::TraceSynth;

namespace {

/// A run whose text fills many string chunks: every event interns its own
/// text right before it is appended, as the real emitters do; the clock
/// advances now and then, worker lanes advance their own clocks.
void recordLongRun(Trace& trace, std::size_t events)
{
    TraceBuilder b(trace);
    std::string locals;
    for (std::size_t i = 0; trace.size() < events; ++i) {
        const TaskId task = TaskId(1 + i % 7);
        locals = "i=" + std::to_string(i) + ", s='" + std::string(800 + i % 400, char('a' + i % 26)) + "\\n\"'";
        b.state(task, TaskState::Running).switchTo(task, 0, SwitchWhy::Resume).line(task, std::uint32_t(i % 40));
        b.locals(task, 0, locals).readyPush(std::uint32_t(i), task, i % 3 ? "" : "Task.__step").readyPop(std::uint32_t(i), task);
        if (i % 97 == 0)
            b.clock(Nanos(i) * 1000);
        if (i % 101 == 0)
            b.clock(Nanos(i) * 5000, ClockWhy::Worker, 9);
        if (i % 55 == 0)
            b.output(task, "line " + std::to_string(i) + "\n");
        b.state(task, TaskState::Suspended, WaitKind::None, 0, std::uint32_t(i % 40)).switchTo(0, task, SwitchWhy::Yield);
    }
}

} // namespace

class tst_JsonLinesStream : public QObject {
    Q_OBJECT
private slots:
    void piecesOfAnySizeJoinToTheWholeExport_data()
    {
        QTest::addColumn<int>("piece");
        QTest::newRow("1") << 1;
        QTest::newRow("7") << 7;
        QTest::newRow("one chunk") << int(Trace::kChunkEvents);
        QTest::newRow("10001") << 10001;
    }
    void piecesOfAnySizeJoinToTheWholeExport()
    {
        QFETCH(int, piece);
        Trace trace;
        TraceSynth(trace, {20000, 8, 3}).run();
        const std::string whole = JsonLinesExport(trace).toJsonLines();
        std::ostringstream out;
        JsonLinesStream stream(trace, &out);
        for (std::size_t end = 0; end < trace.size();) {
            end = std::min(trace.size(), end + std::size_t(piece));
            stream.writeUpTo(end);
            QCOMPARE(stream.next(), end);
        }
        stream.writeUpTo(trace.size()); // nothing left: writes nothing
        stream.flush();
        QCOMPARE(out.str().size(), whole.size());
        QVERIFY(out.str() == whole);
        QCOMPARE(stream.missingText(), std::size_t(0));
    }

    void indexAndClockTextFollowEveryEvent()
    {
        Trace trace;
        TraceBuilder b(trace);
        for (int i = 0; i < 1001; ++i)
            b.line(1, 3);
        b.clock(1500000).line(1, 4).clock(900, ClockWhy::Worker, 5).line(1, 5).clock(1000).line(1, 6);
        std::ostringstream out;
        JsonLinesStream stream(trace, &out);
        stream.writeUpTo(9);
        stream.writeUpTo(999);
        stream.writeUpTo(trace.size());
        stream.flush();
        const QStringList lines = QString::fromStdString(out.str()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(trace.size()));
        for (int i : {0, 8, 9, 10, 99, 100, 998, 999, 1000}) {
            QCOMPARE(lines.at(i), QStringLiteral("{\"index\":%1,\"time\":0,\"kind\":\"line\",\"task\":1,\"line\":3}").arg(i));
        }
        // Loop advances move the time; a worker lane's clock and a step back do not.
        QCOMPARE(lines.at(1002), QStringLiteral("{\"index\":1002,\"time\":1500000,\"kind\":\"line\",\"task\":1,\"line\":4}"));
        QCOMPARE(lines.at(1004), QStringLiteral("{\"index\":1004,\"time\":1500000,\"kind\":\"line\",\"task\":1,\"line\":5}"));
        QCOMPARE(lines.at(1006), QStringLiteral("{\"index\":1006,\"time\":1500000,\"kind\":\"line\",\"task\":1,\"line\":6}"));
    }

    void streamingWhileRecordingAndReleasingGivesTheSameBytes()
    {
        const std::size_t events = Trace::kChunkEvents * 9 + 123;
        Trace kept;
        recordLongRun(kept, events);
        const std::string whole = JsonLinesExport(kept).toJsonLines();

        Trace streamed;
        std::ostringstream out;
        JsonLinesStream stream(streamed, &out);
        std::size_t calls = 0;
        streamed.onChunk([&] {
            ++calls;
            stream.writeUpTo(streamed.size());
            streamed.release(streamed.size());
        });
        recordLongRun(streamed, events);
        stream.writeUpTo(streamed.size());
        stream.flush();

        QCOMPARE(streamed.size(), kept.size());
        QCOMPARE(calls, streamed.size() / Trace::kChunkEvents);
        QCOMPARE(streamed.firstHeld(), (streamed.size() / Trace::kChunkEvents) * Trace::kChunkEvents);
        // The run interned several text chunks; all but the newest were given back.
        QVERIFY(streamed.bytesUsed() - streamed.size() * sizeof(Event) > 3 * Trace::kStringChunk);
        QCOMPARE(stream.missingText(), std::size_t(0));
        QCOMPARE(out.str().size(), whole.size());
        QVERIFY(out.str() == whole);
    }

    void textReleasedBeforeItsEventIsWrittenIsCounted()
    {
        Trace trace;
        const std::string big(Trace::kStringChunk / 2 + 1, 'x');
        const std::uint64_t early = trace.intern("early").packed(); // kept past the rule: a broken emitter
        for (int i = 0; i < 4; ++i)
            trace.intern(big);
        trace.release(0);
        trace.append(Event{EventKind::FrameLocals, 0, 0, 1, 0, 0, early});
        std::ostringstream out;
        JsonLinesStream stream(trace, &out);
        stream.writeUpTo(trace.size());
        stream.flush();
        QCOMPARE(stream.missingText(), std::size_t(1));
        QCOMPARE(QString::fromStdString(out.str()),
                 QStringLiteral("{\"index\":0,\"time\":0,\"kind\":\"frame-locals\",\"task\":1,\"depth\":0,\"locals\":\"\"}\n"));
    }
};

QTEST_APPLESS_MAIN(tst_JsonLinesStream)
#include "tst_jsonlinesstream.moc"
