#pragma once
// co::sleep and co::yieldNow: asyncio.sleep for native coroutines.
//
// sleep(loop, d) with d > 0 creates a future and a timer that resolves it
// (unless it was cancelled), awaits the future and cancels the timer on the
// way out, exactly as asyncio.sleep does; with d <= 0 it is a bare yield that
// gives the loop one pass (asyncio.sleep(0)).

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/native/detail/Driver.h"

#include <coroutine>

namespace coroscope::co {

namespace detail {

struct YieldAwaiter : LeafAwaiter {
    bool await_ready() const { return false; }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h)
    {
        suspendChain(h, CoStep::yield());
    }
    void await_resume() { raiseInjected(); }
};

class SleepAwaiter : public LeafAwaiter {
public:
    SleepAwaiter(EventLoop& loop, Nanos delay)
        : m_loop(&loop)
        , m_delay(delay)
    {
    }
    SleepAwaiter(SleepAwaiter&&) = default;
    ~SleepAwaiter()
    {
        if (m_timer)
            m_timer->cancel();
    }

    bool await_ready() const { return false; }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h)
    {
        if (m_delay <= 0) {
            suspendChain(h, CoStep::yield());
            return;
        }
        m_future = Future<void>::create(*m_loop);
        m_timer = m_loop->callLater(m_delay, [f = m_future] { f->setResultUnlessCancelled(); });
        m_future->setWaitTag(WaitKind::Timer, m_timer->timerId());
        suspendChain(h, CoStep::await(*m_future));
    }
    void await_resume()
    {
        if (m_timer)
            std::exchange(m_timer, nullptr)->cancel();
        raiseInjected();
        if (m_future)
            m_future->checkResult();
    }

private:
    EventLoop* m_loop;
    Nanos m_delay;
    Ref<Future<void>> m_future;
    HandleRef m_timer;
};

} // namespace detail

/// `co_await co::yieldNow()`: a bare yield; the task runs again in the next pass.
inline detail::YieldAwaiter yieldNow()
{
    return {};
}

/// `co_await co::sleep(loop, d)`: asyncio.sleep(d) on the virtual clock.
inline detail::SleepAwaiter sleep(EventLoop& loop, Nanos delay)
{
    return detail::SleepAwaiter(loop, delay);
}

} // namespace coroscope::co
