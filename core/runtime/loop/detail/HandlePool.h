#pragma once
// HandlePool: the free list that Handles come from. It outlives its loop if
// handles are still referenced when the loop is destroyed, and deletes itself
// when the last of them is released.

#include "core/runtime/loop/Handle.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace coroscope::detail {

class HandlePool {
public:
    explicit HandlePool(EventLoop* loop)
        : m_loop(loop)
    {
    }
    HandlePool(const HandlePool&) = delete;
    HandlePool& operator=(const HandlePool&) = delete;

    EventLoop* loop() const { return m_loop; }
    std::size_t live() const { return m_live; }

    /// A fresh handle with no references and default fields.
    Handle* acquire()
    {
        if (!m_free)
            refill();
        Handle* h = m_free;
        m_free = h->m_nextFree;
        h->m_when = 0;
        ++m_live;
        return h;
    }

    /// Takes back a handle whose callable and argument are already released.
    void release(Handle* h)
    {
        h->m_cancelled = h->m_inHeap = h->m_running = h->m_ownsTask = false;
        h->m_seq = 0;
        h->m_id = h->m_timer = h->m_task = 0;
        h->m_nextFree = m_free;
        m_free = h;
        if (--m_live == 0 && !m_loop)
            delete this;
    }

    /// Called by the loop's destructor.
    void detachLoop()
    {
        m_loop = nullptr;
        if (m_live == 0)
            delete this;
    }

private:
    static constexpr std::size_t kChunk = 256;

    void refill()
    {
        std::unique_ptr<Handle[]> chunk(new Handle[kChunk]);
        for (std::size_t i = 0; i < kChunk; ++i) {
            chunk[i].m_pool = this;
            chunk[i].m_nextFree = i + 1 < kChunk ? &chunk[i + 1] : m_free;
        }
        m_free = &chunk[0];
        m_chunks.push_back(std::move(chunk));
    }

    EventLoop* m_loop;
    std::vector<std::unique_ptr<Handle[]>> m_chunks;
    Handle* m_free = nullptr;
    std::size_t m_live = 0; ///< handles handed out and not yet released
};

} // namespace coroscope::detail
