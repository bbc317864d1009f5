#pragma once
// The FIFO of waiter futures behind every asyncio primitive (CPython's
// `self._waiters = collections.deque()`), plus the small pieces the
// combinators share: _release_waiter and "remove this done-callback on the
// way out" guards.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Handle.h"
#include "core/runtime/loop/Ref.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>

namespace coroscope::co::detail {

using Waiter = Ref<Future<void>>;

/// A primitive's waiters in arrival order. Each waiter future is tagged so
/// that the trace shows what its task waits on (kind + the primitive's id).
class Waiters {
public:
    Waiters(EventLoop& loop, WaitKind kind)
        : m_loop(&loop)
        , m_id(loop.context().nextFutureId++)
        , m_kind(kind)
    {
    }

    /// The primitive's id in the trace (drawn from the future ids, so it
    /// never collides with a future).
    std::uint32_t id() const { return m_id; }
    EventLoop& loop() const { return *m_loop; }

    /// loop.create_future() appended to the queue.
    Waiter add()
    {
        Waiter w = Future<void>::create(*m_loop);
        w->setWaitTag(m_kind, m_id);
        m_queue.push_back(w);
        return w;
    }
    /// deque.remove(w); returns false if it was not there (ValueError in Python).
    bool remove(const Waiter& w)
    {
        auto it = std::find(m_queue.begin(), m_queue.end(), w);
        if (it == m_queue.end())
            return false;
        m_queue.erase(it);
        return true;
    }
    Waiter popFront()
    {
        Waiter w = std::move(m_queue.front());
        m_queue.pop_front();
        return w;
    }

    bool empty() const { return m_queue.empty(); }
    std::size_t size() const { return m_queue.size(); }
    auto begin() const { return m_queue.begin(); }
    auto end() const { return m_queue.end(); }

private:
    EventLoop* m_loop;
    std::deque<Waiter> m_queue;
    std::uint32_t m_id;
    WaitKind m_kind;
};

/// tasks._release_waiter: resolves the waiter unless it is already done.
inline void releaseWaiter(Future<void>& waiter)
{
    if (!waiter.done())
        waiter.setResult();
}

/// Removes a done-callback when the coroutine frame that added it leaves the
/// scope, however it leaves (return, exception, or destruction).
class CallbackGuard {
public:
    CallbackGuard(FutureBase& future, FutureBase::CallbackId id)
        : m_future(&future)
        , m_id(id)
    {
    }
    CallbackGuard(const CallbackGuard&) = delete;
    CallbackGuard& operator=(const CallbackGuard&) = delete;
    ~CallbackGuard() { m_future->removeDoneCallback(m_id); }

private:
    Ref<FutureBase> m_future;
    FutureBase::CallbackId m_id;
};

/// Cancels a timer handle when the scope that armed it is left.
class TimerGuard {
public:
    explicit TimerGuard(HandleRef handle)
        : m_handle(std::move(handle))
    {
    }
    TimerGuard(const TimerGuard&) = delete;
    TimerGuard& operator=(const TimerGuard&) = delete;
    ~TimerGuard()
    {
        if (m_handle)
            m_handle->cancel();
    }

private:
    HandleRef m_handle;
};

} // namespace coroscope::co::detail
