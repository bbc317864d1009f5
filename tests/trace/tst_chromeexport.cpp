#include "core/trace/ChromeExport.h"
#include "core/trace/Trace.h"
#include "trace/TraceBuilder.h"
#include "trace/TraceSynth.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <sstream>

using namespace coroscope;
using coroscope::testing::TraceBuilder;
using coroscope::testing::TraceSynth;

namespace {

constexpr Nanos kMs = 1000000;

/// main sleeps 1.5 ms while worker 2 prints and hits a deadlock warning.
void buildRun(TraceBuilder& b)
{
    b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running);
    b.created(2, TaskKind::CoroutineTask, 1, 5, "worker \"w\"").readyPush(1, 2, "step").state(2, TaskState::Ready);
    b.timer(1, 1, 2, 1500000).state(1, TaskState::Waiting, WaitKind::Timer, 1).switchTo(0, 1, SwitchWhy::Await);
    b.readyPop(1, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running).line(2, 6);
    b.output(2, "hi\n").state(2, TaskState::Done).switchTo(0, 2, SwitchWhy::Return);
    b.clock(1500000).timerFired(1, 1).readyPush(2, 1, "step").state(1, TaskState::Ready);
    b.readyPop(2, 1).switchTo(1, 0, SwitchWhy::Resume).state(1, TaskState::Running);
    b.warning(1, WarningKind::Deadlock, "every task waits").state(1, TaskState::Done);
    b.switchTo(0, 1, SwitchWhy::Return).end(RunStatus::Ok);
}

QJsonArray parseEvents(const std::string& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning() << "JSON error" << error.errorString() << "at" << error.offset;
        return {};
    }
    return doc.object().value(QStringLiteral("traceEvents")).toArray();
}

/// "name ts+dur" of the X slices on one tid, in file order.
QString slicesOf(const QJsonArray& events, qint64 tid)
{
    QStringList out;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (e.value("ph").toString() == "X" && e.value("tid").toInteger() == tid)
            out << QStringLiteral("%1 %2+%3").arg(e.value("name").toString()).arg(e.value("ts").toDouble()).arg(e.value("dur").toDouble());
    }
    return out.join(QStringLiteral(", "));
}

QJsonObject findFirst(const QJsonArray& events, const QString& ph, const QString& name, qint64 tid = -1)
{
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (e.value("ph").toString() == ph && e.value("name").toString() == name
            && (tid < 0 || e.value("tid").toInteger() == tid))
            return e;
    }
    return {};
}

} // namespace

class tst_ChromeExport : public QObject {
    Q_OBJECT
private slots:
    void theDocumentParsesAndHasATrackPerTask()
    {
        Trace trace;
        TraceBuilder b(trace);
        buildRun(b);
        const QJsonArray events = parseEvents(ChromeExport(trace).toJson());
        QVERIFY(!events.isEmpty());
        QCOMPARE(findFirst(events, "M", "thread_name", 1).value("args").toObject().value("name").toString(),
                 QStringLiteral("main (main #1)"));
        QCOMPARE(findFirst(events, "M", "thread_name", 2).value("args").toObject().value("name").toString(),
                 QStringLiteral("worker \"w\" (task #2)"));
        QCOMPARE(findFirst(events, "M", "thread_name", ChromeExport::kLoopTid).value("args").toObject().value("name").toString(),
                 QStringLiteral("event loop"));
        QCOMPARE(findFirst(events, "M", "thread_sort_index", 2).value("args").toObject().value("sort_index").toInt(), 2);
        QCOMPARE(findFirst(events, "M", "process_name").value("pid").toInt(), 1);
    }

    void segmentsBecomeSlicesInMicrosecondsOfVirtualTime()
    {
        Trace trace;
        TraceBuilder b(trace);
        buildRun(b);
        const QJsonArray events = parseEvents(ChromeExport(trace).toJson());
        QCOMPARE(slicesOf(events, 1), QStringLiteral("running 0+0, waiting: timer 0+1500, ready 1500+0, running 1500+0"));
        QCOMPARE(slicesOf(events, 2), QStringLiteral("ready 0+0, running 0+0"));
        QCOMPARE(slicesOf(events, ChromeExport::kLoopTid), QStringLiteral("idle 0+1500"));
        const QJsonObject waiting = findFirst(events, "X", "waiting: timer", 1).value("args").toObject();
        QCOMPARE(waiting.value("wait").toString(), QStringLiteral("timer"));
        QCOMPARE(waiting.value("target").toInt(), 1);
        QCOMPARE(waiting.value("beginEvent").toInt(), 7);
        QCOMPARE(waiting.value("endEvent").toInt(), 19);
    }

    void outputWarningsAndTimersAreInstantEvents()
    {
        Trace trace;
        TraceBuilder b(trace);
        buildRun(b);
        const QJsonArray events = parseEvents(ChromeExport(trace).toJson());
        const QJsonObject out = findFirst(events, "i", "stdout", 2);
        QCOMPARE(out.value("args").toObject().value("text").toString(), QStringLiteral("hi\n"));
        QCOMPARE(out.value("s").toString(), QStringLiteral("t"));
        const QJsonObject warn = findFirst(events, "i", "warning: deadlock", 1);
        QCOMPARE(warn.value("ts").toDouble(), 1500.0);
        QCOMPARE(warn.value("args").toObject().value("message").toString(), QStringLiteral("every task waits"));
        QCOMPARE(findFirst(events, "i", "timer fired", 1).value("args").toObject().value("timer").toInt(), 1);
        QCOMPARE(findFirst(events, "i", "run end: ok").value("s").toString(), QStringLiteral("g"));
        QStringList lengths;
        for (const QJsonValue& v : events)
            if (v.toObject().value("ph").toString() == "C")
                lengths << QString::number(v.toObject().value("args").toObject().value("length").toInt());
        QCOMPARE(lengths.join(' '), QStringLiteral("1 0 1 0"));
    }

    void memoryEventsBecomeOneCounterTrackPerTask()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.created(2, TaskKind::Greenlet, 0, 1, "g").memory(2, MemoryKind::Stack, 9000, 400);
        b.memory(2, MemoryKind::Stack, 500, 100).memory(3, MemoryKind::Frames, 200, 112);
        const QJsonArray events = parseEvents(ChromeExport(trace).toJson());
        QStringList values;
        for (const QJsonValue& v : events) {
            const QJsonObject e = v.toObject();
            if (e.value("ph").toString() != "C")
                continue;
            const QJsonObject args = e.value("args").toObject();
            values << e.value("name").toString() + '=' + args.keys().join(',') + ':'
                    + QString::number(args.value(args.keys().value(0)).toInteger());
        }
        QCOMPARE(values.join(' '), QStringLiteral("memory #2=stack:9400 memory #2=stack:600 memory #3=frames:312"));
        ChromeExportOptions quiet;
        quiet.counters = false;
        QVERIFY(findFirst(parseEvents(ChromeExport(trace, quiet).toJson()), "C", "memory #2").isEmpty());
    }

    void theEventAxisSpacesEventsOneMicrosecondApart()
    {
        Trace trace;
        TraceBuilder b(trace);
        buildRun(b);
        ChromeExportOptions options;
        options.axis = TimelineAxis::Events;
        options.output = false;
        options.counters = false;
        const QJsonArray events = parseEvents(ChromeExport(trace, options).toJson());
        QCOMPARE(slicesOf(events, 2), QStringLiteral("ready 5+6, running 11+3"));
        QVERIFY(findFirst(events, "i", "stdout").isEmpty());
        QVERIFY(findFirst(events, "C", "ready queue").isEmpty());
    }

    void textThatIsNotUtf8StillGivesValidJson()
    {
        Trace trace;
        TraceBuilder b(trace);
        b.output(1, "bad \xff\xfe byte, ctrl \x01, tab\t, \xE5\x8D\x8F\xE7\xA8\x8B");
        const QJsonArray events = parseEvents(ChromeExport(trace).toJson());
        const QString text = findFirst(events, "i", "stdout").value("args").toObject().value("text").toString();
        QCOMPARE(text, QString::fromUtf8("bad \xEF\xBF\xBD\xEF\xBF\xBD byte, ctrl \x01, tab\t, 协程"));
    }

    void sameTraceGivesTheSameBytes()
    {
        Trace a;
        Trace c;
        TraceSynth(a, {20000, 8, 4}).run();
        TraceSynth(c, {20000, 8, 4}).run();
        QCOMPARE(a.serialize(), c.serialize());
        const std::string first = ChromeExport(a).toJson();
        QCOMPARE(ChromeExport(c).toJson(), first);
        std::ostringstream stream;
        ChromeExport(a).write(stream);
        QCOMPARE(stream.str(), first);
        const QJsonArray events = parseEvents(first);
        QVERIFY(events.size() > 1000);
        Trace d;
        TraceSynth(d, {20000, 8, 5}).run();
        QVERIFY(ChromeExport(d).toJson() != first);
    }
};

QTEST_APPLESS_MAIN(tst_ChromeExport)
#include "tst_chromeexport.moc"
