// The `asyncio` module: Future, Task, run, sleep, create_task, gather and
// the loop object, all over the core EventLoop (see AsyncioState.h).

#include "core/script/modules/ScriptModules.h"
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
#include "core/script/vm/Frame.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <cmath>
#include <vector>

namespace coroscope::pylite {

using detail::AsyncioState;
using detail::FuturePayload;
using detail::LoopPayload;
using detail::PyFuture;

namespace {

constexpr const char* kStateKey = "__asyncio_state__";

AsyncioState* stateOfType(ObjectSpace& space, Value self)
{
    Value addr = lookupInMro(space, space.typeOf(self), kStateKey);
    if (!addr || !addr.isSmallInt()) return nullptr;
    return reinterpret_cast<AsyncioState*>(std::uintptr_t(addr.smallIntValue()));
}

AsyncioState* stateOfModuleFn(ObjectSpace& space, Value self)
{
    return static_cast<AsyncioState*>(detail::nativePayload(space, Value::fromObject(space.typeOf(self)), self));
}

bool isCoroutine(Vm& vm, Value v)
{
    if (!v.isObject()) return false;
    if (v.object()->m_type == vm.vmTypes().coroutine.get()) return true;
    // asyncio.sleep() objects stand in for CPython's sleep coroutine.
    AsyncioState* st = stateOfType(vm.space(), v);
    return st && v.object()->m_type == st->iterType.get().object();
}

FuturePayload* futureOf(ObjectSpace& space, Value self)
{
    AsyncioState* st = stateOfType(space, self);
    FuturePayload* p = st ? st->payloadOf(self) : nullptr;
    if (!p) space.raise(space.types().RuntimeError, "Future object is not initialized.");
    return p;
}

template <class Fn>
Ref guarded(AsyncioState& st, Fn&& fn)
{
    try {
        return fn();
    } catch (...) {
        return st.raiseCore(std::current_exception());
    }
}

std::string optionalText(ObjectSpace& space, Value v)
{
    std::string s;
    if (v && !v.isNone()) strString(space, v, s);
    return s;
}

// ------------------------------------------------------------- Future

Ref futureInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    AsyncioState* st = stateOfType(space, self);
    if (!st) return space.raise(space.types().TypeError, "expected a Future");
    if (st->payloadOf(self)) return Ref::none();
    EventLoop* loop = st->loop();
    if (!loop) return space.raise(space.types().RuntimeError, "no running event loop");
    (void)args;
    coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
    auto payload = std::make_unique<FuturePayload>(*st, self.object(), coroscope::Ref<FutureBase>(f));
    Ref box = detail::newNativeBox(space, st->boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, self), "__future_core__", box.get())) return Ref();
    return Ref::none();
}

Ref futureResult(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "result")) return Ref();
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    return guarded(*p->state, [&] { return p->typed->result(); });
}

Ref futureException(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "exception")) return Ref();
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    return guarded(*p->state, [&] {
        std::exception_ptr e = p->future->exception();
        return e ? p->state->fromCore(e) : Ref::none();
    });
}

Ref futureDone(ObjectSpace& space, Value self, const CallArgs&)
{
    FuturePayload* p = futureOf(space, self);
    return p ? Ref::boolean(p->future->done()) : Ref();
}

Ref futureCancelled(ObjectSpace& space, Value self, const CallArgs&)
{
    FuturePayload* p = futureOf(space, self);
    return p ? Ref::boolean(p->future->cancelled()) : Ref();
}

Ref futureCancel(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"cancel", {"msg"}, 0}, a)) return Ref();
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    const std::string msg = optionalText(space, a[0]);
    if (!p->gatherChildren.empty() && !p->future->done()) {
        // _GatheringFuture.cancel: cancel the children; the gather ends
        // with their CancelledError.
        std::vector<Ref> children = p->gatherChildren;
        bool any = false;
        for (Ref& c : children)
            if (FuturePayload* cp = p->state->payloadOf(c.get())) any = cp->future->cancel(msg) || any;
        return Ref::boolean(any);
    }
    return guarded(*p->state, [&] { return Ref::boolean(p->future->cancel(msg)); });
}

Ref futureSetResult(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_result")) return Ref();
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    if (p->future->isTask()) return space.raise(space.types().RuntimeError, "Task does not support set_result operation");
    return guarded(*p->state, [&] {
        p->typed->setResult(Ref::borrow(args[0]));
        return Ref::none();
    });
}

Ref futureSetException(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_exception")) return Ref();
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    if (p->future->isTask())
        return space.raise(space.types().RuntimeError, "Task does not support set_exception operation");
    Ref exc = Ref::borrow(args[0]);
    if (isExceptionType(space, exc.get())) {
        exc = callFunction(space, exc.get(), {});
        if (!exc) return Ref();
    }
    if (!isException(space, exc.get()))
        return space.raise(space.types().TypeError, "invalid exception object");
    if (isInstance(space, exc.get(), Value::fromObject(space.types().StopIteration)) == 1)
        return space.raise(space.types().TypeError,
                           "StopIteration interacts badly with generators and cannot be raised into a Future");
    AsyncioState& st = *p->state;
    return guarded(st, [&] {
        p->future->setException(st.toCore(std::move(exc)));
        return Ref::none();
    });
}

Ref futureAddDoneCallback(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 1) return space.raise(space.types().TypeError, "add_done_callback() missing fn");
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    AsyncioState* st = p->state;
    Ref fn = Ref::borrow(args[0]);
    Ref obj = Ref::borrow(self);
    return guarded(*st, [&] {
        p->future->addDoneCallback([st, fn, obj](FutureBase*) {
            ObjectSpace& sp = st->vm.space();
            Ref r = callFunction(sp, fn.get(), {obj.get()});
            if (!r) {
                Ref exc = sp.takeError();
                st->vm.write(Stream::Stderr, "Exception in callback\n");
                st->vm.printException(exc.get());
            }
        });
        return Ref::none();
    });
}

Ref futureAwait(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st = stateOfType(space, self);
    if (!st) return Ref();
    Ref it = callFunction(space, st->iterType.get(), {});
    if (!it || !dictSetStr(space, instanceDict(space, it.get()), "fut", self)) return Ref();
    return it;
}

/// "quick() running at main.py:2" / "quick() done, defined at main.py:2".
std::string coroText(AsyncioState& st, Value coro, bool done)
{
    if (!coro || !coro.isObject() || coro.object()->m_type != st.vm.vmTypes().coroutine.get()) return "sleep()";
    auto* gen = static_cast<GeneratorObject*>(coro.object());
    std::string text = gen->m_qualname ? std::string(strView(gen->m_qualname)) : std::string("coroutine");
    text += "()";
    const Frame* f = gen->frame();
    if (done || gen->m_state == GenState::Closed)
        return text + " done, defined at " + st.vm.filename() + ":" + std::to_string(f->m_code->firstLine);
    return text + " running at " + st.vm.filename() + ":" + std::to_string(f->currentLine());
}

} // namespace

namespace detail {

std::string futureText(AsyncioState& st, FutureBase& future, Value coro, Value knownError)
{
    ObjectSpace& space = st.vm.space();
    FutureBase* fb = &future;
    auto* typed = static_cast<PyFuture*>(fb);
    const FutureStatus s = future.status();
    std::string text = future.isTask() ? "<Task " : "<Future ";
    text += s == FutureStatus::Pending ? "pending" : s == FutureStatus::Cancelled ? "cancelled" : "finished";
    if (future.isTask()) {
        text += " name='" + future.asTask()->name() + "'";
        text += " coro=<" + coroText(st, coro, s != FutureStatus::Pending) + ">";
    }
    if (s == FutureStatus::Finished) {
        // Reading exception() would mark it retrieved: use the copy when unread.
        std::exception_ptr e = future.hasUnretrievedException() && knownError ? nullptr : future.exception();
        std::string r;
        if (e || (future.hasUnretrievedException() && knownError)) {
            Ref exc = e ? st.fromCore(e) : Ref::borrow(knownError);
            reprString(space, exc.get(), r);
            text += " exception=" + r;
        } else {
            reprString(space, typed->result().get(), r);
            text += " result=" + r;
        }
    }
    text += ">";
    return text;
}

} // namespace detail

namespace {

Ref futureRepr(ObjectSpace& space, Value self)
{
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    Value known = p->error && *p->error ? p->error->get() : Value();
    return newStr(space, detail::futureText(*p->state, *p->future, p->coro.get(), known));
}

Ref taskGetName(ObjectSpace& space, Value self, const CallArgs&)
{
    FuturePayload* p = futureOf(space, self);
    if (!p || !p->future->isTask()) return Ref();
    return newStr(space, p->future->asTask()->name());
}

Ref taskSetName(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_name")) return Ref();
    FuturePayload* p = futureOf(space, self);
    if (!p || !p->future->isTask()) return Ref();
    std::string name;
    if (!strString(space, args[0], name)) return Ref();

    p->future->asTask()->setName(name);
    return Ref::none();
}

// ------------------------------------------------------ await iterator

/// Ends an await: StopIteration carrying `value` (the await's result).
Ref raiseStop(ObjectSpace& space, Value value)
{
    Ref args = newTupleOf(space, {value});
    Ref exc = args ? newException(space, space.types().StopIteration, args.get()) : Ref();
    if (exc) space.restoreError(std::move(exc));
    return Ref();
}

Ref iterNextFn(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st = stateOfType(space, self);
    DictObject* d = instanceDict(space, self);
    Value fut = dictGetStr(space, d, "fut");
    Value yielded = dictGetStr(space, d, "yielded");
    if (!fut || fut.isNone()) {
        // asyncio.sleep(delay): the timer starts when the sleep is first stepped.
        Value delay = dictGetStr(space, d, "delay");
        Value result = dictGetStr(space, d, "result");
        double seconds = 0;
        if (delay && !toDouble(space, delay, seconds)) return Ref();
        if (yielded || seconds <= 0) {
            if (!yielded) {
                dictSetStr(space, d, "yielded", Value::trueValue());
                return Ref::none();
            }
            return raiseStop(space, result ? result : Value::none());
        }
        EventLoop* loop = st->requireLoop();
        if (!loop) return Ref();
        coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
        f->setWaitTag(WaitKind::Timer, 0);
        Ref keep = Ref::borrow(result ? result : Value::none());
        loop->callLater(Nanos(std::llround(seconds * 1e9)), [f, keep](FutureBase*) {
            if (!f->done()) f->setResult(keep);
        });
        Ref obj = st->objectOf(*f);
        if (!obj || !dictSetStr(space, d, "fut", obj.get())) return Ref();
        dictSetStr(space, d, "yielded", Value::trueValue());
        return obj;
    }
    FuturePayload* p = st->payloadOf(fut);
    if (!p) return space.raise(space.types().RuntimeError, "await on a non-future");
    if (!p->future->done()) {
        if (yielded && !dictGetStr(space, d, "delay"))
            return space.raise(space.types().RuntimeError, "await wasn't used with future");
        dictSetStr(space, d, "yielded", Value::trueValue());
        return Ref::borrow(fut);
    }
    Ref r = guarded(*st, [&] { return p->typed->result(); });
    if (!r) return Ref();
    return raiseStop(space, r.get());
}

Ref iterSend(ObjectSpace& space, Value self, const CallArgs& args)
{
    (void)args;
    return iterNextFn(space, self, CallArgs());
}

Ref iterNextSlot(ObjectSpace& space, Value self) { return iterNextFn(space, self, CallArgs()); }

Ref iterSelf(ObjectSpace&, Value self, const CallArgs&) { return Ref::borrow(self); }

// -------------------------------------------------------- module functions

Ref makeLoopObject(AsyncioState& st)
{
    ObjectSpace& space = st.vm.space();
    Ref obj = callFunction(space, st.loopType.get(), {});
    if (!obj) return Ref();
    auto payload = std::make_unique<LoopPayload>();
    payload->loop = std::make_unique<EventLoop>(st.context);
    st.loopSeen[payload->loop.get()] = 0;
    Ref box = detail::newNativeBox(space, st.boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, obj.get()), "__loop_core__", box.get())) return Ref();
    return obj;
}

EventLoop* loopOf(AsyncioState& st, Value loopObj)
{
    ObjectSpace& space = st.vm.space();
    DictObject* d = instanceDict(space, loopObj);
    Value box = d ? dictGetStr(space, d, "__loop_core__") : Value();
    auto* p = box ? static_cast<LoopPayload*>(detail::nativePayload(space, st.boxType.get(), box)) : nullptr;
    return p ? p->loop.get() : nullptr;
}

/// The loop a function called outside a coroutine binds to: the running
/// loop, else the current one (get_event_loop), made on demand.
EventLoop* loopForCall(AsyncioState& st)
{
    if (EventLoop* l = st.loop()) return l;
    if (!st.currentLoop) st.currentLoop = makeLoopObject(st);
    return st.currentLoop ? loopOf(st, st.currentLoop.get()) : nullptr;
}

/// Runs `loopObj` until `future` is done; a deadlock ends the program with
/// exit status 3 (SystemExit), its message on stderr.
bool runUntil(AsyncioState& st, Value loopObj, FutureBase& future)
{
    ObjectSpace& space = st.vm.space();
    EventLoop* loop = loopOf(st, loopObj);
    if (st.runningLoop) {
        space.raise(space.types().RuntimeError, "This event loop is already running");
        return false;
    }
    st.runningLoop = Ref::borrow(loopObj);
    bool ok = true;
    try {
        loop->runUntilComplete(future);
    } catch (const Deadlock& d) {
        st.vm.write(Stream::Stderr, std::string(d.what()) + "\n");
        space.raiseWith(space.types().SystemExit, Value::smallInt(3));
        ok = false;
    } catch (...) {
        st.raiseCore(std::current_exception());
        ok = false;
    }
    st.runningLoop.reset();
    st.syncClock(*loop);
    return ok;
}

Ref ensureFutureIn(AsyncioState& st, EventLoop& loop, Value v)
{
    ObjectSpace& space = st.vm.space();
    if (st.payloadOf(v)) return Ref::borrow(v);
    if (isCoroutine(st.vm, v)) return st.createTask(loop, v, {});
    if (v.isObject() && lookupInMro(space, space.typeOf(v), "__await__")) {
        // CPython's _wrap_awaitable: a task stepping the object's __await__ iterator.
        Ref it = callMethod(space, v, "__await__", {});
        if (!it) return Ref();
        return st.createTask(loop, it.get(), {});
    }
    return space.raise(space.types().TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

Ref asyncioRun(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"run", {"main", "debug"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (st.runningLoop)
        return space.raise(space.types().RuntimeError, "asyncio.run() cannot be called from a running event loop");
    if (!isCoroutine(st.vm, a[0])) {
        std::string r;
        reprString(space, a[0], r);
        return space.raise(space.types().ValueError, "a coroutine was expected, got " + r);
    }
    Ref loopObj = makeLoopObject(st);
    if (!loopObj) return Ref();
    EventLoop* loop = loopOf(st, loopObj.get());
    Ref task = st.createTask(*loop, a[0], {});
    if (!task) return Ref();
    FuturePayload* p = st.payloadOf(task.get());
    const bool ok = runUntil(st, loopObj.get(), *p->future);
    Ref result;
    if (ok) result = guarded(st, [&] { return p->typed->result(); });
    Ref pending = space.takeError();
    // CPython's runner: cancel what is left, then shutdown_asyncgens and
    // shutdown_default_executor (two more task numbers).
    for (TaskBase* t : loop->allTasks())
        if (!t->done()) t->cancel();
    st.runningLoop = loopObj;
    for (int guard = 0; guard < 1000 && loop->readyCount() > 0; ++guard) {
        try {
            loop->runOnce();
        } catch (...) {
            break;
        }
    }
    st.runningLoop.reset();
    st.taskCounter += 2;
    st.reportUnretrieved();
    try {
        loop->close();
    } catch (...) {
    }
    if (pending) {
        space.restoreError(std::move(pending));
        return Ref();
    }
    return result;
}

Ref asyncioSleep(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"sleep", {"delay", "result"}, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    double delay;
    if (!toDouble(space, a[0], delay)) return Ref();
    Value result = a[1] ? a[1] : Value::none();
    Ref it = callFunction(space, st.iterType.get(), {});
    if (!it) return Ref();
    DictObject* d = instanceDict(space, it.get());
    Ref delayValue = newFloat(space, delay);
    if (!delayValue || !dictSetStr(space, d, "delay", delayValue.get()) || !dictSetStr(space, d, "result", result))
        return Ref();
    return it;
}

/// time.sleep once asyncio is imported: inside a running loop it blocks the
/// loop (the loop's clock moves, traced as a blocking call); outside it
/// advances the virtual clock as before.
Ref timeSleepAware(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "sleep")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    double seconds;
    if (!toDouble(space, args[0], seconds)) return Ref();
    if (seconds < 0) return space.raise(space.types().ValueError, "sleep length must be non-negative");
    const Nanos d = Nanos(std::llround(seconds * 1e9));
    if (EventLoop* loop = st.loop()) {
        st.syncClock(*loop);
        loop->block(d);
        st.syncClock(*loop);
        return Ref::none();
    }
    st.vm.advanceClock(d);
    return Ref::none();
}

Ref asyncioCreateTask(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"create_task", {"coro", "name"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (!isCoroutine(st.vm, a[0])) {
        std::string r;
        reprString(space, a[0], r);
        return space.raise(space.types().TypeError, "a coroutine was expected, got " + r);
    }
    EventLoop* loop = st.requireLoop();
    if (!loop) return Ref();
    return st.createTask(*loop, a[0], optionalText(space, a[1]));
}

Ref asyncioEnsureFuture(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"ensure_future", {"coro_or_future", "loop"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (st.payloadOf(a[0])) return Ref::borrow(a[0]);
    EventLoop* loop = a[1] && !a[1].isNone() ? loopOf(st, a[1]) : loopForCall(st);
    if (!loop) return Ref();
    return ensureFutureIn(st, *loop, a[0]);
}

struct GatherState {
    std::vector<Ref> children;
    std::size_t remaining = 0;
    bool returnExceptions = false;
};

Ref asyncioGather(ObjectSpace& space, Value self, const CallArgs& args)
{
    AsyncioState& st = *stateOfModuleFn(space, self);
    bool returnExceptions = false;
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        if (strView(args.keywordName(k)) != "return_exceptions")
            return space.raise(space.types().TypeError, "gather() got an unexpected keyword argument '" +
                                                            std::string(strView(args.keywordName(k))) + "'");
        returnExceptions = args.keywordValue(k).isTrue();
    }
    EventLoop* loop = loopForCall(st);
    if (!loop) return Ref();
    auto gs = std::make_shared<GatherState>();
    gs->returnExceptions = returnExceptions;
    for (std::size_t i = 0; i < args.positional; ++i) {
        Ref child;
        for (std::size_t j = 0; j < i && !child; ++j)
            if (args[j] == args[i]) child = gs->children[j];
        if (!child) child = ensureFutureIn(st, *loop, args[i]);
        if (!child) return Ref();
        gs->children.push_back(std::move(child));
    }
    coroscope::Ref<PyFuture> outer = PyFuture::create(*loop);
    AsyncioState* stp = &st;
    auto finish = [stp, gs, outer]() {
        ObjectSpace& sp = stp->vm.space();
        Ref list = newList(sp);
        for (Ref& c : gs->children) {
            FuturePayload* p = stp->payloadOf(c.get());
            std::exception_ptr e = p->future->cancelled() ? p->future->makeCancelledError() : p->future->exception();
            Ref item = e ? stp->fromCore(e) : p->typed->result();
            listAppend(sp, list.as<ListObject>(), item.get());
        }
        outer->setResult(std::move(list));
    };
    gs->remaining = gs->children.size();
    if (gs->children.empty()) {
        finish();
        return st.objectOf(*outer);
    }
    Ref outerObj = st.objectOf(*outer);
    if (!outerObj) return Ref();
    st.payloadOf(outerObj.get())->gatherChildren = gs->children;
    std::vector<FutureBase*> seen;
    for (Ref& c : gs->children) {
        FutureBase* f = st.payloadOf(c.get())->future.get();
        bool dup = false;
        for (FutureBase* s : seen) dup = dup || s == f;
        if (dup) {
            --gs->remaining;
            continue;
        }
        seen.push_back(f);
    }
    for (FutureBase* f : seen) {
        f->addDoneCallback([stp, gs, outer, finish](FutureBase* done) {
            --gs->remaining;
            if (outer->done()) {
                if (!done->cancelled()) (void)done->exception();
                return;
            }
            if (!gs->returnExceptions) {
                if (done->cancelled()) {
                    outer->setException(done->makeCancelledError());
                    return;
                }
                if (std::exception_ptr e = done->exception()) {
                    outer->setException(e);
                    return;
                }
            }
            if (gs->remaining == 0) finish();
        });
    }
    return outerObj;
}

Ref asyncioCurrentTask(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = st.requireLoop();
    if (!loop) return Ref();
    TaskBase* t = loop->currentTask();
    if (!t) return Ref::none();
    return st.objectOf(t->future());
}

Ref asyncioAllTasks(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = st.requireLoop();
    if (!loop) return Ref();
    Ref set = callFunction(space, Value::fromObject(space.types().setType), {});
    if (!set) return Ref();
    for (TaskBase* t : loop->allTasks()) {
        if (t->done()) continue;
        Ref obj = st.objectOf(t->future());
        if (!obj || !callMethod(space, set.get(), "add", {obj.get()})) return Ref();
    }
    return set;
}

Ref asyncioIsCoroutine(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "iscoroutine")) return Ref();
    Vm& vm = stateOfModuleFn(space, self)->vm;
    // CPython 3.11 counts generators too (generator-based coroutines).
    const bool generator = args[0].isObject() && args[0].object()->m_type == vm.vmTypes().generator.get();
    return Ref::boolean(generator || isCoroutine(vm, args[0]));
}

Ref asyncioIsCoroutineFunction(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "iscoroutinefunction")) return Ref();
    (void)self;
    Ref code = getAttrOptional(space, args[0], space.intern("__code__"));
    if (!code) {
        space.clearError();
        return Ref::boolean(false);
    }
    Ref flags = getAttrOptional(space, code.get(), space.intern("co_flags"));
    std::int64_t f = 0;
    if (!flags || !asInt64(space, flags.get(), f)) {
        space.clearError();
        return Ref::boolean(false);
    }
    return Ref::boolean((f & 0x80) != 0);
}

Ref asyncioGetRunningLoop(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (!st.runningLoop) return space.raise(space.types().RuntimeError, "no running event loop");
    return st.runningLoop;
}

Ref asyncioGetEventLoop(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (st.runningLoop) return st.runningLoop;
    if (!st.currentLoop) {
        st.currentLoop = makeLoopObject(st);
        if (!st.currentLoop) return Ref();
    }
    return st.currentLoop;
}

Ref asyncioNewEventLoop(ObjectSpace& space, Value self, const CallArgs&)
{
    return makeLoopObject(*stateOfModuleFn(space, self));
}

Ref asyncioSetEventLoop(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_event_loop")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    st.currentLoop = args[0].isNone() ? Ref() : Ref::borrow(args[0]);
    return Ref::none();
}


/// Copies the outcome of `from` into `to` (when `to` is still pending).
void copyOutcome(FutureBase& from, PyFuture& to)
{
    if (to.done()) return;
    if (from.cancelled()) {
        to.cancel(from.cancelMessage());
        return;
    }
    if (std::exception_ptr e = from.exception()) {
        to.setException(e);
        return;
    }
    to.setResult(static_cast<PyFuture&>(from).result());
}

Ref asyncioWait(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"wait", {"fs", "timeout", "return_when"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = loopForCall(st);
    if (!loop) return Ref();
    std::string when = "ALL_COMPLETED";
    if (a[2]) {
        when.clear();
        if (!strString(space, a[2], when)) return Ref();
    }
    if (when != "ALL_COMPLETED" && when != "FIRST_COMPLETED" && when != "FIRST_EXCEPTION")
        return space.raise(space.types().ValueError, "Invalid return_when value: " + when);
    auto children = std::make_shared<std::vector<Ref>>();
    bool warned = false;
    bool ok = forEach(space, a[0], [&](Value v) {
        if (isCoroutine(st.vm, v) && !warned) {
            warned = true;
            st.vm.warn("DeprecationWarning",
                       "The explicit passing of coroutine objects to asyncio.wait() is deprecated since Python "
                       "3.8, and scheduled for removal in Python 3.11.",
                       WarningKind::Deprecated);
        }
        Ref f = ensureFutureIn(st, *loop, v);
        if (!f) return false;
        for (const Ref& c : *children)
            if (c.get() == f.get()) return true;
        children->push_back(std::move(f));
        return true;
    });
    if (!ok) return Ref();
    if (children->empty()) return space.raise(space.types().ValueError, "Set of Tasks/Futures is empty.");
    coroscope::Ref<PyFuture> outer = PyFuture::create(*loop);
    AsyncioState* stp = &st;
    auto finish = [stp, children, outer]() {
        if (outer->done()) return;
        ObjectSpace& sp = stp->vm.space();
        Ref done = callFunction(sp, Value::fromObject(sp.types().setType), {});
        Ref pending = callFunction(sp, Value::fromObject(sp.types().setType), {});
        for (const Ref& c : *children) {
            FuturePayload* p = stp->payloadOf(c.get());
            callMethod(sp, (p->future->done() ? done : pending).get(), "add", {c.get()});
        }
        Ref pair = newTupleOf(sp, {done.get(), pending.get()});
        outer->setResult(std::move(pair));
    };
    auto check = [stp, children, when]() {
        std::size_t doneCount = 0;
        for (const Ref& c : *children) {
            FuturePayload* p = stp->payloadOf(c.get());
            if (!p->future->done()) continue;
            ++doneCount;
            if (when == "FIRST_COMPLETED") return true;
            if (when == "FIRST_EXCEPTION" && !p->future->cancelled() && p->future->exception()) return true;
        }
        return doneCount == children->size();
    };
    if (check()) {
        finish();
        return st.objectOf(*outer);
    }
    for (const Ref& c : *children)
        st.payloadOf(c.get())->future->addDoneCallback([check, finish](FutureBase*) {
            if (check()) finish();
        });
    if (a[1] && !a[1].isNone()) {
        double timeout;
        if (!toDouble(space, a[1], timeout)) return Ref();
        loop->callLater(Nanos(std::llround(std::max(0.0, timeout) * 1e9)), [finish](FutureBase*) { finish(); });
    }
    return st.objectOf(*outer);
}

Ref asyncioWaitFor(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"wait_for", {"fut", "timeout"}, 2}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = loopForCall(st);
    if (!loop) return Ref();
    Ref inner = ensureFutureIn(st, *loop, a[0]);
    if (!inner) return Ref();
    if (a[1].isNone()) return inner;
    double timeout;
    if (!toDouble(space, a[1], timeout)) return Ref();
    coroscope::Ref<FutureBase> in(st.payloadOf(inner.get())->future);
    coroscope::Ref<PyFuture> outer = PyFuture::create(*loop);
    auto timedOut = std::make_shared<bool>(false);
    in->addDoneCallback([outer, timedOut](FutureBase* f) {
        if (outer->done()) return;
        if (*timedOut && f->cancelled()) {
            outer->setException(std::make_exception_ptr(coroscope::TimeoutError()));
            return;
        }
        copyOutcome(*f, *outer);
    });
    loop->callLater(Nanos(std::llround(std::max(0.0, timeout) * 1e9)), [in, outer, timedOut](FutureBase*) {
        if (in->done() || outer->done()) return;
        *timedOut = true;
        in->cancel();
    });
    return st.objectOf(*outer);
}

Ref asyncioShield(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "shield")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = loopForCall(st);
    if (!loop) return Ref();
    Ref inner = ensureFutureIn(st, *loop, args[0]);
    if (!inner) return Ref();
    FutureBase& in = *st.payloadOf(inner.get())->future;
    if (in.done()) return inner;
    coroscope::Ref<PyFuture> outer = PyFuture::create(*loop);
    Ref keep = inner;
    in.addDoneCallback([outer, keep](FutureBase* f) {
        if (outer->cancelled()) {
            if (!f->cancelled()) (void)f->exception();
            return;
        }
        copyOutcome(*f, *outer);
    });
    return st.objectOf(*outer);
}

/// A pylite Handle over a core timer/callback handle.
class HandlePayload final : public detail::NativePayload {
public:
    HandleRef handle;
};

Ref handleCancel(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    Value box = dictGetStr(space, instanceDict(space, self), "__handle_core__");
    auto* p = box ? static_cast<HandlePayload*>(detail::nativePayload(space, st.boxType.get(), box)) : nullptr;
    if (p && p->handle) p->handle->cancel();
    return Ref::none();
}

Ref handleCancelled(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    Value box = dictGetStr(space, instanceDict(space, self), "__handle_core__");
    auto* p = box ? static_cast<HandlePayload*>(detail::nativePayload(space, st.boxType.get(), box)) : nullptr;
    return Ref::boolean(p && p->handle && p->handle->cancelled());
}

// ------------------------------------------------------------------ loop

Ref loopRunUntilComplete(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "run_until_complete")) return Ref();
    AsyncioState& st = *stateOfType(space, self);
    EventLoop* loop = loopOf(st, self);
    if (!loop) return space.raise(space.types().RuntimeError, "Event loop is closed");
    if (loop->isClosed()) return space.raise(space.types().RuntimeError, "Event loop is closed");
    if (st.runningLoop) return space.raise(space.types().RuntimeError, "This event loop is already running");
    Ref fut = ensureFutureIn(st, *loop, args[0]);
    if (!fut) return Ref();
    FuturePayload* p = st.payloadOf(fut.get());
    if (!runUntil(st, self, *p->future)) return Ref();
    return guarded(st, [&] { return p->typed->result(); });
}

Ref loopCreateTask(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"create_task", {"coro", "name"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfType(space, self);
    EventLoop* loop = loopOf(st, self);
    if (!isCoroutine(st.vm, a[0])) return space.raise(space.types().TypeError, "a coroutine was expected");
    return st.createTask(*loop, a[0], optionalText(space, a[1]));
}

Ref loopCreateFuture(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    coroscope::Ref<PyFuture> f = PyFuture::create(*loopOf(st, self));
    return st.objectOf(*f);
}

Ref loopTime(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    return newFloat(space, loopOf(st, self)->time());
}

Ref scheduleCall(ObjectSpace& space, Value self, const CallArgs& args, std::size_t skip, Nanos when, bool timed)
{
    AsyncioState* st = stateOfType(space, self);
    EventLoop* loop = loopOf(*st, self);
    if (loop->isClosed()) return space.raise(space.types().RuntimeError, "Event loop is closed");
    Ref fn = Ref::borrow(args[skip]);
    Ref rest = newTupleFrom(space, args.values + skip + 1, std::int64_t(args.positional - skip - 1));
    if (!rest) return Ref();
    auto cb = [st, fn, rest](FutureBase*) {
        ObjectSpace& sp = st->vm.space();
        TupleObject* t = rest.as<TupleObject>();
        Ref r = call(sp, fn.get(), CallArgs(t->items(), std::size_t(t->m_size)));
        if (!r) {
            Ref exc = sp.takeError();
            st->vm.write(Stream::Stderr, "Exception in callback\n");
            st->vm.printException(exc.get());
        }
    };
    auto payload = std::make_unique<HandlePayload>();
    payload->handle = timed ? loop->callAt(when, std::move(cb)) : loop->callSoon(std::move(cb));
    Ref obj = callFunction(space, (timed ? st->timerHandleType : st->handleType).get(), {});
    if (!obj) return Ref();
    Ref box = detail::newNativeBox(space, st->boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, obj.get()), "__handle_core__", box.get())) return Ref();
    return obj;
}

Ref loopCallSoon(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 1) return space.raise(space.types().TypeError, "call_soon() missing callback");
    return scheduleCall(space, self, args, 0, 0, false);
}

Ref loopCallLater(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 2) return space.raise(space.types().TypeError, "call_later() missing arguments");
    double delay;
    if (!toDouble(space, args[0], delay)) return Ref();
    AsyncioState& st = *stateOfType(space, self);
    const Nanos when = loopOf(st, self)->now() + Nanos(std::llround(std::max(0.0, delay) * 1e9));
    return scheduleCall(space, self, args, 1, when, true);
}

Ref loopCallAt(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 2) return space.raise(space.types().TypeError, "call_at() missing arguments");
    double when;
    if (!toDouble(space, args[0], when)) return Ref();
    return scheduleCall(space, self, args, 1, Nanos(std::llround(when * 1e9)), true);
}

Ref loopClose(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    if (st.runningLoop && st.runningLoop.get() == self)
        return space.raise(space.types().RuntimeError, "Cannot close a running event loop");
    return guarded(st, [&] {
        loopOf(st, self)->close();
        return Ref::none();
    });
}

Ref loopIsClosed(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    return Ref::boolean(loopOf(st, self)->isClosed());
}

Ref loopRunForever(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    EventLoop* loop = loopOf(st, self);
    if (st.runningLoop) return space.raise(space.types().RuntimeError, "This event loop is already running");
    st.runningLoop = Ref::borrow(self);
    Ref r = guarded(st, [&] {
        loop->runForever();
        return Ref::none();
    });
    st.runningLoop.reset();
    st.syncClock(*loop);
    return r;
}

Ref loopStop(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    loopOf(st, self)->stop();
    return Ref::none();
}

Ref loopIsRunning(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfType(space, self);
    return Ref::boolean(st.runningLoop && st.runningLoop.get() == self);
}

// ----------------------------------------------------------------- setup

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

Ref createAsyncioModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    Ref module = newModule(space, "asyncio");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    Ref moduleName = newStr(space, "asyncio");

    Ref stateType = detail::newNativeBoxType(space, "asyncio_state");
    Ref boxType = detail::newNativeBoxType(space, "asyncio_core");
    if (!stateType || !boxType) return Ref();
    auto owned = std::make_unique<AsyncioState>(vm);
    AsyncioState* st = owned.get();
    Ref stateBox = detail::newNativeBox(space, stateType.get(), std::move(owned));
    if (!stateBox) return Ref();
    st->boxType = boxType;
    dictSetStr(space, d, kStateKey, stateBox.get());

    const Value object = Value::fromObject(space.types().objectType);
    st->futureType = makeClass(space, "Future", object, "asyncio", st);
    if (!st->futureType) return Ref();
    auto* ft = st->futureType.as<TypeObject>();
    addMethods(space, ft,
               {{"__init__", futureInit}, {"result", futureResult}, {"exception", futureException},
                {"done", futureDone}, {"cancelled", futureCancelled}, {"cancel", futureCancel},
                {"set_result", futureSetResult}, {"set_exception", futureSetException},
                {"add_done_callback", futureAddDoneCallback}, {"__await__", futureAwait}, {"__iter__", futureAwait}});
    updateSlots(space, ft);
    ft->m_slots.repr = futureRepr;
    st->taskType = makeClass(space, "Task", st->futureType.get(), "asyncio", st);
    if (!st->taskType) return Ref();
    addMethods(space, st->taskType.as<TypeObject>(), {{"get_name", taskGetName}, {"set_name", taskSetName}});
    st->iterType = makeClass(space, "FutureIter", object, "asyncio", st);
    if (!st->iterType) return Ref();
    auto* it = st->iterType.as<TypeObject>();
    addMethods(space, it, {{"__next__", iterNextFn}, {"send", iterSend}, {"__iter__", iterSelf}, {"__await__", iterSelf}});
    updateSlots(space, it);
    // The generic __next__ dispatcher would turn StopIteration into "exhausted"
    // and drop its value; the VM's SEND reads the value when it stays pending.
    it->m_slots.next = iterNextSlot;
    st->loopType = makeClass(space, "_UnixSelectorEventLoop", object, "asyncio.unix_events", st);
    if (!st->loopType) return Ref();
    addMethods(space, st->loopType.as<TypeObject>(),
               {{"run_until_complete", loopRunUntilComplete}, {"create_task", loopCreateTask},
                {"create_future", loopCreateFuture}, {"time", loopTime}, {"call_soon", loopCallSoon},
                {"call_later", loopCallLater}, {"call_at", loopCallAt}, {"close", loopClose},
                {"is_closed", loopIsClosed}, {"is_running", loopIsRunning}, {"run_forever", loopRunForever},
                {"stop", loopStop}});
    st->handleType = makeClass(space, "Handle", object, "asyncio.events", st);
    if (!st->handleType) return Ref();
    addMethods(space, st->handleType.as<TypeObject>(), {{"cancel", handleCancel}, {"cancelled", handleCancelled}});
    st->timerHandleType = makeClass(space, "TimerHandle", st->handleType.get(), "asyncio.events", st);
    if (!st->timerHandleType) return Ref();
    st->cancelledType = makeClass(space, "CancelledError", Value::fromObject(space.types().BaseException),
                                  "asyncio.exceptions", nullptr);
    st->invalidStateType = makeClass(space, "InvalidStateError", Value::fromObject(space.types().Exception),
                                     "asyncio.exceptions", nullptr);
    if (!st->cancelledType || !st->invalidStateType) return Ref();

    dictSetStr(space, d, "Future", st->futureType.get());
    dictSetStr(space, d, "Task", st->taskType.get());
    dictSetStr(space, d, "CancelledError", st->cancelledType.get());
    dictSetStr(space, d, "InvalidStateError", st->invalidStateType.get());
    dictSetStr(space, d, "TimeoutError", Value::fromObject(space.types().TimeoutError));
    for (const char* when : {"ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"}) {
        Ref text = newStr(space, when);
        if (!text || !dictSetStr(space, d, when, text.get())) return Ref();
    }
    const std::pair<const char*, NativeFn> fns[] = {
        {"run", asyncioRun},
        {"sleep", asyncioSleep},
        {"create_task", asyncioCreateTask},
        {"ensure_future", asyncioEnsureFuture},
        {"gather", asyncioGather},
        {"current_task", asyncioCurrentTask},
        {"all_tasks", asyncioAllTasks},
        {"iscoroutine", asyncioIsCoroutine},
        {"iscoroutinefunction", asyncioIsCoroutineFunction},
        {"get_running_loop", asyncioGetRunningLoop},
        {"get_event_loop", asyncioGetEventLoop},
        {"new_event_loop", asyncioNewEventLoop},
        {"set_event_loop", asyncioSetEventLoop},
        {"wait", asyncioWait},
        {"wait_for", asyncioWaitFor},
        {"shield", asyncioShield},
    };
    for (const auto& [name, fn] : fns) {
        Ref f = newBuiltinFunction(space, name, fn, stateBox.get(), moduleName.get());
        if (!f || !dictSetStr(space, d, name, f.get())) return Ref();
    }
    if (!detail::addSyncPrimitives(*st, d)) return Ref();
    if (!detail::addTimeouts(*st, d, stateBox.get())) return Ref();
    // time.sleep must know about the running loop: replace it in the time module.
    Ref time = vm.importModule("time");
    if (!time) return Ref();
    Ref timeName = newStr(space, "time");
    Ref sleep = newBuiltinFunction(space, "sleep", timeSleepAware, stateBox.get(), timeName.get());
    if (!sleep || !dictSetStr(space, moduleDict(time.get()), "sleep", sleep.get())) return Ref();
    return module;
}

} // namespace coroscope::pylite
