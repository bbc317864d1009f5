// The pylite `greenlet` module: python-greenlet's semantics for switching,
// argument packing, parents, dead greenlets, throw and GreenletExit, with
// each greenlet on its own machine stack and its own VM frame chain.

#include "core/runtime/RunContext.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QtTest>

#include <string>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

struct Run {
    Vm::Status status;
    std::string out;
    std::string err;
};

Run run(const char* source)
{
    Vm vm;
    const Vm::Status status = vm.run(source);
    return {status, vm.output(Stream::Stdout), vm.output(Stream::Stderr)};
}

QString lastLine(const std::string& text)
{
    const QStringList lines = QString::fromStdString(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last();
}

/// A task's frames as "f1 > f2" (bottom first).
std::string stackOf(const Model& model, const Trace& trace, TaskId id)
{
    std::string out;
    for (const FrameInfo& f : model.frames(id)) {
        if (!out.empty()) out += " > ";
        out += trace.text(f.function);
    }
    return out;
}

/// The id of the task named `name` (0: none), counting how many carry it.
TaskId taskNamed(const Model& model, const Trace& trace, std::string_view name, int& count)
{
    TaskId found = 0;
    count = 0;
    for (TaskId id : model.taskIds()) {
        if (trace.text(model.task(id)->name) != name) continue;
        ++count;
        found = id;
    }
    return found;
}

} // namespace

class tst_GreenletModule : public QObject {
    Q_OBJECT

private slots:
    void switchingInterleavesTwoGreenlets()
    {
        const Run r = run(R"(
from greenlet import greenlet
def a():
    print(1, end=' ')
    gb.switch()
    print(3, end=' ')
    gb.switch()
def b():
    print(2, end=' ')
    ga.switch()
    print(4, end='')
ga = greenlet(a)
gb = greenlet(b)
ga.switch()
)");
        QCOMPARE(int(r.status), int(Vm::Status::Ok));
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("1 2 3 4"));
    }

    void switchArgumentsArePackedLikePythonGreenlet()
    {
        const Run r = run(R"(
from greenlet import greenlet, getcurrent
main = getcurrent()
def echo(*args, **kw):
    print(args, kw)
    while True:
        print(repr(main.switch()))
g = greenlet(echo)
g.switch(1, 2, k=3)
g.switch()
g.switch('one')
g.switch(1, 2)
g.switch(a=1)
g.switch(1, a=2)
)");
        QCOMPARE(int(r.status), int(Vm::Status::Ok));
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("(1, 2) {'k': 3}\n()\n'one'\n(1, 2)\n{'a': 1}\n((1,), {'a': 2})\n"));
    }

    void returnValueAndExceptionsReachTheParent()
    {
        const Run r = run(R"(
from greenlet import greenlet
print(greenlet(lambda x: x * 2).switch(21))
def bad():
    raise KeyError('inside')
g = greenlet(bad)
try:
    g.switch()
except KeyError as e:
    print('caught', repr(e), g.dead, bool(g))
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("42\ncaught KeyError('inside') True False\n"));
    }

    void switchingFromDeepNestedCallsKeepsEachFrameChain()
    {
        const Run r = run(R"(
from greenlet import greenlet, getcurrent
main = getcurrent()
def deep(n, tag):
    if n == 0:
        main.switch(tag)
        return tag + ' unwound'
    return deep(n - 1, tag)
g1 = greenlet(lambda: deep(300, 'g1'))
g2 = greenlet(lambda: deep(200, 'g2'))
def here(n):
    if n == 0:
        print(g1.switch(), g2.switch(), end=' ')
        print(g2.switch(), g1.switch())
        return
    here(n - 1)
here(50)
)");
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("g1 g2 g2 unwound g1 unwound\n"));
    }

    void throwRaisesAtTheSwitchPointAndGreenletExitIsReturned()
    {
        const Run r = run(R"(
from greenlet import greenlet, getcurrent, GreenletExit
main = getcurrent()
def body():
    try:
        main.switch('waiting')
    except ValueError as e:
        print('got', e)
        main.switch('again')
    finally:
        print('finally')
g = greenlet(body)
print(g.switch())
print(g.throw(ValueError, 'boom'))
r = g.throw()
print(type(r).__name__, g.dead)
h = greenlet(body)
print(type(h.throw(GreenletExit)).__name__, h.dead)
)");
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("waiting\ngot boom\nagain\nfinally\nGreenletExit True\nGreenletExit True\n"));
    }

    void parentsAreSettableButNotCyclic()
    {
        const Run r = run(R"(
from greenlet import greenlet, getcurrent
main = getcurrent()
a = greenlet(lambda x: 'a got ' + x)
b = greenlet(lambda: 'b', parent=a)
print(b.parent is a, a.parent is main, main.parent)
try:
    a.parent = b
except ValueError as e:
    print('ValueError:', e)
print(b.switch(), a.dead, b.dead)
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("True True None\nValueError: cyclic parent chain\na got b True True\n"));
    }

    void switchingToADeadGreenletGoesToItsParent()
    {
        const Run r = run(R"(
from greenlet import greenlet
g = greenlet(lambda: 'done')
print(g.switch(), g.dead)
print(g.switch('to the parent'))
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("done True\nto the parent\n"));
    }

    void anUncaughtExceptionEndsTheProgram()
    {
        const Run r = run(R"(
from greenlet import greenlet
def w():
    raise RuntimeError('unhandled')
greenlet(w).switch()
)");
        QCOMPARE(int(r.status), int(Vm::Status::Exception));
        QCOMPARE(lastLine(r.err), QStringLiteral("RuntimeError: unhandled"));
    }

    void suspendedGreenletsAreKilledWhenTheVmEnds()
    {
        const Run r = run(R"(
from greenlet import greenlet, getcurrent
main = getcurrent()
def w():
    try:
        main.switch()
    finally:
        print('killed')
g = greenlet(w)
g.switch()
print('end')
)");
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("end\n"));
    }

    void tracedGreenletsRunTheirOwnFrameStacksUnderOneMainTask()
    {
        // The tutorial's 1.1 program: gr1 runs func1, gr2 runs func2.
        QFile f(QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath(
            QStringLiteral("../../lessons/02-greenlet/greenlet_switch.py")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        Vm::Options o;
        o.context = &ctx;
        Vm vm(o);
        QCOMPARE(int(vm.run(f.readAll().toStdString())), int(Vm::Status::Ok));
        QCOMPARE(QString::fromStdString(vm.output(Stream::Stdout)), QStringLiteral("1\n3\n2\n4\n"));

        Model end = Model::fold(trace, trace.size());
        int mains = 0;
        const TaskId main = taskNamed(end, trace, "main", mains);
        QCOMPARE(mains, 1);
        QCOMPARE(int(end.task(main)->kind), int(TaskKind::Main));
        std::vector<TaskId> greenlets;
        for (TaskId id : end.taskIds())
            if (end.task(id)->kind == TaskKind::Greenlet) greenlets.push_back(id);
        QCOMPARE(greenlets.size(), std::size_t(2));
        const TaskId gr1 = greenlets[0];
        const TaskId gr2 = greenlets[1];

        // Just after main -> gr1 -> gr2: gr1 waits inside func1, gr2 has
        // entered func2, main waits at module level.
        std::size_t at = 0;
        int switchesIn = 0;
        for (; at < trace.size() && switchesIn < 1; ++at)
            if (trace[at].kind == EventKind::Switch && trace[at].subject == gr2) ++switchesIn;
        for (; at < trace.size() && trace[at].kind != EventKind::FramePush; ++at) {}
        QVERIFY(at < trace.size());
        const Model afterSwitch = Model::fold(trace, at + 1);
        QCOMPARE(afterSwitch.running(), gr2);
        QCOMPARE(QString::fromStdString(stackOf(afterSwitch, trace, gr1)), QStringLiteral("func1"));
        QCOMPARE(QString::fromStdString(stackOf(afterSwitch, trace, gr2)), QStringLiteral("func2"));
        QCOMPARE(QString::fromStdString(stackOf(afterSwitch, trace, main)), QStringLiteral("<module>"));
        QCOMPARE(afterSwitch.task(gr1)->line, 6u);

        QString anomalies;
        for (std::size_t i = 0; i < end.anomalyCount() && i < 3; ++i)
            anomalies += QString::fromStdString(std::string(end.anomaly(i).what)) + QLatin1Char(';');
        QVERIFY2(end.anomalyCount() == 0, qPrintable(anomalies));
        QVERIFY(end.ended());
    }
};

QTEST_APPLESS_MAIN(tst_GreenletModule)
#include "tst_greenletmodule.moc"
