// Task: CPython 3.11's __step — scheduling, bare yields, awaiting futures,
// cancellation counting (cancel/uncancel/cancelling, _must_cancel), names,
// current/all tasks, misuse, and the trace of every step.
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Sleep.h"
#include "core/runtime/native/Spawn.h"

#include <QtTest>

#include <functional>
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

/// A coroutine driven by a script: the Coroutine protocol without C++20
/// coroutines (the way the VM's frames plug in). `body(step, thrown)` says
/// what each resumption does.
class Scripted final : public ValueCoroutine<int> {
public:
    using Body = std::function<CoStep(int step, std::exception_ptr thrown, int& result)>;
    explicit Scripted(Body body, bool* destroyed = nullptr)
        : m_body(std::move(body))
        , m_destroyed(destroyed)
    {
    }
    CoStep resume(std::exception_ptr thrown) override { return m_body(m_step++, std::move(thrown), m_result); }
    int takeResult() override { return m_result; }
    void destroy() override
    {
        if (m_destroyed)
            *m_destroyed = true;
        delete this;
    }

private:
    Body m_body;
    bool* m_destroyed;
    int m_step = 0;
    int m_result = 0;
};

/// Concatenates text (GCC 12 warns falsely about `"literal" + std::string`).
template <class... Parts>
std::string cat(const Parts&... parts)
{
    std::string out;
    (out.append(std::string_view(parts)), ...);
    return out;
}

std::string thrownText(const std::exception_ptr& e)
{
    return e ? describeException(e) : std::string("none");
}

QString str(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

class tst_Task : public QObject {
    Q_OBJECT
private slots:
    void tasksAreNamedFromAPerLoopCounterUnlessNamed()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto body = []() -> co::Task<void> { co_return; };
        auto a = co::spawn(loop, body());
        auto named = co::spawn(loop, body(), "worker");
        auto b = co::spawn(loop, body());
        QCOMPARE(str(a->name()), QStringLiteral("Task-1"));
        QCOMPARE(str(named->name()), QStringLiteral("worker"));
        QCOMPARE(str(b->name()), QStringLiteral("Task-2"));
        b->setName("renamed");
        QCOMPARE(str(b->name()), QStringLiteral("renamed"));
        EventLoop other(ctx);
        auto c = co::spawn(other, body());
        QCOMPARE(str(c->name()), QStringLiteral("Task-1"));
        QVERIFY(c->taskId() != a->taskId()); // ids are shared by the whole run
        loop.runUntilComplete(*b);
        other.runUntilComplete(*c);
    }

    void creatingATaskSchedulesItsFirstStepBehindWhatIsReady()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        loop.callSoon([&] { append(log, "callback"); });
        auto t = Task<int>::create(loop, new Scripted([&](int, std::exception_ptr, int& r) {
                                       append(log, "step");
                                       r = 3;
                                       return CoStep::returned();
                                   }));
        append(log, "created");
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("created callback step"));
        QCOMPARE(t->result(), 3);
    }

    void aBareYieldLetsEveryReadyCallbackRunFirst()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto t = Task<int>::create(loop, new Scripted([&](int step, std::exception_ptr, int&) {
                                       append(log, cat("t", std::to_string(step)));
                                       if (step == 0) {
                                           loop.callSoon([&] { append(log, "cb"); });
                                           return CoStep::yield();
                                       }
                                       return CoStep::returned();
                                   }));
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("t0 cb t1"));
    }

    void stepsAndWakeupsWaitInTheReadyQueueWithoutHandles()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<int>::create(loop);
        std::vector<Ref<Task<int>>> tasks;
        for (int i = 0; i < 3; ++i)
            tasks.push_back(Task<int>::create(loop, new Scripted([&log, &f, i](int step, std::exception_ptr, int& r) {
                append(log, std::to_string(i) + ":" + std::to_string(step));
                if (step == 0)
                    return CoStep::await(*f);
                if (step == 1)
                    return CoStep::yield();
                r = i;
                return CoStep::returned();
            })));
        QCOMPARE(loop.readyCount(), std::size_t(3));
        QCOMPARE(loop.handlesInUse(), std::size_t(0));
        loop.runOnce();
        QCOMPARE(f->doneCallbackCount(), std::size_t(3));
        f->setResult(7);
        QCOMPARE(loop.handlesInUse(), std::size_t(0));
        loop.runOnce(); // the wakeups: each task yields
        QCOMPARE(loop.handlesInUse(), std::size_t(0));
        loop.runOnce();
        QCOMPARE(str(log), QStringLiteral("0:0 1:0 2:0 0:1 1:1 2:1 0:2 1:2 2:2"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(tasks[std::size_t(i)]->result(), i);
    }

    void aClosedLoopReleasesATaskWaitingForItsStep()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        bool destroyed = false;
        Task<int>::create(loop, new Scripted([](int, std::exception_ptr, int&) { return CoStep::returned(); }, &destroyed));
        QCOMPARE(loop.readyCount(), std::size_t(1));
        QVERIFY(!destroyed);
        loop.close(); // the queue held the last reference to the task
        QVERIFY(destroyed);
    }

    void anAwaitedFuturesOutcomeIsThrownIntoTheCoroutine()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<int>::create(loop);
        auto t = Task<int>::create(loop, new Scripted([&](int step, std::exception_ptr thrown, int&) {
                                       append(log, std::to_string(step) + ":" + thrownText(thrown));
                                       if (step == 0)
                                           return CoStep::await(*f);
                                       return CoStep::raised(thrown);
                                   }));
        loop.runOnce();
        QVERIFY(t->waitingOn() == f.get());
        f->setException(std::make_exception_ptr(ValueError("bad")));
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("0:none 1:ValueError: bad"));
        QCOMPARE(str(describeException(t->exception())), QStringLiteral("ValueError: bad"));
        QVERIFY(!f->hasUnretrievedException()); // the task's wakeup retrieved it
        QVERIFY(loop.unhandledErrors().empty());
    }

    void cancellingBeforeTheFirstStepThrowsCancelledErrorIn()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        bool destroyed = false;
        auto t = Task<int>::create(loop, new Scripted(
                                             [&](int, std::exception_ptr thrown, int&) {
                                                 append(log, thrownText(thrown));
                                                 return CoStep::raised(thrown);
                                             },
                                             &destroyed));
        QVERIFY(t->cancel("early"));
        QVERIFY(t->cancel());
        QCOMPARE(t->cancelling(), 2);
        QVERIFY(!t->cancelled()); // cancellation is only requested
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("CancelledError"));
        QVERIFY(t->cancelled());
        QVERIFY(destroyed); // a finished task frees its coroutine
        QVERIFY(!t->cancel());
        QCOMPARE(t->cancelling(), 2);
    }

    void cancelKeepsTheFirstMessageForTheNextStep()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string seen;
        auto t = Task<int>::create(loop, new Scripted([&](int, std::exception_ptr thrown, int&) {
                                       seen = thrownText(thrown);
                                       return CoStep::raised(thrown);
                                   }));
        t->cancel("first");
        loop.runUntilComplete(*t);
        QCOMPARE(str(seen), QStringLiteral("CancelledError: first"));
        try {
            t->result();
        } catch (const CancelledError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("first"));
        }
    }

    void cancellingWhileAwaitingCancelsTheAwaitedFuture()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<int>::create(loop);
        auto t = Task<int>::create(loop, new Scripted([&](int step, std::exception_ptr thrown, int& r) {
                                       append(log, std::to_string(step) + ":" + thrownText(thrown));
                                       if (step == 0)
                                           return CoStep::await(*f);
                                       r = 7; // swallow the cancellation
                                       return CoStep::returned();
                                   }));
        loop.runOnce();
        QVERIFY(t->cancel("msg"));
        QVERIFY(f->cancelled());
        QCOMPARE(str(f->cancelMessage()), QStringLiteral("msg"));
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("0:none 1:CancelledError: msg"));
        QVERIFY(!t->cancelled());
        QCOMPARE(t->result(), 7);
        QCOMPARE(t->cancelling(), 1);
    }

    void uncancelCountsDownButNotBelowZero()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto f = Future<int>::create(loop);
        auto t = Task<int>::create(loop, new Scripted([&](int, std::exception_ptr thrown, int&) {
                                       return thrown ? CoStep::raised(thrown) : CoStep::await(*f);
                                   }));
        QCOMPARE(t->uncancel(), 0);
        t->cancel();
        t->cancel();
        t->cancel();
        QCOMPARE(t->cancelling(), 3);
        QCOMPARE(t->uncancel(), 2);
        QCOMPARE(t->uncancel(), 1);
        QCOMPARE(t->uncancel(), 0);
        QCOMPARE(t->uncancel(), 0);
        loop.runUntilComplete(*t); // uncancel does not withdraw the pending CancelledError (3.11)
        QVERIFY(t->cancelled());
    }

    void aTaskCancelledDuringItsOwnStepEndsCancelledIfItReturns()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto t = Task<int>::create(loop, new Scripted([&](int, std::exception_ptr, int& r) {
                                       loop.currentTask()->cancel("self");
                                       r = 1;
                                       return CoStep::returned();
                                   }));
        loop.runUntilComplete(*t);
        QVERIFY(t->cancelled());
        QCOMPARE(str(t->cancelMessage()), QStringLiteral("self"));
    }

    void aTaskCancelledDuringItsOwnStepCancelsWhatItThenAwaits()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto f = Future<int>::create(loop);
        auto t = Task<int>::create(loop, new Scripted([&](int step, std::exception_ptr thrown, int&) {
                                       append(log, std::to_string(step) + ":" + thrownText(thrown));
                                       if (step == 0) {
                                           loop.currentTask()->cancel();
                                           return CoStep::await(*f);
                                       }
                                       return CoStep::raised(thrown);
                                   }));
        loop.runOnce();
        QVERIFY(f->cancelled()); // cancelled at once, in the same step
        loop.runUntilComplete(*t);
        QVERIFY(t->cancelled());
        QCOMPARE(str(log), QStringLiteral("0:none 1:CancelledError"));
    }

    void cancellingAnOuterTaskCancelsTheTaskItAwaits()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        auto inner = [&]() -> co::Task<int> {
            try {
                co_await co::sleep(loop, 10 * kSecond);
            } catch (const CancelledError&) {
                append(log, "inner-cancelled");
            }
            co_return 5; // refuses to be cancelled
        };
        auto innerTask = co::spawn(loop, inner());
        auto outer = [&]() -> co::Task<int> { co_return co_await innerTask; };
        auto outerTask = co::spawn(loop, outer());
        loop.callLater(kSecond, [&] { append(log, outerTask->cancel() ? "cancel=true" : "cancel=false"); });
        loop.runUntilComplete(*outerTask);
        QCOMPARE(str(log), QStringLiteral("cancel=true inner-cancelled"));
        QVERIFY(!outerTask->cancelled()); // the inner task said no, so the outer gets its result
        QCOMPARE(outerTask->result(), 5);
        QCOMPARE(outerTask->cancelling(), 1);
        QCOMPARE(innerTask->cancelling(), 1);
    }

    void aTaskCannotAwaitItself()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        std::string log;
        Ref<Task<int>> t;
        t = Task<int>::create(loop, new Scripted([&](int step, std::exception_ptr thrown, int&) {
                                  append(log, thrownText(thrown));
                                  if (step == 0)
                                      return CoStep::await(*t);
                                  return CoStep::raised(thrown);
                              }));
        loop.runUntilComplete(*t);
        QCOMPARE(str(log), QStringLiteral("none RuntimeError: Task cannot await on itself: <Task Task-1>"));
    }

    void aFutureOfAnotherLoopIsRefused()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        EventLoop other(ctx);
        std::string log;
        auto foreign = Future<int>::create(other);
        auto t = Task<int>::create(loop, new Scripted([&](int step, std::exception_ptr thrown, int&) {
                                       append(log, thrownText(thrown));
                                       if (step == 0)
                                           return CoStep::await(*foreign);
                                       return CoStep::raised(thrown);
                                   }));
        loop.runUntilComplete(*t);
        QVERIFY(log.find("RuntimeError: Task <Task Task-1> got Future") != std::string::npos);
        QVERIFY(log.find("attached to a different loop") != std::string::npos);
    }

    void aTaskRefusesSetResultAndSetException()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto body = []() -> co::Task<int> { co_return 1; };
        auto t = co::spawn(loop, body());
        try {
            t->setResult(2);
            QFAIL("expected RuntimeError");
        } catch (const RuntimeError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("Task does not support set_result operation"));
        }
        try {
            t->setException(std::make_exception_ptr(ValueError("x")));
            QFAIL("expected RuntimeError");
        } catch (const RuntimeError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("Task does not support set_exception operation"));
        }
        loop.runUntilComplete(*t);
        QCOMPARE(t->result(), 1);
    }

    void currentTaskIsSetOnlyWhileAStepRuns()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        TaskBase* inside = nullptr;
        TaskBase* inCallback = reinterpret_cast<TaskBase*>(1);
        auto t = Task<int>::create(loop, new Scripted([&](int, std::exception_ptr, int&) {
                                       inside = loop.currentTask();
                                       return CoStep::returned();
                                   }));
        loop.callSoon([&] { inCallback = loop.currentTask(); });
        QVERIFY(loop.currentTask() == nullptr);
        loop.runUntilComplete(*t);
        QVERIFY(inside == static_cast<TaskBase*>(t.get()));
        QVERIFY(inCallback == nullptr);
        QVERIFY(loop.currentTask() == nullptr);
    }

    void allTasksListsThePendingTasksInCreationOrder()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto sleeper = [&](Nanos d) -> co::Task<void> { co_await co::sleep(loop, d); };
        auto a = co::spawn(loop, sleeper(3 * kSecond));
        auto b = co::spawn(loop, sleeper(1 * kSecond));
        auto c = co::spawn(loop, sleeper(2 * kSecond));
        QCOMPARE(loop.allTasks().size(), std::size_t(3));
        loop.runUntilComplete(*b);
        const auto pending = loop.allTasks();
        QCOMPARE(pending.size(), std::size_t(2));
        QVERIFY(pending[0] == static_cast<TaskBase*>(a.get()));
        QVERIFY(pending[1] == static_cast<TaskBase*>(c.get()));
    }

    void tasksWaitingForeverAreNamedInTheDeadlock()
    {
        RunContext ctx;
        EventLoop loop(ctx);
        auto never = Future<int>::create(loop);
        auto waiter = [&]() -> co::Task<int> { co_return co_await never; };
        auto a = co::spawn(loop, waiter(), "stuck");
        auto b = co::spawn(loop, waiter());
        try {
            loop.runUntilComplete(*a);
            QFAIL("expected Deadlock");
        } catch (const Deadlock& d) {
            QCOMPARE(d.waiting().size(), std::size_t(2));
            QCOMPARE(d.waiting()[0], a->taskId());
            QCOMPARE(str(d.what()), QStringLiteral("deadlock: every task is waiting and no timer is pending "
                                                   "(stuck waits on future %1, Task-1 waits on future %1)")
                                        .arg(never->id()));
        }
    }

    void theTraceShowsEveryStepAndWhatTheTaskWaitsOn()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        EventLoop loop(ctx);
        auto child = [&]() -> co::Task<int> {
            co_await co::sleep(loop, kSecond);
            co_return 1;
        };
        auto childTask = co::spawn(loop, child());
        auto parent = [&]() -> co::Task<int> { co_return co_await childTask; };
        auto parentTask = co::spawn(loop, parent());
        loop.runUntilComplete(*parentTask);

        std::string log;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const Event& e = trace[i];
            if (e.kind == EventKind::Switch)
                append(log, cat("sw(", std::to_string(e.subject), "<-", std::to_string(e.x), ",",
                                toString(SwitchWhy(e.a)), ")"));
            else if (e.kind == EventKind::TaskState) {
                std::string s = std::string(toString(TaskState(e.a)));
                if (TaskState(e.a) == TaskState::Waiting)
                    s += cat("/", toString(WaitKind(e.b)));
                append(log, std::to_string(e.subject) + ":" + s);
            }
        }
        const QString c = QString::number(childTask->taskId());
        const QString p = QString::number(parentTask->taskId());
        QCOMPARE(str(log),
                 QStringLiteral("C:ready P:ready "
                                "sw(C<-0,start) C:running C:waiting/timer sw(0<-C,await) "
                                "sw(P<-0,start) P:running P:waiting/task sw(0<-P,await) "
                                "C:ready sw(C<-0,resume) C:running P:ready C:done sw(0<-C,return) "
                                "sw(P<-0,resume) P:running P:done sw(0<-P,return)")
                     .replace(QStringLiteral("C"), c)
                     .replace(QStringLiteral("P"), p));
        QVERIFY(trace[0].kind == EventKind::TaskCreated);
        QCOMPARE(trace[0].a, std::uint8_t(TaskKind::CoroutineTask));
        QVERIFY(trace.text(trace[0].v) == "Task-1");
    }

    void theSameScenarioTracesToIdenticalBytes()
    {
        auto scenario = [](Trace& trace) {
            RunContext ctx;
            ctx.trace = &trace;
            EventLoop loop(ctx);
            auto worker = [&](int n) -> co::Task<int> {
                for (int i = 0; i < n; ++i)
                    co_await co::sleep(loop, kSecond * (i % 2));
                co_return n;
            };
            auto a = co::spawn(loop, worker(3));
            auto b = co::spawn(loop, worker(4));
            loop.callLater(kSecond / 2, [&] { a->cancel("x"); });
            loop.runUntilComplete(*b);
        };
        Trace first, second;
        scenario(first);
        scenario(second);
        QVERIFY(first.size() > 40);
        QVERIFY(first.serialize() == second.serialize());
    }
};

QTEST_APPLESS_MAIN(tst_Task)
#include "tst_task.moc"
