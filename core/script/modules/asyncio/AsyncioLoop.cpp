// The pylite event-loop object (asyncio.get_event_loop() & co.) and its
// Handle / TimerHandle, over the core EventLoop.

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
#include "core/script/vm/Frame.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <cmath>
#include <vector>

namespace coroscope::pylite::detail {

namespace {

/// A pylite Handle over a core timer/callback handle.
class HandlePayload final : public NativePayload {
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
    if (!runLoopUntil(st, self, *p->future)) return Ref();
    return guarded(st, [&] { return p->typed()->result(); });
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
    Ref r;
    {
        LoopEntry entry(st, nullptr);
        r = guarded(st, [&] {
            loop->runForever();
            return Ref::none();
        });
    }
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

} // namespace

bool addLoopClasses(AsyncioState& st)
{
    ObjectSpace& space = st.vm.space();
    const Value object = Value::fromObject(space.types().objectType);
    st.loopType = makeClass(space, "_UnixSelectorEventLoop", object, "asyncio.unix_events", &st);
    if (!st.loopType) return false;
    addMethods(space, st.loopType.as<TypeObject>(),
               {{"run_until_complete", loopRunUntilComplete}, {"create_task", loopCreateTask},
                {"create_future", loopCreateFuture}, {"time", loopTime}, {"call_soon", loopCallSoon},
                {"call_later", loopCallLater}, {"call_at", loopCallAt}, {"close", loopClose},
                {"is_closed", loopIsClosed}, {"is_running", loopIsRunning}, {"run_forever", loopRunForever},
                {"stop", loopStop}, {"run_in_executor", runInExecutor}});
    st.handleType = makeClass(space, "Handle", object, "asyncio.events", &st);
    if (!st.handleType) return false;
    addMethods(space, st.handleType.as<TypeObject>(), {{"cancel", handleCancel}, {"cancelled", handleCancelled}});
    st.timerHandleType = makeClass(space, "TimerHandle", st.handleType.get(), "asyncio.events", &st);
    return bool(st.timerHandleType);
}

} // namespace coroscope::pylite::detail
