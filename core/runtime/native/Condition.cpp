#include "core/runtime/native/Condition.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/ForcedUnwind.h"

#include <exception>
#include <utility>

namespace coroscope::co {

Condition::Condition(EventLoop& loop, Lock* lock)
    : m_ownLock(lock ? nullptr : std::make_unique<Lock>(loop))
    , m_lock(lock ? lock : m_ownLock.get())
    , m_waiters(loop, WaitKind::Condition)
{
}

Task<bool> Condition::wait()
{
    if (!locked())
        throw RuntimeError("cannot wait on un-acquired lock");
    release();

    std::exception_ptr error;
    {
        detail::Waiter fut = m_waiters.add();
        try {
            co_await fut;
        } catch (...) {
            coroscope::rethrowIfForcedUnwind();
            error = std::current_exception();
        }
        m_waiters.remove(fut);
    }

    // The `finally`: the lock must be held again on the way out, however
    // often this task is cancelled while re-acquiring it.
    bool cancelled = false;
    for (;;) {
        try {
            co_await acquire();
            break;
        } catch (const CancelledError&) {
            cancelled = true;
        }
    }
    if (cancelled)
        throw CancelledError();
    if (error)
        std::rethrow_exception(error);
    co_return true;
}

Task<bool> Condition::waitFor(std::function<bool()> predicate)
{
    bool result = predicate();
    while (!result) {
        co_await wait();
        result = predicate();
    }
    co_return result;
}

void Condition::notify(std::size_t n)
{
    if (!locked())
        throw RuntimeError("cannot notify on un-acquired lock");
    std::size_t woken = 0;
    for (const detail::Waiter& w : m_waiters) {
        if (woken >= n)
            break;
        if (!w->done()) {
            ++woken;
            w->setResult();
        }
    }
}

} // namespace coroscope::co
