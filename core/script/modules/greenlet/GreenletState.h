#pragma once
// The C++ side of the pylite greenlet module: one GreenletState per Vm (owned
// by the module), one GreenletPayload per greenlet object.
//
// Each greenlet runs its pylite code on its own machine stack and with its
// own VM frame chain. The runtime's switch observer (onSwitch) sees every
// switch, including the kills the runtime performs when a suspended greenlet
// loses its last reference: it saves the leaving greenlet's VM state (frame
// stack, innermost frame, recursion depth), restores the landing one's and
// points the VM's stack check at its stack. A greenlet that starts gets an
// empty frame chain and keeps the recursion depth of whoever started it.
//
// Values cross a switch as a word owning a reference to a packed 2-tuple
// (args tuple, kwargs dict or None): the sender increfs, the receiver
// adopts. Exceptions cross as a C++ PyGreenletError carrying the exception,
// made pending again on the receiving side; a GreenletExit crosses as the
// runtime's own coroscope::GreenletExit so that the runtime's rules for
// dead and unstarted greenlets apply to it.

#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/RunContext.h"
#include "core/runtime/greenlet/GreenletExit.h"
#include "core/runtime/greenlet/GreenletRuntime.h"
#include "core/runtime/greenlet/StackPool.h"
#include "core/script/modules/detail/NativeBox.h"
#include "core/script/value/Ref.h"
#include "core/script/vm/Frame.h"

#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace coroscope::pylite {

class Vm;

namespace detail {

/// A pylite exception on its way from one greenlet to another.
struct PyGreenletError {
    Ref exception;
};

/// What the VM needs per greenlet while it does not run.
struct SavedVm {
    FrameStack frames;
    Frame* current = nullptr;
    int depth = 0;
};

class GreenletState;

/// The C++ half of one pylite greenlet object.
class GreenletPayload final : public NativePayload {
public:
    GreenletPayload(GreenletState& state, Object* owner);
    ~GreenletPayload() override;

    GreenletState* state;           ///< null once the module state is gone
    Object* owner;                  ///< the greenlet object (borrowed; it owns this payload)
    std::shared_ptr<Greenlet> greenlet;
    Ref run;                        ///< run= given to the constructor or assigned later
    Ref parentObject;               ///< the parent's greenlet object (mirrors greenlet->parent())
};

class GreenletState final : public NativePayload {
public:
    explicit GreenletState(Vm& vm);
    ~GreenletState() override;

    Vm& vm;
    RunContext ownContext;          ///< used when the Vm has no RunContext
    StackPool pool;
    std::unique_ptr<GreenletRuntime> runtime;
    Ref greenletType;
    Ref exitType;
    Ref errorType;
    Ref boxType;
    Ref mainObject;                 ///< the main greenlet's object, made on demand
    Ref emptyPacked;                ///< ((), None): what every switch() without arguments carries (shared, immutable)
    StrObject* payloadKey = nullptr; ///< the interned "__greenlet_core__" (kept alive by the space)
    bool tearingDown = false;       ///< the Vm is going away: switches back into pylite code unwind instead
    bool makingMain = false;        ///< payloadOf must not create a C++ greenlet (main's object)
    std::unordered_map<const Greenlet*, GreenletPayload*> payloads; ///< live objects by greenlet
    std::unordered_set<GreenletPayload*> live;
    std::unordered_map<const Greenlet*, std::unique_ptr<SavedVm>> saved;

    /// The greenlet object of `g` (borrowed), making main's on demand; null
    /// with an exception pending on failure.
    Value objectOf(const Greenlet& g);
    /// The payload of greenlet object `self`, creating an unstarted greenlet
    /// for objects whose __init__ did not run; null with TypeError pending.
    GreenletPayload* payloadOf(Value self);
    /// Creates the C++ greenlet of `p` with `parent` (null: the current one).
    bool initGreenlet(GreenletPayload& p, GreenletPayload* parent);

    /// Switches to `target` with a packed value (owned) or throws `thrown`
    /// into it; returns what the next switch back delivers (unpacked), or
    /// null with an exception pending.
    Ref switchTo(Greenlet& target, Ref packed, Ref thrown);
    /// switchTo(target, packed, Ref()), inline down to the runtime's jump:
    /// a function frame between the caller (the dispatch loop's CALL) and
    /// the jump costs a mispredicted return at every landing.
    inline Ref sendTo(Greenlet& target, Ref packed);

private:
    SavedVm& savedFor(const Greenlet& g);
    /// `saved`'s entry for `g` or null, through a two-entry cache (two
    /// greenlets switching back and forth never reach the map).
    SavedVm* findSaved(const Greenlet* g);
    void forgetSaved(const Greenlet* g);
    const Greenlet* m_cacheKey[2] = {};
    SavedVm* m_cacheValue[2] = {};
    void onSwitch(const Greenlet& from, const Greenlet& to);
    Ref land(std::uint64_t word, std::exception_ptr error);
    /// Runs `jump` (a switch or a throw into another greenlet, returning the
    /// word it lands with) and lands here: an exception thrown back into
    /// this greenlet becomes the pending error, except what must unwind on
    /// (a forced unwind, GreenletExit while tearing down).
    template <class Jump>
    Ref jumpAndLand(Jump jump);
    /// Whether a GreenletExit reaching a switch unwinds on (see switchTo).
    bool passesExit(const GreenletExit& e) const;
    std::uint64_t body(Object* owner, std::uint64_t word);
};

template <class Jump>
inline Ref GreenletState::jumpAndLand(Jump jump)
{
    std::uint64_t word = 0;
    std::exception_ptr error;
    try {
        word = jump();
    } catch (const GreenletExit& e) {
        if (passesExit(e)) throw;
        error = std::current_exception();
    } catch (...) {
        rethrowIfForcedUnwind();
        if (tearingDown) throw;
        error = std::current_exception();
    }
    return land(word, std::move(error));
}

inline Ref GreenletState::sendTo(Greenlet& target, Ref packed)
{
    return jumpAndLand([&] { return target.switchTo(packed.release().bits()); });
}

/// Packs switch arguments the way the receiver needs them: (args, kwargs).
Ref packValue(ObjectSpace& space, Value value);
/// python-greenlet's unpacking of (args, kwargs): only kwargs → kwargs,
/// args and kwargs → (args, kwargs), one arg → it, else the args tuple.
Ref unpackValue(ObjectSpace& space, Value packed);

} // namespace detail
} // namespace coroscope::pylite
