// The pylite asyncio module's Python 3.7 legacy forms (with their
// DeprecationWarning lines), asyncio.wait as a coroutine, and the Warning and
// Exception events it records in the trace (docs/ARCHITECTURE.md, "asyncio
// module: legacy forms and warnings").

#include "core/runtime/RunContext.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Trace.h"

#include <QString>
#include <QtTest>

#include <memory>
#include <string>
#include <vector>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

struct TracedRun {
    Vm::Status status = Vm::Status::Ok;
    std::string out;
    std::string err;
    std::unique_ptr<Trace> trace = std::make_unique<Trace>();
    Nanos clock = 0;

    /// "kind:subject-name:first line of the text" for each Warning event.
    std::vector<std::string> warnings() const
    {
        std::vector<std::string> list;
        for (std::size_t i = 0; i < trace->size(); ++i) {
            const Event& e = (*trace)[i];
            if (e.kind != EventKind::Warning) continue;
            std::string text(trace->text(e.v));
            text = text.substr(0, text.find('\n'));
            list.push_back(std::string(toString(WarningKind(e.a))) + ":" + taskName(e.subject) + ":" + text);
        }
        return list;
    }

    /// (task name, text) of each Exception event.
    std::vector<std::pair<std::string, std::string>> exceptions() const
    {
        std::vector<std::pair<std::string, std::string>> list;
        for (std::size_t i = 0; i < trace->size(); ++i) {
            const Event& e = (*trace)[i];
            if (e.kind == EventKind::Exception) list.emplace_back(taskName(e.subject), std::string(trace->text(e.v)));
        }
        return list;
    }

    std::string taskName(TaskId id) const
    {
        for (std::size_t i = 0; i < trace->size(); ++i) {
            const Event& e = (*trace)[i];
            if (e.kind == EventKind::TaskCreated && e.subject == id) return std::string(trace->text(e.v));
        }
        return id == 0 ? "loop" : "?";
    }
};

std::unique_ptr<TracedRun> traced(const char* source)
{
    auto r = std::make_unique<TracedRun>();
    RunContext ctx;
    ctx.trace = r->trace.get();
    Vm::Options options;
    options.context = &ctx;
    Vm vm(std::move(options));
    r->status = vm.run(source);
    r->out = vm.output(Stream::Stdout);
    r->err = vm.output(Stream::Stderr);
    r->clock = vm.virtualNanos();
    return r;
}

QString joined(const std::vector<std::string>& items)
{
    QStringList list;
    for (const std::string& s : items) list << QString::fromStdString(s);
    return list.join(QLatin1Char('|'));
}

QString lastLine(const std::string& text)
{
    const QStringList lines = QString::fromStdString(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last();
}

/// Tutorial section 1.3, verbatim (lessons/04-asyncio-coroutine/legacy_coroutine.py).
const char* const kTutorial13 = R"(import asyncio

@asyncio.coroutine
def func1():
    print(1)
    yield from asyncio.sleep(2)
    print(2)


@asyncio.coroutine
def func2():
    print(3)
    yield from asyncio.sleep(2)
    print(4)


tasks = [
    asyncio.ensure_future( func1() ),
    asyncio.ensure_future( func2() )
]

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(tasks))
)";

} // namespace

class tst_AsyncioWarnings : public QObject {
    Q_OBJECT

private slots:
    void aLegacyCoroutineRunsAsInPython37AndWarnsAtItsDecorator()
    {
        const auto r = traced(kTutorial13);
        QCOMPARE(int(r->status), int(Vm::Status::Ok));
        QCOMPARE(QString::fromStdString(r->out), QStringLiteral("1\n3\n2\n4\n"));
        const QString warning = QStringLiteral(": DeprecationWarning: \"@coroutine\" decorator is deprecated since "
                                               "Python 3.8, use \"async def\" instead\n  @asyncio.coroutine\n");
        // ensure_future() at module level makes the loop implicitly: warned at that call too.
        const QString implicitLoop = QStringLiteral(
            ": DeprecationWarning: There is no current event loop: asyncio.get_event_loop() outside a coroutine is "
            "deprecated since Python 3.10; use asyncio.run(main()) instead\n  asyncio.ensure_future( func1() ),\n");
        QCOMPARE(QString::fromStdString(r->err), QStringLiteral("main.py:3") + warning + QStringLiteral("main.py:10") +
                                                     warning + QStringLiteral("main.py:18") + implicitLoop);
        QCOMPARE(r->clock, Nanos(2'000'000'000));
        QCOMPARE(joined(r->warnings()),
                 QStringLiteral("deprecated:main:\"@coroutine\" decorator is deprecated since Python 3.8, use "
                                "\"async def\" instead|"
                                "deprecated:main:\"@coroutine\" decorator is deprecated since Python 3.8, use "
                                "\"async def\" instead|"
                                "deprecated:main:There is no current event loop: asyncio.get_event_loop() outside "
                                "a coroutine is deprecated since Python 3.10; use asyncio.run(main()) instead"));
    }

    void legacyCoroutinesDelegateToEachOtherAndAreAwaitable()
    {
        const auto r = traced(R"(import asyncio
@asyncio.coroutine
def inner(x):
    yield from asyncio.sleep(1)
    return x * 2
@asyncio.coroutine
def outer():
    a = yield from inner(1)
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(1, f.set_result, 10)
    b = yield from f
    return a + b
async def modern():
    return await outer() + await inner(50)
print(asyncio.run(outer()), asyncio.run(modern()))
async def already():
    return 1
print(asyncio.coroutine(already) is already)
)");
        QCOMPARE(QString::fromStdString(r->out), QStringLiteral("12 112\nTrue\n"));
        QCOMPARE(r->clock, Nanos(5'000'000'000));
        QCOMPARE(lastLine(r->err), QStringLiteral("  print(asyncio.coroutine(already) is already)"));
    }

    void aLegacyCoroutineMethodBindsToItsInstance()
    {
        const auto r = traced(R"(import asyncio
class Counter:
    def __init__(self):
        self.n = 3
    @asyncio.coroutine
    def times(self, k):
        yield from asyncio.sleep(0.5)
        return self.n * k
c = Counter()
print(asyncio.run(c.times(2)), Counter.times.__name__, asyncio.run(Counter.times(c, 5)))
)");
        QCOMPARE(QString::fromStdString(r->out), QStringLiteral("6 times 15\n"));
        QCOMPARE(r->clock, Nanos(1'000'000'000));
    }

    void bareCoroutinesPassedToWaitBecomeTasksWithAWarningAtTheCall()
    {
        // Tutorial 3.4 example 3: asyncio.run() runs the coroutine wait() returns.
        const auto r = traced(R"(import asyncio
async def func(n):
    print(1)
    await asyncio.sleep(2)
    print(2)
    return n
task_list = [func("a"), func("b")]
done, pending = asyncio.run( asyncio.wait(task_list) )
print(sorted(t.result() for t in done), pending)
print(sorted(t.get_name() for t in done))
)");
        QCOMPARE(int(r->status), int(Vm::Status::Ok));
        QCOMPARE(QString::fromStdString(r->out),
                 QStringLiteral("1\n1\n2\n2\n['a', 'b'] set()\n['Task-2', 'Task-3']\n"));
        QCOMPARE(QString::fromStdString(r->err),
                 QStringLiteral("main.py:8: DeprecationWarning: The explicit passing of coroutine objects to "
                                "asyncio.wait() is deprecated since Python 3.8, and scheduled for removal in Python "
                                "3.11; wrap them in tasks with asyncio.create_task() first\n"
                                "  done, pending = asyncio.run( asyncio.wait(task_list) )\n"));
        QCOMPARE(r->clock, Nanos(2'000'000'000));
    }

    void waitRunsItsBodyOnTheLoopThatStepsIt()
    {
        const auto r = traced(R"(import asyncio
async def work(n):
    await asyncio.sleep(n)
    return n
async def main():
    tasks = [asyncio.create_task(work(2)), asyncio.create_task(work(1))]
    w = asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    await asyncio.sleep(0.5)
    done, pending = await w
    print([t.result() for t in done], len(pending), asyncio.get_running_loop().time())
    t = asyncio.create_task(asyncio.wait(tasks, timeout=0.25))
    done, pending = await t
    print(len(done), len(pending), asyncio.get_running_loop().time())
    try:
        await asyncio.wait([], return_when="NEVER")
    except ValueError as e:
        print(e)
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r->err), QString());
        QCOMPARE(QString::fromStdString(r->out),
                 QStringLiteral("[1] 1 1.0\n1 1 1.25\nInvalid return_when value: NEVER\n"));
    }

    void getEventLoopWarnsOnStderrOnlyWhenItMakesTheLoop()
    {
        // Warned once, at the call that makes the loop implicitly; not inside
        // a coroutine, not after set_event_loop (as CPython 3.12 does).
        const auto r = traced(R"(import asyncio
loop = asyncio.get_event_loop()
async def inside():
    return asyncio.get_event_loop() is loop
print(loop.run_until_complete(inside()))
mine = asyncio.new_event_loop()
asyncio.set_event_loop(mine)
print(asyncio.get_event_loop() is mine)
)");
        QCOMPARE(QString::fromStdString(r->err),
                 QStringLiteral("main.py:2: DeprecationWarning: There is no current event loop: asyncio.get_event_loop() "
                                "outside a coroutine is deprecated since Python 3.10; use asyncio.run(main()) instead\n"
                                "  loop = asyncio.get_event_loop()\n"));
        QCOMPARE(QString::fromStdString(r->out), QStringLiteral("True\nTrue\n"));
        QCOMPARE(joined(r->warnings()),
                 QStringLiteral("deprecated:main:There is no current event loop: asyncio.get_event_loop() outside "
                                "a coroutine is deprecated since Python 3.10; use asyncio.run(main()) instead"));
    }

    void timeSleepInsideATaskIsABlockingCallWarningInTheTraceOnly()
    {
        // lessons/20-common-mistakes/blocking_sleep.py, shortened.
        const auto r = traced(R"(import asyncio
import time
async def job(name):
    time.sleep(1)
async def main():
    await asyncio.gather(job("A"), job("B"))
time.sleep(0.5)
asyncio.run(main())
)");
        QCOMPARE(QString::fromStdString(r->err), QString());
        QCOMPARE(r->clock, Nanos(2'500'000'000));
        const QString tail = QStringLiteral(": no other task runs meanwhile; use await asyncio.sleep(1)");
        QCOMPARE(joined(r->warnings()),
                 QStringLiteral("blocking-call:Task-2:main.py:4: time.sleep(1) blocks the event loop for 1 s inside "
                                "task 'Task-2'") +
                     tail +
                     QStringLiteral("|blocking-call:Task-3:main.py:4: time.sleep(1) blocks the event loop for 1 s "
                                    "inside task 'Task-3'") +
                     tail);
    }

    void anExceptionEscapingATaskAndTheProgramIsAnExceptionEvent()
    {
        // lessons/14-async-context-manager/context_manager_bug.py, shortened.
        const auto r = traced(R"(import asyncio
class Manager:
    def __init__(self):
        self.conn = conn
async def func():
    Manager()
async def cancelled():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(cancelled())
    await asyncio.sleep(0)
    t.cancel()
    await func()
asyncio.run(main())
)");
        QCOMPARE(int(r->status), int(Vm::Status::Exception));
        const auto list = r->exceptions();
        QCOMPARE(int(list.size()), 2);
        QCOMPARE(QString::fromStdString(list[0].first), QStringLiteral("Task-1"));
        QCOMPARE(QString::fromStdString(list[1].first), QStringLiteral("main"));
        for (const auto& [task, text] : list) {
            QVERIFY2(text.rfind("Traceback (most recent call last):\n", 0) == 0, text.c_str());
            QCOMPARE(lastLine(text), QStringLiteral("NameError: name 'conn' is not defined"));
        }
        QVERIFY(list[0].second.find("line 4, in __init__") != std::string::npos);
        QCOMPARE(lastLine(r->err), QStringLiteral("NameError: name 'conn' is not defined"));
    }

    void unretrievedExceptionsNeverAwaitedCoroutinesAndDeadlocksAreWarningEvents()
    {
        const auto r = traced(R"(import asyncio
async def fail():
    raise ValueError("boom")
async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    fail()
asyncio.run(main())
async def stuck():
    await asyncio.get_running_loop().create_future()
asyncio.run(stuck())
)");
        QCOMPARE(int(r->status), int(Vm::Status::Exception));
        const std::vector<std::string> list = r->warnings();
        QCOMPARE(int(list.size()), 3);
        // The never-awaited warning is the VM's RuntimeWarning (its task is
        // the frame's); the other two name the failed task and the loop.
        QVERIFY2(list[0].starts_with("never-awaited:") && list[0].ends_with(":coroutine 'fail' was never awaited"),
                 list[0].c_str());
        QCOMPARE(QString::fromStdString(list[1]),
                 QStringLiteral("exception-never-retrieved:Task-2:Task exception was never retrieved"));
        QCOMPARE(QString::fromStdString(list[2]),
                 QStringLiteral("deadlock:loop:deadlock: every task is waiting and no timer is pending (Task-5 waits "
                                "on future 5)"));
        QVERIFY(r->err.find("Task exception was never retrieved\nfuture: <Task finished name='Task-2'") !=
                std::string::npos);
    }
};

QTEST_APPLESS_MAIN(tst_AsyncioWarnings)
#include "tst_asynciowarnings.moc"
