// Greenlet semantics as python-greenlet's own tests (test_greenlet.py,
// test_throw.py) state them: an operation x state matrix (switch and throw into
// unstarted, suspended, running and dead greenlets), parents, lifetimes, the
// trace. Python's names are kept in comments where a test mirrors one.

#include "core/runtime/greenlet/GreenletError.h"
#include "core/runtime/greenlet/GreenletExit.h"
#include "core/runtime/greenlet/GreenletRuntime.h"

#include <QtTest>

#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace coroscope;
using Value = Greenlet::Value;
using GreenletPtr = std::shared_ptr<Greenlet>;

namespace {

struct SomeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct IndexError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One runtime with its context and pool, destroyed runtime first.
struct World {
    RunContext ctx;
    StackPool pool;
    GreenletRuntime rt{ctx, pool};

    /// python's `greenlet.getcurrent().parent.switch(v)`.
    Value toParent(Value v = 0) { return rt.currentGreenlet().parent()->switchTo(v); }
};

/// Appends to a log when destroyed: a `finally` block.
struct Finally {
    std::string* log;
    const char* text;
    ~Finally() { *log += text; }
};

template <typename E, typename Fn>
QString raised(Fn&& fn)
{
    try {
        fn();
    } catch (const E& e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("<nothing raised>");
}

QString str(const std::string& s)
{
    return QString::fromStdString(s);
}

QString state(const Greenlet& g)
{
    return QString::fromUtf8(toString(g.state()).data());
}

std::exception_ptr error(const char* what)
{
    return std::make_exception_ptr(SomeError(what));
}

} // namespace

class tst_Greenlet : public QObject {
    Q_OBJECT
private slots:
    void mainGreenletIsCurrentActiveAndHasNoParent()
    {
        World w;
        const GreenletPtr main = w.rt.main();
        QCOMPARE(w.rt.current(), main);
        QVERIFY(main->isMain());
        QVERIFY(main->started() && main->active() && !main->dead() && bool(*main));
        QCOMPARE(state(*main), QStringLiteral("running"));
        QVERIFY(!main->parent());
    }

    void idsComeFromTheRunContextAndNamesAreKept()
    {
        RunContext ctx;
        ctx.nextTaskId = 100;
        StackPool pool;
        GreenletRuntime rt(ctx, pool);
        const GreenletPtr g = rt.create([](Value v) { return v; }, {}, "worker");
        QCOMPARE(rt.main()->id(), TaskId(100));
        QCOMPARE(g->id(), TaskId(101));
        QCOMPARE(str(g->name()), QStringLiteral("worker"));
        QCOMPARE(ctx.nextTaskId, TaskId(102));
    }

    void switchingBackAndForthInterleavesTheTwoFlows()
    {
        // test_simple
        World w;
        std::string log;
        const GreenletPtr g = w.rt.create([&](Value) {
            log += "1 ";
            w.toParent();
            log += "3 ";
            return Value(0);
        });
        log += "0 ";
        g->switchTo();
        log += "2 ";
        g->switchTo();
        log += "4";
        QCOMPARE(str(log), QStringLiteral("0 1 2 3 4"));
        QVERIFY(g->dead());
    }

    void tutorialExamplePrintsOneThreeTwoFour()
    {
        // The tutorial's section 1.1: func1 and func2 switch to each other.
        World w;
        std::string log;
        GreenletPtr gr1;
        GreenletPtr gr2;
        gr1 = w.rt.create([&](Value) {
            log += "1 ";
            gr2->switchTo();
            log += "2 ";
            gr2->switchTo();
            return Value(0);
        });
        gr2 = w.rt.create([&](Value) {
            log += "3 ";
            gr1->switchTo();
            log += "4";
            return Value(0);
        });
        gr1->switchTo();
        QCOMPARE(str(log), QStringLiteral("1 3 2 4"));
        // gr2 returned to its parent (main); gr1 still waits in its second switch.
        QVERIFY(gr2->dead());
        QVERIFY(gr1->active());
        QCOMPARE(w.pool.inUse(), std::size_t(1));
        gr1.reset();
        QCOMPARE(w.pool.inUse(), std::size_t(0));
    }

    void switchingIntoAnUnstartedGreenletRunsItsBodyWithTheValue()
    {
        World w;
        const GreenletPtr g = w.rt.create([](Value v) { return v * 2; });
        QVERIFY(!g->started() && !g->active() && !g->dead() && !bool(*g));
        QCOMPARE(g->switchTo(21), Value(42));
        QVERIFY(g->started() && !g->active() && g->dead() && !bool(*g));
    }

    void switchingIntoASuspendedGreenletReturnsTheValueFromItsSwitch()
    {
        World w;
        const GreenletPtr g = w.rt.create([&](Value first) {
            const Value a = w.toParent(first + 1);
            const Value b = w.toParent(a + 1);
            return b + 1;
        });
        QCOMPARE(g->switchTo(0), Value(1));
        QCOMPARE(state(*g), QStringLiteral("suspended"));
        QVERIFY(g->started() && g->active() && !g->dead() && bool(*g));
        QCOMPARE(g->switchTo(10), Value(11));
        QCOMPARE(g->switchTo(100), Value(101));
        QVERIFY(g->dead());
    }

    void switchingToTheRunningGreenletReturnsTheValueImmediately()
    {
        World w;
        QCOMPARE(w.rt.main()->switchTo(7), Value(7));
        Value inside = 0;
        const GreenletPtr g = w.rt.create([&](Value) {
            inside = w.rt.current()->switchTo(9);
            return Value(0);
        });
        g->switchTo();
        QCOMPARE(inside, Value(9));
    }

    void switchingToADeadGreenletGoesToItsParent()
    {
        World w;
        const GreenletPtr dead = w.rt.create([](Value) { return Value(0); });
        dead->switchTo();
        QVERIFY(dead->dead());
        // Its parent is main, the caller: the value comes straight back.
        QCOMPARE(dead->switchTo(5), Value(5));
        // From another greenlet, the switch lands in main.
        const GreenletPtr h = w.rt.create([&](Value) { return dead->switchTo(33) + 1000; });
        QCOMPARE(h->switchTo(), Value(33));
        QVERIFY(h->active());
        QCOMPARE(h->switchTo(1), Value(1001));
    }

    void switchingToADeadGreenletWalksUpToTheFirstLiveAncestor()
    {
        World w;
        std::string log;
        const GreenletPtr live = w.rt.create([&](Value) {
            log += std::to_string(w.rt.main()->switchTo(1));
            return Value(77);
        });
        QCOMPARE(live->switchTo(), Value(1));
        const GreenletPtr d2 = w.rt.create([](Value) { return Value(0); });
        d2->switchTo();
        d2->setParent(live);
        const GreenletPtr d1 = w.rt.create([](Value) { return Value(0); });
        d1->switchTo();
        d1->setParent(d2);
        QCOMPARE(d1->switchTo(8), Value(77));
        QCOMPARE(str(log), QStringLiteral("8"));
    }

    void switchingToADeadGreenletStartsAnUnstartedParent()
    {
        // test_switch_to_dead_greenlet_reparent
        World w;
        std::string seen;
        const GreenletPtr parentNeverStarted = w.rt.create([&](Value v) {
            seen += " 24";
            return v;
        });
        const GreenletPtr child = w.rt.create([&](Value) {
            seen += "42";
            return Value(0);
        });
        child->switchTo();
        QCOMPARE(str(seen), QStringLiteral("42"));
        child->setParent(parentNeverStarted);
        QCOMPARE(child->switchTo(5), Value(5));
        QCOMPARE(str(seen), QStringLiteral("42 24"));
        QVERIFY(parentNeverStarted->dead());
    }

    void returningIntoAnUnstartedParentStartsItWithTheResult()
    {
        // test_falling_off_end_switches_to_unstarted_parent_works
        World w;
        const GreenletPtr parentNeverStarted = w.rt.create([](Value x) { return x * 100 + 24; });
        const GreenletPtr child = w.rt.create([](Value) { return Value(42); }, parentNeverStarted);
        QCOMPARE(child->switchTo(), Value(4224));
        QVERIFY(child->dead() && parentNeverStarted->dead());
    }

    void anExceptionEscapingABodyIsRaisedInTheParent()
    {
        World w;
        const GreenletPtr g = w.rt.create([](Value) -> Value { throw SomeError("boom"); });
        QCOMPARE(raised<SomeError>([&] { g->switchTo(); }), QStringLiteral("boom"));
        QVERIFY(g->dead());
        QCOMPARE(w.rt.current(), w.rt.main());
    }

    void anExceptionTravelsUpThroughParentsThatReraiseIt()
    {
        // test_exception
        World w;
        std::string seen;
        auto fmain = [&](Value) -> Value {
            try {
                w.toParent();
            } catch (const SomeError&) {
                seen += "SomeError";
                throw;
            }
            throw SomeError("from fmain");
        };
        const GreenletPtr g1 = w.rt.create(fmain);
        const GreenletPtr g2 = w.rt.create(fmain);
        g1->switchTo();
        g2->switchTo();
        g2->setParent(g1);
        QCOMPARE(raised<SomeError>([&] { g2->switchTo(); }), QStringLiteral("from fmain"));
        QCOMPARE(str(seen), QStringLiteral("SomeError"));
        QVERIFY(g1->dead() && g2->dead());
        QCOMPARE(g2->switchTo(), Value(0));
        QCOMPARE(g2->switchTo(25), Value(25));
        QCOMPARE(str(seen), QStringLiteral("SomeError"));
    }

    void throwIntoASuspendedGreenletRaisesAtItsSwitchPoint()
    {
        // test_class, test_val
        World w;
        const GreenletPtr g = w.rt.create([&](Value) {
            try {
                w.toParent(1);
            } catch (const SomeError& e) {
                if (std::string(e.what()) == "ciao") {
                    w.toParent(2);
                    return Value(0);
                }
            }
            w.toParent(99);
            return Value(0);
        });
        QCOMPARE(g->switchTo(), Value(1));
        QCOMPARE(g->throwIn(error("ciao")), Value(2));
        QVERIFY(g->active());
    }

    void throwIntoAnUnstartedGreenletKillsItWithoutRunningTheBody()
    {
        World w;
        bool ran = false;
        const GreenletPtr g = w.rt.create([&](Value) {
            ran = true;
            return Value(0);
        });
        QCOMPARE(raised<SomeError>([&] { g->throwIn(error("early")); }), QStringLiteral("early"));
        QVERIFY(!ran);
        QVERIFY(g->started() && g->dead());
        QCOMPARE(w.pool.mappingsCreated(), std::size_t(0));
    }

    void throwingGreenletExitIntoAnUnstartedGreenletReturnsItsValue()
    {
        World w;
        const GreenletPtr g = w.rt.create([](Value) { return Value(1); });
        QCOMPARE(g->throwIn(std::make_exception_ptr(GreenletExit(77))), Value(77));
        QVERIFY(g->dead());
    }

    void throwIntoTheRunningGreenletRaisesImmediately()
    {
        World w;
        QCOMPARE(raised<SomeError>([&] { w.rt.main()->throwIn(error("self")); }), QStringLiteral("self"));
        std::string log;
        const GreenletPtr g = w.rt.create([&](Value) {
            try {
                w.rt.current()->throwIn(error("inside"));
            } catch (const SomeError& e) {
                log = e.what();
            }
            return Value(0);
        });
        g->switchTo();
        QCOMPARE(str(log), QStringLiteral("inside"));
    }

    void throwIntoADeadGreenletRaisesInItsParent()
    {
        World w;
        const GreenletPtr g = w.rt.create([](Value) { return Value(0); });
        g->switchTo();
        QCOMPARE(raised<SomeError>([&] { g->throwIn(error("late")); }), QStringLiteral("late"));
    }

    void throwingGreenletExitKillsAndADeadGreenletEatsFurtherExits()
    {
        // test_kill
        World w;
        const GreenletPtr g = w.rt.create([&](Value) {
            w.toParent(1);
            w.toParent(2);
            return Value(0);
        });
        QCOMPARE(g->switchTo(), Value(1));
        QCOMPARE(g->throwIn(std::make_exception_ptr(GreenletExit(5))), Value(5));
        QVERIFY(g->dead());
        QCOMPARE(g->throwIn(std::make_exception_ptr(GreenletExit(6))), Value(6));
        QCOMPARE(g->throwIn(), Value(0));
    }

    void throwGoesToTheOriginalParent()
    {
        // test_throw_goes_to_original_parent, its three cases
        World w;
        constexpr Value ready = 1, caught = 2, normalExit = 3, fromF2 = 4;
        auto f1 = [&](Value) {
            try {
                w.rt.main()->switchTo(ready);
            } catch (const IndexError&) {
                return caught;
            }
            return normalExit;
        };
        auto f2 = [&](Value) { return w.rt.main()->switchTo(fromF2); };
        const auto indexError = std::make_exception_ptr(IndexError("index"));

        GreenletPtr g1 = w.rt.create(f1);
        GreenletPtr g2 = w.rt.create(f2, g1);
        QCOMPARE(raised<IndexError>([&] { g2->throwIn(indexError); }), QStringLiteral("index"));
        QVERIFY(g2->dead() && g1->dead());

        g1 = w.rt.create(f1);
        g2 = w.rt.create(f2, g1);
        QCOMPARE(g1->switchTo(), ready);
        QCOMPARE(g2->throwIn(indexError), caught);
        QVERIFY(g2->dead() && g1->dead());

        g1 = w.rt.create(f1);
        g2 = w.rt.create(f2, g1);
        QCOMPARE(g1->switchTo(), ready);
        QCOMPARE(g2->switchTo(), fromF2);
        QCOMPARE(g2->throwIn(indexError), caught);
        QVERIFY(g2->dead() && g1->dead());
    }

    void greenletExitEscapingABodyEndsItQuietlyWithTheCarriedValue()
    {
        World w;
        const GreenletPtr carrying = w.rt.create([](Value) -> Value { throw GreenletExit(31); });
        QCOMPARE(carrying->switchTo(), Value(31));
        QVERIFY(carrying->dead());
        const GreenletPtr bare = w.rt.create([](Value) -> Value { throw GreenletExit(); });
        QCOMPARE(bare->switchTo(9), Value(0));
    }

    void reassignedParentReceivesTheResult()
    {
        World w;
        const GreenletPtr p = w.rt.create([&](Value) { return w.rt.main()->switchTo(1) + 1; });
        QCOMPARE(p->switchTo(), Value(1));
        const GreenletPtr g = w.rt.create([](Value) { return Value(5); });
        QCOMPARE(g->parent(), w.rt.main());
        g->setParent(p);
        QCOMPARE(g->parent(), p);
        QCOMPARE(g->switchTo(), Value(6));
        QVERIFY(p->dead());
    }

    void aGreenletCreatedInsideABodyHasThatGreenletAsParent()
    {
        // test_two_recursive_children
        World w;
        std::string log;
        const GreenletPtr outer = w.rt.create([&](Value) {
            log += "a";
            const GreenletPtr inner = w.rt.create([&](Value) {
                log += "b";
                return w.toParent();
            });
            if (inner->parent() != w.rt.current())
                log += "!";
            inner->switchTo();
            log += "c";
            return Value(0);
        });
        outer->switchTo();
        QCOMPARE(str(log), QStringLiteral("abc"));
    }

    void cyclicParentChainIsRefused()
    {
        // test_trivial_cycle, test_deeper_cycle
        World w;
        const GreenletPtr g1 = w.rt.create([](Value) { return Value(0); });
        const GreenletPtr g2 = w.rt.create([](Value) { return Value(0); });
        const GreenletPtr g3 = w.rt.create([](Value) { return Value(0); });
        QCOMPARE(raised<GreenletError>([&] { g1->setParent(g1); }), QStringLiteral("cyclic parent chain"));
        g1->setParent(g2);
        g2->setParent(g3);
        try {
            g3->setParent(g1);
            QFAIL("a cycle was accepted");
        } catch (const GreenletError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("cyclic parent chain"));
            QCOMPARE(QString::fromUtf8(e.pythonType().data()), QStringLiteral("ValueError"));
        }
        QCOMPARE(g3->parent(), w.rt.main());
    }

    void mainGreenletsParentCannotBeSetAndNoParentCanBeRemoved()
    {
        // test_trivial_cycle_main, test_cannot_delete_parent(_of_main)
        World w;
        const GreenletPtr g = w.rt.create([](Value) { return Value(0); });
        QCOMPARE(raised<GreenletError>([&] { w.rt.main()->setParent(g); }),
                 QStringLiteral("cannot set the parent of a main greenlet"));
        QCOMPARE(raised<GreenletError>([&] { g->setParent(nullptr); }), QStringLiteral("can't delete attribute"));
        QCOMPARE(raised<GreenletError>([&] { w.rt.main()->setParent(nullptr); }),
                 QStringLiteral("can't delete attribute"));
    }

    void parentFromAnotherRuntimeIsRefused()
    {
        World w;
        World other;
        const GreenletPtr g = w.rt.create([](Value) { return Value(0); });
        const GreenletPtr foreign = other.rt.create([](Value) { return Value(0); });
        QCOMPARE(raised<GreenletError>([&] { g->setParent(foreign); }),
                 QStringLiteral("parent cannot be on a different thread"));
        QCOMPARE(raised<GreenletError>([&] { w.rt.create([](Value) { return Value(0); }, foreign); }),
                 QStringLiteral("parent cannot be on a different thread"));
    }

    void switchingFromDeepInsideNestedCallsResumesThere()
    {
        // test_get_stack_with_nested_c_calls: 5! * 10 = 1200
        World w;
        std::function<Value(Value)> recurse = [&](Value v) -> Value {
            if (v > 0)
                return v * recurse(v - 1);
            return w.toParent();
        };
        const GreenletPtr g = w.rt.create(recurse);
        QCOMPARE(g->switchTo(5), Value(0));
        QCOMPARE(g->switchTo(10), Value(1200));
    }

    void stackBoundsDescribeTheRunningStack()
    {
        World w;
        const auto here = reinterpret_cast<std::uintptr_t>(&w);
        const GreenletRuntime::StackBounds mainBounds = w.rt.currentStackBounds();
        QVERIFY(mainBounds.low < here && here < mainBounds.high);
        QVERIFY(w.rt.remainingStackBytes() > 64 * 1024);

        std::uintptr_t low = 0, high = 0, local = 0;
        std::size_t shallow = 0, deep = 0;
        std::function<void(int)> descend = [&](int depth) {
            volatile char frame[512];
            frame[0] = char(depth);
            if (depth == 0) {
                deep = w.rt.remainingStackBytes();
                return;
            }
            descend(depth - 1);
            frame[1] = frame[0];
        };
        const GreenletPtr g = w.rt.create([&](Value) {
            const GreenletRuntime::StackBounds b = w.rt.currentStackBounds();
            low = b.low;
            high = b.high;
            local = reinterpret_cast<std::uintptr_t>(&b);
            shallow = w.rt.remainingStackBytes();
            descend(100);
            return Value(0);
        });
        g->switchTo();
        QCOMPARE(high - low, w.pool.usableSize());
        QVERIFY(low < local && local < high);
        QVERIFY(shallow < w.pool.usableSize());
        QVERIFY(deep + 100 * 512 < shallow);
        QCOMPARE(g->stackLow(), std::uintptr_t(0));
        QCOMPARE(w.rt.currentStackBounds().low, mainBounds.low);
    }

    void switchingInsideACatchHandlerKeepsEachGreenletsExceptionState()
    {
        World w;
        std::string log;
        const GreenletPtr g = w.rt.create([&](Value) {
            try {
                throw SomeError("inner");
            } catch (const SomeError&) {
                w.toParent();
                try {
                    throw;
                } catch (const SomeError& e) {
                    log += e.what();
                }
            }
            return Value(0);
        });
        g->switchTo();
        try {
            throw IndexError("outer");
        } catch (const IndexError&) {
            g->switchTo();
            try {
                throw;
            } catch (const IndexError& e) {
                log += std::string(" ") + e.what();
            }
        }
        QCOMPARE(str(log), QStringLiteral("inner outer"));
    }

    void abandonedGreenletIsKilledWithGreenletExitAndItsStackReturns()
    {
        // test_dealloc
        World w;
        std::string seen;
        auto fmain = [&](Value) -> Value {
            try {
                w.toParent();
            } catch (const GreenletExit&) {
                seen += "GreenletExit ";
                throw;
            }
            throw SomeError("not reached");
        };
        GreenletPtr g1 = w.rt.create(fmain);
        GreenletPtr g2 = w.rt.create(fmain);
        g1->switchTo();
        g2->switchTo();
        QCOMPARE(w.pool.inUse(), std::size_t(2));
        QVERIFY(seen.empty());
        g1.reset();
        QCOMPARE(str(seen), QStringLiteral("GreenletExit "));
        g2.reset();
        QCOMPARE(str(seen), QStringLiteral("GreenletExit GreenletExit "));
        QCOMPARE(w.pool.inUse(), std::size_t(0));
        QCOMPARE(w.rt.greenletCount(), std::size_t(1));
        QCOMPARE(w.rt.current(), w.rt.main());
    }

    void killedGreenletThatRaisesReportsTheErrorAsUnraisable()
    {
        // test_dealloc_catches_GreenletExit_throws_other
        World w;
        std::string unraisable;
        w.rt.setUnraisableHandler([&](Greenlet& g, std::exception_ptr e) {
            try {
                std::rethrow_exception(e);
            } catch (const SomeError& err) {
                unraisable = g.name() + ": " + err.what();
            }
        });
        GreenletPtr g = w.rt.create(
            [&](Value) -> Value {
                try {
                    w.toParent();
                } catch (const GreenletExit&) {
                    throw SomeError("raised while dying");
                }
                return 0;
            },
            {}, "victim");
        g->switchTo();
        g.reset();
        QCOMPARE(str(unraisable), QStringLiteral("victim: raised while dying"));
        QCOMPARE(w.pool.inUse(), std::size_t(0));
    }

    void killRestoresTheParentOfAGreenletThatResurrectsItself()
    {
        // test_parent_restored_on_kill
        World w;
        const GreenletPtr hub = w.rt.create([](Value) { return Value(0); });
        std::vector<GreenletPtr> result;
        GreenletPtr g = w.rt.create(
            [&](Value) {
                try {
                    w.rt.main()->switchTo();
                } catch (const GreenletExit&) {
                    result.push_back(w.rt.current()->parent());
                    result.push_back(w.rt.current());
                    hub->switchTo();
                }
                return Value(0);
            },
            hub);
        g->switchTo();
        g.reset();
        QCOMPARE(result.size(), std::size_t(2));
        QCOMPARE(result[0], w.rt.main());
        QCOMPARE(result[1]->parent(), hub);
        QVERIFY(result[1]->active());
        result.clear();
        QCOMPARE(w.pool.inUse(), std::size_t(0));
        QCOMPARE(w.rt.greenletCount(), std::size_t(2)); // main and hub
    }

    void greenletDroppingItsLastReferenceIsKilledOnceItSwitchesAway()
    {
        // test_dealloc_switch_args_not_lost
        World w;
        std::string seen;
        std::vector<GreenletPtr> worker;
        GreenletPtr initiator;
        worker.push_back(w.rt.create([&](Value) {
            const Value value = w.toParent();
            worker.clear();
            initiator->setParent(w.rt.currentGreenlet().parent()); // drops the last reference to us
            Finally finally{&seen, "finally"};
            // currentGreenlet(), not current(): a shared_ptr temporary would
            // keep us alive for the whole switch.
            w.toParent(value);
            return Value(0);
        }));
        worker[0]->switchTo();
        initiator = w.rt.create([](Value) { return Value(42); }, worker[0]);
        const Value value = initiator->switchTo();
        QCOMPARE(value, Value(42));
        QCOMPARE(str(seen), QStringLiteral("finally"));
        QCOMPARE(w.pool.inUse(), std::size_t(0));
    }

    void greenletRefusingToDieIsUnwoundAndItsStackReturns()
    {
        World w;
        std::string log;
        std::vector<Value> discarded;
        w.rt.setDiscardHandler([&](Value v) { discarded.push_back(v); });
        GreenletPtr g = w.rt.create([&](Value) {
            Finally finally{&log, "unwound"};
            for (;;) {
                try {
                    w.toParent(1);
                } catch (...) {
                    rethrowIfForcedUnwind();
                    log += "refused ";
                }
            }
            return Value(0);
        });
        g->switchTo();
        g.reset();
        QCOMPARE(str(log), QStringLiteral("refused unwound"));
        QCOMPARE(discarded, std::vector<Value>{1});
        QCOMPARE(w.pool.inUse(), std::size_t(0));
        QCOMPARE(w.rt.greenletCount(), std::size_t(1));
        QCOMPARE(w.rt.current(), w.rt.main());
    }

    void destroyingTheRuntimeKillsLiveGreenletsAndDetachesTheRest()
    {
        RunContext ctx;
        StackPool pool;
        auto rt = std::make_unique<GreenletRuntime>(ctx, pool);
        std::string log;
        GreenletRuntime* raw = rt.get();
        const GreenletPtr g = rt->create([&](Value) {
            Finally finally{&log, "finally"};
            raw->main()->switchTo();
            return Value(0);
        });
        const GreenletPtr unstarted = rt->create([](Value) { return Value(0); });
        g->switchTo();
        rt.reset();
        QCOMPARE(str(log), QStringLiteral("finally"));
        QCOMPARE(pool.inUse(), std::size_t(0));
        QVERIFY(g->dead());
        QVERIFY(!g->runtime());
        try {
            g->switchTo();
            QFAIL("switching into a detached greenlet worked");
        } catch (const GreenletError& e) {
            QCOMPARE(QString::fromUtf8(e.pythonType().data()), QStringLiteral("greenlet.error"));
            QCOMPARE(QString::fromUtf8(e.what()),
                     QStringLiteral("cannot switch to a different thread (which happens to have exited)"));
        }
    }

    void warmPoolServesManyGreenletsWithoutNewMappings()
    {
        World w;
        for (int i = 0; i < 1000; ++i) {
            const GreenletPtr g = w.rt.create([](Value v) { return v + 1; });
            QCOMPARE(g->switchTo(Value(i)), Value(i + 1));
        }
        QCOMPARE(w.pool.mappingsCreated(), std::size_t(1));
        // Abandoned mid-switch, all at once: killed, stacks back.
        std::vector<GreenletPtr> waiting;
        for (int i = 0; i < 50; ++i) {
            waiting.push_back(w.rt.create([&](Value) { return w.toParent(); }));
            waiting.back()->switchTo();
        }
        QCOMPARE(w.pool.inUse(), std::size_t(50));
        waiting.clear();
        QCOMPARE(w.pool.inUse(), std::size_t(0));
        QCOMPARE(w.pool.mappingsCreated(), std::size_t(50));
        QCOMPARE(w.rt.greenletCount(), std::size_t(1));
    }

    void traceRecordsCreationSwitchesAndStates()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        StackPool pool;
        {
            GreenletRuntime rt(ctx, pool);
            const GreenletPtr g = rt.create(
                [&](Value) {
                    rt.main()->switchTo(5);
                    return Value(0);
                },
                {}, "worker");
            g->switchTo();
            g->switchTo();
            const GreenletPtr bad = rt.create(
                [&](Value) -> Value {
                    rt.main()->switchTo();
                    throw SomeError("x");
                },
                {}, "bad");
            bad->switchTo();
            try {
                bad->throwIn(error("in"));
            } catch (const SomeError&) {
            }
        }
        std::string text;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const Event& e = trace[i];
            if (!text.empty())
                text += "; ";
            switch (e.kind) {
            case EventKind::TaskCreated:
                text += "created " + std::to_string(e.subject) + " " + std::string(toString(TaskKind(e.a)))
                        + " parent=" + std::to_string(e.x) + " " + std::string(trace.text(e.v));
                break;
            case EventKind::TaskState:
                text += std::to_string(e.subject) + " " + std::string(toString(TaskState(e.a)));
                if (WaitKind(e.b) != WaitKind::None)
                    text += " on " + std::string(toString(WaitKind(e.b))) + " " + std::to_string(e.x);
                break;
            case EventKind::Switch:
                text += "switch " + std::to_string(e.x) + "->" + std::to_string(e.subject) + " "
                        + std::string(toString(SwitchWhy(e.a)));
                break;
            default:
                text += std::string(toString(e.kind));
            }
        }
        QCOMPARE(str(text),
                 QStringLiteral("created 1 main parent=0 main; 1 running; "
                                "created 2 greenlet parent=1 worker; "
                                "1 suspended on greenlet 2; switch 1->2 start; 2 running; "
                                "2 suspended on greenlet 1; switch 2->1 switch; 1 running; "
                                "1 suspended on greenlet 2; switch 1->2 switch; 2 running; "
                                "2 done; switch 2->1 return; 1 running; "
                                "created 3 greenlet parent=1 bad; "
                                "1 suspended on greenlet 3; switch 1->3 start; 3 running; "
                                "3 suspended on greenlet 1; switch 3->1 switch; 1 running; "
                                "1 suspended on greenlet 3; switch 1->3 throw; 3 running; "
                                "3 failed; switch 3->1 return; 1 running"));
    }
};

QTEST_APPLESS_MAIN(tst_Greenlet)
#include "tst_greenlet.moc"
