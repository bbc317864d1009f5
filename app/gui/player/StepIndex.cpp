#include "app/gui/player/StepIndex.h"

#include "core/trace/Trace.h"

#include <algorithm>

namespace coroscope {

void StepIndex::update(const Trace& trace, std::size_t length)
{
    length = std::min(length, trace.size());
    for (std::size_t i = m_indexed; i < length; ++i) {
        const Event& e = trace[i];
        switch (e.kind) {
        case EventKind::Line:
            m_lines.push_back({i + 1, {e.subject, int(e.x)}});
            break;
        case EventKind::Switch:
            m_switches.push_back(i + 1);
            break;
        case EventKind::ClockAdvance:
            // Worker lanes keep their own clocks; the display shows the loop's.
            if (e.x == 0)
                m_clock.push_back({i + 1, Nanos(e.v)});
            break;
        default:
            break;
        }
    }
    m_indexed = std::max(m_indexed, length);
}

void StepIndex::clear()
{
    m_indexed = 0;
    m_lines.clear();
    m_switches.clear();
    m_clock.clear();
}

namespace {

/// Sorted positions of any stop type, read through a projection.
template <typename Vec, typename Proj>
std::size_t firstAfter(const Vec& v, std::size_t position, Proj proj, std::size_t none)
{
    auto it = std::upper_bound(v.begin(), v.end(), position,
                               [&](std::size_t p, const auto& s) { return p < proj(s); });
    return it == v.end() ? none : proj(*it);
}

template <typename Vec, typename Proj>
std::size_t lastBefore(const Vec& v, std::size_t position, Proj proj)
{
    auto it = std::lower_bound(v.begin(), v.end(), position,
                               [&](const auto& s, std::size_t p) { return proj(s) < p; });
    return it == v.begin() ? 0 : proj(*std::prev(it));
}

} // namespace

std::size_t StepIndex::nextStop(Granularity g, std::size_t position, std::size_t end) const
{
    switch (g) {
    case Granularity::Event:
        return std::min(position + 1, end);
    case Granularity::Line:
        return std::min(end, firstAfter(m_lines, position, [](const LineStop& s) { return s.position; }, end));
    case Granularity::Switch:
        return std::min(end, firstAfter(m_switches, position, [](std::size_t s) { return s; }, end));
    }
    return end;
}

std::size_t StepIndex::previousStop(Granularity g, std::size_t position) const
{
    switch (g) {
    case Granularity::Event:
        return position == 0 ? 0 : position - 1;
    case Granularity::Line:
        return lastBefore(m_lines, position, [](const LineStop& s) { return s.position; });
    case Granularity::Switch:
        return lastBefore(m_switches, position, [](std::size_t s) { return s; });
    }
    return 0;
}

Nanos StepIndex::timeAt(std::size_t position) const
{
    auto it = std::upper_bound(m_clock.begin(), m_clock.end(), position,
                               [](std::size_t p, const ClockStop& s) { return p < s.position; });
    return it == m_clock.begin() ? 0 : std::prev(it)->time;
}

StepIndex::LineMark StepIndex::lineAt(std::size_t position) const
{
    auto it = std::upper_bound(m_lines.begin(), m_lines.end(), position,
                               [](std::size_t p, const LineStop& s) { return p < s.position; });
    return it == m_lines.begin() ? LineMark{} : std::prev(it)->mark;
}

std::size_t StepIndex::stopCount(Granularity g) const
{
    switch (g) {
    case Granularity::Event: return m_indexed;
    case Granularity::Line: return m_lines.size();
    case Granularity::Switch: return m_switches.size();
    }
    return 0;
}

std::size_t StepIndex::stopsUpTo(Granularity g, std::size_t position) const
{
    auto countUpTo = [position](const auto& v, auto proj) {
        return std::size_t(std::upper_bound(v.begin(), v.end(), position,
                                            [&](std::size_t p, const auto& s) { return p < proj(s); })
                           - v.begin());
    };
    switch (g) {
    case Granularity::Event: return std::min(position, m_indexed);
    case Granularity::Line: return countUpTo(m_lines, [](const LineStop& s) { return s.position; });
    case Granularity::Switch: return countUpTo(m_switches, [](std::size_t s) { return s; });
    }
    return 0;
}

StepIndex::LineOccurrence StepIndex::lineOccurrenceAt(std::size_t position) const
{
    auto it = std::upper_bound(m_lines.begin(), m_lines.end(), position,
                               [](std::size_t p, const LineStop& s) { return p < s.position; });
    if (it == m_lines.begin())
        return {};
    const int line = std::prev(it)->mark.line;
    const auto nth = std::count_if(m_lines.begin(), it, [line](const LineStop& s) { return s.mark.line == line; });
    return {line, int(nth)};
}

std::size_t StepIndex::positionOfLine(int line, int nth) const
{
    int seen = 0;
    for (const LineStop& s : m_lines) {
        if (s.mark.line == line && ++seen == nth)
            return s.position;
    }
    return 0;
}

} // namespace coroscope
