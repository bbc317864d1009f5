// co::Queue: asyncio.Queue — FIFO items, bounded put, getters and putters
// woken oldest first, QueueEmpty/QueueFull, task_done/join, and waiters
// cancelled before and after they were woken. Times are tenths of a second.
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Queue.h"
#include "core/runtime/native/Sleep.h"
#include "core/runtime/native/Spawn.h"

#include <QtTest>

#include <memory>
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

co::Task<void> getOne(EventLoop& loop, co::Queue<std::string>& q, std::string& log, std::string name)
{
    try {
        std::string item = co_await q.get();
        append(log, name + "=" + item + at(loop));
    } catch (const CancelledError&) {
        append(log, name + "-cancelled" + at(loop));
        throw;
    }
}

} // namespace

class tst_Queue : public QObject {
    Q_OBJECT
private slots:
    void itemsComeOutInTheOrderTheyWentIn()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<int> q(loop);
        QVERIFY(q.empty());
        QVERIFY(!q.full()); // maxsize 0: never full
        for (int i = 1; i <= 4; ++i)
            q.putNowait(i);
        QCOMPARE(q.qsize(), std::size_t(4));
        std::string log;
        while (!q.empty())
            append(log, std::to_string(q.getNowait()));
        QCOMPARE(str(log), QStringLiteral("1 2 3 4"));
    }

    void emptyAndFullQueuesRaiseOnTheNowaitCalls()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<int> q(loop, 1);
        try {
            q.getNowait();
            QFAIL("expected QueueEmpty");
        } catch (const QueueEmpty& e) {
            QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("QueueEmpty"));
        }
        q.putNowait(1);
        QVERIFY(q.full());
        try {
            q.putNowait(2);
            QFAIL("expected QueueFull");
        } catch (const QueueFull&) {
        }
        QCOMPARE(q.qsize(), std::size_t(1));
    }

    void gettersWaitForItemsAndAreServedOldestFirst()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<std::string> q(loop);
        std::string log;
        auto a = co::spawn(loop, getOne(loop, q, log, "a"));
        auto b = co::spawn(loop, getOne(loop, q, log, "b"));
        loop.callLater(kSecond, [&] {
            q.putNowait("x");
            q.putNowait("y");
        });
        loop.runUntilComplete(*b);
        QCOMPARE(str(log), QStringLiteral("a=x@10 b=y@10"));
        QCOMPARE(q.getterCount(), std::size_t(0));
    }

    void putWaitsWhileABoundedQueueIsFull()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<int> q(loop, 2);
        std::string log;
        auto producer = [&]() -> co::Task<void> {
            for (int i = 1; i <= 4; ++i) {
                co_await q.put(i);
                append(log, "put" + std::to_string(i) + at(loop));
            }
        };
        auto consumer = [&]() -> co::Task<void> {
            for (int i = 1; i <= 4; ++i) {
                co_await co::sleep(loop, kSecond);
                append(log, "get" + std::to_string(co_await q.get()) + at(loop));
            }
        };
        auto p = co::spawn(loop, producer());
        auto c = co::spawn(loop, consumer());
        loop.runUntilComplete(*c);
        QCOMPARE(str(log), QStringLiteral("put1@0 put2@0 get1@10 put3@10 get2@20 put4@20 get3@30 get4@40"));
        Q_UNUSED(p);
    }

    void joinWaitsUntilEveryItemIsMarkedDone()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<int> q(loop);
        std::string log;
        auto worker = [&](std::string name) -> co::Task<void> {
            for (;;) {
                int job = co_await q.get();
                co_await co::sleep(loop, job * kSecond);
                append(log, name + std::to_string(job) + at(loop));
                q.taskDone();
            }
        };
        auto main = [&]() -> co::Task<void> {
            co_await q.join(); // nothing unfinished: returns at once
            append(log, "empty-join" + at(loop));
            for (int job : {2, 1, 3})
                q.putNowait(job);
            auto w1 = co::spawn(loop, worker("w1-"));
            auto w2 = co::spawn(loop, worker("w2-"));
            co_await q.join();
            append(log, "joined" + at(loop));
            w1->cancel();
            w2->cancel();
        };
        co::run(loop, main());
        QCOMPARE(str(log), QStringLiteral("empty-join@0 w2-1@10 w1-2@20 w2-3@40 joined@40"));
        QCOMPARE(q.unfinishedTasks(), std::size_t(0));
    }

    void taskDoneCalledTooOftenIsAValueError()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<int> q(loop);
        q.putNowait(1);
        (void)q.getNowait();
        q.taskDone();
        try {
            q.taskDone();
            QFAIL("expected ValueError");
        } catch (const ValueError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("task_done() called too many times"));
        }
    }

    void aGetterCancelledWhileWaitingLeavesTheQueue()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<std::string> q(loop);
        std::string log;
        auto a = co::spawn(loop, getOne(loop, q, log, "a"));
        auto b = co::spawn(loop, getOne(loop, q, log, "b"));
        loop.callLater(kSecond, [&] { a->cancel(); });
        loop.callLater(2 * kSecond, [&] { q.putNowait("x"); });
        loop.runUntilComplete(*b);
        QCOMPARE(str(log), QStringLiteral("a-cancelled@10 b=x@20"));
    }

    void aGetterCancelledAfterItWasWokenPassesTheItemOn()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<std::string> q(loop);
        std::string log;
        auto a = co::spawn(loop, getOne(loop, q, log, "a"));
        auto b = co::spawn(loop, getOne(loop, q, log, "b"));
        loop.callLater(kSecond, [&] {
            q.putNowait("x"); // wakes a ...
            a->cancel();      // ... which is cancelled before it runs
        });
        loop.runUntilComplete(*b);
        QCOMPARE(str(log), QStringLiteral("a-cancelled@10 b=x@10"));
        QVERIFY(q.empty());
    }

    void aPutterCancelledWhileWaitingNeverPutsItsItem()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<int> q(loop, 1);
        q.putNowait(1);
        std::string log;
        auto putter = [&](int item) -> co::Task<void> {
            try {
                co_await q.put(item);
                append(log, "put" + std::to_string(item) + at(loop));
            } catch (const CancelledError&) {
                append(log, "put" + std::to_string(item) + "-cancelled" + at(loop));
                throw;
            }
        };
        auto p2 = co::spawn(loop, putter(2));
        auto p3 = co::spawn(loop, putter(3));
        loop.callLater(kSecond, [&] { p2->cancel(); });
        loop.callLater(2 * kSecond, [&] { append(log, "got" + std::to_string(q.getNowait())); });
        loop.runUntilComplete(*p3);
        QCOMPARE(str(log), QStringLiteral("put2-cancelled@10 got1 put3@20"));
        QCOMPARE(q.getNowait(), 3);
        QCOMPARE(q.putterCount(), std::size_t(0));
    }

    void aQueueOfMoveOnlyItemsMovesThem()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        co::Queue<std::unique_ptr<int>> q(loop);
        auto main = [&]() -> co::Task<int> {
            co_await q.put(std::make_unique<int>(5));
            std::unique_ptr<int> v = co_await q.get();
            co_return *v;
        };
        QCOMPARE(co::run(loop, main()), 5);
    }
};

QTEST_APPLESS_MAIN(tst_Queue)
#include "tst_queue.moc"
