// The run worker (app/gui/run/detail/RunWorker.h): a GUI run gets the
// request's world (DESIGN.md section 5), and a world that does not parse
// fails the run with a message that names the bad field.

#include "app/gui/run/detail/RunWorker.h"
#include "core/trace/Trace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace coroscope;

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_RunWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theRequestsWorldReachesTheProgram()
    {
        RunRequest request;
        request.source = QStringLiteral("import requests, time\n"
                                        "r = requests.get('https://python.org/')\n"
                                        "print(len(r.text), round(time.time() - 1700000000, 3))\n");
        request.world = parse("{\"hosts\": {\"python.org\": {\"latency\": 0.8, \"size\": 50132}}}");
        Trace trace;
        const RunResult result = detail::executeRun(detail::toRunInput(request), trace);
        QCOMPARE(int(result.outcome), int(RunOutcome::Ok));
        std::string out;
        std::size_t io = 0;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            if (trace[i].kind == EventKind::Output) out += trace.text(trace[i].v);
            if (trace[i].kind == EventKind::Io && trace.text(trace[i].v) == "python.org") ++io;
        }
        QCOMPARE(QString::fromStdString(out), QStringLiteral("50132 0.8\n"));
        QVERIFY(io >= 4);
    }

    void aUvloopRequestRunsTheLoopUninstrumented()
    {
        RunRequest request;
        request.source = QStringLiteral("import asyncio\n"
                                        "async def main():\n"
                                        "    await asyncio.sleep(0)\n"
                                        "    print('done')\n"
                                        "asyncio.run(main())\n");
        auto readyPushes = [](const Trace& trace) {
            std::size_t n = 0;
            for (std::size_t i = 0; i < trace.size(); ++i) n += trace[i].kind == EventKind::ReadyPush;
            return n;
        };
        Trace plain, uvloop;
        detail::executeRun(detail::toRunInput(request), plain);
        request.uvloop = true;
        QVERIFY(detail::toRunInput(request).world->uvloop);
        detail::executeRun(detail::toRunInput(request), uvloop);
        QVERIFY(readyPushes(plain) > 0);
        QCOMPARE(readyPushes(uvloop), std::size_t(0));
    }

    void aBadWorldFailsTheRunNamingTheField()
    {
        RunRequest request;
        request.source = QStringLiteral("print('never')\n");
        request.world = parse("{\"hosts\": {\"python.org\": {\"latency\": \"slow\"}}}");
        Trace trace;
        const RunResult result = detail::executeRun(detail::toRunInput(request), trace);
        QCOMPARE(int(result.outcome), int(RunOutcome::Crashed));
        QCOMPARE(result.internalError,
                 QStringLiteral("bad world: world.hosts[\"python.org\"].latency: expected a number >= 0, "
                                "got the string \"slow\""));
    }
};

QTEST_GUILESS_MAIN(tst_RunWorker)
#include "tst_runworker.moc"
