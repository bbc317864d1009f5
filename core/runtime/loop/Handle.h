#pragma once
// Handle: one scheduled callback (asyncio's Handle and TimerHandle). The loop
// owns a reference while the handle is in its ready queue or timer heap;
// callSoon/callLater/callAt return another so the caller can cancel it.
// Handles come from a pool owned by their loop, so scheduling allocates
// nothing once the pool is warm.

#include "core/runtime/loop/Callback.h"
#include "core/runtime/loop/Ref.h"
#include "core/trace/Event.h"

#include <cstdint>

namespace coroscope {

class EventLoop;
class FutureBase;
namespace detail { class HandlePool; }

class Handle {
public:
    /// Cancels the callback: it will never run. Its callable and arguments are
    /// released at once (unless it is running right now). A cancelled timer is
    /// removed from the heap lazily, as CPython does. Cancelling twice is a no-op.
    void cancel();
    bool cancelled() const { return m_cancelled; }

    HandleId id() const { return m_id; }
    /// Non-zero for timers (call_later/call_at).
    TimerId timerId() const { return m_timer; }
    bool isTimer() const { return m_timer != 0; }
    /// The deadline of a timer; 0 for a plain callback.
    Nanos when() const { return m_when; }
    /// The task this handle steps or belongs to (0 for a plain callback).
    TaskId task() const { return m_task; }

    void ref() { ++m_refs; }
    void unref()
    {
        if (--m_refs == 0)
            recycle();
    }

private:
    friend class EventLoop;
    friend class detail::HandlePool;

    Handle() = default;
    void recycle();
    void releaseCallable();

    Callback m_fn;                      ///< the callable; empty once cancelled or recycled
    FutureBase* m_arg = nullptr;        ///< counted: the future passed to a done-callback
    detail::HandlePool* m_pool = nullptr; ///< where the handle returns; knows the loop
    union {
        Nanos m_when = 0;               ///< timer deadline (0 for a plain callback)
        Handle* m_nextFree;             ///< pool free-list link while unused (when is then unused)
    };
    std::uint64_t m_seq = 0;            ///< timer scheduling order, breaks deadline ties
    HandleId m_id = 0;
    TimerId m_timer = 0;                ///< 0 for a plain callback
    TaskId m_task = 0;                  ///< task stepped (plain) or owning task (timer)
    std::uint32_t m_refs = 0;
    bool m_cancelled = false;
    bool m_inHeap = false;              ///< still in the timer heap
    bool m_running = false;             ///< its callable is executing
    bool m_ownsTask = false;            ///< m_task is a Callback task whose lane this handle is
};

using HandleRef = Ref<Handle>;

} // namespace coroscope
