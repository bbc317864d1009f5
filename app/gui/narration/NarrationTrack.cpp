#include "app/gui/narration/NarrationTrack.h"

#include "lessons/loader/AnchorResolver.h"

#include <algorithm>

namespace coroscope {

void NarrationTrack::setSteps(const QList<lessons::NarrationStep>& steps)
{
    m_steps = steps;
    setTrace(m_trace);
}

void NarrationTrack::setTrace(const Trace* trace)
{
    m_trace = trace;
    m_resolved.assign(std::size_t(m_steps.size()), false);
    m_stops.clear();
}

bool NarrationTrack::resolve()
{
    if (!m_trace)
        return false;
    const lessons::AnchorResolver resolver(*m_trace);
    bool found = false;
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_resolved[std::size_t(i)])
            continue;
        const std::optional<std::size_t> position = resolver.position(m_steps[i].anchor);
        if (!position)
            continue;
        m_resolved[std::size_t(i)] = true;
        m_stops.push_back({i, *position});
        found = true;
    }
    if (found) {
        std::stable_sort(m_stops.begin(), m_stops.end(), [](const Stop& a, const Stop& b) {
            return a.position != b.position ? a.position < b.position : a.step < b.step;
        });
    }
    return found;
}

int NarrationTrack::stopAt(std::size_t position) const
{
    const auto it = std::upper_bound(m_stops.begin(), m_stops.end(), position,
                                     [](std::size_t p, const Stop& s) { return p < s.position; });
    return int(it - m_stops.begin()) - 1;
}

bool NarrationTrack::incomplete() const
{
    return std::find(m_resolved.begin(), m_resolved.end(), false) != m_resolved.end();
}

} // namespace coroscope
