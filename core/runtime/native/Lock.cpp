#include "core/runtime/native/Lock.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/ForcedUnwind.h"

#include <algorithm>
#include <exception>

namespace coroscope::co {

Lock::Lock(EventLoop& loop)
    : m_waiters(loop, WaitKind::Lock)
{
}

Task<bool> Lock::acquire()
{
    const bool allCancelled = std::all_of(m_waiters.begin(), m_waiters.end(),
                                          [](const detail::Waiter& w) { return w->cancelled(); });
    if (!m_locked && allCancelled) {
        m_locked = true;
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
    // The `finally` runs before the CancelledError handling, so that this
    // waiter does not wake itself.
    m_waiters.remove(fut);
    if (error) {
        if (isCancelledError(error) && !m_locked)
            wakeUpFirst();
        std::rethrow_exception(error);
    }
    m_locked = true;
    co_return true;
}

void Lock::release()
{
    if (!m_locked)
        throw RuntimeError("Lock is not acquired.");
    m_locked = false;
    wakeUpFirst();
}

void Lock::wakeUpFirst()
{
    // A first waiter that is already done will wake up later and either take
    // the lock or, if cancelled, pass the wakeup on.
    if (m_waiters.empty())
        return;
    const detail::Waiter& first = *m_waiters.begin();
    if (!first->done())
        first->setResult();
}

} // namespace coroscope::co
