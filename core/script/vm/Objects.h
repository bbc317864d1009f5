#pragma once
// The heap objects only the VM creates: Python functions, closure cells,
// generators / coroutines / async generators (which own their frame, as in
// MicroPython's objgenerator), the awaitables of async generators, and
// traceback entries.

#include "core/script/compiler/Code.h"
#include "core/script/value/Ref.h"
#include "core/script/vm/Frame.h"

#include <cstdint>

namespace coroscope::pylite {

struct DictObject;

/// A `def`, `lambda`, class body or comprehension turned into a callable.
struct FunctionObject : Object {
    Value m_dict;       ///< instance __dict__ (owned, lazily created); must stay first
    Value m_code;       ///< CodeObject (owned)
    Value m_globals;    ///< dict (owned)
    Value m_name;       ///< str (owned)
    Value m_qualname;   ///< str (owned)
    Value m_defaults;   ///< tuple of positional defaults, or null
    Value m_kwDefaults; ///< dict of keyword-only defaults, or null
    Value m_closure;    ///< tuple of cells, or null
    Value m_module;     ///< __module__ (owned; str or None)
    Value m_doc;        ///< __doc__ (owned; str or None)
    Code* m_codePtr;    ///< codeOf(m_code), cached for the call path
};

/// A closure cell: one variable shared between a function and the
/// functions nested in it. Empty cells hold null.
struct CellObject : Object {
    Value m_ref; ///< owned contents, or null when empty
};

/// Lifecycle of a generator, coroutine or async generator.
enum class GenState : std::uint8_t {
    Created,   ///< frame set up, never resumed; lives until first resumed or closed
    Suspended, ///< stopped at a yield; the frame waits inside the object
    Running,   ///< its frame is on the VM's frame chain right now
    Closed,    ///< returned, raised or closed; the frame's contents are released
};

enum class GenKind : std::uint8_t { Generator, Coroutine, AsyncGenerator };

/// A suspended coroutine is this header, its frame header (Frame) and the
/// frame's slots in one block. The trace task id lives in the frame
/// (Frame::m_traceTask).
struct GeneratorObject : Object {
    /// Owned. The names are the function's when the generator was created:
    /// usually its code's own, and then this is the function's CodeObject
    /// (which stays alive even after genClear drops the frame's function);
    /// a (name, qualname) tuple when m_renamed (the function was renamed).
    /// Read them with generatorName() / generatorQualname().
    Value m_names;
    GenKind m_kind;
    GenState m_state;
    bool m_renamed;
    std::uint32_t m_frameSlots; ///< slot capacity of the embedded frame
    // The frame follows the header (frame()), at kGeneratorHeaderBytes.

    Frame* frame() { return reinterpret_cast<Frame*>(this + 1); }
    const Frame* frame() const { return reinterpret_cast<const Frame*>(this + 1); }
};
static_assert(sizeof(GeneratorObject) == kGeneratorHeaderBytes);

/// __name__ / __qualname__ of a generator, coroutine or async generator
/// (borrowed str).
Value generatorName(const GeneratorObject* gen);
Value generatorQualname(const GeneratorObject* gen);

inline GeneratorObject* Frame::gen() const
{
    return m_onStack ? nullptr
                     : reinterpret_cast<GeneratorObject*>(reinterpret_cast<char*>(const_cast<Frame*>(this)) -
                                                          kGeneratorHeaderBytes);
}

/// The awaitable returned by asend()/athrow()/aclose() of an async generator.
struct AsyncGenOpObject : Object {
    Value m_gen;     ///< owned async generator
    Value m_value;   ///< asend: value to send; athrow: exception to throw (null for aclose)
    std::uint8_t m_op;    ///< AsyncGenOp
    std::uint8_t m_state; ///< 0 not started, 1 iterating, 2 done
};

enum class AsyncGenOp : std::uint8_t { Send, Throw, Close };

/// One entry of an exception's traceback: where it passed through a frame.
struct TracebackObject : Object {
    Value m_next;       ///< owned: the entry for the next frame inward, or null
    Value m_code;       ///< owned CodeObject of the frame
    std::int32_t m_line;   ///< line being executed
    std::int32_t m_lasti;  ///< word offset of the instruction
};

inline FunctionObject* asFunction(Value v) { return static_cast<FunctionObject*>(v.object()); }
inline CellObject* asCell(Value v) { return static_cast<CellObject*>(v.object()); }
inline GeneratorObject* asGenerator(Value v) { return static_cast<GeneratorObject*>(v.object()); }
inline TracebackObject* asTraceback(Value v) { return static_cast<TracebackObject*>(v.object()); }

} // namespace coroscope::pylite
