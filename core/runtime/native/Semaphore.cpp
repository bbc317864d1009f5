#include "core/runtime/native/Semaphore.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/ForcedUnwind.h"

#include <algorithm>
#include <exception>

namespace coroscope::co {

Semaphore::Semaphore(EventLoop& loop, int value)
    : m_value(value)
    , m_waiters(loop, WaitKind::Semaphore)
{
    if (value < 0)
        throw ValueError("Semaphore initial value must be >= 0");
}

bool Semaphore::locked() const
{
    return m_value == 0
        || std::any_of(m_waiters.begin(), m_waiters.end(), [](const detail::Waiter& w) { return !w->cancelled(); });
}

Task<bool> Semaphore::acquire()
{
    if (!locked()) {
        --m_value;
        co_return true;
    }
    detail::Waiter fut = m_waiters.add();
    std::exception_ptr error;
    try {
        co_await fut;
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        error = std::current_exception();
    }
    m_waiters.remove(fut);
    if (error) {
        // Woken (the count was handed to us) but cancelled before running:
        // give the count back to the next waiter.
        if (isCancelledError(error) && !fut->cancelled()) {
            ++m_value;
            wakeUpNext();
        }
        std::rethrow_exception(error);
    }
    if (m_value > 0)
        wakeUpNext();
    co_return true;
}

void Semaphore::release()
{
    ++m_value;
    wakeUpNext();
}

void Semaphore::wakeUpNext()
{
    for (const detail::Waiter& w : m_waiters) {
        if (!w->done()) {
            --m_value;
            w->setResult();
            return;
        }
    }
}

BoundedSemaphore::BoundedSemaphore(EventLoop& loop, int value)
    : Semaphore(loop, value)
    , m_bound(value)
{
}

void BoundedSemaphore::release()
{
    if (m_value >= m_bound)
        throw ValueError("BoundedSemaphore released too many times");
    Semaphore::release();
}

} // namespace coroscope::co
