#pragma once
// The machinery shared by a chain of co::Tasks that await each other inline
// (as `await coro()` runs a coroutine inside the awaiting task in Python).
// The root of the chain is what an asyncio Task (or a VM frame) resumes; the
// innermost coroutine, the leaf, is where it actually suspends.

#include "core/runtime/loop/Coroutine.h"

#include <coroutine>
#include <exception>
#include <utility>

namespace coroscope::co::detail {

/// Lives in every promise; only the root's is used by the chain.
struct Driver {
    std::coroutine_handle<> leaf;  ///< the coroutine to resume next
    CoStep pending;                ///< how the leaf suspended (Await / Yield)
    std::exception_ptr injected;   ///< thrown at the leaf's suspension point on resume
    bool started = false;          ///< the root has been resumed once
    bool finished = false;         ///< the root reached its final suspend point
};

/// Base of the awaiters that suspend the whole chain (futures, sleeps, yields):
/// they record themselves as the leaf and say why the chain stopped.
struct LeafAwaiter {
    /// Marks the awaiters that a co::Task may co_await directly.
    static constexpr bool kCoroscopeAwaiter = true;

    Driver* driver = nullptr;

    template <class Promise>
    void suspendChain(std::coroutine_handle<Promise> h, CoStep why)
    {
        driver = h.promise().driver;
        driver->leaf = h;
        driver->pending = why;
    }
    /// Raises the exception the task threw in (e.g. CancelledError), if any.
    void raiseInjected()
    {
        if (driver && driver->injected)
            std::rethrow_exception(std::exchange(driver->injected, nullptr));
    }
};

} // namespace coroscope::co::detail
