#include "core/script/value/Range.h"

#include "core/script/value/Args.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

#include <climits>

namespace coroscope::pylite {

// --- indices ----------------------------------------------------------------

bool sequenceIndex(ObjectSpace& space, Value key, std::int64_t length, SeqKind kind, std::int64_t& out)
{
    static const char* const names[] = {"list", "list", "tuple", "string", "range", "byte"};
    static const char* const ranges[] = {"list index out of range", "list assignment index out of range",
                                         "tuple index out of range", "string index out of range",
                                         "range object index out of range", "index out of range"};
    std::int64_t i;
    if (isIntValue(space, key)) {
        i = intValueOf(key);
    } else if (space.typeOf(key)->m_slots.index) {
        if (!indexValue(space, key, i)) return false;
    } else {
        std::string msg = names[int(kind)];
        if (kind == SeqKind::Str) {
            msg += " indices must be integers, not '";
            msg += typeName(space, key);
            msg += "'";
        } else {
            msg += " indices must be integers or slices, not ";
            msg += typeName(space, key);
        }
        space.raise(space.types().TypeError, msg);
        return false;
    }
    if (i < 0) i += length;
    if (i < 0 || i >= length) {
        space.raise(space.types().IndexError, ranges[int(kind)]);
        return false;
    }
    out = i;
    return true;
}

namespace {

bool sliceIndexValue(ObjectSpace& space, Value v, std::int64_t& out)
{
    if (isIntValue(space, v)) {
        out = intValueOf(v);
        return true;
    }
    if (!space.typeOf(v)->m_slots.index) {
        space.raise(space.types().TypeError, "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    return indexValue(space, v, out);
}

} // namespace

bool resolveSlice(ObjectSpace& space, SliceObject* slice, std::int64_t length, SliceBounds& out)
{
    std::int64_t step = 1;
    if (!slice->m_step.isNone()) {
        if (!sliceIndexValue(space, slice->m_step, step)) return false;
        if (step == 0) {
            space.raise(space.types().ValueError, "slice step cannot be zero");
            return false;
        }
        if (step < -INT64_MAX) step = -INT64_MAX;
    }
    std::int64_t start, stop;
    if (slice->m_start.isNone()) start = step < 0 ? INT64_MAX : 0;
    else if (!sliceIndexValue(space, slice->m_start, start)) return false;
    if (slice->m_stop.isNone()) stop = step < 0 ? INT64_MIN : INT64_MAX;
    else if (!sliceIndexValue(space, slice->m_stop, stop)) return false;

    auto adjust = [&](std::int64_t& v) {
        if (v < 0) {
            v += length;
            if (v < 0) v = step < 0 ? -1 : 0;
        } else if (v >= length) {
            v = step < 0 ? length - 1 : length;
        }
    };
    if (start == INT64_MIN) start = step < 0 ? -1 : 0;
    else adjust(start);
    if (stop == INT64_MIN) stop = step < 0 ? -1 : 0;
    else adjust(stop);
    std::int64_t n = 0;
    if (step < 0) {
        if (stop < start) n = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        n = (stop - start - 1) / step + 1;
    }
    out = SliceBounds{start, stop, step, n};
    return true;
}

// --- range ------------------------------------------------------------------

namespace {

std::int64_t rangeLength(std::int64_t start, std::int64_t stop, std::int64_t step)
{
    const __int128 lo = step > 0 ? start : stop;
    const __int128 hi = step > 0 ? stop : start;
    const __int128 s = step > 0 ? __int128(step) : -__int128(step);
    if (lo >= hi) return 0;
    return std::int64_t((hi - lo - 1) / s + 1);
}

RangeObject* asRange(Value v) { return static_cast<RangeObject*>(v.object()); }

Ref rangeRepr(ObjectSpace& space, Value self)
{
    RangeObject* r = asRange(self);
    std::string out = "range(" + std::to_string(r->m_start) + ", " + std::to_string(r->m_stop);
    if (r->m_step != 1) out += ", " + std::to_string(r->m_step);
    out += ")";
    return newStr(space, out);
}

std::int64_t rangeLen(ObjectSpace&, Value self) { return asRange(self)->m_length; }

Ref rangeItem(ObjectSpace& space, RangeObject* r, std::int64_t i)
{
    return newInt(space, std::int64_t(__int128(r->m_start) + __int128(i) * r->m_step));
}

Ref rangeGetItem(ObjectSpace& space, Value self, Value key)
{
    RangeObject* r = asRange(self);
    if (isSlice(space, key)) {
        SliceBounds b;
        if (!resolveSlice(space, static_cast<SliceObject*>(key.object()), r->m_length, b)) return Ref();
        const __int128 start = __int128(r->m_start) + __int128(b.start) * r->m_step;
        const __int128 stop = __int128(r->m_start) + __int128(b.stop) * r->m_step;
        const __int128 step = __int128(r->m_step) * b.step;
        if (start > INT64_MAX || start < INT64_MIN || stop > INT64_MAX || stop < INT64_MIN || step > INT64_MAX ||
            step < -INT64_MAX)
            return space.raise(space.types().OverflowError, kIntOverflowMessage);
        return newRange(space, std::int64_t(start), std::int64_t(stop), std::int64_t(step));
    }
    std::int64_t i;
    if (!sequenceIndex(space, key, r->m_length, SeqKind::Range, i)) return Ref();
    return rangeItem(space, r, i);
}

/// Position of int `v` in the range, or -1.
std::int64_t rangeIndexOf(RangeObject* r, std::int64_t v)
{
    const __int128 off = __int128(v) - r->m_start;
    if (off % r->m_step != 0) return -1;
    const __int128 idx = off / r->m_step;
    if (idx < 0 || idx >= r->m_length) return -1;
    return std::int64_t(idx);
}

int rangeContains(ObjectSpace& space, Value self, Value item)
{
    RangeObject* r = asRange(self);
    if (isIntValue(space, item)) return rangeIndexOf(r, intValueOf(item)) >= 0;
    for (std::int64_t i = 0; i < r->m_length; ++i) {
        Ref x = rangeItem(space, r, i);
        if (!x) return -1;
        const int eq = compareBool(space, x.get(), item, CompareOp::Eq);
        if (eq != 0) return eq;
    }
    return 0;
}

Ref rangeIter(ObjectSpace& space, Value self)
{
    RangeObject* r = asRange(self);
    return newRangeIter(space, r->m_start, r->m_step, r->m_length);
}

bool sameRange(RangeObject* a, RangeObject* b)
{
    if (a == b) return true;
    if (a->m_length != b->m_length) return false;
    if (a->m_length == 0) return true;
    if (a->m_start != b->m_start) return false;
    if (a->m_length == 1) return true;
    return a->m_step == b->m_step;
}

Ref rangeRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isRange(space, a) || !isRange(space, b) || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Ref::notImplemented();
    const bool same = sameRange(asRange(a), asRange(b));
    return Ref::boolean(op == CompareOp::Eq ? same : !same);
}

std::int64_t rangeHash(ObjectSpace& space, Value self)
{
    RangeObject* r = asRange(self);
    Ref len = newInt(space, r->m_length);
    Ref start = newInt(space, r->m_start);
    Ref step = newInt(space, r->m_step);
    if (!len || !start || !step) return -1;
    Value second = r->m_length == 0 ? Value::none() : start.get();
    Value third = r->m_length <= 1 ? Value::none() : step.get();
    Ref t = newTupleOf(space, {len.get(), second, third});
    if (!t) return -1;
    return hashValue(space, t.get());
}

Ref rangeNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    if (args.hasKeywords()) return space.raise(space.types().TypeError, "range() takes no keyword arguments");
    if (args.positional == 0) return space.raise(space.types().TypeError, "range expected at least 1 argument, got 0");
    if (args.positional > 3)
        return space.raise(space.types().TypeError, "range expected at most 3 arguments, got " + std::to_string(args.positional));
    std::int64_t v[3] = {0, 0, 1};
    for (std::size_t i = 0; i < args.positional; ++i)
        if (!indexValue(space, args[i], v[i])) return Ref();
    if (args.positional == 1) return newRange(space, 0, v[0], 1);
    return newRange(space, v[0], v[1], v[2]);
}

Ref rangeCount(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "range.count")) return Ref();
    RangeObject* r = asRange(self);
    if (isIntValue(space, args[0])) return newInt(space, rangeIndexOf(r, intValueOf(args[0])) >= 0 ? 1 : 0);
    std::int64_t n = 0;
    for (std::int64_t i = 0; i < r->m_length; ++i) {
        Ref x = rangeItem(space, r, i);
        if (!x) return Ref();
        const int eq = compareBool(space, x.get(), args[0], CompareOp::Eq);
        if (eq < 0) return Ref();
        n += eq;
    }
    return newInt(space, n);
}

Ref rangeIndex(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "range.index")) return Ref();
    RangeObject* r = asRange(self);
    if (isIntValue(space, args[0])) {
        const std::int64_t i = rangeIndexOf(r, intValueOf(args[0]));
        if (i >= 0) return newInt(space, i);
    } else {
        for (std::int64_t i = 0; i < r->m_length; ++i) {
            Ref x = rangeItem(space, r, i);
            if (!x) return Ref();
            const int eq = compareBool(space, x.get(), args[0], CompareOp::Eq);
            if (eq < 0) return Ref();
            if (eq) return newInt(space, i);
        }
    }
    std::string text;
    if (!reprString(space, args[0], text)) return Ref();
    return space.raise(space.types().ValueError, text + " is not in range");
}

Ref rangeReversed(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "range.__reversed__")) return Ref();
    RangeObject* r = asRange(self);
    const std::int64_t last = r->m_length ? std::int64_t(__int128(r->m_start) + __int128(r->m_length - 1) * r->m_step) : r->m_start;
    return newRangeIter(space, last, -r->m_step, r->m_length);
}

Ref rangeStart(ObjectSpace& space, Value self) { return newInt(space, asRange(self)->m_start); }
Ref rangeStop(ObjectSpace& space, Value self) { return newInt(space, asRange(self)->m_stop); }
Ref rangeStep(ObjectSpace& space, Value self) { return newInt(space, asRange(self)->m_step); }

// --- slice ------------------------------------------------------------------

SliceObject* asSliceObj(Value v) { return static_cast<SliceObject*>(v.object()); }

void sliceDestroy(ObjectSpace&, Object* o)
{
    auto* s = static_cast<SliceObject*>(o);
    clearField(s->m_start);
    clearField(s->m_stop);
    clearField(s->m_step);
}

void sliceTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* s = static_cast<SliceObject*>(o);
    visit(s->m_start, ctx);
    visit(s->m_stop, ctx);
    visit(s->m_step, ctx);
}

Ref sliceRepr(ObjectSpace& space, Value self)
{
    SliceObject* s = asSliceObj(self);
    std::string out = "slice(";
    if (!reprString(space, s->m_start, out)) return Ref();
    out += ", ";
    if (!reprString(space, s->m_stop, out)) return Ref();
    out += ", ";
    if (!reprString(space, s->m_step, out)) return Ref();
    out += ")";
    return newStr(space, out);
}

Ref sliceRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isSlice(space, a) || !isSlice(space, b)) return Ref::notImplemented();
    SliceObject* x = asSliceObj(a);
    SliceObject* y = asSliceObj(b);
    Ref tx = newTupleOf(space, {x->m_start, x->m_stop, x->m_step});
    Ref ty = newTupleOf(space, {y->m_start, y->m_stop, y->m_step});
    if (!tx || !ty) return Ref();
    return richCompare(space, tx.get(), ty.get(), op);
}

Ref sliceNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    if (args.hasKeywords()) return space.raise(space.types().TypeError, "slice() takes no keyword arguments");
    if (args.positional == 0) return space.raise(space.types().TypeError, "slice expected at least 1 argument, got 0");
    if (args.positional > 3)
        return space.raise(space.types().TypeError, "slice expected at most 3 arguments, got " + std::to_string(args.positional));
    if (args.positional == 1) return newSlice(space, Value::none(), args[0], Value::none());
    return newSlice(space, args[0], args[1], args.positional == 3 ? args[2] : Value::none());
}

Ref sliceIndices(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "slice.indices")) return Ref();
    std::int64_t length;
    if (!indexValue(space, args[0], length)) return Ref();
    if (length < 0) return space.raise(space.types().ValueError, "length should not be negative");
    SliceBounds b;
    if (!resolveSlice(space, asSliceObj(self), length, b)) return Ref();
    Ref s = newInt(space, b.start), e = newInt(space, b.stop), st = newInt(space, b.step);
    if (!s || !e || !st) return Ref();
    return newTupleOf(space, {s.get(), e.get(), st.get()});
}

Ref sliceStart(ObjectSpace&, Value self) { return Ref::borrow(asSliceObj(self)->m_start); }
Ref sliceStop(ObjectSpace&, Value self) { return Ref::borrow(asSliceObj(self)->m_stop); }
Ref sliceStep(ObjectSpace&, Value self) { return Ref::borrow(asSliceObj(self)->m_step); }

} // namespace

Ref newRange(ObjectSpace& space, std::int64_t start, std::int64_t stop, std::int64_t step)
{
    if (step == 0) return space.raise(space.types().ValueError, "range() arg 3 must not be zero");
    auto* r = space.heap().alloc<RangeObject>(space.types().rangeType);
    if (!r) return Ref();
    r->m_start = start;
    r->m_stop = stop;
    r->m_step = step;
    r->m_length = rangeLength(start, stop, step);
    return Ref::steal(r);
}

Ref newSlice(ObjectSpace& space, Value start, Value stop, Value step)
{
    auto* s = space.heap().alloc<SliceObject>(space.types().sliceType);
    if (!s) return Ref();
    s->m_start = start ? start : Value::none();
    s->m_stop = stop ? stop : Value::none();
    s->m_step = step ? step : Value::none();
    incref(s->m_start);
    incref(s->m_stop);
    incref(s->m_step);
    return Ref::steal(s);
}

namespace detail {

void createRangeTypes(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    TypeObject* r = space.createBuiltinType(&BuiltinTypes::rangeType, "range", T.objectType, sizeof(RangeObject), 0);
    TypeSlots& s = r->m_slots;
    s.repr = rangeRepr;
    s.hash = rangeHash;
    s.richCompare = rangeRichCompare;
    s.len = rangeLen;
    s.getItem = rangeGetItem;
    s.contains = rangeContains;
    s.iter = rangeIter;
    s.newInstance = rangeNew;
    s.init = nullptr;

    TypeObject* sl = space.createBuiltinType(&BuiltinTypes::sliceType, "slice", T.objectType, sizeof(SliceObject),
                                             std::uint32_t(TypeFlag::Gc));
    TypeSlots& ss = sl->m_slots;
    ss.destroy = sliceDestroy;
    ss.traverse = sliceTraverse;
    ss.clear = sliceDestroy;
    ss.repr = sliceRepr;
    ss.hash = nullptr;
    ss.richCompare = sliceRichCompare;
    ss.newInstance = sliceNew;
    ss.init = nullptr;
}

void addRangeMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    addMethods(space, T.rangeType, {{"count", rangeCount}, {"index", rangeIndex}, {"__reversed__", rangeReversed}});
    addGetSets(space, T.rangeType, {{"start", rangeStart}, {"stop", rangeStop}, {"step", rangeStep}});
    addMethods(space, T.sliceType, {{"indices", sliceIndices}});
    addGetSets(space, T.sliceType, {{"start", sliceStart}, {"stop", sliceStop}, {"step", sliceStep}});
}

} // namespace detail

} // namespace coroscope::pylite
