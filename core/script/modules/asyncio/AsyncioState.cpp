#include "core/runtime/ForcedUnwind.h"
#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/modules/asyncio/AsyncioState.h"

#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Heap.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <algorithm>
#include <new>

namespace coroscope::pylite::detail {

namespace {

/// Drives a pylite coroutine for a core Task (CPython's Task.__step).
class PyCoroutine final : public ValueCoroutine<pylite::Ref> {
public:
    PyCoroutine(AsyncioState& state, EventLoop& loop, Value coro)
        : m_state(state)
        , m_loop(loop)
        , m_seen(state.loopSeen[&loop])
        , m_coro(pylite::Ref::borrow(coro))
    {
    }

    CoStep resume(std::exception_ptr thrown) override
    {
        ObjectSpace& space = m_state.vm.space();
        pylite::Ref injected;
        if (thrown) injected = m_state.fromCore(thrown);
        m_held.reset();
        // syncClock(loop()) without its lookups: a task steps only while its
        // own loop runs, and that loop is then the running loop.
        if (m_state.runningLoop && m_loop.now() > m_seen) {
            m_state.vm.advanceClock(m_loop.now() - m_seen);
            m_seen = m_loop.now();
        }
        // The coroutine's frames run on behalf of this task (for the trace).
        const Vm::ResumeCaller outer = m_state.vm.setResumeCaller(
            m_state.context.tracing()
                ? Vm::ResumeCaller{true, m_loop.context().tracing() ? runningTraceTask(m_state) : 0,
                                   m_state.vm.currentFrame()}
                : Vm::ResumeCaller{});
        ResumeResult r = step(injected);
        m_state.vm.setResumeCaller(outer);
        switch (r.kind) {
        case ResumeResult::Kind::Yielded:
            if (r.value.get().isNone()) return CoStep::yield();
            if (FuturePayload* p = m_state.payloadOf(r.value.get())) {
                m_held = std::move(r.value);
                return CoStep::await(*p->future);
            }
            {
                std::string text;
                reprString(space, r.value.get(), text);
                space.clearError();
                Ref exc = newExceptionWithMessage(space, space.types().RuntimeError, "Task got bad yield: " + text);
                return CoStep::raised(m_state.toCore(std::move(exc)));
            }
        case ResumeResult::Kind::Returned:
            m_held = std::move(r.value);
            return CoStep::returned();
        case ResumeResult::Kind::Raised:
            break;
        }
        pylite::Ref exc = space.takeError();
        const bool cancelled = m_state.cancelledType && isInstance(space, exc.get(), m_state.cancelledType.get()) == 1;
        if (!cancelled) {
            // Checked for "Task exception was never retrieved" when asyncio.run ends.
            if (TaskBase* task = m_loop.currentTask())
                m_state.records.push_back({coroscope::Ref<FutureBase>(&task->future()), m_coro});
        }
        if (m_state.context.tracing() && !cancelled) m_state.vm.traceException(runningTraceTask(m_state), exc.get());
        space.clearError();
        return CoStep::raised(m_state.toCore(std::move(exc)));
    }

    /// A new adapter in the pylite heap's small-block pool (null with
    /// MemoryError pending).
    static PyCoroutine* make(AsyncioState& state, EventLoop& loop, Value coro)
    {
        void* mem = state.vm.space().heap().allocBuffer(sizeof(PyCoroutine));
        return mem ? ::new (mem) PyCoroutine(state, loop, coro) : nullptr;
    }

    void destroy() override
    {
        Heap& heap = m_state.vm.space().heap();
        this->~PyCoroutine();
        heap.freeBuffer(this, sizeof(PyCoroutine));
    }

    /// Resumes the coroutine; objects that are not VM coroutines (the
    /// awaitables asyncio.sleep returns) are stepped through send().
    ResumeResult step(const pylite::Ref& injected)
    {
        Vm& vm = m_state.vm;
        ObjectSpace& space = vm.space();
        TypeObject* t = m_coro.get().object()->m_type;
        ResumeResult out;
        if (t == vm.vmTypes().coroutine.get() || t == vm.vmTypes().generator.get()) {
            if (!injected) return vm.resume(m_coro.get(), Value::none());
            // Task.__step's coro.throw(exc): delegated down the await chain,
            // so the innermost frame's except clauses see it first.
            return outcomeOf(space, vm.genThrow(m_coro.get(), injected.get()));
        }
        if (injected) {
            space.restoreError(injected);
            out.kind = ResumeResult::Kind::Raised;
            return out;
        }
        return outcomeOf(space, callMethod(space, m_coro.get(), "send", {Value::none()}));
    }

    /// What a send() or throw() gave: the value yielded, or, with null, the
    /// return value StopIteration carries, or the exception left pending.
    static ResumeResult outcomeOf(ObjectSpace& space, pylite::Ref r)
    {
        ResumeResult out;
        if (r) {
            out.kind = ResumeResult::Kind::Yielded;
            out.value = std::move(r);
        } else if (space.errorMatches(space.types().StopIteration)) {
            pylite::Ref exc = space.takeError();
            out.kind = ResumeResult::Kind::Returned;
            out.value = pylite::Ref::borrow(exceptionField(exc.get(), ExcField::StopIterationValue));
        } else {
            out.kind = ResumeResult::Kind::Raised;
        }
        return out;
    }
    /// The coroutine's __qualname__ ("sleep" for the awaitables asyncio.sleep returns).
    std::string_view name() const override
    {
        Value coro = m_coro.get();
        if (coro.isObject() && (coro.object()->m_type == m_state.vm.vmTypes().coroutine.get() ||
                                coro.object()->m_type == m_state.vm.vmTypes().generator.get())) {
            auto* gen = static_cast<GeneratorObject*>(coro.object());
            return strView(generatorQualname(gen));
        }
        return "sleep";
    }
    pylite::Ref takeResult() override { return std::move(m_held); }

private:
    AsyncioState& m_state;
    EventLoop& m_loop;
    Nanos& m_seen; ///< loopSeen's entry for m_loop (never erased)
    pylite::Ref m_coro;
    /// Suspended: the future awaited (kept alive while the task waits on it);
    /// returned: the result. One field, so 100,000 parked tasks hold 8 bytes less each.
    pylite::Ref m_held;
};

/// A FuturePayload kept in a native box (objects of classes other than
/// exactly Future and Task).
struct BoxedFuturePayload final : NativePayload {
    BoxedFuturePayload(AsyncioState& s, Object* o, coroscope::Ref<FutureBase> f) : payload(s, o, std::move(f)) {}
    FuturePayload payload;
};

} // namespace

FuturePayload::FuturePayload(AsyncioState& s, Object* o, coroscope::Ref<FutureBase> f)
    : state(&s)
    , owner(o)
    , future(std::move(f))
{
    future->setScriptObject(o);
}

FuturePayload::~FuturePayload()
{
    if (future && future->scriptObject() == owner) future->setScriptObject(nullptr);
}

AsyncioState::AsyncioState(Vm& v)
    : vm(v)
    , context(v.context() ? *v.context() : ownContext)
{
}

AsyncioState::~AsyncioState()
{
    gathers.clear();
    runningLoop.reset();
    currentLoop.reset();
}

void AsyncioState::syncClock(const EventLoop& l)
{
    Nanos& seen = loopSeen[&l];
    if (l.now() > seen) {
        vm.advanceClock(l.now() - seen);
        seen = l.now();
    }
}

void AsyncioState::reportUnretrieved()
{
    std::vector<TaskRecord> list = std::move(records);
    records.clear();
    std::stable_sort(list.begin(), list.end(), [](const TaskRecord& a, const TaskRecord& b) {
        return a.task->asTask()->taskId() < b.task->asTask()->taskId();
    });
    for (TaskRecord& r : list) {
        const Value error = knownError(*r.task);
        if (!r.task->done() || !r.task->hasUnretrievedException() || !error) continue;
        std::string text = "Task exception was never retrieved\nfuture: ";
        text += futureText(*this, *r.task, r.coro.get(), error);
        text += "\n";
        if (context.tracing()) {
            const std::size_t head = text.size() - 1;
            context.emit(Event{EventKind::Warning, std::uint8_t(WarningKind::ExceptionNeverRetrieved), 0,
                               r.task->asTask()->taskId(), 0, 0, context.text(std::string_view(text).substr(0, head))});
        }
        text += vm.formatException(error);
        vm.write(Stream::Stderr, text);
        vm.space().clearError();
    }
}

EventLoop* AsyncioState::loop() const
{
    if (!runningLoop) return nullptr;
    auto* p = static_cast<LoopPayload*>(
        nativePayload(vm.space(), boxType.get(), dictGetStr(vm.space(), instanceDict(vm.space(), runningLoop.get()),
                                                          "__loop_core__")));
    return p ? p->loop.get() : nullptr;
}

EventLoop* AsyncioState::requireLoop()
{
    EventLoop* l = loop();
    if (!l) vm.space().raise(vm.space().types().RuntimeError, "no running event loop");
    return l;
}

FuturePayload* AsyncioState::payloadOf(Value v)
{
    ObjectSpace& space = vm.space();
    if (!v.isObject()) return nullptr;
    TypeObject* t = space.typeOf(v);
    if (Value::fromObject(t) == futureType.get() || Value::fromObject(t) == taskType.get()) {
        auto* p = reinterpret_cast<FuturePayload*>(reinterpret_cast<char*>(v.object()) + kInlinePayloadOffset);
        return p->state ? p : nullptr;
    }
    if (!t->isSubtypeOf(static_cast<TypeObject*>(futureType.get().object()))) return nullptr;
    if (!t->m_dictOffset) return nullptr;
    Value dict = *reinterpret_cast<Value*>(reinterpret_cast<char*>(v.object()) + t->m_dictOffset);
    if (!dict) return nullptr;
    Value box = dictGetStr(space, asDict(dict), "__future_core__");
    auto* boxed = box ? static_cast<BoxedFuturePayload*>(nativePayload(space, boxType.get(), box)) : nullptr;
    return boxed ? &boxed->payload : nullptr;
}

FuturePayload* AsyncioState::attachPayload(Object* owner, coroscope::Ref<FutureBase> f)
{
    ObjectSpace& space = vm.space();
    const Value type = Value::fromObject(owner->m_type);
    if (type == futureType.get() || type == taskType.get()) {
        void* at = reinterpret_cast<char*>(owner) + kInlinePayloadOffset;
        auto* old = static_cast<FuturePayload*>(at);
        if (old->state) old->~FuturePayload();
        return ::new (at) FuturePayload(*this, owner, std::move(f));
    }
    auto boxed = std::make_unique<BoxedFuturePayload>(*this, owner, std::move(f));
    FuturePayload* p = &boxed->payload;
    Ref box = newNativeBox(space, boxType.get(), std::move(boxed));
    DictObject* d = instanceDict(space, Value::fromObject(owner));
    if (!box || !d || !dictSetStr(space, d, "__future_core__", box.get())) return nullptr;
    return p;
}

Value AsyncioState::knownError(const FutureBase& f)
{
    const std::exception_ptr& e = f.peekException();
    if (!e) return Value();
    try {
        std::rethrow_exception(e);
    } catch (const PyCancelledError& err) {
        return err.exception.get();
    } catch (const PyAsyncError& err) {
        return err.exception.get();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
    }
    return Value();
}

Ref AsyncioState::objectOf(FutureBase& f) { return objectOfType(f, Value()); }

Ref AsyncioState::objectOfType(FutureBase& f, Value type)
{
    ObjectSpace& space = vm.space();
    if (void* known = f.scriptObject()) return Ref::borrow(Value::fromObject(static_cast<Object*>(known)));
    TypeObject* t = static_cast<TypeObject*>(type ? type.object() : (f.isTask() ? taskType : futureType).get().object());
    Object* o = space.heap().allocObject(t, t->m_basicSize);
    if (!o) return Ref();
    Ref obj = Ref::steal(o);
    if (!attachPayload(o, coroscope::Ref<FutureBase>(&f))) return Ref();
    return obj;
}

Ref AsyncioState::createTask(EventLoop& l, Value coro, std::string name)
{
    // The number is taken even for a named task (CPython's counter is global).
    const std::uint32_t number = ++taskCounter;
    coroscope::Ref<PyTask> task;
    try {
        l.checkClosed();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return raiseCore(std::current_exception());
    }
    PyCoroutine* adapter = PyCoroutine::make(*this, l, coro);
    if (!adapter) return Ref();
    try {
        task = PyTask::create(l, adapter, std::move(name), number);
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return raiseCore(std::current_exception());
    }
    Ref obj = objectOf(*task);
    if (obj) payloadOf(obj.get())->coro = Ref::borrow(coro);
    return obj;
}

std::exception_ptr AsyncioState::toCore(Ref exc)
{
    ObjectSpace& space = vm.space();
    if (!exc) exc = newExceptionWithMessage(space, space.types().SystemError, "error without exception");
    if (cancelledType && isInstance(space, exc.get(), cancelledType.get()) == 1) {
        std::string msg;
        Value args = asException(exc.get())->m_args;
        if (args && isTuple(space, args) && asTuple(args)->m_size > 0) strString(space, asTuple(args)->item(0), msg);
        space.clearError();
        return std::make_exception_ptr(PyCancelledError(std::move(exc), std::move(msg)));
    }
    return std::make_exception_ptr(PyAsyncError(std::move(exc)));
}

Ref AsyncioState::fromCore(const std::exception_ptr& e)
{
    ObjectSpace& space = vm.space();
    auto make = [&](Value type, const std::string& msg) -> Ref {
        if (msg.empty()) return callFunction(space, type, {});
        Ref text = newStr(space, msg);
        return text ? callFunction(space, type, {text.get()}) : Ref();
    };
    try {
        std::rethrow_exception(e);
    } catch (const PyCancelledError& err) {
        return err.exception;
    } catch (const PyAsyncError& err) {
        return err.exception;
    } catch (const coroscope::CancelledError& err) {
        return make(cancelledType.get(), err.message());
    } catch (const coroscope::InvalidStateError& err) {
        return make(invalidStateType.get(), err.message());
    } catch (const coroscope::TimeoutError& err) {
        return make(Value::fromObject(space.types().TimeoutError), err.message());
    } catch (const coroscope::ValueError& err) {
        return make(Value::fromObject(space.types().ValueError), err.message());
    } catch (const coroscope::AsyncError& err) {
        return make(Value::fromObject(space.types().RuntimeError), err.message());
    } catch (const std::bad_alloc&) {
        space.raiseMemoryError();
        return space.takeError();
    } catch (const std::exception& err) {
        return make(Value::fromObject(space.types().RuntimeError), err.what());
    }
}

Ref AsyncioState::raiseCore(const std::exception_ptr& e)
{
    Ref exc = fromCore(e);
    if (exc) vm.space().restoreError(std::move(exc));
    return Ref();
}

} // namespace coroscope::pylite::detail
