#pragma once
// co::Event: asyncio.Event (CPython 3.11 locks.py). set() wakes every waiter
// (in the order they started waiting); wait() on a set event returns at once.
// It must outlive every coroutine waiting on it.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/detail/Waiters.h"

#include <cstddef>
#include <cstdint>

namespace coroscope::co {

class Event {
public:
    explicit Event(EventLoop& loop);
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    /// Event.is_set().
    bool isSet() const { return m_value; }
    /// Event.set(): wakes all waiters; a no-op if already set.
    void set();
    /// Event.clear(): later wait() calls block again.
    void clear() { m_value = false; }
    /// Event.wait(): returns true once the event is set.
    Task<bool> wait();

    std::size_t waiterCount() const { return m_waiters.size(); }
    /// The event's id in the trace (the target of WaitKind::Event).
    std::uint32_t id() const { return m_waiters.id(); }

private:
    detail::Waiters m_waiters;
    bool m_value = false;
};

} // namespace coroscope::co
