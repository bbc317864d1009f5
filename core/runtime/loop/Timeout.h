#pragma once
// Timeout: asyncio.timeout / asyncio.timeout_at (CPython 3.11 timeouts.py),
// the scope that cancels the task running it when a deadline passes and
// turns the resulting CancelledError into TimeoutError on the way out.
//
// The protocol is the async context manager's: enter() (__aenter__) in the
// task, then the guarded code, then exit(error) (__aexit__) with whatever
// the code raised. co::withTimeout (native/WithTimeout.h) wraps it for
// native coroutines; the VM calls enter/exit from `async with`.
//
// The Timeout must stay where it is (its timer points at it) and outlive
// neither its loop nor the task it entered in.

#include "core/runtime/loop/Handle.h"
#include "core/trace/Event.h"

#include <cstdint>
#include <exception>
#include <optional>
#include <string_view>

namespace coroscope {

class EventLoop;
class TaskBase;

class Timeout {
public:
    /// CPython's _State.
    enum class State : std::uint8_t {
        Created,  ///< not entered yet
        Entered,  ///< "active": inside the scope, the deadline is armed
        Expiring, ///< the deadline passed and the task was cancelled; not exited yet
        Expired,  ///< exited after expiring
        Exited,   ///< "finished": exited before the deadline
    };

    /// asyncio.timeout_at(when): `when` is an absolute loop time; nullopt never fires.
    Timeout(EventLoop& loop, std::optional<Nanos> when);
    /// asyncio.timeout(delay): the deadline is now() + delay when constructed.
    static Timeout after(EventLoop& loop, std::optional<Nanos> delay);
    ~Timeout();
    Timeout(Timeout&& o) noexcept;
    Timeout(const Timeout&) = delete;
    Timeout& operator=(const Timeout&) = delete;
    Timeout& operator=(Timeout&&) = delete;

    /// __aenter__: binds to the current task and arms the deadline. Throws
    /// RuntimeError("Timeout should be used inside a task") outside a task.
    void enter();
    /// __aexit__: disarms. Returns what the scope raises: TimeoutError when
    /// this timeout cancelled the task, no other cancellation is pending
    /// (uncancel() reaches 0) and `error` is a CancelledError; else `error`
    /// itself (null when the code finished normally).
    std::exception_ptr exit(std::exception_ptr error);

    /// Timeout.reschedule(when): moves the deadline (nullopt disarms). A
    /// deadline already reached fires in the next pass. Throws RuntimeError
    /// ("Cannot change state of expiring Timeout", ...) unless entered.
    void reschedule(std::optional<Nanos> when);
    /// Timeout.when().
    std::optional<Nanos> when() const { return m_when; }
    /// Timeout.expired(): the deadline passed while inside.
    bool expired() const { return m_state == State::Expiring || m_state == State::Expired; }
    State state() const { return m_state; }

private:
    void onTimeout();

    EventLoop* m_loop;
    std::optional<Nanos> m_when;
    HandleRef m_handle;           ///< the armed deadline (call_at or call_soon), if any
    TaskBase* m_task = nullptr;   ///< the task that entered; alive while the scope is
    State m_state = State::Created;
};

std::string_view toString(Timeout::State state);

} // namespace coroscope
