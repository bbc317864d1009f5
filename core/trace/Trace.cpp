#include "core/trace/Trace.h"

#include <cstring>

namespace coroscope {

Trace::Trace() = default;
Trace::~Trace() = default;

void Trace::append(const Event& e)
{
    const std::size_t slot = m_size % kChunkEvents;
    if (slot == 0 && m_size / kChunkEvents == m_chunks.size())
        m_chunks.push_back(std::make_unique<Event[]>(kChunkEvents));
    m_chunks[m_size / kChunkEvents][slot] = e;
    ++m_size;
}

StrRef Trace::intern(std::string_view text)
{
    StrRef ref{std::uint32_t(m_strings.size()), std::uint32_t(text.size())};
    m_strings.append(text);
    return ref;
}

std::string_view Trace::text(StrRef ref) const
{
    if (std::size_t(ref.offset) + ref.length > m_strings.size())
        return {};
    return std::string_view(m_strings).substr(ref.offset, ref.length);
}

std::size_t Trace::bytesUsed() const
{
    return m_size * sizeof(Event) + m_strings.size();
}

std::string Trace::serialize() const
{
    std::string out;
    out.reserve(m_size * sizeof(Event) + m_strings.size() + 16);
    const std::uint64_t n = m_size;
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    for (std::size_t i = 0; i < m_size; ++i) {
        const Event& e = (*this)[i];
        char buf[sizeof(Event)];
        std::memset(buf, 0, sizeof buf); // padding-free already; keeps the image stable regardless
        std::memcpy(buf, &e, sizeof e);
        out.append(buf, sizeof buf);
    }
    out.append(m_strings);
    return out;
}

} // namespace coroscope
