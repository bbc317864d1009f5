// ThreadPoolExecutor: simulated worker lanes on fibers — naming, on-demand
// workers, virtual timing of blocking jobs (only the worker blocks, never
// the loop), results and errors delivered to loop futures, cancellation,
// teardown without leaks, and the trace of the lanes.
#include "core/runtime/greenlet/StackPool.h"
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Gather.h"
#include "core/runtime/loop/ThreadPoolExecutor.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Lock.h"
#include "core/runtime/native/Queue.h"
#include "core/runtime/native/Sleep.h"
#include "core/runtime/native/Spawn.h"

#include "core/trace/Model.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace coroscope;

namespace {

constexpr Nanos kSecond = 1'000'000'000;

void append(std::string& log, const std::string& word)
{
    if (!log.empty())
        log += ' ';
    log += word;
}

std::string at(EventLoop& loop)
{
    return "@" + std::to_string(loop.now() / (kSecond / 10));
}

QString str(const std::string& s)
{
    return QString::fromStdString(s);
}

struct Counted {
    explicit Counted(int* alive)
        : alive(alive)
    {
        ++*alive;
    }
    Counted(const Counted&) = delete;
    ~Counted() { --*alive; }
    int* alive;
};

/// Logs "<label>@<time>" when `f` resolves.
void logWhenDone(EventLoop& loop, FutureBase& f, std::string& log, std::string label)
{
    f.addDoneCallback([&loop, &log, label] { append(log, label + at(loop)); });
}

} // namespace

class tst_Executor : public QObject {
    Q_OBJECT
private slots:
    void workersAreCreatedOnDemandAndNamedAfterTheirExecutor()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor first(loop, stacks, 3);
        ThreadPoolExecutor second(loop, stacks, 3);
        QCOMPARE(first.workerCount(), std::size_t(0));
        auto a = first.submit([] { return 1; });
        auto b = first.submit([] { return 2; });
        auto c = second.submit([] { return 3; });
        QCOMPARE(first.workerCount(), std::size_t(2));
        QCOMPARE(str(first.workerName(0)), QStringLiteral("ThreadPoolExecutor-0_0"));
        QCOMPARE(str(first.workerName(1)), QStringLiteral("ThreadPoolExecutor-0_1"));
        QCOMPARE(str(second.workerName(0)), QStringLiteral("ThreadPoolExecutor-1_0"));
        loop.runUntilComplete(*c);
        loop.runUntilComplete(*b);
        // Both workers are idle now: a new job reuses one instead of adding a third.
        auto d = first.submit([] { return 4; });
        QCOMPARE(first.workerCount(), std::size_t(2));
        loop.runUntilComplete(*d);
        QCOMPARE(a->result() + b->result() + c->result() + d->result(), 10);
    }

    void twoOneSecondJobsOnTwoWorkersFinishTogetherAtOneSecond()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor pool(loop, stacks, 2);
        std::string log;
        std::vector<Ref<Future<int>>> jobs;
        for (int i = 1; i <= 2; ++i) {
            jobs.push_back(pool.submit([&loop, i] {
                loop.block(kSecond); // time.sleep(1) in the worker
                return i;
            }));
            logWhenDone(loop, *jobs.back(), log, std::to_string(i));
        }
        auto all = gather<int>(loop, jobs);
        loop.runUntilComplete(*all);
        QCOMPARE(str(log), QStringLiteral("1@10 2@10"));
        QCOMPARE(loop.now(), kSecond);
    }

    void threeOneSecondJobsOnTwoWorkersFinishAtOneOneAndTwo()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor pool(loop, stacks, 2);
        std::string log;
        std::string lanes;
        std::vector<Ref<Future<int>>> jobs;
        for (int i = 1; i <= 3; ++i) {
            jobs.push_back(pool.submit([&, i] {
                append(lanes, std::to_string(i) + ":" + pool.fibers().currentGreenlet().name().substr(19) + at(loop));
                loop.block(kSecond);
                return i;
            }));
            logWhenDone(loop, *jobs.back(), log, std::to_string(i));
        }
        QCOMPARE(pool.workerCount(), std::size_t(2));
        QCOMPARE(pool.queuedJobs(), std::size_t(1));
        auto all = gather<int>(loop, jobs);
        loop.runUntilComplete(*all);
        QCOMPARE(str(log), QStringLiteral("1@10 2@10 3@20"));
        QCOMPARE(str(lanes), QStringLiteral("1:0_0@0 2:0_1@0 3:0_0@10"));
    }

    void aBlockingJobBlocksOnlyItsWorkerWhileTheLoopRunsOn()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor pool(loop, stacks, 1);
        std::string log;
        auto job = pool.submit([&] {
            loop.block(kSecond);
            append(log, "job-half" + at(loop));
            loop.block(kSecond);
            return 0;
        });
        logWhenDone(loop, *job, log, "job-done");
        auto ticker = [&]() -> co::Task<void> {
            for (int i = 0; i < 3; ++i) {
                co_await co::sleep(loop, kSecond * 7 / 10);
                append(log, "tick" + at(loop));
            }
        };
        auto t = co::spawn(loop, ticker());
        loop.runUntilComplete(*job);
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("tick@7 job-half@10 tick@14 job-done@20 tick@21"));
    }

    void blockingInsideALoopTaskHoldsTheWholeLoop()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto blocker = [&]() -> co::Task<void> {
            loop.block(2 * kSecond); // time.sleep(2) inside a coroutine
            append(log, "blocker" + at(loop));
            co_return;
        };
        auto ticker = [&]() -> co::Task<void> {
            co_await co::sleep(loop, kSecond);
            append(log, "tick" + at(loop));
        };
        auto a = co::spawn(loop, ticker());
        auto b = co::spawn(loop, blocker());
        loop.runUntilComplete(*a);
        QCOMPARE(str(log), QStringLiteral("blocker@20 tick@20"));
        Q_UNUSED(b);
    }

    void anExceptionInAJobFailsItsFuture()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor pool(loop, stacks, 1);
        auto job = pool.submit([&]() -> int {
            loop.block(kSecond);
            throw ValueError("job failed");
        });
        auto waiter = [&]() -> co::Task<std::string> {
            try {
                co_await job;
            } catch (const ValueError& e) {
                co_return std::string(e.what()) + at(loop);
            }
            co_return "no error";
        };
        QCOMPARE(str(co::run(loop, waiter())), QStringLiteral("job failed@10"));
        QCOMPARE(pool.fibers().pool().inUse(), std::size_t(0));
    }

    void aJobCancelledBeforeItStartsNeverRuns()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor pool(loop, stacks, 1);
        std::string log;
        auto first = pool.submit([&] {
            loop.block(kSecond);
            append(log, "first");
        });
        auto second = pool.submit([&] { append(log, "second"); });
        auto third = pool.submit([&] { append(log, "third"); });
        QVERIFY(second->cancel());
        loop.runUntilComplete(*third);
        QCOMPARE(str(log), QStringLiteral("first third"));
        QVERIFY(second->cancelled());
    }

    void aRunningJobRunsOnWhenItsFutureIsCancelled()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor pool(loop, stacks, 1);
        std::string log;
        auto job = pool.submit([&] {
            loop.block(2 * kSecond);
            append(log, "job-finished" + at(loop));
            return 1;
        });
        loop.callLater(kSecond, [&] { job->cancel(); });
        auto after = pool.submit([&] { append(log, "next-job" + at(loop)); });
        loop.runUntilComplete(*after);
        QVERIFY(job->cancelled());
        QCOMPARE(str(log), QStringLiteral("job-finished@20 next-job@20"));
    }

    void destroyingTheExecutorUnwindsParkedJobsAndCancelsTheirFutures()
    {
        RunContext ctx;
        StackPool stacks;
        EventLoop loop(ctx);
        int alive = 0;
        bool unwound = false;
        Ref<Future<int>> parked;
        Ref<Future<int>> queued;
        {
            ThreadPoolExecutor pool(loop, stacks, 1);
            parked = pool.submit([&] {
                Counted guard(&alive);
                struct Flag {
                    bool* flag;
                    ~Flag() { *flag = true; }
                } flag{&unwound};
                loop.block(10 * kSecond);
                return 1;
            });
            queued = pool.submit([] { return 2; });
            loop.runOnce(); // the first job starts and parks in block()
            QCOMPARE(alive, 1);
            QCOMPARE(stacks.inUse(), std::size_t(1));
        }
        QCOMPARE(alive, 0);
        QVERIFY(unwound);
        QCOMPARE(stacks.inUse(), std::size_t(0));
        QVERIFY(parked->cancelled());
        QVERIFY(queued->cancelled());
    }

    void workerLanesAreTracedAsThreadsWithTheirOwnClock()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        StackPool stacks;
        EventLoop loop(ctx);
        ThreadPoolExecutor pool(loop, stacks, 1);
        auto job = pool.submit([&] {
            loop.block(kSecond);
            return 7;
        });
        loop.runUntilComplete(*job);
        const TaskId lane = pool.workerTask(0);
        std::string log;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const Event& e = trace[i];
            if (e.kind == EventKind::TaskCreated && e.subject == lane) {
                QCOMPARE(e.a, std::uint8_t(TaskKind::Thread));
                append(log, "created:" + std::string(trace.text(e.v)));
            } else if (e.kind == EventKind::Switch && (e.subject == lane || e.x == lane)) {
                append(log, std::string(e.subject == lane ? "in:" : "out:") + std::string(toString(SwitchWhy(e.a))));
            } else if (e.kind == EventKind::ClockAdvance && e.x != 0) {
                QCOMPARE(e.x, lane);
                QCOMPARE(e.a, std::uint8_t(ClockWhy::Worker));
                append(log, "lane-clock@" + std::to_string(Nanos(e.v) / (kSecond / 10)));
            } else if (e.kind == EventKind::TaskState && e.subject == lane) {
                append(log, std::string(toString(TaskState(e.a))));
            } else if (e.kind == EventKind::FutureResolved && e.subject == job->id()) {
                append(log, "resolved:" + std::string(trace.text(e.v)));
            }
        }
        QCOMPARE(str(log), QStringLiteral("created:ThreadPoolExecutor-0_0 ready in:start running lane-clock@10 "
                                          "out:block in:resume waiting out:return resolved:7"));
    }

    void anExecutorScenarioTracesToIdenticalBytes()
    {
        auto scenario = [](Trace& trace) {
            RunContext ctx;
            ctx.trace = &trace;
            StackPool stacks;
            EventLoop loop(ctx);
            ThreadPoolExecutor pool(loop, stacks, 2);
            std::vector<Ref<Future<int>>> jobs;
            for (int i = 1; i <= 5; ++i)
                jobs.push_back(pool.submit([&loop, i] {
                    loop.block(i * kSecond / 2);
                    return i;
                }));
            auto all = gather<int>(loop, jobs);
            loop.runUntilComplete(*all);
        };
        Trace first, second;
        scenario(first);
        scenario(second);
        QVERIFY(first.size() > 50);
        QVERIFY(first.serialize() == second.serialize());
    }

    void aMixedRunFoldsIntoTheTraceModelWithoutAnomalies()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        StackPool stacks;
        int total = 0;
        {
            EventLoop loop(ctx);
            ThreadPoolExecutor pool(loop, stacks, 2);
            co::Lock lock(loop);
            co::Queue<int> queue(loop, 1);
            auto producer = [&](int i) -> co::Task<void> {
                co_await lock.acquire();
                co_await co::sleep(loop, kSecond / 2);
                lock.release();
                co_await queue.put(i);
            };
            auto consumer = [&]() -> co::Task<int> {
                int sum = 0;
                for (int i = 0; i < 3; ++i) {
                    sum += co_await queue.get();
                    queue.taskDone();
                }
                sum += co_await pool.submit([&] {
                    loop.block(kSecond);
                    return 10;
                });
                loop.block(kSecond / 10); // a blocking call on the loop itself
                co_return sum;
            };
            auto a = co::spawn(loop, producer(1));
            auto b = co::spawn(loop, producer(2));
            auto c = co::spawn(loop, producer(3));
            auto cancelled = co::spawn(loop, producer(4));
            auto sum = co::spawn(loop, consumer());
            loop.callLater(kSecond / 4, [&] { cancelled->cancel(); });
            loop.runUntilComplete(*sum);
            total = sum->result();
        }
        QCOMPARE(total, 16);
        const Model model = Model::fold(trace, trace.size());
        QString anomalies;
        for (std::size_t i = 0; i < model.anomalyCount(); ++i)
            anomalies += QStringLiteral("#%1 %2; ").arg(model.anomaly(i).event).arg(
                QString::fromUtf8(model.anomaly(i).what.data(), qsizetype(model.anomaly(i).what.size())));
        QCOMPARE(anomalies, QString());
        QVERIFY(trace.size() > 150);
    }
};

QTEST_APPLESS_MAIN(tst_Executor)
#include "tst_executor.moc"
