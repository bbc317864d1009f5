#pragma once
// Iterator objects of the built-in containers, plus enumerate, zip, map,
// filter, reversed and the sequence/callable iterators. The VM may test
// the exact type of an iterator to take inline fast paths in FOR_ITER.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>

namespace coroscope::pylite {

/// list_iterator, tuple_iterator, str iterators, bytes_iterator,
/// list_reverseiterator and the generic `iterator` (__getitem__ protocol).
struct SeqIterObject : Object {
    Value m_seq;          ///< owned; cleared when exhausted
    std::int64_t m_index; ///< next index (reverse iterators count down)
    std::int64_t m_byteOffset; ///< str iterators: byte position of m_index
};

struct RangeIterObject : Object {
    std::int64_t m_next;
    std::int64_t m_step;
    std::int64_t m_remaining;
};

/// Iterators over dicts and their views; detect size changes.
struct DictIterObject : Object {
    Value m_dict;         ///< owned; cleared when exhausted
    std::int64_t m_pos;   ///< entry position
    std::int64_t m_initialUsed;
    std::int64_t m_remaining;
};

struct SetIterObject : Object {
    Value m_set; ///< owned
    std::int64_t m_pos;
    std::int64_t m_initialUsed;
    std::int64_t m_remaining;
};

/// enumerate, zip, map, filter, callable_iterator, reversed: up to three
/// owned references and a counter.
struct GenericIterObject : Object {
    Value m_a;
    Value m_b;
    Value m_c;
    std::int64_t m_count;
};

Ref newSeqIter(ObjectSpace& space, TypeObject* type, Value seq, std::int64_t start);
Ref newRangeIter(ObjectSpace& space, std::int64_t start, std::int64_t step, std::int64_t count);
Ref newDictIter(ObjectSpace& space, TypeObject* type, Value dict);
Ref newSetIter(ObjectSpace& space, Value set);
/// iter(callable, sentinel).
Ref newCallIter(ObjectSpace& space, Value callable, Value sentinel);


} // namespace coroscope::pylite
