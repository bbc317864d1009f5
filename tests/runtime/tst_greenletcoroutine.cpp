// GreenletCoroutine: a Task whose body runs on its own greenlet and awaits
// from anywhere down its call stack — results, errors at the await point,
// cancellation, and unwinding a suspended body when its task goes away.
#include "core/runtime/greenlet/GreenletRuntime.h"
#include "core/runtime/greenlet/StackPool.h"
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/GreenletCoroutine.h"
#include "core/runtime/loop/Task.h"

#include <QtTest>

#include <string>

using namespace coroscope;

namespace {

constexpr Nanos kSecond = 1'000'000'000;
using Body = GreenletCoroutine<int>;

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

/// Awaits three levels down an ordinary call stack: only a stackful body can.
int nestedSleep(Body& co, int depth, std::string& log)
{
    if (depth == 0) {
        co.sleep(kSecond);
        append(log, "deep" + at(co.loop()));
        return 1;
    }
    return 1 + nestedSleep(co, depth - 1, log);
}

struct Counted {
    explicit Counted(int* alive)
        : alive(alive)
    {
        ++*alive;
    }
    ~Counted() { --*alive; }
    int* alive;
};

} // namespace

class tst_GreenletCoroutine : public QObject {
    Q_OBJECT
private slots:
    void aGreenletBodyAwaitsFromDeepInsideOrdinaryCalls()
    {
        RunContext ctx;
        RunContext fiberCtx;
        StackPool stacks;
        GreenletRuntime greenlets(fiberCtx, stacks);
        EventLoop loop(ctx);
        std::string log;
        loop.callLater(kSecond / 2, [&] { append(log, "loop-ran" + at(loop)); });
        auto t = Task<int>::create(loop, Body::create(greenlets, loop, [&](Body& co) {
            append(log, "start");
            return nestedSleep(co, 3, log);
        }));
        loop.runUntilComplete(*t);
        QCOMPARE(t->result(), 4);
        QCOMPARE(str(log), QStringLiteral("start loop-ran@5 deep@10"));
        QCOMPARE(stacks.inUse(), std::size_t(0)); // the finished body gave its stack back
    }

    void anAwaitedFuturesErrorIsRaisedAtTheAwaitAndCanBeCaught()
    {
        RunContext ctx;
        RunContext fiberCtx;
        StackPool stacks;
        GreenletRuntime greenlets(fiberCtx, stacks);
        EventLoop loop(ctx);
        auto f = Future<int>::create(loop);
        loop.callLater(kSecond, [&] { f->setException(std::make_exception_ptr(ValueError("bad"))); });
        std::string log;
        auto t = Task<int>::create(loop, Body::create(greenlets, loop, [&](Body& co) -> int {
            try {
                co.await(*f);
            } catch (const ValueError& e) {
                append(log, std::string("caught:") + e.what() + at(loop));
            }
            co.yield();
            throw TimeoutError("late");
        }));
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("caught:bad@10"));
        QCOMPARE(str(describeException(t->exception())), QStringLiteral("TimeoutError: late"));
    }

    void cancellingTheTaskRaisesCancelledErrorInTheBody()
    {
        RunContext ctx;
        RunContext fiberCtx;
        StackPool stacks;
        GreenletRuntime greenlets(fiberCtx, stacks);
        EventLoop loop(ctx);
        std::string log;
        auto t = Task<int>::create(loop, Body::create(greenlets, loop, [&](Body& co) -> int {
            try {
                co.sleep(10 * kSecond);
            } catch (const CancelledError& e) {
                append(log, std::string("cancelled:") + e.what() + at(loop));
            }
            co.sleep(kSecond); // refuses, and carries on
            return 5;
        }));
        loop.callLater(kSecond, [&] { t->cancel("stop"); });
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("cancelled:stop@10"));
        QCOMPARE(t->result(), 5);
        QCOMPARE(loop.now(), 2 * kSecond);

        auto never = Task<int>::create(loop, Body::create(greenlets, loop, [&](Body&) {
            append(log, "never");
            return 0;
        }));
        never->cancel();
        loop.runUntilComplete(*never);
        QVERIFY(never->cancelled());
        QCOMPARE(str(log), QStringLiteral("cancelled:stop@10"));
    }

    void aSuspendedBodyIsUnwoundWhenItsLoopGoesAway()
    {
        RunContext fiberCtx;
        StackPool stacks;
        GreenletRuntime greenlets(fiberCtx, stacks);
        int alive = 0;
        {
            RunContext ctx;
            EventLoop loop(ctx);
            auto t = Task<int>::create(loop, Body::create(greenlets, loop, [&](Body& co) {
                Counted guard(&alive);
                co.sleep(10 * kSecond);
                return 1;
            }));
            loop.runOnce();
            QCOMPARE(alive, 1);
            QCOMPARE(stacks.inUse(), std::size_t(1));
        }
        QCOMPARE(alive, 0);
        QCOMPARE(stacks.inUse(), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(tst_GreenletCoroutine)
#include "tst_greenletcoroutine.moc"
