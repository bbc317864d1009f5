#include "core/runtime/greenlet/Greenlet.h"

#include "core/runtime/greenlet/GreenletError.h"
#include "core/runtime/greenlet/GreenletRuntime.h"

#include <utility>

namespace coroscope {

namespace {

[[noreturn]] void throwDetached()
{
    throw GreenletError(GreenletError::Kind::Error,
                        "cannot switch to a different thread (which happens to have exited)");
}

} // namespace

Greenlet::Greenlet(GreenletRuntime& runtime, TaskId id, Body body, std::shared_ptr<Greenlet> parent,
                   std::string name, bool isMain)
    : m_runtime(&runtime)
    , m_parent(std::move(parent))
    , m_body(std::move(body))
    , m_name(std::move(name))
    , m_id(id)
    , m_state(isMain ? State::Running : State::Unstarted)
    , m_isMain(isMain)
{
    runtime.link(*this);
}

Greenlet::~Greenlet()
{
    if (m_runtime)
        m_runtime->unlink(*this);
}

Greenlet::Value Greenlet::switchSlow(Value value)
{
    if (!m_runtime)
        throwDetached();
    return m_runtime->transfer(*this, value, nullptr);
}

Greenlet::Value Greenlet::throwIn(std::exception_ptr error)
{
    if (!m_runtime)
        throwDetached();
    return m_runtime->throwInto(*this, std::move(error));
}

Greenlet::Value Greenlet::throwIn()
{
    return throwIn(std::exception_ptr());
}

void Greenlet::setParent(std::shared_ptr<Greenlet> parent)
{
    // Checks in python-greenlet's order, with its messages.
    if (!parent)
        throw GreenletError(GreenletError::Kind::AttributeError, "can't delete attribute");
    if (m_isMain)
        throw GreenletError(GreenletError::Kind::AttributeError, "cannot set the parent of a main greenlet");
    for (const Greenlet* p = parent.get(); p; p = p->m_parent.get()) {
        if (p == this)
            throw GreenletError(GreenletError::Kind::ValueError, "cyclic parent chain");
    }
    if (!m_runtime || parent->m_runtime != m_runtime)
        throw GreenletError(GreenletError::Kind::ValueError, "parent cannot be on a different thread");
    // The old parent may lose its last reference here and be killed.
    std::shared_ptr<Greenlet> old = std::exchange(m_parent, std::move(parent));
}

std::string_view toString(Greenlet::State state)
{
    switch (state) {
    case Greenlet::State::Unstarted: return "unstarted";
    case Greenlet::State::Running: return "running";
    case Greenlet::State::Suspended: return "suspended";
    case Greenlet::State::Dead: return "dead";
    }
    return "?";
}

void rethrowIfForcedUnwind()
{
    detail::OsFiber::rethrowIfForcedUnwind();
}

namespace detail {

void GreenletDeleter::operator()(Greenlet* greenlet) const noexcept
{
    if (greenlet->active() && !greenlet->isMain()) {
        // Still suspended (or running): its runtime kills it first and deletes
        // it through a revived shared_ptr. A detached greenlet that is still
        // active is one its runtime could neither kill nor unwind: leaked on
        // purpose, as python-greenlet leaks one that GreenletExit did not kill.
        if (GreenletRuntime* runtime = greenlet->runtime())
            runtime->reclaim(greenlet);
        return;
    }
    delete greenlet;
}

} // namespace detail

} // namespace coroscope
