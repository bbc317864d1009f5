#pragma once
// Heap: allocation, memory accounting and the cycle collector of one
// ObjectSpace.
//
// Accounting: every object and every buffer an object owns (list items, dict
// tables, string bytes) is allocated here and counted in liveBytes(). An
// allocation that would push liveBytes() past budget() fails before touching
// the system allocator and raises MemoryError, so `[0] * 10**10` fails at
// once instead of exhausting the machine.
//
// Release: Heap::release() runs when a count reaches zero. It calls the
// type's finalizer (once, PEP 442; the object may resurrect), then its
// destroy slot, then frees the memory. Releases nested deeper than
// kMaxReleaseDepth are queued and drained by the outermost release, so
// freeing a million-deep chain of lists does not overflow the C++ stack.
//
// Cycle collector: CPython's trial deletion. Objects of Gc types are kept in
// generation lists. A collection sets gcRefs = refcount for each object in
// the collected generation, subtracts one for every reference found by
// traversing members of the generation, keeps whatever is still externally
// referenced plus everything reachable from it, runs finalizers on the rest,
// re-checks for resurrection, then breaks the remaining cycles with each
// object's clear slot. Two generations: new objects are young; survivors of
// a young collection become old; a full collection scans both.
// Collections triggered by allocation are deferred to a safe point: passing
// the threshold only sets collectPending(), and the VM calls
// collectIfPending() between bytecodes (finalizers can run Python code, which
// must not happen in the middle of, say, a dict insertion).

#include "core/script/value/Object.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace coroscope::pylite {

/// Prefix of every collector-tracked object (lives just before the Object).
/// Objects are 8-byte aligned (nothing in an object needs more), and user
/// space addresses fit in 48 bits (Linux hands out higher ones only to a
/// caller that asks with a hint), so each link word keeps its neighbour's
/// address in bits 3-47 and packs the rest around it: GcFlag bits in the low
/// three bits (bits 0-2 of the flags in m_prevBits, bits 3-4 in m_nextBits)
/// and one half of the collector's 32-bit scratch count in bits 48-63 (the
/// high half in m_prevBits). 16 bytes instead of two pointers and two words.
struct GcHead {
    std::uint64_t m_prevBits;
    std::uint64_t m_nextBits;

    static constexpr std::uint64_t kAddressMask = 0x0000'FFFF'FFFF'FFF8ull;
    static constexpr std::uint64_t kHighMask = 0xFFFF'0000'0000'0000ull;

    GcHead* prev() const { return reinterpret_cast<GcHead*>(m_prevBits & kAddressMask); }
    GcHead* next() const { return reinterpret_cast<GcHead*>(m_nextBits & kAddressMask); }
    void setPrev(GcHead* h) { m_prevBits = (m_prevBits & ~kAddressMask) | reinterpret_cast<std::uintptr_t>(h); }
    void setNext(GcHead* h) { m_nextBits = (m_nextBits & ~kAddressMask) | reinterpret_cast<std::uintptr_t>(h); }
    /// GcFlag bits (five of them).
    std::uint32_t flags() const { return std::uint32_t(m_prevBits & 7u) | std::uint32_t(m_nextBits & 3u) << 3; }
    void setFlags(std::uint32_t f)
    {
        m_prevBits = (m_prevBits & ~std::uint64_t(7)) | (f & 7u);
        m_nextBits = (m_nextBits & ~std::uint64_t(3)) | ((f >> 3) & 3u);
    }
    /// Scratch count during a collection (the refcount, clamped to 2^30).
    std::int32_t gcRefs() const
    {
        return std::int32_t(std::uint32_t(m_prevBits >> 48) << 16 | std::uint32_t(m_nextBits >> 48));
    }
    void setGcRefs(std::int32_t r)
    {
        const std::uint32_t u = std::uint32_t(r);
        m_prevBits = (m_prevBits & ~kHighMask) | std::uint64_t(u >> 16) << 48;
        m_nextBits = (m_nextBits & ~kHighMask) | std::uint64_t(u & 0xFFFFu) << 48;
    }
};
static_assert(sizeof(GcHead) == 16 && sizeof(GcHead) % alignof(Object) == 0);

inline GcHead* gcHeadOf(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }
inline Object* objectOf(GcHead* h) { return reinterpret_cast<Object*>(h + 1); }

class Heap {
public:
    static constexpr std::size_t kDefaultBudget = std::size_t(2) << 30; ///< 2 GiB
    static constexpr std::size_t kDefaultThreshold = 700;
    static constexpr int kMaxReleaseDepth = 64;

    explicit Heap(ObjectSpace& space);
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    /// Allocates a zero-filled instance of `type` of `bytes` bytes (at least
    /// sizeof(Object)) with refcount 1, tracked when the type is Gc. Returns
    /// null with MemoryError pending when the budget would be exceeded.
    Object* allocObject(TypeObject* type, std::size_t bytes);
    template <class T> T* alloc(TypeObject* type, std::size_t bytes = sizeof(T))
    {
        return static_cast<T*>(allocObject(type, bytes));
    }

    /// Buffers owned by objects, counted against the budget. Null (with
    /// MemoryError pending) on failure; allocBuffer(0) returns null without
    /// error. reallocBuffer keeps the old buffer on failure.
    void* allocBuffer(std::size_t bytes);
    void* reallocBuffer(void* p, std::size_t oldBytes, std::size_t newBytes);
    void freeBuffer(void* p, std::size_t bytes);
    /// Raises MemoryError (returning false) if `bytes` more would exceed the
    /// budget; for callers that size a large result before building it.
    bool checkBudget(std::size_t bytes);

    /// Called by releaseObject() when a count reaches zero.
    void release(Object* o);

    /// The offset of `p` in the slab reservation (false when `p` lies outside
    /// it): addresses shown to programs must not depend on where the system
    /// placed the reservation.
    bool slabOffset(const void* p, std::uint64_t& offset) const
    {
        if (!inSlab(p)) return false;
        offset = std::uint64_t(static_cast<const char*>(p) - m_slabBase);
        return true;
    }

    std::size_t liveBytes() const { return m_liveBytes; }
    std::size_t liveObjects() const { return m_liveObjects; }
    std::size_t budget() const { return m_budget; }
    void setBudget(std::size_t bytes) { m_budget = bytes; }

    // --- cycle collector -------------------------------------------------
    /// Links an object of a Gc type into the young generation. allocObject
    /// tracks automatically; untrack() is for objects being torn down.
    void track(Object* o);
    void untrack(Object* o);
    bool isTracked(Object* o) const;
    /// Full collection now; returns the number of unreachable objects found.
    std::size_t collect();
    /// Runs a young (and, when due, a full) collection if the allocation
    /// threshold was crossed since the last one. Returns objects found.
    std::size_t collectIfPending();
    bool collectPending() const { return m_collectPending; }
    void setThreshold(std::size_t allocations) { m_threshold = allocations; }
    void setAutomaticCollection(bool on) { m_automatic = on; }
    std::size_t trackedCount() const { return m_youngCount + m_oldCount; }
    std::size_t collections() const { return m_collections; }

    /// Marks a builtin object as never released: reference counting still
    /// works but the count never reaches zero; ObjectSpace frees it last.
    static void makeImmortal(Object* o) { o->m_refcnt = std::int64_t(1) << 60; }
    /// Frees an immortal object's memory at teardown (no destroy slot run).
    void freeImmortal(Object* o);
    /// Teardown: clears every tracked object until nothing is tracked.
    void clearAllTracked();

private:
    struct GcList {
        GcHead head; ///< sentinel; head.next() is the first element
    };
    static void listInit(GcList& l);
    static bool listEmpty(const GcList& l) { return l.head.next() == &l.head; }
    static void listUnlink(GcHead* h);
    static void listAppend(GcList& l, GcHead* h);
    static void listMove(GcHead* h, GcList& to);
    static void listSplice(GcList& from, GcList& to);

    void destroyNow(Object* o);
    void freeObjectMemory(Object* o, std::size_t bytes, bool gc);
    /// Small blocks (objects and buffers up to kPoolMaxBytes) are recycled
    /// through per-size free lists instead of going back to malloc: most
    /// objects die young (a task step's StopIteration, a bound method), and
    /// the free list makes their next allocation a pointer pop. New small
    /// blocks are carved from slab chunks of one size class each (no malloc
    /// header, no rounding beyond the 8-byte granule); a chunk's class is
    /// recorded per chunk, so a block's class never depends on the size its
    /// caller passes back. Without slab space (the reservation failed or is
    /// used up) small blocks come from malloc as before.
    void* poolAlloc(std::size_t bytes);
    void poolFree(void* p, std::size_t bytes);
    bool inSlab(const void* p) const
    {
        return static_cast<const char*>(p) >= m_slabBase && static_cast<const char*>(p) < m_slabEnd;
    }
    /// A fresh chunk for size class `cls`; false when no slab space is left.
    bool newSlabChunk(std::size_t cls);
    std::size_t collectGeneration(GcList& gen, GcList& survivors);
    void computeGcRefs(GcList& list);
    void partitionUnreachable(GcList& list, GcList& unreachable);
    bool runFinalizers(GcList& unreachable, GcList& seen);
    void clearGarbage(GcList& garbage, GcList& survivors);
    void resetFlags(GcList& list);
    static std::size_t listLength(const GcList& l);

    ObjectSpace& m_space;
    std::size_t m_liveBytes = 0;
    std::size_t m_liveObjects = 0;
    std::size_t m_budget = kDefaultBudget;

    GcList m_young;
    GcList m_old;
    std::size_t m_youngCount = 0; ///< tracked allocations since the last collection
    std::size_t m_oldCount = 0;
    std::size_t m_oldCountAtFullCollection = 0;
    std::size_t m_youngCollectionsSinceFull = 0;
    std::size_t m_threshold = kDefaultThreshold;
    std::size_t m_collections = 0;
    bool m_collectPending = false;
    bool m_collecting = false;
    bool m_automatic = true;

    int m_releaseDepth = 0;
    std::vector<Object*> m_deferredReleases;

    static constexpr std::size_t kPoolGranule = 8;
    static constexpr std::size_t kPoolMaxBytes = 512;
    static constexpr std::size_t kSlabChunkBytes = std::size_t(64) << 10;
    static constexpr std::size_t kSlabReserveBytes = std::size_t(8) << 30; ///< address space only; pages are used as touched
    struct FreeBlock {
        FreeBlock* next;
    };
    struct Bump {
        char* next = nullptr; ///< next unused byte of the class's current chunk
        char* end = nullptr;
    };
    static constexpr std::size_t kPoolClasses = kPoolMaxBytes / kPoolGranule + 1;
    FreeBlock* m_freeBlocks[kPoolClasses] = {}; ///< by size class (bytes rounded up to the granule)
    Bump m_bump[kPoolClasses];
    char* m_slabBase = nullptr;   ///< reserved on first use; null when not (yet) reserved
    char* m_slabNext = nullptr;   ///< first chunk not handed out
    char* m_slabEnd = nullptr;
    bool m_slabFailed = false;    ///< the reservation failed: malloc only
    std::vector<std::uint8_t> m_chunkClass; ///< size class of each chunk handed out, by index
};

} // namespace coroscope::pylite
