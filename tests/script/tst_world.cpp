// The simulated-world clients of the web (requests, aiohttp) and uvloop,
// run as programs. Every timing is derived from the world config: three
// downloads of 1, 2 and 3 s take 6.0 s of virtual time with requests and
// 3.0 s with aiohttp; refused and silent hosts fail as the real clients do;
// requests blocks the whole loop in a coroutine but only its worker in an
// executor; the trace shows a server lane per host and the I/O.

#include "core/runtime/RunContext.h"
#include "core/runtime/world/Network.h"
#include "core/runtime/world/WorldConfig.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <QString>
#include <QtTest>

#include <memory>
#include <string>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

struct Run {
    Vm::Status status = Vm::Status::Ok;
    std::string out;
    std::string err;
    Nanos clock = 0;
    std::unique_ptr<Trace> trace = std::make_unique<Trace>();
};

std::unique_ptr<Run> run(const std::string& source, std::shared_ptr<WorldConfig> world = {}, bool tracing = false)
{
    auto r = std::make_unique<Run>();
    RunContext ctx;
    ctx.trace = r->trace.get();
    Vm::Options options;
    options.world = std::move(world);
    if (tracing) options.context = &ctx;
    Vm vm(std::move(options));
    r->status = vm.run(source);
    r->out = vm.output(Stream::Stdout);
    r->err = vm.output(Stream::Stderr);
    r->clock = vm.virtualNanos();
    return r;
}

/// Three images of 1, 2 and 3 s (the tutorial's download lesson, shortened URLs).
std::shared_ptr<WorldConfig> images()
{
    auto w = std::make_shared<WorldConfig>();
    w->urls["https://img.example/a_1.jpg"].latency = 1;
    w->urls["https://img.example/a_1.jpg"].size = 8045;
    w->urls["https://img.example/b_2.jpg"].latency = 2;
    w->urls["https://img.example/b_2.jpg"].size = 6212;
    w->urls["https://img.example/c_3.jpg"].latency = 3;
    w->urls["https://img.example/c_3.jpg"].size = 7360;
    return w;
}

const char* const kUrls = "URLS = ['https://img.example/a_1.jpg', 'https://img.example/b_2.jpg', "
                          "'https://img.example/c_3.jpg']\n";

QString text(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class tst_World : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void threeDownloadsTakeSixSecondsWithRequests()
    {
        auto r = run(std::string("import requests, time\n") + kUrls + R"(
start = time.time()
for url in URLS:
    response = requests.get(url)
    print(url.rsplit('_')[-1], len(response.content), round(time.time() - start, 3))
print('total', round(time.time() - start, 3))
)", images());
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out), QStringLiteral("1.jpg 8045 1.0\n2.jpg 6212 3.0\n3.jpg 7360 6.0\ntotal 6.0\n"));
        QCOMPARE(r->clock, Nanos(6'000'000'000));
    }

    void threeDownloadsTakeThreeSecondsWithAiohttp()
    {
        auto r = run(std::string("import aiohttp, asyncio, time\n") + kUrls + R"(
async def fetch(session, url):
    async with session.get(url, verify_ssl=False) as response:
        content = await response.content.read()
        print(url.rsplit('_')[-1], response.status, len(content), round(time.time() - start, 3))

async def main():
    async with aiohttp.ClientSession() as session:
        await asyncio.wait([asyncio.create_task(fetch(session, url)) for url in reversed(URLS)])

start = time.time()
asyncio.run(main())
print('total', round(time.time() - start, 3))
)", images());
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out),
                 QStringLiteral("1.jpg 200 8045 1.0\n2.jpg 200 6212 2.0\n3.jpg 200 7360 3.0\ntotal 3.0\n"));
    }

    void requestsInsideACoroutineHoldsTheWholeLoop()
    {
        auto r = run(std::string("import asyncio, requests, time\n") + kUrls + R"(
async def ticker():
    for i in range(3):
        print('tick', i, round(time.time() - start, 1))
        await asyncio.sleep(0.5)

async def fetch():
    await asyncio.sleep(0.1)
    requests.get(URLS[0])
    print('got', round(time.time() - start, 1))

async def main():
    await asyncio.gather(ticker(), fetch())

start = time.time()
asyncio.run(main())
)", images());
        QCOMPARE(text(r->out), QStringLiteral("tick 0 0.0\ngot 1.1\ntick 1 1.1\ntick 2 1.6\n"));
    }

    void requestsInsideRunInExecutorBlocksOnlyItsWorker()
    {
        auto r = run(std::string("import asyncio, requests, time, threading\n") + kUrls + R"(
def download(url):
    response = requests.get(url)
    return threading.current_thread().name, len(response.content)

async def ticker():
    for i in range(4):
        print('tick', i, round(time.time() - start, 1))
        await asyncio.sleep(0.75)

async def main():
    loop = asyncio.get_running_loop()
    jobs = [loop.run_in_executor(None, download, url) for url in URLS]
    results = await asyncio.gather(ticker(), *jobs)
    print(results[1:], round(time.time() - start, 1))

start = time.time()
asyncio.run(main())
)", images());
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out), QStringLiteral("tick 0 0.0\ntick 1 0.8\ntick 2 1.5\ntick 3 2.2\n"
                                              "[('asyncio_0', 8045), ('asyncio_1', 6212), ('asyncio_2', 7360)] 3.0\n"));
    }

    void aRefusedHostFailsAtOnceWithTheClientsException()
    {
        auto w = std::make_shared<WorldConfig>();
        w->hosts["down.example"].failure = WorldFailure::Refused;
        auto r = run(R"(
import asyncio, aiohttp, requests, time
start = time.time()
try:
    requests.get('http://down.example/x')
except requests.exceptions.ConnectionError as e:
    print(type(e).__name__, isinstance(e, requests.RequestException), isinstance(e, OSError))
    print(e)

async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get('https://down.example:8443/') as response:
                print('unexpected', response.status)
        except aiohttp.ClientConnectorError as e:
            print(type(e).__name__, isinstance(e, aiohttp.ClientError))
            print(e)

asyncio.run(main())
print(time.time() - start)
)", w);
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out),
                 QStringLiteral("ConnectionError True True\n"
                                "HTTPConnectionPool(host='down.example', port=80): Max retries exceeded with url: /x "
                                "(Caused by NewConnectionError('<urllib3.connection.HTTPConnection object>: Failed to "
                                "establish a new connection: [Errno 111] Connection refused'))\n"
                                "ClientConnectorError True\n"
                                "Cannot connect to host down.example:8443 ssl:default [Connect call failed "
                                "('down.example', 8443)]\n"
                                "0.0\n"));
    }

    void aSilentHostTimesOutAfterTheClientsTimeout()
    {
        auto w = std::make_shared<WorldConfig>();
        w->hosts["silent.example"].failure = WorldFailure::Timeout;
        auto r = run(R"(
import asyncio, aiohttp, requests, time
start = time.time()
try:
    requests.get('https://silent.example/', timeout=2)
except requests.Timeout as e:
    print(type(e).__name__, round(time.time() - start, 1))
    print(e)

async def main():
    timeout = aiohttp.ClientTimeout(total=1.5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            await session.get('https://silent.example/')
        except asyncio.TimeoutError:
            print('TimeoutError', round(time.time() - start, 1))

asyncio.run(main())
)", w);
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out), QStringLiteral("ReadTimeout 2.0\n"
                                              "HTTPSConnectionPool(host='silent.example', port=443): Read timed out. "
                                              "(read timeout=2)\n"
                                              "TimeoutError 3.5\n"));
    }

    void aResetConnectionFailsAfterTheLatency()
    {
        auto w = std::make_shared<WorldConfig>();
        w->hosts["flaky.example"].failure = WorldFailure::Reset;
        w->hosts["flaky.example"].latency = 0.4;
        auto r = run(R"(
import asyncio, aiohttp, requests, time
start = time.time()
try:
    requests.post('http://flaky.example/', data=b'x')
except requests.ConnectionError as e:
    print(round(time.time() - start, 1), e)

async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get('http://flaky.example/') as response:
                pass
        except aiohttp.ClientOSError as e:
            print(round(time.time() - start, 1), type(e).__name__, e)

asyncio.run(main())
)", w);
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out), QStringLiteral("0.4 ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))\n"
                                              "0.8 ClientOSError [Errno 104] Connection reset by peer\n"));
    }

    void aResponseCarriesStatusHeadersTextAndJson()
    {
        auto w = std::make_shared<WorldConfig>();
        w->urls["http://api.example/user.json"].body = R"({"name": "武沛齐", "age": 18, "tags": ["a", null, true]})";
        w->urls["http://api.example/missing"].status = 404;
        auto r = run(R"(
import asyncio, aiohttp, requests
r = requests.get('http://api.example/user.json')
print(r, r.status_code, r.ok, r.headers['Content-Type'], r.json())
missing = requests.get('http://api.example/missing')
print(missing.status_code, missing.reason, missing.ok)
try:
    missing.raise_for_status()
except requests.HTTPError as e:
    print(e)

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get('http://api.example/user.json') as response:
            print(response.status, response.content_type, await response.json())
            print(len(await response.text()), response.headers['Content-Length'])

asyncio.run(main())
)", w);
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out),
                 QStringLiteral("<Response [200]> 200 True application/json {'name': '武沛齐', 'age': 18, 'tags': ['a', None, True]}\n"
                                "404 Not Found False\n"
                                "404 Client Error: Not Found for url: http://api.example/missing\n"
                                "200 application/json {'name': '武沛齐', 'age': 18, 'tags': ['a', None, True]}\n"
                                "53 59\n"));
    }

    void defaultsComeFromTheHostNameAndAreTheSameInEveryRun()
    {
        const char* source = R"(
import asyncio, aiohttp, time
async def fetch(session, url):
    async with session.get(url) as response:
        text = await response.text()
        print(url, len(text), round(time.time() - start, 1))

async def main():
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*[fetch(session, u) for u in ['https://python.org', 'https://www.baidu.com']])

start = time.time()
asyncio.run(main())
)";
        auto a = run(source);
        auto b = run(source);
        QCOMPARE(text(a->out), text(b->out));
        auto line = [](const char* host) {
            const double latency = double(Network::defaultLatency(host)) / 1e9;
            return QStringLiteral("https://%1 %2 %3").arg(QString::fromLatin1(host)).arg(Network::defaultSize(host)).arg(latency);
        };
        const bool pythonFirst = Network::defaultLatency("python.org") <= Network::defaultLatency("www.baidu.com");
        const QString first = pythonFirst ? line("python.org") : line("www.baidu.com");
        const QString second = pythonFirst ? line("www.baidu.com") : line("python.org");
        QCOMPARE(text(a->out), first + QLatin1Char('\n') + second + QLatin1Char('\n'));
    }

    void theTraceHasAServerLaneAndIoEventsWithHostBytesAndLatency()
    {
        auto r = run(std::string("import asyncio, aiohttp\n") + kUrls + R"(
async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(URLS[1]) as response:
            await response.read()

asyncio.run(main())
)", images(), true);
        QCOMPARE(text(r->err), QString());
        const Trace& trace = *r->trace;
        TaskId lane = 0;
        std::string io;
        bool waitsOnLane = false;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const Event& e = trace[i];
            if (e.kind == EventKind::TaskCreated && TaskKind(e.a) == TaskKind::Server) {
                QCOMPARE(QString::fromUtf8(trace.text(e.v)), QStringLiteral("img.example"));
                lane = e.subject;
            }
            if (e.kind == EventKind::TaskState && TaskState(e.a) == TaskState::Waiting &&
                WaitKind(e.b) == WaitKind::Io && e.x == lane && lane != 0 && e.subject != lane)
                waitsOnLane = true;
            if (e.kind == EventKind::Io && e.subject != lane)
                io += std::string(toString(IoOp(e.a))) + ":" + std::to_string(e.y) + ":" +
                      std::string(trace.text(e.v)) + (e.x > 0 ? ":bytes " : ":0 ");
            if (e.kind == EventKind::Io && e.subject != lane && IoOp(e.a) == IoOp::Receive) QCOMPARE(e.x, 6212u);
        }
        QVERIFY(lane != 0);
        QVERIFY(waitsOnLane);
        QCOMPARE(text(io), QStringLiteral("connect:0:img.example:0 request:2000000:img.example:bytes "
                                          "receive:2000000:img.example:bytes close:0:img.example:0 "));
    }

    void requestsMarksABlockingCallInTheTrace()
    {
        auto r = run(std::string("import asyncio, requests\n") + kUrls + R"(
async def main():
    requests.get(URLS[0])

asyncio.run(main())
)", images(), true);
        bool blocked = false, warned = false;
        std::string io;
        for (std::size_t i = 0; i < r->trace->size(); ++i) {
            const Event& e = (*r->trace)[i];
            if (e.kind == EventKind::Io) io += std::string(toString(IoOp(e.a))) + " ";
            blocked |= e.kind == EventKind::ClockAdvance && ClockWhy(e.a) == ClockWhy::Blocking;
            warned |= e.kind == EventKind::Warning && WarningKind(e.a) == WarningKind::BlockingCall &&
                      r->trace->text(e.v).find("requests.get(https://img.example/a_1.jpg)") != std::string_view::npos;
        }
        QVERIFY(blocked);
        QVERIFY(warned);
        // The client connects, sends, the lane receives and answers, the reply arrives, the client closes.
        QCOMPARE(text(io), QStringLiteral("connect request receive send receive close "));
    }

    void uvloopGivesTheSameOutputWithFewerTraceEvents()
    {
        const std::string body = R"(
async def worker(n):
    for _ in range(20):
        await asyncio.sleep(0)
    return n

async def main():
    results = await asyncio.gather(*[worker(i) for i in range(50)])
    print(len(results), sum(results))

asyncio.run(main())
)";
        auto plain = run("import asyncio\n" + body, {}, true);
        auto installed = run("import asyncio, uvloop\nuvloop.install()\n" + body, {}, true);
        auto policy = run("import asyncio, uvloop\nasyncio.set_event_loop_policy(uvloop.EventLoopPolicy())\n" + body, {}, true);
        auto world = std::make_shared<WorldConfig>();
        world->uvloop = true;
        auto whatIf = run("import asyncio\n" + body, world, true);
        QCOMPARE(text(plain->out), QStringLiteral("50 1225\n"));
        QCOMPARE(text(installed->out), text(plain->out));
        QCOMPARE(text(policy->out), text(plain->out));
        QCOMPARE(text(whatIf->out), text(plain->out));
        // The loop's own events (ready queue, task steps, futures) are gone, a
        // third of the trace; the program's lines and frames stay.
        QVERIFY2(installed->trace->size() * 3 < plain->trace->size() * 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(installed->trace->size()).arg(plain->trace->size())));
        QCOMPARE(policy->trace->size(), installed->trace->size());
        QVERIFY(whatIf->trace->size() * 3 < plain->trace->size() * 2);
        auto count = [](const Trace& t, EventKind kind) {
            std::size_t n = 0;
            for (std::size_t i = 0; i < t.size(); ++i) n += t[i].kind == kind;
            return n;
        };
        QVERIFY(count(*plain->trace, EventKind::ReadyPush) > 1000);
        QCOMPARE(count(*installed->trace, EventKind::ReadyPush), std::size_t(0));
        QCOMPARE(count(*whatIf->trace, EventKind::ReadyPush), std::size_t(0));
        QVERIFY(count(*installed->trace, EventKind::Line) > 0);
    }

    void theTraceOfAWorldProgramFoldsWithoutAnomalies_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("requests") << QStringLiteral("import requests\nfor u in URLS: requests.get(u)\n");
        QTest::newRow("aiohttp") << QStringLiteral(
            "import aiohttp, asyncio\n"
            "async def get(s, u):\n    async with s.get(u) as r: await r.read()\n"
            "async def main():\n    async with aiohttp.ClientSession() as s:\n"
            "        await asyncio.gather(*[get(s, u) for u in URLS])\n"
            "asyncio.run(main())\n");
        QTest::newRow("executor") << QStringLiteral(
            "import asyncio, requests\n"
            "async def main():\n    loop = asyncio.get_running_loop()\n"
            "    await asyncio.gather(*[loop.run_in_executor(None, requests.get, u) for u in URLS])\n"
            "asyncio.run(main())\n");
        QTest::newRow("blocking in a task") << QStringLiteral(
            "import asyncio, requests\nasync def main():\n    requests.get(URLS[0])\nasyncio.run(main())\n");
        QTest::newRow("uvloop") << QStringLiteral(
            "import asyncio, aiohttp, uvloop\nuvloop.install()\n"
            "async def main():\n    async with aiohttp.ClientSession() as s:\n"
            "        async with s.get(URLS[0]) as r: print(len(await r.read()))\n"
            "asyncio.run(main())\n");
    }

    void theTraceOfAWorldProgramFoldsWithoutAnomalies()
    {
        QFETCH(QString, source);
        auto r = run(kUrls + source.toStdString(), images(), true);
        QCOMPARE(text(r->err), QString());
        const Model m = Model::fold(*r->trace, r->trace->size());
        QString anomalies;
        for (std::size_t i = 0; i < m.anomalyCount(); ++i)
            anomalies += QStringLiteral("%1:%2:%3 ").arg(m.anomaly(i).event).arg(m.anomaly(i).subject)
                         .arg(QString::fromLatin1(m.anomaly(i).what.data(), qsizetype(m.anomaly(i).what.size())));
        QCOMPARE(anomalies, QString());
    }

    void requestsExceptionsImportAsASubmodule()
    {
        auto r = run(R"(
import requests.exceptions
from requests.exceptions import ConnectTimeout, ReadTimeout, Timeout
print(issubclass(ReadTimeout, Timeout), issubclass(Timeout, requests.RequestException))
print(requests.exceptions.ConnectionError is requests.ConnectionError)
try:
    requests.get('www.baidu.com')
except requests.exceptions.MissingSchema as e:
    print(e)
)");
        QCOMPARE(text(r->err), QString());
        QCOMPARE(text(r->out), QStringLiteral("True True\nTrue\nInvalid URL 'www.baidu.com': No scheme supplied. "
                                              "Perhaps you meant https://www.baidu.com?\n"));
    }
};

QTEST_APPLESS_MAIN(tst_World)
#include "tst_world.moc"
