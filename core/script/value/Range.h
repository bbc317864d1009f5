#pragma once
// range and slice objects, and the slice arithmetic every sequence uses.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>

namespace coroscope::pylite {

struct RangeObject : Object {
    std::int64_t m_start;
    std::int64_t m_stop;
    std::int64_t m_step;   ///< never 0
    std::int64_t m_length; ///< number of values
};

struct SliceObject : Object {
    Value m_start; ///< owned; None when omitted
    Value m_stop;
    Value m_step;
};

/// range(start, stop, step); ValueError when step == 0.
Ref newRange(ObjectSpace& space, std::int64_t start, std::int64_t stop, std::int64_t step);
Ref newSlice(ObjectSpace& space, Value start, Value stop, Value step);

/// A slice resolved against a sequence length (CPython's PySlice_GetIndicesEx).
struct SliceBounds {
    std::int64_t start = 0;
    std::int64_t stop = 0;
    std::int64_t step = 1;
    std::int64_t length = 0; ///< number of selected items
};
/// False with an exception pending for bad indices or a zero step.
bool resolveSlice(ObjectSpace& space, SliceObject* slice, std::int64_t length, SliceBounds& out);

/// Which sequence an index is for: selects CPython's wording of the errors.
enum class SeqKind : std::uint8_t { List, ListAssignment, Tuple, Str, Range, Bytes };

/// Normalizes a subscript index for a sequence of `length` items: accepts
/// int/bool/__index__, adds length to negatives. False with IndexError
/// ("list index out of range"...) when out of bounds, or TypeError ("list
/// indices must be integers or slices, not float") for other key types.
bool sequenceIndex(ObjectSpace& space, Value key, std::int64_t length, SeqKind kind, std::int64_t& out);

inline bool isSlice(ObjectSpace& space, Value v) { return v.isObject() && v.object()->m_type == space.types().sliceType; }
inline bool isRange(ObjectSpace& space, Value v) { return v.isObject() && v.object()->m_type == space.types().rangeType; }


} // namespace coroscope::pylite
