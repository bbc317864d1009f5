#pragma once
// StackPool: machine stacks for greenlets. Each stack is one anonymous
// mapping: a PROT_NONE guard page at the low end (stacks grow down, so an
// overflow faults instead of corrupting the neighbour) and the usable part
// above it. Released stacks go on a free list and are handed out again, so a
// warm pool never calls mmap: starting a greenlet costs a vector pop.
//
// Default size: 1 MiB usable per stack. The VM re-enters its dispatch loop
// for Python calls made from native code, and must reach CPython's
// recursion limit of 1000 on a greenlet stack: 1000 levels at up to ~1 KiB of
// C++ frames each, plus headroom. The mapping is MAP_NORESERVE and pages are
// committed only when touched, so an unused megabyte costs address space,
// not memory. The VM reads the bounds (Stack::low) to raise RecursionError
// before it reaches the guard page.
//
// A pool is used by one thread at a time (the thread of its runtimes) and
// must outlive every runtime that takes stacks from it.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace coroscope {

class StackPool {
public:
    /// Usable bytes per stack when none are given (see the header comment).
    static constexpr std::size_t kDefaultUsableSize = std::size_t(1) << 20;

    /// One machine stack: [mapping, mapping + guard) is the guard page,
    /// [low(), high()) is usable, and a fresh stack starts at high().
    struct Stack {
        void* mapping = nullptr;     ///< start of the mapping (the guard page)
        std::size_t mappingSize = 0; ///< guard + usable bytes
        std::size_t guardSize = 0;   ///< bytes of PROT_NONE at the low end

        std::uintptr_t low() const { return reinterpret_cast<std::uintptr_t>(mapping) + guardSize; }
        std::uintptr_t high() const { return reinterpret_cast<std::uintptr_t>(mapping) + mappingSize; }
        std::size_t usableSize() const { return mappingSize - guardSize; }
        explicit operator bool() const { return mapping != nullptr; }
    };

    /// `usableSize` is rounded up to whole pages; the guard is one page.
    explicit StackPool(std::size_t usableSize = kDefaultUsableSize);
    /// Unmaps the free stacks. Stacks still in use are reported on stderr and
    /// left mapped (their greenlets could not be unwound).
    ~StackPool();
    StackPool(const StackPool&) = delete;
    StackPool& operator=(const StackPool&) = delete;

    /// A stack from the free list, or a new mapping when the list is empty.
    /// Throws std::bad_alloc when the kernel refuses the mapping.
    Stack acquire();
    /// Returns a stack taken from this pool. Never allocates (the free list's
    /// capacity is reserved when a mapping is made), so it may run on any
    /// stack, including inside Boost.Context's fiber teardown.
    void release(const Stack& stack) noexcept;
    /// Maps stacks until `count` are free (warms the pool).
    void reserve(std::size_t count);
    /// Unmaps every free stack.
    void trim() noexcept;

    std::size_t usableSize() const { return m_usableSize; }
    std::size_t guardSize() const { return m_guardSize; }

    std::size_t allocated() const { return m_inUse + m_free.size(); } ///< stacks mapped now
    std::size_t inUse() const { return m_inUse; }                     ///< acquired, not yet released
    std::size_t free() const { return m_free.size(); }                ///< on the free list
    std::size_t mappingsCreated() const { return m_mappingsCreated; } ///< mmap calls ever made

private:
    Stack map();
    void unmap(const Stack& stack) noexcept;

    std::size_t m_usableSize = 0;      ///< usable bytes per stack, whole pages
    std::size_t m_guardSize = 0;       ///< one page
    std::vector<Stack> m_free;         ///< released stacks, reused last-in first-out
    std::size_t m_inUse = 0;           ///< stacks acquired and not released
    std::size_t m_mappingsCreated = 0; ///< monotonic count of successful mmaps
};

} // namespace coroscope
