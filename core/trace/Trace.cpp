#include "core/trace/Trace.h"

#include <cstring>

namespace coroscope {

Trace::Trace()
{
    m_chunks.reserve(kMaxChunks);
    m_strings.reserve(kMaxStringChunks);
}

Trace::~Trace() = default;

bool Trace::append(const Event& e)
{
    const std::size_t n = m_size.load(std::memory_order_relaxed);
    const std::size_t slot = n % kChunkEvents;
    if (slot == 0 && n / kChunkEvents == m_chunks.size()) {
        if (m_chunks.size() == kMaxChunks) {
            m_full = true;
            return false;
        }
        m_chunks.push_back(std::make_unique<Event[]>(kChunkEvents));
    }
    m_chunks[n / kChunkEvents][slot] = e;
    m_size.store(n + 1, std::memory_order_release);
    return true;
}

// A StrRef's offset is chunk * kStringChunk + position: text never straddles
// two chunks, so text() is one bounds check and no copy.
StrRef Trace::intern(std::string_view text)
{
    if (text.size() > kStringChunk)
        text = text.substr(0, kStringChunk);
    if (text.empty())
        return {};
    if (m_strings.empty() || m_stringUsed + text.size() > kStringChunk) {
        if (m_strings.size() == kMaxStringChunks) {
            m_full = true;
            return {};
        }
        m_strings.push_back(std::make_unique<char[]>(kStringChunk));
        m_stringUsed = 0;
    }
    const std::size_t chunk = m_strings.size() - 1;
    std::memcpy(m_strings[chunk].get() + m_stringUsed, text.data(), text.size());
    const StrRef ref{std::uint32_t(chunk * kStringChunk + m_stringUsed), std::uint32_t(text.size())};
    m_stringUsed += text.size();
    m_stringBytes += text.size();
    return ref;
}

std::string_view Trace::text(StrRef ref) const
{
    const std::size_t chunk = ref.offset / kStringChunk;
    const std::size_t pos = ref.offset % kStringChunk;
    if (ref.length == 0 || chunk >= m_strings.size() || pos + ref.length > kStringChunk)
        return {};
    return {m_strings[chunk].get() + pos, ref.length};
}

std::size_t Trace::bytesUsed() const
{
    return size() * sizeof(Event) + m_stringBytes;
}

std::string Trace::serialize() const
{
    const std::size_t n = size();
    std::string out;
    out.reserve(n * sizeof(Event) + m_stringBytes + 16);
    const std::uint64_t count = n;
    out.append(reinterpret_cast<const char*>(&count), sizeof count);
    for (std::size_t i = 0; i < n; ++i)
        out.append(reinterpret_cast<const char*>(&(*this)[i]), sizeof(Event));
    for (std::size_t c = 0; c < m_strings.size(); ++c) {
        const std::size_t used = c + 1 == m_strings.size() ? m_stringUsed : kStringChunk;
        out.append(m_strings[c].get(), used);
    }
    return out;
}

} // namespace coroscope
