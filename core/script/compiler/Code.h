#pragma once
// Code: one compiled scope (module, function, lambda, class body or
// comprehension), immutable once built except for its inline caches.
// CodeObject is the Python-visible handle (type "code") that constants,
// functions and frames hold.
//
// Exceptions use a table, not a block stack (CPython 3.11's design): each
// ExceptionRange says "an exception raised by an instruction in [start, end)
// pops the value stack down to `depth`, pushes the exception and jumps to
// `handler`". Ranges never overlap and are sorted by start; the compiler
// splits an outer range around an inner one. Entering a `try` therefore
// costs nothing at run time; `return`, `break` and `continue` leave
// `finally` and `with` blocks through code the compiler inlines on that path.

#include "core/script/compiler/Opcodes.h"
#include "core/script/value/Ref.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope::pylite {

struct StrObject;

/// Bits of Code::flags (CPython's CO_* values where they exist).
enum class CodeFlag : std::uint32_t {
    VarArgs = 0x4,          ///< has a *args parameter
    VarKeywords = 0x8,      ///< has a **kwargs parameter
    Nested = 0x10,          ///< defined inside a function
    Generator = 0x20,       ///< calling it creates a generator
    Coroutine = 0x80,       ///< `async def`
    AsyncGenerator = 0x200, ///< `async def` with `yield`
    ClassBody = 0x1000,     ///< a class body (locals are a dict; returns the __class__ cell)
    ModuleBody = 0x2000,    ///< the module (locals are the globals)
    Comprehension = 0x4000, ///< a comprehension scope (shown as <listcomp> etc.)
    HasDocstring = 0x8000,  ///< consts[0] is the docstring
};

struct ExceptionRange {
    std::uint32_t start;   ///< first word covered
    std::uint32_t end;     ///< one past the last word covered
    std::uint32_t handler; ///< word to jump to
    std::uint32_t depth;   ///< value-stack depth to unwind to before pushing the exception
};

/// The inline-cache slot of a LOAD_GLOBAL or LOAD_METHOD instruction. Owned
/// and interpreted by the VM; the compiler only numbers them. All pointers
/// are borrowed and validated before use.
struct InlineCache {
    const void* owner = nullptr; ///< the dict or type the entry was found in
    std::uint64_t tag = 0;       ///< type version tag or dict version
    std::int64_t index = -1;     ///< dict entry index, or -1
    Value value;                 ///< cached borrowed value (methods, class attributes)
    std::uint32_t kind = 0;      ///< VM-defined meaning of the entry
};

struct Code {
    // --- instructions ----------------------------------------------------
    std::vector<CodeWord> words;          ///< the bytecode
    std::vector<std::int32_t> lines;      ///< source line of each word (same length as words)
    std::vector<ExceptionRange> handlers; ///< sorted, non-overlapping
    std::vector<InlineCache> caches;      ///< mutable inline caches, indexed by cache words

    // --- operands ----------------------------------------------------------
    std::vector<Ref> consts;   ///< constants (None, numbers, str, bytes, tuples, code)
    std::vector<Ref> names;    ///< interned str: globals, attributes, imports
    std::vector<Ref> varnames; ///< str: parameters first, then other locals
    std::vector<Ref> cellvars; ///< str: locals captured by inner scopes
    std::vector<Ref> freevars; ///< str: variables of enclosing scopes
    /// For each cell variable that is also a parameter, the parameter's
    /// local index (its value moves into the cell when the frame starts);
    /// -1 for other cells.
    std::vector<std::int32_t> cellParam;

    // --- signature ------------------------------------------------------
    std::uint32_t argCount = 0;       ///< positional parameters, positional-only included
    std::uint32_t posOnlyCount = 0;   ///< positional-only parameters
    std::uint32_t kwOnlyCount = 0;    ///< keyword-only parameters (after the positional ones)
    std::uint32_t flags = 0;          ///< CodeFlag bits
    std::uint32_t stackSize = 0;      ///< maximum value-stack depth

    // --- identity ----------------------------------------------------------
    Ref name;              ///< str: function name, "<module>", "<lambda>", "<listcomp>"...
    Ref qualname;          ///< str: dotted qualified name
    std::string filename;  ///< "main.py"
    std::int32_t firstLine = 1;

    /// Set by the compiler: calls with exactly argCount positional
    /// arguments need no binding work (no *args/**kwargs/keyword-only
    /// parameters, no cells or free variables, not a generator).
    bool simpleCall = false;

    bool has(CodeFlag f) const { return (flags & std::uint32_t(f)) != 0; }
    std::uint32_t localCount() const { return std::uint32_t(varnames.size()); }
    std::uint32_t cellCount() const { return std::uint32_t(cellvars.size()); }
    std::uint32_t freeCount() const { return std::uint32_t(freevars.size()); }
    /// Locals, cells and free variables: the frame slots before the stack.
    std::uint32_t slotCount() const { return localCount() + cellCount() + freeCount(); }
    /// Total number of parameters, *args and **kwargs included.
    std::uint32_t totalParams() const
    {
        return argCount + kwOnlyCount + (has(CodeFlag::VarArgs) ? 1 : 0) + (has(CodeFlag::VarKeywords) ? 1 : 0);
    }
    /// Line of the instruction at word `index` (clamped to the code).
    std::int32_t lineAt(std::size_t index) const;
    /// The handler covering word `index`, or null.
    const ExceptionRange* handlerAt(std::uint32_t index) const;
};

struct CodeObject : Object {
    Code* m_code; ///< owned (deleted by the type's destroy slot)
};

inline Code& codeOf(Value v) { return *static_cast<CodeObject*>(v.object())->m_code; }

/// Wraps `code` (ownership moves) into a new CodeObject of type `codeType`.
/// Null with MemoryError pending on failure (code is deleted).
Ref newCodeObject(ObjectSpace& space, TypeObject* codeType, Code* code);

/// Fills the slots of the `code` type (repr, destroy); called by the VM's
/// type setup.
void initCodeType(TypeObject* codeType);

} // namespace coroscope::pylite
