#pragma once
// CowVector: a vector stored in fixed-size chunks that copies share until one
// side writes. The Model is copied into a checkpoint every few thousand
// events; with CowVector a copy costs one shared_ptr per chunk, and the first
// write to a chunk after a copy clones only that chunk. Full chunks of an
// append-only log (output, warnings) are therefore shared by every checkpoint.
//
// Thread contract: a CowVector and its copies may live on different threads
// as long as each object is used by one thread at a time. A writer clones a
// chunk unless it holds the only reference, and no other thread can gain a
// reference to that chunk without reading the writer's object.

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace coroscope::detail {

template <typename T, std::size_t ChunkSize>
class CowVector {
    static_assert(ChunkSize > 0);
    struct Chunk {
        std::array<T, ChunkSize> items{};
    };

public:
    static constexpr std::size_t kChunkSize = ChunkSize;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    /// Read access; `i` must be < size().
    const T& operator[](std::size_t i) const
    {
        const Chunk* chunk = m_chunks[i / ChunkSize].get();
        return chunk ? chunk->items[i % ChunkSize] : emptyValue();
    }

    /// Write access; `i` must be < size(). Allocates the chunk on first write
    /// and clones it if a copy shares it.
    T& mutableAt(std::size_t i)
    {
        std::shared_ptr<Chunk>& chunk = m_chunks[i / ChunkSize];
        if (!chunk)
            chunk = std::make_shared<Chunk>();
        else if (chunk.use_count() > 1)
            chunk = std::make_shared<Chunk>(*chunk);
        return chunk->items[i % ChunkSize];
    }

    /// Grows to `n` elements (never shrinks); new elements read as T{}.
    /// Chunks are allocated on first write, so a sparse tail costs one pointer per chunk.
    void growTo(std::size_t n)
    {
        if (n <= m_size)
            return;
        // Slots past m_size were never written (there is no shrinking short
        // of clear(), which drops the chunks), so they already hold T{}.
        m_chunks.resize((n + ChunkSize - 1) / ChunkSize);
        m_size = n;
    }

    void pushBack(const T& value)
    {
        growTo(m_size + 1);
        mutableAt(m_size - 1) = value;
    }

    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }

    /// Calls fn(const void* chunkIdentity, std::size_t bytes) for each chunk,
    /// so callers can count memory shared between copies only once.
    template <typename Fn>
    void forEachChunk(Fn&& fn) const
    {
        for (const auto& chunk : m_chunks)
            if (chunk)
                fn(static_cast<const void*>(chunk.get()), sizeof(Chunk));
    }

    /// Bytes held by this object itself (the chunk pointer table).
    std::size_t ownBytes() const { return m_chunks.capacity() * sizeof(std::shared_ptr<Chunk>); }

    friend bool operator==(const CowVector& l, const CowVector& r)
    {
        if (l.m_size != r.m_size)
            return false;
        for (std::size_t c = 0; c < l.m_chunks.size(); ++c) {
            if (l.m_chunks[c] == r.m_chunks[c])
                continue; // shared chunk: equal by identity
            const std::size_t end = std::min(l.m_size, (c + 1) * ChunkSize);
            for (std::size_t i = c * ChunkSize; i < end; ++i)
                if (!(l[i] == r[i]))
                    return false;
        }
        return true;
    }

private:
    static const T& emptyValue()
    {
        static const T empty{};
        return empty;
    }

    std::vector<std::shared_ptr<Chunk>> m_chunks; ///< chunk c holds elements [c*ChunkSize, (c+1)*ChunkSize)
    std::size_t m_size = 0;                       ///< elements in use
};

} // namespace coroscope::detail
