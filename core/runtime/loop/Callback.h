#pragma once
// Callback: a move-only, type-erased callable with a small inline buffer, so
// that scheduling a callback (call_soon, a timer, a future's done-callback)
// does not allocate. Callables that do not fit go to the heap.
//
// A callback is invoked with the future it belongs to (done-callbacks) or with
// nullptr (plain loop callbacks). The stored callable may take `FutureBase&`,
// `FutureBase*` or nothing; the adapter is chosen at compile time.

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace coroscope {

class FutureBase;

class Callback {
public:
    /// Captures up to this many bytes are stored inline (e.g. a Ref, an
    /// exception_ptr and two ids; a task step or wakeup, a shared_ptr). Kept
    /// small: every pending done-callback and every scheduled handle holds one.
    static constexpr std::size_t kInlineBytes = 24;

    Callback() noexcept = default;

    template <class F, class D = std::decay_t<F>,
              class = std::enable_if_t<!std::is_same_v<D, Callback>>>
    Callback(F&& f) // NOLINT: implicit on purpose, callers pass lambdas
    {
        if constexpr (kFitsInline<D>) {
            ::new (static_cast<void*>(m_buf)) D(std::forward<F>(f));
            m_ops = &kInlineOps<D>;
        } else {
            *reinterpret_cast<D**>(m_buf) = new D(std::forward<F>(f));
            m_ops = &kHeapOps<D>;
        }
    }

    Callback(Callback&& o) noexcept
    {
        if (o.m_ops) {
            o.m_ops->move(m_buf, o.m_buf);
            m_ops = std::exchange(o.m_ops, nullptr);
        }
    }
    Callback& operator=(Callback&& o) noexcept
    {
        if (this != &o) {
            reset();
            if (o.m_ops) {
                o.m_ops->move(m_buf, o.m_buf);
                m_ops = std::exchange(o.m_ops, nullptr);
            }
        }
        return *this;
    }
    Callback(const Callback&) = delete;
    Callback& operator=(const Callback&) = delete;
    ~Callback() { reset(); }

    /// Destroys the stored callable (and whatever it captured).
    void reset() noexcept
    {
        if (const Ops* ops = std::exchange(m_ops, nullptr))
            ops->destroy(m_buf);
    }

    explicit operator bool() const { return m_ops != nullptr; }

    /// Calls the stored callable; `arg` is the future of a done-callback or nullptr.
    void operator()(FutureBase* arg) { m_ops->invoke(m_buf, arg); }

private:
    struct Ops {
        void (*invoke)(void* self, FutureBase* arg);
        void (*move)(void* dst, void* src) noexcept;
        void (*destroy)(void* self) noexcept;
    };

    template <class D>
    static constexpr bool kFitsInline = sizeof(D) <= kInlineBytes
        && alignof(D) <= alignof(void*) && std::is_nothrow_move_constructible_v<D>;

    template <class D>
    static void call(D& f, FutureBase* arg)
    {
        if constexpr (std::is_invocable_v<D&, FutureBase&>)
            f(*arg);
        else if constexpr (std::is_invocable_v<D&, FutureBase*>)
            f(arg);
        else
            f();
    }

    template <class D>
    static constexpr Ops kInlineOps = {
        [](void* self, FutureBase* arg) { call(*static_cast<D*>(self), arg); },
        [](void* dst, void* src) noexcept {
            ::new (dst) D(std::move(*static_cast<D*>(src)));
            static_cast<D*>(src)->~D();
        },
        [](void* self) noexcept { static_cast<D*>(self)->~D(); },
    };

    template <class D>
    static constexpr Ops kHeapOps = {
        [](void* self, FutureBase* arg) { call(**static_cast<D**>(self), arg); },
        [](void* dst, void* src) noexcept { *static_cast<D**>(dst) = *static_cast<D**>(src); },
        [](void* self) noexcept { delete *static_cast<D**>(self); },
    };

    const Ops* m_ops = nullptr;
    alignas(void*) unsigned char m_buf[kInlineBytes];
};

} // namespace coroscope
