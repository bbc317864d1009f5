// The asyncio synchronisation primitives as native coroutines: Lock, Event,
// Semaphore, BoundedSemaphore and Condition — FIFO wakeups, misuse errors
// with CPython's messages, and waiters cancelled before and after wakeup.
// Times in the logs are tenths of a second of virtual time.
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Condition.h"
#include "core/runtime/native/Event.h"
#include "core/runtime/native/Lock.h"
#include "core/runtime/native/Semaphore.h"
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
    return "@" + std::to_string(loop.now() / (kSecond / 10));
}

QString str(const std::string& s)
{
    return QString::fromStdString(s);
}

template <class Fn>
QString errorOf(Fn&& fn)
{
    try {
        fn();
    } catch (const AsyncError& e) {
        return QString::fromLatin1(e.pythonType()) + QStringLiteral(": ") + QString::fromUtf8(e.what());
    }
    return QStringLiteral("no error");
}

/// Takes `lock`, holds it for `hold`, releases it; logs "<name>+" and "<name>-".
co::Task<void> holdLock(EventLoop& loop, co::Lock& lock, std::string& log, std::string name, Nanos hold)
{
    try {
        co_await lock.acquire();
    } catch (const CancelledError&) {
        append(log, name + "-cancelled" + at(loop));
        throw;
    }
    append(log, name + "+" + at(loop));
    co_await co::sleep(loop, hold);
    append(log, name + "-" + at(loop));
    lock.release();
}

co::Task<void> holdSemaphore(EventLoop& loop, co::Semaphore& sem, std::string& log, std::string name, Nanos hold)
{
    co_await sem.acquire();
    append(log, name + at(loop));
    co_await co::sleep(loop, hold);
    sem.release();
}

} // namespace

class tst_Sync : public QObject {
    Q_OBJECT
private slots:
    // ---- Lock -----------------------------------------------------------

    void aLockIsGrantedInTheOrderTasksAskedForIt()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Lock lock(loop);
        std::string log;
        auto a = co::spawn(loop, holdLock(loop, lock, log, "a", kSecond));
        auto b = co::spawn(loop, holdLock(loop, lock, log, "b", kSecond));
        auto c = co::spawn(loop, holdLock(loop, lock, log, "c", kSecond));
        loop.runUntilComplete(*c);
        QCOMPARE(str(log), QStringLiteral("a+@0 a-@10 b+@10 b-@20 c+@20 c-@30"));
        QVERIFY(!lock.locked());
        QCOMPARE(lock.waiterCount(), std::size_t(0));
    }

    void releasingAnUnlockedLockIsARuntimeError()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Lock lock(loop);
        QCOMPARE(errorOf([&] { lock.release(); }), QStringLiteral("RuntimeError: Lock is not acquired."));
    }

    void aWaiterCancelledInTheQueueNeverGetsTheLock()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Lock lock(loop);
        std::string log;
        auto a = co::spawn(loop, holdLock(loop, lock, log, "a", kSecond));
        auto b = co::spawn(loop, holdLock(loop, lock, log, "b", kSecond));
        auto c = co::spawn(loop, holdLock(loop, lock, log, "c", kSecond));
        loop.callLater(kSecond / 2, [&] { b->cancel(); });
        loop.runUntilComplete(*c);
        QCOMPARE(str(log), QStringLiteral("a+@0 b-cancelled@5 a-@10 c+@10 c-@20"));
        QVERIFY(b->cancelled());
    }

    void aWokenWaiterThatIsCancelledHandsTheLockToTheNextWaiter()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Lock lock(loop);
        std::string log;
        Ref<Task<void>> b;
        auto holder = [&]() -> co::Task<void> {
            co_await lock.acquire();
            append(log, "a+");
            co_await co::sleep(loop, kSecond);
            lock.release(); // wakes b ...
            b->cancel();    // ... which is cancelled before it runs
            append(log, "a-");
        };
        auto a = co::spawn(loop, holder());
        b = co::spawn(loop, holdLock(loop, lock, log, "b", kSecond));
        auto c = co::spawn(loop, holdLock(loop, lock, log, "c", kSecond));
        loop.runUntilComplete(*c);
        QCOMPARE(str(log), QStringLiteral("a+ a- b-cancelled@10 c+@10 c-@20"));
        QVERIFY(b->cancelled());
        Q_UNUSED(a);
    }

    void aTaskWaitingForALockIsTracedAsWaitingOnIt()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        EventLoop loop(ctx);
        co::Lock lock(loop);
        std::string log;
        auto a = co::spawn(loop, holdLock(loop, lock, log, "a", kSecond));
        auto b = co::spawn(loop, holdLock(loop, lock, log, "b", kSecond));
        loop.runUntilComplete(*b);
        bool seen = false;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const coroscope::Event& e = trace[i];
            if (e.kind == EventKind::TaskState && e.subject == b->taskId() && TaskState(e.a) == TaskState::Waiting) {
                QCOMPARE(e.b, std::uint16_t(WaitKind::Lock));
                QCOMPARE(e.x, lock.id());
                seen = true;
                break; // its first wait; later it sleeps on a timer
            }
        }
        QVERIFY(seen);
    }

    // ---- Event ----------------------------------------------------------

    void setWakesEveryWaiterInTheOrderTheyWaited()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Event event(loop);
        std::string log;
        auto waiter = [&](std::string name) -> co::Task<void> {
            co_await event.wait();
            append(log, name + at(loop));
        };
        auto a = co::spawn(loop, waiter("a"));
        auto b = co::spawn(loop, waiter("b"));
        auto c = co::spawn(loop, waiter("c"));
        loop.callLater(kSecond, [&] {
            append(log, "set");
            event.set();
            event.set(); // a second set is a no-op
        });
        loop.runUntilComplete(*c);
        QCOMPARE(str(log), QStringLiteral("set a@10 b@10 c@10"));
        QVERIFY(event.isSet());
        QCOMPARE(event.waiterCount(), std::size_t(0));
    }

    void waitingOnASetEventReturnsAtOnceUntilItIsCleared()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Event event(loop);
        event.set();
        std::string log;
        auto waiter = [&]() -> co::Task<void> {
            co_await event.wait();
            append(log, "passed" + at(loop));
            event.clear();
            loop.callLater(kSecond, [&] { event.set(); });
            co_await event.wait();
            append(log, "passed" + at(loop));
        };
        co::run(loop, waiter());
        QCOMPARE(str(log), QStringLiteral("passed@0 passed@10"));
    }

    void aCancelledEventWaiterLeavesTheWaiters()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Event event(loop);
        std::string log;
        auto waiter = [&]() -> co::Task<void> {
            try {
                co_await event.wait();
            } catch (const CancelledError&) {
                append(log, "cancelled" + at(loop));
                throw;
            }
        };
        auto t = co::spawn(loop, waiter());
        loop.runOnce();
        QCOMPARE(event.waiterCount(), std::size_t(1));
        loop.callLater(kSecond, [&] { t->cancel(); });
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("cancelled@10"));
        QCOMPARE(event.waiterCount(), std::size_t(0));
    }

    // ---- Semaphore ------------------------------------------------------

    void aSemaphoreLetsValueTasksInAtOnce()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Semaphore sem(loop, 2);
        std::string log;
        auto a = co::spawn(loop, holdSemaphore(loop, sem, log, "a", kSecond));
        auto b = co::spawn(loop, holdSemaphore(loop, sem, log, "b", kSecond));
        auto c = co::spawn(loop, holdSemaphore(loop, sem, log, "c", kSecond));
        auto d = co::spawn(loop, holdSemaphore(loop, sem, log, "d", 3 * kSecond));
        auto e = co::spawn(loop, holdSemaphore(loop, sem, log, "e", kSecond));
        loop.runUntilComplete(*e);
        QCOMPARE(str(log), QStringLiteral("a@0 b@0 c@10 d@10 e@20"));
        QCOMPARE(sem.value(), 1); // d still holds one
        loop.runUntilComplete(*d);
        QCOMPARE(sem.value(), 2);
    }

    void releaseHandsTheCountToTheLongestWaiterNotToANewcomer()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Semaphore sem(loop, 1);
        std::string log;
        auto a = [&]() -> co::Task<void> {
            co_await sem.acquire();
            co_await co::sleep(loop, kSecond);
            sem.release();
            append(log, sem.locked() ? "a-released" : "a-released-but-free"); // the count went straight to b
        };
        auto ta = co::spawn(loop, a());
        auto b = co::spawn(loop, holdSemaphore(loop, sem, log, "b", kSecond));
        loop.callLater(kSecond, [&] {
            // Same pass as a's release, after it: a newcomer must queue behind b.
            loop.callSoon([&] { co::spawn(loop, holdSemaphore(loop, sem, log, "newcomer", kSecond)); });
        });
        loop.runUntilComplete(*b);
        loop.runUntilComplete(*co::spawn(loop, holdSemaphore(loop, sem, log, "last", 0)));
        QCOMPARE(str(log), QStringLiteral("a-released b@10 newcomer@20 last@30"));
        Q_UNUSED(ta);
    }

    void aWokenSemaphoreWaiterThatIsCancelledGivesTheCountBack()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Semaphore sem(loop, 1);
        std::string log;
        Ref<Task<void>> b;
        auto holder = [&]() -> co::Task<void> {
            co_await sem.acquire();
            append(log, "a");
            co_await co::sleep(loop, kSecond);
            sem.release(); // hands the count to b ...
            b->cancel();   // ... which is cancelled before it runs
        };
        auto a = co::spawn(loop, holder());
        b = co::spawn(loop, holdSemaphore(loop, sem, log, "b", kSecond));
        auto c = co::spawn(loop, holdSemaphore(loop, sem, log, "c", kSecond));
        loop.runUntilComplete(*c);
        QVERIFY(b->cancelled());
        QCOMPARE(str(log), QStringLiteral("a c@10"));
        QCOMPARE(sem.value(), 1);
        Q_UNUSED(a);
    }

    void aSemaphoreRefusesANegativeValue()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        QCOMPARE(errorOf([&] { co::Semaphore s(loop, -1); }),
                 QStringLiteral("ValueError: Semaphore initial value must be >= 0"));
    }

    void aBoundedSemaphoreRefusesToBeReleasedTooManyTimes()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Semaphore plain(loop, 1);
        plain.release();
        QCOMPARE(plain.value(), 2); // a plain semaphore just counts up
        co::BoundedSemaphore bounded(loop, 1);
        QCOMPARE(errorOf([&] { bounded.release(); }),
                 QStringLiteral("ValueError: BoundedSemaphore released too many times"));
        co::run(loop, bounded.acquire());
        QCOMPARE(bounded.value(), 0);
        bounded.release();
        QCOMPARE(bounded.value(), 1);
    }

    // ---- Condition ------------------------------------------------------

    void notifyWakesWaitersOldestFirstAndEachReacquiresTheLock()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Condition cond(loop);
        std::string log;
        auto waiter = [&](std::string name) -> co::Task<void> {
            co_await cond.acquire();
            co_await cond.wait();
            append(log, name + (cond.locked() ? "" : "-without-lock") + at(loop));
            co_await co::sleep(loop, kSecond / 2); // holds the lock meanwhile
            cond.release();
        };
        auto a = co::spawn(loop, waiter("a"));
        auto b = co::spawn(loop, waiter("b"));
        auto c = co::spawn(loop, waiter("c"));
        auto notifier = [&]() -> co::Task<void> {
            co_await co::sleep(loop, kSecond);
            co_await cond.acquire();
            cond.notify();
            append(log, "notify1");
            cond.release();
            co_await co::sleep(loop, kSecond);
            co_await cond.acquire();
            cond.notifyAll();
            append(log, "notifyAll");
            cond.release();
        };
        auto n = co::spawn(loop, notifier());
        loop.runUntilComplete(*c);
        QCOMPARE(str(log), QStringLiteral("notify1 a@10 notifyAll b@20 c@25"));
        QCOMPARE(cond.waiterCount(), std::size_t(0));
        Q_UNUSED(n);
    }

    void waitingOrNotifyingWithoutTheLockIsARuntimeError()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Condition cond(loop);
        QCOMPARE(errorOf([&] { cond.notify(); }), QStringLiteral("RuntimeError: cannot notify on un-acquired lock"));
        try {
            co::run(loop, cond.wait());
            QFAIL("expected RuntimeError");
        } catch (const RuntimeError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("cannot wait on un-acquired lock"));
        }
    }

    void waitForChecksThePredicateAfterEveryWakeup()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Lock shared(loop);
        co::Condition cond(loop, &shared);
        int counter = 0;
        int checks = 0;
        std::string log;
        auto consumer = [&]() -> co::Task<void> {
            co_await cond.acquire();
            co_await cond.waitFor([&] {
                ++checks;
                return counter >= 3;
            });
            append(log, "counter=" + std::to_string(counter) + at(loop));
            cond.release();
        };
        auto producer = [&]() -> co::Task<void> {
            for (int i = 0; i < 3; ++i) {
                co_await co::sleep(loop, kSecond);
                co_await shared.acquire(); // the condition's lock is the shared one
                ++counter;
                cond.notifyAll();
                shared.release();
            }
        };
        auto c = co::spawn(loop, consumer());
        auto p = co::spawn(loop, producer());
        loop.runUntilComplete(*c);
        QCOMPARE(str(log), QStringLiteral("counter=3@30"));
        QCOMPARE(checks, 4);
        Q_UNUSED(p);
    }

    void aCancelledConditionWaitStillReacquiresTheLockFirst()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Condition cond(loop);
        std::string log;
        auto waiter = [&]() -> co::Task<void> {
            co_await cond.acquire();
            try {
                co_await cond.wait();
            } catch (const CancelledError&) {
                append(log, std::string(cond.locked() ? "cancelled-with-lock" : "cancelled-without-lock") + at(loop));
                cond.release();
                throw;
            }
        };
        auto t = co::spawn(loop, waiter());
        auto holder = [&]() -> co::Task<void> {
            co_await co::sleep(loop, kSecond / 2);
            co_await cond.acquire(); // the lock is busy when the waiter is cancelled
            co_await co::sleep(loop, kSecond);
            append(log, "holder-release" + at(loop));
            cond.release();
        };
        auto h = co::spawn(loop, holder());
        loop.callLater(kSecond, [&] { t->cancel(); });
        loop.runUntilComplete(*t);
        QVERIFY(t->cancelled());
        QCOMPARE(str(log), QStringLiteral("holder-release@15 cancelled-with-lock@15"));
        QVERIFY(!cond.locked());
        Q_UNUSED(h);
    }
};

QTEST_APPLESS_MAIN(tst_Sync)
#include "tst_sync.moc"
