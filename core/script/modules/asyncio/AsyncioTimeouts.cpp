// asyncio.as_completed, asyncio.timeout, asyncio.TaskGroup and
// Task.cancelling/uncancel for pylite, on core futures, timers and
// TaskBase's cancel counting.

#include "core/script/modules/asyncio/AsyncioState.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

#include <cmath>

namespace coroscope::pylite::detail {

namespace {

constexpr const char* kStateKey = "__asyncio_state__";

AsyncioState* stateOf(ObjectSpace& space, Value self)
{
    Value addr = lookupInMro(space, space.typeOf(self), kStateKey);
    if (!addr || !addr.isSmallInt()) return nullptr;
    return reinterpret_cast<AsyncioState*>(std::uintptr_t(addr.smallIntValue()));
}

AsyncioState& moduleState(ObjectSpace& space, Value self)
{
    return *static_cast<AsyncioState*>(nativePayload(space, Value::fromObject(space.typeOf(self)), self));
}

Nanos toNanos(double seconds) { return Nanos(std::llround(std::max(0.0, seconds) * 1e9)); }

void copyInto(FutureBase& from, PyFuture& to)
{
    if (to.done()) return;
    if (from.cancelled()) {
        to.setException(from.makeCancelledError());
        return;
    }
    if (std::exception_ptr e = from.exception()) {
        to.setException(e);
        return;
    }
    to.setResult(static_cast<PyFuture&>(from).result());
}

// ---------------------------------------------------------- as_completed

Ref asCompleted(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"as_completed", {"fs", "timeout"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = moduleState(space, self);
    EventLoop* loop = st.loop();
    if (!loop) return space.raise(space.types().RuntimeError, "no running event loop");
    std::vector<coroscope::Ref<FutureBase>> children;
    bool ok = forEach(space, a[0], [&](Value v) {
        FuturePayload* p = st.payloadOf(v);
        Ref made;
        if (!p) {
            made = st.createTask(*loop, v, {});
            if (!made) return false;
            p = st.payloadOf(made.get());
        }
        for (const auto& c : children)
            if (c.get() == p->future.get()) return true;
        children.push_back(p->future);
        return true;
    });
    if (!ok) return Ref();
    auto outs = std::make_shared<std::vector<coroscope::Ref<PyFuture>>>();
    auto next = std::make_shared<std::size_t>(0);
    Ref list = newList(space);
    if (!list) return Ref();
    for (std::size_t i = 0; i < children.size(); ++i) {
        outs->push_back(PyFuture::create(*loop));
        Ref obj = st.objectOf(*outs->back());
        if (!obj || !listAppend(space, list.as<ListObject>(), obj.get())) return Ref();
    }
    for (const auto& c : children)
        c->addDoneCallback([outs, next](FutureBase* done) {
            if (*next < outs->size()) copyInto(*done, *(*outs)[(*next)++]);
        });
    if (a[1] && !a[1].isNone()) {
        double timeout;
        if (!toDouble(space, a[1], timeout)) return Ref();
        loop->callLater(toNanos(timeout), [outs, next](FutureBase*) {
            while (*next < outs->size()) {
                PyFuture& f = *(*outs)[(*next)++];
                if (!f.done()) f.setException(std::make_exception_ptr(coroscope::TimeoutError()));
            }
        });
    }
    return getIter(space, list.get());
}

// --------------------------------------------------------------- timeout

class TimeoutPayload final : public NativePayload {
public:
    coroscope::Ref<FutureBase> task; ///< the task the timeout cancels
    HandleRef timer;
    std::shared_ptr<bool> expired = std::make_shared<bool>(false);
    bool hasDelay = false;
    double delay = 0;
};

TimeoutPayload* timeoutOf(ObjectSpace& space, AsyncioState& st, Value self)
{
    Value box = dictGetStr(space, instanceDict(space, self), "__timeout_core__");
    auto* p = box ? static_cast<TimeoutPayload*>(nativePayload(space, st.boxType.get(), box)) : nullptr;
    if (!p) space.raise(space.types().RuntimeError, "Timeout has not been entered");
    return p;
}

Ref doneFuture(AsyncioState& st, EventLoop& loop, Value v)
{
    coroscope::Ref<PyFuture> f = PyFuture::create(loop);
    f->setResult(Ref::borrow(v));
    return st.objectOf(*f);
}

Ref timeoutAenter(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOf(space, self);
    TimeoutPayload* p = timeoutOf(space, st, self);
    EventLoop* loop = st.loop();
    if (!p || !loop) return loop ? Ref() : space.raise(space.types().RuntimeError, "no running event loop");
    TaskBase* task = loop->currentTask();
    if (!task) return space.raise(space.types().RuntimeError, "Timeout should be used inside a task");
    p->task = coroscope::Ref<FutureBase>(&task->future());
    if (p->hasDelay) {
        coroscope::Ref<FutureBase> t = p->task;
        std::shared_ptr<bool> expired = p->expired;
        p->timer = loop->callLater(toNanos(p->delay), [expired, t](FutureBase*) {
            if (t->done()) return;
            *expired = true;
            t->asTask()->cancel();
        });
    }
    return doneFuture(st, *loop, self);
}

Ref timeoutAexit(ObjectSpace& space, Value self, const CallArgs& args)
{
    AsyncioState& st = *stateOf(space, self);
    TimeoutPayload* p = timeoutOf(space, st, self);
    EventLoop* loop = st.loop();
    if (!p || !loop) return Ref();
    if (p->timer) p->timer->cancel();
    const Value excType = args.positional > 0 ? args[0] : Value::none();
    if (*p->expired && !excType.isNone() && excType == st.cancelledType.get()) {
        if (p->task->asTask()->uncancel() <= 0) return space.raiseEmpty(space.types().TimeoutError);
    }
    return doneFuture(st, *loop, Value::falseValue());
}

Ref timeoutExpired(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOf(space, self);
    TimeoutPayload* p = timeoutOf(space, st, self);
    return p ? Ref::boolean(*p->expired) : Ref();
}


// ------------------------------------------------------------- TaskGroup

/// The state of one TaskGroup (CPython 3.11's asyncio.taskgroups).
class TaskGroupPayload final : public NativePayload {
public:
    coroscope::Ref<FutureBase> parent;          ///< the task running the `async with`
    std::vector<Ref> tasks;                     ///< children (pylite Task objects)
    std::shared_ptr<std::vector<Ref>> errors = std::make_shared<std::vector<Ref>>();
    coroscope::Ref<PyFuture> exitWaiter;        ///< __aexit__'s future while it waits
    std::size_t running = 0;                    ///< children whose done-callback has not run yet
    bool entered = false;
    bool exiting = false;
    bool aborting = false;
    bool parentCancelRequested = false;
};

TaskGroupPayload* groupOf(ObjectSpace& space, AsyncioState& st, Value self)
{
    Value box = dictGetStr(space, instanceDict(space, self), "__taskgroup_core__");
    auto* p = box ? static_cast<TaskGroupPayload*>(nativePayload(space, st.boxType.get(), box)) : nullptr;
    if (!p) space.raise(space.types().RuntimeError, "TaskGroup is not initialized");
    return p;
}

Ref taskGroupInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "TaskGroup")) return Ref();
    AsyncioState& st = *stateOf(space, self);
    Ref box = newNativeBox(space, st.boxType.get(), std::make_unique<TaskGroupPayload>());
    if (!box || !dictSetStr(space, instanceDict(space, self), "__taskgroup_core__", box.get())) return Ref();
    return Ref::none();
}

void abortGroup(AsyncioState& st, TaskGroupPayload& g)
{
    g.aborting = true;
    for (Ref& t : g.tasks)
        if (FuturePayload* p = st.payloadOf(t.get()))
            if (!p->future->done()) p->future->cancel();
}

/// Finishes __aexit__ once every child is done.
void settleGroup(AsyncioState& st, TaskGroupPayload& g)
{
    if (!g.exitWaiter || g.exitWaiter->done() || g.running > 0) return;
    ObjectSpace& space = st.vm.space();
    if (g.errors->empty()) {
        g.exitWaiter->setResult(Ref::boolean(false));
        return;
    }
    Ref list = newList(space);
    for (Ref& e : *g.errors) listAppend(space, list.as<ListObject>(), e.get());
    Ref msg = newStr(space, "unhandled errors in a TaskGroup");
    Ref group = callFunction(space, Value::fromObject(space.types().BaseExceptionGroup), {msg.get(), list.get()});
    if (!group) group = space.takeError();
    g.exitWaiter->setException(st.toCore(std::move(group)));
}

Ref taskGroupAenter(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOf(space, self);
    TaskGroupPayload* g = groupOf(space, st, self);
    EventLoop* loop = st.loop();
    if (!g) return Ref();
    if (!loop || !loop->currentTask()) return space.raise(space.types().RuntimeError, "TaskGroup cannot determine the parent task");
    if (g->entered) return space.raise(space.types().RuntimeError, "TaskGroup has been already entered");
    g->entered = true;
    g->parent = coroscope::Ref<FutureBase>(&loop->currentTask()->future());
    return doneFuture(st, *loop, self);
}

Ref taskGroupCreateTask(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"create_task", {"coro", "name"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOf(space, self);
    TaskGroupPayload* g = groupOf(space, st, self);
    EventLoop* loop = st.loop();
    if (!g) return Ref();
    if (!g->entered) return space.raise(space.types().RuntimeError, "TaskGroup has not been entered");
    if (g->aborting) return space.raise(space.types().RuntimeError, "TaskGroup is shutting down");
    std::string name;
    if (a[1] && !a[1].isNone() && !strString(space, a[1], name)) return Ref();
    Ref task = st.createTask(*loop, a[0], name);
    if (!task) return Ref();
    g->tasks.push_back(task);
    ++g->running;
    AsyncioState* stp = &st;
    Ref keep = Ref::borrow(self);
    st.payloadOf(task.get())->future->addDoneCallback([stp, g, keep](FutureBase* f) {
        --g->running;
        if (!f->cancelled()) {
            if (std::exception_ptr e = f->exception()) {
                g->errors->push_back(stp->fromCore(e));
                if (!g->aborting) {
                    abortGroup(*stp, *g);
                    // The body is still running: cancel it so that it reaches __aexit__.
                    if (!g->exiting && g->parent && !g->parent->done()) {
                        g->parentCancelRequested = true;
                        g->parent->asTask()->cancel();
                    }
                }
            }
        }
        settleGroup(*stp, *g);
    });
    return task;
}

Ref taskGroupAexit(ObjectSpace& space, Value self, const CallArgs& args)
{
    AsyncioState& st = *stateOf(space, self);
    TaskGroupPayload* g = groupOf(space, st, self);
    EventLoop* loop = st.loop();
    if (!g || !loop) return Ref();
    g->exiting = true;
    const Value exc = args.positional > 1 ? args[1] : Value::none();
    if (!exc.isNone()) {
        const bool cancelled = isInstance(space, exc, st.cancelledType.get()) == 1;
        if (cancelled && g->parentCancelRequested) {
            g->parent->asTask()->uncancel();
        } else if (!cancelled) {
            g->errors->push_back(Ref::borrow(exc));
        }
        if (!g->aborting) abortGroup(st, *g);
        if (cancelled && !g->parentCancelRequested && g->errors->empty()) {
            // An outside cancellation: the children are cancelled and it propagates.
            g->exitWaiter = PyFuture::create(*loop);
            settleGroup(st, *g);
            return st.objectOf(*g->exitWaiter);
        }
    }
    g->exitWaiter = PyFuture::create(*loop);
    settleGroup(st, *g);
    return st.objectOf(*g->exitWaiter);
}

Ref makeTimeout(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"timeout", {"delay"}, 1}, a)) return Ref();
    AsyncioState& st = moduleState(space, self);
    auto payload = std::make_unique<TimeoutPayload>();
    if (!a[0].isNone()) {
        payload->hasDelay = true;
        if (!toDouble(space, a[0], payload->delay)) return Ref();
    }
    Ref obj = callFunction(space, st.timeoutType.get(), {});
    if (!obj) return Ref();
    Ref box = newNativeBox(space, st.boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, obj.get()), "__timeout_core__", box.get())) return Ref();
    return obj;
}

Ref taskCancelling(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOf(space, self);
    FuturePayload* p = st.payloadOf(self);
    if (!p || !p->future->isTask()) return space.raise(space.types().TypeError, "expected a Task");
    return newInt(space, p->future->asTask()->cancelling());
}

Ref taskUncancel(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOf(space, self);
    FuturePayload* p = st.payloadOf(self);
    if (!p || !p->future->isTask()) return space.raise(space.types().TypeError, "expected a Task");
    return newInt(space, p->future->asTask()->uncancel());
}

} // namespace

bool addTimeouts(AsyncioState& st, DictObject* module, Value stateBox)
{
    ObjectSpace& space = st.vm.space();
    Ref bases = newTupleOf(space, {Value::fromObject(space.types().objectType)});
    Ref ns = newDict(space);
    Ref mod = newStr(space, "asyncio.timeouts");
    if (!bases || !ns || !mod) return false;
    dictSetStr(space, ns.as<DictObject>(), "__module__", mod.get());
    dictSetStr(space, ns.as<DictObject>(), kStateKey,
               Value::smallInt(std::int64_t(reinterpret_cast<std::uintptr_t>(&st))));
    st.timeoutType = newClass(space, "Timeout", bases.get(), ns.get());
    if (!st.timeoutType) return false;
    addMethods(space, st.timeoutType.as<TypeObject>(),
               {{"__aenter__", timeoutAenter}, {"__aexit__", timeoutAexit}, {"expired", timeoutExpired}});
    addMethods(space, st.taskType.as<TypeObject>(), {{"cancelling", taskCancelling}, {"uncancel", taskUncancel}});
    Ref mod2 = newStr(space, "asyncio.taskgroups");
    Ref ns2 = newDict(space);
    if (!mod2 || !ns2) return false;
    dictSetStr(space, ns2.as<DictObject>(), "__module__", mod2.get());
    dictSetStr(space, ns2.as<DictObject>(), kStateKey,
               Value::smallInt(std::int64_t(reinterpret_cast<std::uintptr_t>(&st))));
    Ref group = newClass(space, "TaskGroup", bases.get(), ns2.get());
    if (!group) return false;
    addMethods(space, group.as<TypeObject>(),
               {{"__init__", taskGroupInit}, {"__aenter__", taskGroupAenter}, {"__aexit__", taskGroupAexit},
                {"create_task", taskGroupCreateTask}});
    updateSlots(space, group.as<TypeObject>());
    if (!dictSetStr(space, module, "TaskGroup", group.get())) return false;
    Ref moduleName = newStr(space, "asyncio");
    for (const auto& [name, fn] : {std::pair<const char*, NativeFn>{"as_completed", asCompleted},
                                   std::pair<const char*, NativeFn>{"timeout", makeTimeout}}) {
        Ref f = newBuiltinFunction(space, name, fn, stateBox, moduleName.get());
        if (!f || !dictSetStr(space, module, name, f.get())) return false;
    }
    return true;
}

} // namespace coroscope::pylite::detail
