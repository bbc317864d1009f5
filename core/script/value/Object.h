#pragma once
// Object: the header of every heap value, and the inline reference-count
// operations. Reference counting is CPython's: an object is released the
// moment its count drops to zero (Heap::release), which runs finalizers at
// the same points CPython would. Cycles are left to the collector (Heap.h).

#include "core/script/value/Value.h"

#include <cstddef>
#include <cstdint>

namespace coroscope::pylite {

struct TypeObject;
class ObjectSpace;

/// Header shared by all heap objects. Concrete objects derive from it and
/// are allocated zero-filled by Heap; they have no C++ constructors or
/// destructors (their type's `destroy` slot releases what they own).
struct Object {
    std::int64_t m_refcnt; ///< number of owning references; 0 = being released
    TypeObject* m_type;    ///< never null; owned only when the type is a heap type
};

static_assert(sizeof(Object) == 16);

/// Called when an object's count drops to zero: finalizes and frees it
/// (defined in Heap.cpp, reaches the Heap through the object's type).
void releaseObject(Object* o);

inline void increfObject(Object* o) { ++o->m_refcnt; }
inline void decrefObject(Object* o)
{
    if (--o->m_refcnt == 0) releaseObject(o);
}
/// Null-tolerant decref of a raw object pointer.
inline void xdecrefObject(Object* o)
{
    if (o) decrefObject(o);
}

/// incref/decref on words: no-ops for immediates and null.
inline void incref(Value v)
{
    if (v.isObject()) ++v.object()->m_refcnt;
}
inline void decref(Value v)
{
    if (v.isObject()) decrefObject(v.object());
}

/// Stores `v` into an owned field, taking a new reference to `v` and
/// dropping the old one last (the old value's release may run code that
/// reads the field).
inline void assignField(Value& field, Value v)
{
    incref(v);
    Value old = field;
    field = v;
    decref(old);
}

/// Empties an owned field, dropping its reference after the field is null.
inline void clearField(Value& field)
{
    Value old = field;
    field = Value();
    decref(old);
}

/// Traversal callback used by the cycle collector: called once per owned
/// reference an object holds (null and immediates may be passed; ignore them).
using VisitFn = void (*)(Value child, void* context);

} // namespace coroscope::pylite
