// Memory events of a traced pylite run: a greenlet that switches away
// reports the machine stack and interpreter frames it keeps, a generator
// that suspends reports its heap frame and generator object.

#include "core/runtime/RunContext.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <QtTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

/// The Memory events of one traced run, in trace order, with their task's kind.
struct Measured {
    TaskId task = 0;
    MemoryKind kind = MemoryKind::Stack;
    std::uint64_t bytes = 0;
    std::uint32_t first = 0;  ///< machine stack (Stack) or frame bytes (Frames)
    std::uint32_t second = 0; ///< interpreter frames (Stack) or generator object (Frames)
};

struct TracedRun {
    Vm::Status status = Vm::Status::Ok;
    std::string out;
    std::vector<Measured> memory;
    std::size_t anomalies = 0;
};

TracedRun runTraced(const char* source)
{
    Trace trace;
    RunContext ctx;
    ctx.trace = &trace;
    Vm::Options o;
    o.context = &ctx;
    TracedRun r;
    {
        Vm vm(o);
        r.status = vm.run(source);
        r.out = vm.output(Stream::Stdout);
    }
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Event& e = trace[i];
        if (e.kind == EventKind::Memory)
            r.memory.push_back({e.subject, MemoryKind(e.a), e.v, e.x, e.y});
    }
    r.anomalies = Model::fold(trace, trace.size()).anomalyCount();
    return r;
}

/// The first measurement of `task`, or an empty one.
Measured firstOf(const TracedRun& r, TaskId task)
{
    for (const Measured& m : r.memory)
        if (m.task == task) return m;
    return {};
}

/// Tasks with a measurement of `kind`, in the order they were first measured.
std::vector<TaskId> measuredTasks(const TracedRun& r, MemoryKind kind)
{
    std::vector<TaskId> ids;
    for (const Measured& m : r.memory)
        if (m.kind == kind && std::find(ids.begin(), ids.end(), m.task) == ids.end()) ids.push_back(m.task);
    return ids;
}

} // namespace

class tst_MemoryTrace : public QObject {
    Q_OBJECT

private slots:
    void aGreenletSwitchingThreeCallsDeepReportsMoreStackThanOneAtTopLevel()
    {
        const TracedRun r = runTraced(R"(
from greenlet import greenlet, getcurrent
def inner():
    main.switch()
def middle():
    inner()
def outer():
    middle()
def flat():
    main.switch()
main = getcurrent()
deep = greenlet(outer)
deep.switch()
top = greenlet(flat)
top.switch()
print('ok')
)");
        QCOMPARE(int(r.status), int(Vm::Status::Ok));
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("ok\n"));
        QCOMPARE(r.anomalies, std::size_t(0));
        // Measured in switch order, the main greenlet (the thread's own stack) never.
        const std::vector<TaskId> ids = measuredTasks(r, MemoryKind::Stack);
        QCOMPARE(ids.size(), std::size_t(2));
        const Measured deep = firstOf(r, ids[0]);
        const Measured top = firstOf(r, ids[1]);
        QVERIFY2(deep.bytes > top.bytes,
                 qPrintable(QStringLiteral("deep %1 B, top %2 B").arg(deep.bytes).arg(top.bytes)));
        QVERIFY2(deep.second > top.second,
                 qPrintable(QStringLiteral("frames deep %1 B, top %2 B").arg(deep.second).arg(top.second)));
        for (const Measured& m : {deep, top}) {
            QVERIFY(m.first > 256);              // a real stack pointer below the top of its stack
            QVERIFY(m.first < 8u * 1024 * 1024); // and inside it
            QCOMPARE(m.bytes, std::uint64_t(m.first) + m.second);
        }
    }

    void aSuspendedGeneratorReportsItsFrameBytesMoreForMoreLocals()
    {
        const TracedRun r = runTraced(R"(
def few():
    yield 1
def many():
    a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; i = 9; j = 10
    yield a + b + c + d + e + f + g + h + i + j
s = few()
next(s)
t = many()
print(next(t))
)");
        QCOMPARE(int(r.status), int(Vm::Status::Ok));
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("55\n"));
        QCOMPARE(r.anomalies, std::size_t(0));
        const std::vector<TaskId> ids = measuredTasks(r, MemoryKind::Frames);
        QCOMPARE(ids.size(), std::size_t(2));
        const Measured few = firstOf(r, ids[0]);
        const Measured many = firstOf(r, ids[1]);
        QVERIFY(few.bytes > 0);
        QVERIFY(few.first > 0 && few.second > 0);
        QCOMPARE(few.second, many.second); // the same generator object header
        QVERIFY2(many.first >= few.first + 10 * 8,
                 qPrintable(QStringLiteral("few %1 B, many %2 B").arg(few.first).arg(many.first)));
        QCOMPARE(many.bytes, std::uint64_t(many.first) + many.second);
    }
};

QTEST_APPLESS_MAIN(tst_MemoryTrace)
#include "tst_memorytrace.moc"
