// concurrent.futures (ThreadPoolExecutor, ProcessPoolExecutor, Future),
// loop.run_in_executor and threading.current_thread() for pylite, on the
// core ThreadPoolExecutor: each job runs its pylite function on a worker
// fiber; time.sleep inside a job moves only that worker's lane clock.
//
// A job runs pylite code on its own fiber, so the VM state is switched at
// the only places a worker fiber is entered or left, which are all here:
// the job's start and end (runJob) and time.sleep inside a job
// (blockWorker). Outside a running asyncio loop, executors run on a private
// "sync" loop that result()/shutdown() drive until the work is done.

#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/loop/ThreadPoolExecutor.h"
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
#include <functional>

namespace coroscope::pylite::detail {

namespace {


void saveVm(Vm& vm, WorkerVm& s)
{
    vm.frames().swap(s.frames);
    s.current = vm.currentFrame();
    s.depth = vm.space().recursionDepth();
    s.task = vm.mainTask();
}

void restoreVm(Vm& vm, WorkerVm& s, GreenletRuntime& fibers)
{
    vm.frames().swap(s.frames);
    vm.setCurrentFrame(s.current);
    vm.setRunningTask(s.task);
    ObjectSpace& space = vm.space();
    while (space.recursionDepth() > s.depth) space.leaveRecursion();
    while (space.recursionDepth() < s.depth && space.enterRecursion()) {
    }
    space.clearError();
    const GreenletRuntime::StackBounds b = fibers.currentStackBounds();
    vm.setStackBounds(b.low, b.high);
}

/// The trace lane of the worker named `name` (0 if none): the frames of
/// its job belong to that lane.
TaskId laneNamed(const ThreadPoolExecutor& ex, const std::string& name)
{
    for (std::size_t i = 0; i < ex.workerCount(); ++i)
        if (ex.workerName(i) == name) return ex.workerTask(i);
    return 0;
}

/// The executor behind a pylite executor object.
class ExecutorPayload final : public NativePayload {
public:
    std::weak_ptr<ExecutorCore> core; ///< owned by the loop's payload (see LoopPayload)
    Ref loopObject;                    ///< the loop the executor runs on
    std::vector<coroscope::Ref<FutureBase>> submitted;
    std::string prefix;
    std::size_t maxWorkers = 5;
    bool process = false;
    bool shutdown = false;
};

ExecutorPayload* executorOf(ObjectSpace& space, AsyncioState& st, Value self)
{
    Value box = dictGetStr(space, instanceDict(space, self), "__executor_core__");
    auto* p = box ? static_cast<ExecutorPayload*>(nativePayload(space, st.boxType.get(), box)) : nullptr;
    if (!p) space.raise(space.types().RuntimeError, "executor is not initialized");
    return p;
}

/// Makes the core executor of `p` on the loop `loopObj`.
ThreadPoolExecutor* bindExecutor(AsyncioState& st, ExecutorPayload& p, Value loopObj)
{
    LoopPayload* lp = st.loopPayloadOf(loopObj);
    if (!lp) return nullptr;
    auto core = std::make_shared<ExecutorCore>();
    core->stacks = std::make_unique<StackPool>();
    core->executor = std::make_unique<ThreadPoolExecutor>(*lp->loop, *core->stacks, p.maxWorkers, p.prefix);
    lp->executors.push_back(core);
    p.core = core;
    p.loopObject = Ref::borrow(loopObj);
    return core->executor.get();
}

/// Starts the core executor on first use, on the loop running now.
ThreadPoolExecutor* coreExecutor(AsyncioState& st, ExecutorPayload& p)
{
    if (p.loopObject) {
        std::shared_ptr<ExecutorCore> core = p.core.lock();
        return core ? core->executor.get() : nullptr;
    }
    return bindExecutor(st, p, st.runningLoop ? st.runningLoop.get() : syncLoop(st));
}

} // namespace

/// Submits fn(*args, **kwargs); the result is a new object of `futureType`
/// (concurrent.futures.Future or asyncio.Future).
Ref submitJob(AsyncioState& st, Value executorObj, ExecutorPayload* p, Value fn, Ref args, Ref kwargs, Value futureType);

namespace {

Ref executorInit(ObjectSpace& space, Value self, const CallArgs& args, bool process)
{
    Value a[3];
    if (!parseArgs(space, args, {"ThreadPoolExecutor", {"max_workers", "thread_name_prefix", "initializer"}, 0}, a))
        return Ref();
    AsyncioState& st = *stateOfType(space, self);
    auto payload = std::make_unique<ExecutorPayload>();
    payload->process = process;
    std::int64_t workers = 5;
    if (a[0] && !a[0].isNone()) {
        if (!asInt64(space, a[0], workers)) return Ref();
        if (workers <= 0) return space.raise(space.types().ValueError, "max_workers must be greater than 0");
    }
    payload->maxWorkers = std::size_t(workers);
    std::string prefix;
    if (a[1] && !a[1].isNone() && !strString(space, a[1], prefix)) return Ref();
    if (prefix.empty()) prefix = "ThreadPoolExecutor-" + std::to_string(st.executorCounter++);
    payload->prefix = prefix;
    Ref box = newNativeBox(space, st.boxType.get(), std::move(payload));
    if (!box || !dictSetStr(space, instanceDict(space, self), "__executor_core__", box.get())) return Ref();
    return Ref::none();
}

Ref threadPoolInit(ObjectSpace& s, Value self, const CallArgs& a) { return executorInit(s, self, a, false); }
Ref processPoolInit(ObjectSpace& s, Value self, const CallArgs& a) { return executorInit(s, self, a, true); }

Ref executorSubmit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 1) return space.raise(space.types().TypeError, "submit() missing fn");
    AsyncioState& st = *stateOfType(space, self);
    ExecutorPayload* p = executorOf(space, st, self);
    if (!p) return Ref();
    Ref rest = newTupleFrom(space, args.values + 1, std::int64_t(args.positional - 1));
    Ref kwargs = Ref::none();
    if (args.hasKeywords()) {
        kwargs = newDict(space);
        if (!kwargs || !dictAddKeywords(space, kwargs.as<DictObject>(), args)) return Ref();
    }
    if (!rest) return Ref();
    return submitJob(st, self, p, args[0], std::move(rest), std::move(kwargs), st.concurrentFutureType.get());
}

Ref executorShutdown(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"shutdown", {"wait", "cancel_futures"}, 0}, a)) return Ref();
    AsyncioState& st = *stateOfType(space, self);
    ExecutorPayload* p = executorOf(space, st, self);
    if (!p) return Ref();
    p->shutdown = true;
    const bool wait = !a[0] || a[0].isTrue();
    if (wait && !p->core.expired() && !st.runningLoop) {
        for (auto& f : p->submitted)
            if (!driveUntil(st, p->loopObject.get(), *f)) return Ref();
    }
    p->submitted.clear();
    return Ref::none();
}

Ref executorEnter(ObjectSpace&, Value self, const CallArgs&) { return Ref::borrow(self); }

Ref executorExit(ObjectSpace& space, Value self, const CallArgs&)
{
    if (!executorShutdown(space, self, CallArgs())) return Ref();
    return Ref::boolean(false);
}

Ref executorMap(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 2) return space.raise(space.types().TypeError, "map() needs a function and an iterable");
    AsyncioState& st = *stateOfType(space, self);
    ExecutorPayload* p = executorOf(space, st, self);
    if (!p) return Ref();
    std::vector<Ref> iters;
    for (std::size_t i = 1; i < args.positional; ++i) {
        Ref it = getIter(space, args[i]);
        if (!it) return Ref();
        iters.push_back(std::move(it));
    }
    std::vector<Ref> futures;
    for (;;) {
        std::vector<Value> items;
        std::vector<Ref> hold;
        for (Ref& it : iters) {
            Ref v = iterNext(space, it.get());
            if (!v) {
                if (space.hasError()) return Ref();
                items.clear();
                break;
            }
            items.push_back(v.get());
            hold.push_back(std::move(v));
        }
        if (items.size() != iters.size()) break;
        Ref tuple = newTupleFrom(space, items.data(), std::int64_t(items.size()));
        Ref f = tuple ? submitJob(st, self, p, args[0], std::move(tuple), Ref::none(), st.concurrentFutureType.get())
                      : Ref();
        if (!f) return Ref();
        futures.push_back(std::move(f));
    }
    Ref results = newList(space);
    if (!results) return Ref();
    for (Ref& f : futures) {
        FuturePayload* fp = st.payloadOf(f.get());
        if (!driveUntil(st, p->loopObject.get(), *fp->future)) return Ref();
        Ref r;
        try {
            r = fp->typed()->result();
        } catch (...) {
            coroscope::rethrowIfForcedUnwind();
            return st.raiseCore(std::current_exception());
        }
        if (!listAppend(space, results.as<ListObject>(), r.get())) return Ref();
    }
    return getIter(space, results.get());
}

// ------------------------------------------------------------- threading

class ThreadInfo final : public NativePayload {};

Ref currentThread(ObjectSpace& space, Value self, const CallArgs&)
{
    AsyncioState& st = *stateOfModuleFn(space, self);
    std::string name = "MainThread";
    if (st.activeWorker && !st.activeWorker->process) name = st.activeWorker->name;
    Ref obj = callFunction(space, st.threadType.get(), {});
    Ref text = newStr(space, name);
    if (!obj || !text || !dictSetStr(space, instanceDict(space, obj.get()), "name", text.get())) return Ref();
    return obj;
}

} // namespace

Ref submitJob(AsyncioState& st, Value executorObj, ExecutorPayload* p, Value fn, Ref args, Ref kwargs, Value futureType)
{
    ObjectSpace& space = st.vm.space();
    if (p->shutdown) return space.raise(space.types().RuntimeError, "cannot schedule new futures after shutdown");
    ThreadPoolExecutor* ex = coreExecutor(st, *p);
    if (!ex) return space.raise(space.types().RuntimeError, "the executor's event loop is closed");
    st.executorLoops[&ex->loop()] = p->loopObject.get();
    AsyncioState* stp = &st;
    Ref callable = Ref::borrow(fn);
    Ref keepExecutor = Ref::borrow(executorObj);
    const bool process = p->process;
    auto started = std::make_shared<bool>(false);
    auto job = [stp, callable, args, kwargs, ex, process, keepExecutor, started]() -> Ref {
        *started = true;
        Vm& vm = stp->vm;
        ObjectSpace& sp = vm.space();
        WorkerContext ctx;
        ctx.executor = ex;
        ctx.process = process;
        ctx.name = ex->fibers().currentGreenlet().name();
        WorkerContext* previous = stp->activeWorker;
        saveVm(vm, ctx.outer);
        vm.setCurrentFrame(nullptr);
        if (const TaskId lane = laneNamed(*ex, ctx.name)) vm.setRunningTask(lane);
        {
            const GreenletRuntime::StackBounds b = ex->fibers().currentStackBounds();
            vm.setStackBounds(b.low, b.high);
        }
        stp->activeWorker = &ctx;
        std::vector<Value> values;
        TupleObject* t = args.as<TupleObject>();
        for (std::int64_t i = 0; i < t->m_size; ++i) values.push_back(t->item(i));
        const std::size_t positional = values.size();
        Ref names;
        if (!kwargs.get().isNone()) {
            std::vector<Value> keys;
            std::int64_t pos = 0;
            Value k, v;
            while (dictNext(kwargs.as<DictObject>(), pos, k, v)) {
                keys.push_back(k);
                values.push_back(v);
            }
            names = newTupleFrom(sp, keys.data(), std::int64_t(keys.size()));
        }
        Ref result = call(sp, callable.get(), CallArgs(values.data(), positional, names.as<TupleObject>()));
        Ref error = result ? Ref() : sp.takeError();
        stp->activeWorker = previous;
        restoreVm(vm, ctx.outer, ex->fibers());
        if (!result) std::rethrow_exception(stp->toCore(std::move(error)));
        return result;
    };
    coroscope::Ref<PyFuture> f;
    try {
        f = ex->submit(std::move(job));
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return st.raiseCore(std::current_exception());
    }
    p->submitted.push_back(coroscope::Ref<FutureBase>(f));
    // A job handed to a worker lane at once (one was idle, or a new one was
    // added) is running from here on, as in CPython, whose new worker thread
    // picks the work item up right away; only a job left in the queue is pending.
    if (ex->queuedJobs() == 0) *started = true;
    st.jobStarted[f.get()] = started;
    if (!st.exitHookSet) {
        // The state lives in the asyncio module, which outlives run()'s exit hooks.
        st.exitHookSet = true;
        st.vm.atExit([stp] { joinExecutorsAtExit(*stp); });
    }
    // Forget finished jobs now and then, so the list stays short.
    if (st.exitJobs.size() >= 64 && st.exitJobs.size() % 64 == 0)
        std::erase_if(st.exitJobs, [](const AsyncioState::ExitJob& j) { return j.job->done(); });
    st.exitJobs.push_back({p->loopObject, coroscope::Ref<FutureBase>(f)});
    // concurrent.futures.Future's repr names the exception's class without
    // retrieving it (AsyncioState::knownError).
    return st.objectOfType(*f, futureType);
}

bool sleepWithExecutors(AsyncioState& st, Nanos duration)
{
    if (!st.syncLoop || st.runningLoop) return false;
    EventLoop* loop = st.loopOfObject(st.syncLoop.get());
    if (loop->readyCount() == 0 && loop->timerCount() == 0) return false;
    coroscope::Ref<PyFuture> timer = PyFuture::create(*loop);
    // Catch up first, so the timer counts from the Vm's present.
    coroscope::Ref<PyFuture> now = PyFuture::create(*loop);
    now->setResult(Ref::none());
    if (!st.runUntil(st.syncLoop.get(), *now)) return true;
    loop->callLater(duration, [timer](FutureBase*) { timer->setResult(Ref::none()); });
    st.runUntil(st.syncLoop.get(), *timer);
    return true;
}

void joinDefaultExecutor(AsyncioState& st, Value loopObj)
{
    auto it = st.defaultExecutors.find(st.loopOfObject(loopObj));
    if (it == st.defaultExecutors.end()) return;
    ObjectSpace& space = st.vm.space();
    ExecutorPayload* p = executorOf(space, st, it->second.get());
    if (!p) {
        space.clearError();
        return;
    }
    const std::vector<coroscope::Ref<FutureBase>> jobs = p->submitted;
    for (const coroscope::Ref<FutureBase>& job : jobs) {
        if (job->done()) continue;
        if (!runLoopUntil(st, loopObj, *job)) return;
    }
}

bool AsyncioState::hasExitJobs(Value loopObject) const
{
    for (const ExitJob& j : exitJobs)
        if (j.loopObject.get() == loopObject && !j.job->done()) return true;
    return false;
}

void joinExecutorsAtExit(AsyncioState& st)
{
    std::vector<AsyncioState::ExitJob> jobs = std::move(st.exitJobs);
    st.exitJobs.clear();
    if (!st.runningLoop) {
        for (const AsyncioState::ExitJob& j : jobs) {
            EventLoop* loop = st.loopOfObject(j.loopObject.get());
            if (j.job->done() || !loop || loop->isClosed()) continue;
            if (!st.runUntil(j.loopObject.get(), *j.job)) break;
        }
    }
    for (const Ref& loopObj : st.loopsToClose) {
        try {
            if (EventLoop* loop = st.loopOfObject(loopObj.get())) loop->close();
        } catch (...) {
            coroscope::rethrowIfForcedUnwind();
        }
    }
    st.loopsToClose.clear();
}

bool blockWorker(AsyncioState& st, Nanos duration)
{
    WorkerContext* ctx = st.activeWorker;
    if (!ctx) return false;
    Vm& vm = st.vm;
    saveVm(vm, ctx->mine);
    restoreVm(vm, ctx->outer, ctx->executor->fibers());
    st.activeWorker = nullptr;
    EventLoop& loop = ctx->executor->loop();
    loop.block(duration);
    st.activeWorker = ctx;
    saveVm(vm, ctx->outer);
    restoreVm(vm, ctx->mine, ctx->executor->fibers());
    return true;
}

Ref runInExecutor(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 2) return space.raise(space.types().TypeError, "run_in_executor() needs an executor and a function");
    AsyncioState& st = *stateOfType(space, self);
    if (!st.threadPoolType && !st.vm.importModule("concurrent.futures")) return Ref();
    Value executor = args[0];
    if (executor.isNone()) {
        auto it = st.defaultExecutors.find(st.loopOfObject(self));
        if (it == st.defaultExecutors.end()) {
            Ref prefix = newStr(space, "asyncio");
            Ref kwnames = newTupleOf(space, {Value::fromObject(space.intern("thread_name_prefix"))});
            if (!prefix || !kwnames) return Ref();
            Value v = prefix.get();
            Ref obj = call(space, st.threadPoolType.get(), CallArgs(&v, 0, kwnames.as<TupleObject>()));
            if (!obj) return Ref();
            ExecutorPayload* p = executorOf(space, st, obj.get());
            if (!p) return Ref();
            p->maxWorkers = 5;
            it = st.defaultExecutors.emplace(st.loopOfObject(self), std::move(obj)).first;
        }
        executor = it->second.get();
    }
    ExecutorPayload* p = executorOf(space, st, executor);
    if (!p) return Ref();
    // Bind the executor to this loop (run_until_complete on a loop not running yet).
    if (!p->loopObject && st.runningLoop.get() != self && !bindExecutor(st, *p, self)) return Ref();
    Ref rest = newTupleFrom(space, args.values + 2, std::int64_t(args.positional - 2));
    if (!rest) return Ref();
    return submitJob(st, executor, p, args[1], std::move(rest), Ref::none(), st.futureType.get());
}

Ref createConcurrentFuturesModule(AsyncioState& st, Value stateBox)
{
    ObjectSpace& space = st.vm.space();
    Ref module = newModule(space, "concurrent.futures");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    const Value object = Value::fromObject(space.types().objectType);
    st.threadPoolType = makeClass(space, "ThreadPoolExecutor", object, "concurrent.futures.thread", &st);
    Ref processPool = makeClass(space, "ProcessPoolExecutor", object, "concurrent.futures.process", &st);
    if (!st.threadPoolType || !processPool) return Ref();
    for (const Ref& t : {st.threadPoolType, processPool}) {
        addMethods(space, t.as<TypeObject>(),
                   {{"submit", executorSubmit}, {"map", executorMap}, {"shutdown", executorShutdown},
                    {"__enter__", executorEnter}, {"__exit__", executorExit}});
    }
    addMethods(space, st.threadPoolType.as<TypeObject>(), {{"__init__", threadPoolInit}});
    addMethods(space, processPool.as<TypeObject>(), {{"__init__", processPoolInit}});
    for (const Ref& t : {st.threadPoolType, processPool}) updateSlots(space, t.as<TypeObject>());
    dictSetStr(space, d, "ThreadPoolExecutor", st.threadPoolType.get());
    dictSetStr(space, d, "ProcessPoolExecutor", processPool.get());
    if (!addConcurrentFuture(st, d, stateBox)) return Ref();
    dictSetStr(space, d, "CancelledError", st.cancelledType.get());
    dictSetStr(space, d, "TimeoutError", Value::fromObject(space.types().TimeoutError));
    return module;
}

Ref createThreadingModule(AsyncioState& st, Value stateBox)
{
    ObjectSpace& space = st.vm.space();
    Ref module = newModule(space, "threading");
    if (!module) return Ref();
    st.threadType = makeClass(space, "Thread", Value::fromObject(space.types().objectType), "threading", nullptr);
    if (!st.threadType) return Ref();
    Ref name = newStr(space, "threading");
    Ref fn = newBuiltinFunction(space, "current_thread", currentThread, stateBox, name.get());
    if (!fn || !dictSetStr(space, moduleDict(module.get()), "current_thread", fn.get())) return Ref();
    dictSetStr(space, moduleDict(module.get()), "Thread", st.threadType.get());
    return module;
}

ExecutorCore::~ExecutorCore() { executor.reset(); }

} // namespace coroscope::pylite::detail
