#pragma once
// Helpers shared by list and tuple (and their reprs).

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Ref.h"

#include <string>

namespace coroscope::pylite::detail {

/// Lexicographic comparison as CPython's list/tuple richcompare. `itemA(i)`
/// and `sizeA()` are re-read each step because __eq__ may mutate a list.
template <class ItemA, class SizeA, class ItemB, class SizeB>
Ref compareSequences(ObjectSpace& space, ItemA itemA, SizeA sizeA, ItemB itemB, SizeB sizeB, CompareOp op)
{
    if ((op == CompareOp::Eq || op == CompareOp::Ne) && sizeA() != sizeB()) return Ref::boolean(op == CompareOp::Ne);
    std::int64_t i = 0;
    for (; i < sizeA() && i < sizeB(); ++i) {
        Ref x = Ref::borrow(itemA(i));
        Ref y = Ref::borrow(itemB(i));
        int eq = compareBool(space, x.get(), y.get(), CompareOp::Eq);
        if (eq < 0) return Ref();
        if (!eq) break;
    }
    if (i >= sizeA() || i >= sizeB()) {
        const std::int64_t na = sizeA();
        const std::int64_t nb = sizeB();
        switch (op) {
        case CompareOp::Lt: return Ref::boolean(na < nb);
        case CompareOp::Le: return Ref::boolean(na <= nb);
        case CompareOp::Eq: return Ref::boolean(na == nb);
        case CompareOp::Ne: return Ref::boolean(na != nb);
        case CompareOp::Gt: return Ref::boolean(na > nb);
        default: return Ref::boolean(na >= nb);
        }
    }
    if (op == CompareOp::Eq) return Ref::boolean(false);
    if (op == CompareOp::Ne) return Ref::boolean(true);
    Ref x = Ref::borrow(itemA(i));
    Ref y = Ref::borrow(itemB(i));
    return richCompare(space, x.get(), y.get(), op);
}

/// "[1, 2]"-style repr with the recursion guard; `item(i)`/`size()` re-read.
template <class Item, class Size>
Ref reprSequence(ObjectSpace& space, Object* self, const char* open, const char* close, const char* recursive,
                 Item item, Size size, bool oneTupleComma = false)
{
    if (size() == 0) return newStr(space, std::string(open) + close);
    if (space.reprEnter(self)) return newStr(space, recursive);
    std::string out = open;
    bool ok = true;
    for (std::int64_t i = 0; i < size(); ++i) {
        if (i) out += ", ";
        Ref x = Ref::borrow(item(i));
        if (!reprString(space, x.get(), out)) {
            ok = false;
            break;
        }
    }
    space.reprLeave(self);
    if (!ok) return Ref();
    if (oneTupleComma && size() == 1) out += ",";
    out += close;
    return newStr(space, out);
}

} // namespace coroscope::pylite::detail
