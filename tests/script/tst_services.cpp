// The service modules (aioredis, aiomysql, fastapi + uvicorn) over the
// simulated world: every round trip takes the world's latency on the
// virtual clock, tasks interleave in the order the latencies give, failures
// become the exceptions the real clients raise, and uvicorn.run serves the
// world's simulated clients with `def` endpoints on worker lanes and
// `async def` endpoints on the loop.

#include "core/runtime/RunContext.h"
#include "core/runtime/world/WorldConfig.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Trace.h"

#include <QString>
#include <QtTest>

#include <memory>
#include <string>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

struct Run {
    Vm::Status status;
    std::string out;
    std::string err;
};

Run run(const char* source, std::shared_ptr<WorldConfig> world = {})
{
    Vm::Options options;
    options.world = std::move(world);
    Vm vm(std::move(options));
    const Vm::Status status = vm.run(source);
    return {status, vm.output(Stream::Stdout), vm.output(Stream::Stderr)};
}

std::shared_ptr<WorldConfig> hosts(std::initializer_list<std::pair<const char*, double>> latencies)
{
    auto w = std::make_shared<WorldConfig>();
    for (const auto& [host, latency] : latencies) w->hosts[host].latency = latency;
    return w;
}

WorldClient client(const char* name, const char* path, double at, int repeat = 1, double every = 0)
{
    WorldClient c;
    c.name = name;
    c.path = path;
    c.at = at;
    c.repeat = repeat;
    c.every = every;
    return c;
}

QString text(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class tst_Services : public QObject {
    Q_OBJECT

private slots:
    void redisRoundTripsTakeTheWorldsLatencyOnTheVirtualClock()
    {
        const Run r = run(R"(
import asyncio, aioredis
async def main():
    loop = asyncio.get_running_loop()
    redis = await aioredis.create_redis('redis://10.0.0.1:6379', password='secret')
    print('connected', loop.time())
    print(await redis.set('k', 'v'), loop.time())
    print(await redis.get('k'), await redis.get('missing'), loop.time())
    print(await redis.hmset_dict('car', key1=1, key2=2, key3=3), loop.time())
    print(await redis.hgetall('car', encoding='utf-8'), loop.time())
    print(await redis.hgetall('car'))
    redis.close()
    await redis.wait_closed()
    print('closed', redis.closed, loop.time())
asyncio.run(main())
)",
                          hosts({{"10.0.0.1", 0.1}}));
        QCOMPARE(text(r.err), QString());
        // Connecting is two round trips (connect, AUTH); every command one more.
        QCOMPARE(text(r.out), QStringLiteral("connected 0.2\n"
                                             "True 0.3\n"
                                             "b'v' None 0.5\n"
                                             "True 0.6\n"
                                             "{'key1': '1', 'key2': '2', 'key3': '3'} 0.7\n"
                                             "{b'key1': b'1', b'key2': b'2', b'key3': b'3'}\n"
                                             "closed True 0.9\n"));
    }

    void twoRedisClientsOnDifferentHostsInterleaveInTheOrderTheirLatenciesGive()
    {
        const char* program = R"(
import asyncio, aioredis
async def execute(address):
    loop = asyncio.get_running_loop()
    print('start', address[8:16])
    redis = await aioredis.create_redis_pool(address, password='pw')
    await redis.hmset_dict('car', key1=1)
    result = await redis.hgetall('car', encoding='utf-8')
    print('got', address[8:16], result, round(loop.time(), 3))
    redis.close()
    await redis.wait_closed()
async def main():
    await asyncio.gather(execute('redis://10.0.0.1:6379'), execute('redis://10.0.0.2:6379'))
asyncio.run(main())
)";
        const Run near = run(program, hosts({{"10.0.0.1", 0.2}, {"10.0.0.2", 0.05}}));
        QCOMPARE(text(near.err), QString());
        QCOMPARE(text(near.out), QStringLiteral("start 10.0.0.1\nstart 10.0.0.2\n"
                                                "got 10.0.0.2 {'key1': '1'} 0.2\n"
                                                "got 10.0.0.1 {'key1': '1'} 0.8\n"));
        const Run swapped = run(R"(
import asyncio, aioredis
async def execute(name, address):
    redis = await aioredis.create_redis(address)
    await redis.set('k', name)
    print(name, await redis.get('k', encoding='utf-8'), asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(execute('a', 'redis://10.0.0.1'), execute('b', 'redis://10.0.0.2'))
asyncio.run(main())
)",
                                hosts({{"10.0.0.1", 0.1}, {"10.0.0.2", 0.5}}));
        QCOMPARE(text(swapped.out), QStringLiteral("a a 0.3\nb b 1.5\n"));
    }

    void eachHostKeepsItsOwnData()
    {
        const Run r = run(R"(
import asyncio, aioredis
async def main():
    a = await aioredis.create_redis(('10.0.0.1', 6379))
    b = await aioredis.create_redis(('10.0.0.2', 6379))
    await a.set('k', 1)
    await a.incr('k')
    print(await a.get('k'), await b.get('k'), await a.execute('PING'), await a.keys('*'))
    try:
        await a.hgetall('k')
    except aioredis.ReplyError as e:
        print(type(e).__name__, e)
asyncio.run(main())
)");
        QCOMPARE(text(r.err), QString());
        QCOMPARE(text(r.out), QStringLiteral("b'2' None b'PONG' [b'k']\n"
                                             "ReplyError WRONGTYPE Operation against a key holding the wrong kind of value\n"));
    }

    void aRefusedHostRaisesConnectionRefusedErrorAtOnce()
    {
        auto world = hosts({{"10.0.0.2", 0.05}});
        world->hosts["10.0.0.1"].failure = WorldFailure::Refused;
        const Run r = run(R"(
import asyncio, aioredis
async def execute(address):
    try:
        redis = await aioredis.create_redis(address)
        print('ok', address, await redis.ping(), asyncio.get_running_loop().time())
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno, e, asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(execute('redis://10.0.0.1:6379'), execute('redis://10.0.0.2:6379'))
asyncio.run(main())
)",
                          world);
        QVERIFY2(r.err.empty(), r.err.c_str());
        QCOMPARE(text(r.out), QStringLiteral("ConnectionRefusedError 111 [Errno 111] Connect call failed ('10.0.0.1', 6379) 0.0\n"
                                             "ok redis://10.0.0.2:6379 b'PONG' 0.1\n"));
    }

    void aSilentOrSlowHostTimesOutAtTheClientsTimeout()
    {
        auto world = hosts({{"10.0.0.1", 2.0}, {"10.0.0.2", 0.8}});
        world->hosts["10.0.0.2"].failure = WorldFailure::Timeout;
        const Run r = run(R"(
import asyncio, aioredis
async def attempt(address, timeout):
    try:
        await aioredis.create_redis(address, timeout=timeout)
        print('connected', address, asyncio.get_running_loop().time())
    except asyncio.TimeoutError:
        print('timeout', address, asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(attempt('redis://10.0.0.1', 0.5), attempt('redis://10.0.0.2', None),
                         attempt('redis://10.0.0.1', 3))
asyncio.run(main())
)",
                          world);
        QVERIFY2(r.err.empty(), r.err.c_str());
        QCOMPARE(text(r.out), QStringLiteral("timeout redis://10.0.0.1 0.5\n"
                                             "timeout redis://10.0.0.2 0.8\n"
                                             "connected redis://10.0.0.1 2.0\n"));
    }

    void aServiceErrorReachesTheExceptClauseOfTheInnermostAwaitingCoroutine()
    {
        auto world = hosts({{"10.0.0.1", 2.0}});
        const Run r = run(R"(
import asyncio, aioredis
async def attempt(address, timeout):
    try:
        await aioredis.create_redis(address, timeout=timeout)
    except asyncio.TimeoutError:
        return 'timeout at %s' % asyncio.get_running_loop().time()
async def main():
    print(await attempt('redis://10.0.0.1', 0.5))
    print(await attempt('redis://10.0.0.1', 1.0))
asyncio.run(main())
)",
                          world);
        QVERIFY2(r.err.empty(), r.err.c_str());
        QCOMPARE(text(r.out), QStringLiteral("timeout at 0.5\ntimeout at 1.5\n"));
    }

    void aConnectionsPoolLendsItsConnectionsOut()
    {
        const Run r = run(R"(
import asyncio, aioredis
from aioredis import Redis
POOL = aioredis.ConnectionsPool('redis://10.0.0.1:6379', password='x', minsize=1, maxsize=1)
async def use(name):
    conn = await POOL.acquire()
    print(name, 'acquired', asyncio.get_running_loop().time())
    await Redis(conn).set(name, 1)
    POOL.release(conn)
async def main():
    await asyncio.gather(use('a'), use('b'))
    print(POOL.size, POOL.freesize)
asyncio.run(main())
)",
                          hosts({{"10.0.0.1", 0.1}}));
        QCOMPARE(text(r.err), QString());
        QCOMPARE(text(r.out), QStringLiteral("a acquired 0.2\nb acquired 0.3\n1 1\n"));
    }

    void mysqlSelectOverMysqlUserReturnsTheSeededRows()
    {
        const Run r = run(R"(
import asyncio, aiomysql
async def main():
    loop = asyncio.get_running_loop()
    conn = await aiomysql.connect(host='127.0.0.1', port=3306, user='root', password='123', db='mysql')
    cur = await conn.cursor()
    print(await cur.execute("SELECT Host,User FROM user"))
    print(await cur.fetchall(), loop.time())
    await cur.execute("select user from mysql.user where host = %s order by user desc limit 2", ('localhost',))
    print(await cur.fetchone(), await cur.fetchall(), cur.rowcount)
    try:
        await cur.execute("SELECT * FROM nope")
    except aiomysql.ProgrammingError as e:
        print(type(e).__name__, e)
    await cur.close()
    dcur = await conn.cursor(aiomysql.DictCursor)
    await dcur.execute("SELECT User, Host FROM user WHERE User = %(name)s", {'name': "root"})
    print(await dcur.fetchmany(1), await dcur.fetchmany(5), await dcur.fetchmany(5))
    conn.close()
    print(conn.closed, round(loop.time(), 2))
asyncio.run(main())
)",
                          hosts({{"127.0.0.1", 0.01}}));
        QCOMPARE(text(r.err), QString());
        QCOMPARE(text(r.out),
                 QStringLiteral("5\n"
                                "(('%', 'root'), ('localhost', 'mysql.infoschema'), ('localhost', 'mysql.session'), "
                                "('localhost', 'mysql.sys'), ('localhost', 'root')) 0.04\n"
                                "('root',) (('mysql.sys',),) 2\n"
                                "ProgrammingError (1146, \"Table 'mysql.nope' doesn't exist\")\n"
                                "[{'User': 'root', 'Host': '%'}] [{'User': 'root', 'Host': 'localhost'}] []\n"
                                "True 0.14\n"));
    }

    void aRefusedMysqlHostRaisesOperationalError()
    {
        auto world = std::make_shared<WorldConfig>();
        world->hosts["10.1.1.1"].failure = WorldFailure::Refused;
        const Run r = run(R"(
import asyncio, aiomysql
async def main():
    try:
        await aiomysql.connect(host='10.1.1.1', user='root', password='x', db='mysql')
    except aiomysql.OperationalError as e:
        print(e.args)
asyncio.run(main())
)",
                          world);
        QVERIFY2(r.err.empty(), r.err.c_str());
        QCOMPARE(text(r.out), QStringLiteral("(2003, \"Can't connect to MySQL server on '10.1.1.1'\")\n"));
    }

    void asyncEndpointsOverlapTheirAwaitsSoTwoClientsFinishTogether()
    {
        auto world = std::make_shared<WorldConfig>();
        world->clients = {client("A", "/slow", 0), client("B", "/slow", 0)};
        const Run r = run(R"(
import asyncio, time, uvicorn
from fastapi import FastAPI
app = FastAPI()
@app.get("/slow")
async def slow():
    await asyncio.sleep(3)
    print('done', asyncio.get_running_loop().time())
    return {"ok": True}
t0 = time.monotonic()
uvicorn.run(app, host="127.0.0.1", port=5000)
print('served in', time.monotonic() - t0)
)",
                          world);
        QCOMPARE(text(r.out), QStringLiteral("done 3.0\ndone 3.0\nserved in 3.0\n"));
        QVERIFY2(r.err.find("INFO:     A - \"GET /slow HTTP/1.1\" 200 OK\n") != std::string::npos, r.err.c_str());
        QVERIFY(r.err.find("Uvicorn running on http://127.0.0.1:5000") != std::string::npos);
    }

    void aSyncEndpointBlocksOnlyAWorkerLaneWhileTheLoopServesOthers()
    {
        auto world = std::make_shared<WorldConfig>();
        world->clients = {client("A", "/sync", 0), client("B", "/sync", 0), client("C", "/fast", 0.5)};
        const Run r = run(R"(
import asyncio, threading, time, uvicorn
from fastapi import FastAPI
app = FastAPI()
@app.get("/sync")
def blocking():
    time.sleep(2)
    print('sync on', threading.current_thread().name)
    return {"slept": 2}
@app.get("/fast")
async def fast():
    print('fast at', asyncio.get_running_loop().time())
    return {}
t0 = time.monotonic()
uvicorn.run("main:app", port=8000, log_level="info")
print('served in', time.monotonic() - t0)
)",
                          world);
        QCOMPARE(text(r.out), QStringLiteral("fast at 0.5\n"
                                             "sync on AnyIO worker thread_0\n"
                                             "sync on AnyIO worker thread_1\n"
                                             "served in 2.0\n"));
    }

    void timeSleepInAnAsyncEndpointSerialisesTheClients()
    {
        auto world = std::make_shared<WorldConfig>();
        world->clients = {client("A", "/red", 0), client("B", "/red", 0.5), client("C", "/", 1, 3, 0.5)};
        const Run r = run(R"(
import asyncio, time, uvicorn
from fastapi import FastAPI
app = FastAPI()
@app.get("/")
def index():
    return {"message": "Hello World"}
@app.get("/red")
async def red():
    print('red at', asyncio.get_running_loop().time())
    time.sleep(3)
    return {}
t0 = time.monotonic()
uvicorn.run(app)
print('served in', time.monotonic() - t0)
)",
                          world);
        // A holds the loop 0..3, B (due at 0.5) then holds it 3..6; the index
        // requests due at 1, 1.5 and 2 only reach the app when A lets go.
        QVERIFY2(r.out.find("red at 0.0\nred at 3.0\n") == 0, r.out.c_str());
        QVERIFY2(r.out.find("served in 6.0\n") != std::string::npos, r.out.c_str());
    }

    void roundTripsAreTracedAsIoWaitsOnTheHostsServerLane()
    {
        Trace trace;
        RunContext context;
        context.trace = &trace;
        Vm::Options options;
        options.context = &context;
        options.world = hosts({{"10.0.0.1", 0.25}});
        Vm vm(std::move(options));
        QCOMPARE(vm.run(R"(
import asyncio, aioredis
async def main():
    redis = await aioredis.create_redis('redis://10.0.0.1:6379')
    await redis.get('k')
asyncio.run(main())
)"),
                 Vm::Status::Ok);
        TaskId lane = 0;
        std::string log;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const Event& e = trace[i];
            if (e.kind == EventKind::TaskCreated && TaskKind(e.a) == TaskKind::Server) {
                lane = e.subject;
                log += "lane " + std::string(trace.text(e.v)) + "; ";
            } else if (e.kind == EventKind::Io && e.subject != lane && IoOp(e.a) == IoOp::Request) {
                log += "request " + std::string(trace.text(e.v)) + " " + std::to_string(e.y) + "us; ";
            } else if (e.kind == EventKind::TaskState && TaskState(e.a) == TaskState::Waiting &&
                       WaitKind(e.b) == WaitKind::Io && e.subject != lane) {
                log += e.x == lane ? "waits on the lane; " : "waits elsewhere; ";
            }
        }
        QCOMPARE(QString::fromStdString(log),
                 QStringLiteral("request 10.0.0.1:6379 250000us; lane 10.0.0.1:6379; waits on the lane; "
                                "request 10.0.0.1:6379 250000us; waits on the lane; "));
    }

    void unknownPathsAndMethodsGetFastapisErrorStatuses()
    {
        auto world = std::make_shared<WorldConfig>();
        world->clients = {client("A", "/missing", 0), client("B", "/items/7", 0.1)};
        world->clients.push_back(client("C", "/items/7", 0.2));
        world->clients.back().method = "DELETE";
        const Run r = run(R"(
import uvicorn
from fastapi import FastAPI
app = FastAPI()
@app.get("/items/{item_id}")
def item(item_id):
    print('item', item_id)
    return {"item_id": item_id}
uvicorn.run(app)
)",
                          world);
        QCOMPARE(text(r.out), QStringLiteral("item 7\n"));
        QVERIFY2(r.err.find("A - \"GET /missing HTTP/1.1\" 404 Not Found") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("B - \"GET /items/7 HTTP/1.1\" 200 OK") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("C - \"DELETE /items/7 HTTP/1.1\" 405 Method Not Allowed") != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(tst_Services)
#include "tst_services.moc"
