#include "core/script/value/Heap.h"

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/TypeObject.h"
#include "core/script/value/detail/Check.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <sys/mman.h>

namespace coroscope::pylite {

namespace {

/// GcHead::m_flags bits.
enum GcFlag : std::uint32_t {
    kTracked = 1u << 0,
    kOld = 1u << 1,         ///< in the old generation (else young)
    kCollecting = 1u << 2,  ///< member of the generation being collected
    kUnreachable = 1u << 3, ///< tentatively unreachable during a collection
    kFinalized = 1u << 4,   ///< the finalizer already ran (PEP 442: at most once)
};

bool isGcObject(Object* o) { return o->m_type->has(TypeFlag::Gc); }

std::size_t objectSize(Object* o)
{
    const TypeObject* t = o->m_type;
    return t->m_slots.sizeOf ? t->m_slots.sizeOf(o) : t->m_basicSize;
}

} // namespace

void releaseObject(Object* o) { o->m_type->m_space->heap().release(o); }

Heap::Heap(ObjectSpace& space) : m_space(space)
{
    listInit(m_young);
    listInit(m_old);
}

Heap::~Heap()
{
    for (FreeBlock*& head : m_freeBlocks) {
        while (FreeBlock* b = head) {
            head = b->next;
            if (!inSlab(b)) std::free(b);
        }
    }
    if (m_slabBase) munmap(m_slabBase, std::size_t(m_slabEnd - m_slabBase));
}

bool Heap::newSlabChunk(std::size_t cls)
{
    if (!m_slabBase) {
        if (m_slabFailed) return false;
        void* mem = mmap(nullptr, kSlabReserveBytes, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (mem == MAP_FAILED) {
            m_slabFailed = true;
            return false;
        }
        m_slabBase = m_slabNext = static_cast<char*>(mem);
        m_slabEnd = m_slabBase + kSlabReserveBytes;
    }
    if (std::size_t(m_slabEnd - m_slabNext) < kSlabChunkBytes) return false;
    m_chunkClass.push_back(std::uint8_t(cls));
    m_bump[cls] = {m_slabNext, m_slabNext + kSlabChunkBytes};
    m_slabNext += kSlabChunkBytes;
    return true;
}

void* Heap::poolAlloc(std::size_t bytes)
{
    if (bytes > kPoolMaxBytes) return std::malloc(bytes);
    const std::size_t cls = (bytes + kPoolGranule - 1) / kPoolGranule;
    if (FreeBlock* b = m_freeBlocks[cls]) {
        m_freeBlocks[cls] = b->next;
        return b;
    }
    const std::size_t size = std::max<std::size_t>(cls * kPoolGranule, sizeof(FreeBlock));
    Bump& bump = m_bump[cls];
    if (std::size_t(bump.end - bump.next) < size && !newSlabChunk(cls)) return std::malloc(size);
    void* p = bump.next;
    bump.next += size;
    return p;
}

void Heap::poolFree(void* p, std::size_t bytes)
{
    if (inSlab(p)) {
        const std::size_t cls = m_chunkClass[std::size_t(static_cast<char*>(p) - m_slabBase) / kSlabChunkBytes];
        auto* b = static_cast<FreeBlock*>(p);
        b->next = m_freeBlocks[cls];
        m_freeBlocks[cls] = b;
        return;
    }
    if (bytes > kPoolMaxBytes) {
        std::free(p);
        return;
    }
    // A malloc block: the class comes from the block itself, not from
    // `bytes`: it is at least as large as its class, whatever size the
    // caller believes it has.
    const std::size_t cls = std::min(malloc_usable_size(p), kPoolMaxBytes) / kPoolGranule;
    auto* b = static_cast<FreeBlock*>(p);
    b->next = m_freeBlocks[cls];
    m_freeBlocks[cls] = b;
}

// --- lists ----------------------------------------------------------------

void Heap::listInit(GcList& l)
{
    l.head.m_prevBits = l.head.m_nextBits = reinterpret_cast<std::uintptr_t>(&l.head);
}

void Heap::listUnlink(GcHead* h)
{
    GcHead* prev = h->prev();
    GcHead* next = h->next();
    prev->setNext(next);
    next->setPrev(prev);
    h->setPrev(nullptr);
    h->setNext(nullptr);
}

void Heap::listAppend(GcList& l, GcHead* h)
{
    GcHead* last = l.head.prev();
    h->setPrev(last);
    h->setNext(&l.head);
    last->setNext(h);
    l.head.setPrev(h);
}

void Heap::listMove(GcHead* h, GcList& to)
{
    listUnlink(h);
    listAppend(to, h);
}

void Heap::listSplice(GcList& from, GcList& to)
{
    if (listEmpty(from)) return;
    GcHead* first = from.head.next();
    GcHead* last = from.head.prev();
    GcHead* toLast = to.head.prev();
    toLast->setNext(first);
    first->setPrev(toLast);
    last->setNext(&to.head);
    to.head.setPrev(last);
    listInit(from);
}

std::size_t Heap::listLength(const GcList& l)
{
    std::size_t n = 0;
    for (const GcHead* h = l.head.next(); h != &l.head; h = h->next()) ++n;
    return n;
}

// --- allocation -----------------------------------------------------------

bool Heap::checkBudget(std::size_t bytes)
{
    if (bytes > m_budget || m_liveBytes > m_budget - bytes) {
        m_space.raiseMemoryError();
        return false;
    }
    return true;
}

Object* Heap::allocObject(TypeObject* type, std::size_t bytes)
{
    PYLITE_CHECK(bytes >= sizeof(Object), bytes, sizeof(Object));
    const bool gc = type->has(TypeFlag::Gc);
    const std::size_t total = bytes + (gc ? sizeof(GcHead) : 0);
    if (!checkBudget(total)) return nullptr;
    void* mem = poolAlloc(total);
    if (mem) std::memset(mem, 0, total);
    if (!mem) {
        m_space.raiseMemoryError();
        return nullptr;
    }
    m_liveBytes += total;
    ++m_liveObjects;
    Object* o = gc ? objectOf(static_cast<GcHead*>(mem)) : static_cast<Object*>(mem);
    o->m_refcnt = 1;
    o->m_type = type;
    if (type->has(TypeFlag::HeapType)) increfObject(type);
    if (gc) track(o);
    return o;
}

void Heap::freeObjectMemory(Object* o, std::size_t bytes, bool gc)
{
    const std::size_t total = bytes + (gc ? sizeof(GcHead) : 0);
    m_liveBytes -= total;
    --m_liveObjects;
    poolFree(gc ? static_cast<void*>(gcHeadOf(o)) : static_cast<void*>(o), total);
}

void* Heap::allocBuffer(std::size_t bytes)
{
    if (bytes == 0) return nullptr;
    if (!checkBudget(bytes)) return nullptr;
    void* p = poolAlloc(bytes);
    if (!p) {
        m_space.raiseMemoryError();
        return nullptr;
    }
    m_liveBytes += bytes;
    return p;
}

void* Heap::reallocBuffer(void* p, std::size_t oldBytes, std::size_t newBytes)
{
    if (newBytes == 0) {
        freeBuffer(p, oldBytes);
        return nullptr;
    }
    if (newBytes > oldBytes && !checkBudget(newBytes - oldBytes)) return nullptr;
    void* q;
    if (oldBytes > kPoolMaxBytes && newBytes > kPoolMaxBytes && !(p && inSlab(p))) {
        q = std::realloc(p, newBytes);
    } else {
        // A pooled block's size class is fixed: move to a block of the new size.
        q = poolAlloc(newBytes);
        if (q) {
            if (p) std::memcpy(q, p, std::min(oldBytes, newBytes));
            if (p) poolFree(p, oldBytes);
        }
    }
    if (!q) {
        m_space.raiseMemoryError();
        return nullptr;
    }
    m_liveBytes = m_liveBytes - oldBytes + newBytes;
    return q;
}

void Heap::freeBuffer(void* p, std::size_t bytes)
{
    if (!p) return;
    m_liveBytes -= bytes;
    poolFree(p, bytes);
}

void Heap::freeImmortal(Object* o)
{
    const bool gc = isGcObject(o);
    if (gc && isTracked(o)) untrack(o);
    freeObjectMemory(o, objectSize(o), gc);
}

// --- release --------------------------------------------------------------

void Heap::release(Object* o)
{
    if (m_releaseDepth >= kMaxReleaseDepth) {
        // Too deep: queue it; the outermost release destroys it.
        m_deferredReleases.push_back(o);
        return;
    }
    ++m_releaseDepth;
    destroyNow(o);
    --m_releaseDepth;
    if (m_releaseDepth == 0) {
        while (!m_deferredReleases.empty()) {
            Object* d = m_deferredReleases.back();
            m_deferredReleases.pop_back();
            ++m_releaseDepth;
            destroyNow(d);
            --m_releaseDepth;
        }
    }
}

void Heap::destroyNow(Object* o)
{
    TypeObject* type = o->m_type;
    const bool gc = type->has(TypeFlag::Gc);
    if (type->m_slots.finalize && gc && !(gcHeadOf(o)->flags() & kFinalized)) {
        gcHeadOf(o)->setFlags(gcHeadOf(o)->flags() | kFinalized);
        o->m_refcnt = 1;
        type->m_slots.finalize(m_space, o);
        if (--o->m_refcnt != 0) return; // resurrected by its finalizer
    }
    if (gc && isTracked(o)) untrack(o);
    const std::size_t size = objectSize(o);
    if (type->m_slots.destroy) type->m_slots.destroy(m_space, o);
    freeObjectMemory(o, size, gc);
    if (type->has(TypeFlag::HeapType)) decrefObject(type);
}

// --- tracking -------------------------------------------------------------

void Heap::track(Object* o)
{
    GcHead* h = gcHeadOf(o);
    PYLITE_CHECK(!(h->flags() & kTracked), h->flags(), 0);
    PYLITE_CHECK((reinterpret_cast<std::uintptr_t>(h) & ~GcHead::kAddressMask) == 0, reinterpret_cast<std::uintptr_t>(h),
                 GcHead::kAddressMask);
    h->setFlags((h->flags() & kFinalized) | kTracked);
    listAppend(m_young, h);
    if (++m_youngCount > m_threshold && m_automatic) m_collectPending = true;
}

void Heap::untrack(Object* o)
{
    GcHead* h = gcHeadOf(o);
    if (!(h->flags() & kTracked)) return;
    if (!m_collecting || !(h->flags() & kCollecting)) {
        if (h->flags() & kOld) --m_oldCount;
        else --m_youngCount;
    }
    listUnlink(h);
    h->setFlags(h->flags() & kFinalized);
}

bool Heap::isTracked(Object* o) const { return (gcHeadOf(o)->flags() & kTracked) != 0; }

// --- collection -----------------------------------------------------------

namespace {

void visitDecrement(Value v, void*)
{
    Object* o = v.objectOrNull();
    if (!o || !isGcObject(o)) return;
    GcHead* h = gcHeadOf(o);
    if (h->flags() & kCollecting) h->setGcRefs(h->gcRefs() - 1);
}

struct ReachableContext {
    GcHead* listHead; ///< sentinel of the list being partitioned
};

} // namespace

void Heap::computeGcRefs(GcList& list)
{
    for (GcHead* h = list.head.next(); h != &list.head; h = h->next()) {
        // Clamped: an immortal object's huge count stays positive, and no
        // collection can subtract 2^30 internal references.
        h->setGcRefs(std::int32_t(std::min<std::int64_t>(objectOf(h)->m_refcnt, std::int64_t(1) << 30)));
        h->setFlags((h->flags() | kCollecting) & ~kUnreachable);
    }
    for (GcHead* h = list.head.next(); h != &list.head; h = h->next()) {
        Object* o = objectOf(h);
        if (o->m_type->m_slots.traverse) o->m_type->m_slots.traverse(o, visitDecrement, nullptr);
    }
}

void Heap::partitionUnreachable(GcList& list, GcList& unreachable)
{
    // Objects still referenced from outside keep gcRefs > 0. Walk the list;
    // each reachable object marks its referents reachable, pulling any that
    // were already set aside back to the tail so they are walked too.
    auto visitReachable = [](Value v, void* ctx) {
        Object* o = v.objectOrNull();
        if (!o || !isGcObject(o)) return;
        GcHead* h = gcHeadOf(o);
        if (!(h->flags() & kCollecting)) return;
        if (h->flags() & kUnreachable) {
            h->setFlags(h->flags() & ~kUnreachable);
            h->setGcRefs(1);
            GcHead* sentinel = static_cast<ReachableContext*>(ctx)->listHead;
            listUnlink(h);
            GcHead* last = sentinel->prev();
            h->setPrev(last);
            h->setNext(sentinel);
            last->setNext(h);
            sentinel->setPrev(h);
        } else if (h->gcRefs() == 0) {
            h->setGcRefs(1);
        }
    };
    ReachableContext ctx{&list.head};
    GcHead* h = list.head.next();
    while (h != &list.head) {
        Object* o = objectOf(h);
        if (h->gcRefs() > 0) {
            if (o->m_type->m_slots.traverse) o->m_type->m_slots.traverse(o, visitReachable, &ctx);
            h = h->next();
        } else {
            GcHead* next = h->next();
            h->setFlags(h->flags() | kUnreachable);
            listMove(h, unreachable);
            h = next;
        }
    }
}

void Heap::resetFlags(GcList& list)
{
    for (GcHead* h = list.head.next(); h != &list.head; h = h->next())
        h->setFlags((h->flags() & (kTracked | kFinalized)) | kOld);
}

bool Heap::runFinalizers(GcList& unreachable, GcList& seen)
{
    bool ran = false;
    while (!listEmpty(unreachable)) {
        GcHead* h = unreachable.head.next();
        listMove(h, seen);
        Object* o = objectOf(h);
        FinalizeFn fin = o->m_type->m_slots.finalize;
        if (!fin || (h->flags() & kFinalized)) continue;
        h->setFlags(h->flags() | kFinalized);
        ran = true;
        increfObject(o);
        fin(m_space, o);
        decrefObject(o);
    }
    return ran;
}

void Heap::clearGarbage(GcList& garbage, GcList& survivors)
{
    while (!listEmpty(garbage)) {
        GcHead* h = garbage.head.next();
        Object* o = objectOf(h);
        increfObject(o);
        if (o->m_type->m_slots.clear) o->m_type->m_slots.clear(m_space, o);
        // Still at the head: clearing did not free it (something outside the
        // garbage holds it after all); it survives into the old generation.
        if (garbage.head.next() == h) {
            listMove(h, survivors);
            h->setFlags((h->flags() & (kTracked | kFinalized)) | kOld);
            ++m_oldCount;
        }
        decrefObject(o);
    }
}

std::size_t Heap::collectGeneration(GcList& gen, GcList& survivors)
{
    ++m_collections;
    computeGcRefs(gen);
    GcList unreachable;
    listInit(unreachable);
    partitionUnreachable(gen, unreachable);

    // Reachable objects survive into the old generation.
    resetFlags(gen);
    m_oldCount += listLength(gen);
    listSplice(gen, survivors);
    std::size_t found = listLength(unreachable);
    if (found == 0) return 0;

    GcList seen;
    listInit(seen);
    if (runFinalizers(unreachable, seen)) {
        // A finalizer may have stored a reference to garbage somewhere live:
        // recompute which of the survivors of finalization are still garbage.
        computeGcRefs(seen);
        GcList stillUnreachable;
        listInit(stillUnreachable);
        partitionUnreachable(seen, stillUnreachable);
        resetFlags(seen);
        m_oldCount += listLength(seen);
        listSplice(seen, survivors);
        clearGarbage(stillUnreachable, survivors);
    } else {
        clearGarbage(seen, survivors);
    }
    return found;
}

std::size_t Heap::collect()
{
    if (m_collecting) return 0;
    m_collecting = true;
    m_collectPending = false;
    Ref savedError = m_space.takeError();
    // Merge young into old and collect everything.
    for (GcHead* h = m_young.head.next(); h != &m_young.head; h = h->next()) h->setFlags(h->flags() | kOld);
    m_oldCount += m_youngCount;
    m_youngCount = 0;
    listSplice(m_young, m_old);
    GcList all;
    listInit(all);
    listSplice(m_old, all);
    m_oldCount = 0;
    std::size_t found = collectGeneration(all, m_old);
    m_oldCountAtFullCollection = m_oldCount;
    m_youngCollectionsSinceFull = 0;
    if (savedError) m_space.restoreError(std::move(savedError));
    m_collecting = false;
    return found;
}

std::size_t Heap::collectIfPending()
{
    if (!m_collectPending || m_collecting) return 0;
    m_collecting = true;
    m_collectPending = false;
    Ref savedError = m_space.takeError();
    GcList young;
    listInit(young);
    listSplice(m_young, young);
    m_youngCount = 0;
    std::size_t found = collectGeneration(young, m_old);
    ++m_youngCollectionsSinceFull;
    m_collecting = false;
    // Full collections when the old generation grew by a quarter since the
    // last one keep the total work linear in the allocations.
    if (m_youngCollectionsSinceFull >= 10 && m_oldCount > m_oldCountAtFullCollection + m_oldCountAtFullCollection / 4) {
        m_collecting = false;
        if (savedError) m_space.restoreError(std::move(savedError));
        return found + collect();
    }
    if (savedError) m_space.restoreError(std::move(savedError));
    return found;
}

void Heap::clearAllTracked()
{
    m_collecting = true;
    for (GcList* l : {&m_young, &m_old}) {
        while (!listEmpty(*l)) {
            GcHead* h = l->head.next();
            Object* o = objectOf(h);
            increfObject(o);
            // Detach first so the loop always progresses even if clear does
            // not free the object (a leaked reference).
            untrack(o);
            if (o->m_type->m_slots.clear) o->m_type->m_slots.clear(m_space, o);
            decrefObject(o);
        }
    }
    m_youngCount = m_oldCount = 0;
    m_collecting = false;
}

} // namespace coroscope::pylite
