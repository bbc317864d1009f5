#pragma once
// FutureBase: the untyped half of asyncio.Future (CPython 3.11 futures.py):
// state, exception, cancellation message, done-callbacks, identity and trace.
// Future<T> adds the typed result; Task<T> adds the coroutine.
//
// Contract (as in CPython): a future resolves at most once; done-callbacks
// are never run inline but scheduled with call_soon when it resolves (or at
// once, with call_soon, if it is already done); errors go through the
// future, never out of the loop.

#include "core/runtime/loop/Callback.h"
#include "core/runtime/loop/Ref.h"
#include "core/runtime/loop/detail/CallbackList.h"
#include "core/trace/Event.h"

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>

namespace coroscope {

class EventLoop;
class TaskBase;

/// CPython's _PENDING / _FINISHED / _CANCELLED.
enum class FutureStatus : std::uint8_t { Pending, Finished, Cancelled };

class FutureBase {
public:
    using CallbackId = std::uint64_t;

    FutureBase(const FutureBase&) = delete;
    FutureBase& operator=(const FutureBase&) = delete;

    EventLoop& loop() const { return *m_loop; }
    FutureId id() const { return m_id; }
    FutureKind kind() const { return m_kind; }
    FutureStatus status() const { return m_status; }
    bool done() const { return m_status != FutureStatus::Pending; }
    bool cancelled() const { return m_status == FutureStatus::Cancelled; }
    bool isTask() const { return m_kind == FutureKind::Task; }
    /// The task behind this future, or null for a plain future.
    virtual TaskBase* asTask() { return nullptr; }

    /// Future.cancel(msg): a pending future becomes cancelled and schedules its
    /// callbacks; returns false if it was already done. Tasks and gather()
    /// futures override this with their own semantics. An empty `msg` is None.
    virtual bool cancel(const std::string& msg = {});

    /// Future.exception(): the stored exception (null if it has a result).
    /// Throws CancelledError if cancelled, InvalidStateError("Exception is not
    /// set.") if pending. Marks the exception as retrieved.
    std::exception_ptr exception();
    /// Future.set_exception(). Throws InvalidStateError("invalid state") if done,
    /// RuntimeError for a task.
    void setException(std::exception_ptr e);

    /// The untyped part of Future.result(): throws what result() would throw
    /// (the stored exception, CancelledError, or InvalidStateError("Result is
    /// not set.")) and returns normally when a result is set.
    void checkResult();
    /// Like checkResult() but returns the exception instead of throwing it
    /// (null when a result is set). Marks the exception as retrieved.
    std::exception_ptr resultError();

    /// Future.add_done_callback(fn): fn receives this future. `waiter` names
    /// the task the callback wakes (0 if none) for the trace.
    CallbackId addDoneCallback(Callback fn, TaskId waiter = 0);
    /// Future.remove_done_callback: returns how many callbacks were removed
    /// (none once the future is done: its callbacks are scheduled then).
    std::size_t removeDoneCallback(CallbackId id);
    /// Callbacks waiting for this future to finish (0 once it is done).
    std::size_t doneCallbackCount() const { return done() ? 0 : m_callbacks.size(); }

    /// Future._make_cancelled_error(): the CancelledError to raise for a
    /// cancelled future (the one that ended a task, if saved, else a new one
    /// carrying the cancel message).
    std::exception_ptr makeCancelledError();
    /// The message passed to cancel(), empty for None.
    std::string cancelMessage() const { return m_texts ? m_texts->cancelMessage : std::string(); }

    /// True while an exception is set and nobody has looked at it
    /// (CPython's __log_traceback, behind "exception was never retrieved").
    bool hasUnretrievedException() const { return m_logTraceback; }
    /// The stored exception (or the CancelledError that ended a task) without
    /// marking it retrieved, for repr and reports; null when there is none.
    const std::exception_ptr& peekException() const { return storedException(); }

    /// The scripting layer's object for this future (borrowed; null when it
    /// has none). The layer sets it when it makes the object and clears it
    /// when the object dies, so it finds the object without a lookup table.
    void* scriptObject() const { return m_scriptObject; }
    void setScriptObject(void* object) { m_scriptObject = object; }

    /// What a task awaiting this future is said to wait on in the trace.
    WaitKind waitKind() const { return m_waitKind; }
    std::uint32_t waitTarget() const { return m_waitTarget; }
    void setWaitTag(WaitKind kind, std::uint32_t target)
    {
        m_waitKind = kind;
        m_waitTarget = target;
    }

    void ref() { ++m_refs; }
    void unref()
    {
        if (--m_refs == 0)
            delete this;
    }

protected:
    friend class TaskBase;

    /// Plain futures announce themselves (FutureCreated) here; task futures
    /// are announced by the task once it has its id.
    FutureBase(EventLoop& loop, FutureKind kind, FutureId id = 0);
    virtual ~FutureBase();

    /// A short text of the result for the trace (the typed subclass knows it).
    virtual std::string describeResult() const { return {}; }
    /// Tasks only (TaskBase has no vtable of its own): the coroutine
    /// returned, move its result into the future.
    virtual void finishFromCoroutine() {}

    /// Throws unless a result or exception may be set now.
    void checkSettable(bool exceptionOperation) const;
    /// Transition to finished; the subclass has stored the value.
    void finishWithResult();
    void finishWithException(std::exception_ptr e);
    /// Future.cancel() proper (what Task calls as super().cancel()). `saved`
    /// is the CancelledError that ended a task, kept for makeCancelledError().
    bool cancelFuture(const std::string& msg, std::exception_ptr saved = nullptr);
    void setCancelMessage(const std::string& msg);
    void announce(TaskId owner);
    void setLogTraceback(bool on) { m_logTraceback = on; }

private:
    friend class EventLoop;
    void scheduleCallbacks();
    /// The loop is going away: drop the callbacks (nothing can run them now),
    /// which breaks reference cycles through them.
    void dropCallbacks();
    void traceResolved(FutureOutcome outcome, const std::exception_ptr& e);
    void traceWoken(TaskId waiter);

    EventLoop* m_loop;                              ///< null once the loop is destroyed
    FutureBase* m_prevFuture = nullptr;             ///< the loop's list of live futures
    FutureBase* m_nextFuture = nullptr;
    /// Pending: the done-callbacks in order added (40 B each: every task
    /// parked on the future has one; an entry keeps the low half of its
    /// CallbackId, ids of one loop only repeat after 2^32 callbacks). Done:
    /// those scheduled and not yet run, each with its handle id; the loop's
    /// ready queue holds one entry (and one reference to this future) per
    /// callback and takes them from the front.
    detail::CallbackList m_callbacks;
    /// What few futures have, out of line (100,000 parked tasks hold none):
    /// the exception (or the CancelledError that ended a task), the cancel
    /// message (empty for None) and a task's name set by its creator or
    /// set_name().
    struct Texts {
        std::exception_ptr exception;
        std::string cancelMessage;
        std::optional<std::string> taskName;
    };
    Texts& texts();
    std::unique_ptr<Texts> m_texts;                 ///< null while all are unset
    /// The exception (null when none); setting one makes the Texts.
    const std::exception_ptr& storedException() const;
    void storeException(std::exception_ptr e);
    void* m_scriptObject = nullptr;                 ///< see scriptObject()
    FutureId m_id;
    std::uint32_t m_refs = 0;
    std::uint32_t m_waitTarget;                     ///< trace: id the waiter waits on
    FutureStatus m_status = FutureStatus::Pending;
    FutureKind m_kind;
    WaitKind m_waitKind = WaitKind::Future;

protected:
    // Two bits of one byte, so that FutureBase is 72 bytes and a task fits
    // malloc's 128-byte size class (AsyncioState.h).
    bool m_logTraceback : 1 = false;
    bool m_hasValue : 1 = false; ///< Future<T>: its value is stored
};

using FutureRef = Ref<FutureBase>;

} // namespace coroscope
