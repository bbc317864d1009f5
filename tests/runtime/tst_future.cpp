// Future: resolves once, schedules its callbacks (never inline), misuse
// raises InvalidStateError with asyncio's messages, cancellation, lifetime.
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"

#include <QtTest>

#include <string>

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
