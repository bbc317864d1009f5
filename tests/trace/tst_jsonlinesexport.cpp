#include "core/trace/JsonLinesExport.h"
#include "core/trace/Trace.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <sstream>

using namespace coroscope;
using coroscope::testing::TraceBuilder;
using coroscope::testing::TraceSynth;

namespace {

QStringList linesOf(const std::string& text)
{
    QStringList lines = QString::fromStdString(text).split('\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class tst_JsonLinesExport : public QObject {
    Q_OBJECT
private slots:
    void everyKindHasNamedFieldsAndResolvedText_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("line");
        auto row = [](int i, const char* line) { QTest::addRow("%d", i) << i << QString::fromUtf8(line); };
        row(0, "{\"index\":0,\"time\":0,\"kind\":\"task-created\",\"task\":1,\"taskKind\":\"main\",\"parent\":0,\"line\":1,\"name\":\"main\"}");
        row(1, "{\"index\":1,\"time\":0,\"kind\":\"task-state\",\"task\":2,\"state\":\"waiting\",\"wait\":\"timer\",\"target\":7,\"line\":12}");
        row(2, "{\"index\":2,\"time\":0,\"kind\":\"switch\",\"to\":0,\"from\":2,\"why\":\"await\"}");
        row(3, "{\"index\":3,\"time\":0,\"kind\":\"line\",\"task\":2,\"line\":13}");
        row(4, "{\"index\":4,\"time\":0,\"kind\":\"frame-push\",\"task\":2,\"line\":20,\"depth\":2,\"function\":\"fetch\"}");
        row(5, "{\"index\":5,\"time\":0,\"kind\":\"frame-pop\",\"task\":2,\"depth\":1}");
        row(6, "{\"index\":6,\"time\":0,\"kind\":\"frame-locals\",\"task\":2,\"depth\":1,\"locals\":\"url='x', n=2\"}");
        row(7, "{\"index\":7,\"time\":0,\"kind\":\"output\",\"task\":2,\"stream\":\"stderr\",\"text\":\"协程 \\\"ok\\\"\\n\"}");
        row(8, "{\"index\":8,\"time\":0,\"kind\":\"timer-scheduled\",\"timer\":7,\"owner\":2,\"handle\":3,\"deadline\":1500000}");
        row(9, "{\"index\":9,\"time\":1500000,\"kind\":\"clock-advance\",\"why\":\"idle\",\"lane\":0,\"to\":1500000}");
        row(10, "{\"index\":10,\"time\":1500000,\"kind\":\"timer-fired\",\"timer\":7,\"owner\":2}");
        row(11, "{\"index\":11,\"time\":1500000,\"kind\":\"timer-cancelled\",\"timer\":8,\"owner\":2}");
        row(12, "{\"index\":12,\"time\":1500000,\"kind\":\"future-created\",\"future\":4,\"futureKind\":\"gather\",\"owner\":1}");
        row(13, "{\"index\":13,\"time\":1500000,\"kind\":\"future-resolved\",\"future\":4,\"outcome\":\"exception\",\"summary\":\"KeyError('k')\"}");
        row(14, "{\"index\":14,\"time\":1500000,\"kind\":\"future-waiter\",\"future\":4,\"task\":1,\"added\":false}");
        row(15, "{\"index\":15,\"time\":1500000,\"kind\":\"ready-push\",\"handle\":3,\"task\":2,\"label\":\"Task.__step\"}");
        row(16, "{\"index\":16,\"time\":1500000,\"kind\":\"ready-pop\",\"handle\":3,\"task\":2}");
        row(17, "{\"index\":17,\"time\":1500000,\"kind\":\"clock-advance\",\"why\":\"worker\",\"lane\":5,\"to\":9000000}");
        row(18, "{\"index\":18,\"time\":1500000,\"kind\":\"io\",\"task\":2,\"op\":\"request\",\"bytes\":512,\"latencyUs\":3000,\"host\":\"example.com\"}");
        row(19, "{\"index\":19,\"time\":1500000,\"kind\":\"exception\",\"task\":2,\"text\":\"ValueError: x\"}");
        row(20, "{\"index\":20,\"time\":1500000,\"kind\":\"warning\",\"task\":2,\"warning\":\"never-awaited\",\"message\":\"coroutine 'f' was never awaited\"}");
        row(21, "{\"index\":21,\"time\":1500000,\"kind\":\"task-state\",\"task\":2,\"state\":\"?42\",\"wait\":\"?99\",\"target\":0,\"line\":0}");
        row(22, "{\"index\":22,\"time\":1500000,\"kind\":\"?200\",\"a\":1,\"b\":2,\"subject\":3,\"x\":4,\"y\":5,\"v\":\"18446744073709551615\"}");
        row(23, "{\"index\":23,\"time\":1500000,\"kind\":\"run-end\",\"status\":\"deadlock\",\"message\":\"all tasks wait\"}");
    }
    void everyKindHasNamedFieldsAndResolvedText()
    {
        QFETCH(int, index);
        QFETCH(QString, line);
        Trace trace;
        TraceBuilder b(trace);
        b.created(1, TaskKind::Main, 0, 1, "main").state(2, TaskState::Waiting, WaitKind::Timer, 7, 12);
        b.switchTo(0, 2, SwitchWhy::Await).line(2, 13).framePush(2, 20, 2, "fetch").framePop(2, 1);
        b.locals(2, 1, "url='x', n=2").output(2, "协程 \"ok\"\n", Stream::Stderr).timer(7, 2, 3, 1500000);
        b.clock(1500000).timerFired(7, 2).timerCancelled(8, 2).future(4, FutureKind::Gather, 1);
        b.resolved(4, FutureOutcome::Exception, "KeyError('k')").waiter(4, 1, false).readyPush(3, 2, "Task.__step");
        b.readyPop(3, 2).clock(9000000, ClockWhy::Worker, 5).io(2, IoOp::Request, 512, 3000, "example.com");
        b.exception(2, "ValueError: x").warning(2, WarningKind::NeverAwaited, "coroutine 'f' was never awaited");
        b.raw(Event{EventKind::TaskState, 42, 99, 2, 0, 0, 0});
        b.raw(Event{EventKind(200), 1, 2, 3, 4, 5, ~std::uint64_t(0)});
        b.end(RunStatus::Deadlock, "all tasks wait");
        const QStringList lines = linesOf(JsonLinesExport(trace).toJsonLines());
        QCOMPARE(lines.size(), qsizetype(trace.size()));
        QCOMPARE(lines.at(index), line);
    }

    void memoryRecordsNameTheirKindTotalAndParts()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.memory(2, MemoryKind::Stack, 9000, 400).memory(3, MemoryKind::Frames, 200, 112);
        const QStringList lines = linesOf(JsonLinesExport(trace).toJsonLines());
        QCOMPARE(lines.size(), qsizetype(2));
        QCOMPARE(lines.at(0), QStringLiteral("{\"index\":0,\"time\":0,\"kind\":\"memory\",\"task\":2,\"memory\":\"stack\","
                                             "\"bytes\":9400,\"machineBytes\":9000,\"frameBytes\":400}"));
        QCOMPARE(lines.at(1), QStringLiteral("{\"index\":1,\"time\":0,\"kind\":\"memory\",\"task\":3,\"memory\":\"frames\","
                                             "\"bytes\":312,\"frameBytes\":200,\"objectBytes\":112}"));
    }

    void everyLineOfARunIsOneJsonObject()
    {
        Trace trace;
        TraceSynth(trace, {20000, 8, 2}).run();
        const std::string text = JsonLinesExport(trace).toJsonLines();
        const QStringList lines = linesOf(text);
        QCOMPARE(lines.size(), qsizetype(trace.size()));
        qint64 lastTime = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i).toUtf8(), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(o.value("index").toInteger(), i);
            QVERIFY(o.value("time").toInteger() >= lastTime);
            lastTime = o.value("time").toInteger();
        }
        QVERIFY(lastTime > 0);
    }

    void sameTraceGivesTheSameBytes()
    {
        Trace a;
        Trace c;
        TraceSynth(a, {10000, 6, 8}).run();
        TraceSynth(c, {10000, 6, 8}).run();
        const std::string first = JsonLinesExport(a).toJsonLines();
        QCOMPARE(JsonLinesExport(c).toJsonLines(), first);
        std::ostringstream stream;
        JsonLinesExport(a).write(stream);
        QCOMPARE(stream.str(), first);
    }
};

QTEST_APPLESS_MAIN(tst_JsonLinesExport)
#include "tst_jsonlinesexport.moc"
