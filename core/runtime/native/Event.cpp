#include "core/runtime/native/Event.h"

#include "core/runtime/ForcedUnwind.h"

#include <exception>

namespace coroscope::co {

Event::Event(EventLoop& loop)
    : m_waiters(loop, WaitKind::Event)
{
}

void Event::set()
{
    if (m_value)
        return;
    m_value = true;
    for (const detail::Waiter& w : m_waiters)
        if (!w->done())
            w->setResult();
}

Task<bool> Event::wait()
{
    if (m_value)
        co_return true;
    detail::Waiter fut = m_waiters.add();
    std::exception_ptr error;
    try {
        co_await fut;
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        error = std::current_exception();
    }
    m_waiters.remove(fut);
    if (error)
        std::rethrow_exception(error);
    co_return true;
}

} // namespace coroscope::co
