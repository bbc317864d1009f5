#pragma once
// dict: insertion-ordered hash table (compact layout: an index table of
// int32 slots pointing into a dense entry array, like CPython 3.6+).
// Lookups compare identity first, then hash, then __eq__ (which may run
// Python code; a lookup restarts if the dict changed meanwhile).

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>

namespace coroscope::pylite {

struct DictEntry {
    std::int64_t m_hash;
    Value m_key;   ///< owned; null for a deleted entry
    Value m_value; ///< owned
};

struct DictObject : Object {
    std::int64_t m_used;          ///< live entries (len)
    std::int64_t m_entryCount;    ///< entries appended so far, deleted included
    std::int64_t m_entryCapacity;
    DictEntry* m_entries;         ///< heap buffer
    std::int32_t* m_indices;      ///< heap buffer of m_indexMask + 1 slots
    std::uint64_t m_indexMask;
    std::uint64_t m_version;      ///< changes on every mutation (VM caches)
};

/// dict_keys / dict_values / dict_items.
struct DictViewObject : Object {
    Value m_dict; ///< owned
};

Ref newDict(ObjectSpace& space);
/// A view of kind keys, values or items (`type` is one of the view types).
Ref newDictView(ObjectSpace& space, TypeObject* type, Value dict);

/// Lookups. `hash` overloads skip rehashing. Get returns a borrowed value,
/// or null: then hasError() tells failure from "not found".
Value dictGet(ObjectSpace& space, DictObject* d, Value key);
Value dictGetWithHash(ObjectSpace& space, DictObject* d, Value key, std::int64_t hash);
/// Lookup by a (not necessarily interned) name; never fails.
Value dictGetStr(ObjectSpace& space, DictObject* d, std::string_view key);
/// Inserts or replaces (new references taken). False on error.
bool dictSet(ObjectSpace& space, DictObject* d, Value key, Value value);
bool dictSetWithHash(ObjectSpace& space, DictObject* d, Value key, std::int64_t hash, Value value);
bool dictSetStr(ObjectSpace& space, DictObject* d, std::string_view key, Value value);
/// Removes `key`: 1 removed, 0 absent (no error), -1 error.
int dictDelete(ObjectSpace& space, DictObject* d, Value key);
/// 1 present, 0 absent, -1 error.
int dictContains(ObjectSpace& space, DictObject* d, Value key);
/// Iteration over live entries: `pos` starts at 0; borrowed key/value.
bool dictNext(DictObject* d, std::int64_t& pos, Value& key, Value& value);
void dictClear(ObjectSpace& space, DictObject* d);
/// dict.update(other) semantics for a mapping or an iterable of pairs.
bool dictUpdate(ObjectSpace& space, DictObject* d, Value other);
/// Shallow copy.
Ref dictCopy(ObjectSpace& space, DictObject* d);
/// dict(**kwargs)-style: adds the keyword arguments of a call.
bool dictAddKeywords(ObjectSpace& space, DictObject* d, const struct CallArgs& args);

inline bool isDict(ObjectSpace& space, Value v) { return space.isInstance(v, space.types().dictType); }
inline bool isExactDict(ObjectSpace& space, Value v) { return v.isObject() && v.object()->m_type == space.types().dictType; }
inline DictObject* asDict(Value v) { return static_cast<DictObject*>(v.object()); }


} // namespace coroscope::pylite
