#pragma once
// list: a growable array of owned Values.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>

namespace coroscope::pylite {

struct ListObject : Object {
    std::int64_t m_size;
    std::int64_t m_capacity;
    Value* m_items; ///< heap buffer of m_capacity slots; first m_size are owned
};

/// New empty list with room for `capacity` items.
Ref newList(ObjectSpace& space, std::int64_t capacity = 0);
/// list(iterable).
Ref listFromIterable(ObjectSpace& space, Value iterable);
/// Appends a new reference to `v`. False on MemoryError.
bool listAppend(ObjectSpace& space, ListObject* list, Value v);
/// list.extend(iterable). False with an exception pending.
bool listExtend(ObjectSpace& space, ListObject* list, Value iterable);
/// Stable sort with optional key (null = none) and reverse, as list.sort.
bool listSort(ObjectSpace& space, ListObject* list, Value key, bool reverse);

inline bool isList(ObjectSpace& space, Value v) { return space.isInstance(v, space.types().listType); }
inline bool isExactList(ObjectSpace& space, Value v) { return v.isObject() && v.object()->m_type == space.types().listType; }
inline ListObject* asList(Value v) { return static_cast<ListObject*>(v.object()); }


} // namespace coroscope::pylite
