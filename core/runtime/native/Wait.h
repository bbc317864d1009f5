#pragma once
// co::wait: asyncio.wait (CPython 3.11 tasks.py) for native coroutines.
// Waits until the futures satisfy `returnWhen` or the timeout passes, then
// returns (done, pending); it never raises for the futures' own errors and
// never cancels them. Python's sets become vectors in the order given
// (duplicates dropped), so results are deterministic.

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/detail/Waiters.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace coroscope::co {

/// asyncio.FIRST_COMPLETED / FIRST_EXCEPTION / ALL_COMPLETED.
enum class ReturnWhen : std::uint8_t { FirstCompleted, FirstException, AllCompleted };

template <class T>
struct WaitResult {
    std::vector<Ref<Future<T>>> done;
    std::vector<Ref<Future<T>>> pending;
};

namespace detail {

/// What _wait's closure shares with its _on_completion callbacks; the
/// callbacks keep it alive even if they run after wait() has returned.
struct WaitState {
    Waiter waiter;
    HandleRef timeout;
    std::size_t counter = 0;
    ReturnWhen returnWhen = ReturnWhen::AllCompleted;

    void onCompletion(FutureBase& f)
    {
        --counter;
        const bool failed = returnWhen == ReturnWhen::FirstException && !f.cancelled() && f.exception() != nullptr;
        if (counter == 0 || returnWhen == ReturnWhen::FirstCompleted || failed) {
            if (timeout)
                timeout->cancel();
            releaseWaiter(*waiter);
        }
    }
};

} // namespace detail

/// asyncio.wait(fs, timeout=..., return_when=...). Raises ValueError
/// ("Set of Tasks/Futures is empty.") for an empty list.
template <class T>
Task<WaitResult<T>> wait(EventLoop& loop, std::vector<Ref<Future<T>>> fs,
                         ReturnWhen returnWhen = ReturnWhen::AllCompleted, std::optional<Nanos> timeout = {})
{
    if (fs.empty())
        throw ValueError("Set of Tasks/Futures is empty.");
    std::vector<Ref<Future<T>>> unique;
    for (auto& f : fs)
        if (std::find(unique.begin(), unique.end(), f) == unique.end())
            unique.push_back(std::move(f));

    auto state = std::make_shared<detail::WaitState>();
    state->waiter = Future<void>::create(loop);
    state->counter = unique.size();
    state->returnWhen = returnWhen;
    if (timeout)
        state->timeout = loop.callLater(*timeout, [w = state->waiter] { detail::releaseWaiter(*w); });
    detail::TimerGuard timer(state->timeout);

    std::vector<std::unique_ptr<detail::CallbackGuard>> callbacks;
    callbacks.reserve(unique.size());
    for (auto& f : unique) {
        const auto id = f->addDoneCallback([state](FutureBase& done) { state->onCompletion(done); });
        callbacks.push_back(std::make_unique<detail::CallbackGuard>(*f, id));
    }

    co_await state->waiter;
    callbacks.clear(); // the `finally`: stop listening before sorting

    WaitResult<T> result;
    for (auto& f : unique)
        (f->done() ? result.done : result.pending).push_back(std::move(f));
    co_return result;
}

} // namespace coroscope::co
