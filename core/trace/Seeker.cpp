#include "core/trace/Seeker.h"

#include "core/trace/Trace.h"

#include <algorithm>
#include <unordered_set>

namespace coroscope {

Seeker::Seeker(const Trace& trace, std::size_t interval)
    : m_trace(trace)
    , m_interval(std::max<std::size_t>(interval, 1))
{
    m_checkpoints.push_back(m_head);
}

std::size_t Seeker::update()
{
    const std::size_t end = m_trace.size();
    while (m_head.position() < end) {
        const std::size_t i = m_head.position();
        const Event& e = m_trace[i];
        if (e.kind == EventKind::Line)
            m_lines.push_back(std::uint32_t(i));
        else if (e.kind == EventKind::Switch)
            m_switches.push_back(std::uint32_t(i));
        const Nanos before = m_head.now();
        m_head.apply(e, m_trace, &m_timeline);
        if (m_head.now() > before)
            m_clock.emplace_back(std::uint32_t(i), m_head.now());
        if (m_head.position() % m_interval == 0)
            m_checkpoints.push_back(m_head);
    }
    return m_head.position();
}

const Model& Seeker::seek(std::size_t position)
{
    if (position > indexed())
        update();
    position = std::min(position, indexed());
    if (position == m_current.position())
        return m_current;
    if (position == indexed()) {
        m_current = m_head;
        return m_current;
    }
    const std::size_t k = position / m_interval;
    const std::size_t base = k * m_interval;
    if (m_current.position() < base || m_current.position() > position)
        m_current = m_checkpoints[k];
    m_current.applyUntil(m_trace, position);
    return m_current;
}

const std::vector<std::uint32_t>* Seeker::indexFor(Granularity g) const
{
    switch (g) {
    case Granularity::Line: return &m_lines;
    case Granularity::Switch: return &m_switches;
    case Granularity::Event: break;
    }
    return nullptr;
}

std::size_t Seeker::nextMatch(std::size_t from, Granularity g) const
{
    if (from >= indexed())
        return npos;
    const auto* index = indexFor(g);
    if (!index)
        return from;
    auto it = std::lower_bound(index->begin(), index->end(), from, [](std::uint32_t i, std::size_t v) { return i < v; });
    return it == index->end() ? npos : *it;
}

std::size_t Seeker::previousMatch(std::size_t before, Granularity g) const
{
    before = std::min(before, indexed());
    if (before == 0)
        return npos;
    const auto* index = indexFor(g);
    if (!index)
        return before - 1;
    auto it = std::lower_bound(index->begin(), index->end(), before, [](std::uint32_t i, std::size_t v) { return i < v; });
    return it == index->begin() ? npos : *(it - 1);
}

std::size_t Seeker::stepForward(std::size_t position, Granularity g) const
{
    const std::size_t i = nextMatch(position, g);
    return i == npos ? indexed() : i + 1;
}

std::size_t Seeker::stepBackward(std::size_t position, Granularity g) const
{
    if (position <= 1)
        return 0;
    const std::size_t i = previousMatch(std::min(position, indexed()) - 1, g);
    return i == npos ? 0 : i + 1;
}

std::size_t Seeker::firstIndexAtTime(Nanos t) const
{
    if (indexed() == 0)
        return npos;
    if (t <= 0)
        return 0;
    auto it = std::lower_bound(m_clock.begin(), m_clock.end(), t,
                               [](const std::pair<std::uint32_t, Nanos>& c, Nanos v) { return c.second < v; });
    return it == m_clock.end() ? npos : it->first;
}

std::vector<Span> Seeker::segments(TaskId task, Nanos from, Nanos to, Nanos minDuration) const
{
    std::vector<Span> out;
    m_timeline.query(task, from, to, minDuration, TimelineAxis::Time, out, &m_head);
    return out;
}

std::size_t Seeker::checkpointBytes() const
{
    std::unordered_set<const void*> seen;
    std::size_t bytes = (m_checkpoints.capacity() - m_checkpoints.size()) * sizeof(Model);
    for (const Model& m : m_checkpoints)
        m.forEachBlock([&](const void* id, std::size_t size) {
            if (seen.insert(id).second)
                bytes += size;
        });
    return bytes;
}

std::size_t Seeker::indexBytes() const
{
    return m_lines.capacity() * sizeof(std::uint32_t) + m_switches.capacity() * sizeof(std::uint32_t)
        + m_clock.capacity() * sizeof(m_clock[0]) + m_timeline.bytesUsed();
}

} // namespace coroscope
