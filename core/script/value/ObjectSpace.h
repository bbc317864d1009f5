#pragma once
// ObjectSpace: the whole state of one pylite object world: heap, built-in
// types, interned names, the pending exception, the recursion counter. There
// are no globals; the VM owns one ObjectSpace per run and tests create as
// many as they like.
//
// Error convention (CPython's): operations never throw C++ exceptions for
// Python errors. A failing operation sets the pending exception here and
// returns its failure marker (a null Ref/Value, -1, or false as documented
// on the function). Callers propagate the marker up to the VM, which unwinds
// the Python stack. Exactly one exception is pending at a time; setting a new
// one replaces the old (as `raise` inside `except` does, with implicit
// chaining through setHandledException()).
//
// An ObjectSpace and its objects are used by one thread at a time.

#include "core/script/value/BuiltinTypes.h"
#include "core/script/value/Heap.h"
#include "core/script/value/Names.h"
#include "core/script/value/Ref.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coroscope::pylite {

class Interpreter;
struct StrObject;

class ObjectSpace {
public:
    ObjectSpace();
    ~ObjectSpace();
    ObjectSpace(const ObjectSpace&) = delete;
    ObjectSpace& operator=(const ObjectSpace&) = delete;

    Heap& heap() { return m_heap; }

    /// How the object at `p` shows in reprs and id(): its offset from the
    /// first object this space made, placed where CPython's 64-bit addresses
    /// live. The same program gets the same addresses in every run (the real
    /// ones move with address-space randomisation), so its output and trace
    /// are byte-identical between runs.
    std::uint64_t displayAddress(const void* p) const;
    /// displayAddress as CPython prints it: "0x7f...".
    std::string addressText(const void* p) const;
    const BuiltinTypes& types() const { return m_types; }

    /// type(v). Inline: an int check and a pointer load for heap values.
    TypeObject* typeOf(Value v) const
    {
        if (v.isObject()) return v.object()->m_type;
        if (v.isSmallInt()) return m_types.intType;
        return m_constantTypes[std::size_t(v.constantKind())];
    }
    bool isInstance(Value v, const TypeObject* t) const { return typeOf(v)->isSubtypeOf(t); }
    bool isExact(Value v, const TypeObject* t) const { return typeOf(v) == t; }

    // --- VM hook -----------------------------------------------------------
    Interpreter* interpreter() const { return m_interpreter; }
    void setInterpreter(Interpreter* interp) { m_interpreter = interp; }

    // --- pending exception -------------------------------------------------
    bool hasError() const { return !m_error.isNull(); }
    /// The pending exception (borrowed), or null.
    Value error() const { return m_error; }
    /// Removes and returns the pending exception.
    Ref takeError();
    void clearError();
    /// Raises `exc` (an exception instance): chains the handled exception
    /// into its __context__ as CPython's raise does, then makes it pending.
    void raise(Ref exc);
    /// Makes `exc` pending exactly as is (re-raise; no chaining).
    void restoreError(Ref exc);
    /// Creates `type(message)` and raises it. Returns a null Ref so callers
    /// can write `return space.raise(space.types().TypeError, "...")`.
    Ref raise(TypeObject* type, std::string_view message);
    /// Creates `type(arg)` (one argument of any kind) and raises it.
    Ref raiseWith(TypeObject* type, Value arg);
    /// Raises `type()` with no arguments.
    Ref raiseEmpty(TypeObject* type);
    /// Raises MemoryError without needing memory from the budget.
    Ref raiseMemoryError();
    /// True if the pending exception is an instance of `type`.
    bool errorMatches(const TypeObject* type) const;
    /// The exception being handled by the innermost active `except` (the VM
    /// keeps this current); borrowed, may be null.
    Value handledException() const { return m_handled; }
    void setHandledException(Value exc) { m_handled = exc; }

    // --- recursion guard (shared with the VM's Python call depth) --------
    int recursionLimit() const { return m_recursionLimit; }
    void setRecursionLimit(int limit) { m_recursionLimit = limit; }
    int recursionDepth() const { return m_recursionDepth; }
    /// Enters one level; on overflow raises RecursionError "maximum
    /// recursion depth exceeded<where>" and returns false (without entering).
    bool enterRecursion(std::string_view where = {});
    void leaveRecursion() { --m_recursionDepth; }

    /// repr() cycle guard for containers (CPython's Py_ReprEnter): returns
    /// true if `o` is already being printed further up (print "[...]").
    bool reprEnter(Object* o);
    void reprLeave(Object* o);

    // --- strings and singletons ------------------------------------------
    /// The unique str object for `s` (kept alive by the space). Dict keys
    /// of attributes are interned so lookups compare pointers first.
    StrObject* intern(std::string_view s);
    /// A pre-interned common name ("__eq__", "__init__"...).
    StrObject* name(Name n) const { return m_names[std::size_t(n)]; }
    Value emptyStr() const { return m_emptyStr; }
    Value emptyTuple() const { return m_emptyTuple; }
    Value ellipsis() const { return m_ellipsis; }
    /// Cached one-character str for code points below 256.
    Value latin1Char(unsigned c) const { return m_latin1[c]; }

    /// Unraisable exceptions go to the Interpreter when one is installed;
    /// otherwise they are appended here ("Exception ignored in: ...").
    void writeUnraisable(Ref exc, Value where);
    const std::string& unraisableLog() const { return m_unraisableLog; }

    /// Creates a built-in type during bootstrap (used by the type modules).
    /// The new type inherits the slots, dict offset and kind flags of `base`.
    TypeObject* createBuiltinType(TypeObject* BuiltinTypes::*member, std::string_view name, TypeObject* base,
                                  std::uint32_t basicSize, std::uint32_t flags);
    /// A native type added after bootstrap (the VM's function, generator,
    /// code... types): named, with a dict and an MRO, inheriting `base`'s
    /// slots (object when null). It lives as long as the space and is freed
    /// after every object. Set its slots, fill its dict (addMethods,
    /// addGetSets), then call addSlotWrappers() to expose the slots as dunders.
    TypeObject* addNativeType(std::string_view name, TypeObject* base, std::uint32_t basicSize, std::uint32_t flags);

private:
    void bootstrap();
    void teardown();
    TypeObject* allocType(std::string_view name, TypeObject* base, std::uint32_t basicSize, std::uint32_t flags);

    Heap m_heap;
    BuiltinTypes m_types;
    TypeObject* m_constantTypes[std::size_t(Value::Constant::Count_)] = {};
    std::vector<TypeObject*> m_builtinTypeList; ///< immortal, freed last
    std::vector<std::pair<TypeObject*, std::string>> m_pendingNames; ///< bootstrap only
    Interpreter* m_interpreter = nullptr;

    Value m_error;   ///< owned
    Value m_handled; ///< borrowed (the VM owns it)
    int m_recursionDepth = 0;
    int m_recursionLimit = 1000;
    std::vector<Object*> m_reprStack;

    /// Transparent hash: intern() looks names up without building a std::string.
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
    };
    /// One slot of intern()'s cache: most callers pass string literals, so
    /// the text's address finds the str without hashing (the bytes are
    /// still compared, so a reused buffer with other text never matches).
    struct InternCacheEntry {
        const char* text = nullptr;
        std::size_t size = 0;
        StrObject* str = nullptr;
    };
    static constexpr std::size_t kInternCacheSize = 512;

    std::unordered_map<std::string, StrObject*, NameHash, std::equal_to<>> m_interned; ///< owned refs
    InternCacheEntry m_internCache[kInternCacheSize];
    StrObject* m_names[std::size_t(Name::Count_)] = {}; ///< borrowed from m_interned
    Value m_emptyStr;
    Value m_emptyTuple;
    Value m_ellipsis;
    Value m_latin1[256] = {};
    std::string m_unraisableLog;
    bool m_raisingMemoryError = false;
};

} // namespace coroscope::pylite
