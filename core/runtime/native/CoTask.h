#pragma once
// co::Task<T>: a native, stackless C++20 coroutine on the event loop — the
// C++ counterpart of an `async def`. Like a Python coroutine it is lazy: it
// runs when awaited by another co::Task (inline, in the same asyncio Task) or
// when wrapped in an asyncio Task with co::spawn().
//
// Inside one, `co_await` accepts futures and tasks (Ref<Future<T>>,
// Ref<Task<T>>, FutureBase&; the value is the future's result, its exception
// is thrown), other co::Tasks, co::sleep() and co::yieldNow(). A task
// cancelled while suspended gets CancelledError thrown at the co_await.
//
// A co::Task is a ValueCoroutine<T>: release() hands it to whatever drives
// it (an asyncio Task, or a VM frame delegating to it like `yield from`).

#include "core/runtime/loop/Coroutine.h"
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Ref.h"
#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/native/detail/Driver.h"

#include <concepts>
#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace coroscope::co {

template <class T = void>
class Task;

namespace detail {

template <class T>
class Promise;

/// Awaits a future: suspends the chain unless the future is already done
/// (as Future.__await__ only yields when not done).
template <class F>
struct FutureAwaiter : LeafAwaiter {
    Ref<F> future;

    bool await_ready() const { return future->done(); }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h)
    {
        suspendChain(h, CoStep::await(*future));
    }
    decltype(auto) await_resume()
    {
        raiseInjected();
        if (!future->done())
            throw RuntimeError("await wasn't used with future");
        if constexpr (requires { typename F::ValueType; }) {
            using V = typename F::ValueType;
            if constexpr (std::is_void_v<V>)
                future->checkResult();
            else
                return V(future->result());
        } else {
            future->checkResult();
        }
    }
};

/// Awaits a child co::Task inline: the child runs on the same chain until it
/// finishes, then the parent continues with its result.
template <class U>
struct ChildAwaiter {
    std::coroutine_handle<Promise<U>> child;

    bool await_ready() const { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> parent)
    {
        Promise<U>& p = child.promise();
        p.continuation = parent;
        p.driver = parent.promise().driver;
        p.driver->leaf = child;
        return child;
    }
    U await_resume() { return child.promise().takeResult(); }
};

class PromiseBase {
public:
    Driver* driver = &m_ownDriver;            ///< the root's driver (own one for a root)
    std::coroutine_handle<> continuation;     ///< the awaiting parent; null for a root
    std::exception_ptr error;                 ///< what escaped the body

    std::suspend_always initial_suspend() noexcept { return {}; }

    struct FinalAwaiter {
        bool await_ready() noexcept { return false; }
        template <class P>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept
        {
            PromiseBase& p = h.promise();
            if (p.continuation) {
                p.driver->leaf = p.continuation;
                return p.continuation;
            }
            p.driver->finished = true;
            return std::noop_coroutine();
        }
        void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }

    void unhandled_exception()
    {
        coroscope::rethrowIfForcedUnwind();
        error = std::current_exception();
    }

    template <class F>
        requires std::derived_from<F, FutureBase>
    FutureAwaiter<F> await_transform(Ref<F> future)
    {
        return {{}, std::move(future)};
    }
    template <class F>
        requires std::derived_from<F, FutureBase>
    FutureAwaiter<F> await_transform(F& future)
    {
        return {{}, Ref<F>(&future)};
    }
    template <class U>
    ChildAwaiter<U> await_transform(Task<U>&& child);
    template <class A>
        requires(std::remove_cvref_t<A>::kCoroscopeAwaiter)
    A&& await_transform(A&& awaiter)
    {
        return std::forward<A>(awaiter);
    }

protected:
    Driver m_ownDriver;
};

template <class T>
class ResultSlot {
public:
    template <class U>
    void return_value(U&& v)
    {
        m_value.emplace(std::forward<U>(v));
    }

protected:
    std::optional<T> m_value;
};

template <>
class ResultSlot<void> {
public:
    void return_void() {}
};

template <class T>
class Promise final : public PromiseBase, public ResultSlot<T>, public ValueCoroutine<T> {
public:
    using Handle = std::coroutine_handle<Promise>;

    Task<T> get_return_object() noexcept;

    /// The result once finished: the value, or the exception the body raised.
    T takeResult() override
    {
        if (error)
            std::rethrow_exception(std::exchange(error, nullptr));
        if constexpr (!std::is_void_v<T>)
            return std::move(*this->m_value);
    }

    /// Root resumption (Coroutine::resume): runs the chain to its next
    /// suspension point. Throwing into a coroutine that never started
    /// finishes it without running its body, as coro.throw() does.
    CoStep resume(std::exception_ptr thrown) override
    {
        Driver& d = *driver;
        if (!d.started) {
            d.started = true;
            if (thrown) {
                d.finished = true;
                error = thrown;
                return CoStep::raised(std::move(thrown));
            }
            d.leaf = Handle::from_promise(*this);
        }
        d.injected = std::move(thrown);
        d.leaf.resume();
        if (d.finished)
            return error ? CoStep::raised(error) : CoStep::returned();
        return d.pending;
    }

    void destroy() override { Handle::from_promise(*this).destroy(); }
};

} // namespace detail

template <class T>
class [[nodiscard]] Task {
public:
    using promise_type = detail::Promise<T>;
    using ValueType = T;

    Task(Task&& o) noexcept
        : m_handle(std::exchange(o.m_handle, {}))
    {
    }
    Task& operator=(Task&& o) noexcept
    {
        if (this != &o) {
            reset();
            m_handle = std::exchange(o.m_handle, {});
        }
        return *this;
    }
    ~Task() { reset(); }

    /// Hands the coroutine to a driver, which must eventually call destroy().
    ValueCoroutine<T>* release() { return &std::exchange(m_handle, {}).promise(); }
    bool valid() const { return bool(m_handle); }

private:
    friend class detail::Promise<T>;
    friend class detail::PromiseBase;

    explicit Task(std::coroutine_handle<promise_type> h)
        : m_handle(h)
    {
    }
    void reset()
    {
        if (m_handle)
            std::exchange(m_handle, {}).destroy();
    }

    std::coroutine_handle<promise_type> m_handle;
};

namespace detail {

template <class T>
Task<T> Promise<T>::get_return_object() noexcept
{
    return Task<T>(Handle::from_promise(*this));
}

template <class U>
ChildAwaiter<U> PromiseBase::await_transform(Task<U>&& child)
{
    return {child.m_handle};
}

} // namespace detail

} // namespace coroscope::co
