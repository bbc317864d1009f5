// The only file of the project that includes Boost.Context.
#include "core/runtime/greenlet/detail/OsFiber.h"

#include <boost/context/fiber.hpp>
#include <boost/context/preallocated.hpp>
#include <boost/context/stack_context.hpp>

#include <cxxabi.h>

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace coroscope::detail {

namespace ctx = boost::context;

namespace {

// The Itanium C++ ABI's per-thread exception-handling globals
// (__cxa_eh_globals); only their size and position matter here.
struct CxaEhGlobals {
    void* caughtExceptions;
    unsigned int uncaughtExceptions;
#ifdef __ARM_EABI_UNWINDER__
    void* propagatingExceptions;
#endif
};

void* threadExceptionState()
{
    return abi::__cxa_get_globals();
}

// The stack "allocator" Boost keeps in the fiber record: the stack was taken
// from the pool before the fiber was made, and Boost hands it back through
// deallocate() when the fiber ends or is unwound.
struct PoolReturn {
    StackPool* pool;
    StackPool::Stack stack;

    ctx::stack_context allocate() { std::abort(); } // never called: the stack is preallocated
    void deallocate(ctx::stack_context&) noexcept { pool->release(stack); }
};

} // namespace

// boost::context::fiber is one fcontext_t. Fibers are made, ended and unwound
// as boost::context::fiber objects; while suspended, their handle lives in
// OsFiber::m_context, and the hot switch hands it to Boost's jump_fcontext
// directly (inline, see OsFiber::switchTo). release() and adopt() move a
// handle out of and into a fiber object.
static_assert(sizeof(ctx::fiber) == sizeof(void*), "boost::context::fiber must be a single fcontext_t");
static_assert(std::is_same_v<ctx::detail::fcontext_t, void*>, "fcontext_t must be a pointer");
static_assert(sizeof(CxaEhGlobals) == OsFiber::kExceptionStateBytes, "OsFiber copies the whole exception state");
static_assert(sizeof(OsFiber::Arrival) == sizeof(ctx::detail::transfer_t)
                  && offsetof(OsFiber::Arrival, context) == offsetof(ctx::detail::transfer_t, fctx)
                  && offsetof(OsFiber::Arrival, from) == offsetof(ctx::detail::transfer_t, data),
              "OsFiber::Arrival must match Boost's transfer_t (see boostJumpFcontext)");
static_assert(std::is_same_v<decltype(&ctx::detail::jump_fcontext), ctx::detail::transfer_t (*)(void*, void*)>,
              "boostJumpFcontext must take the arguments of Boost's jump_fcontext");

static void* release(ctx::fiber& fiber) noexcept
{
    void* context = nullptr;
    std::memcpy(&context, static_cast<void*>(&fiber), sizeof context);
    std::memset(static_cast<void*>(&fiber), 0, sizeof context);
    return context;
}

static ctx::fiber adopt(void* context) noexcept
{
    ctx::fiber fiber;
    std::memcpy(static_cast<void*>(&fiber), &context, sizeof context);
    return fiber;
}

OsFiber::OsFiber() noexcept
    : m_threadExceptionState(threadExceptionState())
{
    settleFloatingPointFlags(); // the thread's own context, when it is this one
    std::memset(m_exceptionState, 0, sizeof m_exceptionState);
}

OsFiber::~OsFiber()
{
    unwind();
}

void OsFiber::prepare(StackPool& pool, const StackPool::Stack& stack, Entry entry, void* arg)
{
    m_entry = entry;
    m_arg = arg;
    std::memset(m_exceptionState, 0, sizeof m_exceptionState); // a new fiber handles no exception

    ctx::stack_context sctx;
    sctx.size = stack.usableSize();
    sctx.sp = reinterpret_cast<void*>(stack.high());
    const ctx::preallocated where(sctx.sp, sctx.size, sctx);
    settleFloatingPointFlags(); // Boost copies the creator's MXCSR into the new context
    ctx::fiber fiber(std::allocator_arg, where, PoolReturn{&pool, stack},
                     [this](ctx::fiber&& caller) { return adopt(run(&caller)); });
    m_context = release(fiber);
}

void* OsFiber::run(void* caller)
{
    // The first switch into a fiber carries no data word: m_resumedBy says
    // whose context this is.
    m_resumedBy->m_context = release(*static_cast<ctx::fiber*>(caller));
    OsFiber* next = m_entry(m_arg);
    // This fiber ends here: the successor's exception state takes over, and
    // if the successor starts only now, it stores our (empty) context.
    next->restoreExceptionState();
    next->m_resumedBy = this;
    return std::exchange(next->m_context, nullptr);
}

void OsFiber::unwind() noexcept
{
    if (!m_context)
        return;
    alignas(void*) unsigned char destroyer[kExceptionStateBytes];
    std::memcpy(destroyer, m_threadExceptionState, kExceptionStateBytes);
    restoreExceptionState(); // the unwinding frames see their own handlers
    {
        ctx::fiber doomed = adopt(std::exchange(m_context, nullptr));
    } // ~fiber throws forced_unwind inside it and returns once its stack is gone
    std::memcpy(m_threadExceptionState, destroyer, kExceptionStateBytes);
}

void OsFiber::rethrowIfForcedUnwind()
{
    try {
        throw;
    } catch (const ctx::detail::forced_unwind&) {
        throw;
    } catch (...) {
    }
}

void OsFiber::restoreExceptionState() noexcept
{
    std::memcpy(m_threadExceptionState, m_exceptionState, kExceptionStateBytes);
}

double rawBoostContextSwitchNs(long iterations)
{
    bool stop = false;
    ctx::fiber peer{[&stop](ctx::fiber&& caller) {
        while (!stop)
            caller = std::move(caller).resume();
        return std::move(caller);
    }};
    peer = std::move(peer).resume(); // enter the loop once, outside the timing
    const auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < iterations; ++i)
        peer = std::move(peer).resume();
    const auto t1 = std::chrono::steady_clock::now();
    stop = true;
    peer = std::move(peer).resume(); // the peer returns and its stack is freed
    return std::chrono::duration<double, std::nano>(t1 - t0).count() / (2.0 * double(iterations));
}

} // namespace coroscope::detail
