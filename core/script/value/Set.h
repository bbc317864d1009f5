#pragma once
// set and frozenset: open addressing with linear probing, the same table
// algorithm as CPython's setobject.c (table sizes, probe sequence, dummies,
// resize points), so iteration order of ints matches CPython exactly.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>

namespace coroscope::pylite {

struct SetEntry {
    Value m_key;         ///< owned; null = never used; the dummy marker = deleted
    std::int64_t m_hash; ///< -1 for a deleted entry
};

struct SetObject : Object {
    std::int64_t m_fill;  ///< active + dummy entries
    std::int64_t m_used;  ///< active entries (len)
    std::int64_t m_mask;  ///< table size - 1
    SetEntry* m_table;    ///< heap buffer of m_mask + 1 entries
    std::int64_t m_hash;  ///< frozenset hash cache (-1 = not computed)
    std::int64_t m_finger; ///< where set.pop() resumes
};

/// New empty set (or frozenset when `type` is frozenset or derives from it).
Ref newSet(ObjectSpace& space, TypeObject* type = nullptr);
/// set(iterable) / frozenset(iterable).
Ref setFromIterable(ObjectSpace& space, TypeObject* type, Value iterable);
/// add: 0 ok, -1 error.
int setAdd(ObjectSpace& space, SetObject* s, Value key);
/// 1 present, 0 absent, -1 error.
int setContains(ObjectSpace& space, SetObject* s, Value key);
/// 1 removed, 0 absent, -1 error.
int setDiscard(ObjectSpace& space, SetObject* s, Value key);
bool setNext(SetObject* s, std::int64_t& pos, Value& key);
bool setUpdate(ObjectSpace& space, SetObject* s, Value iterable);
/// In-place set algebra with any iterable: Or = update, And =
/// intersection_update, Sub = difference_update, Xor =
/// symmetric_difference_update. False with an exception pending.
bool setInPlace(ObjectSpace& space, SetObject* s, NumOp op, Value other);

inline bool isAnySet(ObjectSpace& space, Value v)
{
    return space.isInstance(v, space.types().setType) || space.isInstance(v, space.types().frozensetType);
}
inline SetObject* asSet(Value v) { return static_cast<SetObject*>(v.object()); }


} // namespace coroscope::pylite
