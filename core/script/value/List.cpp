#include "core/script/value/List.h"

#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Range.h"
#include "core/script/value/Set.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Sequence.h"

#include <cstring>
#include <vector>

namespace coroscope::pylite {

namespace {

/// Grows/shrinks the item buffer for `newSize` items (CPython's over-allocation).
bool listResize(ObjectSpace& space, ListObject* l, std::int64_t newSize)
{
    if (newSize <= l->m_capacity && newSize >= (l->m_capacity >> 1)) {
        l->m_size = newSize;
        return true;
    }
    std::int64_t cap = (newSize + (newSize >> 3) + 6) & ~std::int64_t(3);
    if (newSize - l->m_size > cap - newSize) cap = (newSize + 3) & ~std::int64_t(3);
    if (newSize == 0) cap = 0;
    if (std::uint64_t(cap) > space.heap().budget() / sizeof(Value)) {
        space.raiseMemoryError();
        return false;
    }
    void* p = space.heap().reallocBuffer(l->m_items, std::size_t(l->m_capacity) * sizeof(Value), std::size_t(cap) * sizeof(Value));
    if (!p && cap) return false;
    l->m_items = static_cast<Value*>(p);
    l->m_capacity = cap;
    l->m_size = newSize;
    return true;
}

bool listReserve(ObjectSpace& space, ListObject* l, std::int64_t capacity)
{
    if (capacity <= l->m_capacity) return true;
    if (std::uint64_t(capacity) > space.heap().budget() / sizeof(Value)) {
        space.raiseMemoryError();
        return false;
    }
    void* p = space.heap().reallocBuffer(l->m_items, std::size_t(l->m_capacity) * sizeof(Value),
                                         std::size_t(capacity) * sizeof(Value));
    if (!p) return false;
    l->m_items = static_cast<Value*>(p);
    l->m_capacity = capacity;
    return true;
}

/// Exact length of common iterables, or -1 when unknown (no error set).
std::int64_t lengthHint(ObjectSpace& space, Value v)
{
    TypeObject* t = space.typeOf(v);
    const BuiltinTypes& T = space.types();
    if (t == T.listType || t == T.tupleType || t == T.rangeType || t == T.dictType || t == T.setType ||
        t == T.frozensetType || t == T.strType || t == T.bytesType) {
        std::int64_t n = length(space, v);
        if (n < 0) space.clearError();
        return n;
    }
    return -1;
}

} // namespace

Ref newList(ObjectSpace& space, std::int64_t capacity)
{
    auto* l = space.heap().alloc<ListObject>(space.types().listType);
    if (!l) return Ref();
    Ref r = Ref::steal(l);
    if (capacity > 0 && !listReserve(space, l, capacity)) return Ref();
    return r;
}

bool listAppend(ObjectSpace& space, ListObject* l, Value v)
{
    const std::int64_t n = l->m_size;
    if (n < l->m_capacity) {
        incref(v);
        l->m_items[n] = v;
        l->m_size = n + 1;
        return true;
    }
    if (!listResize(space, l, n + 1)) return false;
    incref(v);
    l->m_items[n] = v;
    return true;
}

bool listExtend(ObjectSpace& space, ListObject* l, Value iterable)
{
    if (isExactList(space, iterable) || isTuple(space, iterable)) {
        // Snapshot first: `l.extend(l)` must not see its own growth.
        const bool isList = isExactList(space, iterable);
        const std::int64_t n = isList ? asList(iterable)->m_size : asTuple(iterable)->m_size;
        if (!listReserve(space, l, l->m_size + n)) return false;
        const Value* src = isList ? asList(iterable)->m_items : asTuple(iterable)->items();
        for (std::int64_t i = 0; i < n; ++i) {
            incref(src[i]);
            l->m_items[l->m_size + i] = src[i];
        }
        l->m_size += n;
        return true;
    }
    std::int64_t hint = lengthHint(space, iterable);
    if (hint > 0 && !listReserve(space, l, l->m_size + hint)) return false;
    return forEach(space, iterable, [&](Value item) { return listAppend(space, l, item); });
}

Ref listFromIterable(ObjectSpace& space, Value iterable)
{
    Ref list = newList(space);
    if (!list || !listExtend(space, list.as<ListObject>(), iterable)) return Ref();
    return list;
}

namespace {

void listClearItems(ObjectSpace& space, ListObject* l)
{
    Value* items = l->m_items;
    const std::int64_t n = l->m_size;
    const std::int64_t cap = l->m_capacity;
    l->m_items = nullptr;
    l->m_size = 0;
    l->m_capacity = 0;
    for (std::int64_t i = 0; i < n; ++i) decref(items[i]);
    space.heap().freeBuffer(items, std::size_t(cap) * sizeof(Value));
}

void listDestroy(ObjectSpace& space, Object* o) { listClearItems(space, static_cast<ListObject*>(o)); }

void listTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* l = static_cast<ListObject*>(o);
    for (std::int64_t i = 0; i < l->m_size; ++i) visit(l->m_items[i], ctx);
}

Ref listRepr(ObjectSpace& space, Value self)
{
    ListObject* l = asList(self);
    return detail::reprSequence(
        space, l, "[", "]", "[...]", [l](std::int64_t i) { return l->m_items[i]; }, [l] { return l->m_size; });
}

Ref listRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isList(space, a) || !isList(space, b)) return Ref::notImplemented();
    ListObject* x = asList(a);
    ListObject* y = asList(b);
    return detail::compareSequences(
        space, [x](std::int64_t i) { return x->m_items[i]; }, [x] { return x->m_size; },
        [y](std::int64_t i) { return y->m_items[i]; }, [y] { return y->m_size; }, op);
}

std::int64_t listLen(ObjectSpace&, Value self) { return asList(self)->m_size; }

Ref listSlice(ObjectSpace& space, ListObject* l, const SliceBounds& b)
{
    Ref r = newList(space, b.length);
    if (!r) return Ref();
    ListObject* out = r.as<ListObject>();
    for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) {
        incref(l->m_items[i]);
        out->m_items[k] = l->m_items[i];
    }
    out->m_size = b.length;
    return r;
}

Ref listGetItem(ObjectSpace& space, Value self, Value key)
{
    ListObject* l = asList(self);
    if (key.isSmallInt()) {
        std::int64_t i = key.smallIntValue();
        if (i < 0) i += l->m_size;
        if (i >= 0 && i < l->m_size) return Ref::borrow(l->m_items[i]);
    }
    if (isSlice(space, key)) {
        SliceBounds b;
        if (!resolveSlice(space, static_cast<SliceObject*>(key.object()), l->m_size, b)) return Ref();
        return listSlice(space, l, b);
    }
    std::int64_t i;
    if (!sequenceIndex(space, key, l->m_size, SeqKind::List, i)) return Ref();
    return Ref::borrow(l->m_items[i]);
}

/// l[start:stop] = items (step 1), items already materialized.
bool assignSimpleSlice(ObjectSpace& space, ListObject* l, std::int64_t start, std::int64_t stop, const Value* items,
                       std::int64_t n)
{
    if (stop < start) stop = start;
    const std::int64_t removed = stop - start;
    const std::int64_t oldSize = l->m_size;
    std::vector<Value> dropped(l->m_items + start, l->m_items + stop);
    const std::int64_t newSize = oldSize - removed + n;
    if (n > removed) {
        if (!listResize(space, l, newSize)) return false;
        std::memmove(l->m_items + start + n, l->m_items + stop, std::size_t(oldSize - stop) * sizeof(Value));
    } else {
        std::memmove(l->m_items + start + n, l->m_items + stop, std::size_t(oldSize - stop) * sizeof(Value));
        if (!listResize(space, l, newSize)) return false;
    }
    for (std::int64_t i = 0; i < n; ++i) {
        incref(items[i]);
        l->m_items[start + i] = items[i];
    }
    for (Value v : dropped) decref(v);
    return true;
}

int listSetItem(ObjectSpace& space, Value self, Value key, Value value)
{
    ListObject* l = asList(self);
    if (isSlice(space, key)) {
        SliceBounds b;
        if (!resolveSlice(space, static_cast<SliceObject*>(key.object()), l->m_size, b)) return -1;
        if (!value) {
            if (b.step == 1) return assignSimpleSlice(space, l, b.start, b.start + b.length, nullptr, 0) ? 0 : -1;
            if (b.length <= 0) return 0;
            if (b.step < 0) {
                b.start = b.start + b.step * (b.length - 1);
                b.step = -b.step;
            }
            std::vector<Value> dropped;
            std::int64_t w = b.start;
            for (std::int64_t r = b.start; r < l->m_size; ++r) {
                if (r >= b.start && (r - b.start) % b.step == 0 && (r - b.start) / b.step < b.length) dropped.push_back(l->m_items[r]);
                else l->m_items[w++] = l->m_items[r];
            }
            l->m_size = w;
            for (Value v : dropped) decref(v);
            listResize(space, l, w);
            return 0;
        }
        Ref seq;
        if (value == self) {
            seq = listSlice(space, l, SliceBounds{0, l->m_size, 1, l->m_size});
        } else if (isExactList(space, value) || isTuple(space, value)) {
            seq = Ref::borrow(value);
        } else {
            if (!space.typeOf(value)->m_slots.iter && !space.typeOf(value)->m_slots.getItem) {
                space.raise(space.types().TypeError, b.step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
                return -1;
            }
            seq = listFromIterable(space, value);
        }
        if (!seq) return -1;
        const bool isL = isExactList(space, seq.get());
        const Value* items = isL ? asList(seq.get())->m_items : asTuple(seq.get())->items();
        const std::int64_t n = isL ? asList(seq.get())->m_size : asTuple(seq.get())->m_size;
        if (b.step == 1) return assignSimpleSlice(space, l, b.start, b.start + b.length, items, n) ? 0 : -1;
        if (n != b.length) {
            std::string msg = "attempt to assign sequence of size " + std::to_string(n) + " to extended slice of size " +
                              std::to_string(b.length);
            space.raise(space.types().ValueError, msg);
            return -1;
        }
        for (std::int64_t k = 0, i = b.start; k < n; ++k, i += b.step) {
            incref(items[k]);
            Value old = l->m_items[i];
            l->m_items[i] = items[k];
            decref(old);
        }
        return 0;
    }
    std::int64_t i;
    if (!sequenceIndex(space, key, l->m_size, SeqKind::ListAssignment, i)) return -1;
    if (!value) return assignSimpleSlice(space, l, i, i + 1, nullptr, 0) ? 0 : -1;
    incref(value);
    Value old = l->m_items[i];
    l->m_items[i] = value;
    decref(old);
    return 0;
}

int listContains(ObjectSpace& space, Value self, Value item)
{
    ListObject* l = asList(self);
    for (std::int64_t i = 0; i < l->m_size; ++i) {
        Ref x = Ref::borrow(l->m_items[i]);
        int eq = compareBool(space, x.get(), item, CompareOp::Eq);
        if (eq != 0) return eq;
    }
    return 0;
}

Ref listIter(ObjectSpace& space, Value self) { return newSeqIter(space, space.types().listIteratorType, self, 0); }

Ref listConcat(ObjectSpace& space, Value a, Value b)
{
    if (!isList(space, b)) {
        std::string msg = "can only concatenate list (not \"";
        msg += typeName(space, b);
        msg += "\") to list";
        return space.raise(space.types().TypeError, msg);
    }
    ListObject* x = asList(a);
    ListObject* y = asList(b);
    Ref r = newList(space, x->m_size + y->m_size);
    if (!r) return Ref();
    ListObject* out = r.as<ListObject>();
    for (std::int64_t i = 0; i < x->m_size; ++i) listAppend(space, out, x->m_items[i]);
    for (std::int64_t i = 0; i < y->m_size; ++i) listAppend(space, out, y->m_items[i]);
    return r;
}

Ref listRepeat(ObjectSpace& space, Value self, Value count)
{
    ListObject* l = asList(self);
    const std::int64_t n = intValueOf(count);
    if (n <= 0 || l->m_size == 0) return newList(space);
    if (n > std::int64_t(space.heap().budget() / sizeof(Value)) / l->m_size) return space.raiseMemoryError();
    const std::int64_t size = l->m_size;
    Ref r = newList(space, size * n);
    if (!r) return Ref();
    ListObject* out = r.as<ListObject>();
    for (std::int64_t k = 0; k < n; ++k) {
        for (std::int64_t i = 0; i < size; ++i) {
            incref(l->m_items[i]);
            out->m_items[k * size + i] = l->m_items[i];
        }
    }
    out->m_size = size * n;
    return r;
}

Ref listInplaceAdd(ObjectSpace& space, Value a, Value b)
{
    if (!listExtend(space, asList(a), b)) return Ref();
    return Ref::borrow(a);
}

Ref listInplaceMul(ObjectSpace& space, Value a, Value b)
{
    std::int64_t n;
    if (!isIntValue(space, b) && !space.typeOf(b)->m_slots.index) return Ref::notImplemented();
    if (!indexValue(space, b, n)) return Ref();
    ListObject* l = asList(a);
    if (n <= 0) {
        listClearItems(space, l);
        return Ref::borrow(a);
    }
    const std::int64_t size = l->m_size;
    if (size && n > std::int64_t(space.heap().budget() / sizeof(Value)) / size) return space.raiseMemoryError();
    if (!listReserve(space, l, size * n)) return Ref();
    for (std::int64_t k = 1; k < n; ++k) {
        for (std::int64_t i = 0; i < size; ++i) {
            incref(l->m_items[i]);
            l->m_items[k * size + i] = l->m_items[i];
        }
    }
    l->m_size = size * n;
    return Ref::borrow(a);
}

Ref listNew(ObjectSpace& space, TypeObject* type, const CallArgs&)
{
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    return o ? Ref::steal(o) : Ref();
}

int listInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.hasKeywords() && space.typeOf(self) == space.types().listType) {
        space.raise(space.types().TypeError, "list() takes no keyword arguments");
        return -1;
    }
    Value a[1];
    if (!parseArgs(space, args, {"list", {"iterable"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return -1;
    ListObject* l = asList(self);
    if (l->m_size) listClearItems(space, l);
    if (a[0] && !listExtend(space, l, a[0])) return -1;
    return 0;
}

// --- methods ----------------------------------------------------------------

Ref listAppendMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "list.append")) return Ref();
    if (!listAppend(space, asList(self), args[0])) return Ref();
    return Ref::none();
}

Ref listExtendMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "list.extend")) return Ref();
    if (!listExtend(space, asList(self), args[0])) return Ref();
    return Ref::none();
}

Ref listInsert(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"insert", {"index", "object"}, 2, 2, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    std::int64_t i;
    if (!indexValue(space, a[0], i)) return Ref();
    ListObject* l = asList(self);
    const std::int64_t n = l->m_size;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (!listResize(space, l, n + 1)) return Ref();
    std::memmove(l->m_items + i + 1, l->m_items + i, std::size_t(n - i) * sizeof(Value));
    incref(a[1]);
    l->m_items[i] = a[1];
    return Ref::none();
}

Ref listPop(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"pop", {"index"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    ListObject* l = asList(self);
    std::int64_t i = -1;
    if (a[0] && !indexValue(space, a[0], i)) return Ref();
    if (l->m_size == 0) return space.raise(space.types().IndexError, "pop from empty list");
    if (i < 0) i += l->m_size;
    if (i < 0 || i >= l->m_size) return space.raise(space.types().IndexError, "pop index out of range");
    Ref item = Ref::steal(l->m_items[i]);
    std::memmove(l->m_items + i, l->m_items + i + 1, std::size_t(l->m_size - i - 1) * sizeof(Value));
    listResize(space, l, l->m_size - 1);
    return item;
}

Ref listRemove(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "list.remove")) return Ref();
    ListObject* l = asList(self);
    for (std::int64_t i = 0; i < l->m_size; ++i) {
        Ref x = Ref::borrow(l->m_items[i]);
        int eq = compareBool(space, x.get(), args[0], CompareOp::Eq);
        if (eq < 0) return Ref();
        if (eq) {
            if (i < l->m_size && !assignSimpleSlice(space, l, i, i + 1, nullptr, 0)) return Ref();
            return Ref::none();
        }
    }
    return space.raise(space.types().ValueError, "list.remove(x): x not in list");
}

Ref listIndex(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"index", {"value", "start", "stop"}, 1, 3, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    ListObject* l = asList(self);
    std::int64_t start = 0, stop = l->m_size;
    for (int k = 1; k < 3; ++k) {
        if (!a[k]) continue;
        std::int64_t v;
        if (!indexValue(space, a[k], v)) return Ref();
        if (v < 0) {
            v += l->m_size;
            if (v < 0) v = 0;
        }
        (k == 1 ? start : stop) = v;
    }
    for (std::int64_t i = start; i < stop && i < l->m_size; ++i) {
        Ref x = Ref::borrow(l->m_items[i]);
        int eq = compareBool(space, x.get(), a[0], CompareOp::Eq);
        if (eq < 0) return Ref();
        if (eq) return newInt(space, i);
    }
    std::string r;
    if (!reprString(space, a[0], r)) return Ref();
    return space.raise(space.types().ValueError, r + " is not in list");
}

Ref listCount(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "list.count")) return Ref();
    ListObject* l = asList(self);
    std::int64_t n = 0;
    for (std::int64_t i = 0; i < l->m_size; ++i) {
        Ref x = Ref::borrow(l->m_items[i]);
        int eq = compareBool(space, x.get(), args[0], CompareOp::Eq);
        if (eq < 0) return Ref();
        n += eq;
    }
    return newInt(space, n);
}

Ref listSortMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"sort", {"key", "reverse"}, 0, 0, 0}, a)) return Ref();
    Value key = a[0] && !a[0].isNone() ? a[0] : Value();
    bool reverse = false;
    if (a[1]) {
        std::int64_t r;
        if (!indexValue(space, a[1], r)) return Ref();
        reverse = r != 0;
    }
    if (!listSort(space, asList(self), key, reverse)) return Ref();
    return Ref::none();
}

Ref listReverse(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "list.reverse")) return Ref();
    ListObject* l = asList(self);
    for (std::int64_t i = 0, j = l->m_size - 1; i < j; ++i, --j) std::swap(l->m_items[i], l->m_items[j]);
    return Ref::none();
}

Ref listCopy(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "list.copy")) return Ref();
    ListObject* l = asList(self);
    return listSlice(space, l, SliceBounds{0, l->m_size, 1, l->m_size});
}

Ref listClear(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "list.clear")) return Ref();
    listClearItems(space, asList(self));
    return Ref::none();
}

Ref listReversed(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "list.__reversed__")) return Ref();
    return newSeqIter(space, space.types().listReverseIteratorType, self, asList(self)->m_size - 1);
}

} // namespace

namespace detail {

void createListType(ObjectSpace& space)
{
    TypeObject* t = space.createBuiltinType(&BuiltinTypes::listType, "list", space.types().objectType,
                                            sizeof(ListObject), TypeFlag::Gc | TypeFlag::BaseType);
    TypeSlots& s = t->m_slots;
    s.destroy = listDestroy;
    s.traverse = listTraverse;
    s.clear = listDestroy;
    s.repr = listRepr;
    s.hash = nullptr;
    s.richCompare = listRichCompare;
    s.len = listLen;
    s.getItem = listGetItem;
    s.setItem = listSetItem;
    s.contains = listContains;
    s.iter = listIter;
    s.concat = listConcat;
    s.repeat = listRepeat;
    s.inplace[std::size_t(NumOp::Add)] = listInplaceAdd;
    s.inplace[std::size_t(NumOp::Mul)] = listInplaceMul;
    s.newInstance = listNew;
    s.init = listInit;
}

void addListMethods(ObjectSpace& space)
{
    addMethods(space, space.types().listType, {{"append", listAppendMethod},
                                                {"extend", listExtendMethod},
                                                {"insert", listInsert},
                                                {"pop", listPop},
                                                {"remove", listRemove},
                                                {"index", listIndex},
                                                {"count", listCount},
                                                {"sort", listSortMethod},
                                                {"reverse", listReverse},
                                                {"copy", listCopy},
                                                {"clear", listClear},
                                                {"__reversed__", listReversed}});
}

} // namespace detail

} // namespace coroscope::pylite
