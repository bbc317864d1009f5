#pragma once
// Greenlet: a stackful coroutine with python-greenlet's semantics, running on
// its own machine stack from a StackPool.
//
// The rules (python-greenlet's, see tests/runtime/tst_greenlet.cpp):
//  - switchTo(v) into a greenlet that has not started runs its body with v;
//    into a suspended one makes its pending switchTo return v; into the
//    running one returns v at once; into a dead one goes to its parent
//    (walking up past dead ones; an unstarted ancestor is started with v).
//  - When a body returns r, the parent's pending switchTo returns r. When an
//    exception escapes a body, the parent's pending switchTo throws it. A
//    GreenletExit escaping a body ends it quietly: the parent receives the
//    carried value.
//  - throwIn(e) raises e at the target's switch point. Into an unstarted
//    greenlet it dies without running and e goes to its parent; into a dead
//    one e goes to the parent, except GreenletExit, which is returned as its
//    carried value.
//  - A greenlet holds a strong reference to its parent. When the last
//    reference to a suspended greenlet goes away, it is killed: GreenletExit
//    is thrown into it with the current greenlet as temporary parent, so its
//    destructors and catch handlers run there and then (see
//    GreenletRuntime.h for the details of that choice).
//
// A greenlet belongs to one GreenletRuntime and is only touched from that
// runtime's thread. Greenlets are made by GreenletRuntime::create and owned by
// std::shared_ptr.

#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/greenlet/detail/OsFiber.h"
#include "core/trace/Event.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace coroscope {

class Greenlet;
class GreenletRuntime;

namespace detail {
/// The deleter of every shared_ptr<Greenlet>: kills a greenlet that is still
/// suspended when its last reference goes away, then deletes it.
struct GreenletDeleter {
    void operator()(Greenlet* greenlet) const noexcept;
};
} // namespace detail

class Greenlet {
public:
    /// What switches carry: an opaque word. The VM passes tagged values whose
    /// ownership moves with the word; the runtime never interprets it.
    using Value = std::uint64_t;
    /// A greenlet's run function: called once with the value of the first
    /// switch; its return value goes to the parent.
    using Body = std::function<Value(Value)>;

    /// Where a greenlet is in its life. The main greenlet starts Running.
    enum class State : std::uint8_t {
        Unstarted, ///< created; the body has not run; holds no stack
        Running,   ///< the current greenlet of its runtime (exactly one is)
        Suspended, ///< switched away; its frames wait on its machine stack
        Dead,      ///< the body ended (returned, raised, killed or unwound); the stack is back in the pool
    };

    Greenlet(const Greenlet&) = delete;
    Greenlet& operator=(const Greenlet&) = delete;

    /// Switches to this greenlet with `value` and returns the value passed by
    /// the next switch back into the caller (see the rules above). Throws the
    /// exception thrown into the caller, or a GreenletError on misuse, or
    /// std::bad_alloc when no stack can be had for a greenlet to start.
    /// (Inline: defined at the end of GreenletRuntime.h.)
    inline Value switchTo(Value value = 0);
    /// Raises `error` in this greenlet at its switch point (rules above).
    /// Returns like switchTo.
    Value throwIn(std::exception_ptr error);
    /// throwIn(GreenletExit()), python-greenlet's `g.throw()`.
    Value throwIn();

    /// The greenlet that receives this one's result; null for the main greenlet.
    const std::shared_ptr<Greenlet>& parent() const { return m_parent; }
    /// Re-parents. Throws GreenletError: AttributeError for a null parent or
    /// for the main greenlet, ValueError "cyclic parent chain" when this
    /// greenlet is `parent` or one of its ancestors, ValueError when `parent`
    /// belongs to another runtime.
    void setParent(std::shared_ptr<Greenlet> parent);

    State state() const { return m_state; }
    /// The body has been entered (always true for the main greenlet).
    bool started() const { return m_state != State::Unstarted; }
    /// Started and not dead: running or suspended.
    bool active() const { return m_state == State::Running || m_state == State::Suspended; }
    /// Started and no longer active.
    bool dead() const { return m_state == State::Dead; }
    /// python-greenlet's bool(g): active.
    explicit operator bool() const { return active(); }
    bool isMain() const { return m_isMain; }

    /// A task id from the RunContext, shared with every other kind of task.
    TaskId id() const { return m_id; }
    const std::string& name() const { return m_name; }
    /// The owning runtime; null once that runtime has been destroyed.
    GreenletRuntime* runtime() const { return m_runtime; }

    /// Lowest usable address of this greenlet's machine stack (above the
    /// guard page), 0 when it has none (unstarted or dead).
    std::uintptr_t stackLow() const { return m_stackLow; }
    /// One past the highest address of this greenlet's machine stack.
    std::uintptr_t stackHigh() const { return m_stackHigh; }

private:
    friend class GreenletRuntime;
    friend struct detail::GreenletDeleter;

    Greenlet(GreenletRuntime& runtime, TaskId id, Body body, std::shared_ptr<Greenlet> parent,
             std::string name, bool isMain);
    ~Greenlet();
    Value switchSlow(Value value);

    detail::OsFiber m_fiber;           ///< the machine context; owns the pool stack while started and not dead
    GreenletRuntime* m_runtime;        ///< null after the runtime is destroyed
    Greenlet* m_prev = nullptr;        ///< the runtime's list of its greenlets
    Greenlet* m_next = nullptr;
    std::weak_ptr<Greenlet> m_self;    ///< the owning shared_ptr; rebound when a dying greenlet is revived to be killed
    std::shared_ptr<Greenlet> m_parent;
    Body m_body;                       ///< moved onto the greenlet's stack when it starts
    std::string m_name;
    std::uintptr_t m_stackLow = 0;     ///< see stackLow()
    std::uintptr_t m_stackHigh = 0;    ///< see stackHigh()
    TaskId m_id;
    State m_state;
    bool m_isMain;
    std::uint32_t m_killDepth = 0;     ///< kills this greenlet is waiting on as the killer (it must not be unwound then)
};

std::string_view toString(Greenlet::State state);

} // namespace coroscope

// The inline switch fast path needs the runtime's definition.
#include "core/runtime/greenlet/GreenletRuntime.h"
