#pragma once
// co::AsCompleted<T>: asyncio.as_completed (CPython 3.11 tasks.py). It hands
// out size() awaitables; each next() waits for the next future to finish (in
// finishing order) and gives its result or raises its exception. After the
// timeout every remaining next() raises TimeoutError. Python's set becomes
// the given order (duplicates dropped), so runs are deterministic.
//
//     co::AsCompleted<int> it(loop, {a, b, c});
//     for (std::size_t i = 0; i < it.size(); ++i)
//         int v = co_await it.next();

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Queue.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace coroscope::co {

template <class T>
class AsCompleted {
public:
    using FutureRef = Ref<Future<T>>;

    AsCompleted(EventLoop& loop, std::vector<FutureRef> fs, std::optional<Nanos> timeout = {})
        : m_state(std::make_shared<State>(loop))
    {
        for (auto& f : fs)
            if (std::find(m_state->todo.begin(), m_state->todo.end(), f) == m_state->todo.end())
                m_state->todo.push_back(Entry{std::move(f), 0});
        m_count = m_state->todo.size();
        for (Entry& e : m_state->todo)
            e.callback = e.future->addDoneCallback(
                [state = m_state](FutureBase& f) { state->onCompletion(static_cast<Future<T>&>(f)); });
        if (!m_state->todo.empty() && timeout)
            m_state->timeout = loop.callLater(*timeout, [state = m_state] { state->onTimeout(); });
    }

    /// How many awaitables as_completed yields (the distinct futures given).
    std::size_t size() const { return m_count; }

    /// One `_wait_for_one()`: the result of the next future to finish.
    Task<T> next() { return waitForOne(m_state); }

private:
    struct Entry {
        FutureRef future;
        FutureBase::CallbackId callback = 0;
        bool operator==(const FutureRef& f) const { return future == f; }
    };

    /// The closure CPython's helpers share; callbacks keep it alive.
    struct State {
        explicit State(EventLoop& loop)
            : done(loop)
        {
        }
        Queue<FutureRef> done;   ///< finished futures; null marks a timeout
        std::vector<Entry> todo; ///< not finished yet, in the given order
        HandleRef timeout;

        void onCompletion(Future<T>& f)
        {
            if (todo.empty())
                return; // the timeout came first
            auto it = std::find_if(todo.begin(), todo.end(), [&](const Entry& e) { return e.future.get() == &f; });
            FutureRef ref = std::move(it->future);
            todo.erase(it);
            done.putNowait(std::move(ref));
            if (todo.empty() && timeout)
                timeout->cancel();
        }

        void onTimeout()
        {
            for (Entry& e : todo) {
                e.future->removeDoneCallback(e.callback);
                done.putNowait(nullptr);
            }
            todo.clear();
        }
    };

    static Task<T> waitForOne(std::shared_ptr<State> state)
    {
        FutureRef f = co_await state->done.get();
        if (!f)
            throw TimeoutError();
        co_return f->result();
    }

    std::shared_ptr<State> m_state;
    std::size_t m_count = 0;
};

} // namespace coroscope::co
