#pragma once
// co::Semaphore and co::BoundedSemaphore: asyncio.Semaphore and
// asyncio.BoundedSemaphore (CPython 3.11 locks.py). release() hands the
// count straight to the longest waiter, so a newcomer cannot overtake tasks
// that already wait. (BoundedSemaphore is the same type with one more check;
// it lives here with its base.) A semaphore must outlive every coroutine
// using it.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/detail/Waiters.h"

#include <cstddef>
#include <cstdint>

namespace coroscope::co {

class Semaphore {
public:
    /// Throws ValueError("Semaphore initial value must be >= 0").
    explicit Semaphore(EventLoop& loop, int value = 1);
    virtual ~Semaphore() = default;
    Semaphore(const Semaphore&) = delete;
    Semaphore& operator=(const Semaphore&) = delete;

    /// Semaphore.locked(): acquire() would block (the count is 0, or some
    /// waiter that is not cancelled is queued).
    bool locked() const;
    /// Semaphore.acquire(): decrements the count, waiting while it is 0. Returns true.
    Task<bool> acquire();
    /// Semaphore.release(): increments the count and wakes the first waiter.
    virtual void release();

    /// The internal counter (`_value`).
    int value() const { return m_value; }
    std::size_t waiterCount() const { return m_waiters.size(); }
    /// The semaphore's id in the trace (the target of WaitKind::Semaphore).
    std::uint32_t id() const { return m_waiters.id(); }

protected:
    int m_value;

private:
    void wakeUpNext();

    detail::Waiters m_waiters;
};

class BoundedSemaphore final : public Semaphore {
public:
    explicit BoundedSemaphore(EventLoop& loop, int value = 1);
    /// Throws ValueError("BoundedSemaphore released too many times") above the initial value.
    void release() override;

private:
    int m_bound;
};

} // namespace coroscope::co
