// set/frozenset operators and methods (CPython's algorithms, so results
// come out in CPython's order).

#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/List.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Set.h"
#include "core/script/value/Str.h"
#include "core/script/value/detail/Bootstrap.h"

namespace coroscope::pylite {

namespace detail {
SetEntry* allocTable(ObjectSpace& space, std::int64_t size);
void freeTable(ObjectSpace& space, SetEntry* table, std::int64_t mask);
bool tableResize(ObjectSpace& space, SetObject* s, std::int64_t minUsed);
int addEntry(ObjectSpace& space, SetObject* s, Value key, std::int64_t hash);
int discardEntry(ObjectSpace& space, SetObject* s, Value key, std::int64_t hash);
SetEntry* lookkey(ObjectSpace& space, SetObject* s, Value key, std::int64_t hash);
bool next(SetObject* s, std::int64_t& pos, SetEntry*& out);
void clearTable(ObjectSpace& space, SetObject* s);
} // namespace detail

using namespace detail;

namespace {

bool isFrozen(ObjectSpace& space, Value v) { return space.isInstance(v, space.types().frozensetType); }

/// The built-in base (set or frozenset) results of operations take.
TypeObject* baseType(ObjectSpace& space, Value v)
{
    return isFrozen(space, v) ? space.types().frozensetType : space.types().setType;
}

Ref copySet(ObjectSpace& space, Value so) { return setFromIterable(space, baseType(space, so), so); }

int containsEntry(ObjectSpace& space, SetObject* s, Value key, std::int64_t hash)
{
    SetEntry* e = lookkey(space, s, key, hash);
    if (!e) return -1;
    return e->m_key ? 1 : 0;
}

Ref intersection(ObjectSpace& space, Value so, Value other)
{
    if (so == other) return copySet(space, so);
    Ref result = newSet(space, baseType(space, so));
    if (!result) return Ref();
    SetObject* r = result.as<SetObject>();
    if (isAnySet(space, other)) {
        SetObject* a = asSet(so);
        SetObject* b = asSet(other);
        if (b->m_used > a->m_used) std::swap(a, b);
        std::int64_t pos = 0;
        SetEntry* e;
        while (next(b, pos, e)) {
            const Value key = e->m_key;
            const std::int64_t hash = e->m_hash;
            Ref held = Ref::borrow(key);
            const int rv = containsEntry(space, a, key, hash);
            if (rv < 0) return Ref();
            if (rv && addEntry(space, r, key, hash) < 0) return Ref();
        }
        return result;
    }
    SetObject* a = asSet(so);
    if (!forEach(space, other, [&](Value key) {
            const std::int64_t hash = hashValue(space, key);
            if (hash == -1) return false;
            const int rv = containsEntry(space, a, key, hash);
            if (rv < 0) return false;
            return !rv || addEntry(space, r, key, hash) == 0;
        }))
        return Ref();
    return result;
}

bool differenceUpdate(ObjectSpace& space, SetObject* s, Value other)
{
    if (Value::fromObject(s) == other) {
        clearTable(space, s);
        return true;
    }
    if (isAnySet(space, other)) {
        SetObject* o = asSet(other);
        std::int64_t pos = 0;
        SetEntry* e;
        while (next(o, pos, e)) {
            Ref held = Ref::borrow(e->m_key);
            if (discardEntry(space, s, e->m_key, e->m_hash) < 0) return false;
        }
    } else {
        if (!forEach(space, other, [&](Value key) { return setDiscard(space, s, key) >= 0; })) return false;
    }
    if (std::uint64_t(s->m_fill - s->m_used) <= std::uint64_t(s->m_mask) / 4) return true;
    return tableResize(space, s, s->m_used > 50000 ? s->m_used * 2 : s->m_used * 4);
}

Ref difference(ObjectSpace& space, Value so, Value other)
{
    std::int64_t otherSize;
    if (isAnySet(space, other)) otherSize = asSet(other)->m_used;
    else if (isExactDict(space, other)) otherSize = asDict(other)->m_used;
    else otherSize = -1;
    SetObject* s = asSet(so);
    if (otherSize < 0 || (s->m_used >> 2) > otherSize) {
        Ref result = copySet(space, so);
        if (!result || !differenceUpdate(space, result.as<SetObject>(), other)) return Ref();
        return result;
    }
    Ref result = newSet(space, baseType(space, so));
    if (!result) return Ref();
    std::int64_t pos = 0;
    SetEntry* e;
    while (next(s, pos, e)) {
        const Value key = e->m_key;
        const std::int64_t hash = e->m_hash;
        Ref held = Ref::borrow(key);
        int rv;
        if (isExactDict(space, other)) {
            Value v = dictGetWithHash(space, asDict(other), key, hash);
            if (!v && space.hasError()) return Ref();
            rv = v ? 1 : 0;
        } else {
            rv = containsEntry(space, asSet(other), key, hash);
            if (rv < 0) return Ref();
        }
        if (!rv && addEntry(space, result.as<SetObject>(), key, hash) < 0) return Ref();
    }
    return result;
}

bool symmetricDifferenceUpdate(ObjectSpace& space, SetObject* s, Value other)
{
    if (Value::fromObject(s) == other) {
        clearTable(space, s);
        return true;
    }
    Ref otherSet;
    if (isExactDict(space, other)) {
        DictObject* d = asDict(other);
        for (std::int64_t pos = 0; pos < d->m_entryCount; ++pos) {
            const DictEntry e = d->m_entries[pos];
            if (!e.m_key) continue;
            Ref held = Ref::borrow(e.m_key);
            const int rv = discardEntry(space, s, e.m_key, e.m_hash);
            if (rv < 0) return false;
            if (rv == 0 && addEntry(space, s, e.m_key, e.m_hash) < 0) return false;
        }
        return true;
    }
    otherSet = isAnySet(space, other) ? Ref::borrow(other) : setFromIterable(space, space.types().setType, other);
    if (!otherSet) return false;
    std::int64_t pos = 0;
    SetEntry* e;
    while (next(otherSet.as<SetObject>(), pos, e)) {
        const Value key = e->m_key;
        const std::int64_t hash = e->m_hash;
        Ref held = Ref::borrow(key);
        const int rv = discardEntry(space, s, key, hash);
        if (rv < 0) return false;
        if (rv == 0 && addEntry(space, s, key, hash) < 0) return false;
    }
    return true;
}

Ref symmetricDifference(ObjectSpace& space, Value so, Value other)
{
    Ref result = setFromIterable(space, baseType(space, so), other);
    if (!result || !symmetricDifferenceUpdate(space, result.as<SetObject>(), so)) return Ref();
    return result;
}

/// issubset against a set: 1, 0, -1.
int isSubsetOf(ObjectSpace& space, SetObject* a, SetObject* b)
{
    if (a->m_used > b->m_used) return 0;
    std::int64_t pos = 0;
    SetEntry* e;
    while (next(a, pos, e)) {
        Ref held = Ref::borrow(e->m_key);
        const int rv = containsEntry(space, b, e->m_key, e->m_hash);
        if (rv <= 0) return rv;
    }
    return 1;
}

// --- slots ------------------------------------------------------------------

void setDestroy(ObjectSpace& space, Object* o)
{
    auto* s = static_cast<SetObject*>(o);
    SetEntry* table = s->m_table;
    const std::int64_t mask = s->m_mask;
    s->m_table = nullptr;
    s->m_used = s->m_fill = 0;
    for (std::int64_t k = 0; table && k <= mask; ++k)
        if (table[k].m_key && table[k].m_key != Value::unbound()) decref(table[k].m_key);
    if (table) freeTable(space, table, mask);
}

void setClearSlot(ObjectSpace& space, Object* o) { clearTable(space, static_cast<SetObject*>(o)); }

void setTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* s = static_cast<SetObject*>(o);
    for (std::int64_t k = 0; s->m_table && k <= s->m_mask; ++k) visit(s->m_table[k].m_key, ctx);
}

Ref setRepr(ObjectSpace& space, Value self)
{
    SetObject* s = asSet(self);
    const std::string_view name = typeName(space, self);
    const bool plainSet = space.typeOf(self) == space.types().setType;
    if (s->m_used == 0) return newStr(space, std::string(name) + "()");
    if (space.reprEnter(s)) return newStr(space, std::string(name) + "(...)");
    Ref list = listFromIterable(space, self);
    Ref inner = list ? repr(space, list.get()) : Ref();
    space.reprLeave(s);
    if (!inner) return Ref();
    std::string_view body = strView(inner.get());
    std::string out = "{";
    out += body.substr(1, body.size() - 2);
    out += "}";
    if (!plainSet) out = std::string(name) + "(" + out + ")";
    return newStr(space, out);
}

std::uint64_t shuffleBits(std::uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

std::int64_t frozensetHash(ObjectSpace&, Value self)
{
    SetObject* s = asSet(self);
    if (s->m_hash != -1) return s->m_hash;
    std::uint64_t hash = 0;
    for (std::int64_t k = 0; k <= s->m_mask; ++k) hash ^= shuffleBits(std::uint64_t(s->m_table[k].m_hash));
    if ((s->m_mask + 1 - s->m_fill) & 1) hash ^= shuffleBits(0);
    if ((s->m_fill - s->m_used) & 1) hash ^= shuffleBits(std::uint64_t(-1));
    hash ^= (std::uint64_t(s->m_used) + 1) * 1927868237ull;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069u + 907133923ull;
    if (hash == std::uint64_t(-1)) hash = 590923713ull;
    s->m_hash = std::int64_t(hash);
    return s->m_hash;
}

std::int64_t setLen(ObjectSpace&, Value self) { return asSet(self)->m_used; }
int setContainsSlot(ObjectSpace& space, Value self, Value key) { return setContains(space, asSet(self), key); }
Ref setIter(ObjectSpace& space, Value self) { return newSetIter(space, self); }

Ref setRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isAnySet(space, a) || !isAnySet(space, b)) return Ref::notImplemented();
    SetObject* x = asSet(a);
    SetObject* y = asSet(b);
    int r;
    switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
        if (x->m_used != y->m_used) r = 0;
        else if (x->m_hash != -1 && y->m_hash != -1 && x->m_hash != y->m_hash) r = 0;
        else r = isSubsetOf(space, x, y);
        if (r < 0) return Ref();
        return Ref::boolean(op == CompareOp::Eq ? r == 1 : r == 0);
    case CompareOp::Le: r = isSubsetOf(space, x, y); break;
    case CompareOp::Ge: r = isSubsetOf(space, y, x); break;
    case CompareOp::Lt: r = x->m_used >= y->m_used ? 0 : isSubsetOf(space, x, y); break;
    default: r = x->m_used <= y->m_used ? 0 : isSubsetOf(space, y, x); break;
    }
    if (r < 0) return Ref();
    return Ref::boolean(r == 1);
}

Ref setOr(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, a) || !isAnySet(space, b)) return Ref::notImplemented();
    Ref r = copySet(space, a);
    if (!r || (a != b && !setUpdate(space, r.as<SetObject>(), b))) return Ref();
    return r;
}
Ref setAnd(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, a) || !isAnySet(space, b)) return Ref::notImplemented();
    return intersection(space, a, b);
}
Ref setSub(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, a) || !isAnySet(space, b)) return Ref::notImplemented();
    return difference(space, a, b);
}
Ref setXor(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, a) || !isAnySet(space, b)) return Ref::notImplemented();
    return symmetricDifference(space, a, b);
}

/// Replaces the table of `s` with that of `from` (set_swap_bodies).
void swapBodies(SetObject* s, SetObject* from)
{
    std::swap(s->m_table, from->m_table);
    std::swap(s->m_mask, from->m_mask);
    std::swap(s->m_fill, from->m_fill);
    std::swap(s->m_used, from->m_used);
    s->m_hash = from->m_hash = -1;
}

Ref setIOr(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, b)) return Ref::notImplemented();
    if (!setUpdate(space, asSet(a), b)) return Ref();
    return Ref::borrow(a);
}
Ref setIAnd(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, b)) return Ref::notImplemented();
    Ref tmp = intersection(space, a, b);
    if (!tmp) return Ref();
    swapBodies(asSet(a), tmp.as<SetObject>());
    return Ref::borrow(a);
}
Ref setISub(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, b)) return Ref::notImplemented();
    if (!differenceUpdate(space, asSet(a), b)) return Ref();
    return Ref::borrow(a);
}
Ref setIXor(ObjectSpace& space, Value a, Value b)
{
    if (!isAnySet(space, b)) return Ref::notImplemented();
    if (!symmetricDifferenceUpdate(space, asSet(a), b)) return Ref();
    return Ref::borrow(a);
}

Ref setNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    if (type == space.types().setType && args.hasKeywords())
        return space.raise(space.types().TypeError, "set() takes no keyword arguments");
    return newSet(space, type);
}

int setInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.hasKeywords() && space.typeOf(self) == space.types().setType) {
        space.raise(space.types().TypeError, "set() takes no keyword arguments");
        return -1;
    }
    Value a[1];
    if (!parseArgs(space, args, {"set", {"iterable"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return -1;
    SetObject* s = asSet(self);
    if (s->m_used) clearTable(space, s);
    if (a[0] && !setUpdate(space, s, a[0])) return -1;
    return 0;
}

Ref frozensetNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    if (type == space.types().frozensetType && args.hasKeywords())
        return space.raise(space.types().TypeError, "frozenset() takes no keyword arguments");
    Value a[1];
    if (!parseArgs(space, args, {"frozenset", {"iterable"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    if (a[0] && type == space.types().frozensetType && space.typeOf(a[0]) == type) return Ref::borrow(a[0]);
    return setFromIterable(space, type, a[0]);
}

// --- methods ----------------------------------------------------------------

Ref setAddMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.add")) return Ref();
    if (setAdd(space, asSet(self), args[0]) < 0) return Ref();
    return Ref::none();
}

Ref setRemove(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.remove")) return Ref();
    const int r = setDiscard(space, asSet(self), args[0]);
    if (r < 0) return Ref();
    if (r == 0) return space.raiseWith(space.types().KeyError, args[0]);
    return Ref::none();
}

Ref setDiscardMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.discard")) return Ref();
    if (setDiscard(space, asSet(self), args[0]) < 0) return Ref();
    return Ref::none();
}

Ref setPop(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "set.pop")) return Ref();
    SetObject* s = asSet(self);
    if (s->m_used == 0) {
        Ref msg = newStr(space, "pop from an empty set");
        if (!msg) return Ref();
        return space.raiseWith(space.types().KeyError, msg.get());
    }
    SetEntry* entry = s->m_table + (s->m_finger & s->m_mask);
    SetEntry* limit = s->m_table + s->m_mask;
    while (!entry->m_key || entry->m_key == Value::unbound()) {
        ++entry;
        if (entry > limit) entry = s->m_table;
    }
    Ref key = Ref::steal(entry->m_key);
    entry->m_key = Value::unbound();
    entry->m_hash = -1;
    --s->m_used;
    s->m_finger = (entry - s->m_table) + 1;
    return key;
}

Ref setClearMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "set.clear")) return Ref();
    clearTable(space, asSet(self));
    return Ref::none();
}

Ref setCopyMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "set.copy")) return Ref();
    if (space.typeOf(self) == space.types().frozensetType) return Ref::borrow(self);
    return copySet(space, self);
}

Ref setUnion(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "set.union")) return Ref();
    Ref r = copySet(space, self);
    if (!r) return Ref();
    for (std::size_t i = 0; i < args.positional; ++i)
        if (!setUpdate(space, r.as<SetObject>(), args[i])) return Ref();
    return r;
}

Ref setUpdateMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "set.update")) return Ref();
    for (std::size_t i = 0; i < args.positional; ++i)
        if (!setUpdate(space, asSet(self), args[i])) return Ref();
    return Ref::none();
}

Ref intersectionMulti(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional == 0) return copySet(space, self);
    Ref result = Ref::borrow(self);
    for (std::size_t i = 0; i < args.positional; ++i) {
        result = intersection(space, result.get(), args[i]);
        if (!result) return Ref();
    }
    return result;
}

Ref setIntersection(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "set.intersection")) return Ref();
    return intersectionMulti(space, self, args);
}

Ref setIntersectionUpdate(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "set.intersection_update")) return Ref();
    Ref tmp = intersectionMulti(space, self, args);
    if (!tmp) return Ref();
    if (tmp.get() != self) swapBodies(asSet(self), tmp.as<SetObject>());
    return Ref::none();
}

Ref setDifference(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "set.difference")) return Ref();
    if (args.positional == 0) return copySet(space, self);
    Ref result = difference(space, self, args[0]);
    if (!result) return Ref();
    for (std::size_t i = 1; i < args.positional; ++i)
        if (!differenceUpdate(space, result.as<SetObject>(), args[i])) return Ref();
    return result;
}

Ref setDifferenceUpdate(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "set.difference_update")) return Ref();
    for (std::size_t i = 0; i < args.positional; ++i)
        if (!differenceUpdate(space, asSet(self), args[i])) return Ref();
    return Ref::none();
}

Ref setSymmetricDifference(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.symmetric_difference")) return Ref();
    return symmetricDifference(space, self, args[0]);
}

Ref setSymmetricDifferenceUpdate(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.symmetric_difference_update")) return Ref();
    if (!symmetricDifferenceUpdate(space, asSet(self), args[0])) return Ref();
    return Ref::none();
}

Ref asSetArg(ObjectSpace& space, Value v)
{
    if (isAnySet(space, v)) return Ref::borrow(v);
    return setFromIterable(space, space.types().setType, v);
}

Ref setIsSubset(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.issubset")) return Ref();
    Ref other = asSetArg(space, args[0]);
    if (!other) return Ref();
    const int r = isSubsetOf(space, asSet(self), other.as<SetObject>());
    return r < 0 ? Ref() : Ref::boolean(r);
}

Ref setIsSuperset(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.issuperset")) return Ref();
    Ref other = asSetArg(space, args[0]);
    if (!other) return Ref();
    const int r = isSubsetOf(space, other.as<SetObject>(), asSet(self));
    return r < 0 ? Ref() : Ref::boolean(r);
}

Ref setIsDisjoint(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "set.isdisjoint")) return Ref();
    Value other = args[0];
    SetObject* s = asSet(self);
    if (isAnySet(space, other)) {
        SetObject* a = s;
        SetObject* b = asSet(other);
        if (a->m_used > b->m_used) std::swap(a, b);
        std::int64_t pos = 0;
        SetEntry* e;
        while (next(a, pos, e)) {
            Ref held = Ref::borrow(e->m_key);
            const int rv = containsEntry(space, b, e->m_key, e->m_hash);
            if (rv < 0) return Ref();
            if (rv) return Ref::boolean(false);
        }
        return Ref::boolean(true);
    }
    bool disjoint = true;
    if (!forEach(space, other, [&](Value key) {
            const int rv = setContains(space, s, key);
            if (rv != 0) disjoint = false;
            return rv == 0;
        }) &&
        space.hasError())
        return Ref();
    return Ref::boolean(disjoint);
}

} // namespace

bool setInPlace(ObjectSpace& space, SetObject* s, NumOp op, Value other)
{
    switch (op) {
    case NumOp::Or: return setUpdate(space, s, other);
    case NumOp::Sub: return differenceUpdate(space, s, other);
    case NumOp::Xor: return symmetricDifferenceUpdate(space, s, other);
    default: {
        Ref tmp = intersection(space, Value::fromObject(s), other);
        if (!tmp) return false;
        swapBodies(s, tmp.as<SetObject>());
        return true;
    }
    }
}

namespace detail {

void createSetTypes(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    for (bool frozen : {false, true}) {
        TypeObject* t = frozen ? space.createBuiltinType(&BuiltinTypes::frozensetType, "frozenset", T.objectType,
                                                         sizeof(SetObject), TypeFlag::Gc | TypeFlag::BaseType)
                               : space.createBuiltinType(&BuiltinTypes::setType, "set", T.objectType, sizeof(SetObject),
                                                         TypeFlag::Gc | TypeFlag::BaseType);
        TypeSlots& s = t->m_slots;
        s.destroy = setDestroy;
        s.traverse = setTraverse;
        s.clear = setClearSlot;
        s.repr = setRepr;
        s.hash = frozen ? frozensetHash : nullptr;
        s.richCompare = setRichCompare;
        s.len = setLen;
        s.contains = setContainsSlot;
        s.iter = setIter;
        s.numeric[std::size_t(NumOp::Or)] = setOr;
        s.numeric[std::size_t(NumOp::And)] = setAnd;
        s.numeric[std::size_t(NumOp::Sub)] = setSub;
        s.numeric[std::size_t(NumOp::Xor)] = setXor;
        if (!frozen) {
            s.inplace[std::size_t(NumOp::Or)] = setIOr;
            s.inplace[std::size_t(NumOp::And)] = setIAnd;
            s.inplace[std::size_t(NumOp::Sub)] = setISub;
            s.inplace[std::size_t(NumOp::Xor)] = setIXor;
        }
        s.newInstance = frozen ? frozensetNew : setNew;
        s.init = frozen ? nullptr : setInit;
    }
}

void addSetMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    for (TypeObject* t : {T.setType, T.frozensetType}) {
        addMethods(space, t, {{"copy", setCopyMethod},
                              {"union", setUnion},
                              {"intersection", setIntersection},
                              {"difference", setDifference},
                              {"symmetric_difference", setSymmetricDifference},
                              {"issubset", setIsSubset},
                              {"issuperset", setIsSuperset},
                              {"isdisjoint", setIsDisjoint}});
    }
    addMethods(space, T.setType, {{"add", setAddMethod},
                                   {"remove", setRemove},
                                   {"discard", setDiscardMethod},
                                   {"pop", setPop},
                                   {"clear", setClearMethod},
                                   {"update", setUpdateMethod},
                                   {"intersection_update", setIntersectionUpdate},
                                   {"difference_update", setDifferenceUpdate},
                                   {"symmetric_difference_update", setSymmetricDifferenceUpdate}});
}

} // namespace detail

} // namespace coroscope::pylite
