// Network: the simulated network of one loop (core/runtime/world). Timings
// are derived from the world config: round trips awaited together overlap,
// blocking ones add up; defaults come from the host name; every host has a
// server lane in the trace that serves requests in arrival order.

#include "core/runtime/RunContext.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/world/Network.h"
#include "core/trace/Trace.h"

#include <QString>
#include <QtTest>

#include <memory>
#include <string>
#include <vector>

using namespace coroscope;

namespace {

constexpr Nanos kSecond = 1'000'000'000;

std::shared_ptr<WorldConfig> downloads()
{
    auto w = std::make_shared<WorldConfig>();
    w->urls["https://img.example/1.jpg"].latency = 1;
    w->urls["https://img.example/2.jpg"].latency = 2;
    w->urls["https://img.example/3.jpg"].latency = 3;
    w->urls["https://img.example/1.jpg"].size = 8045;
    return w;
}

/// Runs the loop until every future is done.
void runAll(EventLoop& loop, const std::vector<Ref<Future<HttpResponse>>>& futures)
{
    for (const auto& f : futures) loop.runUntilComplete(*f);
}

QString text(const std::string& s) { return QString::fromStdString(s); }

HttpRequest get(const char* url, Nanos timeout = 0, TaskId client = 0)
{
    HttpRequest r;
    r.url = url;
    if (timeout) r.timeout = timeout;
    r.client = client;
    return r;
}

RoundTrip trip(const char* host, std::uint64_t sendBytes, Nanos latency = -1)
{
    RoundTrip t;
    t.host = host;
    t.sendBytes = sendBytes;
    if (latency >= 0) t.latency = latency;
    return t;
}

} // namespace

class tst_Network : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreDerivedFromTheHostNameAndAreTheSameInEveryRun()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        Network a(loop, nullptr);
        Network b(loop, std::make_shared<WorldConfig>());
        const Endpoint x = a.resolve("https://python.org/about");
        const Endpoint y = b.resolve("https://python.org/about");
        QCOMPARE(x.latency, y.latency);
        QCOMPARE(x.size, y.size);
        QCOMPARE(text(x.host), QStringLiteral("python.org"));
        // The documented rule: FNV-1a 32 of the host; latency (1 + h % 9) / 10 s, size 1 KiB * (1 + (h >> 4) % 32).
        const std::uint32_t h = Network::hostHash("python.org");
        QCOMPARE(x.latency, Nanos(1 + h % 9) * 100'000'000);
        QCOMPARE(x.size, std::uint64_t(1024 * (1 + (h >> 4) % 32)));
        QVERIFY(x.latency >= kSecond / 10 && x.latency <= 9 * kSecond / 10);
        QCOMPARE(Network::hostHash("a"), 0xe40c292cu); // FNV-1a's published value for "a"
        QCOMPARE(x.status, 200);
        QCOMPARE(text(x.contentType), QStringLiteral("text/html; charset=utf-8"));
        const std::string body = Network::bodyOf(x);
        QCOMPARE(body.size(), std::size_t(x.size));
        QVERIFY(body.rfind("coroscope world: https://python.org/about\n", 0) == 0);
    }

    void aDefaultLatencyInTheWorldReplacesTheDerivedOne()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto w = std::make_shared<WorldConfig>();
        w->defaultLatency = 0.25;
        w->hosts["slow.example"].latency = 4;
        Network net(loop, w);
        QCOMPARE(net.resolve("http://fast.example/").latency, kSecond / 4);
        QCOMPARE(net.resolve("http://slow.example/").latency, 4 * kSecond);
    }

    void aUrlEntryOverridesItsHostFieldByField()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto w = std::make_shared<WorldConfig>();
        w->hosts["img.example"].latency = 0.5;
        w->hosts["img.example"].size = 100;
        w->urls["https://img.example/big.png"].size = 5000;
        w->hosts["127.0.0.1:6379"].latency = 0.01;
        Network net(loop, w);
        const Endpoint big = net.resolve("https://img.example/big.png");
        QCOMPARE(big.latency, kSecond / 2);
        QCOMPARE(big.size, std::uint64_t(5000));
        QCOMPARE(text(big.contentType), QStringLiteral("image/png"));
        QCOMPARE(net.resolve("https://img.example/small").size, std::uint64_t(100));
        QCOMPARE(net.resolve("redis://127.0.0.1:6379/0").latency, kSecond / 100);
        QCOMPARE(text(Network::hostOf("http://user@127.0.0.1:6379/x?y")), QStringLiteral("127.0.0.1:6379"));
    }

    void threeDownloadsAwaitedTogetherTakeTheSlowestLatency()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        Network net(loop, downloads());
        std::vector<Ref<Future<HttpResponse>>> futures;
        for (const char* url : {"https://img.example/1.jpg", "https://img.example/2.jpg", "https://img.example/3.jpg"})
            futures.push_back(net.http(get(url)));
        runAll(loop, futures);
        QCOMPARE(loop.now(), 3 * kSecond);
        QCOMPARE(futures[0]->result().body.size(), std::size_t(8045));
        QCOMPARE(text(futures[0]->result().contentType), QStringLiteral("image/jpeg"));
    }

    void threeBlockingDownloadsAddUpTheirLatencies()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        Network net(loop, downloads());
        std::string log;
        for (const char* url : {"https://img.example/1.jpg", "https://img.example/2.jpg", "https://img.example/3.jpg"}) {
            const HttpResponse r = net.httpBlocking(get(url));
            log += std::to_string(loop.now() / kSecond) + " ";
            QCOMPARE(r.status, 200);
        }
        QCOMPARE(text(log), QStringLiteral("1 3 6 "));
    }

    void aBlockingRoundTripWaitsWithTheGivenBlocker()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        Network net(loop, downloads());
        Nanos waited = 0;
        net.httpBlocking(get("https://img.example/2.jpg"), [&](Nanos d) { waited += d; });
        QCOMPARE(waited, 2 * kSecond);
        QCOMPARE(loop.now(), Nanos(0));
    }

    void aRefusedConnectionFailsAtOnce()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto w = std::make_shared<WorldConfig>();
        w->hosts["down.example"].failure = WorldFailure::Refused;
        Network net(loop, w);
        auto f = net.http(get("http://down.example:8080/"));
        QVERIFY(f->done());
        try {
            f->result();
            QFAIL("no error");
        } catch (const NetworkError& e) {
            QCOMPARE(int(e.failure()), int(WorldFailure::Refused));
            QCOMPARE(text(e.message()), QStringLiteral("[Errno 111] Connect call failed ('down.example', 8080)"));
            QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("ConnectionRefusedError"));
        }
        QVERIFY_THROWS_EXCEPTION(NetworkError, net.httpBlocking(get("http://down.example:8080/")));
        QCOMPARE(loop.now(), Nanos(0));
    }

    void aSilentHostTimesOutAfterTheClientTimeoutOrItsLatency()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto w = std::make_shared<WorldConfig>();
        w->hosts["silent.example"].failure = WorldFailure::Timeout;
        w->hosts["silent.example"].latency = 7;
        w->hosts["slow.example"].latency = 10;
        Network net(loop, w);
        auto f = net.http(get("http://silent.example/", 2 * kSecond));
        loop.runUntilComplete(*f);
        QCOMPARE(loop.now(), 2 * kSecond);
        QVERIFY_THROWS_EXCEPTION(NetworkError, f->result());
        auto g = net.http(get("http://silent.example/"));
        loop.runUntilComplete(*g);
        QCOMPARE(loop.now(), 9 * kSecond);
        QVERIFY_THROWS_EXCEPTION(NetworkError, g->result());
        auto h = net.http(get("http://slow.example/", kSecond));
        loop.runUntilComplete(*h);
        QCOMPARE(loop.now(), 10 * kSecond);
        QVERIFY_THROWS_EXCEPTION(NetworkError, h->result());
    }

    void theServerLaneServesRequestsInArrivalOrder()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto w = std::make_shared<WorldConfig>();
        w->hosts["db"].latency = 0.5;
        Network net(loop, w);
        std::string log;
        std::vector<Ref<Future<std::string>>> replies;
        for (const char* cmd : {"SET", "GET", "DEL"})
            replies.push_back(net.roundTrip<std::string>(trip("db", 3), [&log, cmd](ServerCall& call) {
                log += std::string(cmd) + " ";
                call.replyBytes = 2;
                return std::string(cmd) + "-ok";
            }));
        QCOMPARE(text(log), QString()); // nothing is served before the lane's turn
        for (auto& r : replies) loop.runUntilComplete(*r);
        QCOMPARE(text(log), QStringLiteral("SET GET DEL "));
        QCOMPARE(text(replies[2]->result()), QStringLiteral("DEL-ok"));
        QCOMPARE(loop.now(), kSecond / 2);
        QVERIFY(loop.allTasks().empty());
    }

    void aHandlerErrorReachesTheClientAfterTheLatency()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        Network net(loop, nullptr);
        auto f = net.roundTrip<int>(trip("db", 0, kSecond),
                                    [](ServerCall&) -> int { throw std::runtime_error("boom"); });
        loop.runUntilComplete(*f);
        QCOMPARE(loop.now(), kSecond);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, f->result());
    }

    void theTraceShowsTheServerLaneAndTheIoWithHostBytesAndLatency()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        EventLoop loop(ctx);
        Network net(loop, downloads());
        auto f = net.http(get("https://img.example/1.jpg", 0, 42));
        loop.runUntilComplete(*f);
        TaskId lane = 0;
        std::string io;
        bool laneWaitsOnIo = false;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const Event& e = trace[i];
            if (e.kind == EventKind::TaskCreated && TaskKind(e.a) == TaskKind::Server) {
                lane = e.subject;
                QCOMPARE(QString::fromUtf8(trace.text(e.v)), QStringLiteral("img.example"));
            }
            if (e.kind == EventKind::TaskState && e.subject == lane && TaskState(e.a) == TaskState::Waiting &&
                WaitKind(e.b) == WaitKind::Io)
                laneWaitsOnIo = true;
            if (e.kind == EventKind::Io) {
                io += std::string(toString(IoOp(e.a))) + "@" + (e.subject == lane ? "lane" : std::to_string(e.subject)) +
                      ":" + std::to_string(e.x) + ":" + std::to_string(e.y) + ":" + std::string(trace.text(e.v)) + " ";
            }
        }
        QVERIFY(lane != 0);
        QVERIFY(laneWaitsOnIo);
        QCOMPARE(net.serverLane("img.example"), lane);
        const QString sent = QString::number(3 + 1 + 25 + 11 + 6 + 11 + 4); // request line and Host header
        QCOMPARE(text(io), QStringLiteral("request@42:%1:1000000:img.example receive@lane:%1:0:img.example "
                                          "send@lane:8045:0:img.example receive@42:8045:1000000:img.example ")
                               .arg(sent));
    }
};

QTEST_APPLESS_MAIN(tst_Network)
#include "tst_network.moc"
