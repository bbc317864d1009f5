#pragma once
// co::withTimeout: `async with asyncio.timeout(delay): return await body`
// for native coroutines. The body runs inline in the calling task (as the
// code inside an `async with` does), so the deadline cancels that task and
// the scope turns the CancelledError into TimeoutError. Needs a current task.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Timeout.h"
#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/native/CoTask.h"

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace coroscope::co {

namespace detail {

template <class T>
Task<T> runInScope(Timeout& scope, Task<T> body)
{
    scope.enter();
    std::exception_ptr error;
    using Stored = std::conditional_t<std::is_void_v<T>, bool, T>;
    std::optional<Stored> value;
    try {
        if constexpr (std::is_void_v<T>)
            co_await std::move(body);
        else
            value.emplace(co_await std::move(body));
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        error = std::current_exception();
    }
    if (std::exception_ptr raised = scope.exit(std::move(error)))
        std::rethrow_exception(raised);
    if constexpr (!std::is_void_v<T>)
        co_return std::move(*value);
}

template <class T>
Task<T> ownScope(Timeout scope, Task<T> body)
{
    co_return co_await runInScope(scope, std::move(body));
}

} // namespace detail

/// `async with asyncio.timeout(delay): ...` around `body`; nullopt never expires.
template <class T>
Task<T> withTimeout(EventLoop& loop, std::optional<Nanos> delay, Task<T> body)
{
    return detail::ownScope(Timeout::after(loop, delay), std::move(body));
}

/// `async with asyncio.timeout_at(when): ...` around `body`.
template <class T>
Task<T> withTimeoutAt(EventLoop& loop, std::optional<Nanos> when, Task<T> body)
{
    return detail::ownScope(Timeout(loop, when), std::move(body));
}

/// `async with scope: ...` with a Timeout the caller keeps (to reschedule it
/// from inside, or to read expired() afterwards). `scope` must outlive the task.
template <class T>
Task<T> withTimeout(Timeout& scope, Task<T> body)
{
    return detail::runInScope(scope, std::move(body));
}

} // namespace coroscope::co
