#include "core/runtime/loop/Timeout.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/TaskBase.h"

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace coroscope {

std::string_view toString(Timeout::State state)
{
    // CPython's _State values, as its error messages print them.
    switch (state) {
    case Timeout::State::Created: return "created";
    case Timeout::State::Entered: return "active";
    case Timeout::State::Expiring: return "expiring";
    case Timeout::State::Expired: return "expired";
    case Timeout::State::Exited: return "finished";
    }
    return "?";
}

Timeout::Timeout(EventLoop& loop, std::optional<Nanos> when)
    : m_loop(&loop)
    , m_when(when)
{
}

Timeout Timeout::after(EventLoop& loop, std::optional<Nanos> delay)
{
    return Timeout(loop, delay ? std::optional<Nanos>(loop.now() + *delay) : std::nullopt);
}

Timeout::Timeout(Timeout&& o) noexcept
    : m_loop(o.m_loop)
    , m_when(o.m_when)
    , m_state(o.m_state)
{
    // The armed timer points at the old object: only an unentered scope moves.
    if (o.m_state != State::Created) {
        std::fprintf(stderr, "Timeout moved in state %s (expected created)\n", std::string(toString(o.m_state)).c_str());
        std::abort();
    }
}

Timeout::~Timeout()
{
    if (m_handle)
        m_handle->cancel();
}

void Timeout::enter()
{
    m_task = m_loop->currentTask();
    if (!m_task)
        throw RuntimeError("Timeout should be used inside a task");
    m_state = State::Entered;
    reschedule(m_when);
}

void Timeout::reschedule(std::optional<Nanos> when)
{
    assert(m_state != State::Created);
    if (m_state != State::Entered)
        throw RuntimeError("Cannot change state of " + std::string(toString(m_state)) + " Timeout");
    m_when = when;
    if (m_handle)
        std::exchange(m_handle, nullptr)->cancel();
    if (!when)
        return;
    if (*when <= m_loop->now())
        m_handle = m_loop->callSoon([this] { onTimeout(); });
    else
        m_handle = m_loop->callAt(*when, [this] { onTimeout(); });
}

void Timeout::onTimeout()
{
    assert(m_state == State::Entered);
    m_task->cancel();
    m_state = State::Expiring;
    m_handle.reset(); // drop the reference early, as CPython does
}

std::exception_ptr Timeout::exit(std::exception_ptr error)
{
    assert(m_state == State::Entered || m_state == State::Expiring);
    if (m_handle)
        std::exchange(m_handle, nullptr)->cancel();
    if (m_state == State::Expiring) {
        m_state = State::Expired;
        // No cancellation is outstanding but ours: this scope handles it.
        if (m_task->uncancel() == 0 && isCancelledError(error))
            return std::make_exception_ptr(TimeoutError());
    } else if (m_state == State::Entered) {
        m_state = State::Exited;
    }
    return error;
}

} // namespace coroscope
