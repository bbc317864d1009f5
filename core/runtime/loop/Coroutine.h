#pragma once
// Coroutine: what a Task drives. Any kind of coroutine plugs in here: the
// VM's stackless frames, native C++20 coroutines (co::Task), greenlet-backed
// bodies. The protocol is CPython's coro.send(None) / coro.throw(exc): the
// task resumes the coroutine, with or without an exception to raise at its
// suspension point, and the coroutine reports how it stopped.

#include "core/runtime/loop/FutureBase.h"

#include <exception>
#include <string_view>
#include <type_traits>

namespace coroscope {

/// How a coroutine stopped (what send()/throw() did in CPython).
enum class CoStatus : std::uint8_t {
    Await,  ///< yielded a future and waits for it (`await fut`); CoStep::awaited
    Yield,  ///< bare yield: give the loop one pass (`await asyncio.sleep(0)`)
    Return, ///< finished; the result is taken with ValueCoroutine<T>::takeResult()
    Raise,  ///< finished by an exception other than CancelledError; CoStep::error
    Cancel, ///< finished by CancelledError; CoStep::error holds it
};

struct CoStep {
    CoStatus status = CoStatus::Yield;
    FutureBase* awaited = nullptr; ///< Await: kept alive by the coroutine until it is resumed
    std::exception_ptr error;      ///< Raise / Cancel

    static CoStep await(FutureBase& f) { return {CoStatus::Await, &f, nullptr}; }
    static CoStep yield() { return {CoStatus::Yield, nullptr, nullptr}; }
    static CoStep returned() { return {CoStatus::Return, nullptr, nullptr}; }
    /// Raise or Cancel, depending on whether `e` is a CancelledError.
    static CoStep raised(std::exception_ptr e);
};

class Coroutine {
public:
    /// send(None) when `thrown` is null, else throw(thrown). Must not throw:
    /// errors are reported as Raise/Cancel. Never called after it finished.
    virtual CoStep resume(std::exception_ptr thrown) = 0;
    /// Frees the coroutine. A suspended coroutine is unwound without running
    /// further user code (its frame's destructors run).
    virtual void destroy() = 0;
    /// The coroutine's function name, for the trace ("" if unknown).
    virtual std::string_view name() const { return {}; }

protected:
    ~Coroutine() = default;
};

/// A coroutine whose return value is a T; after CoStatus::Return the task
/// takes it exactly once.
template <class T>
class ValueCoroutine : public Coroutine {
public:
    virtual T takeResult() = 0;

protected:
    ~ValueCoroutine() = default;
};

} // namespace coroscope
