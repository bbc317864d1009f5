// asyncio's synchronisation primitives and Queue for pylite: Lock, Event,
// Semaphore, BoundedSemaphore and Queue (Condition: AsyncioCondition.cpp). Waiting is done on core futures
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
    /// Queue: items handed to a getter whose task has not run yet. CPython
    /// leaves such an item in the queue until the getter runs, so qsize(),
    /// empty() and full() still count it.
    std::shared_ptr<std::int64_t> handedOver = std::make_shared<std::int64_t>(0);
    std::int64_t maxsize = 0;                       ///< Queue: 0 = unbounded
    std::int64_t unfinished = 0;                    ///< Queue: put() minus task_done()
    std::vector<coroscope::Ref<PyFuture>> joiners;  ///< Queue.join() waiters
};

SyncPayload* syncOf(ObjectSpace& space, Value self, AsyncioState*& st)
{
    st = stateOfType(space, self);
    DictObject* d = st ? instanceDict(space, self) : nullptr;
    Value box = d ? dictGetStr(space, d, kCoreKey) : Value();
    auto* p = box ? static_cast<SyncPayload*>(nativePayload(space, st->boxType.get(), box)) : nullptr;
    if (!p) space.raise(space.types().RuntimeError, "asyncio primitive is not initialized");
    return p;
}

} // namespace

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

namespace {

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
    AsyncioState* st = stateOfType(space, self);
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
    AsyncioState* st = stateOfType(space, self);
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

/// The items CPython's queue holds: queued plus handed to getters that have not run.
std::int64_t queueSize(const SyncPayload& p) { return std::int64_t(p.items.size()) + *p.handedOver; }

bool queueFull(const SyncPayload& p) { return p.maxsize > 0 && queueSize(p) >= p.maxsize; }

/// Adds `item`, handing it to a waiting getter when there is one.
void queueAdd(SyncPayload& p, Ref item)
{
    ++p.unfinished;
    p.items.push_back(std::move(item));
    while (!p.waiters.empty() && !p.items.empty()) {
        coroscope::Ref<PyFuture> g = std::move(p.waiters.front());
        p.waiters.pop_front();
        if (g->done()) continue;
        ++*p.handedOver;
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
    Ref waiter = waitOn(*st, p->waiters, WaitKind::Queue);
    if (!waiter) return Ref();
    // Registered before the getter's task awaits the future, so this runs
    // just before that task resumes: the item leaves the count then.
    p->waiters.back()->addDoneCallback([handed = p->handedOver](FutureBase* f) {
        if (!f->cancelled() && *handed > 0) --*handed;
    });
    return waiter;
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
    return p ? newInt(space, queueSize(*p)) : Ref();
}

Ref queueEmpty(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st;
    SyncPayload* p = syncOf(space, self, st);
    return p ? Ref::boolean(queueSize(*p) == 0) : Ref();
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
    for (const Ref& t : {lock, event, sem, bsem, queue}) updateSlots(space, t.as<TypeObject>());
    if (!addCondition(st, module, lock.get())) return false;

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
