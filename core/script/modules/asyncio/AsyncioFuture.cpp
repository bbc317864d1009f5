// asyncio.Future, asyncio.Task and the iterator their __await__ returns,
// over the core Future<pylite::Ref> / Task<pylite::Ref> (see AsyncioState.h).

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

} // namespace

bool addFutureClasses(AsyncioState& st)
{
    ObjectSpace& space = st.vm.space();
    const Value object = Value::fromObject(space.types().objectType);
    st.futureType = makeClass(space, "Future", object, "asyncio", &st);
    if (!st.futureType) return false;
    auto* ft = st.futureType.as<TypeObject>();
    addMethods(space, ft,
               {{"__init__", futureInit}, {"result", futureResult}, {"exception", futureException},
                {"done", futureDone}, {"cancelled", futureCancelled}, {"cancel", futureCancel},
                {"set_result", futureSetResult}, {"set_exception", futureSetException},
                {"add_done_callback", futureAddDoneCallback}, {"__await__", futureAwait}, {"__iter__", futureAwait}});
    updateSlots(space, ft);
    ft->m_slots.repr = futureRepr;
    st.taskType = makeClass(space, "Task", st.futureType.get(), "asyncio", &st);
    if (!st.taskType) return false;
    addMethods(space, st.taskType.as<TypeObject>(), {{"get_name", taskGetName}, {"set_name", taskSetName}});
    st.iterType = makeClass(space, "FutureIter", object, "asyncio", &st);
    if (!st.iterType) return false;
    auto* it = st.iterType.as<TypeObject>();
    addMethods(space, it, {{"__next__", iterNextFn}, {"send", iterSend}, {"__iter__", iterSelf}, {"__await__", iterSelf}});
    updateSlots(space, it);
    // The generic __next__ dispatcher would turn StopIteration into "exhausted"
    // and drop its value; the VM's SEND reads the value when it stays pending.
    it->m_slots.next = iterNextSlot;
    return true;
}

} // namespace coroscope::pylite::detail
