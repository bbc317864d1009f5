#pragma once
// co::waitFor: asyncio.wait_for (CPython 3.11 tasks.py). Waits for a future
// (or a coroutine, wrapped in a task) for at most `timeout`. On timeout the
// inner future is cancelled and waited for — it never keeps running after
// wait_for returns — and TimeoutError is raised (unless the inner refused
// the cancellation and finished anyway: then its outcome is returned).
// Cancelling the task running wait_for cancels the inner future the same way.

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Spawn.h"
#include "core/runtime/native/detail/Waiters.h"

#include <exception>
#include <optional>
#include <utility>

namespace coroscope::co {

namespace detail {

/// tasks._cancel_and_wait: cancels `fut` and waits until it is done, through
/// a separate waiter so that this wait stays cancellable itself.
inline Task<void> cancelAndWait(EventLoop& loop, Ref<FutureBase> fut)
{
    Waiter waiter = Future<void>::create(loop);
    CallbackGuard guard(*fut, fut->addDoneCallback([waiter](FutureBase&) { releaseWaiter(*waiter); }));
    fut->cancel();
    co_await waiter;
}

} // namespace detail

/// asyncio.wait_for(fut, timeout). nullopt waits without limit; a timeout
/// <= 0 cancels at once unless `fut` is already done.
template <class T>
Task<T> waitFor(EventLoop& loop, Ref<Future<T>> fut, std::optional<Nanos> timeout)
{
    if (!timeout)
        co_return co_await fut;

    if (*timeout <= 0) {
        if (fut->done())
            co_return fut->result();
        co_await detail::cancelAndWait(loop, fut);
        if (fut->cancelled())
            throw TimeoutError();
        co_return fut->result();
    }

    detail::Waiter waiter = Future<void>::create(loop);
    detail::TimerGuard timer(loop.callLater(*timeout, [waiter] { detail::releaseWaiter(*waiter); }));
    const FutureBase::CallbackId cb = fut->addDoneCallback([waiter](FutureBase&) { detail::releaseWaiter(*waiter); });

    std::exception_ptr cancelled;
    try {
        co_await waiter;
    } catch (const CancelledError&) {
        cancelled = std::current_exception();
    }
    if (cancelled) {
        // The task running wait_for was cancelled.
        if (fut->done())
            co_return fut->result();
        fut->removeDoneCallback(cb);
        co_await detail::cancelAndWait(loop, fut);
        std::rethrow_exception(cancelled);
    }

    if (fut->done())
        co_return fut->result();
    fut->removeDoneCallback(cb);
    co_await detail::cancelAndWait(loop, fut);
    if (fut->cancelled())
        throw TimeoutError();
    co_return fut->result();
}

/// wait_for(coro, timeout): the coroutine runs as its own task (ensure_future).
template <class T>
Task<T> waitFor(EventLoop& loop, Task<T> coro, std::optional<Nanos> timeout)
{
    return waitFor<T>(loop, Ref<Future<T>>(spawn(loop, std::move(coro))), timeout);
}

} // namespace coroscope::co
