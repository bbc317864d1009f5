// The asyncio combinators: gather, wait, wait_for, the timeout scope, shield
// and as_completed — results, errors, cancellation and timeouts, on the
// virtual clock (times in the logs are tenths of a second).
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Gather.h"
#include "core/runtime/loop/Shield.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/loop/Timeout.h"
#include "core/runtime/native/AsCompleted.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Sleep.h"
#include "core/runtime/native/Spawn.h"
#include "core/runtime/native/Wait.h"
#include "core/runtime/native/WaitFor.h"
#include "core/runtime/native/WithTimeout.h"

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

/// Counts live instances (cppcoro's lifetime checker).
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

/// Sleeps `d`, logs "<name>@<time>" and returns `value`; logs "<name>-cancelled" when cancelled.
co::Task<int> valueAfter(EventLoop& loop, std::string& log, std::string name, Nanos d, int value)
{
    try {
        co_await co::sleep(loop, d);
    } catch (const CancelledError&) {
        append(log, name + "-cancelled" + at(loop));
        throw;
    }
    append(log, name + at(loop));
    co_return value;
}

co::Task<int> failAfter(EventLoop& loop, Nanos d, std::string message)
{
    co_await co::sleep(loop, d);
    throw ValueError(message);
}

template <class T>
std::string names(const std::vector<Ref<Future<T>>>& fs, const std::vector<Ref<Future<T>>>& all)
{
    std::string out;
    for (const auto& f : fs)
        for (std::size_t i = 0; i < all.size(); ++i)
            if (all[i] == f)
                append(out, std::string(1, char('a' + i)));
    return out.empty() ? "-" : out;
}

} // namespace

class tst_Combinators : public QObject {
    Q_OBJECT
private slots:
    // ---- gather ---------------------------------------------------------

    void gatherListsResultsInTheOrderGivenNotTheOrderFinished()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto a = co::spawn(loop, valueAfter(loop, log, "a", 3 * kSecond, 1));
        auto b = co::spawn(loop, valueAfter(loop, log, "b", 1 * kSecond, 2));
        auto c = co::spawn(loop, valueAfter(loop, log, "c", 2 * kSecond, 3));
        auto g = gather<int>(loop, {a, b, c});
        loop.runUntilComplete(*g);
        std::string results;
        for (const Outcome<int>& o : g->result())
            append(results, std::to_string(o.value()));
        QCOMPARE(str(log), QStringLiteral("b@10 c@20 a@30"));
        QCOMPARE(str(results), QStringLiteral("1 2 3"));
    }

    void gatherFailsWithTheFirstErrorWhileTheOtherChildrenRunOn()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto a = co::spawn(loop, valueAfter(loop, log, "a", 2 * kSecond, 1));
        auto b = co::spawn(loop, failAfter(loop, kSecond, "b failed"));
        auto g = gather<int>(loop, {a, b});
        auto main = [&]() -> co::Task<void> {
            try {
                co_await g;
            } catch (const ValueError& e) {
                append(log, std::string("gather:") + e.what() + at(loop));
            }
        };
        co::run(loop, main());
        QVERIFY(!a->done());
        loop.runUntilComplete(*a);
        QCOMPARE(str(log), QStringLiteral("gather:b failed@10 a@20"));
        QVERIFY(!g->cancelled());
    }

    void gatherWithReturnExceptionsListsErrorsAndCancellations()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto a = co::spawn(loop, valueAfter(loop, log, "a", kSecond, 1));
        auto b = co::spawn(loop, failAfter(loop, kSecond, "bad"));
        auto c = co::spawn(loop, valueAfter(loop, log, "c", 5 * kSecond, 3));
        loop.callLater(kSecond / 2, [&] { c->cancel("stop c"); });
        auto g = gather<int>(loop, {a, b, c}, true);
        loop.runUntilComplete(*g);
        std::string results;
        for (const Outcome<int>& o : g->result())
            append(results, o.hasValue() ? std::to_string(o.value()) : describeException(o.error()));
        QCOMPARE(str(results), QStringLiteral("1 ValueError: bad CancelledError"));
        QCOMPARE(str(log), QStringLiteral("c-cancelled@5 a@10"));
    }

    void cancellingAGatherCancelsItsChildrenAndFailsItWithCancelledError()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto a = co::spawn(loop, valueAfter(loop, log, "a", kSecond, 1));
        auto b = co::spawn(loop, valueAfter(loop, log, "b", 2 * kSecond, 2));
        auto g = gather<int>(loop, {a, b}, true); // even with return_exceptions
        loop.callLater(kSecond / 2, [&] { append(log, g->cancel("halt") ? "cancel=true" : "cancel=false"); });
        loop.runUntilComplete(*g);
        QCOMPARE(str(log), QStringLiteral("cancel=true a-cancelled@5 b-cancelled@5"));
        QVERIFY(a->cancelled() && b->cancelled());
        QVERIFY(!g->cancelled()); // finished with a CancelledError, as _GatheringFuture is
        QCOMPARE(str(describeException(g->exception())), QStringLiteral("CancelledError: halt"));
        QVERIFY(!g->cancel());
    }

    void cancellingATaskThatAwaitsAGatherCancelsTheChildren()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto a = co::spawn(loop, valueAfter(loop, log, "a", kSecond, 1));
        auto b = co::spawn(loop, valueAfter(loop, log, "b", 2 * kSecond, 2));
        auto parent = [&]() -> co::Task<void> {
            try {
                auto g = gather<int>(loop, {a, b});
                co_await g;
            } catch (const CancelledError&) {
                append(log, "parent-cancelled" + at(loop));
                throw;
            }
        };
        auto p = co::spawn(loop, parent());
        loop.callLater(kSecond / 2, [&] { p->cancel(); });
        loop.runUntilComplete(*p);
        QVERIFY(p->cancelled());
        QCOMPARE(str(log), QStringLiteral("a-cancelled@5 b-cancelled@5 parent-cancelled@5"));
    }

    void gatherOfNothingIsAnEmptyListAndADuplicateIsAwaitedOnce()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto empty = gather<int>(loop, {});
        QVERIFY(empty->done());
        QVERIFY(empty->result().empty());
        auto a = co::spawn(loop, valueAfter(loop, log, "a", kSecond, 7));
        auto g = gather<int>(loop, {a, a});
        QCOMPARE(a->doneCallbackCount(), std::size_t(1));
        loop.runUntilComplete(*g);
        QCOMPARE(g->result().size(), std::size_t(2));
        QCOMPARE(g->result()[1].value(), 7);
    }

    // ---- wait -----------------------------------------------------------

    void waitAllCompletedReturnsWhenEverythingIsDone()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        std::vector<Ref<Future<int>>> all{co::spawn(loop, valueAfter(loop, log, "a", 2 * kSecond, 1)),
                                          co::spawn(loop, failAfter(loop, kSecond, "b")),
                                          co::spawn(loop, valueAfter(loop, log, "c", 3 * kSecond, 3))};
        auto r = co::run(loop, co::wait(loop, all));
        QCOMPARE(str(names(r.done, all) + " / " + names(r.pending, all)), QStringLiteral("a b c / -"));
        QCOMPARE(loop.now(), 3 * kSecond);
        QVERIFY(all[1]->hasUnretrievedException()); // wait() never looks at results
    }

    void waitFirstCompletedReturnsAsSoonAsOneIsDone()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        std::vector<Ref<Future<int>>> all{co::spawn(loop, valueAfter(loop, log, "a", 2 * kSecond, 1)),
                                          co::spawn(loop, valueAfter(loop, log, "b", kSecond, 2)),
                                          co::spawn(loop, valueAfter(loop, log, "c", 3 * kSecond, 3))};
        auto r = co::run(loop, co::wait(loop, all, co::ReturnWhen::FirstCompleted));
        QCOMPARE(str(names(r.done, all) + " / " + names(r.pending, all)), QStringLiteral("b / a c"));
        QCOMPARE(loop.now(), kSecond);
        QVERIFY(!all[0]->cancelled()); // pending futures are not cancelled
        for (const auto& f : all)
            QCOMPARE(f->doneCallbackCount(), std::size_t(0)); // wait() stopped listening
    }

    void waitFirstExceptionReturnsAtTheFirstFailure()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        std::vector<Ref<Future<int>>> all{co::spawn(loop, valueAfter(loop, log, "a", kSecond, 1)),
                                          co::spawn(loop, failAfter(loop, 2 * kSecond, "b")),
                                          co::spawn(loop, valueAfter(loop, log, "c", 3 * kSecond, 3))};
        auto r = co::run(loop, co::wait(loop, all, co::ReturnWhen::FirstException));
        QCOMPARE(str(names(r.done, all) + " / " + names(r.pending, all)), QStringLiteral("a b / c"));
        QCOMPARE(loop.now(), 2 * kSecond);

        std::vector<Ref<Future<int>>> fine{co::spawn(loop, valueAfter(loop, log, "d", kSecond, 4))};
        auto r2 = co::run(loop, co::wait(loop, fine, co::ReturnWhen::FirstException));
        QCOMPARE(r2.done.size(), std::size_t(1)); // no exception: behaves as ALL_COMPLETED
    }

    void waitWithATimeoutReturnsWhatIsDoneAndCancelsNothing()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        std::vector<Ref<Future<int>>> all{co::spawn(loop, valueAfter(loop, log, "a", kSecond, 1)),
                                          co::spawn(loop, valueAfter(loop, log, "b", 5 * kSecond, 2))};
        auto r = co::run(loop, co::wait(loop, all, co::ReturnWhen::AllCompleted, 2 * kSecond));
        QCOMPARE(str(names(r.done, all) + " / " + names(r.pending, all)), QStringLiteral("a / b"));
        QCOMPARE(loop.now(), 2 * kSecond);
        QVERIFY(!all[1]->done());
        QCOMPARE(all[1]->doneCallbackCount(), std::size_t(0));
        loop.runUntilComplete(*all[1]);
        QCOMPARE(str(log), QStringLiteral("a@10 b@50"));
    }

    void waitOnNothingRaisesValueError()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        try {
            co::run(loop, co::wait<int>(loop, {}));
            QFAIL("expected ValueError");
        } catch (const ValueError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("Set of Tasks/Futures is empty."));
        }
    }

    // ---- wait_for -------------------------------------------------------

    void waitForReturnsTheResultWhenItComesInTime()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        QCOMPARE(co::run(loop, co::waitFor(loop, valueAfter(loop, log, "a", kSecond, 5), 2 * kSecond)), 5);
        QCOMPARE(loop.now(), kSecond);
        QCOMPARE(loop.timerCount(), std::size_t(0)); // the timeout timer was cancelled and dropped
        QCOMPARE(co::run(loop, co::waitFor(loop, valueAfter(loop, log, "b", kSecond, 6), std::nullopt)), 6);
    }

    void waitForTimeoutCancelsTheInnerTaskAndRaisesTimeoutError()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto inner = co::spawn(loop, valueAfter(loop, log, "inner", 5 * kSecond, 1));
        auto outer = [&]() -> co::Task<void> {
            try {
                co_await co::waitFor<int>(loop, inner, kSecond);
            } catch (const TimeoutError&) {
                append(log, "timeout" + at(loop));
            }
        };
        co::run(loop, outer());
        QCOMPARE(str(log), QStringLiteral("inner-cancelled@10 timeout@10"));
        QVERIFY(inner->cancelled());
    }

    void waitForWaitsUntilTheInnerHasFinishedCancelling()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto slowToDie = [&]() -> co::Task<int> {
            try {
                co_await co::sleep(loop, 10 * kSecond);
            } catch (const CancelledError&) {
                append(log, "cleanup" + at(loop));
            }
            co_await co::sleep(loop, kSecond / 2); // cleanup takes time
            throw CancelledError();
        };
        auto outer = [&]() -> co::Task<void> {
            try {
                co_await co::waitFor(loop, slowToDie(), kSecond);
            } catch (const TimeoutError&) {
                append(log, "timeout" + at(loop));
            }
        };
        co::run(loop, outer());
        QCOMPARE(str(log), QStringLiteral("cleanup@10 timeout@15"));
    }

    void waitForReturnsTheInnerResultIfItRefusesToBeCancelled()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto stubborn = [&]() -> co::Task<int> {
            try {
                co_await co::sleep(loop, 10 * kSecond);
            } catch (const CancelledError&) {
            }
            co_return 42;
        };
        QCOMPARE(co::run(loop, co::waitFor(loop, stubborn(), kSecond)), 42);
    }

    void waitForWithATimeoutOfZeroCancelsAtOnceUnlessAlreadyDone()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto done = Future<int>::create(loop);
        done->setResult(3);
        QCOMPARE(co::run(loop, co::waitFor<int>(loop, done, 0)), 3);
        try {
            co::run(loop, co::waitFor(loop, valueAfter(loop, log, "a", kSecond, 1), 0));
            QFAIL("expected TimeoutError");
        } catch (const TimeoutError&) {
        }
        QCOMPARE(loop.now(), Nanos(0));
    }

    void cancellingTheTaskInWaitForCancelsTheInnerToo()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto inner = co::spawn(loop, valueAfter(loop, log, "inner", 5 * kSecond, 1));
        auto outer = [&]() -> co::Task<int> { co_return co_await co::waitFor<int>(loop, inner, 3 * kSecond); };
        auto task = co::spawn(loop, outer());
        loop.callLater(kSecond, [&] { task->cancel(); });
        loop.runUntilComplete(*task);
        QVERIFY(task->cancelled());
        QVERIFY(inner->cancelled());
        QCOMPARE(str(log), QStringLiteral("inner-cancelled@10"));
    }

    // ---- timeout scope --------------------------------------------------

    void aTimeoutScopeTurnsItsCancellationIntoTimeoutError()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto body = [&]() -> co::Task<void> {
            try {
                co_await co::withTimeout(loop, kSecond, valueAfter(loop, log, "body", 5 * kSecond, 1));
            } catch (const TimeoutError&) {
                append(log, "timeout" + at(loop));
            }
            append(log, "cancelling=" + std::to_string(loop.currentTask()->cancelling()));
        };
        co::run(loop, body());
        QCOMPARE(str(log), QStringLiteral("body-cancelled@10 timeout@10 cancelling=0"));
    }

    void aTimeoutScopeThatDoesNotExpireChangesNothing()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        Timeout scope = Timeout::after(loop, 2 * kSecond);
        auto body = [&]() -> co::Task<int> {
            co_return co_await co::withTimeout(scope, valueAfter(loop, log, "body", kSecond, 9));
        };
        QCOMPARE(co::run(loop, body()), 9);
        QVERIFY(!scope.expired());
        QCOMPARE(str(std::string(toString(scope.state()))), QStringLiteral("finished"));
        QCOMPARE(loop.timerCount(), std::size_t(0));
        try {
            scope.reschedule(kSecond);
            QFAIL("expected RuntimeError");
        } catch (const RuntimeError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("Cannot change state of finished Timeout"));
        }
    }

    void aTimeoutScopeCanBeRescheduledFromInside()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        Timeout scope(loop, std::nullopt); // timeout_at(None): never, until rescheduled
        auto inner = [&]() -> co::Task<void> {
            co_await co::sleep(loop, kSecond);
            scope.reschedule(loop.now() + 2 * kSecond);
            append(log, "rescheduled" + at(loop));
            co_await co::sleep(loop, 10 * kSecond);
        };
        auto body = [&]() -> co::Task<void> {
            try {
                co_await co::withTimeout(scope, inner());
            } catch (const TimeoutError&) {
                append(log, "timeout" + at(loop));
            }
        };
        co::run(loop, body());
        QCOMPARE(str(log), QStringLiteral("rescheduled@10 timeout@30"));
        QVERIFY(scope.expired());
    }

    void aCancellationFromOutsidePassesThroughATimeoutScope()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto body = [&]() -> co::Task<void> {
            try {
                co_await co::withTimeout(loop, kSecond, valueAfter(loop, log, "body", 5 * kSecond, 1));
            } catch (const TimeoutError&) {
                append(log, "timeout");
            }
        };
        auto early = co::spawn(loop, body());
        loop.callLater(kSecond / 2, [&] { early->cancel(); });
        loop.runUntilComplete(*early);
        QVERIFY(early->cancelled());

        // Expiry and an outside cancel in the same pass: the scope sees
        // another request pending (uncancel() > 0) and lets CancelledError through.
        auto both = co::spawn(loop, body());
        loop.callLater(kSecond, [&] { both->cancel(); });
        loop.runUntilComplete(*both);
        QVERIFY(both->cancelled());
        QCOMPARE(str(log), QStringLiteral("body-cancelled@5 body-cancelled@15"));
    }

    void aTimeoutScopeOutsideATaskIsRefused()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        Timeout scope = Timeout::after(loop, kSecond);
        try {
            scope.enter();
            QFAIL("expected RuntimeError");
        } catch (const RuntimeError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("Timeout should be used inside a task"));
        }
    }

    // ---- shield ---------------------------------------------------------

    void shieldKeepsTheInnerRunningWhenTheAwaitingTaskIsCancelled()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto inner = co::spawn(loop, valueAfter(loop, log, "inner", 2 * kSecond, 8));
        auto outer = [&]() -> co::Task<int> {
            try {
                co_return co_await shield<int>(inner);
            } catch (const CancelledError&) {
                append(log, "outer-cancelled" + at(loop));
                throw;
            }
        };
        auto task = co::spawn(loop, outer());
        loop.callLater(kSecond, [&] { task->cancel(); });
        loop.runUntilComplete(*task);
        QVERIFY(task->cancelled());
        QVERIFY(!inner->done());
        QCOMPARE(inner->doneCallbackCount(), std::size_t(0)); // the cancelled shield stopped listening
        loop.runUntilComplete(*inner);
        QCOMPARE(inner->result(), 8);
        QCOMPARE(str(log), QStringLiteral("outer-cancelled@10 inner@20"));
    }

    void shieldPassesOnTheInnerResultErrorOrCancellation()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto ok = Future<int>::create(loop);
        auto bad = Future<int>::create(loop);
        auto gone = Future<int>::create(loop);
        auto sOk = shield<int>(ok);
        auto sBad = shield<int>(bad);
        auto sGone = shield<int>(gone);
        ok->setResult(1);
        bad->setException(std::make_exception_ptr(ValueError("x")));
        gone->cancel();
        loop.runOnce();
        QCOMPARE(sOk->result(), 1);
        QCOMPARE(str(describeException(sBad->exception())), QStringLiteral("ValueError: x"));
        QVERIFY(sGone->cancelled());
        QVERIFY(shield<int>(ok) == ok); // a done future is returned as is
    }

    // ---- as_completed ---------------------------------------------------

    void asCompletedYieldsResultsInTheOrderTheyFinish()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto main = [&]() -> co::Task<void> {
            co::AsCompleted<int> it(loop, {co::spawn(loop, valueAfter(loop, log, "a", 3 * kSecond, 1)),
                                           co::spawn(loop, failAfter(loop, 2 * kSecond, "b")),
                                           co::spawn(loop, valueAfter(loop, log, "c", 1 * kSecond, 3))});
            for (std::size_t i = 0; i < it.size(); ++i) {
                try {
                    append(log, "got" + std::to_string(co_await it.next()) + at(loop));
                } catch (const ValueError& e) {
                    append(log, std::string("error:") + e.what() + at(loop));
                }
            }
        };
        co::run(loop, main());
        QCOMPARE(str(log), QStringLiteral("c@10 got3@10 error:b@20 a@30 got1@30"));
    }

    void asCompletedRaisesTimeoutErrorForWhatIsLeftAtTheTimeout()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto main = [&]() -> co::Task<void> {
            co::AsCompleted<int> it(loop,
                                    {co::spawn(loop, valueAfter(loop, log, "a", kSecond, 1)),
                                     co::spawn(loop, valueAfter(loop, log, "b", 5 * kSecond, 2)),
                                     co::spawn(loop, valueAfter(loop, log, "c", 6 * kSecond, 3))},
                                    2 * kSecond);
            for (std::size_t i = 0; i < it.size(); ++i) {
                try {
                    append(log, "got" + std::to_string(co_await it.next()) + at(loop));
                } catch (const TimeoutError&) {
                    append(log, "timeout" + at(loop));
                }
            }
        };
        co::run(loop, main());
        QCOMPARE(str(log), QStringLiteral("a@10 got1@10 timeout@20 timeout@20"));
    }

    // ---- lifetimes ------------------------------------------------------

    void combinatorsLeaveNothingAliveOnceTheLoopIsGone()
    {
        int alive = 0;
        {
            RunContext ctx;
            EventLoop loop(ctx);
            auto holder = [&](Nanos d) -> co::Task<int> {
                Counted guard(&alive);
                co_await co::sleep(loop, d);
                co_return 1;
            };
            std::vector<Ref<Future<int>>> ts;
            for (int i = 1; i <= 4; ++i)
                ts.push_back(co::spawn(loop, holder(i * kSecond)));
            auto g = gather<int>(loop, {ts[0], ts[1]});
            auto shielded = shield<int>(ts[2]);
            auto main = [&]() -> co::Task<void> {
                (void)co_await co::wait(loop, ts, co::ReturnWhen::FirstCompleted);
                try {
                    co_await co::waitFor<int>(loop, ts[3], kSecond / 2);
                } catch (const TimeoutError&) {
                }
                co::AsCompleted<int> it(loop, {ts[1], ts[2]}, 10 * kSecond);
                co_await it.next(); // the other awaitable is never taken
                co_await co::withTimeout(loop, 100 * kSecond, holder(50 * kSecond));
            };
            auto m = co::spawn(loop, main());
            loop.callLater(3 * kSecond, [&] { loop.stop(); });
            loop.runForever();
            QVERIFY(!m->done()); // still inside the timeout scope
            QVERIFY(alive > 0);
        }
        QCOMPARE(alive, 0);
    }
};

QTEST_APPLESS_MAIN(tst_Combinators)
#include "tst_combinators.moc"
