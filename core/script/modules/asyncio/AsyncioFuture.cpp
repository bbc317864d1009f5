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
#include <utility>
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
    if (!st->attachPayload(self.object(), coroscope::Ref<FutureBase>(f))) return Ref();
    return Ref::none();
}

Ref futureResult(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "result")) return Ref();
    FuturePayload* p = futureOf(space, self);
    if (!p) return Ref();
    return guarded(*p->state, [&] { return p->typed()->result(); });
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
    auto gather = p->future->done() ? p->state->gathers.end() : p->state->gathers.find(p->future.get());
    if (gather != p->state->gathers.end()) {
        // _GatheringFuture.cancel: cancel the children; the gather ends
        // with their CancelledError.
        std::vector<Ref> children = gather->second->children;
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
        p->typed()->setResult(Ref::borrow(args[0]));
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

/// The payload of an object of exactly Future or Task (constructed or not).
FuturePayload* inlinePayload(Object* o)
{
    return reinterpret_cast<FuturePayload*>(reinterpret_cast<char*>(o) + AsyncioState::kInlinePayloadOffset);
}

Value& dictSlot(Object* o) { return *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->m_type->m_dictOffset); }

/// Destroy and clear slots of Future and Task: the inline payload goes
/// (releasing the core future), then the dict. Clearing twice is harmless.
void futureObjectClear(ObjectSpace&, Object* o)
{
    FuturePayload* p = inlinePayload(o);
    if (p->state) {
        p->~FuturePayload();
        p->state = nullptr;
    }
    clearField(dictSlot(o));
}

/// The payload's coroutine is not visited, as when it lived in a box.
void futureObjectTraverse(Object* o, VisitFn visit, void* ctx)
{
    visit(Value::fromObject(o->m_type), ctx);
    visit(dictSlot(o), ctx);
}

void setFutureObjectSlots(TypeObject* t)
{
    t->m_slots.destroy = futureObjectClear;
    t->m_slots.clear = futureObjectClear;
    t->m_slots.traverse = futureObjectTraverse;
}

// ------------------------------------------------------ await iterator

/// The fields of a FutureIter (what Future.__await__ and asyncio.sleep()
/// return), stored after the instance's header and dict slot: an await
/// steps it without any dict lookup. FutureIter is not subclassable, so the
/// fields always end the object.
struct AwaitFields {
    AsyncioState* state; ///< the module state (outlives every iterator)
    Value fut;           ///< owned: the future awaited (a sleep's timer future once started)
    Value result;        ///< owned: the sleep's result
    union {
        double delay;    ///< the sleep's delay in seconds, until its timer starts
        Handle* timer;   ///< hasTimer: counted, the started sleep's timer, cancelled when the sleep dies unfinished
    };
    bool isSleep;        ///< made by asyncio.sleep()
    bool yielded;        ///< it has yielded once
    bool hasTimer;       ///< `timer` is set (else `delay`)
};
static_assert(sizeof(AwaitFields) == 40);

/// The fields of what `await future` makes (Future.__await__): only the
/// future and whether it yielded it; the module state is found from the
/// type. 32 bytes with the object header, one per parked task.
struct FutureAwaitFields {
    Value fut;    ///< owned: the future awaited
    bool yielded; ///< it has yielded the future once
};
static_assert(sizeof(FutureAwaitFields) == 16);

FutureAwaitFields& futureAwaitFieldsOf(Object* o)
{
    return *reinterpret_cast<FutureAwaitFields*>(reinterpret_cast<char*>(o) + sizeof(Object));
}

AwaitFields& fieldsOf(Object* o)
{
    return *reinterpret_cast<AwaitFields*>(reinterpret_cast<char*>(o) + o->m_type->m_basicSize - sizeof(AwaitFields));
}

/// The iterator's dict slot (null for Future.__await__'s iterators, which have none).
Value iterDict(Object* o)
{
    const std::uint32_t at = o->m_type->m_dictOffset;
    return at ? *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + at) : Value();
}

void iterDestroy(ObjectSpace&, Object* o)
{
    AwaitFields& a = fieldsOf(o);
    // CPython's sleep cancels its timer in a finally block: a sleep dropped
    // before its timer fired (its task was cancelled) leaves no timer behind.
    if (a.hasTimer) {
        a.hasTimer = false;
        Handle* timer = std::exchange(a.timer, nullptr);
        timer->cancel();
        timer->unref();
    }
    clearField(a.fut);
    clearField(a.result);
    if (const std::uint32_t at = o->m_type->m_dictOffset) clearField(*reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + at));
}

void iterTraverse(Object* o, VisitFn visit, void* ctx)
{
    AwaitFields& a = fieldsOf(o);
    visit(Value::fromObject(o->m_type), ctx);
    visit(iterDict(o), ctx);
    visit(a.fut, ctx);
    visit(a.result, ctx);
}

void iterClear(ObjectSpace& space, Object* o) { iterDestroy(space, o); }

Ref newAwaitIter(AsyncioState& st, Value fut, const Ref& type)
{
    auto* t = static_cast<TypeObject*>(type.get().object());
    Object* o = st.vm.space().heap().allocObject(t, t->m_basicSize);
    if (!o) return Ref();
    AwaitFields& a = fieldsOf(o);
    a.state = &st;
    incref(fut);
    a.fut = fut;
    return Ref::steal(o);
}

Ref futureAwait(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState* st = stateOfType(space, self);
    if (!st) return Ref();
    auto* t = static_cast<TypeObject*>(st->awaitIterType.get().object());
    Object* o = space.heap().allocObject(t, t->m_basicSize);
    if (!o) return Ref();
    FutureAwaitFields& a = futureAwaitFieldsOf(o);
    incref(self);
    a.fut = self;
    return Ref::steal(o);
}

void futureAwaitDestroy(ObjectSpace&, Object* o) { clearField(futureAwaitFieldsOf(o).fut); }

/// "quick() running at main.py:2" / "quick() done, defined at main.py:2".
std::string coroText(AsyncioState& st, Value coro, bool done)
{
    if (coro && coro.isObject() && coro.object()->m_type == st.iterType.get().object()) {
        Value name = dictGetStr(st.vm.space(), instanceDict(st.vm.space(), coro), "name");
        return name ? std::string(strView(name)) + "()" : "sleep()";
    }
    if (!coro || !coro.isObject() ||
        (coro.object()->m_type != st.vm.vmTypes().coroutine.get() &&
         coro.object()->m_type != st.vm.vmTypes().generator.get()))
        return "sleep()";
    auto* gen = static_cast<GeneratorObject*>(coro.object());
    std::string text(strView(generatorQualname(gen)));
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
    return newStr(space, detail::futureText(*p->state, *p->future, p->coro.get(), AsyncioState::knownError(*p->future)));
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

// ------------------------------------------------------ await iterator (steps)

/// A step of an iterator awaiting `fut`: yields the future while it is
/// pending (once, unless `mayRepeat`: a sleep's timer future), then ends with
/// its result. `slot`: as in iterStep.
Ref stepFuture(AsyncioState& st, Value fut, bool& yielded, bool mayRepeat, bool slot)
{
    ObjectSpace& space = st.vm.space();
    FuturePayload* p = st.payloadOf(fut);
    if (!p) return space.raise(space.types().RuntimeError, "await on a non-future");
    if (!p->future->done()) {
        if (yielded && !mayRepeat) return space.raise(space.types().RuntimeError, "await wasn't used with future");
        yielded = true;
        return Ref::borrow(fut);
    }
    Ref r = guarded(st, [&] { return p->typed()->result(); });
    if (!r) return Ref();
    if (slot && r.get().isNone()) return Ref();
    return raiseStop(space, r.get());
}

/// One step of the iterator. `slot`: called as the next slot, where an end
/// with a None result may return null without StopIteration (the VM's SEND
/// reads that as "done, None"), sparing the exception object.
Ref iterStep(ObjectSpace& space, Value self, bool slot)
{
    AwaitFields& a = fieldsOf(self.object());
    // Made by calling the class (asyncio.wait): the state is found once.
    if (!a.state) a.state = stateOfType(space, self);
    AsyncioState* st = a.state;
    if (!st) return space.raise(space.types().RuntimeError, "await on a non-future");
    if (!a.fut && !a.isSleep) {
        // An iterator with a "start" callable in its dict (asyncio.wait): the
        // first step calls it for the future to await.
        Value dict = iterDict(self.object());
        Value start = dict ? dictGetStr(space, asDict(dict), "start") : Value();
        if (start) {
            Ref fut = callFunction(space, start, {});
            if (!fut) return Ref();
            assignField(a.fut, fut.get());
        }
    }
    if (!a.fut) {
        // asyncio.sleep(delay): the timer starts when the sleep is first stepped.
        const double seconds = a.delay;
        if (a.yielded || seconds <= 0) {
            if (!a.yielded) {
                a.yielded = true;
                return Ref::none();
            }
            if (slot && a.result.isNone()) return Ref();
            return raiseStop(space, a.result ? a.result : Value::none());
        }
        EventLoop* loop = st->requireLoop();
        if (!loop) return Ref();
        coroscope::Ref<PyFuture> f = PyFuture::create(*loop);
        f->setWaitTag(WaitKind::Timer, 0);
        Ref keep = Ref::borrow(a.result ? a.result : Value::none());
        HandleRef timer = loop->callLater(Nanos(std::llround(seconds * 1e9)), [f, keep](FutureBase*) {
            if (!f->done()) f->setResult(keep);
        });
        a.timer = timer.get();
        a.timer->ref();
        a.hasTimer = true;
        Ref obj = st->objectOf(*f);
        if (!obj) return Ref();
        Heap& heap = space.heap();
        if (!heap.isTracked(self.object())) heap.track(self.object());
        assignField(a.fut, obj.get());
        a.yielded = true;
        return obj;
    }
    return stepFuture(*st, a.fut, a.yielded, a.isSleep, slot);
}

/// A step of what `await future` made (futureAwait).
Ref futureAwaitStep(ObjectSpace& space, Value self, bool slot)
{
    AsyncioState* st = stateOfType(space, self);
    if (!st) return space.raise(space.types().RuntimeError, "await on a non-future");
    FutureAwaitFields& a = futureAwaitFieldsOf(self.object());
    return stepFuture(*st, a.fut, a.yielded, false, slot);
}

Ref iterNextFn(ObjectSpace& space, Value self, const CallArgs&) { return iterStep(space, self, false); }

Ref iterSend(ObjectSpace& space, Value self, const CallArgs& args)
{
    (void)args;
    return iterStep(space, self, false);
}

Ref iterNextSlot(ObjectSpace& space, Value self) { return iterStep(space, self, true); }

Ref iterSelf(ObjectSpace&, Value self, const CallArgs&) { return Ref::borrow(self); }

Ref futureAwaitNextFn(ObjectSpace& space, Value self, const CallArgs&) { return futureAwaitStep(space, self, false); }
Ref futureAwaitNextSlot(ObjectSpace& space, Value self) { return futureAwaitStep(space, self, true); }

} // namespace

Ref newSleepAwaitable(AsyncioState& st, double delay, Value result)
{
    Ref it = newAwaitIter(st, Value(), st.iterType);
    if (!it) return Ref();
    AwaitFields& a = fieldsOf(it.get().object());
    a.isSleep = true;
    a.delay = delay;
    incref(result);
    a.result = result;
    // Holding no collectable object, a sleep cannot be part of a cycle until
    // it starts its timer (iterStep tracks it then): the collector need not
    // see the million short-lived sleep(0) objects of a busy loop.
    if (!result.isObject() || !result.object()->m_type->has(TypeFlag::Gc))
        st.vm.space().heap().untrack(it.get().object());
    return it;
}

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
    // Room for the inline FuturePayload right after the dict slot; classes
    // derived later inherit the size (their objects keep the payload in a box).
    if (ft->m_basicSize != AsyncioState::kInlinePayloadOffset || ft->m_dictOffset != sizeof(Object)) {
        space.raise(space.types().SystemError, "asyncio.Future has an unexpected layout");
        return false;
    }
    ft->m_basicSize += std::uint32_t(sizeof(FuturePayload));
    setFutureObjectSlots(ft);
    st.taskType = makeClass(space, "Task", st.futureType.get(), "asyncio", &st);
    if (!st.taskType) return false;
    setFutureObjectSlots(st.taskType.as<TypeObject>());
    addMethods(space, st.taskType.as<TypeObject>(), {{"get_name", taskGetName}, {"set_name", taskSetName}});
    st.iterType = makeClass(space, "FutureIter", object, "asyncio", &st);
    if (!st.iterType) return false;
    auto* it = st.iterType.as<TypeObject>();
    addMethods(space, it, {{"__next__", iterNextFn}, {"send", iterSend}, {"__iter__", iterSelf}, {"__await__", iterSelf}});
    updateSlots(space, it);
    // The generic __next__ dispatcher would turn StopIteration into "exhausted"
    // and drop its value; the VM's SEND reads the value when it stays pending.
    it->m_slots.next = iterNextSlot;
    // Native fields after the dict slot (AwaitFields); never subclassed.
    it->m_basicSize += std::uint32_t(sizeof(AwaitFields));
    it->m_flags &= ~std::uint32_t(TypeFlag::BaseType);
    it->m_slots.destroy = iterDestroy;
    it->m_slots.traverse = iterTraverse;
    it->m_slots.clear = iterClear;

    // What `await future` makes, once per await: only the future and a flag
    // (FutureAwaitFields), no dict slot and no collector header: 32 bytes.
    // It holds only the future awaited, whose own references (its core
    // future, a task's coroutine) the collector does not see either, so the
    // only cycle it could hide runs through attributes a program stores in a
    // plain Future's __dict__ that lead back to the coroutine awaiting it.
    st.awaitIterType = makeClass(space, "FutureIter", object, "asyncio", &st);
    if (!st.awaitIterType) return false;
    auto* at = st.awaitIterType.as<TypeObject>();
    addMethods(space, at,
               {{"__next__", futureAwaitNextFn}, {"send", futureAwaitNextFn}, {"__iter__", iterSelf},
                {"__await__", iterSelf}});
    updateSlots(space, at);
    at->m_slots.next = futureAwaitNextSlot;
    at->m_flags &= ~(std::uint32_t(TypeFlag::BaseType) | std::uint32_t(TypeFlag::Gc));
    at->m_dictOffset = 0;
    at->m_basicSize = std::uint32_t(sizeof(Object) + sizeof(FutureAwaitFields));
    at->m_slots.destroy = futureAwaitDestroy;
    at->m_slots.traverse = nullptr;
    at->m_slots.clear = nullptr;
    return true;
}

} // namespace coroscope::pylite::detail
