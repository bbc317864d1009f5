#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coroscope::syntax {

/// A view of `size` elements stored in an Arena. Trivially copyable, so AST
/// nodes that hold spans need no destructor.
template <class T>
struct Span {
    T* data = nullptr;
    std::uint32_t size = 0;

    T* begin() const { return data; }
    T* end() const { return data + size; }
    bool empty() const { return size == 0; }
    T& operator[](std::size_t i) const
    {
        assert(i < size && "Span index out of range");
        return data[i];
    }
    T& back() const { return (*this)[size - 1]; }
};

/// Bump allocator owning every node, string and span of one parse. All of it
/// is released at once when the Arena dies; nothing allocated here is ever
/// destroyed individually, so only trivially destructible types may live in
/// it (checked at compile time).
class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    Arena(Arena&&) noexcept = default;
    Arena& operator=(Arena&&) noexcept = default;

    void* allocate(std::size_t size, std::size_t align)
    {
        std::size_t mis = reinterpret_cast<std::uintptr_t>(m_cur) & (align - 1);
        std::size_t pad = mis ? align - mis : 0;
        if (m_cur == nullptr || static_cast<std::size_t>(m_end - m_cur) < size + pad) {
            grow(size + align);
            mis = reinterpret_cast<std::uintptr_t>(m_cur) & (align - 1);
            pad = mis ? align - mis : 0;
        }
        char* p = m_cur + pad;
        m_cur = p + size;
        m_used += size + pad;
        return p;
    }

    /// Constructs a T in the arena.
    template <class T, class... Args>
    T* make(Args&&... args)
    {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
    }

    /// Copies text into the arena (not NUL-terminated).
    std::string_view copyString(std::string_view s)
    {
        if (s.empty())
            return {};
        char* p = static_cast<char*>(allocate(s.size(), 1));
        std::memcpy(p, s.data(), s.size());
        return {p, s.size()};
    }

    /// Copies a vector's elements into an arena span.
    template <class T>
    Span<T> copySpan(const std::vector<T>& v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        Span<T> s;
        if (v.empty())
            return s;
        s.data = static_cast<T*>(allocate(sizeof(T) * v.size(), alignof(T)));
        std::memcpy(static_cast<void*>(s.data), v.data(), sizeof(T) * v.size());
        s.size = static_cast<std::uint32_t>(v.size());
        return s;
    }

    /// Bytes handed out so far (for tests and statistics).
    std::size_t bytesUsed() const { return m_used; }

private:
    void grow(std::size_t atLeast)
    {
        std::size_t size = m_nextBlock;
        if (size < atLeast)
            size = atLeast;
        m_blocks.push_back(std::make_unique<char[]>(size));
        m_cur = m_blocks.back().get();
        m_end = m_cur + size;
        if (m_nextBlock < (1u << 20))
            m_nextBlock *= 2;
    }

    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_cur = nullptr;
    char* m_end = nullptr;
    std::size_t m_nextBlock = 4096;
    std::size_t m_used = 0;
};

} // namespace coroscope::syntax
