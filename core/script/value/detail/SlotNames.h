#pragma once
// The dunder names of slots, shared by the dispatchers (Slots.cpp) and the
// slot wrappers (SlotWrappers.cpp).

#include "core/script/value/Names.h"
#include "core/script/value/TypeObject.h"

namespace coroscope::pylite::detail {

/// __op__, __rop__ or __iop__ (variant 0, 1, 2) of a binary operator.
inline Name binaryName(NumOp op, int variant) { return Name(kFirstBinaryName + 3 * std::size_t(op) + std::size_t(variant)); }

inline Name compareName(CompareOp op)
{
    switch (op) {
    case CompareOp::Lt: return Name::Lt;
    case CompareOp::Le: return Name::Le;
    case CompareOp::Eq: return Name::Eq;
    case CompareOp::Ne: return Name::Ne;
    case CompareOp::Gt: return Name::Gt;
    default: return Name::Ge;
    }
}

inline Name unaryName(UnaryOp op)
{
    switch (op) {
    case UnaryOp::Neg: return Name::Neg;
    case UnaryOp::Pos: return Name::Pos;
    case UnaryOp::Invert: return Name::Invert;
    default: return Name::Abs;
    }
}

} // namespace coroscope::pylite::detail
