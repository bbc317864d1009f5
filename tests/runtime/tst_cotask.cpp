// co::Task: native C++20 coroutines on the loop — laziness, awaiting futures,
// sleeps, tasks and other co::Tasks, exceptions and cancellation at the
// co_await point, and no leaked frames or results.
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Sleep.h"
#include "core/runtime/native/Spawn.h"

#include <QtTest>

#include <string>

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
    std::string out = "@";
    out += std::to_string(loop.now() / (kSecond / 10));
    return out;
}

/// Counts live instances (cppcoro's lifetime checker).
struct Counted {
    static inline int alive = 0;
    static inline int created = 0;
    int value = 0;
    explicit Counted(int v = 0)
        : value(v)
    {
        ++alive;
        ++created;
    }
    Counted(const Counted& o)
        : value(o.value)
    {
        ++alive;
        ++created;
    }
    Counted(Counted&& o) noexcept
        : value(o.value)
    {
        ++alive;
        ++created;
    }
    ~Counted() { --alive; }
};

co::Task<int> answerAfter(EventLoop& loop, Nanos d, int value)
{
    co_await co::sleep(loop, d);
    co_return value;
}

co::Task<int> failAfter(EventLoop& loop, Nanos d)
{
    co_await co::sleep(loop, d);
    throw ValueError("child failed");
}

} // namespace

class tst_CoTask : public QObject {
    Q_OBJECT
private slots:
    void init() { Counted::alive = Counted::created = 0; }

    void aCoTaskDoesNotStartUntilItIsSpawnedAndTheLoopRuns()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto body = [&]() -> co::Task<int> {
            append(log, "body");
            co_return 1;
        };
        co::Task<int> lazy = body();
        QVERIFY(log.empty());
        auto task = co::spawn(loop, std::move(lazy));
        QVERIFY(log.empty()); // the first step is scheduled, not run inline
        loop.runUntilComplete(*task);
        QCOMPARE(QString::fromStdString(log), QStringLiteral("body"));
        QCOMPARE(task->result(), 1);
    }

    void awaitingAFutureSuspendsUntilItResolvesAndYieldsItsValue()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<std::string>::create(loop);
        auto waiter = [&]() -> co::Task<void> {
            append(log, "waiting");
            std::string v = co_await f;
            append(log, "got=" + v);
        };
        loop.callLater(kSecond, [&] {
            append(log, "resolve");
            f->setResult(std::string("x"));
        });
        co::run(loop, waiter());
        QCOMPARE(QString::fromStdString(log), QStringLiteral("waiting resolve got=x"));
    }

    void awaitingADoneFutureDoesNotGiveUpTheLoop()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto done = Future<int>::create(loop);
        done->setResult(5);
        auto a = [&]() -> co::Task<void> {
            append(log, "a1");
            int v = co_await done;
            append(log, "a2=" + std::to_string(v));
        };
        auto b = [&]() -> co::Task<void> {
            append(log, "b1");
            co_return;
        };
        auto ta = co::spawn(loop, a());
        auto tb = co::spawn(loop, b());
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("a1 a2=5 b1"));
    }

    void sleepsWakeInDeadlineOrderOnTheVirtualClock()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto sleeper = [&](std::string name, Nanos d) -> co::Task<void> {
            co_await co::sleep(loop, d);
            append(log, name + at(loop));
        };
        auto t3 = co::spawn(loop, sleeper("c", 3 * kSecond));
        auto t1 = co::spawn(loop, sleeper("a", 1 * kSecond));
        auto t2 = co::spawn(loop, sleeper("b", 2 * kSecond));
        auto t1b = co::spawn(loop, sleeper("a2", 1 * kSecond));
        loop.runUntilComplete(*t3);
        QCOMPARE(QString::fromStdString(log), QStringLiteral("a@10 a2@10 b@20 c@30"));
    }

    void yieldNowAndSleepZeroGiveOtherTasksOnePass()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto worker = [&](std::string name, bool useSleep) -> co::Task<void> {
            for (int i = 1; i <= 3; ++i) {
                append(log, name + std::to_string(i));
                if (useSleep)
                    co_await co::sleep(loop, 0);
                else
                    co_await co::yieldNow();
            }
        };
        auto a = co::spawn(loop, worker("a", false));
        auto b = co::spawn(loop, worker("b", true));
        loop.runUntilComplete(*b);
        QCOMPARE(QString::fromStdString(log), QStringLiteral("a1 b1 a2 b2 a3 b3"));
        QCOMPARE(loop.now(), Nanos(0));
    }

    void awaitingAChildCoTaskRunsItInlineInTheSameTask()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        TaskBase* outer = nullptr;
        TaskBase* inner = nullptr;
        auto child = [&]() -> co::Task<int> {
            inner = loop.currentTask();
            co_await co::sleep(loop, kSecond);
            co_return 20;
        };
        auto parent = [&]() -> co::Task<int> {
            outer = loop.currentTask();
            int a = co_await child();
            int b = co_await answerAfter(loop, kSecond, 2);
            co_return a + b;
        };
        QCOMPARE(co::run(loop, parent()), 22);
        QVERIFY(outer != nullptr);
        QCOMPARE(inner, outer);
        QCOMPARE(loop.now(), 2 * kSecond);
    }

    void anExceptionTravelsFromChildToParentToTheTask()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto parent = [&]() -> co::Task<int> {
            try {
                co_await failAfter(loop, kSecond);
            } catch (const ValueError& e) {
                append(log, std::string("caught:") + e.what());
            }
            co_return co_await failAfter(loop, kSecond);
        };
        auto task = co::spawn(loop, parent());
        loop.runUntilComplete(*task);
        QCOMPARE(QString::fromStdString(log), QStringLiteral("caught:child failed"));
        QVERIFY(task->done() && !task->cancelled());
        QCOMPARE(QString::fromStdString(describeException(task->exception())), QStringLiteral("ValueError: child failed"));
        try {
            co::run(loop, failAfter(loop, 0));
            QFAIL("expected ValueError");
        } catch (const ValueError&) {
        }
    }

    void cancellationIsThrownAtTheCoAwaitPoint()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto sleeper = [&]() -> co::Task<std::string> {
            try {
                co_await co::sleep(loop, 10 * kSecond);
            } catch (const CancelledError& e) {
                append(log, "cancelled" + at(loop) + ":" + e.what());
                throw;
            }
            co_return "finished";
        };
        auto task = co::spawn(loop, sleeper());
        loop.callLater(kSecond, [&] { task->cancel("enough"); });
        try {
            loop.runUntilComplete(*task);
        } catch (...) {
            QFAIL("runUntilComplete must not throw for a cancelled task");
        }
        QVERIFY(task->cancelled());
        QCOMPARE(QString::fromStdString(log), QStringLiteral("cancelled@10:enough"));
        try {
            task->result();
            QFAIL("expected CancelledError");
        } catch (const CancelledError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("enough"));
        }
        QCOMPARE(loop.timerCount(), std::size_t(0)); // the sleep's timer was cancelled and dropped
    }

    void aCoroutineMayCatchCancellationAndCarryOn()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto stubborn = [&]() -> co::Task<int> {
            int caught = 0;
            for (;;) {
                try {
                    co_await co::sleep(loop, kSecond);
                    co_return caught;
                } catch (const CancelledError&) {
                    ++caught;
                    loop.currentTask()->uncancel();
                }
            }
        };
        auto task = co::spawn(loop, stubborn());
        loop.callSoon([&] { task->cancel(); });
        loop.callLater(kSecond / 2, [&] { task->cancel(); });
        loop.runUntilComplete(*task);
        QCOMPARE(task->result(), 2);
        QCOMPARE(task->cancelling(), 0);
        QCOMPARE(loop.now(), kSecond + kSecond / 2);
    }

    void cancellingATaskUnwindsItsWholeChainOfCoroutines()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto leaf = [&]() -> co::Task<void> {
            Counted guard;
            co_await co::sleep(loop, 5 * kSecond);
            append(log, "leaf-finished");
        };
        auto middle = [&]() -> co::Task<void> {
            Counted guard;
            try {
                co_await leaf();
            } catch (const CancelledError&) {
                append(log, "middle-saw-cancel");
                throw;
            }
        };
        auto task = co::spawn(loop, middle());
        loop.callLater(kSecond, [&] { task->cancel(); });
        loop.runUntilComplete(*task);
        QVERIFY(task->cancelled());
        QCOMPARE(QString::fromStdString(log), QStringLiteral("middle-saw-cancel"));
        QCOMPARE(Counted::created, 2);
        QCOMPARE(Counted::alive, 0);
    }

    void awaitingAnotherTaskGivesItsResultOrItsCancellation()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto other = co::spawn(loop, answerAfter(loop, kSecond, 9));
        auto victim = co::spawn(loop, answerAfter(loop, 5 * kSecond, 0));
        auto main = [&]() -> co::Task<void> {
            int v = co_await other;
            append(log, "other=" + std::to_string(v));
            victim->cancel("gone");
            try {
                co_await victim;
            } catch (const CancelledError& e) {
                append(log, std::string("victim:") + e.what());
            }
        };
        co::run(loop, main());
        QCOMPARE(QString::fromStdString(log), QStringLiteral("other=9 victim:gone"));
    }

    void cancellingATaskBeforeItStartsNeverRunsItsBody()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        bool ran = false;
        auto body = [&]() -> co::Task<void> {
            ran = true;
            co_return;
        };
        auto task = co::spawn(loop, body());
        QVERIFY(task->cancel());
        loop.runUntilComplete(*task);
        QVERIFY(task->cancelled());
        QVERIFY(!ran);
    }

    void framesAndResultsAreAllDestroyedAfterARun()
    {
        {
            RunContext ctx;
            EventLoop loop(ctx);
            auto make = [&](int v) -> co::Task<Counted> {
                Counted local(v);
                co_await co::sleep(loop, kSecond * v);
                co_return Counted(v * 10);
            };
            auto sum = [&]() -> co::Task<int> {
                Counted a = co_await make(1);
                auto t = co::spawn(loop, make(2));
                Counted b = co_await t;
                co_return a.value + b.value;
            };
            QCOMPARE(co::run(loop, sum()), 30);
            // a task left pending when the loop goes away is freed with it
            auto pending = co::spawn(loop, make(100));
            loop.runOnce();
            QVERIFY(Counted::alive > 0);
            pending.reset();
        }
        QVERIFY(Counted::created > 4);
        QCOMPARE(Counted::alive, 0);
    }

    void anUnspawnedCoTaskIsFreedWithoutRunning()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        bool ran = false;
        {
            auto body = [&](Counted c) -> co::Task<void> {
                ran = true;
                co_return;
            };
            co::Task<void> t = body(Counted(1));
            QCOMPARE(Counted::alive, 1); // the argument copy lives in the frame
        }
        QVERIFY(!ran);
        QCOMPARE(Counted::alive, 0);
    }
};

QTEST_APPLESS_MAIN(tst_CoTask)
#include "tst_cotask.moc"
