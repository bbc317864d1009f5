#pragma once
// co::Queue<T>: asyncio.Queue (CPython 3.11 queues.py), a FIFO for tasks of
// one loop. maxsize <= 0 means unbounded. put() waits while the queue is
// full, get() while it is empty; waiters are woken oldest first, one per
// item or free slot. Every put counts an unfinished task; task_done() counts
// it off and join() waits until none is left. The queue must outlive every
// coroutine using it.

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Event.h"
#include "core/runtime/native/detail/Waiters.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <utility>

namespace coroscope::co {

template <class T>
class Queue {
public:
    explicit Queue(EventLoop& loop, long maxsize = 0)
        : m_maxsize(maxsize)
        , m_getters(loop, WaitKind::Queue)
        , m_putters(loop, WaitKind::Queue)
        , m_finished(loop)
    {
        m_finished.set();
    }
    Queue(const Queue&) = delete;
    Queue& operator=(const Queue&) = delete;

    std::size_t qsize() const { return m_items.size(); }
    long maxsize() const { return m_maxsize; }
    bool empty() const { return m_items.empty(); }
    bool full() const { return m_maxsize > 0 && qsize() >= std::size_t(m_maxsize); }

    /// Queue.put(item): waits for a free slot, then put_nowait(item).
    Task<void> put(T item)
    {
        while (full()) {
            detail::Waiter putter = m_putters.add();
            std::exception_ptr error;
            try {
                co_await putter;
            } catch (...) {
                coroscope::rethrowIfForcedUnwind();
                error = std::current_exception();
            }
            if (error) {
                putter->cancel(); // in case it is not done yet
                m_putters.remove(putter);
                // Woken but leaving: pass the free slot on.
                if (!full() && !putter->cancelled())
                    wakeupNext(m_putters);
                std::rethrow_exception(error);
            }
        }
        putNowait(std::move(item));
    }

    /// Queue.put_nowait(item): throws QueueFull if there is no free slot.
    void putNowait(T item)
    {
        if (full())
            throw QueueFull();
        m_items.push_back(std::move(item));
        ++m_unfinished;
        m_finished.clear();
        wakeupNext(m_getters);
    }

    /// Queue.get(): waits for an item, then get_nowait().
    Task<T> get()
    {
        while (empty()) {
            detail::Waiter getter = m_getters.add();
            std::exception_ptr error;
            try {
                co_await getter;
            } catch (...) {
                coroscope::rethrowIfForcedUnwind();
                error = std::current_exception();
            }
            if (error) {
                getter->cancel();
                m_getters.remove(getter);
                // Woken but leaving: pass the item on.
                if (!empty() && !getter->cancelled())
                    wakeupNext(m_getters);
                std::rethrow_exception(error);
            }
        }
        co_return getNowait();
    }

    /// Queue.get_nowait(): throws QueueEmpty if there is no item.
    T getNowait()
    {
        if (empty())
            throw QueueEmpty();
        T item = std::move(m_items.front());
        m_items.pop_front();
        wakeupNext(m_putters);
        return item;
    }

    /// Queue.task_done(): throws ValueError("task_done() called too many times").
    void taskDone()
    {
        if (m_unfinished == 0)
            throw ValueError("task_done() called too many times");
        if (--m_unfinished == 0)
            m_finished.set();
    }

    /// Queue.join(): waits until every item put has been marked task_done().
    Task<void> join()
    {
        if (m_unfinished > 0)
            co_await m_finished.wait();
    }

    std::size_t unfinishedTasks() const { return m_unfinished; }
    std::size_t getterCount() const { return m_getters.size(); }
    std::size_t putterCount() const { return m_putters.size(); }
    /// The ids the trace names as WaitKind::Queue targets for get() and put().
    std::uint32_t getId() const { return m_getters.id(); }
    std::uint32_t putId() const { return m_putters.id(); }

private:
    /// Queue._wakeup_next: drops waiters from the front until one is woken.
    static void wakeupNext(detail::Waiters& waiters)
    {
        while (!waiters.empty()) {
            detail::Waiter w = waiters.popFront();
            if (!w->done()) {
                w->setResult();
                break;
            }
        }
    }

    std::deque<T> m_items;
    long m_maxsize;
    detail::Waiters m_getters;
    detail::Waiters m_putters;
    std::size_t m_unfinished = 0; ///< `_unfinished_tasks`
    Event m_finished;             ///< set while m_unfinished == 0
};

} // namespace coroscope::co
