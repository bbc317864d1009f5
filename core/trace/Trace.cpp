#include "core/trace/Trace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace coroscope {

Trace::Trace()
{
    m_chunks.reserve(kMaxChunks);
    m_strings.reserve(kMaxStringChunks);
}

Trace::~Trace() = default;

namespace {

/// Released chunks kept for reuse; more are freed, so one big release
/// gives memory back.
constexpr std::size_t kMaxSpares = 8;

} // namespace

bool Trace::startChunk(std::size_t n)
{
    if (m_chunks.size() == kMaxChunks) {
        m_full = true;
        return false;
    }
    if (m_onChunk && n > 0)
        m_onChunk();
    if (m_spareChunks.empty()) {
        m_chunks.push_back(std::make_unique<Event[]>(kChunkEvents));
    } else {
        m_chunks.push_back(std::move(m_spareChunks.back()));
        m_spareChunks.pop_back();
    }
    return true;
}

void Trace::release(std::size_t end)
{
    const std::size_t chunks = std::min(end, size()) / kChunkEvents;
    for (; m_firstHeldChunk < chunks; ++m_firstHeldChunk) {
        if (m_spareChunks.size() < kMaxSpares)
            m_spareChunks.push_back(std::move(m_chunks[m_firstHeldChunk]));
        else
            m_chunks[m_firstHeldChunk].reset();
    }
    for (; m_firstHeldString + 2 < m_strings.size(); ++m_firstHeldString) {
        if (m_spareStrings.size() < kMaxSpares)
            m_spareStrings.push_back(std::move(m_strings[m_firstHeldString]));
        else
            m_strings[m_firstHeldString].reset();
    }
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
        if (m_spareStrings.empty()) {
            m_strings.push_back(std::make_unique<char[]>(kStringChunk));
        } else {
            m_strings.push_back(std::move(m_spareStrings.back()));
            m_spareStrings.pop_back();
        }
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
    if (ref.length == 0 || chunk >= m_strings.size() || chunk < m_firstHeldString || pos + ref.length > kStringChunk)
        return {};
    return {m_strings[chunk].get() + pos, ref.length};
}

std::size_t Trace::bytesUsed() const
{
    return size() * sizeof(Event) + m_stringBytes;
}

std::string Trace::serialize() const
{
    if (m_firstHeldChunk != 0 || m_firstHeldString != 0) {
        std::fprintf(stderr, "Trace::serialize: events released (first held event %zu, first held text chunk %zu)\n",
                     firstHeld(), m_firstHeldString);
        std::abort();
    }
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
