#pragma once
// shield(): asyncio.shield (CPython 3.11 tasks.py). The returned outer future
// follows the inner one, but cancelling the outer (for instance because the
// task awaiting it was cancelled) leaves the inner running. An inner future
// that is already done is returned as is.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/Ref.h"

#include <type_traits>
#include <utility>

namespace coroscope {

template <class T>
Ref<Future<T>> shield(Ref<Future<T>> inner)
{
    if (inner->done())
        return inner;
    Ref<Future<T>> outer = Future<T>::create(inner->loop(), FutureKind::Shield);
    outer->setWaitTag(inner->waitKind(), inner->waitTarget());

    // _inner_done_callback: holds the outer future until the inner is done.
    const FutureBase::CallbackId innerCb = inner->addDoneCallback([outer](FutureBase& f) {
        auto& in = static_cast<Future<T>&>(f);
        if (outer->cancelled()) {
            if (!in.cancelled())
                (void)in.exception(); // mark it retrieved
            return;
        }
        if (in.cancelled()) {
            outer->cancel();
        } else if (std::exception_ptr e = in.exception()) {
            outer->setException(std::move(e));
        } else if constexpr (std::is_void_v<T>) {
            outer->setResult();
        } else {
            outer->setResult(in.result());
        }
    });
    // _outer_done_callback: a cancelled outer stops listening to the inner.
    outer->addDoneCallback([inner, innerCb](FutureBase&) {
        if (!inner->done())
            inner->removeDoneCallback(innerCb);
    });
    return outer;
}

} // namespace coroscope
