#include "core/script/value/Tuple.h"

#include "core/script/value/Args.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Range.h"
#include "core/script/value/Str.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Sequence.h"

#include <limits>

namespace coroscope::pylite {

Ref newTuple(ObjectSpace& space, std::int64_t n)
{
    if (n == 0 && space.emptyTuple()) return Ref::borrow(space.emptyTuple());
    if (n < 0 || std::uint64_t(n) > (std::numeric_limits<std::size_t>::max() - sizeof(TupleObject)) / sizeof(Value))
        return space.raiseMemoryError();
    auto* t = space.heap().alloc<TupleObject>(space.types().tupleType, sizeof(TupleObject) + std::size_t(n) * sizeof(Value));
    if (!t) return Ref();
    t->m_size = n;
    return Ref::steal(t);
}

Ref newTupleFrom(ObjectSpace& space, const Value* values, std::int64_t n)
{
    Ref t = newTuple(space, n);
    if (!t || n == 0) return t;
    Value* items = t.as<TupleObject>()->items();
    for (std::int64_t i = 0; i < n; ++i) {
        incref(values[i]);
        items[i] = values[i];
    }
    return t;
}

Ref newTupleOf(ObjectSpace& space, std::initializer_list<Value> values)
{
    return newTupleFrom(space, values.begin(), std::int64_t(values.size()));
}

Ref tupleFromIterable(ObjectSpace& space, Value iterable)
{
    if (isTuple(space, iterable)) return Ref::borrow(iterable);
    if (isExactList(space, iterable)) {
        ListObject* l = asList(iterable);
        return newTupleFrom(space, l->m_items, l->m_size);
    }
    Ref list = listFromIterable(space, iterable);
    if (!list) return Ref();
    ListObject* l = list.as<ListObject>();
    return newTupleFrom(space, l->m_items, l->m_size);
}

namespace {

std::size_t tupleSize(const Object* o)
{
    return sizeof(TupleObject) + std::size_t(static_cast<const TupleObject*>(o)->m_size) * sizeof(Value);
}

void tupleDestroy(ObjectSpace&, Object* o)
{
    auto* t = static_cast<TupleObject*>(o);
    for (std::int64_t i = 0; i < t->m_size; ++i) clearField(t->items()[i]);
}

void tupleTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* t = static_cast<TupleObject*>(o);
    for (std::int64_t i = 0; i < t->m_size; ++i) visit(t->items()[i], ctx);
}

Ref tupleRepr(ObjectSpace& space, Value self)
{
    TupleObject* t = asTuple(self);
    return detail::reprSequence(
        space, t, "(", ")", "(...)", [t](std::int64_t i) { return t->item(i); }, [t] { return t->m_size; }, true);
}

std::int64_t tupleHash(ObjectSpace& space, Value self)
{
    constexpr std::uint64_t kPrime1 = 11400714785074694791ull;
    constexpr std::uint64_t kPrime2 = 14029467366897019727ull;
    constexpr std::uint64_t kPrime5 = 2870177450012600261ull;
    TupleObject* t = asTuple(self);
    std::uint64_t acc = kPrime5;
    for (std::int64_t i = 0; i < t->m_size; ++i) {
        if (!space.enterRecursion()) return -1;
        const std::int64_t lane = hashValue(space, t->item(i));
        space.leaveRecursion();
        if (lane == -1) return -1;
        acc += std::uint64_t(lane) * kPrime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= kPrime1;
    }
    acc += std::uint64_t(t->m_size) ^ (kPrime5 ^ 3527539ull);
    if (acc == std::uint64_t(-1)) return 1546275796;
    return std::int64_t(acc);
}

Ref tupleRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!space.isInstance(a, space.types().tupleType) || !space.isInstance(b, space.types().tupleType))
        return Ref::notImplemented();
    TupleObject* x = asTuple(a);
    TupleObject* y = asTuple(b);
    return detail::compareSequences(
        space, [x](std::int64_t i) { return x->item(i); }, [x] { return x->m_size; },
        [y](std::int64_t i) { return y->item(i); }, [y] { return y->m_size; }, op);
}

std::int64_t tupleLen(ObjectSpace&, Value self) { return asTuple(self)->m_size; }

Ref tupleGetItem(ObjectSpace& space, Value self, Value key)
{
    TupleObject* t = asTuple(self);
    if (isSlice(space, key)) {
        SliceBounds b;
        if (!resolveSlice(space, static_cast<SliceObject*>(key.object()), t->m_size, b)) return Ref();
        if (b.step == 1 && b.length == t->m_size) return Ref::borrow(self);
        Ref r = newTuple(space, b.length);
        if (!r) return Ref();
        for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) {
            incref(t->item(i));
            r.as<TupleObject>()->items()[k] = t->item(i);
        }
        return r;
    }
    std::int64_t i;
    if (!sequenceIndex(space, key, t->m_size, SeqKind::Tuple, i)) return Ref();
    return Ref::borrow(t->item(i));
}

int tupleContains(ObjectSpace& space, Value self, Value item)
{
    TupleObject* t = asTuple(self);
    for (std::int64_t i = 0; i < t->m_size; ++i) {
        int eq = compareBool(space, t->item(i), item, CompareOp::Eq);
        if (eq != 0) return eq;
    }
    return 0;
}

Ref tupleIter(ObjectSpace& space, Value self) { return newSeqIter(space, space.types().tupleIteratorType, self, 0); }

Ref tupleConcat(ObjectSpace& space, Value a, Value b)
{
    if (!space.isInstance(b, space.types().tupleType)) {
        std::string msg = "can only concatenate tuple (not \"";
        msg += typeName(space, b);
        msg += "\") to tuple";
        return space.raise(space.types().TypeError, msg);
    }
    TupleObject* x = asTuple(a);
    TupleObject* y = asTuple(b);
    if (y->m_size == 0 && isTuple(space, a)) return Ref::borrow(a);
    if (x->m_size == 0 && isTuple(space, b)) return Ref::borrow(b);
    Ref r = newTuple(space, x->m_size + y->m_size);
    if (!r) return Ref();
    Value* items = r.as<TupleObject>()->items();
    for (std::int64_t i = 0; i < x->m_size; ++i) {
        incref(x->item(i));
        items[i] = x->item(i);
    }
    for (std::int64_t i = 0; i < y->m_size; ++i) {
        incref(y->item(i));
        items[x->m_size + i] = y->item(i);
    }
    return r;
}

Ref tupleRepeat(ObjectSpace& space, Value self, Value count)
{
    TupleObject* t = asTuple(self);
    std::int64_t n = intValueOf(count);
    if (n <= 0 || t->m_size == 0) return newTuple(space, 0);
    if (n == 1) return Ref::borrow(self);
    if (n > std::int64_t(space.heap().budget() / sizeof(Value)) / t->m_size) return space.raiseMemoryError();
    Ref r = newTuple(space, t->m_size * n);
    if (!r) return Ref();
    Value* items = r.as<TupleObject>()->items();
    for (std::int64_t k = 0; k < n; ++k) {
        for (std::int64_t i = 0; i < t->m_size; ++i) {
            incref(t->item(i));
            items[k * t->m_size + i] = t->item(i);
        }
    }
    return r;
}

Ref tupleNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    if (args.hasKeywords()) return space.raise(space.types().TypeError, "tuple() takes no keyword arguments");
    Value a[1];
    if (!parseArgs(space, args, {"tuple", {"iterable"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    if (!a[0]) return newTuple(space, 0);
    return tupleFromIterable(space, a[0]);
}

Ref tupleCount(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "tuple.count")) return Ref();
    TupleObject* t = asTuple(self);
    std::int64_t n = 0;
    for (std::int64_t i = 0; i < t->m_size; ++i) {
        int eq = compareBool(space, t->item(i), args[0], CompareOp::Eq);
        if (eq < 0) return Ref();
        n += eq;
    }
    return newInt(space, n);
}

/// start/stop arguments of index(): clamp like CPython's slice indices.
bool clampIndexArg(ObjectSpace& space, Value v, std::int64_t size, std::int64_t& out)
{
    if (!v) return true;
    std::int64_t i;
    if (!indexValue(space, v, i)) return false;
    if (i < 0) {
        i += size;
        if (i < 0) i = 0;
    } else if (i > size) {
        i = size;
    }
    out = i;
    return true;
}

Ref tupleIndex(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"index", {"value", "start", "stop"}, 1, 3, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    TupleObject* t = asTuple(self);
    std::int64_t start = 0, stop = t->m_size;
    if (!clampIndexArg(space, a[1], t->m_size, start) || !clampIndexArg(space, a[2], t->m_size, stop)) return Ref();
    for (std::int64_t i = start; i < stop && i < t->m_size; ++i) {
        int eq = compareBool(space, t->item(i), a[0], CompareOp::Eq);
        if (eq < 0) return Ref();
        if (eq) return newInt(space, i);
    }
    return space.raise(space.types().ValueError, "tuple.index(x): x not in tuple");
}

} // namespace

namespace detail {

void createTupleType(ObjectSpace& space)
{
    TypeObject* t = space.createBuiltinType(&BuiltinTypes::tupleType, "tuple", space.types().objectType,
                                            sizeof(TupleObject), std::uint32_t(TypeFlag::Gc));
    TypeSlots& s = t->m_slots;
    s.sizeOf = tupleSize;
    s.destroy = tupleDestroy;
    s.traverse = tupleTraverse;
    s.clear = tupleDestroy;
    s.repr = tupleRepr;
    s.hash = tupleHash;
    s.richCompare = tupleRichCompare;
    s.len = tupleLen;
    s.getItem = tupleGetItem;
    s.contains = tupleContains;
    s.iter = tupleIter;
    s.concat = tupleConcat;
    s.repeat = tupleRepeat;
    s.newInstance = tupleNew;
    s.init = nullptr;
}

void addTupleMethods(ObjectSpace& space)
{
    addMethods(space, space.types().tupleType, {{"count", tupleCount}, {"index", tupleIndex}});
}

} // namespace detail

} // namespace coroscope::pylite
