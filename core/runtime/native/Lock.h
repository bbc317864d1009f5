#pragma once
// co::Lock: asyncio.Lock (CPython 3.11 locks.py). Not reentrant; fair: a
// released lock goes to the longest waiter, and a waiter that is cancelled
// after being woken passes the wakeup on. `async with lock:` is
// `co_await lock.acquire(); ...; lock.release();`.
//
// A primitive must outlive every coroutine that uses it (acquire() is a
// member coroutine and refers to it while suspended).

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/detail/Waiters.h"

#include <cstddef>
#include <cstdint>

namespace coroscope::co {

class Lock {
public:
    explicit Lock(EventLoop& loop);
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

    /// Lock.acquire(): takes the lock at once if it is free and nobody waits
    /// (cancelled waiters do not count), else queues. Returns true.
    Task<bool> acquire();
    /// Lock.release(): throws RuntimeError("Lock is not acquired.") if unlocked.
    void release();
    bool locked() const { return m_locked; }

    /// Tasks queued in acquire() (cancelled ones until they leave).
    std::size_t waiterCount() const { return m_waiters.size(); }
    /// The lock's id in the trace (the target of WaitKind::Lock).
    std::uint32_t id() const { return m_waiters.id(); }

private:
    void wakeUpFirst();

    detail::Waiters m_waiters;
    bool m_locked = false;
};

} // namespace coroscope::co
