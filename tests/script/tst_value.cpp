// Values, ownership and memory of the pylite object model: the tagged word,
// reference counts returning to zero, the cycle collector, finalizers, the
// memory budget, pending exceptions, and classes defined at run time whose
// dunders are reached through the Interpreter hook (a fake interpreter here
// stands in for the VM: its "Python functions" are C++ lambdas).
//
// Expected strings that describe CPython behaviour come from CPython (see
// gen_value_cases.py for the table tests); the few literal ones here are
// messages checked in value_cases.inc as well.

#include "ValueExpr.h"

#include "core/script/value/Class.h"
#include "core/script/value/Interpreter.h"

#include <QtTest>

#include <functional>
#include <memory>

using namespace coroscope::pylite;

namespace {

QString text(ObjectSpace& space, Value v)
{
    Ref r = repr(space, v);
    if (!r) {
        Ref e = space.takeError();
        return QStringLiteral("<repr raised %1>").arg(QString::fromStdString(formatExceptionOnly(space, e.get())));
    }
    return QString::fromUtf8(strView(r.get()).data(), int(strView(r.get()).size()));
}

QString takeErrorLine(ObjectSpace& space)
{
    Ref e = space.takeError();
    if (!e) return QStringLiteral("<no exception>");
    return QString::fromStdString(formatExceptionOnly(space, e.get()));
}

/// Stands in for the VM: "Python functions" are C++ lambdas, called through
/// Interpreter::call exactly as the VM's functions will be.
class FakeInterpreter final : public Interpreter {
public:
    using Body = std::function<Ref(ObjectSpace&, const CallArgs&)>;

    explicit FakeInterpreter(ObjectSpace& space) : m_space(space)
    {
        space.setInterpreter(this);
        Ref ns = newDict(space);
        Ref cls = newClass(space, "function", space.emptyTuple(), ns.get());
        auto* type = cls.as<TypeObject>();
        // Instances are FunctionStub; they hold no references (no GC needed).
        type->m_basicSize = sizeof(FunctionStub);
        type->m_dictOffset = 0;
        type->m_flags &= ~std::uint32_t(TypeFlag::Gc);
        type->m_flags |= std::uint32_t(TypeFlag::MethodDescriptor);
        type->m_slots.call = callViaInterpreter;
        type->m_slots.destroy = nullptr;
        type->m_slots.traverse = nullptr;
        type->m_slots.clear = nullptr;
        m_functionType = cls;
    }
    ~FakeInterpreter() override { m_space.setInterpreter(nullptr); }

    /// A callable whose calls run `body` through the hook.
    Ref function(Body body)
    {
        m_bodies.push_back(std::make_unique<Body>(std::move(body)));
        auto* f = m_space.heap().alloc<FunctionStub>(m_functionType.as<TypeObject>(), sizeof(FunctionStub));
        f->m_body = m_bodies.back().get();
        return Ref::steal(f);
    }

    Ref call(Value callable, const CallArgs& args) override
    {
        ++calls;
        return (*static_cast<FunctionStub*>(callable.object())->m_body)(m_space, args);
    }

    void writeUnraisable(Value exception, Value) override
    {
        unraisable += formatExceptionOnly(m_space, exception);
        unraisable += ";";
    }

    int calls = 0;
    std::string unraisable;

private:
    struct FunctionStub : Object {
        Body* m_body;
    };
    ObjectSpace& m_space;
    Ref m_functionType;
    std::vector<std::unique_ptr<Body>> m_bodies;
};

/// Builds `class name(base): ...` with the given attributes.
Ref makeClass(ObjectSpace& space, const char* name, std::initializer_list<std::pair<const char*, Value>> attrs,
              Value base = Value())
{
    Ref ns = newDict(space);
    dictSetStr(space, ns.as<DictObject>(), "__module__", newStr(space, "__main__").get());
    for (auto& [k, v] : attrs) dictSetStr(space, ns.as<DictObject>(), k, v);
    Ref bases = base ? newTupleOf(space, {base}) : Ref::borrow(space.emptyTuple());
    return newClass(space, name, bases.get(), ns.get());
}

Ref instantiate(ObjectSpace& space, Value cls, std::initializer_list<Value> args = {})
{
    return call(space, cls, CallArgs(args.begin(), args.size()));
}

} // namespace

class tst_Value : public QObject {
    Q_OBJECT
private slots:
    // --- the tagged word --------------------------------------------------------------
    void smallIntsLiveInTheWordAndOrderLikeIntegers()
    {
        const Value a = Value::smallInt(-5);
        const Value b = Value::smallInt(7);
        QVERIFY(a.isSmallInt() && !a.isObject());
        QCOMPARE(a.smallIntValue(), std::int64_t(-5));
        Value sum;
        QVERIFY(smallIntAdd(a, b, sum));
        QCOMPARE(sum.smallIntValue(), std::int64_t(2));
        QVERIFY(smallIntSub(a, b, sum));
        QCOMPARE(sum.smallIntValue(), std::int64_t(-12));
        bool less = false;
        QVERIFY(smallIntLess(a, b, less));
        QVERIFY(less);
        QVERIFY(!smallIntAdd(Value::smallInt(Value::kSmallIntMax), Value::smallInt(1), sum));
        QVERIFY(!smallIntSub(Value::smallInt(Value::kSmallIntMin), Value::smallInt(1), sum));
    }

    void smallIntArithmeticAllocatesNothing()
    {
        ObjectSpace space;
        const std::size_t live = space.heap().liveObjects();
        const std::size_t bytes = space.heap().liveBytes();
        Ref acc = Ref::steal(Value::smallInt(0));
        for (int i = 0; i < 1000; ++i) {
            acc = binaryOp(space, NumOp::Add, acc.get(), Value::smallInt(i));
            Ref lt = richCompare(space, acc.get(), Value::smallInt(10), CompareOp::Lt);
            QVERIFY(lt.get().isBool());
        }
        QCOMPARE(acc.get().smallIntValue(), std::int64_t(499500));
        QCOMPARE(space.heap().liveObjects(), live);
        QCOMPARE(space.heap().liveBytes(), bytes);
    }

    void intsOutsideSixtyThreeBitsAreBoxedButBehaveTheSame()
    {
        ObjectSpace space;
        Ref big = newInt(space, Value::kSmallIntMax + 1);
        QVERIFY(big.get().isObject());
        QCOMPARE(space.typeOf(big.get()), space.types().intType);
        Ref back = binaryOp(space, NumOp::Sub, big.get(), Value::smallInt(1));
        QVERIFY(back.get().isSmallInt());
        QCOMPARE(back.get().smallIntValue(), Value::kSmallIntMax);
        Ref twin = newInt(space, Value::kSmallIntMax + 1);
        QCOMPARE(compareBool(space, big.get(), twin.get(), CompareOp::Eq), 1);
        QCOMPARE(hashValue(space, big.get()), hashValue(space, twin.get()));
        Ref overflow = binaryOp(space, NumOp::Mul, big.get(), Value::smallInt(2));
        QVERIFY(!overflow);
        QCOMPARE(takeErrorLine(space), QStringLiteral("OverflowError: integer overflow: result does not fit in 64 bits"));
    }

    void constantsAreImmediatesWithTheirTypes()
    {
        ObjectSpace space;
        QCOMPARE(space.typeOf(Value::none()), space.types().noneType);
        QCOMPARE(space.typeOf(Value::trueValue()), space.types().boolType);
        QCOMPARE(space.typeOf(Value::notImplemented()), space.types().notImplementedType);
        QCOMPARE(text(space, Value::none()), QStringLiteral("None"));
        QCOMPARE(text(space, Value::falseValue()), QStringLiteral("False"));
        QVERIFY(space.isInstance(Value::trueValue(), space.types().intType));
        QCOMPARE(hashValue(space, Value::trueValue()), std::int64_t(1));
    }

    // --- reference counting ---------------------------------------------------------------
    void refcountsReturnEverythingAfterAScenario()
    {
        ObjectSpace space;
        valuetest::ValueExpr eval(space);
        // Warm up the names the scenario interns, then measure.
        eval.eval("sorted({'k': [1, 2.5, 'x' * 3]}.items())");
        const std::size_t live = space.heap().liveObjects();
        const std::size_t bytes = space.heap().liveBytes();
        {
            Ref list = newList(space);
            for (int i = 0; i < 100; ++i) {
                Ref item = newTupleOf(space, {newFloat(space, i * 0.5).get(), newStr(space, "协程").get()});
                listAppend(space, list.as<ListObject>(), item.get());
            }
            Ref d = newDict(space);
            dictSet(space, d.as<DictObject>(), newStr(space, "list").get(), list.get());
            Ref copy = dictCopy(space, d.as<DictObject>());
            Ref joined = callMethod(space, newStr(space, ",").get(), "join", {newList(space).get()});
            QVERIFY(copy && joined);
            QCOMPARE(eval.eval("sorted({'k': [1, 2.5, 'x' * 3]}.items())"), std::string("[('k', [1, 2.5, 'xxx'])]"));
            QVERIFY(space.heap().liveObjects() > live);
        }
        QCOMPARE(space.heap().liveObjects(), live);
        QCOMPARE(space.heap().liveBytes(), bytes);
    }

    void releasingAMillionDeepChainDoesNotOverflowTheStack()
    {
        ObjectSpace space;
        const std::size_t live = space.heap().liveObjects();
        Ref chain = newList(space);
        for (int i = 0; i < 1000000; ++i) {
            Ref outer = newList(space, 1);
            listAppend(space, outer.as<ListObject>(), chain.get());
            chain = outer;
        }
        chain.reset();
        QCOMPARE(space.heap().liveObjects(), live);
    }

    // --- the cycle collector -----------------------------------------------------------------
    void aListContainingItselfIsFreedByTheCollector()
    {
        ObjectSpace space;
        const std::size_t live = space.heap().liveObjects();
        {
            Ref list = newList(space);
            listAppend(space, list.as<ListObject>(), list.get());
            QCOMPARE(text(space, list.get()), QStringLiteral("[[...]]"));
        }
        QCOMPARE(space.heap().liveObjects(), live + 1);
        QCOMPARE(space.heap().collect(), std::size_t(1));
        QCOMPARE(space.heap().liveObjects(), live);
    }

    void aCycleThroughADictAndAListIsFreed()
    {
        ObjectSpace space;
        const std::size_t live = space.heap().liveObjects();
        {
            Ref d = newDict(space);
            Ref l = newList(space);
            listAppend(space, l.as<ListObject>(), d.get());
            dictSet(space, d.as<DictObject>(), newStr(space, "self").get(), l.get());
            dictSet(space, d.as<DictObject>(), newStr(space, "payload").get(), newStr(space, "kept until collected").get());
            QCOMPARE(text(space, d.get()), QStringLiteral("{'self': [{...}], 'payload': 'kept until collected'}"));
        }
        QVERIFY(space.heap().liveObjects() > live);
        QCOMPARE(space.heap().collect(), std::size_t(2));
        QCOMPARE(space.heap().liveObjects(), live);
    }

    void reachableObjectsSurviveACollectionIntact()
    {
        ObjectSpace space;
        Ref outer = newList(space);
        {
            Ref inner = newList(space);
            listAppend(space, inner.as<ListObject>(), inner.get());
            listAppend(space, outer.as<ListObject>(), inner.get());
        }
        QCOMPARE(space.heap().collect(), std::size_t(0));
        QCOMPARE(text(space, outer.get()), QStringLiteral("[[[...]]]"));
        // Break the only outside reference: now the inner cycle is garbage.
        Ref cleared = callMethod(space, outer.get(), "clear", {});
        QCOMPARE(space.heap().collect(), std::size_t(1));
    }

    void cyclesThroughInstancesOfClassesAreFreed()
    {
        ObjectSpace space;
        Ref cls = makeClass(space, "Node", {});
        StrObject* peer = space.intern("peer");
        const std::size_t live = space.heap().liveObjects();
        {
            Ref a = instantiate(space, cls.get());
            Ref b = instantiate(space, cls.get());
            QVERIFY(setAttr(space, a.get(), peer, b.get()));
            QVERIFY(setAttr(space, b.get(), peer, a.get()));
        }
        QVERIFY(space.heap().liveObjects() > live);
        // Two instances and their two __dict__s.
        QCOMPARE(space.heap().collect(), std::size_t(4));
        QCOMPARE(space.heap().liveObjects(), live);
    }

    void collectionIsDeferredToTheNextSafePoint()
    {
        ObjectSpace space;
        space.heap().setThreshold(50);
        const std::size_t live = space.heap().liveObjects();
        for (int i = 0; i < 100; ++i) {
            Ref l = newList(space);
            listAppend(space, l.as<ListObject>(), l.get());
        }
        QVERIFY(space.heap().collectPending());
        QCOMPARE(space.heap().liveObjects(), live + 100);
        QCOMPARE(space.heap().collectIfPending(), std::size_t(100));
        QVERIFY(!space.heap().collectPending());
        QCOMPARE(space.heap().liveObjects(), live);
    }

    void finalizersRunOnceWhenTheLastReferenceGoes()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        std::string log;
        Ref del = interp.function([&](ObjectSpace& s, const CallArgs& args) {
            Ref name = getAttr(s, args[0], "name");
            log += std::string(strView(name.get())) + " ";
            return Ref::none();
        });
        Ref cls = makeClass(space, "Resource", {{"__del__", del.get()}});
        {
            Ref a = instantiate(space, cls.get());
            setAttr(space, a.get(), space.intern("name"), newStr(space, "a").get());
            Ref b = instantiate(space, cls.get());
            setAttr(space, b.get(), space.intern("name"), newStr(space, "b").get());
            log += "drop-b ";
            b.reset();
            log += "drop-a ";
        }
        QCOMPARE(QString::fromStdString(log), QStringLiteral("drop-b b drop-a a "));
    }

    void finalizersOfCyclicGarbageRunBeforeTheCycleIsCleared()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        std::string log;
        Ref del = interp.function([&](ObjectSpace& s, const CallArgs& args) {
            // The peer is still intact while finalizers run.
            Ref peer = getAttr(s, args[0], "peer");
            Ref name = getAttr(s, peer.get(), "name");
            log += "peer=" + std::string(strView(name.get())) + " ";
            return Ref::none();
        });
        Ref cls = makeClass(space, "Gen", {{"__del__", del.get()}});
        for (const char* name : {"name", "peer", "a", "b"}) space.intern(name);
        const std::size_t live = space.heap().liveObjects();
        {
            Ref a = instantiate(space, cls.get());
            Ref b = instantiate(space, cls.get());
            setAttr(space, a.get(), space.intern("name"), newStr(space, "a").get());
            setAttr(space, b.get(), space.intern("name"), newStr(space, "b").get());
            setAttr(space, a.get(), space.intern("peer"), b.get());
            setAttr(space, b.get(), space.intern("peer"), a.get());
        }
        QCOMPARE(QString::fromStdString(log), QString());
        // Two instances and their two __dict__s.
        QCOMPARE(space.heap().collect(), std::size_t(4));
        QCOMPARE(QString::fromStdString(log), QStringLiteral("peer=b peer=a "));
        QCOMPARE(space.heap().liveObjects(), live);
        QVERIFY(interp.unraisable.empty());
    }

    void aFinalizerCanResurrectItsObject()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        Ref keep = newList(space);
        Ref del = interp.function([&](ObjectSpace& s, const CallArgs& args) {
            listAppend(s, keep.as<ListObject>(), args[0]);
            return Ref::none();
        });
        Ref cls = makeClass(space, "Phoenix", {{"__del__", del.get()}});
        instantiate(space, cls.get()).reset();
        QCOMPARE(asList(keep.get())->m_size, std::int64_t(1));
        QCOMPARE(interp.calls, 1);
        // Dropping it again does not finalize a second time (PEP 442).
        callMethod(space, keep.get(), "clear", {});
        QCOMPARE(interp.calls, 1);
    }

    void exceptionsInFinalizersAreReportedAsUnraisable()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        Ref del = interp.function([](ObjectSpace& s, const CallArgs&) { return s.raise(s.types().ValueError, "in __del__"); });
        Ref cls = makeClass(space, "Noisy", {{"__del__", del.get()}});
        instantiate(space, cls.get()).reset();
        QCOMPARE(QString::fromStdString(interp.unraisable), QStringLiteral("ValueError: in __del__;"));
        QVERIFY(!space.hasError());
    }

    // --- memory budget -------------------------------------------------------------------------
    void aGiantListRaisesMemoryErrorWithoutAllocating()
    {
        ObjectSpace space;
        valuetest::ValueExpr eval(space);
        const std::size_t bytes = space.heap().liveBytes();
        QCOMPARE(eval.eval("[0] * 10**10"), std::string("MemoryError"));
        QCOMPARE(eval.eval("'ab' * 10**12"), std::string("MemoryError"));
        QCOMPARE(eval.eval("list(range(10**12))"), std::string("MemoryError"));
        QCOMPARE(eval.eval("(1,) * 10**11"), std::string("MemoryError"));
        QVERIFY(space.heap().liveBytes() < bytes + 4096);
    }

    void aSmallBudgetStopsGrowthWithMemoryError()
    {
        ObjectSpace space;
        space.heap().setBudget(space.heap().liveBytes() + 64 * 1024);
        Ref list = newList(space);
        bool failed = false;
        for (int i = 0; i < 100000 && !failed; ++i) {
            Ref s = newFloat(space, i);
            failed = !s || !listAppend(space, list.as<ListObject>(), s.get());
        }
        QVERIFY(failed);
        QCOMPARE(takeErrorLine(space), QStringLiteral("MemoryError"));
        QVERIFY(space.heap().liveBytes() <= space.heap().budget());
    }

    // --- pending exceptions ------------------------------------------------------------------------
    void failingOperationsLeaveOnePendingException()
    {
        ObjectSpace space;
        Ref d = newDict(space);
        Value missing = dictGet(space, d.as<DictObject>(), Value::smallInt(1));
        QVERIFY(!missing && !space.hasError());
        Ref item = getItem(space, d.get(), newStr(space, "k").get());
        QVERIFY(!item);
        QVERIFY(space.errorMatches(space.types().LookupError));
        QCOMPARE(takeErrorLine(space), QStringLiteral("KeyError: 'k'"));
        QVERIFY(!space.hasError());
        QCOMPARE(hashValue(space, newList(space).get()), std::int64_t(-1));
        QCOMPARE(takeErrorLine(space), QStringLiteral("TypeError: unhashable type: 'list'"));
    }

    void raisingWhileHandlingChainsTheContext()
    {
        ObjectSpace space;
        Ref handled = newExceptionWithMessage(space, space.types().KeyError, "first");
        space.setHandledException(handled.get());
        space.raise(space.types().ValueError, "second");
        Ref exc = space.takeError();
        space.setHandledException(Value());
        QCOMPARE(asException(exc.get())->m_context, handled.get());
        QVERIFY(!asException(exc.get())->m_suppressContext);
        Ref cause = getAttr(space, exc.get(), "__context__");
        QCOMPARE(text(space, cause.get()), QStringLiteral("KeyError('first')"));
        // Re-raising the handled exception itself does not chain it to itself.
        space.setHandledException(handled.get());
        space.raise(Ref::borrow(handled.get()));
        space.setHandledException(Value());
        QVERIFY(!asException(space.takeError().get())->m_context);
    }

    void reprOfDeeplyNestedListsRaisesRecursionError()
    {
        ObjectSpace space;
        auto nest = [&] {
            Ref chain = newList(space);
            for (int i = 0; i < 5000; ++i) {
                Ref outer = newList(space);
                listAppend(space, outer.as<ListObject>(), chain.get());
                chain = outer;
            }
            return chain;
        };
        Ref chain = nest();
        Ref other = nest();
        QVERIFY(!repr(space, chain.get()));
        QCOMPARE(takeErrorLine(space),
                 QStringLiteral("RecursionError: maximum recursion depth exceeded while getting the repr of an object"));
        QCOMPARE(space.recursionDepth(), 0);
        // Comparing a chain with itself stops at the identical first items;
        // two distinct chains recurse all the way down.
        Ref same = richCompare(space, chain.get(), chain.get(), CompareOp::Lt);
        QCOMPARE(text(space, same.get()), QStringLiteral("False"));
        Ref eq = richCompare(space, chain.get(), other.get(), CompareOp::Lt);
        QVERIFY(!eq);
        QCOMPARE(takeErrorLine(space), QStringLiteral("RecursionError: maximum recursion depth exceeded in comparison"));
    }

    // --- classes defined at run time ------------------------------------------------------------
    void dictLookupsOfInstancesGoThroughHashAndEqHooks()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        std::string log;
        Ref hash = interp.function([&](ObjectSpace& s, const CallArgs& args) {
            log += "hash ";
            return getAttr(s, args[0], "k");
        });
        Ref eq = interp.function([&](ObjectSpace& s, const CallArgs& args) {
            log += "eq ";
            Ref a = getAttr(s, args[0], "k");
            Ref b = getAttr(s, args[1], "k");
            return richCompare(s, a.get(), b.get(), CompareOp::Eq);
        });
        Ref cls = makeClass(space, "Key", {{"__hash__", hash.get()}, {"__eq__", eq.get()}});
        Ref k1 = instantiate(space, cls.get());
        Ref k2 = instantiate(space, cls.get());
        setAttr(space, k1.get(), space.intern("k"), Value::smallInt(7));
        setAttr(space, k2.get(), space.intern("k"), Value::smallInt(7));
        Ref d = newDict(space);
        QVERIFY(dictSet(space, d.as<DictObject>(), k1.get(), newStr(space, "v").get()));
        Value found = dictGet(space, d.as<DictObject>(), k2.get());
        QCOMPARE(text(space, found), QStringLiteral("'v'"));
        QCOMPARE(QString::fromStdString(log), QStringLiteral("hash hash eq "));
        Ref s = newSet(space);
        QCOMPARE(setAdd(space, s.as<SetObject>(), k1.get()), 0);
        QCOMPARE(setContains(space, s.as<SetObject>(), k2.get()), 1);
    }

    void definingEqWithoutHashMakesInstancesUnhashable()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        Ref eq = interp.function([](ObjectSpace&, const CallArgs&) { return Ref::boolean(true); });
        Ref cls = makeClass(space, "OnlyEq", {{"__eq__", eq.get()}});
        Ref obj = instantiate(space, cls.get());
        QCOMPARE(hashValue(space, obj.get()), std::int64_t(-1));
        QCOMPARE(takeErrorLine(space), QStringLiteral("TypeError: unhashable type: 'OnlyEq'"));
        // __ne__ comes from object and inverts __eq__.
        Ref ne = richCompare(space, obj.get(), Value::smallInt(1), CompareOp::Ne);
        QCOMPARE(text(space, ne.get()), QStringLiteral("False"));
    }

    void reprLenBoolAndOperatorsDispatchToDunders()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        Ref reprFn = interp.function([](ObjectSpace& s, const CallArgs&) { return newStr(s, "Vec(...)"); });
        Ref lenFn = interp.function([](ObjectSpace&, const CallArgs&) { return Ref::steal(Value::smallInt(0)); });
        Ref addFn = interp.function([](ObjectSpace& s, const CallArgs& args) {
            if (!isIntValue(s, args[1])) return Ref::notImplemented();
            return newStr(s, "add");
        });
        Ref raddFn = interp.function([](ObjectSpace& s, const CallArgs&) { return newStr(s, "radd"); });
        Ref ltFn = interp.function([](ObjectSpace& s, const CallArgs&) { return newStr(s, "lt"); });
        Ref cls = makeClass(space, "Vec", {{"__repr__", reprFn.get()}, {"__len__", lenFn.get()}, {"__add__", addFn.get()},
                                           {"__radd__", raddFn.get()}, {"__lt__", ltFn.get()}});
        Ref v = instantiate(space, cls.get());
        QCOMPARE(text(space, v.get()), QStringLiteral("Vec(...)"));
        Ref asStrV = str(space, v.get());
        QCOMPARE(QString::fromUtf8(strView(asStrV.get()).data()), QStringLiteral("Vec(...)"));
        QCOMPARE(length(space, v.get()), std::int64_t(0));
        QCOMPARE(isTrue(space, v.get()), 0);
        QCOMPARE(text(space, binaryOp(space, NumOp::Add, v.get(), Value::smallInt(1)).get()), QStringLiteral("'add'"));
        QCOMPARE(text(space, binaryOp(space, NumOp::Add, Value::smallInt(1), v.get()).get()), QStringLiteral("'radd'"));
        // 1 > v is answered by the reflected v.__lt__(1).
        QCOMPARE(text(space, richCompare(space, Value::smallInt(1), v.get(), CompareOp::Gt).get()), QStringLiteral("'lt'"));
        QVERIFY(!binaryOp(space, NumOp::Add, v.get(), newStr(space, "x").get()));
        QCOMPARE(takeErrorLine(space), QStringLiteral("TypeError: unsupported operand type(s) for +: 'Vec' and 'str'"));
        QVERIFY(!binaryOp(space, NumOp::Sub, v.get(), v.get()));
        QCOMPARE(takeErrorLine(space), QStringLiteral("TypeError: unsupported operand type(s) for -: 'Vec' and 'Vec'"));
    }

    void assigningADunderOnTheClassUpdatesItsSlots()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        Ref cls = makeClass(space, "Late", {});
        Ref obj = instantiate(space, cls.get());
        QVERIFY(!length(space, obj.get()) || space.hasError());
        QCOMPARE(takeErrorLine(space), QStringLiteral("TypeError: object of type 'Late' has no len()"));
        Ref lenFn = interp.function([](ObjectSpace&, const CallArgs&) { return Ref::steal(Value::smallInt(3)); });
        QVERIFY(setAttr(space, cls.get(), space.intern("__len__"), lenFn.get()));
        QCOMPARE(length(space, obj.get()), std::int64_t(3));
    }

    void instancesExposeDictClassAndNames()
    {
        ObjectSpace space;
        valuetest::ValueExpr eval(space);
        Ref cls = makeClass(space, "Point", {{"__doc__", newStr(space, "A point.").get()}});
        Ref p = instantiate(space, cls.get());
        setAttr(space, p.get(), space.intern("x"), Value::smallInt(1));
        eval.define("Point", cls.get());
        eval.define("p", p.get());
        QCOMPARE(eval.eval("p.__dict__"), std::string("{'x': 1}"));
        QCOMPARE(eval.eval("p.__class__ is Point"), std::string("True"));
        QCOMPARE(eval.eval("Point.__name__"), std::string("'Point'"));
        QCOMPARE(eval.eval("Point.__qualname__"), std::string("'Point'"));
        QCOMPARE(eval.eval("Point.__module__"), std::string("'__main__'"));
        QCOMPARE(eval.eval("Point.__doc__"), std::string("'A point.'"));
        QCOMPARE(eval.eval("p.__doc__"), std::string("'A point.'"));
        QCOMPARE(eval.eval("Point"), std::string("<class '__main__.Point'>"));
        QCOMPARE(eval.eval("Point.__mro__"), std::string("(<class '__main__.Point'>, <class 'object'>)"));
        QCOMPARE(eval.eval("p.y"), std::string("AttributeError: 'Point' object has no attribute 'y'"));
        QCOMPARE(eval.eval("Point.y"), std::string("AttributeError: type object 'Point' has no attribute 'y'"));
        QCOMPARE(eval.eval("repr(p)[:23]"), std::string("'<__main__.Point object '"));
        QCOMPARE(eval.eval("Point(1)"), std::string("TypeError: Point() takes no arguments"));
        QVERIFY(!setAttr(space, Value::fromObject(space.types().intType), space.intern("x"), Value::none()));
        QCOMPARE(takeErrorLine(space), QStringLiteral("TypeError: cannot set 'x' attribute of immutable type 'int'"));
    }

    void exceptionSubclassesKeepArgsAndTheirOwnInit()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        valuetest::ValueExpr eval(space);
        Ref cls = makeClass(space, "AppError", {}, Value::fromObject(space.types().ValueError));
        eval.define("AppError", cls.get());
        QCOMPARE(eval.eval("AppError('boom')"), std::string("AppError('boom')"));
        QCOMPARE(eval.eval("str(AppError('boom'))"), std::string("'boom'"));
        QCOMPARE(eval.eval("isinstance(AppError(), ValueError)"), std::string("True"));
        QCOMPARE(eval.eval("AppError.__mro__[1:]"),
                 std::string("(<class 'ValueError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)"));
        Ref e = eval.evaluate("AppError('x', 2)", {});
        QCOMPARE(QString::fromStdString(formatExceptionOnly(space, e.get())), QStringLiteral("AppError: ('x', 2)"));
        // A user __init__ that does not call super() still leaves args set (by __new__).
        Ref init = interp.function([](ObjectSpace&, const CallArgs&) { return Ref::none(); });
        Ref quiet = makeClass(space, "Quiet", {{"__init__", init.get()}}, Value::fromObject(space.types().Exception));
        eval.define("Quiet", quiet.get());
        QCOMPARE(eval.eval("Quiet('kept').args"), std::string("('kept',)"));
    }

    void propertiesStaticAndClassMethodsBindLikeCPython()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        valuetest::ValueExpr eval(space);
        Ref getter = interp.function([](ObjectSpace& s, const CallArgs& args) {
            return binaryOp(s, NumOp::Mul, getAttr(s, args[0], "_r").get(), Value::smallInt(2));
        });
        Ref whoami = interp.function([](ObjectSpace& s, const CallArgs& args) { return Ref::borrow(args[0]); });
        Ref prop = callFunction(space, Value::fromObject(space.types().propertyType), {getter.get()});
        Ref cm = callFunction(space, Value::fromObject(space.types().classMethodType), {whoami.get()});
        Ref sm = callFunction(space, Value::fromObject(space.types().staticMethodType), {whoami.get()});
        Ref cls = makeClass(space, "Circle", {{"diameter", prop.get()}, {"make", cm.get()}, {"echo", sm.get()}});
        Ref c = instantiate(space, cls.get());
        setAttr(space, c.get(), space.intern("_r"), Value::smallInt(5));
        eval.define("Circle", cls.get());
        eval.define("c", c.get());
        QCOMPARE(eval.eval("c.diameter"), std::string("10"));
        QCOMPARE(eval.eval("Circle.make() is Circle"), std::string("True"));
        QCOMPARE(eval.eval("c.make() is Circle"), std::string("True"));
        QCOMPARE(eval.eval("c.echo(42)"), std::string("42"));
        QVERIFY(!setAttr(space, c.get(), space.intern("diameter"), Value::smallInt(1)));
        QCOMPARE(takeErrorLine(space), QStringLiteral("AttributeError: property 'diameter' of 'Circle' object has no setter"));
    }

    void superSkipsToTheNextClassInTheMro()
    {
        ObjectSpace space;
        FakeInterpreter interp(space);
        valuetest::ValueExpr eval(space);
        Ref baseHello = interp.function([](ObjectSpace& s, const CallArgs&) { return newStr(s, "base"); });
        Ref childHello = interp.function([](ObjectSpace& s, const CallArgs&) { return newStr(s, "child"); });
        Ref base = makeClass(space, "Base", {{"hello", baseHello.get()}});
        Ref child = makeClass(space, "Child", {{"hello", childHello.get()}}, base.get());
        Ref obj = instantiate(space, child.get());
        eval.define("Base", base.get());
        eval.define("Child", child.get());
        eval.define("obj", obj.get());
        QCOMPARE(eval.eval("obj.hello()"), std::string("'child'"));
        QCOMPARE(eval.eval("super(Child, obj).hello()"), std::string("'base'"));
        QCOMPARE(eval.eval("super(Child, obj)"), std::string("<super: <class 'Child'>, <Child object>>"));
        QCOMPARE(eval.eval("super(Base, obj).hello()"), std::string("AttributeError: 'super' object has no attribute 'hello'"));
        QCOMPARE(eval.eval("super(int, obj)"), std::string("TypeError: super(type, obj): obj must be an instance or subtype of type"));
    }

    void subclassingANonBaseTypeIsRejected()
    {
        ObjectSpace space;
        Ref cls = makeClass(space, "Flag", {}, Value::fromObject(space.types().boolType));
        QVERIFY(!cls);
        QCOMPARE(takeErrorLine(space), QStringLiteral("TypeError: type 'bool' is not an acceptable base type"));
        Ref ok = makeClass(space, "Bag", {}, Value::fromObject(space.types().listType));
        QVERIFY(ok);
        Ref bag = instantiate(space, ok.get());
        QVERIFY(listAppend(space, asList(bag.get()), Value::smallInt(1)));
        QVERIFY(setAttr(space, bag.get(), space.intern("label"), newStr(space, "b").get()));
        QCOMPARE(text(space, bag.get()), QStringLiteral("[1]"));
    }

    void nativeTypesAddedAfterBootstrapBehaveLikeBuiltins()
    {
        ObjectSpace space;
        TypeObject* widget = space.addNativeType("widget", nullptr, sizeof(Object), 0);
        widget->m_slots.repr = [](ObjectSpace& s, Value) { return newStr(s, "<widget>"); };
        addSlotWrappers(space, widget);
        Ref w = Ref::steal(space.heap().allocObject(widget, sizeof(Object)));
        valuetest::ValueExpr eval(space);
        eval.define("w", w.get());
        QCOMPARE(eval.eval("w"), std::string("<widget>"));
        QCOMPARE(eval.eval("type(w)"), std::string("<class 'widget'>"));
        QCOMPARE(eval.eval("type(w).__mro__"), std::string("(<class 'widget'>, <class 'object'>)"));
        QCOMPARE(eval.eval("type(w).__repr__(w)"), std::string("'<widget>'"));
        QCOMPARE(eval.eval("isinstance(w, object)"), std::string("True"));
        QCOMPARE(eval.eval("w.x"), std::string("AttributeError: 'widget' object has no attribute 'x'"));
    }

    // --- spaces -------------------------------------------------------------------------------------
    void manySpacesLiveSideBySide()
    {
        auto first = std::make_unique<ObjectSpace>();
        ObjectSpace second;
        Ref a = newStr(*first, "first");
        Ref b = newStr(second, "second");
        QVERIFY(first->types().strType != second.types().strType);
        QCOMPARE(first->typeOf(a.get()), first->types().strType);
        a.reset();
        first.reset();
        QCOMPARE(text(second, b.get()), QStringLiteral("'second'"));
    }
};

QTEST_APPLESS_MAIN(tst_Value)
#include "tst_value.moc"
