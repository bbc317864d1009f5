// concurrent.futures.Future for pylite, and concurrent.futures.wait /
// as_completed: executor results are core futures; waiting on them from
// plain code drives the loop they run on until they are done.

#include "core/runtime/ForcedUnwind.h"
#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/asyncio/AsyncioCommon.h"
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
#include <cstdio>
#include <functional>

namespace coroscope::pylite::detail {

/// The loop work outside a running asyncio loop runs on.
Value syncLoop(AsyncioState& st)
{
    if (!st.syncLoop) {
        st.syncLoop = st.makeLoop();
        st.syncLoopBase = st.vm.virtualNanos();
    }
    return st.syncLoop.get();
}

/// Runs the loop `loopObj` (not running) until `f` is done.
bool driveUntil(AsyncioState& st, Value loopObj, FutureBase& f)
{
    if (f.done()) return true;
    ObjectSpace& space = st.vm.space();
    if (st.runningLoop) {
        space.raise(space.types().RuntimeError, "cannot wait for an executor future inside a running event loop");
        return false;
    }
    return st.runUntil(loopObj, f);
}


namespace {

// ------------------------------------------------- concurrent.futures.Future

Ref cfInit(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    if (st.payloadOf(self)) return Ref::none();
    EventLoop* loop = st.runningLoop ? st.loop() : st.loopOfObject(syncLoop(st));
    coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
    // A dead executor future may have had this address: its "started" flag is not ours.
    st.jobStarted.erase(f.get());
    if (!st.attachPayload(self.object(), coroscope::Ref<FutureBase>(f))) return Ref();
    return Ref::none();
}

FuturePayload* cfOf(ObjectSpace& space, AsyncioState& st, Value self)
{
    FuturePayload* p = st.payloadOf(self);
    if (!p) space.raise(space.types().RuntimeError, "Future is not initialized");
    return p;
}

/// Blocks (drives the sync loop) until the future is done.
bool cfWait(ObjectSpace& space, AsyncioState& st, FuturePayload& p)
{
    (void)space;
    if (p.future->done()) return true;
    Value loopObj = st.syncLoop ? st.syncLoop.get() : syncLoop(st);
    for (auto& [obj, ex] : st.executorLoops)
        if (obj == &p.future->loop()) loopObj = ex;
    return driveUntil(st, loopObj, *p.future);
}

Ref cfResult(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p || !cfWait(space, st, *p)) return Ref();
    try {
        return p->typed()->result();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return st.raiseCore(std::current_exception());
    }
}

Ref cfException(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p || !cfWait(space, st, *p)) return Ref();
    try {
        std::exception_ptr e = p->future->exception();
        return e ? st.fromCore(e) : Ref::none();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return st.raiseCore(std::current_exception());
    }
}

/// concurrent.futures runs done-callbacks at once: drain the loop's ready
/// queue when no loop is running.
void flushCallbacks(AsyncioState& st, FutureBase& f)
{
    if (st.runningLoop) return;
    EventLoop& loop = f.loop();
    for (int guard = 0; guard < 10000 && loop.readyCount() > 0; ++guard) loop.runOnce();
}

Ref cfSetResult(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_result")) return Ref();
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p) return Ref();
    try {
        p->typed()->setResult(Ref::borrow(args[0]));
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return st.raiseCore(std::current_exception());
    }
    flushCallbacks(st, *p->future);
    return Ref::none();
}

Ref cfSetException(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_exception")) return Ref();
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p) return Ref();
    try {
        p->future->setException(st.toCore(Ref::borrow(args[0])));
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return st.raiseCore(std::current_exception());
    }
    flushCallbacks(st, *p->future);
    return Ref::none();
}

Ref cfAddDoneCallback(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "add_done_callback")) return Ref();
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p) return Ref();
    if (p->future->done()) {
        Ref r = callFunction(space, args[0], {self});
        return r ? Ref::none() : Ref();
    }
    Ref fn = Ref::borrow(args[0]);
    Ref obj = Ref::borrow(self);
    AsyncioState* stp = &st;
    p->future->addDoneCallback([stp, fn, obj](FutureBase*) {
        ObjectSpace& sp = stp->vm.space();
        Ref r = callFunction(sp, fn.get(), {obj.get()});
        if (!r) {
            Ref exc = sp.takeError();
            stp->vm.printException(exc.get());
        }
    });
    return Ref::none();
}

bool jobRunning(AsyncioState& st, FuturePayload& p)
{
    auto it = st.jobStarted.find(p.future.get());
    return it != st.jobStarted.end() && *it->second && !p.future->done();
}

Ref cfRunning(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    return p ? Ref::boolean(jobRunning(st, *p)) : Ref();
}

/// Future.set_running_or_notify_cancel(): a pending future becomes running
/// (True); a cancelled one stays so (False); anything else is an error.
Ref cfSetRunning(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p) return Ref();
    if (p->future->cancelled()) return Ref::boolean(false);
    if (p->future->done() || jobRunning(st, *p))
        return space.raise(space.types().RuntimeError, "Future in unexpected state");
    st.jobStarted[p->future.get()] = std::make_shared<bool>(true);
    return Ref::boolean(true);
}

/// CPython's concurrent.futures.Future.__repr__:
/// "<Future at 0x... state=pending|running|cancelled|finished returned T|finished raised E>",
/// where T and E are the class names of the result and of the exception.
Ref cfRepr(ObjectSpace& space, Value self)
{
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p) return Ref();
    FutureBase& f = *p->future;
    std::string text = "<" + std::string(typeName(space, self)) + " at " + space.addressText(self.objectOrNull()) + " state=";
    if (f.cancelled()) {
        text += "cancelled>";
    } else if (!f.done()) {
        text += jobRunning(st, *p) ? "running>" : "pending>";
    } else if (Value known = AsyncioState::knownError(f)) {
        // Read without marking the exception as retrieved.
        text += "finished raised " + std::string(typeName(space, known)) + ">";
    } else {
        try {
            // Without a kept exception object the future has a result or was read already.
            std::exception_ptr e = f.exception();
            Ref value = e ? st.fromCore(e) : p->typed()->result();
            if (!value) return Ref();
            text += (e ? "finished raised " : "finished returned ") + std::string(typeName(space, value.get())) + ">";
        } catch (...) {
            coroscope::rethrowIfForcedUnwind();
            return st.raiseCore(std::current_exception());
        }
    }
    return newStr(space, text);
}

Ref cfCancel(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    FuturePayload* p = cfOf(space, st, self);
    if (!p) return Ref();
    // A job already running on a worker cannot be cancelled (as with threads).
    if (jobRunning(st, *p)) return Ref::boolean(false);
    const bool ok = p->future->cancel();
    flushCallbacks(st, *p->future);
    return Ref::boolean(ok || p->future->cancelled());
}

/// The loop object `f` runs on (an executor's loop or the sync loop).
Value loopObjectOf(AsyncioState& st, FutureBase& f)
{
    for (auto& [loop, obj] : st.executorLoops)
        if (loop == &f.loop()) return obj;
    return syncLoop(st);
}

/// concurrent.futures.wait / as_completed: runs the loop until `check`
/// holds or `timeout` passes; `order` gets the futures in completion order.
bool driveChildren(AsyncioState& st, const std::vector<FuturePayload*>& children, Value timeout,
                   const std::function<bool()>& check, std::vector<FutureBase*>* order)
{
    ObjectSpace& space = st.vm.space();
    if (children.empty() || check()) return true;
    Value loopObj = loopObjectOf(st, *children.front()->future);
    EventLoop* loop = st.loopOfObject(loopObj);
    coroscope::Ref<PyFuture> waiter = PyFuture::create(*loop);
    for (FuturePayload* c : children) {
        if (c->future->done()) continue;
        c->future->addDoneCallback([waiter, check, order](FutureBase* f) {
            if (order) order->push_back(f);
            if (!waiter->done() && check()) waiter->setResult(Ref::none());
        });
    }
    if (timeout && !timeout.isNone()) {
        double seconds;
        if (!toDouble(space, timeout, seconds)) return false;
        loop->callLater(Nanos(std::llround(std::max(0.0, seconds) * 1e9)), [waiter](FutureBase*) {
            if (!waiter->done()) waiter->setResult(Ref::none());
        });
    }
    return driveUntil(st, loopObj, *waiter);
}

bool collectFutures(ObjectSpace& space, AsyncioState& st, Value fs, std::vector<Ref>& objects,
                    std::vector<FuturePayload*>& children)
{
    return forEach(space, fs, [&](Value v) {
        FuturePayload* p = st.payloadOf(v);
        if (!p) {
            space.raise(space.types().TypeError, "expected a Future");
            return false;
        }
        for (FuturePayload* c : children)
            if (c == p) return true;
        objects.push_back(Ref::borrow(v));
        children.push_back(p);
        return true;
    });
}

Ref cfWaitFn(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"wait", {"fs", "timeout", "return_when"}, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    std::string when = "ALL_COMPLETED";
    if (a[2]) {
        when.clear();
        if (!strString(space, a[2], when)) return Ref();
    }
    std::vector<Ref> objects;
    std::vector<FuturePayload*> children;
    if (!collectFutures(space, st, a[0], objects, children)) return Ref();
    auto check = [children, when]() {
        std::size_t done = 0;
        for (FuturePayload* c : children) {
            if (!c->future->done()) continue;
            ++done;
            if (when == "FIRST_COMPLETED") return true;
            if (when == "FIRST_EXCEPTION" && !c->future->cancelled() && c->future->hasUnretrievedException())
                return true;
        }
        return done == children.size();
    };
    if (!driveChildren(st, children, a[1], check, nullptr)) return Ref();
    Ref done = callFunction(space, Value::fromObject(space.types().setType), {});
    Ref pending = callFunction(space, Value::fromObject(space.types().setType), {});
    if (!done || !pending) return Ref();
    for (std::size_t i = 0; i < children.size(); ++i)
        if (!callMethod(space, (children[i]->future->done() ? done : pending).get(), "add", {objects[i].get()}))
            return Ref();
    return newTupleOf(space, {done.get(), pending.get()});
}

Ref cfAsCompleted(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"as_completed", {"fs", "timeout"}, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    std::vector<Ref> objects;
    std::vector<FuturePayload*> children;
    if (!collectFutures(space, st, a[0], objects, children)) return Ref();
    auto order = std::make_shared<std::vector<FutureBase*>>();
    for (FuturePayload* c : children)
        if (c->future->done()) order->push_back(c->future.get());
    auto check = [children]() {
        for (FuturePayload* c : children)
            if (!c->future->done()) return false;
        return true;
    };
    if (!driveChildren(st, children, a[1], check, order.get())) return Ref();
    Ref list = newList(space);
    if (!list) return Ref();
    for (FutureBase* f : *order)
        for (std::size_t i = 0; i < children.size(); ++i)
            if (children[i]->future.get() == f && !listAppend(space, list.as<ListObject>(), objects[i].get()))
                return Ref();
    if (order->size() < children.size()) {
        std::string msg = std::to_string(children.size() - order->size()) + " (of " +
                          std::to_string(children.size()) + ") futures unfinished";
        return space.raise(space.types().TimeoutError, msg);
    }
    return getIter(space, list.get());
}

} // namespace

bool addConcurrentFuture(AsyncioState& st, DictObject* module, Value stateBox)
{
    ObjectSpace& space = st.vm.space();
    st.concurrentFutureType = makeClass(space, "Future", st.futureType.get(), "concurrent.futures._base", &st);
    if (!st.concurrentFutureType) return false;
    addMethods(space, st.concurrentFutureType.as<TypeObject>(),
               {{"__init__", cfInit}, {"result", cfResult}, {"exception", cfException},
                {"set_result", cfSetResult}, {"set_exception", cfSetException},
                {"add_done_callback", cfAddDoneCallback}, {"running", cfRunning}, {"cancel", cfCancel},
                {"set_running_or_notify_cancel", cfSetRunning}});
    updateSlots(space, st.concurrentFutureType.as<TypeObject>());
    st.concurrentFutureType.as<TypeObject>()->m_slots.repr = cfRepr;
    if (!dictSetStr(space, module, "Future", st.concurrentFutureType.get())) return false;
    for (const char* when : {"ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"}) {
        Ref text = newStr(space, when);
        if (!text || !dictSetStr(space, module, when, text.get())) return false;
    }
    Ref moduleName = newStr(space, "concurrent.futures");
    for (const auto& [name, fn] : {std::pair<const char*, NativeFn>{"wait", cfWaitFn},
                                   std::pair<const char*, NativeFn>{"as_completed", cfAsCompleted}}) {
        Ref f = newBuiltinFunction(space, name, fn, stateBox, moduleName.get());
        if (!f || !dictSetStr(space, module, name, f.get())) return false;
    }
    return true;
}

} // namespace coroscope::pylite::detail
