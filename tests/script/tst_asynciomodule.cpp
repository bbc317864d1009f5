// The pylite `asyncio` module on the core event loop: pylite coroutines
// driven by core Tasks on the virtual clock, awaiting core Futures, gather,
// wait, wait_for, shield, cancellation, the loop object and CPython's
// messages and warnings.

#include "core/script/vm/Vm.h"

#include <QString>
#include <QtTest>

#include <string>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

struct Run {
    Vm::Status status;
    std::string out;
    std::string err;
};

Run run(const char* source)
{
    Vm vm;
    const Vm::Status status = vm.run(source);
    return {status, vm.output(Stream::Stdout), vm.output(Stream::Stderr)};
}

QString lastLine(const std::string& text)
{
    const QStringList lines = QString::fromStdString(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last();
}

} // namespace

class tst_AsyncioModule : public QObject {
    Q_OBJECT

private slots:
    void tasksInterleaveAtAwaitPointsInTimerOrder()
    {
        const Run r = run(R"(
import asyncio
async def work(tag, delay):
    print(tag, end=' ')
    await asyncio.sleep(delay)
    print(tag + 1, end=' ')
async def main():
    await asyncio.gather(work(1, 0.2), work(2, 0.1))
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("1 2 3 2 "));
    }

    void sleepsOverlapOnTheVirtualClock()
    {
        const Run r = run(R"(
import asyncio, time
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time(); w0 = time.monotonic()
    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(3), asyncio.sleep(2))
    print(loop.time() - t0, time.monotonic() - w0)
    time.sleep(0.5)
    print(loop.time() - t0)
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("3.0 3.0\n3.5\n"));
    }

    void gatherKeepsArgumentOrderAndReturnsExceptions()
    {
        const Run r = run(R"(
import asyncio
async def val(v, d):
    await asyncio.sleep(d)
    if v == 'bad':
        raise ValueError(v)
    return v
async def main():
    print(await asyncio.gather(val('a', 0.3), val('b', 0.1), asyncio.sleep(0.2, result='c')))
    print(await asyncio.gather(val('bad', 0.1), val('x', 0.2), return_exceptions=True))
    try:
        await asyncio.gather(val('bad', 0.1), val('y', 0.2))
    except ValueError as e:
        print('raised', e)
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("['a', 'b', 'c']\n[ValueError('bad'), 'x']\nraised bad\n"));
    }

    void tasksHaveCPythonNamesAndReprs()
    {
        const Run r = run(R"(
import asyncio
async def quick():
    return 'value'
async def main():
    t = asyncio.create_task(quick())
    print(t.get_name(), asyncio.current_task().get_name())
    print(t)
    await t
    print(t)
    u = asyncio.create_task(quick(), name='named')
    u.set_name('renamed')
    print(await u, u.get_name(), u.done(), u.cancelled())
asyncio.run(main())
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("Task-2 Task-1\n<Task pending name='Task-2' coro=<quick() running at main.py:3>>\n"
                                "<Task finished name='Task-2' coro=<quick() done, defined at main.py:3> result='value'>\n"
                                "value renamed True False\n"
                                "Task-7 Task-6\n<Task pending name='Task-7' coro=<quick() running at main.py:3>>\n"
                                "<Task finished name='Task-7' coro=<quick() done, defined at main.py:3> result='value'>\n"
                                "value renamed True False\n"));
    }

    void cancellingASleepingTaskRaisesCancelledErrorInIt()
    {
        const Run r = run(R"(
import asyncio
async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print('cancelled with', e.args)
        raise
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print(t.cancel('stop'))
    try:
        await t
    except asyncio.CancelledError:
        print('awaiter sees CancelledError', t.cancelled())
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("True\ncancelled with ('stop',)\nawaiter sees CancelledError True\n"));
    }

    void waitForTimesOutAndWaitSplitsDoneFromPending()
    {
        const Run r = run(R"(
import asyncio
async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=1)
    except asyncio.TimeoutError:
        print('timeout at', asyncio.get_running_loop().time())
    a = asyncio.create_task(asyncio.sleep(1, result='a'))
    b = asyncio.create_task(asyncio.sleep(3, result='b'))
    done, pending = await asyncio.wait({a, b}, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    done, pending = await asyncio.wait({a, b}, timeout=10)
    print(sorted(t.result() for t in done), len(pending))
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("timeout at 1.0\n['a'] 1\n['a', 'b'] 0\n"));
    }

    void futuresResolvedByLoopCallbacksWakeTheirAwaiters()
    {
        const Run r = run(R"(
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('callback', f.result()))
    loop.call_later(2, fut.set_result, 42)
    h = loop.call_later(1, print, 'never')
    h.cancel()
    loop.call_soon(print, 'soon')
    print('awaited', await fut, loop.time())
    await asyncio.sleep(0)
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("soon\ncallback 42\nawaited 42 2.0\n"));
    }

    void runUntilCompleteOnTheLegacyLoop()
    {
        const Run r = run(R"(
import asyncio
async def f(n):
    print(n, end=' ')
    await asyncio.sleep(n)
    print(n + 10, end=' ')
tasks = [asyncio.ensure_future(f(2)), asyncio.ensure_future(f(1))]
loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(tasks))
print(loop.time())
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("2 1 11 12 2.0\n"));
    }

    void runRefusesARunningLoopAndNonCoroutines()
    {
        const Run r = run(R"(
import asyncio
async def inner():
    return 1
async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print(e)
    await c
try:
    asyncio.run(inner)
except ValueError as e:
    print(e.args[0][:28])
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("a coroutine was expected, go\nasyncio.run() cannot be called from a running event loop\n"));
    }

    void locksQueuesAndEventsHandOverInFifoOrder()
    {
        const Run r = run(R"(
import asyncio
log = []
async def critical(name, lock):
    async with lock:
        log.append(name + '+')
        await asyncio.sleep(0.1)
        log.append(name + '-')
async def producer(q):
    for i in range(3):
        await q.put(i)
        log.append('put%d' % i)
    await q.put(None)
async def consumer(q):
    while (item := await q.get()) is not None:
        log.append('got%d' % item)
        await asyncio.sleep(0.1)
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(critical('a', lock), critical('b', lock))
    q = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(q), consumer(q))
    ev = asyncio.Event()
    async def waiter(n):
        log.append('w%d %s' % (n, await ev.wait()))
    ts = [asyncio.create_task(waiter(n)) for n in (1, 2)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ts)
    print(' '.join(log))
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("a+ a- b+ b- put0 got0 put1 got1 put2 got2 w1 True w2 True\n"));
    }

    void conditionWaitForRechecksItsPredicate()
    {
        const Run r = run(R"(
import asyncio
state = {'n': 0}
async def waiter(cond):
    async with cond:
        print('woke with', await cond.wait_for(lambda: state['n'] >= 2))
async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    for _ in range(2):
        await asyncio.sleep(0.1)
        async with cond:
            state['n'] += 1
            cond.notify_all()
            print('notified', state['n'])
    await t
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("notified 1\nnotified 2\nwoke with True\n"));
    }

    void aDeadlockEndsTheRunWithStatus3AndNamesTheWaitingTasks()
    {
        Vm vm;
        const Vm::Status status = vm.run(R"(
import asyncio
async def main():
    await asyncio.Event().wait()
asyncio.run(main())
print('not reached')
)");
        QCOMPARE(QString::fromStdString(vm.output(Stream::Stdout)), QString());
        QCOMPARE(vm.exitStatus(), 3);
        QVERIFY(status != Vm::Status::Ok);
        QVERIFY2(vm.output(Stream::Stderr).find("deadlock") != std::string::npos, vm.output(Stream::Stderr).c_str());
        QVERIFY(vm.output(Stream::Stderr).find("Task-1 waits on event") != std::string::npos);
    }

    void timeoutAndAsCompletedUseTheVirtualClock()
    {
        const Run r = run(R"(
import asyncio
async def job(d):
    await asyncio.sleep(d)
    return d
async def main():
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(2)
    except TimeoutError:
        print('timed out at', asyncio.get_running_loop().time())
    for f in asyncio.as_completed([job(0.3), job(0.1), job(0.2)]):
        print(await f, end=' ')
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("timed out at 0.5\n0.1 0.2 0.3 "));
    }

    void executorJobsRunOnWorkerLanesInParallelVirtualTime()
    {
        const Run r = run(R"(
import time, threading
from concurrent.futures import ThreadPoolExecutor, as_completed
def job(name, s):
    time.sleep(s)
    return name + '@' + threading.current_thread().name
start = time.monotonic()
with ThreadPoolExecutor(max_workers=2, thread_name_prefix='w') as pool:
    fs = [pool.submit(job, n, s) for n, s in (('a', 0.3), ('b', 0.1), ('c', 0.1))]
    print([f.result() for f in as_completed(fs)])
print(round(time.monotonic() - start, 1), threading.current_thread().name)
)");
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("['b@w_1', 'c@w_1', 'a@w_0']\n0.3 MainThread\n"));
    }

    void runInExecutorOverlapsWithCoroutines()
    {
        const Run r = run(R"(
import asyncio, time
def blocking(s):
    time.sleep(s)
    return 'io'
async def tick(log):
    for i in range(3):
        await asyncio.sleep(0.1)
        log.append(i)
async def main():
    loop = asyncio.get_running_loop()
    log = []
    r, _ = await asyncio.gather(loop.run_in_executor(None, blocking, 0.25), tick(log))
    print(r, log, round(loop.time(), 2))
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("io [0, 1, 2] 0.3\n"));
    }

    void aTaskGroupCancelsSiblingsAndRaisesAnExceptionGroup()
    {
        const Run r = run(R"(
import asyncio
async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, 'cancelled')
        raise
    if fail:
        raise ValueError(name)
    print(name, 'done')
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('a', 0.1))
            tg.create_task(work('b', 0.2, fail=True))
            tg.create_task(work('c', 0.2, fail=True))
            tg.create_task(work('d', 0.5))
    except ExceptionGroup as eg:
        print(eg.message, sorted(str(e) for e in eg.exceptions))
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(work('e', 0.1))
    print(t.done())
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("a done\nd cancelled\nunhandled errors in a TaskGroup ['b', 'c']\ne done\nTrue\n"));
    }

    void generatorBasedCoroutinesAndPoliciesKeepWorking()
    {
        const Run r = run(R"(
import asyncio, types, uvloop
@types.coroutine
def legacy(tag):
    got = yield
    slept = yield from asyncio.sleep(0.1, result=tag)
    return slept + ' back'
async def main():
    return await legacy('x'), asyncio.get_running_loop().time()
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
print(asyncio.run(main()))
asyncio.set_event_loop_policy(None)
c = main()
print(c.send(None), type(asyncio.get_event_loop_policy()).__name__)
c.close()
)");
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("('x back', 0.1)\nNone _UnixDefaultEventLoopPolicy\n"));
    }

    void anUnretrievedTaskExceptionIsReported()
    {
        const Run r = run(R"(
import asyncio
async def boom():
    raise KeyError('lost')
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(1)
asyncio.run(main())
)");
        QCOMPARE(int(r.status), int(Vm::Status::Ok));
        QVERIFY(r.err.find("Task exception was never retrieved\nfuture: <Task finished name='Task-2' "
                           "coro=<boom() done, defined at main.py:3> exception=KeyError('lost')>") == 0);
        QCOMPARE(lastLine(r.err), QStringLiteral("KeyError: 'lost'"));
    }
};

QTEST_APPLESS_MAIN(tst_AsyncioModule)
#include "tst_asynciomodule.moc"
