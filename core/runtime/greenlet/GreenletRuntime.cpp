// GreenletRuntime, part one: the main greenlet, creation, lifetime (killing
// abandoned greenlets, forced unwinds, teardown) and trace events. The
// switches themselves are in GreenletSwitch.cpp.

#include "core/runtime/greenlet/GreenletRuntime.h"

#include "core/runtime/greenlet/GreenletError.h"
#include "core/runtime/greenlet/GreenletExit.h"

#include <pthread.h>

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace coroscope {

namespace {

// The calling thread's own stack, for the main greenlet's bounds.
void threadStackBounds(std::uintptr_t& low, std::uintptr_t& high)
{
    pthread_attr_t attr;
    void* address = nullptr;
    std::size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &address, &size);
        pthread_attr_destroy(&attr);
    }
    low = reinterpret_cast<std::uintptr_t>(address);
    high = low + size;
}

// Enough passes for greenlets whose GreenletExit handling creates or revives
// others; a program that does so forever is left to the pool's report.
constexpr int kTeardownPasses = 16;

} // namespace

GreenletRuntime::GreenletRuntime(RunContext& context, StackPool& pool, TaskId mainTask)
    : m_ctx(context)
    , m_pool(pool)
{
    const bool adopted = mainTask != 0;
    auto* main = new Greenlet(*this, adopted ? mainTask : m_ctx.nextTaskId++, {}, {}, "main", true);
    m_main = std::shared_ptr<Greenlet>(main, detail::GreenletDeleter{});
    main->m_self = m_main;
    threadStackBounds(main->m_stackLow, main->m_stackHigh);
    m_current = main;
    if (m_ctx.trace && !adopted) {
        traceCreated(*main, TaskKind::Main);
        traceState(*main, TaskState::Running);
    }
}

GreenletRuntime::~GreenletRuntime()
{
    if (m_current != m_main.get()) {
        std::fprintf(stderr, "GreenletRuntime destroyed while greenlet %u runs (expected the main greenlet %u)\n",
                     m_current->m_id, m_main->m_id);
        std::abort();
    }
    for (int pass = 0; pass < kTeardownPasses; ++pass) {
        std::vector<std::shared_ptr<Greenlet>> victims;
        for (Greenlet* g = m_first; g; g = g->m_next) {
            if (!g->m_isMain && g->active()) {
                if (std::shared_ptr<Greenlet> strong = g->m_self.lock())
                    victims.push_back(std::move(strong));
            }
        }
        if (victims.empty())
            break;
        for (const auto& victim : victims) {
            if (!victim->active())
                continue;
            kill(*victim);
            if (victim->active() && victim->m_killDepth == 0)
                forceUnwind(*victim);
        }
        // Released at the end of the pass: the dead are deleted here.
        std::vector<std::shared_ptr<Greenlet>> stuck = std::move(m_stuck);
        m_stuck.clear();
    }
    // Whatever is still referenced stays as a detached object: dead, or (if it
    // could not be unwound at all) leaked with its stack.
    for (Greenlet* g = m_first; g;) {
        Greenlet* next = g->m_next;
        g->m_runtime = nullptr;
        g->m_prev = g->m_next = nullptr;
        if (g->m_isMain)
            g->m_state = Greenlet::State::Dead;
        g = next;
    }
    m_first = nullptr;
    m_count = 0;
    m_orphans.clear();
    m_landingWork = false;
    m_stuck.clear();
    m_current = nullptr;
    m_main.reset();
}

std::shared_ptr<Greenlet> GreenletRuntime::current() const
{
    return m_current->m_self.lock();
}

std::shared_ptr<Greenlet> GreenletRuntime::create(Greenlet::Body body, std::shared_ptr<Greenlet> parent,
                                                  std::string_view name)
{
    if (!parent)
        parent = current();
    else if (parent->m_runtime != this)
        throw GreenletError(GreenletError::Kind::ValueError, "parent cannot be on a different thread");
    auto* raw = new Greenlet(*this, m_ctx.nextTaskId++, std::move(body), std::move(parent), std::string(name),
                             false);
    std::shared_ptr<Greenlet> greenlet(raw, detail::GreenletDeleter{});
    raw->m_self = greenlet;
    if (m_ctx.trace) [[unlikely]]
        traceCreated(*raw, TaskKind::Greenlet);
    return greenlet;
}

void GreenletRuntime::reclaim(Greenlet* greenlet) noexcept
{
    // The last shared_ptr is gone but the greenlet is active. Revive it under
    // a new one (its deleter runs again when that goes) so current() and
    // parent links work while it dies.
    std::shared_ptr<Greenlet> revived(greenlet, detail::GreenletDeleter{});
    greenlet->m_self = revived;
    if (greenlet == m_current) {
        m_orphans.push_back(std::move(revived));
        m_landingWork = true;
        return;
    }
    if (m_unwinding == 0)
        kill(*greenlet);
    if (greenlet->active() && revived.use_count() == 1) {
        // It survived GreenletExit and nobody keeps it: unwind it, unless it
        // waits inside a kill of its own (a forced unwind cannot cross that
        // noexcept deleter), in which case it is kept for a later attempt.
        if (greenlet->m_killDepth == 0 && greenlet != m_current)
            forceUnwind(*greenlet);
        else
            m_stuck.push_back(std::move(revived));
    }
    // Dropping `revived` deletes the greenlet unless it resurrected itself.
}

void GreenletRuntime::kill(Greenlet& victim) noexcept
{
    // python-greenlet's kill: the current greenlet becomes the temporary
    // parent, so the victim's death switches straight back here.
    Greenlet& killer = *m_current;
    std::shared_ptr<Greenlet> parent = std::exchange(victim.m_parent, killer.m_self.lock());
    ++killer.m_killDepth;
    try {
        const Value value = transfer(victim, 0, std::make_exception_ptr(GreenletExit()));
        if (m_discard)
            m_discard(value);
    } catch (...) {
        // A forced unwind never gets here: a greenlet waiting in a kill is
        // never unwound (m_killDepth).
        rethrowIfForcedUnwind();
        if (m_unraisable)
            m_unraisable(victim, std::current_exception());
    }
    --killer.m_killDepth;
    victim.m_parent = std::move(parent);
}

void GreenletRuntime::forceUnwind(Greenlet& victim) noexcept
{
    Greenlet* const resumeAs = m_current;
    victim.m_state = Greenlet::State::Running;
    m_current = &victim;
    if (m_switchObserver)
        m_switchObserver(*resumeAs, victim);
    ++m_unwinding;
    victim.m_fiber.unwind();
    --m_unwinding;
    m_current = resumeAs;
    victim.m_state = Greenlet::State::Dead;
    victim.m_stackLow = 0;
    victim.m_stackHigh = 0;
    if (m_switchObserver)
        m_switchObserver(victim, *resumeAs);
    if (m_ctx.trace) [[unlikely]]
        traceState(victim, TaskState::Cancelled);
}

void GreenletRuntime::link(Greenlet& greenlet)
{
    greenlet.m_next = m_first;
    if (m_first)
        m_first->m_prev = &greenlet;
    m_first = &greenlet;
    ++m_count;
}

void GreenletRuntime::unlink(Greenlet& greenlet)
{
    if (greenlet.m_prev)
        greenlet.m_prev->m_next = greenlet.m_next;
    else
        m_first = greenlet.m_next;
    if (greenlet.m_next)
        greenlet.m_next->m_prev = greenlet.m_prev;
    greenlet.m_prev = greenlet.m_next = nullptr;
    --m_count;
}

void GreenletRuntime::traceCreated(const Greenlet& greenlet, TaskKind kind)
{
    Event e;
    e.kind = EventKind::TaskCreated;
    e.a = std::uint8_t(kind);
    e.subject = greenlet.m_id;
    e.x = greenlet.m_parent ? greenlet.m_parent->m_id : 0;
    e.v = greenlet.m_name.empty() ? 0 : m_ctx.text(greenlet.m_name);
    m_ctx.emit(e);
}

void GreenletRuntime::traceState(const Greenlet& greenlet, TaskState state, TaskId waitTarget)
{
    Event e;
    e.kind = EventKind::TaskState;
    e.a = std::uint8_t(state);
    e.b = std::uint16_t(state == TaskState::Suspended ? WaitKind::Greenlet : WaitKind::None);
    e.subject = greenlet.m_id;
    e.x = waitTarget;
    m_ctx.emit(e);
}

void GreenletRuntime::traceSwitch(const Greenlet& from, const Greenlet& to, SwitchWhy why, TaskState fromState)
{
    // A suspended greenlet's wait target is the greenlet it switched to.
    traceState(from, fromState, fromState == TaskState::Suspended ? to.m_id : 0);
    Event e;
    e.kind = EventKind::Switch;
    e.a = std::uint8_t(why);
    e.subject = to.m_id;
    e.x = from.m_id;
    m_ctx.emit(e);
    traceState(to, TaskState::Running);
}

} // namespace coroscope
