#pragma once
// GreenletRuntime: the greenlets of one thread. It owns the implicit main
// greenlet (the thread's own stack), knows which greenlet runs, performs every
// switch and records it in the trace. There are no globals: tests create as
// many runtimes as they like, but a thread runs one at a time, and a runtime
// is only used from the thread that constructed it.
//
// Killing abandoned greenlets (what python-greenlet does in its deallocator):
// when the last shared_ptr to a suspended greenlet goes away, its deleter
// revives it under a fresh shared_ptr (so current() still works inside it),
// makes the current greenlet its temporary parent and throws GreenletExit
// into it. That switch happens inside the deleter, on the current greenlet's
// stack; it is safe because the current greenlet is itself alive, active and
// resumable, and the victim's end switches straight back to it. Then:
//  - if the victim died, it is deleted and its stack is back in the pool;
//  - if it stored a reference to itself (resurrection), it stays alive, as
//    in python-greenlet, and is killed again when that reference goes;
//  - if it is still active and unreferenced (it caught GreenletExit and
//    switched back), it is force-unwound: Boost throws its forced-unwind
//    exception at the victim's switch point, which runs its destructors and
//    returns its stack. Catch handlers that swallow exceptions must use
//    rethrowIfForcedUnwind() for this to work.
// Special cases: a greenlet that drops its own last reference while running
// is parked and dealt with right after it switches away; exceptions escaping
// a killed greenlet (and the value it returns) go to the unraisable and
// discard handlers; a greenlet that must be unwound while it is itself
// waiting inside such a kill cannot be (the unwind would cross a noexcept
// deleter), so it is kept and retried when the runtime is destroyed. While a
// greenlet is force-unwound, whoever unwinds it waits (state Running, not
// current) and cannot be switched to; destructors in bodies should not switch
// at all then: an exception thrown into one would escape a destructor.

#include "core/runtime/RunContext.h"
#include "core/runtime/greenlet/Greenlet.h"
#include "core/runtime/greenlet/StackPool.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace coroscope {

class GreenletRuntime {
public:
    using Value = Greenlet::Value;

    /// The machine stack the current greenlet runs on: [low, high).
    struct StackBounds {
        std::uintptr_t low = 0;  ///< lowest usable address (above any guard page)
        std::uintptr_t high = 0; ///< one past the highest address
    };

    /// Receives exceptions that escape a greenlet killed by its deleter
    /// (python-greenlet prints them as "Exception ignored").
    using UnraisableHandler = std::function<void(Greenlet& greenlet, std::exception_ptr error)>;
    /// Receives values nobody will read (what a killed greenlet returned), so
    /// that the owner of the word can release it.
    using DiscardHandler = std::function<void(Value value)>;
    /// Told of every switch, including those the runtime performs on its own
    /// (kills of abandoned greenlets, a body's end, forced unwinds): called
    /// with `to` already current (its state and stack bounds are the new
    /// ones) and before the machine stack changes, on the leaving side's
    /// stack. An embedder swaps its per-greenlet state here. It must not
    /// throw or switch. `from` may be dead (its body ended or was unwound).
    using SwitchObserver = std::function<void(Greenlet& from, Greenlet& to)>;

    /// Makes the main greenlet for the calling thread (TaskKind::Main, running).
    /// With `mainTask` nonzero the main greenlet is that task, which its owner
    /// has already announced in the trace (an embedding VM's main task): no
    /// TaskCreated is emitted for it. Otherwise it gets a new id, announced.
    GreenletRuntime(RunContext& context, StackPool& pool, TaskId mainTask = 0);
    /// Must run on the main greenlet. Kills every greenlet still active
    /// (GreenletExit, then forced unwind for those that refuse), so their
    /// stacks go back to the pool; greenlets still referenced afterwards are
    /// dead and detached (switching to them raises GreenletError).
    ~GreenletRuntime();
    GreenletRuntime(const GreenletRuntime&) = delete;
    GreenletRuntime& operator=(const GreenletRuntime&) = delete;

    /// python-greenlet's getcurrent(). Do not switch through the temporary
    /// (`current()->parent()->switchTo()`): it would hold a reference to the
    /// current greenlet for as long as it is suspended there.
    std::shared_ptr<Greenlet> current() const;
    /// The current greenlet without touching reference counts; the one to
    /// switch through (`currentGreenlet().parent()->switchTo(v)`).
    Greenlet& currentGreenlet() const { return *m_current; }
    const std::shared_ptr<Greenlet>& main() const { return m_main; }

    /// A new unstarted greenlet running `body`; `parent` defaults to the
    /// current greenlet. Throws GreenletError (ValueError) when `parent`
    /// belongs to another runtime.
    std::shared_ptr<Greenlet> create(Greenlet::Body body, std::shared_ptr<Greenlet> parent = {},
                                     std::string_view name = {});

    /// Bounds of the stack that is running now: the greenlet's pool stack, or
    /// the thread's own stack for the main greenlet.
    StackBounds currentStackBounds() const { return {m_current->m_stackLow, m_current->m_stackHigh}; }
    /// Bytes left below the caller's frame on the running stack before the
    /// guard page; the VM raises RecursionError when this gets small.
    std::size_t remainingStackBytes() const
    {
        const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
        const std::uintptr_t low = m_current->m_stackLow;
        return here > low ? here - low : 0;
    }

    /// Greenlet objects of this runtime alive now, the main one included.
    std::size_t greenletCount() const { return m_count; }
    /// Greenlets that could be neither killed nor unwound yet (see above).
    std::size_t stuckCount() const { return m_stuck.size(); }

    void setUnraisableHandler(UnraisableHandler handler) { m_unraisable = std::move(handler); }
    void setDiscardHandler(DiscardHandler handler) { m_discard = std::move(handler); }
    void setSwitchObserver(SwitchObserver observer) { m_switchObserver = std::move(observer); }

    RunContext& context() const { return m_ctx; }
    StackPool& pool() const { return m_pool; }

private:
    friend class Greenlet;
    friend struct detail::GreenletDeleter;

    // Switching (GreenletSwitch.cpp; resume and land are inline below).
    Value throwInto(Greenlet& target, std::exception_ptr error);
    Value transfer(Greenlet& target, Value value, std::exception_ptr error);
    Greenlet* resolve(Greenlet* target, Value& value, std::exception_ptr& error, std::shared_ptr<Greenlet>& hold);
    void dieUnstarted(Greenlet& greenlet, Value& value, std::exception_ptr& error);
    void prepare(Greenlet& greenlet);
    inline Value resume(Greenlet& to, Value value, SwitchWhy why);
    inline Value land();
    Value landSlow();
    static detail::OsFiber* bootstrap(void* greenlet);
    detail::OsFiber* finish(Greenlet& self, Value result, std::exception_ptr failure);

    // Lifetime (GreenletRuntime.cpp).
    void reclaim(Greenlet* greenlet) noexcept;
    void kill(Greenlet& victim) noexcept;
    void forceUnwind(Greenlet& victim) noexcept;
    void link(Greenlet& greenlet);
    void unlink(Greenlet& greenlet);

    // Trace (only called when m_ctx.trace is set).
    void traceCreated(const Greenlet& greenlet, TaskKind kind);
    void traceState(const Greenlet& greenlet, TaskState state, TaskId waitTarget = 0);
    void traceSwitch(const Greenlet& from, const Greenlet& to, SwitchWhy why, TaskState fromState);

    RunContext& m_ctx;
    StackPool& m_pool;
    Greenlet* m_current = nullptr;      ///< the running greenlet (kept alive by its owners or m_orphans)
    std::shared_ptr<Greenlet> m_main;   ///< the thread's own context
    Value m_value = 0;                  ///< the value in flight between switchTo and the landing side
    std::exception_ptr m_error;         ///< the exception in flight, raised by the landing side
    std::vector<std::shared_ptr<Greenlet>> m_orphans; ///< lost their last reference while running; released once they stop
    bool m_landingWork = false;         ///< m_error is set or m_orphans is not empty: the landing side takes landSlow()
    std::vector<std::shared_ptr<Greenlet>> m_stuck; ///< could be neither killed nor unwound yet
    Greenlet* m_first = nullptr;        ///< every greenlet object of this runtime, newest first
    std::size_t m_count = 0;            ///< length of that list
    std::uint32_t m_unwinding = 0;      ///< forced unwinds in progress (abandoned greenlets are unwound, not killed, meanwhile)
    UnraisableHandler m_unraisable;
    DiscardHandler m_discard;
    SwitchObserver m_switchObserver;
};

// The switch fast path: a suspended target. It is inline down to Boost's
// jump so that no function frame lies between the caller and the jump, which
// would cost a mispredicted return at every landing (see OsFiber::switchTo).

inline GreenletRuntime::Value GreenletRuntime::land()
{
    if (m_landingWork) [[unlikely]]
        return landSlow();
    return m_value;
}

inline GreenletRuntime::Value GreenletRuntime::resume(Greenlet& to, Value value, SwitchWhy why)
{
    Greenlet& from = *m_current;
    m_value = value;
    if (m_ctx.trace) [[unlikely]]
        traceSwitch(from, to, why, TaskState::Suspended);
    from.m_state = Greenlet::State::Suspended;
    to.m_state = Greenlet::State::Running;
    m_current = &to;
    if (m_switchObserver)
        m_switchObserver(from, to);
    from.m_fiber.switchTo(to.m_fiber);
    return land();
}

inline Greenlet::Value Greenlet::switchTo(Value value)
{
    GreenletRuntime* const runtime = m_runtime;
    if (runtime && m_state == State::Suspended) [[likely]]
        return runtime->resume(*this, value, SwitchWhy::Switch);
    return switchSlow(value);
}

} // namespace coroscope
