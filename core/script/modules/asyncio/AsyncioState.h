#pragma once
// The C++ side of the pylite asyncio module: one AsyncioState per Vm (owned
// by the module). pylite Futures and Tasks are thin objects over the core's
// Future<pylite::Ref> and Task<pylite::Ref>; a PyCoroutine adapts a pylite
// coroutine (stepped with Vm::resume) to the core's Coroutine protocol, so
// core Tasks drive pylite code. Awaiting a pylite Future yields the Future
// itself (CPython's `_asyncio_future_blocking`), which the adapter turns
// into CoStep::await on the core future.
//
// Exceptions cross into the core as PyAsyncError / PyCancelledError
// carrying the pylite exception; core errors (CancelledError from cancel(),
// InvalidStateError...) become pylite exceptions of the matching class.

#include "core/runtime/RunContext.h"
#include "core/runtime/greenlet/StackPool.h"
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Task.h"
#include "core/script/modules/detail/NativeBox.h"
#include "core/script/value/Ref.h"
#include "core/script/vm/Frame.h"

#include <exception>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace coroscope {
class Network;
class ThreadPoolExecutor;
}

namespace coroscope::pylite {

struct CallArgs;

class Vm;

namespace detail {

using PyFuture = coroscope::Future<pylite::Ref>;
using PyTask = coroscope::Task<pylite::Ref>;
// One per asyncio task: 120 bytes is malloc's 128-byte size class (every
// byte past it costs 16 per task, 1.6 MB for 100,000 parked tasks).
static_assert(sizeof(PyTask) <= 120, "a core task grew past malloc's 128-byte size class");

/// A pylite exception travelling through the core loop.
struct PyAsyncError : std::exception {
    explicit PyAsyncError(pylite::Ref e) : exception(std::move(e)) {}
    const char* what() const noexcept override { return "pylite exception"; }
    pylite::Ref exception;
};

/// A pylite CancelledError travelling through the core loop (the core
/// recognises it as a cancellation).
struct PyCancelledError : coroscope::CancelledError {
    PyCancelledError(pylite::Ref e, std::string message)
        : CancelledError(std::move(message))
        , exception(std::move(e))
    {
    }
    pylite::Ref exception;
};

class AsyncioState;

/// The VM state of one side of a worker-fiber switch.
struct WorkerVm {
    FrameStack frames;
    Frame* current = nullptr;
    int depth = 0;
    TaskId task = 0; ///< the trace lane new frames belong to (Vm::mainTask)
};

/// The executor job running pylite code now (AsyncioExecutors.cpp).
struct WorkerContext {
    WorkerVm outer;                          ///< the loop side's VM state while the job runs
    WorkerVm mine;                           ///< the job's VM state while it is blocked
    coroscope::ThreadPoolExecutor* executor = nullptr;
    std::string name;                        ///< threading.current_thread().name
    bool process = false;                    ///< ProcessPoolExecutor: the worker is a process's MainThread
};

/// The C++ side of a pylite Future or Task object. Objects of exactly
/// asyncio.Future or asyncio.Task carry it inline (AsyncioState::
/// kInlinePayloadOffset: no instance dict, no box); instances of other
/// classes deriving from Future (user subclasses, concurrent.futures.Future)
/// keep it in a native box under "__future_core__" in their dict.
struct FuturePayload {
    FuturePayload(AsyncioState& state, Object* owner, coroscope::Ref<FutureBase> future);
    ~FuturePayload();
    FuturePayload(const FuturePayload&) = delete;
    FuturePayload& operator=(const FuturePayload&) = delete;

    /// The core future, typed.
    PyFuture* typed() const { return static_cast<PyFuture*>(future.get()); }

    AsyncioState* state;
    Object* owner;                        ///< the pylite object (borrowed; it owns this payload)
    coroscope::Ref<FutureBase> future;    ///< the core future (a PyFuture or a PyTask); its scriptObject() is `owner`
    Ref coro;                             ///< tasks: the coroutine (for repr)
};

/// gather()'s shared state: its children, the outer future and the count of
/// distinct children still running. Each child's done-callback holds it.
struct GatherState {
    AsyncioState* state = nullptr;
    coroscope::Ref<PyFuture> outer;
    std::vector<Ref> children;            ///< in the order given, duplicates kept
    std::size_t remaining = 0;
    bool returnExceptions = false;
};

/// A core executor and the stacks its workers run on (the executor goes first).
struct ExecutorCore {
    std::unique_ptr<StackPool> stacks;
    std::unique_ptr<coroscope::ThreadPoolExecutor> executor;
    ~ExecutorCore();
};

/// A loop object's payload: its core loop and the executors bound to it,
/// which are destroyed before the loop whatever order the objects die in.
class LoopPayload final : public NativePayload {
public:
    std::unique_ptr<RunContext> quietContext; ///< uvloop's untraced context (null: the run's); outlives the loop
    std::unique_ptr<EventLoop> loop;
    std::vector<std::shared_ptr<ExecutorCore>> executors;
    std::shared_ptr<coroscope::Network> network; ///< the simulated network (modules/world), made on first use; dies before the loop
};

/// A task whose coroutine raised, checked for "Task exception was never
/// retrieved" when asyncio.run ends.
struct TaskRecord {
    coroscope::Ref<FutureBase> task;
    Ref coro;
};

/// Adds Lock, Event, Semaphore, BoundedSemaphore, Queue, QueueEmpty and
/// QueueFull to the module dict (AsyncioSync.cpp).
bool addSyncPrimitives(AsyncioState& st, struct DictObject* module);

/// Adds as_completed, timeout (and its Timeout class) and
/// Task.cancelling/uncancel (AsyncioTimeouts.cpp).
bool addTimeouts(AsyncioState& st, struct DictObject* module, Value stateBox);

/// time.sleep inside an executor job: parks the worker (false when no job runs).
bool blockWorker(AsyncioState& st, Nanos duration);
/// time.sleep in plain code while executors have work: their workers run
/// meanwhile (false when there is nothing to run).
bool sleepWithExecutors(AsyncioState& st, Nanos duration);
/// loop.run_in_executor(executor, fn, *args).
Ref runInExecutor(ObjectSpace& space, Value self, const CallArgs& args);
Ref createConcurrentFuturesModule(AsyncioState& st, Value stateBox);
Ref createThreadingModule(AsyncioState& st, Value stateBox);

/// What asyncio.sleep(delay, result) returns: an awaitable FutureIter that
/// yields once (delay <= 0) or waits on a timer future (AsyncioFuture.cpp).
Ref newSleepAwaitable(AsyncioState& st, double delay, Value result);

/// repr() text of a future or task (CPython 3.11's shape).
std::string futureText(AsyncioState& st, FutureBase& future, Value coro, Value knownError);

class AsyncioState final : public NativePayload {
public:
    explicit AsyncioState(Vm& vm);
    ~AsyncioState() override;

    Vm& vm;
    RunContext ownContext;
    RunContext& context;

    Ref futureType;
    Ref taskType;
    Ref iterType;       ///< the iterator asyncio.sleep() and asyncio.wait() return
    Ref awaitIterType;  ///< the iterator Future.__await__ returns (no dict, not collected; AsyncioFuture.cpp)
    Ref loopType;
    Ref handleType;
    Ref timeoutType;
    Ref timerHandleType;
    Ref boxType;
    Ref cancelledType;
    Ref invalidStateType;
    Ref legacyCoroType;     ///< what @asyncio.coroutine functions return (AsyncioLegacy.cpp)
    Ref legacyFunctionType; ///< what @asyncio.coroutine returns

    Ref runningLoop;    ///< the loop object running now (null when none)
    Ref currentLoop;    ///< set_event_loop / get_event_loop's loop
    bool currentLoopSet = false; ///< currentLoop came from set_event_loop (not made implicitly)
    Ref policy;         ///< set_event_loop_policy's object (null: the default)
    std::uint32_t taskCounter = 0; ///< "Task-N": process-wide in CPython
    /// Where objects of exactly Future or Task keep their FuturePayload: after
    /// the header and the dict slot.
    static constexpr std::size_t kInlinePayloadOffset = sizeof(Object) + sizeof(Value);
    /// gather() futures not done yet, for cancel() (which cancels the children).
    std::unordered_map<const FutureBase*, std::shared_ptr<GatherState>> gathers;
    std::unordered_map<const EventLoop*, Nanos> loopSeen; ///< loop time the Vm clock last followed

    /// Moves the Vm's virtual clock (time.time, monotonic) forward by what
    /// `loop`'s clock advanced since the last call.
    void syncClock(const EventLoop& loop);

    std::vector<TaskRecord> records;

    // concurrent.futures / threading (AsyncioExecutors.cpp)
    Ref syncLoop;                 ///< the loop executors use outside asyncio
    Nanos syncLoopBase = 0;       ///< the Vm's clock when the sync loop started
    Ref threadPoolType;
    Ref concurrentFutureType;
    Ref threadType;
    std::uint32_t executorCounter = 0; ///< "ThreadPoolExecutor-N"
    WorkerContext* activeWorker = nullptr;
    std::unordered_map<const EventLoop*, Value> executorLoops; ///< loop objects (borrowed) by core loop
    std::unordered_map<const EventLoop*, Ref> defaultExecutors; ///< run_in_executor(None, ...)
    std::unordered_map<const FutureBase*, std::shared_ptr<bool>> jobStarted; ///< executor jobs: entered their worker
    /// An executor job and the loop object it runs on: joined at exit.
    struct ExitJob {
        Ref loopObject;
        coroscope::Ref<FutureBase> job;
    };
    std::vector<ExitJob> exitJobs;   ///< executor jobs that may still run when the program ends
    bool exitHookSet = false;        ///< joinExecutorsAtExit is registered with the Vm
    std::vector<Ref> loopsToClose;   ///< asyncio.run loops kept open for their executor jobs
    /// True when an executor job of `loopObject` is not done (it then stays
    /// open until joinExecutorsAtExit).
    bool hasExitJobs(Value loopObject) const;

    /// A new loop object (AsyncioModule.cpp).
    Ref makeLoop();
    /// The core loop of a loop object.
    EventLoop* loopOfObject(Value loopObject);
    /// The payload of a loop object (null if it is not one).
    LoopPayload* loopPayloadOf(Value loopObject);
    /// Runs `loopObject` until `f` is done (false with an exception pending).
    bool runUntil(Value loopObject, FutureBase& f);
    /// objectOf with an explicit class for a new object (null: Future or Task).
    Ref objectOfType(FutureBase& f, Value type);
    /// Prints CPython's "Task exception was never retrieved" for finished
    /// tasks whose exception nobody read (in the order the tasks were
    /// created), then forgets the records.
    void reportUnretrieved();
    /// Gives `owner` (an instance of Future or one of its subclasses) the
    /// payload for `f`: inline for exactly Future and Task, else in a box in
    /// its dict. Null with an exception pending on failure.
    FuturePayload* attachPayload(Object* owner, coroscope::Ref<FutureBase> f);
    /// The pylite exception a finished future holds, without marking it
    /// retrieved (borrowed; null when it holds none or a core-made one).
    static Value knownError(const FutureBase& f);

    EventLoop* loop() const;
    /// The running loop or RuntimeError "no running event loop".
    EventLoop* requireLoop();

    /// The core future of a pylite Future/Task object, or null.
    FuturePayload* payloadOf(Value v);
    /// The pylite object of `f` (made on demand), new reference.
    Ref objectOf(FutureBase& f);
    /// A pylite Task running `coro` on `loop`.
    Ref createTask(EventLoop& loop, Value coro, std::string name);

    /// The pending pylite exception converted for the core.
    std::exception_ptr toCore(Ref exc);
    /// A core exception as a pylite exception instance (null only on MemoryError).
    Ref fromCore(const std::exception_ptr& e);
    /// Raises fromCore(e) and returns null.
    Ref raiseCore(const std::exception_ptr& e);
};

} // namespace detail
} // namespace coroscope::pylite
