// The `asyncio` module: run, sleep, create_task, gather and the other
// module functions, over the core EventLoop (see AsyncioState.h); Future and
// Task live in AsyncioFuture.cpp, the loop object in AsyncioLoop.cpp.

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
#include "core/script/vm/Frame.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace coroscope::pylite::detail {

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

std::string optionalText(ObjectSpace& space, Value v)
{
    std::string s;
    if (v && !v.isNone()) strString(space, v, s);
    return s;
}
/// Ends an await: StopIteration carrying `value` (the await's result).
Ref raiseStop(ObjectSpace& space, Value value)
{
    Ref args = newTupleOf(space, {value});
    Ref exc = args ? newException(space, space.types().StopIteration, args.get()) : Ref();
    if (exc) space.restoreError(std::move(exc));
    return Ref();
}

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

Ref makeLoopObject(AsyncioState& st)
{
    ObjectSpace& space = st.vm.space();
    Ref obj = callFunction(space, st.loopType.get(), {});
    if (!obj) return Ref();
    auto payload = std::make_unique<LoopPayload>();
    // uvloop's policy: the loop records no events (modules/world/UvloopModule.cpp).
    if (isUninstrumentedPolicy(st.vm, st.policy.get())) payload->quietContext = uninstrumentedContext();
    payload->loop = std::make_unique<EventLoop>(payload->quietContext ? *payload->quietContext : st.context);
    payload->loop->startClockAt(st.vm.virtualNanos());
    st.loopSeen[payload->loop.get()] = st.vm.virtualNanos();
    Ref box = detail::newNativeBox(space, st.boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, obj.get()), "__loop_core__", box.get())) return Ref();
    return obj;
}

EventLoop* loopOf(AsyncioState& st, Value loopObj)
{
    LoopPayload* p = st.loopPayloadOf(loopObj);
    return p ? p->loop.get() : nullptr;
}

LoopPayload* AsyncioState::loopPayloadOf(Value loopObj)
{
    ObjectSpace& space = vm.space();
    DictObject* d = loopObj.isObject() ? instanceDict(space, loopObj) : nullptr;
    if (!d) space.clearError();
    Value box = d ? dictGetStr(space, d, "__loop_core__") : Value();
    return box ? static_cast<LoopPayload*>(detail::nativePayload(space, boxType.get(), box)) : nullptr;
}

/// The loop made implicitly outside a coroutine when none is set: a legacy
/// form (issue 4), warned about as CPython 3.10.0-3.10.8 and 3.12 do, naming
/// the modern form. CPython 3.11.2 is silent, so expected outputs of programs
/// that do this come through tests/scripts/legacy37.py, which warns the same.
Ref implicitLoop(AsyncioState& st)
{
    if (!st.currentLoopSet) st.vm.warn("DeprecationWarning", kGetEventLoopWarning, WarningKind::Deprecated);
    return makeLoopObject(st);
}

/// The loop a function called outside a coroutine binds to: the running
/// loop, else the current one (get_event_loop), made on demand.
EventLoop* loopForCall(AsyncioState& st)
{
    if (EventLoop* l = st.loop()) return l;
    if (!st.currentLoop) st.currentLoop = implicitLoop(st);
    return st.currentLoop ? loopOf(st, st.currentLoop.get()) : nullptr;
}

/// Runs `loopObj` until `future` is done; a deadlock ends the program with
/// exit status 3 (SystemExit), its message on stderr.
LoopEntry::LoopEntry(AsyncioState& st, FutureBase* awaited)
    : m_st(st)
{
    RunContext& ctx = st.context;
    if (!ctx.tracing()) return;
    Frame* f = st.vm.currentFrame();
    m_caller = f ? f->m_traceTask : st.vm.mainTask();
    m_outer = st.vm.setResumeCaller(Vm::ResumeCaller{true, 0, f});
    const auto line = std::uint32_t(f ? std::max(f->currentLine(), 0) : 0);
    TaskBase* task = awaited ? awaited->asTask() : nullptr;
    const WaitKind kind = task ? WaitKind::Task : WaitKind::Future;
    const std::uint32_t target = task ? task->taskId() : awaited ? awaited->id() : 0;
    ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Waiting), std::uint16_t(kind), m_caller, target, line, 0});
    ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Await), 0, 0, m_caller, 0, 0});
}

LoopEntry::~LoopEntry()
{
    RunContext& ctx = m_st.context;
    if (!ctx.tracing()) return;
    m_st.vm.setResumeCaller(m_outer);
    ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Running), 0, m_caller, 0, 0, 0});
    ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Resume), 0, m_caller, 0, 0, 0});
}

void cancelRemainingTasks(AsyncioState& st, Value loopObj)
{
    EventLoop* loop = loopOf(st, loopObj);
    for (TaskBase* t : loop->allTasks())
        if (!t->done()) t->cancel();
    if (loop->readyCount() == 0) return;
    st.runningLoop = Ref::borrow(loopObj);
    {
        LoopEntry entry(st, nullptr);
        // Bounded: a task that catches its cancellation and goes on awaiting
        // is not waited for (CPython's runner would wait forever).
        for (int guard = 0; guard < 1000 && loop->readyCount() > 0; ++guard) {
            try {
                loop->runOnce();
            } catch (...) {
                coroscope::rethrowIfForcedUnwind();
                break;
            }
        }
    }
    st.runningLoop.reset();
}

bool runLoopUntil(AsyncioState& st, Value loopObj, FutureBase& future)
{
    ObjectSpace& space = st.vm.space();
    EventLoop* loop = loopOf(st, loopObj);
    if (st.runningLoop) {
        space.raise(space.types().RuntimeError, "This event loop is already running");
        return false;
    }
    st.runningLoop = Ref::borrow(loopObj);
    LoopEntry entry(st, &future);
    bool ok = true;
    try {
        loop->runUntilComplete(future);
    } catch (const Deadlock& d) {
        st.vm.write(Stream::Stderr, std::string(d.what()) + "\n");
        space.raiseWith(space.types().SystemExit, Value::smallInt(3));
        ok = false;
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        st.raiseCore(std::current_exception());
        ok = false;
    }
    st.runningLoop.reset();
    st.syncClock(*loop);
    return ok;
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

namespace {

Ref asyncioRun(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"run", {"main", "debug"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (st.runningLoop)
        return space.raise(space.types().RuntimeError, "asyncio.run() cannot be called from a running event loop");
    if (!isCoroutine(st.vm, a[0]) && !isLegacyCoroutine(st, a[0])) {
        std::string r;
        reprString(space, a[0], r);
        return space.raise(space.types().ValueError, "a coroutine was expected, got " + r);
    }
    Ref loopObj = makeLoopObject(st);
    if (!loopObj) return Ref();
    EventLoop* loop = loopOf(st, loopObj.get());
    Ref task = st.createTask(*loop, legacyGenerator(st, a[0]), {});
    if (!task) return Ref();
    FuturePayload* p = st.payloadOf(task.get());
    const bool ok = runLoopUntil(st, loopObj.get(), *p->future);
    Ref result;
    if (ok) result = guarded(st, [&] { return p->typed()->result(); });
    Ref pending = space.takeError();
    // CPython's runner: cancel what is left, then shutdown_asyncgens and
    // shutdown_default_executor (two more task numbers).
    cancelRemainingTasks(st, loopObj.get());
    joinDefaultExecutor(st, loopObj.get());
    if (!pending) pending = space.takeError();
    space.clearError();
    st.taskCounter += 2;
    st.reportUnretrieved();
    if (st.hasExitJobs(loopObj.get())) {
        // Jobs of the program's own executors still run: CPython's worker
        // threads go on and are joined at exit, so this loop stays open
        // until joinExecutorsAtExit has run them.
        st.loopsToClose.push_back(loopObj);
    } else {
        try {
            loop->close();
        } catch (...) {
            coroscope::rethrowIfForcedUnwind();
        }
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
    return newSleepAwaitable(st, delay, result);
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
    if (detail::blockWorker(st, d)) return Ref::none();
    if (EventLoop* loop = st.loop()) {
        if (st.context.tracing()) {
            std::string text = "time.sleep(";
            reprString(space, args[0], text);
            space.clearError();
            std::string modern = "await asyncio.sleep(";
            reprString(space, args[0], modern);
            space.clearError();
            traceBlockingCall(st, text + ")", d, modern + ")");
        }
        st.syncClock(*loop);
        loop->block(d);
        st.syncClock(*loop);
        return Ref::none();
    }
    if (detail::sleepWithExecutors(st, d)) return space.hasError() ? Ref() : Ref::none();
    st.vm.advanceClock(d);
    return Ref::none();
}

Ref asyncioCreateTask(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"create_task", {"coro", "name"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (!isCoroutine(st.vm, a[0]) && !isLegacyCoroutine(st, a[0])) {
        std::string r;
        reprString(space, a[0], r);
        return space.raise(space.types().TypeError, "a coroutine was expected, got " + r);
    }
    EventLoop* loop = st.requireLoop();
    if (!loop) return Ref();
    return st.createTask(*loop, legacyGenerator(st, a[0]), optionalText(space, a[1]));
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

/// _done_callback in CPython's gather(): one per distinct child, holding
/// only the shared state (it fits a Callback's inline buffer).
void gatherChildDone(const std::shared_ptr<GatherState>& gs, FutureBase* done)
{
    AsyncioState& st = *gs->state;
    PyFuture& outer = *gs->outer;
    --gs->remaining;
    if (outer.done()) {
        if (!done->cancelled()) (void)done->exception();
        if (gs->remaining == 0) st.gathers.erase(&outer);
        return;
    }
    if (!gs->returnExceptions) {
        if (done->cancelled()) {
            st.gathers.erase(&outer);
            outer.setException(done->makeCancelledError());
            return;
        }
        if (std::exception_ptr e = done->exception()) {
            st.gathers.erase(&outer);
            outer.setException(e);
            return;
        }
    }
    if (gs->remaining != 0) return;
    ObjectSpace& sp = st.vm.space();
    Ref list = newList(sp);
    for (Ref& c : gs->children) {
        FuturePayload* p = st.payloadOf(c.get());
        std::exception_ptr e = p->future->cancelled() ? p->future->makeCancelledError() : p->future->exception();
        Ref item = e ? st.fromCore(e) : p->typed()->result();
        listAppend(sp, list.as<ListObject>(), item.get());
    }
    st.gathers.erase(&outer);
    outer.setResult(std::move(list));
}

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
    gs->state = &st;
    gs->returnExceptions = returnExceptions;
    const std::size_t n = args.positional;
    // An awaitable passed twice shares its child: the first index of each
    // argument, found by sorting (word, index) pairs.
    std::vector<std::uint32_t> firstIndex(n);
    {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> order(n);
        for (std::size_t i = 0; i < n; ++i) order[i] = {args[i].bits(), std::uint32_t(i)};
        std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < n; ++i)
            firstIndex[order[i].second] = i > 0 && order[i - 1].first == order[i].first ? firstIndex[order[i - 1].second]
                                                                                         : order[i].second;
    }
    gs->children.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Ref child = firstIndex[i] != i ? gs->children[firstIndex[i]] : ensureFutureIn(st, *loop, args[i]);
        if (!child) return Ref();
        gs->children.push_back(std::move(child));
    }
    std::vector<std::uint32_t>().swap(firstIndex);
    gs->outer = PyFuture::create(*loop);
    coroscope::Ref<PyFuture> outer = gs->outer;
    if (gs->children.empty()) {
        outer->setResult(newList(space));
        return st.objectOf(*outer);
    }
    Ref outerObj = st.objectOf(*outer);
    if (!outerObj) return Ref();
    // Distinct core futures, each waited for once, in the order given.
    std::vector<FutureBase*> futures(gs->children.size());
    for (std::size_t i = 0; i < futures.size(); ++i) futures[i] = st.payloadOf(gs->children[i].get())->future.get();
    std::vector<bool> first(futures.size(), true);
    {
        std::vector<std::pair<FutureBase*, std::uint32_t>> order(futures.size());
        for (std::size_t i = 0; i < futures.size(); ++i) order[i] = {futures[i], std::uint32_t(i)};
        std::sort(order.begin(), order.end());
        for (std::size_t i = 1; i < order.size(); ++i)
            if (order[i - 1].first == order[i].first) first[order[i].second] = false;
    }
    std::vector<FutureBase*>().swap(futures);
    gs->remaining = std::size_t(std::count(first.begin(), first.end(), true));
    st.gathers[outer.get()] = gs;
    for (std::size_t i = 0; i < first.size(); ++i)
        if (first[i])
            st.payloadOf(gs->children[i].get())->future->addDoneCallback(
                [gs](FutureBase* done) { gatherChildDone(gs, done); });
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
        st.currentLoop = implicitLoop(st);
        if (!st.currentLoop) return Ref();
    }
    return st.currentLoop;
}

Ref asyncioNewEventLoop(ObjectSpace& space, Value self, const CallArgs&)
{
    return makeLoopObject(*stateOfModuleFn(space, self));
}

Ref asyncioSetEventLoopPolicy(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_event_loop_policy")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    // Every policy runs the same virtual-clock loop; only the object is kept.
    st.policy = args[0].isNone() ? Ref() : Ref::borrow(args[0]);
    return Ref::none();
}

Ref asyncioGetEventLoopPolicy(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "get_event_loop_policy")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    if (!st.policy) {
        Ref type = makeClass(space, "_UnixDefaultEventLoopPolicy", Value::fromObject(space.types().objectType),
                             "asyncio.unix_events", nullptr);
        st.policy = type ? callFunction(space, type.get(), {}) : Ref();
    }
    return st.policy;
}

Ref asyncioSetEventLoop(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set_event_loop")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    st.currentLoop = args[0].isNone() ? Ref() : Ref::borrow(args[0]);
    st.currentLoopSet = bool(st.currentLoop);
    return Ref::none();
}


} // namespace

Ref AsyncioState::makeLoop() { return makeLoopObject(*this); }
EventLoop* AsyncioState::loopOfObject(Value loopObject) { return loopOf(*this, loopObject); }
bool AsyncioState::runUntil(Value loopObject, FutureBase& f)
{
    EventLoop* l = loopOf(*this, loopObject);
    if (syncLoop && loopObject == syncLoop.get()) {
        // The sync loop catches up with the Vm's clock (the program may have
        // slept between two waits), so new work starts at the right time.
        const Nanos target = vm.virtualNanos() - syncLoopBase;
        if (target > l->now()) {
            l->block(target - l->now());
            loopSeen[l] = l->now();
        }
    }
    return runLoopUntil(*this, loopObject, f);
}

Ref createAsyncioModuleIn(Vm& vm)
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

    if (!addFutureClasses(*st) || !addLoopClasses(*st)) return Ref();
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
        {"set_event_loop_policy", asyncioSetEventLoopPolicy},
        {"get_event_loop_policy", asyncioGetEventLoopPolicy},
    };
    for (const auto& [name, fn] : fns) {
        Ref f = newBuiltinFunction(space, name, fn, stateBox.get(), moduleName.get());
        if (!f || !dictSetStr(space, d, name, f.get())) return Ref();
    }
    if (!addWaiting(*st, d, stateBox.get()) || !addLegacy(*st, d, stateBox.get())) return Ref();
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

Ref createCompanionIn(Vm& vm, std::string_view name)
{
    ObjectSpace& space = vm.space();
    Ref asyncio = vm.importModule("asyncio");
    if (!asyncio) return Ref();
    Value box = dictGetStr(space, moduleDict(asyncio.get()), kStateKey);
    auto* st = static_cast<AsyncioState*>(detail::nativePayload(space, Value::fromObject(space.typeOf(box)), box));
    if (name == "concurrent.futures") return detail::createConcurrentFuturesModule(*st, box);
    if (name == "threading") return detail::createThreadingModule(*st, box);
    if (name == "concurrent.futures.thread" || name == "concurrent.futures.process") {
        // The submodules the tutorial imports the executors from.
        Ref futures = vm.importModule("concurrent.futures");
        Ref module = futures ? newModule(space, name) : Ref();
        if (!module) return Ref();
        const char* cls = name == "concurrent.futures.thread" ? "ThreadPoolExecutor" : "ProcessPoolExecutor";
        Value v = dictGetStr(space, moduleDict(futures.get()), cls);
        if (!v || !dictSetStr(space, moduleDict(module.get()), cls, v)) return Ref();
        return module;
    }
    Ref module = newModule(space, "concurrent");
    Ref futures = module ? vm.importModule("concurrent.futures") : Ref();
    if (!futures || !dictSetStr(space, moduleDict(module.get()), "futures", futures.get())) return Ref();
    return module;
}

} // namespace coroscope::pylite::detail

namespace coroscope::pylite {

Ref createAsyncioModule(Vm& vm) { return detail::createAsyncioModuleIn(vm); }
Ref createAsyncioCompanionModule(Vm& vm, std::string_view name) { return detail::createCompanionIn(vm, name); }

} // namespace coroscope::pylite
