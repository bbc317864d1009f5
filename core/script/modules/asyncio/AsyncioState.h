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
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Task.h"
#include "core/script/modules/detail/NativeBox.h"
#include "core/script/value/Ref.h"

#include <exception>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace coroscope::pylite {

class Vm;

namespace detail {

using PyFuture = coroscope::Future<pylite::Ref>;
using PyTask = coroscope::Task<pylite::Ref>;

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

/// The payload of a pylite Future or Task object.
class FuturePayload final : public NativePayload {
public:
    FuturePayload(AsyncioState& state, Object* owner, coroscope::Ref<FutureBase> future);
    ~FuturePayload() override;

    AsyncioState* state;
    Object* owner;                        ///< the pylite object (borrowed; it owns this payload)
    coroscope::Ref<FutureBase> future;    ///< the core future (a PyFuture or a PyTask)
    PyFuture* typed;                      ///< the same object, typed
    Ref coro;                             ///< tasks: the coroutine (for repr)
    std::shared_ptr<Ref> error;           ///< tasks: the exception the coroutine raised (read without retrieving it)
    std::vector<Ref> gatherChildren;      ///< gather()'s future: the children cancel() cancels
};

/// A loop object's payload: which core loop it stands for.
class LoopPayload final : public NativePayload {
public:
    std::unique_ptr<EventLoop> loop;
};

/// A task created by the module, checked for "Task exception was never
/// retrieved" when asyncio.run ends.
struct TaskRecord {
    coroscope::Ref<FutureBase> task;
    Ref coro;
    std::shared_ptr<Ref> error;
};

/// Adds Lock, Event, Semaphore, BoundedSemaphore, Queue, QueueEmpty and
/// QueueFull to the module dict (AsyncioSync.cpp).
bool addSyncPrimitives(AsyncioState& st, struct DictObject* module);

/// Adds as_completed, timeout (and its Timeout class) and
/// Task.cancelling/uncancel (AsyncioTimeouts.cpp).
bool addTimeouts(AsyncioState& st, struct DictObject* module, Value stateBox);

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
    Ref iterType;       ///< the iterator __await__ returns
    Ref loopType;
    Ref handleType;
    Ref timeoutType;
    Ref timerHandleType;
    Ref boxType;
    Ref cancelledType;
    Ref invalidStateType;

    Ref runningLoop;    ///< the loop object running now (null when none)
    Ref currentLoop;    ///< set_event_loop / get_event_loop's loop
    std::uint32_t taskCounter = 0; ///< "Task-N": process-wide in CPython
    std::unordered_map<const FutureBase*, FuturePayload*> objects;
    std::unordered_map<const EventLoop*, Nanos> loopSeen; ///< loop time the Vm clock last followed

    /// Moves the Vm's virtual clock (time.time, monotonic) forward by what
    /// `loop`'s clock advanced since the last call.
    void syncClock(const EventLoop& loop);

    std::vector<TaskRecord> records;
    /// Prints CPython's "Task exception was never retrieved" for finished
    /// tasks whose exception nobody read, then forgets the records.
    void reportUnretrieved();

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
