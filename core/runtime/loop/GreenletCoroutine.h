#pragma once
// GreenletCoroutine<T>: a Task body that runs on its own greenlet (a stackful
// fiber) instead of a stackless frame. The body is an ordinary function; it
// suspends the task by calling await()/sleep()/yield() anywhere down its call
// stack, which switches back to whoever resumed it (the loop's step). This is
// how blocking-style code (gevent style, or a VM frame that cannot return)
// takes part in asyncio: to the Task it is one more Coroutine.
//
// resume() switches into the greenlet; the body runs until it awaits (the
// greenlet switches back and resume() reports Await/Yield) or ends (Return,
// Raise, Cancel). destroy() of a suspended body kills its greenlet:
// GreenletExit unwinds it from its await point, so its destructors run and
// its stack goes back to the pool. Bodies must let GreenletExit through.
//
// All greenlets of one runtime must be used from one thread; the runtime must
// outlive the coroutine.

#include "core/runtime/greenlet/GreenletExit.h"
#include "core/runtime/greenlet/GreenletRuntime.h"
#include "core/runtime/loop/Coroutine.h"
#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace coroscope {

template <class T>
class GreenletCoroutine final : public ValueCoroutine<T> {
public:
    using Body = std::function<T(GreenletCoroutine&)>;

    /// A body not started yet; hand it to Task<T>::create, which owns it.
    static GreenletCoroutine* create(GreenletRuntime& runtime, EventLoop& loop, Body body, std::string name = {})
    {
        return new GreenletCoroutine(runtime, loop, std::move(body), std::move(name));
    }

    // ---- called from inside the body ----------------------------------

    /// `await fut`: returns at once if `fut` is done, else suspends the task
    /// until it is. Throws the future's exception or CancelledError, or what
    /// the task threw in (its cancellation). Read the value from the future.
    void await(FutureBase& fut)
    {
        if (!fut.done()) {
            m_awaited = Ref<FutureBase>(&fut);
            suspend(CoStep::await(fut));
            m_awaited.reset();
        }
        raiseInjected();
        if (!fut.done())
            throw RuntimeError("await wasn't used with future");
        fut.checkResult();
    }
    /// A bare yield (`await asyncio.sleep(0)`): the task runs again next pass.
    void yield()
    {
        suspend(CoStep::yield());
        raiseInjected();
    }
    /// asyncio.sleep(delay) on the virtual clock.
    void sleep(Nanos delay)
    {
        if (delay <= 0) {
            yield();
            return;
        }
        Ref<Future<void>> fut = Future<void>::create(m_loop);
        HandleRef timer = m_loop.callLater(delay, [fut] { fut->setResultUnlessCancelled(); });
        fut->setWaitTag(WaitKind::Timer, timer->timerId());
        struct CancelTimer {
            HandleRef& timer;
            ~CancelTimer() { timer->cancel(); }
        } cancelTimer{timer};
        await(*fut);
    }
    EventLoop& loop() const { return m_loop; }

    // ---- the Coroutine protocol (called by the task) -------------------

    CoStep resume(std::exception_ptr thrown) override
    {
        if (!m_greenlet->started() && thrown) {
            // coro.throw() into a coroutine that never ran: it ends at once.
            m_error = thrown;
            return CoStep::raised(std::move(thrown));
        }
        m_injected = std::move(thrown);
        m_greenlet->setParent(m_runtime.current());
        m_greenlet->switchTo(0);
        if (!m_finished && m_greenlet->dead()) {
            // The body raised GreenletExit itself: the greenlet ended quietly
            // but the task still needs an outcome.
            m_finished = true;
            m_error = std::make_exception_ptr(RuntimeError("greenlet body exited with GreenletExit"));
        }
        if (m_finished)
            return m_error ? CoStep::raised(m_error) : CoStep::returned();
        return m_pending;
    }

    T takeResult() override
    {
        if (m_error)
            std::rethrow_exception(std::exchange(m_error, nullptr));
        if constexpr (!std::is_void_v<T>)
            return std::move(*m_value);
    }

    void destroy() override
    {
        m_greenlet.reset(); // kills a suspended body (GreenletExit at its await)
        delete this;
    }

    std::string_view name() const override { return m_greenlet ? std::string_view(m_greenlet->name()) : ""; }

private:
    GreenletCoroutine(GreenletRuntime& runtime, EventLoop& loop, Body body, std::string name)
        : m_runtime(runtime)
        , m_loop(loop)
        , m_body(std::move(body))
    {
        m_greenlet = runtime.create([this](Greenlet::Value) -> Greenlet::Value {
            run();
            return 0;
        }, {}, name);
    }
    ~GreenletCoroutine() = default;

    /// The greenlet's function: the body, its outcome kept for the task.
    void run()
    {
        try {
            if constexpr (std::is_void_v<T>) {
                m_body(*this);
                m_value.emplace(true);
            } else {
                m_value.emplace(m_body(*this));
            }
        } catch (const GreenletExit&) {
            throw; // being killed: unwind quietly
        } catch (...) {
            rethrowIfForcedUnwind();
            m_error = std::current_exception();
        }
        m_finished = true;
    }

    void suspend(CoStep why)
    {
        m_pending = why;
        m_runtime.currentGreenlet().parent()->switchTo(0);
    }

    void raiseInjected()
    {
        if (m_injected)
            std::rethrow_exception(std::exchange(m_injected, nullptr));
    }

    GreenletRuntime& m_runtime;
    EventLoop& m_loop;
    Body m_body;
    std::shared_ptr<Greenlet> m_greenlet;
    Ref<FutureBase> m_awaited;   ///< kept alive while the task waits on it
    CoStep m_pending;            ///< how the body last suspended
    std::exception_ptr m_injected; ///< thrown in by the task, raised at the await point
    std::exception_ptr m_error;  ///< what escaped the body
    std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> m_value;
    bool m_finished = false;
};

} // namespace coroscope
