// Future: resolves once, schedules its callbacks (never inline), misuse
// raises InvalidStateError with asyncio's messages, cancellation, lifetime.
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace coroscope;

namespace {

void append(std::string& log, const std::string& word)
{
    if (!log.empty())
        log += ' ';
    log += word;
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

struct Counted {
    explicit Counted(int* alive)
        : alive(alive)
    {
        ++*alive;
    }
    Counted(const Counted& o)
        : alive(o.alive)
    {
        ++*alive;
    }
    ~Counted() { --*alive; }
    int* alive;
};

} // namespace

class tst_Future : public QObject {
    Q_OBJECT
private slots:
    void aFutureResolvesAtMostOnce()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto f = Future<int>::create(loop);
        QVERIFY(!f->done());
        f->setResult(1);
        QVERIFY(f->done());
        QCOMPARE(errorOf([&] { f->setResult(2); }), QStringLiteral("InvalidStateError: invalid state"));
        QCOMPARE(errorOf([&] { f->setException(std::make_exception_ptr(ValueError("x"))); }),
                 QStringLiteral("InvalidStateError: invalid state"));
        QVERIFY(!f->cancel());
        QCOMPARE(f->result(), 1);
        QVERIFY(!f->cancelled());
    }

    void doneCallbacksAreScheduledNotRunInline()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<int>::create(loop);
        f->addDoneCallback([&](FutureBase& fut) {
            append(log, "cb1=" + std::to_string(static_cast<Future<int>&>(fut).result()));
        });
        f->addDoneCallback([&] { append(log, "cb2"); });
        loop.callSoon([&] { append(log, "earlier"); });
        f->setResult(7);
        append(log, "set");
        f->addDoneCallback([&] { append(log, "added-after-done"); });
        QCOMPARE(QString::fromStdString(log), QStringLiteral("set"));
        QCOMPARE(loop.readyCount(), std::size_t(4));
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("set earlier cb1=7 cb2 added-after-done"));
    }

    void removeDoneCallbackRemovesOnlyThatCallback()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<void>::create(loop);
        f->addDoneCallback([&] { append(log, "a"); });
        const auto b = f->addDoneCallback([&] { append(log, "b"); });
        f->addDoneCallback([&] { append(log, "c"); });
        QCOMPARE(f->removeDoneCallback(b), std::size_t(1));
        QCOMPARE(f->removeDoneCallback(b), std::size_t(0));
        f->setResult();
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("a c"));
    }

    void manyCallbacksRunInOrderAndAnyOfThemCanBeRemoved()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<void>::create(loop);
        std::vector<FutureBase::CallbackId> ids;
        for (int i = 0; i < 300; ++i)
            ids.push_back(f->addDoneCallback([&log, i] { append(log, std::to_string(i)); }));
        // The first, a whole small chunk (1 and 2), one in the middle of a
        // chunk, the last: the list stores them in chunks of 1, 2, 4 ... 64.
        for (int i : {0, 1, 2, 100, 299})
            QCOMPARE(f->removeDoneCallback(ids[std::size_t(i)]), std::size_t(1));
        QCOMPARE(f->removeDoneCallback(ids[100]), std::size_t(0));
        QCOMPARE(f->doneCallbackCount(), std::size_t(295));
        f->addDoneCallback([&] { append(log, "late"); });
        f->setResult();
        QCOMPARE(f->doneCallbackCount(), std::size_t(0));
        QCOMPARE(f->removeDoneCallback(ids[3]), std::size_t(0)); // scheduled: too late to remove
        QCOMPARE(loop.readyCount(), std::size_t(296));
        loop.runOnce();
        std::string expected;
        for (int i = 3; i < 299; ++i)
            if (i != 100)
                append(expected, std::to_string(i));
        append(expected, "late");
        QCOMPARE(QString::fromStdString(log), QString::fromStdString(expected));
    }

    void scheduledCallbacksNeedNoHandlesAndAClosedLoopDropsThem()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        int alive = 0;
        bool ran = false;
        auto f = Future<int>::create(loop);
        for (int i = 0; i < 100; ++i)
            f->addDoneCallback([c = Counted(&alive), &ran] { ran = true; });
        QCOMPARE(alive, 100);
        f->setResult(1);
        QCOMPARE(loop.readyCount(), std::size_t(100));
        QCOMPARE(loop.handlesInUse(), std::size_t(0));
        loop.close();
        QCOMPARE(alive, 0);
        QCOMPARE(loop.readyCount(), std::size_t(0));
        QVERIFY(!ran);
    }

    void aPendingFutureHasNeitherResultNorException()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto f = Future<int>::create(loop);
        QCOMPARE(errorOf([&] { f->result(); }), QStringLiteral("InvalidStateError: Result is not set."));
        QCOMPARE(errorOf([&] { f->exception(); }), QStringLiteral("InvalidStateError: Exception is not set."));
    }

    void resultRethrowsTheExceptionAndMarksItRetrieved()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto f = Future<int>::create(loop);
        f->setException(std::make_exception_ptr(ValueError("bad")));
        QVERIFY(f->hasUnretrievedException());
        QCOMPARE(errorOf([&] { f->result(); }), QStringLiteral("ValueError: bad"));
        QVERIFY(!f->hasUnretrievedException());

        auto g = Future<int>::create(loop);
        g->setException(std::make_exception_ptr(ValueError("other")));
        std::exception_ptr e = g->exception();
        QVERIFY(e != nullptr);
        QVERIFY(!g->hasUnretrievedException());
        QCOMPARE(QString::fromStdString(describeException(e)), QStringLiteral("ValueError: other"));

        auto ok = Future<int>::create(loop);
        ok->setResult(3);
        QVERIFY(ok->exception() == nullptr);
    }

    void cancellingRaisesCancelledErrorWithTheMessage()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<int>::create(loop);
        f->addDoneCallback([&](FutureBase& fut) { append(log, fut.cancelled() ? "cancelled" : "?"); });
        QVERIFY(f->cancel("stop it"));
        QVERIFY(!f->cancel("again"));
        QVERIFY(f->cancelled());
        QVERIFY(f->done());
        QCOMPARE(errorOf([&] { f->result(); }), QStringLiteral("CancelledError: stop it"));
        QCOMPARE(errorOf([&] { f->exception(); }), QStringLiteral("CancelledError: stop it"));
        QCOMPARE(errorOf([&] { f->setResult(1); }), QStringLiteral("InvalidStateError: invalid state"));
        QVERIFY(log.empty());
        loop.runOnce();
        QCOMPARE(QString::fromStdString(log), QStringLiteral("cancelled"));

        auto plain = Future<int>::create(loop);
        plain->cancel();
        QCOMPARE(errorOf([&] { plain->result(); }), QStringLiteral("CancelledError: "));
    }

    void setResultUnlessCancelledIgnoresACancelledFuture()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto f = Future<int>::create(loop);
        f->cancel();
        f->setResultUnlessCancelled(5);
        QVERIFY(f->cancelled());
        auto g = Future<int>::create(loop);
        g->setResultUnlessCancelled(5);
        QCOMPARE(g->result(), 5);
    }

    void aFutureAndItsValueAreFreedWithTheLastReference()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        int alive = 0;
        {
            auto f = Future<Counted>::create(loop);
            f->setResult(Counted(&alive));
            QCOMPARE(alive, 1);
            f->addDoneCallback([f] {}); // the scheduled callback holds the future too
            f.reset();
            QCOMPARE(alive, 1);
            loop.runOnce();
        }
        QCOMPARE(alive, 0);
    }

    void aStringResultIsSummarisedInTheTrace()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        EventLoop loop(ctx);
        auto f = Future<std::string>::create(loop);
        auto g = Future<int>::create(loop);
        f->setResult(std::string("hi"));
        g->setException(std::make_exception_ptr(TimeoutError()));
        QCOMPARE(trace.size(), std::size_t(4));
        QVERIFY(trace[0].kind == EventKind::FutureCreated);
        QCOMPARE(trace[0].subject, f->id());
        QVERIFY(trace[2].kind == EventKind::FutureResolved);
        QCOMPARE(trace[2].a, std::uint8_t(FutureOutcome::Result));
        QVERIFY(trace.text(trace[2].v) == "'hi'");
        QCOMPARE(trace[3].a, std::uint8_t(FutureOutcome::Exception));
        QVERIFY(trace.text(trace[3].v) == "TimeoutError");
    }
};

QTEST_APPLESS_MAIN(tst_Future)
#include "tst_future.moc"
