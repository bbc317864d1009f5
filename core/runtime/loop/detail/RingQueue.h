#pragma once
// A FIFO of trivially copyable values in a power-of-two ring buffer: push at
// the back, pop at the front, no allocation once it has grown to size.

#include <cassert>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

namespace coroscope::detail {

template <class T>
class RingQueue {
    static_assert(std::is_trivially_copyable_v<T>, "RingQueue holds plain values");

public:
    RingQueue() = default;
    RingQueue(RingQueue&& o) noexcept { swap(o); }
    RingQueue& operator=(RingQueue&& o) noexcept
    {
        RingQueue tmp(std::move(o));
        swap(tmp);
        return *this;
    }
    void swap(RingQueue& o) noexcept
    {
        std::swap(m_buf, o.m_buf);
        std::swap(m_capacity, o.m_capacity);
        std::swap(m_head, o.m_head);
        std::swap(m_tail, o.m_tail);
    }

    bool empty() const { return m_head == m_tail; }
    std::size_t size() const { return m_tail - m_head; }

    void push(T v)
    {
        if (size() == m_capacity)
            grow();
        m_buf[m_tail++ & (m_capacity - 1)] = v;
    }
    T pop()
    {
        assert(!empty());
        return m_buf[m_head++ & (m_capacity - 1)];
    }
    /// The i-th element from the front (0 = next to pop).
    T at(std::size_t i) const { return m_buf[(m_head + i) & (m_capacity - 1)]; }
    void clear() { m_head = m_tail = 0; }

private:
    void grow()
    {
        const std::size_t cap = m_capacity ? m_capacity * 2 : 64;
        auto buf = std::make_unique<T[]>(cap);
        const std::size_t n = size();
        for (std::size_t i = 0; i < n; ++i)
            buf[i] = at(i);
        m_buf = std::move(buf);
        m_capacity = cap;
        m_head = 0;
        m_tail = n;
    }

    std::unique_ptr<T[]> m_buf;
    std::size_t m_capacity = 0; ///< always 0 or a power of two
    std::size_t m_head = 0;     ///< index of the front, grows without wrapping
    std::size_t m_tail = 0;     ///< one past the back
};

} // namespace coroscope::detail
