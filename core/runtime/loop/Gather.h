#pragma once
// gather(): asyncio.gather (CPython 3.11 tasks.py) over futures and tasks of
// one result type. The outer future's result lists every child's Outcome in
// the order given; without return_exceptions the first child exception (or
// cancellation) fails the outer future at once and the other children keep
// running. Cancelling the outer future cancels every child that is not done;
// the outer future then fails with CancelledError even with
// return_exceptions (bpo-32684) — it is *finished with* a CancelledError,
// not cancelled, exactly as CPython's _GatheringFuture.
//
// A future passed twice is waited for once and listed twice.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Outcome.h"
#include "core/runtime/loop/Ref.h"

#include <cassert>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace coroscope {

template <class T>
class GatherFuture final : public Future<std::vector<Outcome<T>>> {
    using Base = Future<std::vector<Outcome<T>>>;

public:
    using Child = Ref<Future<T>>;

    /// asyncio.gather(*children, return_exceptions=returnExceptions).
    /// Every child must belong to `loop`.
    static Ref<GatherFuture> create(EventLoop& loop, std::vector<Child> children, bool returnExceptions)
    {
        Ref<GatherFuture> outer(new GatherFuture(loop, std::move(children), returnExceptions));
        outer->attach();
        return outer;
    }

    /// _GatheringFuture.cancel: cancels the children, not itself; returns
    /// true if any child accepted.
    bool cancel(const std::string& msg = {}) override
    {
        if (this->done())
            return false;
        bool any = false;
        for (const Child& c : m_children)
            if (c->cancel(msg))
                any = true;
        if (any)
            m_cancelRequested = true;
        return any;
    }

    const std::vector<Child>& children() const { return m_children; }

private:
    GatherFuture(EventLoop& loop, std::vector<Child> children, bool returnExceptions)
        : Base(loop, FutureKind::Gather)
        , m_children(std::move(children))
        , m_returnExceptions(returnExceptions)
    {
    }

    void attach()
    {
        if (m_children.empty()) {
            this->setResult(std::vector<Outcome<T>>{});
            return;
        }
        for (std::size_t i = 0; i < m_children.size(); ++i) {
            Future<T>* child = m_children[i].get();
            assert(&child->loop() == &this->loop());
            bool seen = false;
            for (std::size_t j = 0; j < i && !seen; ++j)
                seen = m_children[j].get() == child;
            if (seen)
                continue;
            ++m_distinct;
            child->addDoneCallback([outer = Ref<GatherFuture>(this)](FutureBase& f) {
                outer->childDone(static_cast<Future<T>&>(f));
            });
        }
    }

    /// _done_callback in CPython's gather().
    void childDone(Future<T>& child)
    {
        ++m_finished;
        if (this->done()) {
            if (!child.cancelled())
                (void)child.exception(); // mark it retrieved
            return;
        }
        if (!m_returnExceptions) {
            if (child.cancelled()) {
                this->setException(child.makeCancelledError());
                return;
            }
            if (std::exception_ptr e = child.exception()) {
                this->setException(std::move(e));
                return;
            }
        }
        if (m_finished < m_distinct)
            return;

        std::vector<Outcome<T>> results;
        results.reserve(m_children.size());
        for (const Child& c : m_children) {
            if (c->cancelled())
                results.push_back(Outcome<T>::failure(std::make_exception_ptr(CancelledError(c->cancelMessage()))));
            else if (std::exception_ptr e = c->exception())
                results.push_back(Outcome<T>::failure(std::move(e)));
            else if constexpr (std::is_void_v<T>)
                results.push_back(Outcome<T>::success());
            else
                results.push_back(Outcome<T>::success(c->result()));
        }
        if (m_cancelRequested)
            this->setException(child.makeCancelledError());
        else
            this->setResult(std::move(results));
    }

    std::vector<Child> m_children;   ///< in the order given, duplicates kept
    std::size_t m_distinct = 0;      ///< distinct children (CPython's nfuts)
    std::size_t m_finished = 0;      ///< distinct children done so far
    bool m_returnExceptions;
    bool m_cancelRequested = false;  ///< cancel() reached at least one child
};

/// asyncio.gather(*children, return_exceptions=...). Tasks convert to
/// Ref<Future<T>>; wrap coroutines in tasks first (co::spawn).
template <class T>
Ref<GatherFuture<T>> gather(EventLoop& loop, std::vector<Ref<Future<T>>> children, bool returnExceptions = false)
{
    return GatherFuture<T>::create(loop, std::move(children), returnExceptions);
}

} // namespace coroscope
