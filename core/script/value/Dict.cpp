#include "core/script/value/Dict.h"

#include "core/script/value/Args.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

#include <cstring>
#include <vector>

namespace coroscope::pylite {

namespace {

constexpr std::int32_t kEmpty = -1;
constexpr std::int32_t kDummy = -2;
constexpr std::int64_t kNotFound = -1;
constexpr std::int64_t kError = -2;

std::size_t tableSize(const DictObject* d) { return d->m_indices ? std::size_t(d->m_indexMask + 1) : 0; }

void freeTables(ObjectSpace& space, DictEntry* entries, std::int64_t entryCapacity, std::int32_t* indices, std::size_t size)
{
    space.heap().freeBuffer(entries, std::size_t(entryCapacity) * sizeof(DictEntry));
    space.heap().freeBuffer(indices, size * sizeof(std::int32_t));
}

/// Finds `key`: returns its entry index, kNotFound (with `slot` set to where
/// it would go), or kError. Restarts when __eq__ changed the dict.
std::int64_t lookup(ObjectSpace& space, DictObject* d, Value key, std::int64_t hash, std::uint64_t* slot)
{
restart:
    if (!d->m_indices) return kNotFound;
    const std::uint64_t mask = d->m_indexMask;
    std::uint64_t i = std::uint64_t(hash) & mask;
    std::uint64_t perturb = std::uint64_t(hash);
    std::uint64_t freeSlot = ~std::uint64_t(0);
    const bool keyIsStr = key.isObject() && key.object()->m_type == space.types().strType;
    for (;;) {
        const std::int32_t ix = d->m_indices[i];
        if (ix == kEmpty) {
            if (slot) *slot = freeSlot != ~std::uint64_t(0) ? freeSlot : i;
            return kNotFound;
        }
        if (ix == kDummy) {
            if (freeSlot == ~std::uint64_t(0)) freeSlot = i;
        } else {
            DictEntry& e = d->m_entries[ix];
            if (e.m_key == key) {
                if (slot) *slot = i;
                return ix;
            }
            if (e.m_hash == hash) {
                if (keyIsStr && e.m_key.isObject() && e.m_key.object()->m_type == space.types().strType) {
                    if (strEquals(asStr(e.m_key), asStr(key))) {
                        if (slot) *slot = i;
                        return ix;
                    }
                } else {
                    Ref start = Ref::borrow(e.m_key);
                    DictEntry* entries = d->m_entries;
                    std::int32_t* indices = d->m_indices;
                    const int eq = compareBool(space, start.get(), key, CompareOp::Eq);
                    if (eq < 0) return kError;
                    if (d->m_entries != entries || d->m_indices != indices || d->m_entries[ix].m_key != start.get())
                        goto restart;
                    if (eq) {
                        if (slot) *slot = i;
                        return ix;
                    }
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/// Rebuilds the tables with room for at least `minCapacity` entries,
/// compacting deleted ones.
bool resize(ObjectSpace& space, DictObject* d, std::int64_t minCapacity)
{
    std::size_t size = 8;
    while (std::int64_t(size * 2 / 3) < minCapacity) size *= 2;
    const std::int64_t capacity = std::int64_t(size * 2 / 3);
    auto* entries = static_cast<DictEntry*>(space.heap().allocBuffer(std::size_t(capacity) * sizeof(DictEntry)));
    if (!entries) return false;
    auto* indices = static_cast<std::int32_t*>(space.heap().allocBuffer(size * sizeof(std::int32_t)));
    if (!indices) {
        space.heap().freeBuffer(entries, std::size_t(capacity) * sizeof(DictEntry));
        return false;
    }
    std::memset(indices, 0xff, size * sizeof(std::int32_t));
    std::int64_t n = 0;
    const std::uint64_t mask = size - 1;
    for (std::int64_t k = 0; k < d->m_entryCount; ++k) {
        const DictEntry& e = d->m_entries[k];
        if (!e.m_key) continue;
        entries[n] = e;
        std::uint64_t i = std::uint64_t(e.m_hash) & mask;
        std::uint64_t perturb = std::uint64_t(e.m_hash);
        while (indices[i] != kEmpty) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        indices[i] = std::int32_t(n);
        ++n;
    }
    freeTables(space, d->m_entries, d->m_entryCapacity, d->m_indices, tableSize(d));
    d->m_entries = entries;
    d->m_entryCapacity = capacity;
    d->m_indices = indices;
    d->m_indexMask = mask;
    d->m_entryCount = n;
    return true;
}

std::uint64_t findEmptySlot(DictObject* d, std::int64_t hash)
{
    const std::uint64_t mask = d->m_indexMask;
    std::uint64_t i = std::uint64_t(hash) & mask;
    std::uint64_t perturb = std::uint64_t(hash);
    while (d->m_indices[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

void dictDestroy(ObjectSpace& space, Object* o) { dictClear(space, static_cast<DictObject*>(o)); }

void dictTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* d = static_cast<DictObject*>(o);
    for (std::int64_t k = 0; k < d->m_entryCount; ++k) {
        if (!d->m_entries[k].m_key) continue;
        visit(d->m_entries[k].m_key, ctx);
        visit(d->m_entries[k].m_value, ctx);
    }
}

} // namespace

Ref newDict(ObjectSpace& space)
{
    auto* d = space.heap().alloc<DictObject>(space.types().dictType);
    return d ? Ref::steal(d) : Ref();
}

Value dictGetWithHash(ObjectSpace& space, DictObject* d, Value key, std::int64_t hash)
{
    const std::int64_t ix = lookup(space, d, key, hash, nullptr);
    return ix >= 0 ? d->m_entries[ix].m_value : Value();
}

Value dictGet(ObjectSpace& space, DictObject* d, Value key)
{
    const std::int64_t hash = hashValue(space, key);
    if (hash == -1) return Value();
    return dictGetWithHash(space, d, key, hash);
}

Value dictGetStr(ObjectSpace& space, DictObject* d, std::string_view key)
{
    StrObject* k = space.intern(key);
    return dictGetWithHash(space, d, Value::fromObject(k), strHash(k));
}

bool dictSetWithHash(ObjectSpace& space, DictObject* d, Value key, std::int64_t hash, Value value)
{
    std::uint64_t slot = 0;
    const std::int64_t ix = lookup(space, d, key, hash, &slot);
    if (ix == kError) return false;
    if (ix >= 0) {
        incref(value);
        Value old = d->m_entries[ix].m_value;
        d->m_entries[ix].m_value = value;
        ++d->m_version;
        decref(old);
        return true;
    }
    if (!d->m_indices || d->m_entryCount >= d->m_entryCapacity) {
        if (!resize(space, d, d->m_used * 3 > 5 ? d->m_used * 3 : 5)) return false;
        slot = findEmptySlot(d, hash);
    }
    incref(key);
    incref(value);
    d->m_entries[d->m_entryCount] = DictEntry{hash, key, value};
    d->m_indices[slot] = std::int32_t(d->m_entryCount);
    ++d->m_entryCount;
    ++d->m_used;
    ++d->m_version;
    return true;
}

bool dictSet(ObjectSpace& space, DictObject* d, Value key, Value value)
{
    const std::int64_t hash = hashValue(space, key);
    if (hash == -1) return false;
    return dictSetWithHash(space, d, key, hash, value);
}

bool dictSetStr(ObjectSpace& space, DictObject* d, std::string_view key, Value value)
{
    StrObject* k = space.intern(key);
    return dictSetWithHash(space, d, Value::fromObject(k), strHash(k), value);
}

int dictDelete(ObjectSpace& space, DictObject* d, Value key)
{
    const std::int64_t hash = hashValue(space, key);
    if (hash == -1) return -1;
    std::uint64_t slot = 0;
    const std::int64_t ix = lookup(space, d, key, hash, &slot);
    if (ix == kError) return -1;
    if (ix == kNotFound) return 0;
    d->m_indices[slot] = kDummy;
    DictEntry& e = d->m_entries[ix];
    Value oldKey = e.m_key;
    Value oldValue = e.m_value;
    e.m_key = Value();
    e.m_value = Value();
    --d->m_used;
    ++d->m_version;
    decref(oldKey);
    decref(oldValue);
    return 1;
}

int dictContains(ObjectSpace& space, DictObject* d, Value key)
{
    const std::int64_t hash = hashValue(space, key);
    if (hash == -1) return -1;
    const std::int64_t ix = lookup(space, d, key, hash, nullptr);
    if (ix == kError) return -1;
    return ix >= 0;
}

bool dictNext(DictObject* d, std::int64_t& pos, Value& key, Value& value)
{
    while (pos < d->m_entryCount) {
        const DictEntry& e = d->m_entries[pos++];
        if (e.m_key) {
            key = e.m_key;
            value = e.m_value;
            return true;
        }
    }
    return false;
}

void dictClear(ObjectSpace& space, DictObject* d)
{
    DictEntry* entries = d->m_entries;
    const std::int64_t count = d->m_entryCount;
    const std::int64_t capacity = d->m_entryCapacity;
    std::int32_t* indices = d->m_indices;
    const std::size_t size = tableSize(d);
    d->m_entries = nullptr;
    d->m_indices = nullptr;
    d->m_entryCount = d->m_entryCapacity = d->m_used = 0;
    d->m_indexMask = 0;
    ++d->m_version;
    for (std::int64_t k = 0; k < count; ++k) {
        decref(entries[k].m_key);
        decref(entries[k].m_value);
    }
    freeTables(space, entries, capacity, indices, size);
}

Ref dictCopy(ObjectSpace& space, DictObject* d)
{
    Ref r = newDict(space);
    if (!r) return Ref();
    DictObject* out = r.as<DictObject>();
    if (d->m_used && !resize(space, out, d->m_used)) return Ref();
    std::int64_t pos = 0;
    Value k, v;
    while (dictNext(d, pos, k, v)) {
        // Known-distinct keys: append without comparisons.
        const std::int64_t hash = d->m_entries[pos - 1].m_hash;
        const std::uint64_t slot = findEmptySlot(out, hash);
        incref(k);
        incref(v);
        out->m_entries[out->m_entryCount] = DictEntry{hash, k, v};
        out->m_indices[slot] = std::int32_t(out->m_entryCount);
        ++out->m_entryCount;
        ++out->m_used;
    }
    return r;
}

bool dictUpdate(ObjectSpace& space, DictObject* d, Value other)
{
    if (isDict(space, other)) {
        DictObject* src = asDict(other);
        if (src == d) return true;
        std::int64_t pos = 0;
        Value k, v;
        while (dictNext(src, pos, k, v)) {
            Ref kr = Ref::borrow(k);
            Ref vr = Ref::borrow(v);
            if (!dictSetWithHash(space, d, k, src->m_entries[pos - 1].m_hash, v)) return false;
        }
        return true;
    }
    Ref keysMethod = getAttrOptional(space, other, space.name(Name::Keys));
    if (keysMethod) {
        Ref keys = call(space, keysMethod.get(), CallArgs());
        if (!keys) return false;
        return forEach(space, keys.get(), [&](Value k) {
            Ref v = getItem(space, other, k);
            return v && dictSet(space, d, k, v.get());
        });
    }
    if (space.hasError()) return false;
    std::int64_t index = 0;
    return forEach(space, other, [&](Value item) {
        Ref seq;
        if (isTuple(space, item)) seq = Ref::borrow(item);
        else if (space.typeOf(item)->m_slots.iter || space.typeOf(item)->m_slots.getItem) seq = tupleFromIterable(space, item);
        if (!seq) {
            if (!space.hasError() || space.errorMatches(space.types().TypeError)) {
                space.clearError();
                space.raise(space.types().TypeError,
                            "cannot convert dictionary update sequence element #" + std::to_string(index) + " to a sequence");
            }
            return false;
        }
        TupleObject* t = asTuple(seq.get());
        if (t->m_size != 2) {
            space.raise(space.types().ValueError, "dictionary update sequence element #" + std::to_string(index) +
                                                      " has length " + std::to_string(t->m_size) + "; 2 is required");
            return false;
        }
        ++index;
        return dictSet(space, d, t->item(0), t->item(1));
    });
}

bool dictAddKeywords(ObjectSpace& space, DictObject* d, const CallArgs& args)
{
    for (std::size_t k = 0; k < args.keywordCount(); ++k)
        if (!dictSet(space, d, args.keywordName(k), args.keywordValue(k))) return false;
    return true;
}

// --- dict type ----------------------------------------------------------------

namespace {

Ref dictRepr(ObjectSpace& space, Value self)
{
    DictObject* d = asDict(self);
    if (d->m_used == 0) return newStr(space, "{}");
    if (space.reprEnter(d)) return newStr(space, "{...}");
    std::string out = "{";
    bool ok = true;
    bool first = true;
    for (std::int64_t pos = 0; pos < d->m_entryCount && ok; ++pos) {
        if (!d->m_entries[pos].m_key) continue;
        Ref k = Ref::borrow(d->m_entries[pos].m_key);
        Ref v = Ref::borrow(d->m_entries[pos].m_value);
        if (!first) out += ", ";
        first = false;
        ok = reprString(space, k.get(), out);
        if (ok) {
            out += ": ";
            ok = reprString(space, v.get(), out);
        }
    }
    space.reprLeave(d);
    if (!ok) return Ref();
    out += "}";
    return newStr(space, out);
}

Ref dictRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isDict(space, a) || !isDict(space, b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return Ref::notImplemented();
    DictObject* x = asDict(a);
    DictObject* y = asDict(b);
    bool equal = x->m_used == y->m_used;
    for (std::int64_t pos = 0; equal && pos < x->m_entryCount; ++pos) {
        if (!x->m_entries[pos].m_key) continue;
        Ref k = Ref::borrow(x->m_entries[pos].m_key);
        Ref v = Ref::borrow(x->m_entries[pos].m_value);
        Value other = dictGetWithHash(space, y, k.get(), x->m_entries[pos].m_hash);
        if (!other) {
            if (space.hasError()) return Ref();
            equal = false;
            break;
        }
        Ref o = Ref::borrow(other);
        const int eq = compareBool(space, v.get(), o.get(), CompareOp::Eq);
        if (eq < 0) return Ref();
        equal = eq == 1;
    }
    return Ref::boolean(op == CompareOp::Eq ? equal : !equal);
}

std::int64_t dictLen(ObjectSpace&, Value self) { return asDict(self)->m_used; }

Ref dictGetItem(ObjectSpace& space, Value self, Value key)
{
    DictObject* d = asDict(self);
    const std::int64_t hash = hashValue(space, key);
    if (hash == -1) return Ref();
    const std::int64_t ix = lookup(space, d, key, hash, nullptr);
    if (ix == kError) return Ref();
    if (ix >= 0) return Ref::borrow(d->m_entries[ix].m_value);
    if (space.typeOf(self) != space.types().dictType) {
        Ref missing = Ref::borrow(lookupInMro(space.typeOf(self), space.name(Name::Missing)));
        if (missing) return callMethod(space, self, "__missing__", {key});
    }
    return space.raiseWith(space.types().KeyError, key);
}

int dictSetItem(ObjectSpace& space, Value self, Value key, Value value)
{
    DictObject* d = asDict(self);
    if (value) return dictSet(space, d, key, value) ? 0 : -1;
    const int r = dictDelete(space, d, key);
    if (r < 0) return -1;
    if (r == 0) {
        space.raiseWith(space.types().KeyError, key);
        return -1;
    }
    return 0;
}

int dictContainsSlot(ObjectSpace& space, Value self, Value key) { return dictContains(space, asDict(self), key); }

Ref dictIter(ObjectSpace& space, Value self) { return newDictIter(space, space.types().dictKeyIteratorType, self); }

Ref dictOr(ObjectSpace& space, Value a, Value b)
{
    if (!isDict(space, a) || !isDict(space, b)) return Ref::notImplemented();
    Ref r = dictCopy(space, asDict(a));
    if (!r || !dictUpdate(space, r.as<DictObject>(), b)) return Ref();
    return r;
}

Ref dictInplaceOr(ObjectSpace& space, Value a, Value b)
{
    if (!dictUpdate(space, asDict(a), b)) return Ref();
    return Ref::borrow(a);
}

Ref dictNew(ObjectSpace& space, TypeObject* type, const CallArgs&)
{
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    return o ? Ref::steal(o) : Ref();
}

int dictInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional > 1) {
        space.raise(space.types().TypeError, "dict expected at most 1 argument, got " + std::to_string(args.positional));
        return -1;
    }
    DictObject* d = asDict(self);
    if (args.positional == 1 && !dictUpdate(space, d, args[0])) return -1;
    return dictAddKeywords(space, d, args) ? 0 : -1;
}

} // namespace

namespace detail {

void addDictTypeSlots(TypeObject* t)
{
    TypeSlots& s = t->m_slots;
    s.destroy = dictDestroy;
    s.traverse = dictTraverse;
    s.clear = dictDestroy;
    s.repr = dictRepr;
    s.hash = nullptr;
    s.richCompare = dictRichCompare;
    s.len = dictLen;
    s.getItem = dictGetItem;
    s.setItem = dictSetItem;
    s.contains = dictContainsSlot;
    s.iter = dictIter;
    s.numeric[std::size_t(NumOp::Or)] = dictOr;
    s.inplace[std::size_t(NumOp::Or)] = dictInplaceOr;
    s.newInstance = dictNew;
    s.init = dictInit;
}

} // namespace detail

} // namespace coroscope::pylite
