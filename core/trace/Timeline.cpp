#include "core/trace/Timeline.h"

#include <algorithm>

namespace coroscope {

namespace {

void add(std::int64_t (&sums)[kActivityCount], Activity a, std::int64_t length)
{
    sums[std::size_t(a)] += length;
}

} // namespace

void Timeline::onInterval(const Interval& iv)
{
    Lane& lane = m_lanes[iv.task];
    if (lane.blocks.empty())
        lane.blocks.emplace_back();
    Segment s;
    s.begin = iv.begin;
    s.end = std::max(iv.begin, iv.end);
    s.beginEvent = iv.beginEvent;
    s.endEvent = std::max(iv.beginEvent, iv.endEvent);
    s.target = iv.target;
    s.activity = iv.activity;
    s.waitKind = iv.waitKind;
    // Segments of a lane are contiguous in event order; clamp so that ends
    // stay non-decreasing even if a sink is fed out of order.
    if (!lane.segments.empty()) {
        const Segment& last = lane.segments.back();
        s.begin = std::max(s.begin, last.end);
        s.end = std::max(s.end, s.begin);
        s.beginEvent = std::max(s.beginEvent, last.endEvent);
        s.endEvent = std::max(s.endEvent, s.beginEvent);
    }
    lane.segments.push_back(s);
    add(lane.total.time, s.activity, s.end - s.begin);
    add(lane.total.events, s.activity, std::int64_t(s.endEvent) - s.beginEvent);
    if (lane.segments.size() % kBlock == 0)
        lane.blocks.push_back(lane.total);
    ++m_total;
}

void Timeline::clear()
{
    m_lanes.clear();
    m_total = 0;
}

std::vector<TaskId> Timeline::lanes() const
{
    std::vector<TaskId> ids;
    ids.reserve(m_lanes.size());
    for (const auto& [id, lane] : m_lanes)
        ids.push_back(id);
    return ids;
}

std::size_t Timeline::segmentCount(TaskId lane) const
{
    auto it = m_lanes.find(lane);
    return it == m_lanes.end() ? 0 : it->second.segments.size();
}

const Segment& Timeline::segment(TaskId lane, std::size_t i) const
{
    return m_lanes.at(lane).segments.at(i);
}

Timeline::Sums Timeline::prefix(const Lane& lane, std::size_t k)
{
    Sums s = lane.blocks[k / kBlock];
    for (std::size_t i = k / kBlock * kBlock; i < k; ++i) {
        const Segment& seg = lane.segments[i];
        add(s.time, seg.activity, seg.end - seg.begin);
        add(s.events, seg.activity, std::int64_t(seg.endEvent) - seg.beginEvent);
    }
    return s;
}

void Timeline::query(TaskId laneId, std::int64_t from, std::int64_t to, std::int64_t minLength, TimelineAxis axis,
                     std::vector<Span>& out, const Model* head) const
{
    static const Lane kNoLane;
    auto found = m_lanes.find(laneId);
    const Lane& lane = found == m_lanes.end() ? kNoLane : found->second;
    const std::size_t closed = lane.segments.size();

    Segment open;
    bool hasOpen = false;
    Interval iv;
    if (head && laneId != 0 && head->openInterval(laneId, iv)) {
        hasOpen = true;
        open = Segment{iv.begin, iv.end, iv.beginEvent, iv.endEvent, iv.target, iv.activity, iv.waitKind};
        if (closed) {
            open.begin = std::max(open.begin, lane.segments.back().end);
            open.end = std::max(open.end, open.begin);
            open.beginEvent = std::max(open.beginEvent, lane.segments.back().endEvent);
            open.endEvent = std::max(open.endEvent, open.beginEvent);
        }
    }
    const std::size_t n = closed + (hasOpen ? 1 : 0);
    auto seg = [&](std::size_t k) -> const Segment& { return k < closed ? lane.segments[k] : open; };
    const bool time = axis == TimelineAxis::Time;
    auto b = [&](std::size_t k) -> std::int64_t { return time ? seg(k).begin : std::int64_t(seg(k).beginEvent); };
    auto e = [&](std::size_t k) -> std::int64_t { return time ? seg(k).end : std::int64_t(seg(k).endEvent); };
    // Ends are non-decreasing within a lane, so "first k whose end passes x" is a binary search.
    auto firstEndAbove = [&](std::size_t lo, std::int64_t x, bool orEqual) {
        std::size_t hi = n;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (orEqual ? e(mid) < x : e(mid) <= x)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    auto exact = [&](std::size_t k) {
        const Segment& s = seg(k);
        out.push_back(Span{s.begin, s.end, s.beginEvent, s.endEvent, s.target, 1, s.activity, s.waitKind});
    };
    auto sumsUpTo = [&](std::size_t k) {
        Sums s = prefix(lane, std::min(k, closed));
        if (k > closed) {
            add(s.time, open.activity, open.end - open.begin);
            add(s.events, open.activity, std::int64_t(open.endEvent) - open.beginEvent);
        }
        return s;
    };

    std::size_t i = firstEndAbove(0, from, true);
    while (i < n && b(i) <= to) {
        if (minLength <= 0 || e(i) - b(i) >= minLength) {
            exact(i);
            ++i;
            continue;
        }
        const std::size_t j = firstEndAbove(i + 1, b(i) + minLength, false);
        if (j == i + 1) {
            exact(i);
            i = j;
            continue;
        }
        const Sums hi = sumsUpTo(j);
        const Sums lo = sumsUpTo(i);
        std::size_t best = 0;
        for (std::size_t a = 1; a < kActivityCount; ++a) {
            const std::int64_t primary = time ? hi.time[a] - lo.time[a] : hi.events[a] - lo.events[a];
            const std::int64_t primaryBest = time ? hi.time[best] - lo.time[best] : hi.events[best] - lo.events[best];
            const std::int64_t secondary = time ? hi.events[a] - lo.events[a] : hi.time[a] - lo.time[a];
            const std::int64_t secondaryBest = time ? hi.events[best] - lo.events[best] : hi.time[best] - lo.time[best];
            if (primary > primaryBest || (primary == primaryBest && secondary > secondaryBest))
                best = a;
        }
        const Segment& first = seg(i);
        const Segment& last = seg(j - 1);
        out.push_back(Span{first.begin, last.end, first.beginEvent, last.endEvent, 0, std::uint32_t(j - i),
                           Activity(best), WaitKind::None});
        i = j;
    }
}

std::size_t Timeline::bytesUsed() const
{
    std::size_t bytes = 0;
    for (const auto& [id, lane] : m_lanes)
        bytes += sizeof(Lane) + 4 * sizeof(void*) + lane.segments.capacity() * sizeof(Segment)
            + lane.blocks.capacity() * sizeof(Sums);
    return bytes;
}

} // namespace coroscope
