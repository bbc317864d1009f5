#include "core/script/vm/Frame.h"

#include <algorithm>

namespace coroscope::pylite {

Frame* FrameStack::pushSlow(std::size_t words)
{
    std::size_t next = 0;
    if (!m_chunks.empty()) next = m_chunks[m_current].used == 0 ? m_current : m_current + 1;
    if (next < m_chunks.size() && m_chunks[next].size < words) {
        m_chunks[next].base = std::make_unique<std::uint64_t[]>(words);
        m_chunks[next].size = words;
    }
    if (next >= m_chunks.size()) {
        Chunk c;
        c.size = std::max(kChunkWords, words);
        c.base = std::make_unique<std::uint64_t[]>(c.size);
        m_chunks.push_back(std::move(c));
        next = m_chunks.size() - 1;
    }
    m_current = next;
    Chunk& c = m_chunks[m_current];
    c.used = words;
    return reinterpret_cast<Frame*>(c.base.get());
}

} // namespace coroscope::pylite
