// asyncio.Condition for pylite: wait() releases the lock, waits for a
// notify on a core future, then re-acquires the lock (and wait_for checks
// its predicate again), as a small state machine stepped by `await`. Waiting is done on core futures
// (one per waiter, FIFO), so a blocked coroutine is a core Task waiting on
// a Future like any other await; an uncontended operation returns a future
// that is already done, and awaiting it does not suspend (as in CPython).

#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

#include <deque>
namespace coroscope::pylite::detail {

namespace {

// ----------------------------------------------------------- Condition

/// Condition's own state: its lock (a pylite Lock) and its waiters.
class ConditionPayload final : public NativePayload {
public:
    Ref lock;
    std::deque<coroscope::Ref<PyFuture>> waiters;
};

ConditionPayload* conditionOf(ObjectSpace& space, Value self, AsyncioState*& st)
{
    st = stateOfType(space, self);
    DictObject* d = st ? instanceDict(space, self) : nullptr;
    Value box = d ? dictGetStr(space, d, "__condition_core__") : Value();
    auto* p = box ? static_cast<ConditionPayload*>(nativePayload(space, st->boxType.get(), box)) : nullptr;
    if (!p) space.raise(space.types().RuntimeError, "Condition is not initialized");
    return p;
}

Ref conditionInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"Condition", {"lock"}, 0}, a)) return Ref();
    AsyncioState* st = stateOfType(space, self);
    auto payload = std::make_unique<ConditionPayload>();
    if (a[0] && !a[0].isNone()) {
        payload->lock = Ref::borrow(a[0]);
    } else {
        Value lockType = lookupInMro(space, space.typeOf(self), "__Lock__");
        payload->lock = callFunction(space, lockType, {});
        if (!payload->lock) return Ref();
    }
    Ref box = newNativeBox(space, st->boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, self), "__condition_core__", box.get())) return Ref();
    return Ref::none();
}

Ref conditionDelegate(ObjectSpace& space, Value self, const char* method, const CallArgs& args)
{
    AsyncioState* st;
    ConditionPayload* p = conditionOf(space, self, st);
    if (!p) return Ref();
    Ref fn = getAttr(space, p->lock.get(), method);
    return fn ? call(space, fn.get(), args) : Ref();
}

Ref condAcquire(ObjectSpace& s, Value self, const CallArgs& a) { return conditionDelegate(s, self, "acquire", a); }
Ref condRelease(ObjectSpace& s, Value self, const CallArgs& a) { return conditionDelegate(s, self, "release", a); }
Ref condLocked(ObjectSpace& s, Value self, const CallArgs& a) { return conditionDelegate(s, self, "locked", a); }
Ref condAexit(ObjectSpace& s, Value self, const CallArgs& a) { return conditionDelegate(s, self, "__aexit__", a); }

bool lockHeld(ObjectSpace& space, ConditionPayload& p, int& held)
{
    Ref r = callMethod(space, p.lock.get(), "locked", {});
    if (!r) return false;
    held = r.get().isTrue() ? 1 : 0;
    return true;
}

/// Releases the lock and queues a new waiter; returns the waiter's future object.
Ref parkOnCondition(ObjectSpace& space, AsyncioState& st, ConditionPayload& p)
{
    Ref r = callMethod(space, p.lock.get(), "release", {});
    if (!r) return Ref();
    return waitOn(st, p.waiters, WaitKind::Lock);
}

Ref startWait(ObjectSpace& space, Value self, Value predicate)
{
    AsyncioState* st;
    ConditionPayload* p = conditionOf(space, self, st);
    if (!p) return Ref();
    int held = 0;
    if (!lockHeld(space, *p, held)) return Ref();
    if (!held) return space.raise(space.types().RuntimeError, "cannot wait on un-acquired lock");
    if (predicate) {
        Ref r = callFunction(space, predicate, {});
        if (!r) return Ref();
        const int truth = isTrue(space, r.get());
        if (truth < 0) return Ref();
        if (truth) return doneFuture(*st, r.get());
    }
    Value iterType = lookupInMro(space, space.typeOf(self), "__ConditionWait__");
    Ref it = callFunction(space, iterType, {});
    if (!it) return Ref();
    DictObject* d = instanceDict(space, it.get());
    dictSetStr(space, d, "cond", self);
    dictSetStr(space, d, "pred", predicate ? predicate : Value::none());
    dictSetStr(space, d, "stage", Value::smallInt(0));
    return it;
}

Ref condWait(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "wait")) return Ref();
    return startWait(space, self, Value());
}

Ref condWaitFor(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "wait_for")) return Ref();
    return startWait(space, self, args[0]);
}

Ref condNotify(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"notify", {"n"}, 0}, a)) return Ref();
    AsyncioState* st;
    ConditionPayload* p = conditionOf(space, self, st);
    if (!p) return Ref();
    int held = 0;
    if (!lockHeld(space, *p, held)) return Ref();
    if (!held) return space.raise(space.types().RuntimeError, "cannot notify on un-acquired lock");
    std::int64_t n = 1;
    if (a[0] && !asInt64(space, a[0], n)) return Ref();
    for (std::int64_t i = 0; i < n && wakeOne(p->waiters, Ref::boolean(false)); ++i) {
    }
    return Ref::none();
}

Ref condNotifyAll(ObjectSpace& space, Value self, const CallArgs&)
{
    Value n = Value::smallInt(1 << 30);
    return condNotify(space, self, CallArgs(&n, 1));
}

/// One step of Condition.wait()/wait_for(): wait to be notified, then
/// re-acquire the lock, then (wait_for) check the predicate again.
Ref condWaitNext(ObjectSpace& space, Value self)
{
    DictObject* d = instanceDict(space, self);
    Value cond = dictGetStr(space, d, "cond");
    Value pred = dictGetStr(space, d, "pred");
    std::int64_t stage = dictGetStr(space, d, "stage").smallIntValue();
    AsyncioState* st;
    ConditionPayload* p = conditionOf(space, cond, st);
    if (!p) return Ref();
    auto yieldFuture = [&](Ref fut, std::int64_t next) -> Ref {
        if (!fut) return Ref();
        dictSetStr(space, d, "fut", fut.get());
        dictSetStr(space, d, "stage", Value::smallInt(next));
        return fut;
    };
    for (;;) {
        if (stage == 0) return yieldFuture(parkOnCondition(space, *st, *p), 1);
        if (stage == 1) {
            Ref g = callMethod(space, p->lock.get(), "acquire", {});
            if (!g) return Ref();
            FuturePayload* gp = st->payloadOf(g.get());
            if (gp && !gp->future->done()) return yieldFuture(std::move(g), 2);
            stage = 2;
            continue;
        }
        if (pred.isNone()) {
            Ref args = newTupleOf(space, {Value::trueValue()});
            Ref exc = args ? newException(space, space.types().StopIteration, args.get()) : Ref();
            if (exc) space.restoreError(std::move(exc));
            return Ref();
        }
        Ref r = callFunction(space, pred, {});
        if (!r) return Ref();
        if (isTrue(space, r.get()) == 1) {
            Ref args = newTupleOf(space, {r.get()});
            Ref exc = args ? newException(space, space.types().StopIteration, args.get()) : Ref();
            if (exc) space.restoreError(std::move(exc));
            return Ref();
        }
        stage = 0;
    }
}

Ref condWaitNextMethod(ObjectSpace& space, Value self, const CallArgs&) { return condWaitNext(space, self); }
Ref condWaitSelf(ObjectSpace&, Value self, const CallArgs&) { return Ref::borrow(self); }
} // namespace

bool addCondition(AsyncioState& st, DictObject* module, Value lockType)
{
    ObjectSpace& space = st.vm.space();
    const Value object = Value::fromObject(space.types().objectType);
    Ref condition = makeClass(space, "Condition", object, "asyncio.locks", &st);
    Ref condWaitType = makeClass(space, "_ConditionWait", object, "asyncio.locks", &st);
    if (!condition || !condWaitType) return false;
    addMethods(space, condition.as<TypeObject>(),
               {{"__init__", conditionInit}, {"acquire", condAcquire}, {"release", condRelease},
                {"locked", condLocked}, {"__aenter__", condAcquire}, {"__aexit__", condAexit},
                {"wait", condWait}, {"wait_for", condWaitFor}, {"notify", condNotify},
                {"notify_all", condNotifyAll}});
    dictSetStr(space, condition.as<TypeObject>()->m_dict, "__Lock__", lockType);
    dictSetStr(space, condition.as<TypeObject>()->m_dict, "__ConditionWait__", condWaitType.get());
    auto* cw = condWaitType.as<TypeObject>();
    addMethods(space, cw, {{"__next__", condWaitNextMethod}, {"__iter__", condWaitSelf}, {"__await__", condWaitSelf}});
    updateSlots(space, condition.as<TypeObject>());
    updateSlots(space, cw);
    // Keep StopIteration's value pending for the VM's SEND (see FutureIter).
    cw->m_slots.next = condWaitNext;
    return dictSetStr(space, module, "Condition", condition.get());
}

} // namespace coroscope::pylite::detail
