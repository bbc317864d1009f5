// GreenletRuntime, part two: the switches that leave the fast path.
//
// A switch hands over one value word (m_value) or one exception (m_error)
// through the runtime; the landing side picks it up in land(). The fast path
// (switchTo into a suspended greenlet, inline at the end of
// GreenletRuntime.h) touches no reference count, allocates nothing and checks
// tracing with one branch; everything else (starting, throwing, dead targets,
// a body's end) comes through here.

#include "core/runtime/greenlet/GreenletError.h"
#include "core/runtime/greenlet/GreenletExit.h"
#include "core/runtime/greenlet/GreenletRuntime.h"

#include <algorithm>
#include <utility>

namespace coroscope {

namespace {

// python-greenlet's g_handle_exit: a GreenletExit becomes its carried value.
bool exitValue(const std::exception_ptr& error, Greenlet::Value& value)
{
    try {
        std::rethrow_exception(error);
    } catch (const GreenletExit& exit) {
        value = exit.value();
        return true;
    } catch (...) {
        rethrowIfForcedUnwind();
        return false;
    }
}

} // namespace

GreenletRuntime::Value GreenletRuntime::throwInto(Greenlet& target, std::exception_ptr error)
{
    if (!error)
        error = std::make_exception_ptr(GreenletExit());
    Value value = 0;
    // A dead greenlet turns GreenletExit into a regular return (python-greenlet).
    if (target.m_state == Greenlet::State::Dead && exitValue(error, value))
        error = nullptr;
    return transfer(target, value, std::move(error));
}

GreenletRuntime::Value GreenletRuntime::transfer(Greenlet& target, Value value, std::exception_ptr error)
{
    std::shared_ptr<Greenlet> hold; // keeps the target alive if resolving ran user destructors
    Greenlet* to = resolve(&target, value, error, hold);
    if (to == m_current) {
        // Switching to the running greenlet: nothing moves.
        if (error)
            std::rethrow_exception(error);
        return value;
    }
    if (to->m_state == Greenlet::State::Running) {
        // Running but not current: it waits for the forced unwind of the
        // current greenlet to finish, and Boost holds its context until then.
        throw GreenletError(GreenletError::Kind::Error,
                            "cannot switch to a greenlet that is unwinding another one");
    }
    SwitchWhy why = error ? SwitchWhy::Throw : SwitchWhy::Switch;
    if (to->m_state == Greenlet::State::Unstarted) {
        prepare(*to); // resolve() never stops at an unstarted greenlet with an exception pending
        why = SwitchWhy::Start;
    }
    detail::OsFiber::settleFloatingPointFlags(); // see OsFiber.h; kept off the fast path
    if (error) {
        m_error = std::move(error);
        m_landingWork = true;
    }
    return resume(*to, value, why);
}

Greenlet* GreenletRuntime::resolve(Greenlet* target, Value& value, std::exception_ptr& error,
                                   std::shared_ptr<Greenlet>& hold)
{
    // python-greenlet's g_switch loop: skip dead greenlets (the main greenlet
    // never is, so the walk ends), and let an unstarted greenlet that gets an
    // exception die without running, passing the exception on.
    for (;;) {
        if (target->m_state == Greenlet::State::Dead) {
            target = target->m_parent.get();
        } else if (target->m_state == Greenlet::State::Unstarted && error) {
            hold = target->m_self.lock();
            dieUnstarted(*target, value, error);
            hold = target->m_parent; // dieUnstarted may have run destructors that dropped references
            target = hold.get();
        } else {
            return target;
        }
    }
}

void GreenletRuntime::dieUnstarted(Greenlet& greenlet, Value& value, std::exception_ptr& error)
{
    Greenlet::Body doomed = std::move(greenlet.m_body);
    greenlet.m_body = nullptr;
    greenlet.m_state = Greenlet::State::Dead;
    if (exitValue(error, value))
        error = nullptr;
    if (m_ctx.trace) [[unlikely]]
        traceState(greenlet, error ? TaskState::Failed : TaskState::Done);
    doomed = nullptr; // may run arbitrary destructors; the state above is already consistent
}

void GreenletRuntime::prepare(Greenlet& greenlet)
{
    const StackPool::Stack stack = m_pool.acquire();
    greenlet.m_fiber.prepare(m_pool, stack, &GreenletRuntime::bootstrap, &greenlet);
    greenlet.m_stackLow = stack.low();
    greenlet.m_stackHigh = stack.high();
}

GreenletRuntime::Value GreenletRuntime::landSlow()
{
    const Value value = m_value;
    std::exception_ptr error = std::move(m_error);
    m_error = nullptr;
    m_landingWork = false;
    // Greenlets that dropped their last reference while running are dealt
    // with once they no longer run: killed if suspended, deleted if dead.
    // Releasing one may switch (a kill), which overwrites m_value/m_error.
    for (;;) {
        const auto it = std::find_if(m_orphans.begin(), m_orphans.end(),
                                     [this](const auto& orphan) { return orphan.get() != m_current; });
        if (it == m_orphans.end())
            break;
        std::shared_ptr<Greenlet> orphan = std::move(*it);
        m_orphans.erase(it);
        orphan.reset();
    }
    // Orphans still here are running now (this greenlet): keep landing slowly
    // until they are released. A kill above may also have left an error.
    m_landingWork = m_landingWork || !m_orphans.empty();
    if (error)
        std::rethrow_exception(error);
    return value;
}

detail::OsFiber* GreenletRuntime::bootstrap(void* greenlet)
{
    Greenlet& self = *static_cast<Greenlet*>(greenlet);
    GreenletRuntime& runtime = *self.m_runtime;
    Value result = 0;
    std::exception_ptr failure;
    try {
        // The body lives on this stack from now on: python-greenlet clears
        // `run` when it starts, and a forced unwind destroys it here.
        Greenlet::Body body = std::move(self.m_body);
        self.m_body = nullptr;
        const Value value = runtime.land();
        result = body(value);
    } catch (const GreenletExit& exit) {
        result = exit.value();
    } catch (...) {
        rethrowIfForcedUnwind();
        failure = std::current_exception();
    }
    return runtime.finish(self, result, std::move(failure));
}

detail::OsFiber* GreenletRuntime::finish(Greenlet& self, Value result, std::exception_ptr failure)
{
    // Still running while the successor is found: resolving may run
    // destructors that switch (kills), which need a live current greenlet.
    std::shared_ptr<Greenlet> hold;
    Greenlet* to = resolve(self.m_parent.get(), result, failure, hold);
    while (to->m_state == Greenlet::State::Unstarted) {
        try {
            prepare(*to);
            break;
        } catch (...) {
            // No stack for the parent: it dies with the error, which moves on up.
            rethrowIfForcedUnwind();
            failure = std::current_exception();
            to = resolve(to, result, failure, hold);
        }
    }
    const TaskState end = failure ? TaskState::Failed : TaskState::Done;
    self.m_state = Greenlet::State::Dead;
    self.m_stackLow = 0;
    self.m_stackHigh = 0;
    if (m_ctx.trace) [[unlikely]]
        traceSwitch(self, *to, SwitchWhy::Return, end);
    m_value = result;
    if (failure) {
        m_error = std::move(failure);
        m_landingWork = true;
    }
    to->m_state = Greenlet::State::Running;
    m_current = to;
    if (m_switchObserver)
        m_switchObserver(self, *to);
    // Dropping `hold` here may park `to` as an orphan: it runs next, and is
    // dealt with after it stops.
    return &to->m_fiber;
}

} // namespace coroscope
