// asyncio's synchronisation primitives and Queue for pylite: Lock, Event,
// Semaphore, BoundedSemaphore, Condition and Queue. Waiting is done on core futures
// (one per waiter, FIFO), so a blocked coroutine is a core Task waiting on
// a Future like any other await; an uncontended operation returns a future
// that is already done, and awaiting it does not suspend (as in CPython).

#include "core/script/modules/asyncio/AsyncioState.h"
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

constexpr const char* kStateKey = "__asyncio_state__";
constexpr const char* kCoreKey = "__sync_core__";

enum class SyncKind : std::uint8_t { Lock, Event, Semaphore, BoundedSemaphore, Queue };

/// The state of one primitive.
class SyncPayload final : public NativePayload {
public:
    SyncKind kind = SyncKind::Lock;
    bool flag = false;                              ///< Lock: locked; Event: set
    std::int64_t value = 0;                         ///< Semaphore: counter
    std::int64_t initial = 0;                       ///< BoundedSemaphore: the bound
    std::deque<coroscope::Ref<PyFuture>> waiters;   ///< acquirers / event waiters / queue getters
    std::deque<std::pair<coroscope::Ref<PyFuture>, Ref>> putters; ///< Queue: blocked put()s and their items
    std::deque<Ref> items;                          ///< Queue
    std::int64_t maxsize = 0;                       ///< Queue: 0 = unbounded
    std::int64_t unfinished = 0;                    ///< Queue: put() minus task_done()
    std::vector<coroscope::Ref<PyFuture>> joiners;  ///< Queue.join() waiters
};

AsyncioState* stateOf(ObjectSpace& space, Value self)
{
    Value addr = lookupInMro(space, space.typeOf(self), kStateKey);
    if (!addr || !addr.isSmallInt()) return nullptr;
    return reinterpret_cast<AsyncioState*>(std::uintptr_t(addr.smallIntValue()));
}

SyncPayload* syncOf(ObjectSpace& space, Value self, AsyncioState*& st)
{
    st = stateOf(space, self);
    DictObject* d = st ? instanceDict(space, self) : nullptr;
    Value box = d ? dictGetStr(space, d, kCoreKey) : Value();
    auto* p = box ? static_cast<SyncPayload*>(nativePayload(space, st->boxType.get(), box)) : nullptr;
    if (!p) space.raise(space.types().RuntimeError, "asyncio primitive is not initialized");
    return p;
}

EventLoop* loopFor(AsyncioState& st)
{
    if (EventLoop* l = st.loop()) return l;
    st.vm.space().raise(st.vm.space().types().RuntimeError, "no running event loop");
    return nullptr;
}

/// An already finished future holding `value`.
Ref doneFuture(AsyncioState& st, Value value)
{
    EventLoop* loop = loopFor(st);
    if (!loop) return Ref();
    coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
    f->setResult(Ref::borrow(value));
    return st.objectOf(*f);
}

/// A new waiter future queued on `queue`.
Ref waitOn(AsyncioState& st, std::deque<coroscope::Ref<PyFuture>>& queue, WaitKind kind)
{
    EventLoop* loop = loopFor(st);
    if (!loop) return Ref();
    coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
    f->setWaitTag(kind, 0);
    queue.push_back(f);
    return st.objectOf(*f);
}

/// Wakes the first waiter still pending with `value`; false if none.
bool wakeOne(std::deque<coroscope::Ref<PyFuture>>& queue, const Ref& value)
{
    while (!queue.empty()) {
        coroscope::Ref<PyFuture> f = std::move(queue.front());
        queue.pop_front();
        if (f->done()) continue;
        f->setResult(value);
        return true;
    }
    return false;
}

bool hasPendingWaiter(const std::deque<coroscope::Ref<PyFuture>>& queue)
{
    for (const auto& f : queue)
        if (!f->done()) return true;
    return false;
}

Ref raiseQueueError(ObjectSpace& space, Value self, const char* name)
{
    Value type = lookupInMro(space, space.typeOf(self), name);
    Ref exc = type ? callFunction(space, type, {}) : Ref();
    if (exc) space.restoreError(std::move(exc));
    return Ref();
}

// ----------------------------------------------------------- init

Ref syncInit(ObjectSpace& space, Value self, const CallArgs& args, SyncKind kind)
{
    AsyncioState* st = stateOf(space, self);
    if (!st) return space.raise(space.types().TypeError, "expected an asyncio primitive");
    auto payload = std::make_unique<SyncPayload>();
    payload->kind = kind;
    if (kind == SyncKind::Semaphore || kind == SyncKind::BoundedSemaphore) {
        Value a[1];
        if (!parseArgs(space, args, {"Semaphore", {"value"}, 0}, a)) return Ref();
        std::int64_t v = 1;
        if (a[0] && !asInt64(space, a[0], v)) return Ref();
        if (v < 0) return space.raise(space.types().ValueError, "Semaphore initial value must be >= 0");
        payload->value = payload->initial = v;
    } else if (kind == SyncKind::Queue) {
        Value a[1];
        if (!parseArgs(space, args, {"Queue", {"maxsize"}, 0}, a)) return Ref();
        if (a[0] && !asInt64(space, a[0], payload->maxsize)) return Ref();
    } else if (!checkNoArgs(space, args, kind == SyncKind::Lock ? "Lock" : "Event")) {
        return Ref();
    }
    Ref box = newNativeBox(space, st->boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, self), kCoreKey, box.get())) return Ref();
    return Ref::none();
}

Ref lockInit(ObjectSpace& s, Value self, const CallArgs& a) { return syncInit(s, self, a, SyncKind::Lock); }
Ref eventInit(ObjectSpace& s, Value self, const CallArgs& a) { return syncInit(s, self, a, SyncKind::Event); }
Ref semInit(ObjectSpace& s, Value self, const CallArgs& a) { return syncInit(s, self, a, SyncKind::Semaphore); }
Ref bsemInit(ObjectSpace& s, Value self, const CallArgs& a) { return syncInit(s, self, a, SyncKind::BoundedSemaphore); }
Ref queueInit(ObjectSpace& s, Value self, const CallArgs& a) { return syncInit(s, self, a, SyncKind::Queue); }

// ------------------------------------------------------ Lock / Semaphore

Ref acquire(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (p->kind == SyncKind::Lock) {
        if (!p->flag && !hasPendingWaiter(p->waiters)) {
            p->flag = true;
            return doneFuture(*st, Value::trueValue());
        }
        return waitOn(*st, p->waiters, WaitKind::Lock);
    }
    if (p->value > 0 && !hasPendingWaiter(p->waiters)) {
        --p->value;
        return doneFuture(*st, Value::trueValue());
    }
    return waitOn(*st, p->waiters, WaitKind::Lock);
}

Ref release(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (p->kind == SyncKind::Lock) {
        if (!p->flag) return space.raise(space.types().RuntimeError, "Lock is not acquired.");
        // Ownership passes straight to the next waiter (the lock stays held).
        if (!wakeOne(p->waiters, Ref::boolean(true))) p->flag = false;
        return Ref::none();
    }
    if (p->kind == SyncKind::BoundedSemaphore && p->value >= p->initial && !hasPendingWaiter(p->waiters))
        return space.raise(space.types().ValueError, "BoundedSemaphore released too many times");
    if (!wakeOne(p->waiters, Ref::boolean(true))) ++p->value;
    return Ref::none();
}

Ref locked(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (p->kind == SyncKind::Lock) return Ref::boolean(p->flag);
    return Ref::boolean(p->value == 0 || hasPendingWaiter(p->waiters));
}

Ref aexit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!release(space, self, args)) return Ref();
    AsyncioState* st = stateOf(space, self);
    return doneFuture(*st, Value::none());
}

// ------------------------------------------------------------- Event

Ref eventWait(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (p->flag) return doneFuture(*st, Value::trueValue());
    return waitOn(*st, p->waiters, WaitKind::Event);
}

Ref eventSet(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (!p->flag) {
        p->flag = true;
        while (wakeOne(p->waiters, Ref::boolean(true))) {
        }
    }
    return Ref::none();
}

Ref eventClear(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    p->flag = false;
    return Ref::none();
}

Ref eventIsSet(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    return p ? Ref::boolean(p->flag) : Ref();
}

// ------------------------------------------------------------- Queue

bool queueFull(const SyncPayload& p) { return p.maxsize > 0 && std::int64_t(p.items.size()) >= p.maxsize; }

/// Adds `item`, handing it to a waiting getter when there is one.
void queueAdd(SyncPayload& p, Ref item)
{
    ++p.unfinished;
    p.items.push_back(std::move(item));
    while (!p.waiters.empty() && !p.items.empty()) {
        coroscope::Ref<PyFuture> g = std::move(p.waiters.front());
        p.waiters.pop_front();
        if (g->done()) continue;
        g->setResult(std::move(p.items.front()));
        p.items.pop_front();
    }
}

/// After an item left: admits blocked putters while there is room.
void queueAdmit(SyncPayload& p)
{
    while (!p.putters.empty() && !queueFull(p)) {
        auto [f, item] = std::move(p.putters.front());
        p.putters.pop_front();
        if (f->done()) continue;
        queueAdd(p, std::move(item));
        f->setResult(Ref::none());
    }
}

Ref queuePutNowait(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "put_nowait")) return Ref();
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (queueFull(*p)) return raiseQueueError(space, self, "__QueueFull__");
    queueAdd(*p, Ref::borrow(args[0]));
    return Ref::none();
}

Ref queuePut(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "put")) return Ref();
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (!queueFull(*p)) {
        queueAdd(*p, Ref::borrow(args[0]));
        return doneFuture(*st, Value::none());
    }
    EventLoop* loop = loopFor(*st);
    if (!loop) return Ref();
    coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
    f->setWaitTag(WaitKind::Queue, 0);
    p->putters.emplace_back(f, Ref::borrow(args[0]));
    return st->objectOf(*f);
}

Ref queueGetNowait(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (p->items.empty()) return raiseQueueError(space, self, "__QueueEmpty__");
    Ref item = std::move(p->items.front());
    p->items.pop_front();
    queueAdmit(*p);
    return item;
}

Ref queueGet(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (!p->items.empty()) {
        Ref item = std::move(p->items.front());
        p->items.pop_front();
        queueAdmit(*p);
        return doneFuture(*st, item.get());
    }
    return waitOn(*st, p->waiters, WaitKind::Queue);
}

Ref queueTaskDone(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (p->unfinished <= 0) return space.raise(space.types().ValueError, "task_done() called too many times");
    if (--p->unfinished == 0) {
        for (auto& j : p->joiners)
            if (!j->done()) j->setResult(Ref::none());
        p->joiners.clear();
    }
    return Ref::none();
}

Ref queueJoin(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    if (!p) return Ref();
    if (p->unfinished == 0) return doneFuture(*st, Value::none());
    EventLoop* loop = loopFor(*st);
    if (!loop) return Ref();
    coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
    f->setWaitTag(WaitKind::Queue, 0);
    p->joiners.push_back(f);
    return st->objectOf(*f);
}

Ref queueQsize(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    return p ? newInt(space, std::int64_t(p->items.size())) : Ref();
}

Ref queueEmpty(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    return p ? Ref::boolean(p->items.empty()) : Ref();
}

Ref queueFullFn(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    return p ? Ref::boolean(queueFull(*p)) : Ref();
}

Ref queueMaxsize(ObjectSpace& space, Value self)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    return p ? newInt(space, p->maxsize) : Ref();
}


// ----------------------------------------------------------- Condition

/// Condition's own state: its lock (a pylite Lock) and its waiters.
class ConditionPayload final : public NativePayload {
public:
    Ref lock;
    std::deque<coroscope::Ref<PyFuture>> waiters;
};

ConditionPayload* conditionOf(ObjectSpace& space, Value self, AsyncioState*& st)
{
    st = stateOf(space, self);
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
    AsyncioState* st = stateOf(space, self);
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

Ref makeClass(ObjectSpace& space, const char* name, Value base, const char* module, AsyncioState* st)
{
    Ref bases = newTupleOf(space, {base});
    Ref ns = newDict(space);
    Ref mod = newStr(space, module);
    if (!bases || !ns || !mod) return Ref();
    dictSetStr(space, ns.as<DictObject>(), "__module__", mod.get());
    if (st)
        dictSetStr(space, ns.as<DictObject>(), kStateKey,
                   Value::smallInt(std::int64_t(reinterpret_cast<std::uintptr_t>(st))));
    return newClass(space, name, bases.get(), ns.get());
}

} // namespace

bool addSyncPrimitives(AsyncioState& st, DictObject* module)
{
    ObjectSpace& space = st.vm.space();
    const Value object = Value::fromObject(space.types().objectType);
    const Value exception = Value::fromObject(space.types().Exception);

    Ref lock = makeClass(space, "Lock", object, "asyncio.locks", &st);
    Ref event = makeClass(space, "Event", object, "asyncio.locks", &st);
    Ref sem = makeClass(space, "Semaphore", object, "asyncio.locks", &st);
    if (!lock || !event || !sem) return false;
    addMethods(space, lock.as<TypeObject>(),
               {{"__init__", lockInit}, {"acquire", acquire}, {"release", release}, {"locked", locked},
                {"__aenter__", acquire}, {"__aexit__", aexit}});
    addMethods(space, event.as<TypeObject>(),
               {{"__init__", eventInit}, {"wait", eventWait}, {"set", eventSet}, {"clear", eventClear},
                {"is_set", eventIsSet}});
    addMethods(space, sem.as<TypeObject>(),
               {{"__init__", semInit}, {"acquire", acquire}, {"release", release}, {"locked", locked},
                {"__aenter__", acquire}, {"__aexit__", aexit}});
    Ref bsem = makeClass(space, "BoundedSemaphore", sem.get(), "asyncio.locks", &st);
    if (!bsem) return false;
    addMethods(space, bsem.as<TypeObject>(), {{"__init__", bsemInit}});

    Ref empty = makeClass(space, "QueueEmpty", exception, "asyncio.queues", nullptr);
    Ref full = makeClass(space, "QueueFull", exception, "asyncio.queues", nullptr);
    Ref queue = makeClass(space, "Queue", object, "asyncio.queues", &st);
    if (!empty || !full || !queue) return false;
    auto* qt = queue.as<TypeObject>();
    dictSetStr(space, qt->m_dict, "__QueueEmpty__", empty.get());
    dictSetStr(space, qt->m_dict, "__QueueFull__", full.get());
    addMethods(space, qt,
               {{"__init__", queueInit}, {"put", queuePut}, {"get", queueGet}, {"put_nowait", queuePutNowait},
                {"get_nowait", queueGetNowait}, {"task_done", queueTaskDone}, {"join", queueJoin},
                {"qsize", queueQsize}, {"empty", queueEmpty}, {"full", queueFullFn}});
    addGetSets(space, qt, {{"maxsize", queueMaxsize}});
    Ref condition = makeClass(space, "Condition", object, "asyncio.locks", &st);
    Ref condWaitType = makeClass(space, "_ConditionWait", object, "asyncio.locks", &st);
    if (!condition || !condWaitType) return false;
    addMethods(space, condition.as<TypeObject>(),
               {{"__init__", conditionInit}, {"acquire", condAcquire}, {"release", condRelease},
                {"locked", condLocked}, {"__aenter__", condAcquire}, {"__aexit__", condAexit},
                {"wait", condWait}, {"wait_for", condWaitFor}, {"notify", condNotify},
                {"notify_all", condNotifyAll}});
    dictSetStr(space, condition.as<TypeObject>()->m_dict, "__Lock__", lock.get());
    dictSetStr(space, condition.as<TypeObject>()->m_dict, "__ConditionWait__", condWaitType.get());
    auto* cw = condWaitType.as<TypeObject>();
    addMethods(space, cw, {{"__next__", condWaitNextMethod}, {"__iter__", condWaitSelf}, {"__await__", condWaitSelf}});
    for (const Ref& t : {lock, event, sem, bsem, queue, condition, condWaitType}) updateSlots(space, t.as<TypeObject>());
    // Keep StopIteration's value pending for the VM's SEND (see FutureIter).
    cw->m_slots.next = condWaitNext;
    if (!dictSetStr(space, module, "Condition", condition.get())) return false;

    const std::pair<const char*, Value> names[] = {
        {"Lock", lock.get()},          {"Event", event.get()},           {"Semaphore", sem.get()},
        {"BoundedSemaphore", bsem.get()}, {"Queue", queue.get()},       {"QueueEmpty", empty.get()},
        {"QueueFull", full.get()},
    };
    for (const auto& [name, v] : names)
        if (!dictSetStr(space, module, name, v)) return false;
    return true;
}

} // namespace coroscope::pylite::detail
