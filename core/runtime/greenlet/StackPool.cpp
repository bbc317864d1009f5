#include "core/runtime/greenlet/StackPool.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <new>

namespace coroscope {

namespace {

std::size_t pageSize()
{
    const long size = ::sysconf(_SC_PAGESIZE);
    return size > 0 ? std::size_t(size) : 4096;
}

std::size_t roundUp(std::size_t n, std::size_t to)
{
    return (n + to - 1) / to * to;
}

} // namespace

StackPool::StackPool(std::size_t usableSize)
    : m_usableSize(roundUp(usableSize == 0 ? 1 : usableSize, pageSize()))
    , m_guardSize(pageSize())
{
}

StackPool::~StackPool()
{
    trim();
    if (m_inUse != 0)
        std::fprintf(stderr, "StackPool: destroyed with %zu stacks in use (expected 0); leaving them mapped\n",
                     m_inUse);
}

StackPool::Stack StackPool::acquire()
{
    if (m_free.empty())
        m_free.push_back(map());
    const Stack stack = m_free.back();
    m_free.pop_back();
    ++m_inUse;
    return stack;
}

void StackPool::release(const Stack& stack) noexcept
{
    // Capacity for every mapped stack was reserved in map(), so this cannot
    // reallocate.
    m_free.push_back(stack);
    --m_inUse;
}

void StackPool::reserve(std::size_t count)
{
    while (m_free.size() < count)
        m_free.push_back(map());
}

void StackPool::trim() noexcept
{
    for (const Stack& stack : m_free)
        unmap(stack);
    m_free.clear();
}

StackPool::Stack StackPool::map()
{
    // Reserve first so that a failure leaves nothing mapped, and so release()
    // never allocates: the free list can then hold every stack there is.
    m_free.reserve(allocated() + 1);
    const std::size_t size = m_guardSize + m_usableSize;
    void* mapping = ::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (mapping == MAP_FAILED)
        throw std::bad_alloc();
    if (::mprotect(mapping, m_guardSize, PROT_NONE) != 0) {
        ::munmap(mapping, size);
        throw std::bad_alloc();
    }
    ++m_mappingsCreated;
    return Stack{mapping, size, m_guardSize};
}

void StackPool::unmap(const Stack& stack) noexcept
{
    ::munmap(stack.mapping, stack.mappingSize);
}

} // namespace coroscope
