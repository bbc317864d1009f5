#pragma once
// Interpreter: what the object model needs from the VM, without knowing it.
// The VM implements this interface and installs it with
// ObjectSpace::setInterpreter(). Types whose instances only the VM knows how
// to call (Python functions, generators' send...) use `callViaInterpreter`
// as their `call` slot, so user-class dunders (`__eq__`, `__hash__`,
// `__repr__`, `__len__`...) reached from the object model end up here.

#include "core/script/value/Ref.h"

#include <string_view>

namespace coroscope::pylite {

struct CallArgs;

class Interpreter {
public:
    virtual ~Interpreter() = default;

    /// Calls `callable` (an object whose type uses callViaInterpreter) with
    /// `args`. Returns a new reference, or null with a pending exception on
    /// the ObjectSpace. May run arbitrary Python code, including code that
    /// mutates the containers the caller is working on.
    virtual Ref call(Value callable, const CallArgs& args) = 0;

    /// Reports an exception that cannot propagate: raised by a finalizer,
    /// `__del__`, or a callback of the collector. CPython prints
    /// "Exception ignored in: <obj>" and the traceback to stderr. `where`
    /// is the object it was raised in (may be null).
    virtual void writeUnraisable(Value exception, Value where) = 0;
};

/// Call slot for interpreter-backed callables: forwards to the installed
/// Interpreter, or raises TypeError when none is installed.
Ref callViaInterpreter(ObjectSpace& space, Value self, const CallArgs& args);

} // namespace coroscope::pylite
