#pragma once
// tuple: an immutable array of owned Values stored inline after the header.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>
#include <initializer_list>

namespace coroscope::pylite {

struct TupleObject : Object {
    std::int64_t m_size;
    // m_size owned Values follow.

    Value* items() { return reinterpret_cast<Value*>(this + 1); }
    const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
    Value item(std::int64_t i) const { return items()[i]; }
};

/// A tuple of `n` null slots to fill with owned references through
/// items() (every slot must be filled before the tuple escapes). n == 0
/// returns the shared empty tuple.
Ref newTuple(ObjectSpace& space, std::int64_t n);
/// A tuple holding new references to `values`.
Ref newTupleOf(ObjectSpace& space, std::initializer_list<Value> values);
Ref newTupleFrom(ObjectSpace& space, const Value* values, std::int64_t n);
/// tuple(iterable).
Ref tupleFromIterable(ObjectSpace& space, Value iterable);

inline bool isTuple(ObjectSpace& space, Value v) { return v.isObject() && v.object()->m_type == space.types().tupleType; }
inline TupleObject* asTuple(Value v) { return static_cast<TupleObject*>(v.object()); }


} // namespace coroscope::pylite
