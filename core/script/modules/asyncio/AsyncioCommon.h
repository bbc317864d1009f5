#pragma once
// Helpers shared by the translation units of the pylite asyncio module
// (AsyncioModule, AsyncioFuture, AsyncioLoop, AsyncioWaiting, AsyncioSync,
// AsyncioTimeouts, AsyncioExecutors).

#include "core/runtime/ForcedUnwind.h"
#include "core/script/modules/asyncio/AsyncioState.h"
#include "core/script/value/Args.h"
#include "core/script/vm/Vm.h"

#include <deque>
#include <string>
#include <string_view>

namespace coroscope::pylite::detail {

/// Where classes of the module find their state: an int holding its address
/// in the class dict (the state owns the classes, not the other way round).
inline constexpr const char* kStateKey = "__asyncio_state__";

/// The state of a module class instance, or null.
AsyncioState* stateOfType(ObjectSpace& space, Value self);
/// The state bound to a module function (its `self` is the state box).
AsyncioState* stateOfModuleFn(ObjectSpace& space, Value self);
/// A VM coroutine, or an asyncio.sleep() object standing in for one.
bool isCoroutine(Vm& vm, Value v);
/// The payload of a Future/Task object; RuntimeError pending when none.
FuturePayload* futureOf(ObjectSpace& space, Value self);
/// str(v), or "" for None / null.
std::string optionalText(ObjectSpace& space, Value v);
/// Ends an await: StopIteration carrying `value` pending; returns null.
Ref raiseStop(ObjectSpace& space, Value value);
/// A new heap class of the module; with `st`, its instances find the state.
Ref makeClass(ObjectSpace& space, const char* name, Value base, const char* module, AsyncioState* st);

/// A new loop object with its core EventLoop.
Ref makeLoopObject(AsyncioState& st);
/// The core loop of a loop object (null if it is not one).
EventLoop* loopOf(AsyncioState& st, Value loopObj);
/// The running loop, else the current one (get_event_loop), made on demand.
EventLoop* loopForCall(AsyncioState& st);
/// Runs `loopObj` until `future` is done; a deadlock ends the program with
/// exit status 3 (SystemExit), its message on stderr.
bool runLoopUntil(AsyncioState& st, Value loopObj, FutureBase& future);
/// asyncio.run's clean-up: cancels every task of the loop `loopObj` still
/// pending and runs the loop until their cancellations are delivered.
void cancelRemainingTasks(AsyncioState& st, Value loopObj);
/// ensure_future: a Future/Task as is, a coroutine or awaitable as a new Task.
Ref ensureFutureIn(AsyncioState& st, EventLoop& loop, Value v);
/// Copies the outcome of `from` into `to` (when `to` is still pending).
void copyOutcome(FutureBase& from, PyFuture& to);

/// In the trace, the caller of a call that runs a loop (asyncio.run,
/// run_until_complete, run_forever, the runner's clean-up passes) waits on
/// `awaited` while the loop's lane runs, and resumes when the call returns;
/// meanwhile the Python code the loop calls runs on the loop's lane, or on
/// the lane of the task stepping it (Vm::setResumeCaller).
class LoopEntry {
public:
    LoopEntry(AsyncioState& st, FutureBase* awaited);
    ~LoopEntry();
    LoopEntry(const LoopEntry&) = delete;
    LoopEntry& operator=(const LoopEntry&) = delete;

private:
    AsyncioState& m_st;
    TaskId m_caller = 0;
    Vm::ResumeCaller m_outer;
};

/// Runs `fn` (returning a Ref), turning a C++ exception into a pending one.
template <class Fn>
Ref guarded(AsyncioState& st, Fn&& fn)
{
    try {
        return fn();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return st.raiseCore(std::current_exception());
    }
}

/// The loop executors use outside asyncio (made on demand; AsyncioConcurrentFuture.cpp).
Value syncLoop(AsyncioState& st);
/// Runs the loop `loopObj` (which must not be running) until `f` is done.
bool driveUntil(AsyncioState& st, Value loopObj, FutureBase& f);
/// concurrent.futures.Future, wait, as_completed and the return_when names.
bool addConcurrentFuture(AsyncioState& st, DictObject* module, Value stateBox);

// Waiter queues of the synchronisation primitives (AsyncioSync.cpp).
/// The running loop, or RuntimeError "no running event loop".
EventLoop* loopFor(AsyncioState& st);
/// An already finished future holding `value`.
Ref doneFuture(AsyncioState& st, Value value);
/// A new waiter future queued on `queue`.
Ref waitOn(AsyncioState& st, std::deque<coroscope::Ref<PyFuture>>& queue, WaitKind kind);
/// Wakes the first waiter still pending with `value`; false if none.
bool wakeOne(std::deque<coroscope::Ref<PyFuture>>& queue, const Ref& value);
bool hasPendingWaiter(const std::deque<coroscope::Ref<PyFuture>>& queue);
/// Condition, over the Lock class `lockType` (AsyncioCondition.cpp).
bool addCondition(AsyncioState& st, DictObject* module, Value lockType);

// Legacy forms and trace-only warnings (AsyncioLegacy.cpp).
/// The DeprecationWarning texts (docs/ARCHITECTURE.md, "asyncio module: legacy forms and warnings").
extern const char* const kCoroutineDecoratorWarning;
extern const char* const kWaitCoroutinesWarning;
extern const char* const kGetEventLoopWarning;
/// asyncio.coroutine and its _LegacyCoroutine class.
bool addLegacy(AsyncioState& st, DictObject* module, Value stateBox);
/// True for what a @asyncio.coroutine function returned.
bool isLegacyCoroutine(AsyncioState& st, Value v);
/// The generator inside a legacy coroutine object, else `v` itself.
Value legacyGenerator(AsyncioState& st, Value v);
/// The task the running code belongs to in the trace.
TaskId runningTraceTask(AsyncioState& st);
/// Tracing on and a task running on a loop: a BlockingCall warning event
/// ("main.py:7: time.sleep(1) blocks the event loop for 1 s inside task
/// 'Task-2': ...; use `modern`"). CPython prints nothing for a blocking call,
/// so this stays in the trace (the GUI's banner shows it).
void traceBlockingCall(AsyncioState& st, std::string_view call, Nanos duration, std::string_view modern);
/// asyncio.run's shutdown_default_executor: runs `loopObj` (not running)
/// until the jobs of its default executor (run_in_executor(None, ...)) are
/// done. With an exception pending when the loop could not finish them.
void joinDefaultExecutor(AsyncioState& st, Value loopObj);
/// Drives the executors' sync loop until the jobs still queued or running
/// there are done: CPython joins the worker threads at exit (Vm::atExit).
void joinExecutorsAtExit(AsyncioState& st);

/// Future, Task and the await iterator (AsyncioFuture.cpp).
bool addFutureClasses(AsyncioState& st);
/// The loop, Handle and TimerHandle classes (AsyncioLoop.cpp).
bool addLoopClasses(AsyncioState& st);
/// wait, wait_for, shield (AsyncioWaiting.cpp).
bool addWaiting(AsyncioState& st, DictObject* module, Value stateBox);

} // namespace coroscope::pylite::detail
