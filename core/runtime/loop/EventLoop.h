#pragma once
// EventLoop: asyncio's event loop (CPython 3.11 base_events.py) on a virtual
// clock. Callbacks wait in a FIFO ready queue; timers wait in a heap ordered
// by (deadline, scheduling sequence) so equal deadlines fire in the order they
// were scheduled. runOnce() is the only place callbacks run, and each pass
// runs only the callbacks that were ready when the pass began.
//
// The clock is virtual: it moves only when nothing is ready (it jumps to the
// next timer) or when block() holds the loop. There is no I/O selector: when
// nothing is ready and no timer is pending, nothing can ever happen again,
// and runOnce() throws Deadlock instead of blocking forever. (Executor work
// in flight always holds a timer or a ready handle of this loop: a job that
// blocks waits on a timer, a queued job waits for a running one. So "nothing
// ready, no timer" also means "no executor work in flight".)

#include "core/runtime/RunContext.h"
#include "core/runtime/loop/Callback.h"
#include "core/runtime/loop/Handle.h"
#include "core/runtime/loop/detail/RingQueue.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope {

class FutureBase;
class TaskBase;
namespace detail { class HandlePool; }

class EventLoop {
public:
    /// Something that can take over block(): an executor worker lane whose
    /// blocking calls advance only that worker.
    class BlockingLane {
    public:
        virtual void block(Nanos duration) = 0;

    protected:
        ~BlockingLane() = default;
    };

    using ExceptionHandler = std::function<void(const std::exception_ptr&)>;

    explicit EventLoop(RunContext& ctx);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    RunContext& context() const { return m_ctx; }

    /// The virtual clock.
    Nanos now() const { return m_now; }
    /// Starts the virtual clock at `t` instead of 0, before anything is
    /// scheduled: a later loop of the same run goes on from the run's time.
    void startClockAt(Nanos t) { m_now = t; }
    /// loop.time(): the virtual clock in seconds.
    double time() const { return double(m_now) / 1e9; }

    /// loop.call_soon: runs `fn` in a later pass, after everything already ready.
    template <class F>
    HandleRef callSoon(F&& fn)
    {
        return HandleRef(scheduleSoon(Callback(std::forward<F>(fn)), nullptr, 0, false));
    }
    /// loop.call_later: runs `fn` once `delay` has passed on the virtual clock.
    template <class F>
    HandleRef callLater(Nanos delay, F&& fn)
    {
        return HandleRef(scheduleAt(m_now + delay, Callback(std::forward<F>(fn)), 0, false));
    }
    /// loop.call_at: runs `fn` when the virtual clock reaches `when`.
    template <class F>
    HandleRef callAt(Nanos when, F&& fn)
    {
        return HandleRef(scheduleAt(when, Callback(std::forward<F>(fn)), 0, false));
    }

    /// A user-visible callback gets its own lane in the trace: create it with
    /// createCallbackTask() and schedule with the *As variants; the loop then
    /// emits the switches into and out of that lane around the call.
    TaskId createCallbackTask(std::string_view name);
    template <class F>
    HandleRef callSoonAs(TaskId callbackTask, F&& fn)
    {
        return HandleRef(scheduleSoon(Callback(std::forward<F>(fn)), nullptr, callbackTask, true));
    }
    template <class F>
    HandleRef callLaterAs(TaskId callbackTask, Nanos delay, F&& fn)
    {
        return HandleRef(scheduleAt(m_now + delay, Callback(std::forward<F>(fn)), callbackTask, true));
    }

    /// One pass of CPython's _run_once: drop cancelled timers at the head of
    /// the heap; if nothing is ready, advance the clock to the first timer (or
    /// throw Deadlock if there is none and stop() was not called); move due
    /// timers to the ready queue; run the callbacks that are ready now.
    void runOnce();
    /// loop.run_forever: runs passes until stop() is called.
    void runForever();
    /// loop.run_until_complete: runs until `future` is done, then returns. The
    /// caller reads the outcome from the future (Future<T>::result()).
    /// Throws RuntimeError("Event loop stopped before Future completed.") if
    /// stop() ended the run first, and Deadlock if the future can never finish.
    void runUntilComplete(FutureBase& future);
    /// loop.stop: the current pass finishes, then runForever returns.
    void stop() { m_stopping = true; }
    bool isRunning() const { return m_running; }
    /// loop.close: drops every pending callback and timer. Not allowed while running.
    void close();
    bool isClosed() const { return m_closed; }

    /// A blocking call (time.sleep, requests.get) holding the loop: the clock
    /// advances by `duration` and nothing else runs. Inside an executor worker
    /// only that worker's lane is blocked.
    void block(Nanos duration);
    /// Installs the lane that takes over block() (nullptr: the loop). Returns the previous one.
    BlockingLane* setBlockingLane(BlockingLane* lane) { return std::exchange(m_lane, lane); }

    /// asyncio.current_task(): the task whose step is running, or nullptr.
    TaskBase* currentTask() const { return m_currentTask; }
    TaskId currentTaskId() const;
    /// asyncio.all_tasks(): tasks of this loop that are not done, in creation order.
    std::vector<TaskBase*> allTasks() const;

    /// Ready callbacks and pending timers (cancelled ones included, as in CPython).
    std::size_t readyCount() const { return m_ready.size(); }
    std::size_t timerCount() const { return m_timers.size(); }
    /// Handles taken from the loop's pool and not yet recycled. Task steps
    /// and the done-callbacks of a future wait in the ready queue without one.
    std::size_t handlesInUse() const;

    /// Errors that escaped a callback are never propagated out of the loop;
    /// they go to this handler. The default records describeException(e) in unhandledErrors().
    void setExceptionHandler(ExceptionHandler handler) { m_exceptionHandler = std::move(handler); }
    const std::vector<std::string>& unhandledErrors() const { return m_unhandledErrors; }
    void callExceptionHandler(const std::exception_ptr& e);

    // ---- used by futures, tasks and the executor -------------------------
    /// Schedules `fn` on the ready queue (with `arg` passed to it and kept
    /// alive until the handle is released). The returned handle is owned by
    /// the loop; wrap it in a HandleRef to keep it.
    Handle* scheduleSoon(Callback fn, FutureBase* arg, TaskId task, bool ownsTask);
    Handle* scheduleAt(Nanos when, Callback fn, TaskId task, bool ownsTask);
    /// A task's step without a handle: the task itself waits in the ready
    /// queue (at most once; the queue holds a reference to it). Traced as a
    /// handle with a fresh handle id, like scheduleSoon.
    void pushReadyStep(TaskBase& task);
    /// call_soon for the next scheduled done-callback of a finished future
    /// (the entries stay in the future, taken from the front as the queue
    /// reaches them; the queue holds a reference to the future per entry).
    /// Returns the handle id the trace knows the callback by.
    HandleId pushReadyCallback(FutureBase& future, TaskId waiter);
    /// Every future registers itself for its lifetime (for allTasks() and
    /// to break reference cycles when the loop is destroyed).
    void registerFuture(FutureBase* future);
    void unregisterFuture(FutureBase* future);
    /// Task steps (Task's __step: _enter_task / _leave_task).
    void enterTask(TaskBase* task);
    void leaveTask(TaskBase* task);
    /// The next number for an automatic "Task-N" name.
    std::uint32_t nextTaskNumber() { return ++m_taskCounter; }
    /// The next N of "ThreadPoolExecutor-N" (CPython counts per process; we count per loop, from 0).
    std::uint32_t nextExecutorNumber() { return m_executorCounter++; }
    void checkClosed() const;
    /// Identifiers for Future::addDoneCallback, unique within the loop.
    std::uint64_t nextCallbackId() { return ++m_callbackCounter; }

private:
    friend class Handle;
    /// Heap order: std heap functions build a max-heap, so "fires later" puts
    /// the earliest (deadline, sequence) on top.
    static bool firesLater(const Handle* a, const Handle* b);
    /// A ready-queue entry: a Handle*, a TaskBase* (its step) or a
    /// FutureBase* (its next scheduled done-callback), told apart by the low bits.
    enum ReadyTag : std::uintptr_t { kReadyHandle = 0, kReadyStep = 1, kReadyCallback = 2, kReadyTagMask = 3 };

    void onHandleCancelled(Handle& h);
    void runHandle(Handle* h);
    void runStep(TaskBase* task);
    void runCallback(FutureBase* future);
    void pushReady(Handle* h);
    /// Releases a ready entry that will never run.
    void dropReady(std::uintptr_t entry);
    void dropCancelledTimers();
    [[noreturn]] void reportDeadlock();
    void releaseAll();
    void drop(Handle* h);

    RunContext& m_ctx;
    detail::HandlePool* m_pool;             ///< deletes itself once the loop and its handles are gone
    detail::RingQueue<std::uintptr_t> m_ready; ///< ReadyTag-ged entries, each holding one reference
    std::vector<Handle*> m_timers;          ///< min-heap on (when, seq); each entry holds one reference
    std::uint64_t m_timerSeq = 0;
    std::size_t m_timerCancelledCount = 0;  ///< cancelled timers still in the heap
    Nanos m_now = 0;
    bool m_running = false;
    bool m_stopping = false;
    bool m_closed = false;
    TaskBase* m_currentTask = nullptr;
    FutureBase* m_firstFuture = nullptr;    ///< intrusive list of live futures, creation order
    FutureBase* m_lastFuture = nullptr;
    std::uint32_t m_taskCounter = 0;        ///< for "Task-N" names
    std::uint32_t m_executorCounter = 0;    ///< for "ThreadPoolExecutor-N" names
    std::uint64_t m_callbackCounter = 0;
    BlockingLane* m_lane = nullptr;
    ExceptionHandler m_exceptionHandler;
    std::vector<std::string> m_unhandledErrors;
};

} // namespace coroscope
