// GreenletRuntime::setSwitchObserver: the observer hears about every change
// of the running greenlet, with the greenlet that stops and the one that
// runs, whatever caused it (a switch into an unstarted or a suspended
// greenlet, a body returning or raising to its parent, throwIn, and the kill
// of a suspended greenlet whose last reference goes away). At each call the
// runtime already names `to` as current. The pylite greenlet module relies on
// this to keep each greenlet's VM frames with the greenlet that runs.

#include "core/runtime/greenlet/GreenletExit.h"
#include "core/runtime/greenlet/GreenletRuntime.h"

#include <QtTest>

#include <memory>
#include <stdexcept>
#include <string>

using namespace coroscope;
using Value = Greenlet::Value;
using GreenletPtr = std::shared_ptr<Greenlet>;

namespace {

/// A runtime whose observer appends "from>to " (greenlet names) to `log`
/// and checks that `to` is already the current greenlet.
struct ObservedWorld {
    RunContext ctx;
    StackPool pool;
    GreenletRuntime rt{ctx, pool};
    std::string log;
    int notCurrent = 0;

    ObservedWorld()
    {
        rt.setSwitchObserver([this](Greenlet& from, Greenlet& to) {
            log += name(from) + ">" + name(to) + " ";
            if (&rt.currentGreenlet() != &to) ++notCurrent;
        });
    }

    static std::string name(const Greenlet& g) { return g.isMain() ? "main" : g.name(); }
};

QString str(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class tst_GreenletSwitchObserver : public QObject {
    Q_OBJECT
private slots:
    void everySwitchBetweenTwoGreenletsIsObservedInOrder()
    {
        ObservedWorld w;
        GreenletPtr a;
        GreenletPtr b;
        a = w.rt.create(
            [&](Value) {
                b->switchTo();
                b->switchTo();
                return Value(0);
            },
            {}, "a");
        b = w.rt.create(
            [&](Value) {
                a->switchTo();
                return Value(0);
            },
            {}, "b");
        a->switchTo();
        // a starts, starts b, b resumes a, a resumes b, b ends (to its parent
        // main), then a is never resumed: it is suspended, not dead.
        QCOMPARE(str(w.log), QStringLiteral("main>a a>b b>a a>b b>main "));
        QCOMPARE(w.notCurrent, 0);
        QVERIFY(b->dead());
        QVERIFY(!a->dead());
    }

    void aBodyEndingByAnExceptionIsObservedAsASwitchToTheParent()
    {
        ObservedWorld w;
        const GreenletPtr parent = w.rt.create(
            [&](Value) {
                const GreenletPtr child = w.rt.create([](Value) -> Value { throw std::runtime_error("boom"); }, {},
                                                      "child");
                try {
                    child->switchTo();
                } catch (const std::runtime_error&) {
                    w.log += "caught ";
                }
                return Value(7);
            },
            {}, "parent");
        QCOMPARE(parent->switchTo(), Value(7));
        QCOMPARE(str(w.log), QStringLiteral("main>parent parent>child child>parent caught parent>main "));
        QCOMPARE(w.notCurrent, 0);
    }

    void throwInAndKillingASuspendedGreenletAreObservedBothWays()
    {
        ObservedWorld w;
        GreenletPtr g = w.rt.create(
            [&](Value) {
                try {
                    w.rt.main()->switchTo(1);
                } catch (const GreenletExit&) {
                    w.log += "exit ";
                    throw;
                }
                return Value(0);
            },
            {}, "g");
        QCOMPARE(g->switchTo(), Value(1));
        QCOMPARE(g->throwIn(std::make_exception_ptr(GreenletExit(5))), Value(5));
        QCOMPARE(str(w.log), QStringLiteral("main>g g>main main>g exit g>main "));

        w.log.clear();
        GreenletPtr h = w.rt.create(
            [&](Value) {
                try {
                    w.rt.main()->switchTo(2);
                } catch (const GreenletExit&) {
                    w.log += "killed ";
                    throw;
                }
                return Value(0);
            },
            {}, "h");
        QCOMPARE(h->switchTo(), Value(2));
        h.reset(); // the last reference to a suspended greenlet: it is killed
        QCOMPARE(str(w.log), QStringLiteral("main>h h>main main>h killed h>main "));
        QCOMPARE(w.notCurrent, 0);
    }

    void noObserverMeansSwitchesAreNotReported()
    {
        ObservedWorld w;
        w.rt.setSwitchObserver({});
        const GreenletPtr g = w.rt.create([](Value v) { return v + 1; }, {}, "g");
        QCOMPARE(g->switchTo(41), Value(42));
        QCOMPARE(str(w.log), QString());
    }
};

QTEST_APPLESS_MAIN(tst_GreenletSwitchObserver)
#include "tst_greenletswitchobserver.moc"
