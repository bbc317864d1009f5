#pragma once
// TaskBase: the untyped half of asyncio.Task (CPython 3.11 tasks.py): the
// step that drives a Coroutine, cancellation with 3.11's cancel()/uncancel()/
// cancelling() counting and _must_cancel, names, registration with the loop,
// and the trace of every step. Task<T> combines it with Future<T>.
//
// Invariant (CPython's): while a task is not done, either waitingOn() is null
// and a step is scheduled, or waitingOn() is a future whose done-callbacks
// include this task's wakeup and no step is scheduled.

#include "core/runtime/loop/Coroutine.h"
#include "core/runtime/loop/FutureBase.h"
#include "core/runtime/loop/Ref.h"

#include <cstdint>
#include <exception>
#include <memory>
#include <string>

namespace coroscope {

class EventLoop;

class TaskBase {
public:
    TaskBase(const TaskBase&) = delete;
    TaskBase& operator=(const TaskBase&) = delete;

    /// The id shared with every other kind of task (greenlets, workers...).
    TaskId taskId() const { return m_id; }
    /// This task seen as a future.
    FutureBase& future() const
    {
        // The future is another base of the same object, m_selfOffset bytes before this one.
        return *reinterpret_cast<FutureBase*>(const_cast<char*>(reinterpret_cast<const char*>(this)) - m_selfOffset);
    }
    EventLoop& loop() const { return future().loop(); }
    bool done() const { return future().done(); }

    /// Task.get_name(): "Task-N" unless set.
    std::string name() const;
    /// Task.set_name().
    void setName(std::string name);

    /// Task.cancel(msg): asks the task to cancel itself. If it waits on a
    /// future, that future is cancelled (its CancelledError then reaches the
    /// coroutine); otherwise CancelledError is thrown in at the next step.
    /// Returns false if the task is already done. Counts the request.
    bool cancel(const std::string& msg = {});
    /// Task.cancelling(): cancellation requests not yet uncancelled.
    int cancelling() const { return m_numCancelsRequested; }
    /// Task.uncancel(): decrements the count (not below zero) and returns it.
    int uncancel();

    /// The coroutine being driven (Task.get_coro()); null once the task is done.
    Coroutine* coroutine() const { return m_coro; }
    /// The future the task waits on (CPython's _fut_waiter), or null.
    FutureBase* waitingOn() const { return m_futWaiter.get(); }
    /// True once the first step has run.
    bool started() const { return m_started; }

    void ref() { future().ref(); }
    void unref() { future().unref(); }

protected:
    /// Registers the task, announces it in the trace and schedules its first
    /// step. An empty `name` means "Task-N": N is `number`, or the loop's
    /// next task number when `number` is 0. The text is made only when asked.
    TaskBase(FutureBase& self, Coroutine* coro, TaskId id, std::string name, std::uint32_t number = 0);
    /// Not virtual: a task is deleted as its future (FutureBase's destructor
    /// is virtual), and the future finishes it (FutureBase::finishFromCoroutine).
    ~TaskBase();

private:
    friend class EventLoop;

    void step(std::exception_ptr exc);
    /// The loop is going away: free the coroutine and forget the waiter.
    void abandon();
    void wakeup(FutureBase& awaited);
    void scheduleStep(std::exception_ptr exc);
    void releaseCoroutine();
    std::string describe() const;

    Coroutine* m_coro;                    ///< owned; destroyed when the task finishes
    Ref<FutureBase> m_futWaiter;          ///< CPython's _fut_waiter
    TaskId m_id;
    std::uint32_t m_number = 0;           ///< N of "Task-N" unless the future's texts hold a name
    int m_numCancelsRequested = 0;
    HandleId m_stepId = 0;                ///< trace id of the step waiting in the ready queue
    std::uint16_t m_selfOffset;           ///< this task as a future (the other base of Task<T>): `this` minus this many bytes
    bool m_mustCancel = false;
    bool m_started = false;
    bool m_stepQueued = false;            ///< the task is in the ready queue (holding a reference), at most once
};

} // namespace coroscope
