// list.sort: a stable merge sort (binary insertion on short runs, then
// bottom-up merging) that only uses `<`, like CPython's. Homogeneous int,
// float and str keys are compared natively.

#include "core/script/value/List.h"

#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"

#include <algorithm>
#include <vector>

namespace coroscope::pylite {

namespace {

struct Item {
    Value key;   ///< owned when a key function was given, else borrowed from value
    Value value; ///< owned (taken from the list)
};

enum class KeyKind { Generic, Int, Float, Str };

class Sorter {
public:
    Sorter(ObjectSpace& space, KeyKind kind) : m_space(space), m_kind(kind) {}

    /// a < b; on error records it and answers false from then on.
    bool less(Value a, Value b)
    {
        if (m_failed) return false;
        switch (m_kind) {
        case KeyKind::Int: return intValueOf(a) < intValueOf(b);
        case KeyKind::Float: return floatValueOf(a) < floatValueOf(b);
        case KeyKind::Str: return strView(a) < strView(b);
        default: break;
        }
        int r = compareBool(m_space, a, b, CompareOp::Lt);
        if (r < 0) {
            m_failed = true;
            return false;
        }
        return r == 1;
    }

    void sort(std::vector<Item>& items)
    {
        const std::size_t n = items.size();
        constexpr std::size_t kRun = 32;
        for (std::size_t lo = 0; lo < n && !m_failed; lo += kRun) insertionSort(items, lo, std::min(n, lo + kRun));
        std::vector<Item> tmp(n);
        for (std::size_t width = kRun; width < n && !m_failed; width *= 2) {
            for (std::size_t lo = 0; lo + width < n && !m_failed; lo += 2 * width)
                merge(items, tmp, lo, lo + width, std::min(n, lo + 2 * width));
        }
    }

    bool failed() const { return m_failed; }

private:
    void insertionSort(std::vector<Item>& a, std::size_t lo, std::size_t hi)
    {
        for (std::size_t i = lo + 1; i < hi && !m_failed; ++i) {
            Item x = a[i];
            // Binary search for the rightmost slot: stability.
            std::size_t l = lo, r = i;
            while (l < r) {
                const std::size_t m = (l + r) / 2;
                if (less(x.key, a[m].key)) r = m;
                else l = m + 1;
            }
            for (std::size_t k = i; k > l; --k) a[k] = a[k - 1];
            a[l] = x;
        }
    }

    void merge(std::vector<Item>& a, std::vector<Item>& tmp, std::size_t lo, std::size_t mid, std::size_t hi)
    {
        std::size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            // Take from the right run only when strictly smaller: stability.
            if (less(a[j].key, a[i].key)) tmp[k++] = a[j++];
            else tmp[k++] = a[i++];
        }
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        for (std::size_t t = lo; t < hi; ++t) a[t] = tmp[t];
    }

    ObjectSpace& m_space;
    KeyKind m_kind;
    bool m_failed = false;
};

KeyKind classify(ObjectSpace& space, const std::vector<Item>& items)
{
    if (items.empty()) return KeyKind::Generic;
    bool ints = true, floats = true, strs = true;
    for (const Item& it : items) {
        TypeObject* t = space.typeOf(it.key);
        ints = ints && (t == space.types().intType);
        floats = floats && (t == space.types().floatType);
        strs = strs && (t == space.types().strType);
        if (!ints && !floats && !strs) return KeyKind::Generic;
    }
    if (ints) return KeyKind::Int;
    if (strs) return KeyKind::Str;
    // NaN makes `<` non-total; the generic path reproduces CPython's result.
    for (const Item& it : items)
        if (floatValueOf(it.key) != floatValueOf(it.key)) return KeyKind::Generic;
    return KeyKind::Float;
}

} // namespace

bool listSort(ObjectSpace& space, ListObject* list, Value key, bool reverse)
{
    // Take the items out of the list while sorting, so that code run by
    // comparisons sees an empty list and mutation can be detected.
    const std::int64_t n = list->m_size;
    Value* saved = list->m_items;
    const std::int64_t savedCapacity = list->m_capacity;
    list->m_items = nullptr;
    list->m_size = 0;
    list->m_capacity = 0;

    std::vector<Item> items(static_cast<std::size_t>(n));
    bool ok = true;
    for (std::int64_t i = 0; i < n; ++i) {
        items[std::size_t(i)].value = saved[i];
        items[std::size_t(i)].key = saved[i];
    }
    std::vector<Value> ownedKeys;
    if (key) {
        ownedKeys.reserve(std::size_t(n));
        for (std::int64_t i = 0; i < n; ++i) {
            Ref k = callFunction(space, key, {saved[i]});
            if (!k) {
                ok = false;
                break;
            }
            items[std::size_t(i)].key = k.get();
            ownedKeys.push_back(k.release());
        }
    }
    if (ok) {
        if (reverse) std::reverse(items.begin(), items.end());
        Sorter sorter(space, classify(space, items));
        sorter.sort(items);
        if (reverse) std::reverse(items.begin(), items.end());
        ok = !sorter.failed();
        if (ok)
            for (std::int64_t i = 0; i < n; ++i) saved[i] = items[std::size_t(i)].value;
    }
    for (Value k : ownedKeys) decref(k);
    const bool modified = list->m_items != nullptr || list->m_size != 0;
    if (modified) {
        // Drop whatever was put in the list meanwhile; restore the items.
        Value* extra = list->m_items;
        const std::int64_t extraSize = list->m_size;
        const std::int64_t extraCap = list->m_capacity;
        list->m_items = saved;
        list->m_size = n;
        list->m_capacity = savedCapacity;
        for (std::int64_t i = 0; i < extraSize; ++i) decref(extra[i]);
        space.heap().freeBuffer(extra, std::size_t(extraCap) * sizeof(Value));
        if (ok) space.raise(space.types().ValueError, "list modified during sort");
        return false;
    }
    list->m_items = saved;
    list->m_size = n;
    list->m_capacity = savedCapacity;
    return ok;
}

} // namespace coroscope::pylite
