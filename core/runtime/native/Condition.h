#pragma once
// co::Condition: asyncio.Condition (CPython 3.11 locks.py) over a co::Lock,
// its own or a shared one. wait() releases the lock, waits for notify(), and
// re-acquires the lock before returning — even when cancelled, in which case
// it raises CancelledError once the lock is held again. A condition (and a
// shared lock) must outlive every coroutine using it.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Lock.h"
#include "core/runtime/native/detail/Waiters.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace coroscope::co {

class Condition {
public:
    /// Condition(lock=None): `lock` null makes a new Lock.
    explicit Condition(EventLoop& loop, Lock* lock = nullptr);
    Condition(const Condition&) = delete;
    Condition& operator=(const Condition&) = delete;

    bool locked() const { return m_lock->locked(); }
    Task<bool> acquire() { return m_lock->acquire(); }
    void release() { m_lock->release(); }
    Lock& lock() const { return *m_lock; }

    /// Condition.wait(): throws RuntimeError("cannot wait on un-acquired
    /// lock") unless the lock is held. Returns true.
    Task<bool> wait();
    /// Condition.wait_for(predicate): waits until predicate() is true and
    /// returns it (checked first, then after every wakeup).
    Task<bool> waitFor(std::function<bool()> predicate);
    /// Condition.notify(n): wakes up to n waiters, oldest first. Throws
    /// RuntimeError("cannot notify on un-acquired lock") unless the lock is held.
    void notify(std::size_t n = 1);
    /// Condition.notify_all().
    void notifyAll() { notify(m_waiters.size()); }

    std::size_t waiterCount() const { return m_waiters.size(); }
    /// The condition's id in the trace (the target of WaitKind::Condition).
    std::uint32_t id() const { return m_waiters.id(); }

private:
    std::unique_ptr<Lock> m_ownLock; ///< when no lock was given
    Lock* m_lock;
    detail::Waiters m_waiters;
};

} // namespace coroscope::co
