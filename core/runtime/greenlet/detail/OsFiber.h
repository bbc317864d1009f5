#pragma once
// OsFiber: the platform context switch, and nothing else. It wraps
// Boost.Context (OsFiber.cpp is the only file in the project that includes
// it) and knows nothing about greenlet semantics. Fibers are made, ended and
// force-unwound as boost::context::fiber objects; the hot switch calls
// Boost's jump on the same context handle, inline (see switchTo).
//
// Every OsFiber is one execution context of one thread:
//  - a default-constructed OsFiber stands for a context that already runs on
//    its own stack (the thread's): it gains a saved context the first time it
//    switches away;
//  - prepare() gives an OsFiber a stack from a StackPool and an entry
//    function, which runs when the fiber is first switched to.
// When the entry function returns, the fiber ends, its stack goes back to the
// pool (inside Boost's teardown, on the next context's stack) and control
// moves to the fiber the entry returned.
//
// Boost saves and restores the SSE control/status register (MXCSR) with
// every context. Its six exception flags are sticky (any inexact floating-
// point operation sets one), so contexts drift apart, and loading a different
// MXCSR value costs ~150 cycles on current x86 cores: a switch between a
// greenlet that computed with doubles and one that did not became 15 times
// slower. Those flags are therefore kept all set in every context (no
// operation can clear them then): settleFloatingPointFlags() runs when a
// fiber is made and on the greenlet runtime's slow switch paths, not on every
// switch (it would cost a quarter of one). Rounding mode and masks stay per
// context. Nothing in Coroscope reads the flags (fetestexcept would report
// them all); code that clears them only makes switches slower for a while.
//
// C++ exception state is per thread (the list of exceptions being handled
// and the uncaught count, __cxa_get_globals in the Itanium ABI). A fiber that
// switches away inside a catch handler would otherwise see another fiber's
// handlers when it comes back, so every switch saves the leaving fiber's
// exception state and installs the arriving fiber's.

#include "core/runtime/greenlet/StackPool.h"

#include <cstddef>
#include <cstring>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace coroscope::detail {

class OsFiber {
public:
    /// Runs on the fiber's own stack; returns the fiber to continue with when
    /// this one ends. It must not let any exception escape except Boost's
    /// forced unwind (see rethrowIfForcedUnwind).
    using Entry = OsFiber* (*)(void* arg);

    /// What a jump returns on the landing side (Boost's transfer_t): the
    /// context of the fiber that switched here, and that fiber (the jump's
    /// data word), or null when it ended.
    struct Arrival {
        void* context;
        void* from;
    };

    /// Bytes of the Itanium ABI's per-thread exception state
    /// (__cxa_eh_globals) on this platform; checked in OsFiber.cpp.
#ifdef __ARM_EABI_UNWINDER__
    static constexpr std::size_t kExceptionStateBytes = 3 * sizeof(void*);
#else
    static constexpr std::size_t kExceptionStateBytes = 2 * sizeof(void*);
#endif

    OsFiber() noexcept;
    /// A fiber still suspended at destruction is unwound first.
    ~OsFiber();
    OsFiber(const OsFiber&) = delete;
    OsFiber& operator=(const OsFiber&) = delete;

    /// Makes this fiber start `entry(arg)` on `stack` at its first switch.
    /// The stack is released to `pool` when the fiber ends or is unwound.
    /// Must not be called on a fiber that has a saved context.
    void prepare(StackPool& pool, const StackPool::Stack& stack, Entry entry, void* arg);

    /// Saves the running context into *this and continues `to`. Must only be
    /// called on the running fiber; returns when some fiber switches back to
    /// this one (or ends and names this one as its successor). Throws only
    /// Boost's forced unwind, when this fiber is being unwound.
    ///
    /// Inline on purpose, calling Boost's jump directly. Boost's jump ends in
    /// an indirect jump, not a `ret`; measured on this project's machines, a
    /// switch routed through one out-of-line function costs about three times
    /// a plain Boost.Context switch (a mispredicted return at every landing),
    /// and one that tail-calls the jump from such a function can cost over
    /// ten times, while this costs the same as plain Boost.
    inline void switchTo(OsFiber& to);

    /// Destroys the saved context of a suspended fiber: Boost throws its
    /// forced-unwind exception at the fiber's switch point, the fiber's
    /// frames run their destructors on its own stack, the stack goes back to
    /// the pool and control returns here. Must not be called on the running
    /// fiber.
    void unwind() noexcept;

    /// True when the fiber has a saved context: suspended, or prepared and
    /// not yet started.
    bool hasContext() const noexcept { return m_context != nullptr; }

    /// Call first in every `catch (...)` that can see a fiber being unwound:
    /// rethrows when the exception in flight is Boost's forced unwind, so
    /// that it reaches Boost's fiber entry. Must be called inside a handler.
    static void rethrowIfForcedUnwind();

    /// Sets all sticky SSE exception flags of the running context (see the
    /// header comment); a no-op on other architectures.
    static void settleFloatingPointFlags() noexcept
    {
#if defined(__SSE__)
        const unsigned int csr = _mm_getcsr();
        if ((csr & kMxcsrFlags) != kMxcsrFlags) [[unlikely]]
            _mm_setcsr(csr | kMxcsrFlags);
#endif
    }

private:
    static constexpr unsigned int kMxcsrFlags = 0x3f; ///< IE DE ZE OE UE PE

    void restoreExceptionState() noexcept;
    void* run(void* caller); // the function Boost's fiber runs; returns the successor's context

    void* m_context = nullptr; ///< Boost's fcontext_t of this fiber while it is not running (null: none)
    alignas(void*) unsigned char m_exceptionState[kExceptionStateBytes]; ///< this fiber's __cxa_eh_globals while it is not running
    void* m_threadExceptionState = nullptr; ///< the thread's __cxa_eh_globals
    OsFiber* m_resumedBy = nullptr;         ///< who switched here last (a fiber's first entry gets no data word)
    Entry m_entry = nullptr;                ///< what a prepared fiber runs
    void* m_arg = nullptr;                  ///< argument for m_entry
};

/// Boost.Context's jump (the jump_fcontext symbol of libboost_context),
/// declared under our own name and return type so that OsFiber::switchTo can
/// call it inline without including Boost. OsFiber.cpp, which includes Boost,
/// checks the declaration against Boost's own.
extern "C" OsFiber::Arrival boostJumpFcontext(void* to, void* data) __asm__("jump_fcontext");

inline void OsFiber::switchTo(OsFiber& to)
{
    // Both fibers belong to this thread: one pointer to its exception state serves.
    std::memcpy(m_exceptionState, m_threadExceptionState, kExceptionStateBytes);
    std::memcpy(m_threadExceptionState, to.m_exceptionState, kExceptionStateBytes);
    to.m_resumedBy = this;
    void* const target = to.m_context;
    to.m_context = nullptr;
    const Arrival arrival = boostJumpFcontext(target, this);
    // Keep the context of whoever switched here; a null `from` means that
    // fiber ended and has no context left.
    if (arrival.from) [[likely]]
        static_cast<OsFiber*>(arrival.from)->m_context = arrival.context;
}

/// Nanoseconds per switch of a plain Boost.Context fiber ping-pong (no pool,
/// no bookkeeping): the baseline for the greenlet switch benchmark. One
/// iteration is a round trip, i.e. two switches.
double rawBoostContextSwitchNs(long iterations);

} // namespace coroscope::detail
