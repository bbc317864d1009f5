// set and frozenset, following CPython 3.11's setobject.c table algorithm
// (linear probes of 9, then perturbed jumps; fill/used accounting; resize
// to used*4 when 3/5 full) so iteration order matches CPython.

#include "core/script/value/Set.h"

#include "core/script/value/Dict.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"

#include <cstring>

namespace coroscope::pylite {

namespace detail {

constexpr std::int64_t kMinSize = 8;
constexpr std::int64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

/// Deleted entries hold the unbound marker, which is never a Python value.
inline Value dummy() { return Value::unbound(); }
inline bool isEmpty(const SetEntry& e) { return e.m_hash == 0 && !e.m_key; }

SetEntry* allocTable(ObjectSpace& space, std::int64_t size)
{
    auto* t = static_cast<SetEntry*>(space.heap().allocBuffer(std::size_t(size) * sizeof(SetEntry)));
    if (t) std::memset(static_cast<void*>(t), 0, std::size_t(size) * sizeof(SetEntry));
    return t;
}

void freeTable(ObjectSpace& space, SetEntry* table, std::int64_t mask)
{
    space.heap().freeBuffer(table, std::size_t(mask + 1) * sizeof(SetEntry));
}

void insertClean(SetEntry* table, std::uint64_t mask, Value key, std::int64_t hash)
{
    std::uint64_t perturb = std::uint64_t(hash);
    std::uint64_t i = std::uint64_t(hash) & mask;
    for (;;) {
        SetEntry* entry = &table[i];
        if (!entry->m_key) {
            entry->m_key = key;
            entry->m_hash = hash;
            return;
        }
        if (i + kLinearProbes <= mask) {
            for (std::int64_t j = 0; j < kLinearProbes; ++j) {
                ++entry;
                if (!entry->m_key) {
                    entry->m_key = key;
                    entry->m_hash = hash;
                    return;
                }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool tableResize(ObjectSpace& space, SetObject* s, std::int64_t minUsed)
{
    std::int64_t newSize = kMinSize;
    while (newSize <= minUsed) newSize <<= 1;
    SetEntry* newTable = allocTable(space, newSize);
    if (!newTable) return false;
    SetEntry* old = s->m_table;
    const std::int64_t oldMask = s->m_mask;
    const std::uint64_t newMask = std::uint64_t(newSize - 1);
    const bool noDummies = s->m_fill == s->m_used;
    for (std::int64_t k = 0; old && k <= oldMask; ++k) {
        const SetEntry& e = old[k];
        if (e.m_key && (noDummies || e.m_key != dummy())) insertClean(newTable, newMask, e.m_key, e.m_hash);
    }
    s->m_fill = s->m_used;
    s->m_table = newTable;
    s->m_mask = newSize - 1;
    if (old) freeTable(space, old, oldMask);
    return true;
}

/// Entry holding `key`, or the empty entry ending the probe; null on error.
SetEntry* lookkey(ObjectSpace& space, SetObject* s, Value key, std::int64_t hash)
{
restart:
    std::uint64_t perturb = std::uint64_t(hash);
    std::uint64_t mask = std::uint64_t(s->m_mask);
    std::uint64_t i = std::uint64_t(hash) & mask;
    for (;;) {
        SetEntry* entry = &s->m_table[i];
        std::int64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (isEmpty(*entry)) return entry;
            if (entry->m_hash == hash) {
                Value start = entry->m_key;
                if (start == key) return entry;
                if (isStr(space, start) && isStr(space, key)) {
                    if (strEquals(asStr(start), asStr(key))) return entry;
                } else {
                    SetEntry* table = s->m_table;
                    Ref held = Ref::borrow(start);
                    const int cmp = compareBool(space, start, key, CompareOp::Eq);
                    if (cmp < 0) return nullptr;
                    if (table != s->m_table || entry->m_key != start) goto restart;
                    if (cmp > 0) return entry;
                    mask = std::uint64_t(s->m_mask);
                }
            }
            ++entry;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/// set_add_entry: 0 or -1. Takes a new reference to `key` when added.
int addEntry(ObjectSpace& space, SetObject* s, Value key, std::int64_t hash)
{
    Ref held = Ref::borrow(key);
restart:
    std::uint64_t mask = std::uint64_t(s->m_mask);
    std::uint64_t i = std::uint64_t(hash) & mask;
    SetEntry* freeSlot = nullptr;
    std::uint64_t perturb = std::uint64_t(hash);
    SetEntry* entry;
    for (;;) {
        entry = &s->m_table[i];
        std::int64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (isEmpty(*entry)) goto foundUnusedOrDummy;
            if (entry->m_hash == hash) {
                Value start = entry->m_key;
                if (start == key) return 0;
                if (isStr(space, start) && isStr(space, key)) {
                    if (strEquals(asStr(start), asStr(key))) return 0;
                } else {
                    SetEntry* table = s->m_table;
                    Ref startHeld = Ref::borrow(start);
                    const int cmp = compareBool(space, start, key, CompareOp::Eq);
                    if (cmp > 0) return 0;
                    if (cmp < 0) return -1;
                    if (table != s->m_table || entry->m_key != start) goto restart;
                    mask = std::uint64_t(s->m_mask);
                }
            } else if (entry->m_hash == -1 && !freeSlot) {
                freeSlot = entry;
            }
            ++entry;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
foundUnusedOrDummy:
    if (freeSlot) {
        ++s->m_used;
        freeSlot->m_key = held.release();
        freeSlot->m_hash = hash;
        return 0;
    }
    ++s->m_fill;
    ++s->m_used;
    entry->m_key = held.release();
    entry->m_hash = hash;
    if (std::uint64_t(s->m_fill) * 5 < mask * 3) return 0;
    return tableResize(space, s, s->m_used > 50000 ? s->m_used * 2 : s->m_used * 4) ? 0 : -1;
}

/// 1 found and removed, 0 absent, -1 error.
int discardEntry(ObjectSpace& space, SetObject* s, Value key, std::int64_t hash)
{
    SetEntry* entry = lookkey(space, s, key, hash);
    if (!entry) return -1;
    if (!entry->m_key) return 0;
    Value old = entry->m_key;
    entry->m_key = dummy();
    entry->m_hash = -1;
    --s->m_used;
    decref(old);
    return 1;
}

bool next(SetObject* s, std::int64_t& pos, SetEntry*& out)
{
    while (pos <= s->m_mask) {
        SetEntry* e = &s->m_table[pos++];
        if (e->m_key && e->m_key != dummy()) {
            out = e;
            return true;
        }
    }
    return false;
}

void clearTable(ObjectSpace& space, SetObject* s)
{
    SetEntry* table = s->m_table;
    const std::int64_t mask = s->m_mask;
    s->m_table = allocTable(space, kMinSize);
    s->m_mask = s->m_table ? kMinSize - 1 : -1;
    s->m_fill = s->m_used = 0;
    s->m_finger = 0;
    for (std::int64_t k = 0; table && k <= mask; ++k)
        if (table[k].m_key && table[k].m_key != dummy()) decref(table[k].m_key);
    if (table) freeTable(space, table, mask);
}

bool merge(ObjectSpace& space, SetObject* s, SetObject* other)
{
    if (other == s || other->m_used == 0) return true;
    if ((s->m_fill + other->m_used) * 5 >= s->m_mask * 3) {
        if (!tableResize(space, s, (s->m_used + other->m_used) * 2)) return false;
    }
    if (s->m_fill == 0 && s->m_mask == other->m_mask && other->m_fill == other->m_used) {
        for (std::int64_t k = 0; k <= other->m_mask; ++k) {
            if (other->m_table[k].m_key) {
                incref(other->m_table[k].m_key);
                s->m_table[k] = other->m_table[k];
            }
        }
        s->m_fill = other->m_fill;
        s->m_used = other->m_used;
        return true;
    }
    if (s->m_fill == 0) {
        s->m_fill = other->m_used;
        s->m_used = other->m_used;
        for (std::int64_t k = 0; k <= other->m_mask; ++k) {
            const SetEntry& e = other->m_table[k];
            if (e.m_key && e.m_key != dummy()) {
                incref(e.m_key);
                insertClean(s->m_table, std::uint64_t(s->m_mask), e.m_key, e.m_hash);
            }
        }
        return true;
    }
    for (std::int64_t k = 0; k <= other->m_mask; ++k) {
        const SetEntry e = other->m_table[k];
        if (e.m_key && e.m_key != dummy() && addEntry(space, s, e.m_key, e.m_hash) < 0) return false;
    }
    return true;
}

} // namespace detail

using namespace detail;

Ref newSet(ObjectSpace& space, TypeObject* type)
{
    if (!type) type = space.types().setType;
    auto* s = space.heap().alloc<SetObject>(type, type->m_basicSize);
    if (!s) return Ref();
    Ref r = Ref::steal(s);
    s->m_table = allocTable(space, kMinSize);
    if (!s->m_table) return Ref();
    s->m_mask = kMinSize - 1;
    s->m_hash = -1;
    return r;
}

int setAdd(ObjectSpace& space, SetObject* s, Value key)
{
    const std::int64_t hash = hashValue(space, key);
    if (hash == -1) return -1;
    return addEntry(space, s, key, hash);
}

int setContains(ObjectSpace& space, SetObject* s, Value key)
{
    std::int64_t hash = hashValue(space, key);
    if (hash == -1) {
        // A set looks itself up as the equal frozenset.
        if (!space.errorMatches(space.types().TypeError) || !space.isInstance(key, space.types().setType)) return -1;
        space.clearError();
        Ref frozen = setFromIterable(space, space.types().frozensetType, key);
        if (!frozen) return -1;
        return setContains(space, s, frozen.get());
    }
    SetEntry* e = lookkey(space, s, key, hash);
    if (!e) return -1;
    return e->m_key ? 1 : 0;
}

int setDiscard(ObjectSpace& space, SetObject* s, Value key)
{
    std::int64_t hash = hashValue(space, key);
    if (hash == -1) {
        if (!space.errorMatches(space.types().TypeError) || !space.isInstance(key, space.types().setType)) return -1;
        space.clearError();
        Ref frozen = setFromIterable(space, space.types().frozensetType, key);
        if (!frozen) return -1;
        return setDiscard(space, s, frozen.get());
    }
    return discardEntry(space, s, key, hash);
}

bool setNext(SetObject* s, std::int64_t& pos, Value& key)
{
    SetEntry* e;
    if (!next(s, pos, e)) return false;
    key = e->m_key;
    return true;
}

bool setUpdate(ObjectSpace& space, SetObject* s, Value iterable)
{
    if (isAnySet(space, iterable)) return merge(space, s, asSet(iterable));
    if (isExactDict(space, iterable)) {
        DictObject* d = asDict(iterable);
        if ((s->m_fill + d->m_used) * 5 >= s->m_mask * 3 && !tableResize(space, s, (s->m_used + d->m_used) * 2))
            return false;
        for (std::int64_t pos = 0; pos < d->m_entryCount; ++pos) {
            const DictEntry e = d->m_entries[pos];
            if (e.m_key && addEntry(space, s, e.m_key, e.m_hash) < 0) return false;
        }
        return true;
    }
    return forEach(space, iterable, [&](Value key) { return setAdd(space, s, key) == 0; });
}

Ref setFromIterable(ObjectSpace& space, TypeObject* type, Value iterable)
{
    Ref s = newSet(space, type);
    if (!s) return Ref();
    if (iterable && !setUpdate(space, s.as<SetObject>(), iterable)) return Ref();
    return s;
}

} // namespace coroscope::pylite
