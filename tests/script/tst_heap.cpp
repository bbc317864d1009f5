// Heap: the collector's 16-byte header (links, flags and the scratch count
// packed into two words) and the compact generator object. The scratch
// count is split across the two link words, so cycles are built with more
// internal references than one half can hold; generator names are read
// through the code unless the function was renamed, so renaming is checked
// against CPython's answers.

#include "core/script/value/Heap.h"
#include "core/script/value/List.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <QtTest>

#include <string>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

constexpr int kManyReferences = 70000; ///< more than the 16 bits of either half of the scratch count

/// A list holding `n` references to `target` (or to itself when null).
Ref listOfReferences(ObjectSpace& space, Value target, int n)
{
    Ref list = newList(space);
    for (int i = 0; i < n; ++i) listAppend(space, list.as<ListObject>(), target ? target : list.get());
    return list;
}

std::string runProgram(Vm& vm, const std::string& source)
{
    vm.run(source);
    return vm.output(Stream::Stdout) + vm.output(Stream::Stderr);
}

} // namespace

class TestHeap : public QObject {
    Q_OBJECT

private slots:
    void aTrackedObjectCostsItsSizePlusSixteenHeaderBytes()
    {
        ObjectSpace space;
        const std::size_t before = space.heap().liveBytes();
        Ref list = newList(space);
        QVERIFY(space.heap().isTracked(list.get().object()));
        QCOMPARE(space.heap().liveBytes() - before, sizeof(ListObject) + 16);
    }

    void aSelfCycleWithMoreReferencesThanSixteenBitsSurvivesWhileHeldAndIsFreedAfter()
    {
        ObjectSpace space;
        const std::size_t live = space.heap().liveObjects();
        {
            Ref list = listOfReferences(space, Value(), kManyReferences);
            QCOMPARE(list.get().object()->m_refcnt, std::int64_t(kManyReferences + 1));
            QCOMPARE(space.heap().collect(), std::size_t(0));
            QCOMPARE(list.as<ListObject>()->m_size, std::int64_t(kManyReferences));
            QCOMPARE(list.get().object()->m_refcnt, std::int64_t(kManyReferences + 1));
        }
        QCOMPARE(space.heap().collect(), std::size_t(1));
        QCOMPARE(space.heap().liveObjects(), live);
    }

    void anObjectHeldFromOutsideSurvivesSeventyThousandReferencesFromGarbage()
    {
        ObjectSpace space;
        Ref kept = newList(space);
        listAppend(space, kept.as<ListObject>(), Value::smallInt(7));
        {
            Ref holder = listOfReferences(space, kept.get(), kManyReferences);
            listAppend(space, holder.as<ListObject>(), holder.get()); // a cycle: garbage once dropped
            QCOMPARE(kept.get().object()->m_refcnt, std::int64_t(kManyReferences + 1));
        }
        QCOMPARE(space.heap().collect(), std::size_t(1));
        QCOMPARE(kept.get().object()->m_refcnt, std::int64_t(1));
        QCOMPARE(kept.as<ListObject>()->m_size, std::int64_t(1));
        QCOMPARE(space.heap().collect(), std::size_t(0));
    }

    void youngAndFullCollectionsKeepEveryLinkAndCount()
    {
        ObjectSpace space;
        space.heap().setThreshold(100);
        const std::size_t tracked = space.heap().trackedCount();
        std::vector<Ref> keep;
        for (int round = 0; round < 30; ++round) {
            for (int i = 0; i < 150; ++i) {
                Ref l = newList(space);
                if (i % 3 == 0) keep.push_back(l);
                else if (i % 3 == 1) listAppend(space, l.as<ListObject>(), l.get()); // garbage cycle
            }
            space.heap().collectIfPending();
            // Untracking from the middle of either generation relinks its neighbours.
            if (!keep.empty()) keep.erase(keep.begin() + std::ptrdiff_t(keep.size() / 2));
        }
        space.heap().collect();
        QCOMPARE(space.heap().trackedCount(), tracked + keep.size());
        for (const Ref& r : keep) QVERIFY(space.heap().isTracked(r.get().object()));
        keep.clear();
        QCOMPARE(space.heap().collect(), std::size_t(0));
        QCOMPARE(space.heap().trackedCount(), tracked);
    }

    void aSuspendedCoroutineIsOneExactBlockOfHeaderGeneratorFrameAndSlots()
    {
        QCOMPARE(sizeof(GcHead), std::size_t(16));
        QCOMPARE(sizeof(GeneratorObject), std::size_t(32));
        QCOMPARE(sizeof(Frame), std::size_t(80));
        Vm vm;
        Ref module = vm.runModule("async def waiter(fut):\n"
                                  "    return await fut\n"
                                  "c = waiter(None)\n");
        QVERIFY(module);
        Ref c = getAttr(vm.space(), module.get(), "c");
        QVERIFY(c);
        // waiter: one local and a two-value stack, in one block with the
        // generator header and the frame header.
        Object* o = c.get().object();
        QCOMPARE(o->m_type->m_slots.sizeOf(o), sizeof(GeneratorObject) + sizeof(Frame) + 3 * sizeof(Value));
        QCOMPARE(QString::fromStdString(std::string(strView(generatorQualname(asGenerator(c.get()))))),
                 QStringLiteral("waiter"));
        Ref closed = callMethod(vm.space(), c.get(), "close", {});
        QVERIFY(closed);
    }

    void generatorsKeepTheNamesTheirFunctionHadWhenTheyWereCreated()
    {
        Vm vm;
        const std::string out = runProgram(vm, "def g():\n"
                                               "    yield 1\n"
                                               "a = g()\n"
                                               "g.__name__ = 'h'\n"
                                               "g.__qualname__ = 'C.h'\n"
                                               "b = g()\n"
                                               "print(a.__name__, a.__qualname__, b.__name__, b.__qualname__)\n"
                                               "g.__name__ = 'k'\n"
                                               "print(b.__name__, next(b))\n"
                                               "async def co():\n"
                                               "    pass\n"
                                               "co.__qualname__ = 'renamed'\n"
                                               "x = co()\n"
                                               "print(x.__qualname__, x.__name__)\n"
                                               "x.close()\n");
        QCOMPARE(QString::fromStdString(out), QStringLiteral("g g h C.h\nh 1\nrenamed co\n"));
    }

    void aSelfReferencingSuspendedGeneratorIsCollectedWithItsNames()
    {
        Vm vm;
        Ref module = vm.runModule("def gen():\n"
                                  "    me = yield 1\n"
                                  "    try:\n"
                                  "        yield me\n"
                                  "    finally:\n"
                                  "        print('closed', me.__qualname__)\n"
                                  "g = gen()\n"
                                  "next(g)\n"
                                  "g.send(g)\n"
                                  "del g\n"
                                  "print('dropped')\n");
        QVERIFY(module);
        QCOMPARE(QString::fromStdString(vm.output(Stream::Stdout)), QStringLiteral("dropped\n"));
        const std::size_t live = vm.space().heap().liveObjects();
        QCOMPARE(vm.space().heap().collect(), std::size_t(1));
        QCOMPARE(QString::fromStdString(vm.output(Stream::Stdout)), QStringLiteral("dropped\nclosed gen\n"));
        QVERIFY(vm.space().heap().liveObjects() < live);
    }
};

QTEST_APPLESS_MAIN(TestHeap)
#include "tst_heap.moc"
