#pragma once
// Ref<T>: an intrusive, single-threaded reference-counting pointer. T provides
// ref() and unref(); unref() frees the object when the count reaches zero.
// Futures, tasks and loop handles are shared by the loop, by callbacks and by
// the code that awaits them, so they are counted in the object itself: no
// control block, and a raw pointer can always be turned back into a Ref.

#include <cstddef>
#include <type_traits>
#include <utility>

namespace coroscope {

template <class T>
class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) {}
    /// Adopts a new reference to `p` (increments its count).
    explicit Ref(T* p)
        : m_ptr(p)
    {
        if (m_ptr)
            m_ptr->ref();
    }
    Ref(const Ref& o)
        : Ref(o.m_ptr)
    {
    }
    Ref(Ref&& o) noexcept
        : m_ptr(std::exchange(o.m_ptr, nullptr))
    {
    }
    template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
    Ref(const Ref<U>& o)
        : Ref(static_cast<T*>(o.get()))
    {
    }
    template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
    Ref(Ref<U>&& o) noexcept
        : m_ptr(static_cast<T*>(o.detach()))
    {
    }
    ~Ref()
    {
        if (m_ptr)
            m_ptr->unref();
    }
    Ref& operator=(Ref o) noexcept
    {
        std::swap(m_ptr, o.m_ptr);
        return *this;
    }

    T* get() const { return m_ptr; }
    T* operator->() const { return m_ptr; }
    T& operator*() const { return *m_ptr; }
    explicit operator bool() const { return m_ptr != nullptr; }
    void reset() { Ref().swap(*this); }
    void swap(Ref& o) noexcept { std::swap(m_ptr, o.m_ptr); }
    /// Gives up ownership without decrementing; the caller now owns one reference.
    T* detach() { return std::exchange(m_ptr, nullptr); }
    /// Wraps a pointer whose reference the caller already owns.
    static Ref adopt(T* p)
    {
        Ref r;
        r.m_ptr = p;
        return r;
    }

    friend bool operator==(const Ref& a, const Ref& b) { return a.m_ptr == b.m_ptr; }
    friend bool operator==(const Ref& a, std::nullptr_t) { return a.m_ptr == nullptr; }

private:
    T* m_ptr = nullptr;
};

/// Creates a T with `new` and returns the first reference to it.
template <class T, class... Args>
Ref<T> makeRef(Args&&... args)
{
    return Ref<T>(new T(std::forward<Args>(args)...));
}

} // namespace coroscope
